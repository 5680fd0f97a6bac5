"""The records the stages pass on: what a document has said so far, who speaks in a sentence,
the place names found, the strike words and the date a strike takes. Named records, not
tuples, so that a stage reads ``when.date`` rather than ``when[0]``; every stage imports them
from here and none from another stage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from strikewatch.lexicons import ActorEntry, OrgEntry
from strikewatch.models import Casualties, ClaimMention, Document, Span, StrikeMention, Target
from strikewatch.nlp import Sentence


@dataclass(frozen=True, slots=True)
class Extraction:
    """A document's strike mentions and claims, merged."""
    strikes: tuple[StrikeMention, ...]
    claims: tuple[ClaimMention, ...]


EMPTY = Extraction((), ())
# claim kinds, the most specific first: a speaker's tie between two kinds goes to the first
_KIND_ORDER = ("denial", "statistic", "casualties", "accusation", "target", "other")


@dataclass(slots=True)
class Trigger:
    """A strike word of a sentence: how strongly it reports a strike ("strong", "weak",
    "claimed"), the tokens that can name who struck, and the actors named on them."""
    tok: Any
    strength: str
    attached: set[int]
    found: list[tuple[ActorEntry, set[int]]]


@dataclass(frozen=True, slots=True)
class DateChoice:
    """The date a strike takes: the day (or month), how precise it is and the words that say
    it (None: a day the text gives another act, such as the saying of the report)."""
    date: date
    precision: str
    text: str | None


@dataclass(frozen=True, slots=True)
class LastDate:
    """The date the text last gave a strike, and where its sentence ended: "Airstrikes also
    targeted ..." right after takes it."""
    end: int
    when: DateChoice


@dataclass(frozen=True, slots=True)
class LastAttackers:
    """The attackers the text last named and where: a strike word with none of its own may take
    them when it follows closely in the same paragraph."""
    paragraph: int
    end: int
    attackers: tuple[ActorEntry | None, ...]


@dataclass(slots=True)
class Attribution:
    """A speaker in a sentence: its name, the key that joins its statements across the
    document, its body, its tokens, and the verb of saying."""
    text: str
    key: str
    org: OrgEntry | None
    tokens: set[int]
    verb: str
    verb_i: int
    span: Span


@dataclass(slots=True)
class PlaceCandidate:
    """A place name in a sentence: its text, characters within the sentence, tokens, and the
    precision its place word gives it ("province": admin1)."""
    text: str
    start: int
    end: int
    tokens: set[int]
    precision: str | None
    known: bool = True  # the gazetteer knows the name


@dataclass(frozen=True, slots=True)
class UnplacedToll:
    """A strike sentence that tells a toll but names no place ("Army helicopter fire killed 9
    people at a camp near the border"): its words, its toll and the forces it names."""
    sentence: Span
    casualties: Casualties
    attackers: tuple[str, ...]  # the countries of the forces it names, none when it names none
    event_type: str  # "air" | "shelling" | "unknown", as its delivery words say
    site: str | None = None  # the kind of site it says was hit ("school"), for "The school in ..."
    when: DateChoice | None = None  # the day its words give, if any


@dataclass(frozen=True, slots=True)
class TollUpdate:
    """A sentence that gives a strike's toll as risen ("Later on Monday the group said the toll
    had risen to 14") and tells no strike of its own: its span, the toll, and the places it
    names (the strike updated, when it says which: "the toll in Maarat al-Numan had risen")."""
    span: Span
    casualties: Casualties
    places: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TollWithoutStrike:
    """A sentence that tells a toll at one place and no strike word ("The regime committed a
    massacre in the neighborhood of Bab Alnairab, killing at least 25 civilians"), for the
    next sentence to say what hit the victims: the sentence as read, and its place."""
    ctx: SentenceContext
    place: PlaceCandidate


@dataclass(frozen=True, slots=True)
class StrikeWithoutPlace:
    """A strike word that names no place ("an air strike late on Wednesday by the coalition
    hit poison gas supplies ... that killed hundreds"), for the next sentence to place ("The
    incident in the eastern Deir al-Zor province ..."): its sentence as read, its attackers,
    what supports it and its day."""
    ctx: SentenceContext
    choice: AttackerChoice
    evidence: StrikeEvidence
    when: DateChoice | None


