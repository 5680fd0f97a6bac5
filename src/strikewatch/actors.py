"""The actor registry: every force, group and speaking body strikewatch knows, in one place.

The entries live in ``data/actors/*.yaml`` (one file per theatre of war; the schema is in that
folder's README). Extraction names attackers from their ``aliases``, the claim speakers come
from their ``speaker_names``, and fusion asks :meth:`Registry.source_entry` whose voice a
source is. Keeping one list means an alias or an allegiance cannot say one thing to the
extractor and another to fusion.

Words that name no one force are settled here too (``generic.yaml``): "the army" is the state
forces of the country the strike falls in, "the coalition" the coalition of that theatre, and
a side's word for its enemy ("the invaders") the force it designates there, else an
unidentified armed group. Extraction cannot know the strike's country, so such an attacker
stays pending (:data:`PENDING_TERRITORY`, :data:`PENDING_COALITION`) until
:func:`settle_attackers` runs after geocoding. So does a speaker named only "the civil
defence" (:data:`PENDING_CIVIL_DEFENCE`), the service of the country the story's strikes
fall in, until :func:`settle_claims`; and a bare "state media" (:data:`PENDING_STATE_MEDIA`),
the state media of that country.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ._yamlconf import load_data
from .errors import RegistryError
from .models import SPEAKER_ROLES, Actor, ClaimMention, StrikeMention

__all__ = [
    "KINDS",
    "PENDING_CIVIL_DEFENCE",
    "PENDING_STATE_MEDIA",
    "PENDING_COALITION",
    "PENDING_COALITION_VOICE",
    "PENDING_TERRITORY",
    "AttackerWord",
    "Registry",
    "RegistryEntry",
    "RegistryError",
    "load_registry",
    "settle_attackers",
    "settle_claims",
]

KINDS = ("state_force", "coalition", "armed_group", "ministry", "government", "media", "monitor",
         "opposition")
STRIKING_KINDS = frozenset({"state_force", "coalition", "armed_group"})
# kinds whose attacker is a state, coded by its country (README: "An attacker's code")
# the bodies that speak about every war; every other file is one theatre's
INTERNATIONAL_FILE = "international.yaml"
STATE_KINDS = frozenset({"state_force", "coalition"})
# kinds that speak for a state: their word about the state's strikes is the attacker's own
STATE_BODY_KINDS = frozenset({"state_force", "coalition", "ministry", "government"})

# The attacker of a strike whose force is a bare word, until the strike's country is known.
PENDING_TERRITORY = "state forces of the territory (pending)"
PENDING_COALITION = "coalition of the theatre (pending)"
# A speaker named only "the civil defence", until the country of the story's strikes is known.
PENDING_CIVIL_DEFENCE = "civil defence of the story's country (pending)"
# A speaker named only "state media" ("state television", "the state news agency"), until the
# country of the story's strikes is known: Syria's SANA in a Syrian story, never elsewhere.
PENDING_STATE_MEDIA = "state media of the story's country (pending)"
# A speaker named only as the coalition's ("a coalition spokesman"), until the country of the
# story's strikes says which coalition: the Saudi-led one's in Yemen, the US-led one's in Syria.
PENDING_COALITION_VOICE = "voice of the coalition of the theatre (pending)"


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """One body of ``data/actors/*.yaml``."""

    code: str
    name: str
    kind: str  # one of KINDS
    country: str | None
    source: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    speaker_names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    role: str | None = None
    capitals: frozenset[str] = frozenset()
    territories: frozenset[str] = frozenset()  # the land it is named after, lower-cased
    theatres: tuple[str, ...] = ()  # the countries a state's forces strike in, when not only home
    drones: bool = False  # an armed group that flies armed drones (see README.md)
    # listed in one theatre's file, not in international.yaml: a body of that war's country
    local: bool = False

    @property
    def is_state(self) -> bool:
        """Its strikes are a state's (coded by the ISO country), not a named group's."""
        return self.kind in STATE_KINDS and self.country is not None

    def actor(self) -> Actor:
        """The attacker as records give it: a state's forces by their country, a group by its
        code (the short name the gold files and ACLED use: "Al Shabaab", "Houthis")."""
        return Actor(self.name, self.country) if self.is_state else Actor(self.code)


@dataclass(frozen=True, slots=True)
class AttackerWord:
    """What an alias found in text makes the attacker: the extractor's view of an entry.

    ``resolve`` is None for a named force, "territory" or "coalition" for a bare force word
    settled after geocoding, "designation" for a side's word for its enemy ("terrorists").
    """

    name: str
    country: str | None
    state: bool
    capitals: frozenset[str] = frozenset()
    resolve: str | None = None
    registry_code: str | None = None
    flies_drones: bool = False  # an armed group known to strike with drones

    @property
    def generic(self) -> bool:
        """A word for any armed opponent: a group the sentence also names wins over it."""
        return self.resolve == "designation"

    @property
    def code(self) -> str:
        return self.country or self.name


@dataclass(frozen=True, slots=True)
class _PropagandaTerms:
    name: str  # the attacker while no designation applies
    words: tuple[str, ...]
    designates: tuple[tuple[str, str], ...]  # (strike's country, registry code)


class Registry:
    """Every entry, indexed by code, and the generic words. Build with :func:`load_registry`."""

    def __init__(self, entries: Sequence[RegistryEntry], generic: dict):
        self.entries = tuple(entries)
        self.by_code = {e.code: e for e in self.entries}
        self._by_name = {e.name: e for e in reversed(self.entries)}  # the first of a name wins
        self.generic = generic
        self.coalition_by_theatre: dict[str, str] = {
            str(k): str(v) for k, v in (generic.get("coalition_by_theatre") or {}).items()}
        self.civil_defence_by_country: dict[str, str] = {
            str(k): str(v) for k, v in (generic.get("civil_defence_by_country") or {}).items()}
        self._civil_defence_words = frozenset(
            normalize_name(str(w)) for w in generic.get("civil_defence_words") or ())
        self.state_media_by_country: dict[str, str] = {
            str(k): str(v) for k, v in (generic.get("state_media_by_country") or {}).items()}
        self._state_media_words = frozenset(
            normalize_name(str(w)) for w in generic.get("state_media_words") or ())
        self.propaganda = tuple(
            _PropagandaTerms(str(p["name"]), tuple(str(w) for w in p["words"]),
                             tuple((str(k), str(v)) for k, v in (p.get("designates") or {}).items()))
            for p in generic.get("propaganda_terms") or ())
        self.not_actors = tuple(str(p) for p in generic.get("not_actors") or ())
        self._source_index = self._index_sources()
        self._quoted_index = {normalize_name(n): e for e in self.speakers() for n in e.speaker_names
                              if " " in n.strip() or (n.isupper() and len(n) <= 6)}

    # -- the extractor's view --------------------------------------------------------------

    def attacker_aliases(self) -> dict[str, AttackerWord]:
        """Every alias that names an attacker -> what it makes the attacker. A named force's
        own alias beats a demonym phrase ("Syrian Arab Army" over "Syrian army" is moot; "US-led
        coalition" stays the coalition's), and both beat the generic words."""
        out: dict[str, AttackerWord] = {}
        for entry in self.striking_entries():
            actor = entry.actor()
            word = AttackerWord(actor.name, actor.country, entry.is_state, entry.capitals,
                                registry_code=entry.code, flies_drones=entry.drones)
            for alias in entry.aliases:
                out.setdefault(alias, word)
        for entry in self.striking_entries():
            word = AttackerWord(entry.name, entry.country, True, entry.capitals, registry_code=entry.code)
            for phrase in (*self._demonym_phrases(entry), *self._state_force_names(entry)):
                out.setdefault(phrase, word)
        territory = AttackerWord(PENDING_TERRITORY, None, True, resolve="territory")
        coalition = AttackerWord(PENDING_COALITION, None, True, resolve="coalition")
        pending = [(self.generic["territory_words"], territory), (self.generic["coalition_words"], coalition)]
        pending += [(p.words, AttackerWord(p.name, None, False, resolve="designation")) for p in self.propaganda]
        for words, word in pending:
            for alias in words:
                out.setdefault(str(alias), word)
        return out

    def demonym_forces(self) -> dict[str, AttackerWord]:
        """Each state's demonym -> its main forces, for a demonym on a strike word ("Pakistani
        shelling", "an Ethiopian drone strike"): the adjective names whose strike it is, as
        "Pakistani army" names whose army. Demonyms of a state's other forces (a coalition
        sharing one) do not count."""
        out: dict[str, AttackerWord] = {}
        for entry in self.striking_entries():
            if entry.is_state and self.state_forces(entry.country) is entry:
                word = AttackerWord(entry.name, entry.country, True, entry.capitals,
                                    registry_code=entry.code)
                for demonym in entry.demonyms:
                    if not demonym.endswith("'s"):
                        out.setdefault(demonym, word)
        return out

    def striking_entries(self) -> list[RegistryEntry]:
        """The forces that strike, each state's main forces first (the order of the files)."""
        return [e for e in self.entries if e.kind in STRIKING_KINDS]

    def _demonym_phrases(self, entry: RegistryEntry) -> Iterable[str]:
        if not entry.is_state:
            return ()
        return (f"{d} {w}" for d in entry.demonyms for w in self.generic["force_words"])

    def _state_force_names(self, entry: RegistryEntry) -> Iterable[str]:
        """ACLED's names of a state's forces ("Military Forces of Kenya"), for its main forces
        only: the country as the ACLED export names it, so what strikewatch writes it reads."""
        if not entry.is_state or self.state_forces(entry.country) is not entry:
            return ()
        from .imports import acled_country_name  # imports reads ACLED's tables, not this registry

        country = acled_country_name(entry.country)
        return (form.format(country=country) for form in self.generic.get("state_force_forms") or ())

    def speakers(self) -> list[RegistryEntry]:
        return [e for e in self.entries if e.speaker_names]

    def speaks_for_state(self, entry: RegistryEntry) -> str | None:
        """The state a speaker's words are the voice of (its ministries, its forces, its state
        news agency), else None."""
        if entry.kind in STATE_BODY_KINDS:
            return entry.country
        parent = self.by_code.get(entry.parent or "")
        if entry.kind == "media" and parent is not None and parent.kind in STATE_BODY_KINDS:
            return parent.country
        return None

    def armed_group_of(self, entry: RegistryEntry) -> str | None:
        """The code of the armed group a speaker is, or belongs to (a group's spokesman, its
        media wing), else None: states speak through :meth:`speaks_for_state`."""
        for body in (entry, self.by_code.get(entry.parent or "")):
            if body is not None and body.kind == "armed_group":
                return body.code
        return None

    # -- fusion's view -----------------------------------------------------------------------

    def source_entry(self, name: str | None) -> RegistryEntry | None:
        """The entry a source or speaker name stands for ("the Observatory", "SOHR", "Russia's
        defence ministry"): the whole name, else the longest name it is quoted under inside it
        ("Houthi military spokesman Yahya Saree"), of two words or an acronym: a lone "France"
        in "a joint statement of France, Germany, ..." is not the French state speaking. None
        for a name the registry lacks."""
        return self._source_entry(normalize_name(re.sub(r"\([^)]*\)", " ", name or "")))

    @lru_cache(maxsize=4096)  # noqa: B019 (the registry lives as long as the process)
    def _source_entry(self, key: str) -> RegistryEntry | None:
        if not key or key in self._source_index:
            return self._source_index.get(key)
        padded = f" {key} "
        inside = [n for n in self._quoted_index if f" {n} " in padded]
        return self._quoted_index[max(inside, key=len)] if inside else None

    def voice_key(self, entry: RegistryEntry) -> str:
        """Sources that count as one voice: every body of one state (its ministry of defence
        and its president say one thing), else the body itself."""
        state = self.speaks_for_state(entry)
        return f"state:{state}" if state and entry.kind != "media" else entry.code

    def speaks_for(self, entry: RegistryEntry, attacker_code: str | None,
                   attacker_name: str | None = None) -> bool:
        """Whether ``entry`` reporting a strike by ``attacker_code`` is the attacker's own word.
        Rival forces that each claim a state's name (Libya's LNA and GNA forces, both "LY")
        share its code but not each other's voice."""
        if attacker_code is None or self._rival_forces(entry, attacker_name):
            return False
        if entry.kind != "media" and self.speaks_for_state(entry) == attacker_code:
            return True
        return entry.role == "belligerent" and entry.actor().code == attacker_code

    def _rival_forces(self, entry: RegistryEntry, attacker_name: str | None) -> bool:
        attacker = self._by_name.get(attacker_name) if attacker_name else None
        return attacker is not None and attacker.code != entry.code \
            and attacker.kind == entry.kind == "state_force" and attacker.country == entry.country \
            and entry.code not in (attacker.parent, attacker.code) and attacker.code != entry.parent

    def _index_sources(self) -> dict[str, RegistryEntry]:
        index: dict[str, RegistryEntry] = {}
        for entry in self.speakers():  # a speaker's own names first ("Moscow" speaks as the government)
            for name in (entry.name, *entry.speaker_names):
                index.setdefault(normalize_name(name), entry)
        for entry in self.entries:
            for name in (entry.name, *entry.aliases):
                index.setdefault(normalize_name(name), entry)
        index.pop("", None)
        return index

    # -- after geocoding ----------------------------------------------------------------------

    def state_forces(self, country: str) -> RegistryEntry | None:
        """A state's main forces: its first state_force or coalition entry."""
        return next((e for e in self.entries if e.is_state and e.country == country), None)

    def theatre_of(self, attacker: Actor | None) -> frozenset[str]:
        """The countries an attacker's strikes fall in: a state's listed ``theatres`` (Israel's
        forces strike in Gaza, Lebanon, Syria, Yemen and Iran, not in Egypt), else the home of
        the force or group (the RSF fight in Sudan), and the theatres of the mission or
        coalition it serves under. Empty for a force not yet known."""
        if attacker is None:
            return frozenset()
        entry = self.state_forces(attacker.country) if attacker.country \
            else self.by_code.get(attacker.name)
        if entry is None:
            return frozenset()
        own = frozenset(entry.theatres) or frozenset([entry.country] if entry.country else [])
        mission = self.by_code.get(entry.parent or "")  # Kenya's forces under AMISOM: Somalia
        return own | frozenset(mission.theatres if mission is not None else ())

    @cached_property
    def war_countries(self) -> frozenset[str]:
        """The countries some force of the registry strikes in: where a strike report's
        unknown attacker may have struck."""
        return frozenset().union(*(self.theatre_of(e.actor()) for e in self.striking_entries()))

    def settle(self, attacker: Actor | None, country: str | None) -> Actor | None:
        """The attacker a pending word names once the strike's country is known."""
        if attacker is None:
            return None
        if attacker.name == PENDING_TERRITORY:
            return self._state_actor(country)
        if attacker.name == PENDING_COALITION:
            coalition = self.by_code.get(self.coalition_by_theatre.get(country or ""))
            return coalition.actor() if coalition else None
        terms = next((p for p in self.propaganda if p.name == attacker.name), None)
        code = dict(terms.designates).get(country or "") if terms else None
        return self.by_code[code].actor() if code else attacker

    def coalition_voice_of(self, country: str | None) -> RegistryEntry | None:
        """The body that speaks for the coalition of ``country``'s war: the coalition itself
        when it has a voice of its own (the Saudi-led coalition), else the speaker that names
        it among its names (the US Department of Defense for the US-led coalition)."""
        coalition = self.by_code.get(self.coalition_by_theatre.get(country or ""))
        if coalition is None or coalition.speaker_names:
            return coalition
        names = {normalize_name(n) for n in coalition.aliases}
        return next((e for e in self.speakers()
                     if names & {normalize_name(n) for n in e.speaker_names}), None)

    def civil_defence_of(self, country: str | None) -> str | None:
        """The name of the civil defence service of ``country``, if the registry lists one."""
        entry = self.by_code.get(self.civil_defence_by_country.get(country or ""))
        return entry.name if entry else None

    def state_media_of(self, country: str | None) -> str | None:
        """The name of the state media body of ``country``, if the registry lists one."""
        entry = self.by_code.get(self.state_media_by_country.get(country or ""))
        return entry.name if entry else None

    def source_entry_in(self, name: str | None, country: str | None) -> RegistryEntry | None:
        """:meth:`source_entry`, where a name that is only "the civil defence" is the service
        of ``country`` (the strike's): the White Helmets in Syria, not in Mosul; and one that
        is only "state media" that country's state media: SANA in Syria, not in Sudan."""
        key = normalize_name(name or "")
        if key in self._civil_defence_words:
            return self.by_code.get(self.civil_defence_by_country.get(country or ""))
        if key in self._state_media_words:
            return self.by_code.get(self.state_media_by_country.get(country or ""))
        return self.source_entry(name)

    def _state_actor(self, country: str | None) -> Actor | None:
        if not country:
            return None  # nothing settles it: unknown, never a fixed country
        entry = self.state_forces(country)
        return entry.actor() if entry else Actor(f"State forces of {country}", country)


def normalize_name(text: str) -> str:
    """A name as fusion compares names: ASCII letters and digits, lower case, no leading article."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[\u2019']s\b", "s", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^(the|a|an) ", "", text)


def settle_attackers(mentions: Sequence[StrikeMention], registry: Registry | None = None) -> list[StrikeMention]:
    """Settle each pending attacker ("the army", "the coalition", "the invaders") from the
    country its geocoded place lies in, or the other side's across a border
    (``_across_the_border``); a mention with no place keeps no attacker."""
    reg = registry or load_registry()
    out = []
    for m in mentions:
        country = _across_the_border(m, mentions) or (m.place.country if m.place else None)
        settled = reg.settle(m.attacker, country)
        out.append(m if settled == m.attacker else replace(m, attacker=settled))
    return [replace(m, attacker=None, claimed_by_attacker=False) if _fire_on_its_own_side(m, out)
            else m for m in out]


def _across_the_border(m: StrikeMention, mentions: Sequence[StrikeMention]) -> str | None:
    """The country whose "army" or "military" strikes ``m``'s place across a border: in a
    story whose other strikes all fall in one other country, none by that country's own
    forces ("Hezbollah fired rockets at Kiryat Shmona ... The military said its jets struck
    Nabatieh"; "Russian missiles hit Kharkiv ... The army said it struck Belgorod"), the
    generic word is the side struck, whose war the story reports (the annotation guide), not
    the state of the ground it strikes. None where the story's strikes fall on the same
    ground or on several (a civil war's army strikes its own land)."""
    if m.attacker is None or m.attacker.name != PENDING_TERRITORY or m.place is None:
        return None
    others = [o for o in mentions if o.attacker is not None and o.place is not None
              and o.attacker.name != PENDING_TERRITORY]
    lands = {o.place.country for o in others}
    if len(lands) != 1 or m.place.country in lands:
        return None
    there = next(iter(lands))
    return None if any(o.attacker.country == there for o in others) else there


def _fire_on_its_own_side(m: StrikeMention, mentions: Sequence[StrikeMention]) -> bool:
    """An attacker the sentence does not name (carried from the sentence before, or the
    voice's own forces) placed on its own state's soil, in a story where it strikes across a
    border: the fire came the other way ("Israeli strikes killed 22 in Khan Younis. Rockets
    were fired from Gaza towards Sderot"; "Russian glide bombs hit Kharkiv. Explosions were
    reported in Belgorod"). A state striking its own land in a civil war strikes nowhere
    else, and keeps its strikes."""
    a, span, sentence = m.attacker, m.attacker_span, m.sentence
    if a is None or a.country is None or m.place is None or m.place.country != a.country:
        return False
    if span is not None and sentence is not None and sentence.start <= span.start < sentence.end:
        return False
    return any(o.attacker is not None and o.attacker.country == a.country and o.place is not None
               and o.place.country != a.country for o in mentions)


def settle_claims(claims: Sequence[ClaimMention], strikes: Sequence[StrikeMention],
                  registry: Registry | None = None) -> list[ClaimMention]:
    """Settle what a claim leaves pending from the country the document's strikes fall in:
    a claim about "the army" or "the coalition" ("The RSF accused the army of staging it":
    Sudan's), and a speaker named only "the civil defence" (in a story of strikes on Mosul,
    Iraq's directorate, not Syria's White Helmets) or "state media" (SANA in a Syrian story,
    no one known in a Sudanese one) or only as the coalition's ("a coalition spokesman": the
    Saudi-led coalition's in Yemen, the Pentagon in Syria). With no such country the claim is about no one known,
    and the civil defence and state media stay unnamed: never a fixed country."""
    pending_about = (PENDING_TERRITORY, PENDING_COALITION)
    pending_orgs = (PENDING_CIVIL_DEFENCE, PENDING_STATE_MEDIA, PENDING_COALITION_VOICE)
    if not any(c.about in pending_about or c.org in pending_orgs for c in claims):
        return list(claims)
    reg = registry or load_registry()
    country = story_country(strikes)
    out = []
    for c in claims:
        if c.about in pending_about:
            settled = reg.settle(Actor(c.about), country) if country else None
            c = replace(c, about=settled.code if settled else None)
        if c.org == PENDING_CIVIL_DEFENCE:
            c = replace(c, org=reg.civil_defence_of(country))
        elif c.org == PENDING_STATE_MEDIA:
            c = replace(c, org=reg.state_media_of(country))
        elif c.org == PENDING_COALITION_VOICE:
            voice = reg.coalition_voice_of(country)
            c = replace(c, org=voice.name if voice else None)
        out.append(c)
    return _one_claim_per_civil_defence(out, reg)


def _one_claim_per_civil_defence(claims: list[ClaimMention], reg: Registry) -> list[ClaimMention]:
    """One claim per body and document, as extraction merges them: "the civil defence" now
    known to be the White Helmets is one speaker with "the White Helmets" of the same story."""
    from .extract.merge import merge_claims  # extraction's own rule; extract imports this module

    services = {e.name for e in map(reg.by_code.get, reg.civil_defence_by_country.values()) if e}
    keyed = [(f"org:{c.org}" if c.org in services else f"claim:{i}", c) for i, c in enumerate(claims)]
    return list(merge_claims(keyed))


def story_country(strikes: Sequence[StrikeMention]) -> str | None:
    """The country most of the document's placed strikes fall in; None with no placed strike
    or a tie (a story of Israeli strikes on Lebanon and Syria alike is of neither)."""
    tally = Counter(m.place.country for m in strikes if m.place is not None)
    ranked = tally.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


# -- loading ----------------------------------------------------------------------------------


def load_registry(directory: str | None = None) -> Registry:
    """Read and check the packaged registry, or an analyst's copy of the whole folder: once
    per process and folder, however the call is written (``load_registry()`` and
    ``load_registry(None)`` are one load, not two)."""
    return _load_registry(directory)


@lru_cache(maxsize=4)
def _load_registry(directory: str | None) -> Registry:
    base = Path(directory) if directory else resources.files("strikewatch") / "data" / "actors"
    generic = _read(base / "generic.yaml")
    entries: list[RegistryEntry] = []
    for path in sorted(base.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".yaml") and path.name != "generic.yaml":
            raw = _read(path)
            entries += [_entry(item, path.name) for item in raw.get("entries") or ()]
    _check_references(entries)
    _check_generic(generic, {e.code for e in entries})
    return Registry(entries, generic)


def _read(path) -> dict:
    try:
        with path.open(encoding="utf-8") as fh:
            return load_data(fh) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"{path}: cannot read the actor registry: {exc}") from exc


def _entry(item: dict, file: str) -> RegistryEntry:
    where = f"{file}: entry {item.get('code')!r}"
    for key in ("code", "name", "kind", "source"):
        if not item.get(key):
            raise RegistryError(f"{where}: missing {key!r}")
    if item["kind"] not in KINDS:
        raise RegistryError(f"{where}: kind {item['kind']!r} is not one of {', '.join(KINDS)}")
    country = item.get("country")
    if country is not None and not (len(country) == 2 and country.isupper()):
        raise RegistryError(f"{where}: country {country!r} is not an ISO 3166-1 alpha-2 code")
    if item.get("speaker_names") and item.get("role") not in SPEAKER_ROLES:
        raise RegistryError(f"{where}: speaker_names need a role, one of {', '.join(SPEAKER_ROLES)}")
    if item["kind"] in STRIKING_KINDS and not item.get("aliases"):
        raise RegistryError(f"{where}: a force needs aliases to be found in text")
    _check_theatres(item, where)
    if item.get("drones") and not item.get("drones_source"):
        raise RegistryError(f"{where}: drones need a drones_source")
    return RegistryEntry(
        code=str(item["code"]), name=str(item["name"]), kind=item["kind"], country=country,
        source=str(item["source"]), parent=item.get("parent"),
        aliases=tuple(str(a) for a in item.get("aliases") or ()),
        speaker_names=tuple(str(a) for a in item.get("speaker_names") or ()),
        demonyms=tuple(str(d) for d in item.get("demonyms") or ()),
        role=item.get("role"),
        # a territory the force is named after stands for it as its seat does ("DPR shelled
        # Avdiivka") and, like a seat, is a place after a preposition ("shelling in DPR")
        capitals=frozenset(str(c).lower() for key in ("capitals", "territories")
                           for c in item.get(key) or ()),
        territories=frozenset(str(c).lower() for c in item.get("territories") or ()),
        theatres=tuple(str(c) for c in item.get("theatres") or ()),
        drones=bool(item.get("drones")), local=file != INTERNATIONAL_FILE)


def _check_theatres(item: dict, where: str) -> None:
    """A force's theatres are ISO country codes, given with the source that says it fights
    there (a fact about the world, apart from the source of the body itself)."""
    theatres = item.get("theatres") or ()
    bad = [c for c in theatres if not (isinstance(c, str) and len(c) == 2 and c.isupper())]
    if bad:
        raise RegistryError(f"{where}: theatres {bad!r} are not ISO 3166-1 alpha-2 codes")
    if theatres and not item.get("theatres_source"):
        raise RegistryError(f"{where}: theatres need a theatres_source")


def _check_references(entries: Sequence[RegistryEntry]) -> None:
    codes: set[str] = set()
    for e in entries:
        if e.code in codes:
            raise RegistryError(f"entry {e.code!r}: the code is used twice")
        codes.add(e.code)
    for e in entries:
        if e.parent is not None and e.parent not in codes:
            raise RegistryError(f"entry {e.code!r}: parent {e.parent!r} is no entry's code")


def _check_generic(generic: dict, codes: set[str]) -> None:
    for key in ("force_words", "territory_words", "coalition_words", "propaganda_terms"):
        if not generic.get(key):
            raise RegistryError(f"generic.yaml: missing {key!r}")
    named = [(f"coalition_by_theatre {k}", v) for k, v in (generic.get("coalition_by_theatre") or {}).items()]
    named += [(f"{table} {k}", v) for table in ("civil_defence_by_country", "state_media_by_country")
              for k, v in (generic.get(table) or {}).items()]
    named += [(f"propaganda term {p.get('name')!r} in {k}", v)
              for p in generic["propaganda_terms"] for k, v in (p.get("designates") or {}).items()]
    for where, code in named:
        if code not in codes:
            raise RegistryError(f"generic.yaml: {where} names {code!r}, which is no entry's code")
