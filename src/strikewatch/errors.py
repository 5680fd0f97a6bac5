"""One exception tree for strikewatch.

    StrikewatchError
    ├── InputError          an input (file, line, feed, URL) cannot become a document
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── EncodingError
    │   ├── MalformedInput   broken JSON line, broken feed, unparseable HTML
    │   ├── NoArticleText    a page whose furniture is all there is
    │   └── FetchError       a URL that could not be fetched
    ├── StoreError          the database cannot be opened or migrated
    ├── GeocodeError        the gazetteer cannot be built or loaded
    ├── RegistryError       the actor registry (data/actors) cannot be read or breaks its schema
    ├── ReviewError         an analyst's action refers to something that is not there
    ├── ExportError         an unknown export format, or one that cannot hold what is asked
    ├── BriefError          no briefing can be made (no dated incident, no Chromium for a PDF)
    ├── ControlMapError     a control map or its label mapping cannot be imported (file, feature)
    ├── ClusterError        a Dask scheduler cannot be reached, or Dask is not installed
    └── UserError           a user cannot be added (bad name or role)
        └── UserExists       the name is taken (HTTP 409, not 422)

Per-item failures (``InputError``) are recorded with their message and skipped; the others end
the run. Messages are one line and name the input, so they can go straight into a summary.
"""

from __future__ import annotations


class StrikewatchError(Exception):
    """Base of every error strikewatch raises on purpose."""


class InputError(StrikewatchError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class EncodingError(InputError):
    pass


class MalformedInput(InputError):
    pass


class NoArticleText(InputError):
    pass


class FetchError(InputError):
    pass


class StoreError(StrikewatchError):
    pass


class GeocodeError(StrikewatchError):
    pass


class ReviewError(StrikewatchError):
    pass


class ExportError(StrikewatchError):
    pass


class BriefError(StrikewatchError):
    pass


class NothingToBrief(BriefError):
    """No dated incident matches: nothing found (exit 1), not a usage error."""


class ClusterError(StrikewatchError):
    pass


class ControlMapError(StrikewatchError):
    pass


class UserError(StrikewatchError):
    pass


class UserExists(UserError):
    pass


class RegistryError(StrikewatchError):
    """An actor registry file that cannot be read or breaks the schema; the message names the
    file and the entry."""


class WatchlistError(StrikewatchError):
    """A watch-list that cannot be checked (unknown attacker, negative radius, bad polygon)."""


class ConfigError(StrikewatchError):
    """A sources or delivery file that cannot be used; the message names the file and line."""
