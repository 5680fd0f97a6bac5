"""strikewatch: conflict news in, a source-attributed record of airstrikes and claims out.

The stages are modules (``ingest``, ``extract``, ``geo``, ``fuse``, ``brief``, ``export``)
run in order by ``pipeline``; ``cli`` and ``api`` are thin shells over them. The records they
pass are in ``models`` and the errors they raise in ``errors``; this package root re-exports
the few names a library user starts from.
"""

from importlib.metadata import version

from .errors import StrikewatchError
from .models import ClaimMention, Document, Place, StrikeMention
from .store import Store

__all__ = ["ClaimMention", "Document", "Place", "Store", "StrikeMention", "StrikewatchError"]
__version__ = version("strikewatch")  # one source of truth: pyproject.toml