@dataclass(slots=True)
class DocState:
    """What a document has said so far: the strikes and claims found, and what later
    sentences lean on (the last attackers, date and speakers, the bodies it names)."""
    doc: Document
    reference: date | None
    strikes: list[StrikeMention] = field(default_factory=list)
    headline: list[StrikeMention] = field(default_factory=list)
    claims: list[tuple[str, ClaimMention]] = field(default_factory=list)
    last_attackers: LastAttackers | None = None
    last_date: LastDate | None = None
    last_speaker: dict[str, Attribution] = field(default_factory=dict)
    last_statement: Attribution | None = None  # who issued the last statement the text names
    people: set[str] = field(default_factory=set)  # surnames of the named speakers so far
    # (speaker key, attacker code) -> targets the speaker says that force's strikes hit
    asserted: dict[tuple[str, str], list[Target]] = field(default_factory=dict)
    speakers: dict[int, tuple[str, ...]] = field(default_factory=dict)  # sentence start -> speaker keys
    # where the text names its speakers: a force named only as a voice ("Ukraine's air force said")
    # is no attacker the text names
    voices: list[Span] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # speaker key -> the key it is the same speaker as
    striking: set[str] = field(default_factory=set)  # states whose strikes the text has named so far
    bodies: Mapping[str, OrgEntry] = field(default_factory=dict)  # role -> the one body of it the text names
    short_item: bool = False  # a caption, feed line or coder's note, not an article
    labour_story: bool = False  # it tells of a walkout ("went on strike"): see _a_labour_strike
    outlet: OrgEntry | None = None  # the body that published it, when a speaker's registry names it
    title_place: PlaceCandidate | None = None  # the title, when it is only a place (document offsets)
    filed_from: bool = False  # that place is a wire dateline's city: where the reporter is
    unplaced_toll: UnplacedToll | None = None  # the sentence just read told a toll but no place
    toll_without_strike: TollWithoutStrike | None = None  # ... or a toll at a place but no strike
    retold: Span | None = None  # a sentence that told the last strike again, with no place or toll
    unplaced_strike: StrikeWithoutPlace | None = None  # the sentence just read told a strike, no place
    toll_updates: list[TollUpdate] = field(default_factory=list)  # tolls given as risen, no strike


@dataclass(slots=True)
class SentenceContext:
    """One parsed sentence as the stages see it, and what its strike words have found so far."""
    sentence: Sentence
    sdoc: Any
    actors: list[tuple[ActorEntry, set[int]]]  # actor names, off page furniture
    attributions: list[Attribution]
    speaker_tokens: set[int]  # speakers' names and page furniture: no strike word, place or target
    sent_span: Span
    hedged: bool
    open_attacker: Any  # the match of words that leave the attacker open ("not clear who ...")
    campaign: set[int] = field(default_factory=set)  # the clause of a campaign's strike word
    triggers: list[Trigger] = field(default_factory=list)  # the sentence's strike words
    events: list[StrikeMention] = field(default_factory=list)
    event_attackers: list[ActorEntry] = field(default_factory=list)
    named_attackers: list[ActorEntry | None] = field(default_factory=list)  # named in this sentence, placed or not
    strike_actors: list[ActorEntry] = field(default_factory=list)  # state forces attached to a strike word, event or not
    places: list[PlaceCandidate] | None = None  # found when a strike word first needs them
    date_mentions: list | None = None  # likewise
    unplaced: list[ActorEntry | None] | None = None  # attackers of strike words placed nowhere
    without_place: StrikeWithoutPlace | None = None  # its first strike word placed nowhere

    @property
    def main(self) -> Attribution | None:
        """The sentence's first speaker: whose words the strikes are."""
        return self.attributions[0] if self.attributions else None


@dataclass(slots=True)
class StrikeEvidence:
    """Why a strike word may be an event: a strong word, a state force, aircraft or a munition
    that lands (``supported``); a belligerent's own claim (``claimed``, by ``voice``); or a bare
    word right after a sentence that named the state forces (``follows``). ``ground`` marks
    ground troops with no weapon named."""
    supported: bool
    ground: bool
    claimed: bool
    voice: OrgEntry | None
    follows: bool


@dataclass(slots=True)
class AttackerChoice:
    """The attackers of one strike word (``[None]`` when the text leaves it open) and the
    characters that name the first."""
    attackers: list[ActorEntry | None]
    span: Span | None = None
