"""The records that flow between stages.

Every stage is a plain function over these frozen, slotted dataclasses; the store maps them to
tables and the REST layer to pydantic models. Offsets (``start``/``end``) are always character
offsets into ``Document.text``, so any extracted field can be traced back to the words that
support it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

DATE_PRECISIONS = ("day", "week", "month")
GEO_PRECISIONS = ("point", "admin2", "admin1", "region", "country")
TARGET_CATEGORIES = ("jihadist", "rebel", "kurdish", "government", "civilian", "infrastructure", "unknown")
CLAIM_KINDS = ("target", "casualties", "denial", "accusation", "statistic", "other")
# What delivered a strike, in ACLED's split of "Explosions/Remote violence": an air or drone
# strike, or shelling/artillery/missile fire from the ground; "unknown" when the text names
# neither (event_types.yaml holds the words).
EVENT_TYPES = ("air", "shelling", "unknown")
SPEAKER_ROLES = ("belligerent", "government", "monitor", "opposition", "analyst", "media", "other")
GRADES = ("confirmed", "fair", "weak", "contested", "discounted")
# How records for readers (exports, API) name an attacker no report identifies: the annotation
# guide's word, so that gold files, exports and filters all spell "nobody said who" the same way.
UNKNOWN_ATTACKER = "unknown"


@dataclass(frozen=True, slots=True)
class Segment:
    """A title, standfirst, caption or body paragraph: sentences never cross segments."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """One article as ingested. ``text`` is the segments joined by blank lines."""

    id: str
    text: str
    segments: tuple[Segment, ...]
    content_hash: str
    title: str | None = None
    source: str | None = None  # the outlet ("Middle East Eye", "Reuters")
    url: str | None = None
    published: date | None = None
    published_from: str | None = None  # dateline | metadata | option | input
    language: str | None = None
    byline: str | None = None
    origin: str | None = None  # the file, URL or feed it was read from
    near_duplicate_of: str | None = None  # id of the first stored copy of the same story
    encoding: str | None = None  # the charset a non-UTF-8 input was decoded from ("cp1252")


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not become a document, and the one-line reason why."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Range:
    """A count as the text gives it: ``at least 12`` is Range(12, None).

    ``vague`` marks a figure the text never states: "dozens" is Range(24, None, vague=True),
    the floor the annotation guide fixes for the word. It does not take part in equality (two
    ranges with the same bounds are the same count); readers show it as "dozens", not "24+".
    ``part`` marks the floor some of the dead set, no toll of them all ("a commander was
    killed", "two children were among the dead"): it agrees with a toll another report gives.
    """

    min: int | None = None
    max: int | None = None
    vague: bool = field(default=False, compare=False)
    part: bool = field(default=False, compare=False)

    @property
    def empty(self) -> bool:
        return self.min is None and self.max is None


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: Range = field(default_factory=Range)
    wounded: Range = field(default_factory=Range)
    civilians_killed: Range = field(default_factory=Range)


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical armed actor: a state's forces by ISO code, or a non-state force by name."""

    name: str  # "Russian Armed Forces", "Islamic State"
    country: str | None = None  # ISO 3166-1 alpha-2 for state forces

    @property
    def code(self) -> str:
        return self.country or self.name


@dataclass(frozen=True, slots=True)
class Target:
    category: str  # one of TARGET_CATEGORIES
    name: str | None = None  # "Islamic State", "Free Syrian Army"
    asserted_by: str | None = None  # who says this is what was hit


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer match. ``alternatives`` keeps the other candidates and why they lost."""

    name: str
    lat: float
    lon: float
    country: str  # ISO alpha-2
    precision: str  # one of GEO_PRECISIONS
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    source: str = "geonames"  # geonames | supplement | pycountry
    alternatives: tuple[str, ...] = ()
    # the name as written when the gazetteer lacks it and the place is its container
    # ("Nova Dmytrivka" of "Nova Dmytrivka, Kharkiv"), for a later gazetteer to resolve
    unresolved_name: str | None = None


@dataclass(frozen=True, slots=True)
class StrikeMention:
    """One strike as one sentence of one document reports it."""

    doc_id: str
    sentence: Span
    place_text: str | None
    place_span: Span | None
    attacker: Actor | None
    attacker_span: Span | None = None
    date: date | None = None
    date_precision: str | None = None
    date_text: str | None = None
    place: Place | None = None
    targets: tuple[Target, ...] = ()
    casualties: Casualties = field(default_factory=Casualties)
    weapon: str | None = None
    source: str | None = None  # who reports it, as the text names them
    claimed_by_attacker: bool = False
    hedged: bool = False
    support: tuple[Span, ...] = ()  # further sentences of the same document that report it
    event_type: str = "unknown"  # one of EVENT_TYPES
    # the named house, family, facility or vehicle hit ("the al-Najjar family home", "al-Awda
    # hospital"): what tells apart two strikes on one neighbourhood on one day
    site: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimMention:
    """An attributed statement about strikes, their targets or their victims."""

    doc_id: str
    span: Span  # the sentence(s) holding the claim
    speaker: str
    kind: str  # one of CLAIM_KINDS
    org: str | None = None
    role: str | None = None  # one of SPEAKER_ROLES
    about: str | None = None  # Actor.code of the attacker the claim concerns
    quote: str | None = None
    numbers: tuple[tuple[str, float], ...] = ()  # ("share", 0.05), ("killed_min", 12)
    period: str | None = None  # a statistic's period as written ("since Sept. 19", "this year")


@dataclass(frozen=True, slots=True)
class StoredMention:
    """A stored strike mention with what fusion needs to know about the document it came from.

    ``story`` is the id of the first stored copy of the story (the document itself, or the one
    it is a syndicated copy of), so that wire copies count as one source.
    """

    id: int
    mention: StrikeMention
    story: str
    incident_id: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Incident:
    """One strike after merging every report of it; ``reviewed`` maps analyst-set fields to
    the values the analyst gave, which fusion never overwrites."""

    id: str
    date: date | None
    date_precision: str | None
    attacker: Actor | None
    place: Place | None
    targets: tuple[Target, ...] = ()
    fatalities: Range = field(default_factory=Range)
    civilians: Range = field(default_factory=Range)
    grade: str = "weak"  # one of GRADES
    grade_reason: str | None = None
    origin: str = "text"
    reviewed: dict = field(default_factory=dict)
    event_type: str = "unknown"  # one of EVENT_TYPES, from its mentions (fuse.incident_event_type)
    # when the stored record last changed (UTC; the ACLED export's timestamp); not compared:
    # the same incident read back later is the same incident
    updated_at: datetime | None = field(default=None, compare=False)
