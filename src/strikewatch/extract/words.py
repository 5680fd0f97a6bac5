"""Word helpers every stage uses: the sentence's text and words read once, noun phrases, and
the keys that tell two spellings of one place apart or together. No rules of what a strike is."""

from __future__ import annotations

import re

from strikewatch.models import Span
from strikewatch.nlp import doc_text

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "this", "that"}
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_PLACE_TAIL = re.compile(r"(?:\s+(?:northern|southern|eastern|western|central|north|south|east|west))?"
                         r"(?:\s+residential)?\s+(?:province|governorate|oblast|countryside|city|town|village|district|region"
                         r"|neighbou?rhood|suburb)$",
                         re.IGNORECASE)


# a sentence that opens on the victims of the one before: "The victims were hit by airstrikes"
_VICTIMS_BEFORE = re.compile(r"\W*(?:(?:the|those)\s+(?:victims|dead|killed)\b"
                             r"|they\s+(?:were|had\s+been)\b)", re.IGNORECASE)


def opens_on_the_victims_before(text: str) -> bool:
    """ "The victims were hit by airstrikes ...", "They were killed by shelling": the
    sentence tells what befell the victims the sentence before counted."""
    return bool(_VICTIMS_BEFORE.match(text))


# a sentence that tells again what a strike hit, as a thing already named: "The road was hit
# with over 100 missiles", "This building had been struck twice"
_THING_TOLD_BEFORE = re.compile(r"\W*(?:the|this|that)\s+(?:[\w-]+\s+){1,3}?(?:was|were|had\s+been|has\s+been)\b",
                                re.IGNORECASE)


def opens_on_the_thing_hit_before(text: str) -> bool:
    """ "The road was hit with over 100 missiles": the sentence speaks, in the passive, of a
    thing the text has already named (a definite subject), so its strike is one told before."""
    return bool(_THING_TOLD_BEFORE.match(text))


# a word that can be (part of) a place name: capitalised, or "al-"/"el-" before a capital
_NAMELIKE = re.compile(r"^(?:[A-Z]|(?:al|el|as|ad|an|ar|ash|az|at|ad-d)-[A-Za-z])")


def _words(sdoc) -> list[tuple[int, int, str]]:
    """The sentence's words as the text writes them: tokens joined by a hyphen without spaces
    ("al" "-" "Bab" is one word), as (first token, end token, text)."""
    from spacy.attrs import IDX, LENGTH

    # read from the text at the tokens' offsets: a Token and a Span per word cost more
    text = _text(sdoc)
    starts, lengths = sdoc.to_array([IDX, LENGTH]).T.tolist() if len(sdoc) else ([], [])
    ends = [a + n for a, n in zip(starts, lengths)]
    out, i, n = [], 0, len(starts)
    while i < n:
        j = i + 1
        # no space between two tokens, one of them a hyphen
        while j < n and ends[j - 1] == starts[j] and (
                text[starts[j]:ends[j]] == "-" or text[starts[j - 1]:ends[j - 1]] == "-"):
            j += 1
        out.append((i, j, text[starts[i]:ends[j - 1]]))
        i = j
    return out


def word_ids(words) -> frozenset[int]:
    """spaCy's ids of ``words``, as a token's ``lower`` or ``orth`` gives them: a rule that
    looks for a few words in every sentence compares ids (``tokens_among``)."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(str(w)) for w in words)


def tokens_among(sdoc, ids: frozenset[int], *, as_written: bool = False) -> list:
    """The tokens whose lowercase form (or, ``as_written``, whose text) is one of ``ids``,
    in order, read from the sentence's array of ids: a Token object made for each word of
    each sentence, only for a rule to find it is none of a few words, cost the rules more
    than the words they look for."""
    from spacy.attrs import LOWER, ORTH

    return [sdoc[i] for i, word in enumerate(sdoc.to_array(ORTH if as_written else LOWER).tolist())
            if word in ids]


def _noun_phrase(tok, links: frozenset[str] = frozenset()) -> set[int]:
    """The words of a noun phrase without what follows it: "the militants" of "the militants
    on the Turkish border town", so a nationality further on is not taken for the attacker.
    A group the phrase says it is or belongs to is part of it: "the terrorists of Jabhat
    al-Nusra", "terrorist organizations affiliated to Jabhat al-Nusra" (``links``: the words
    of affiliation, from the actors lexicon). An adjective read as the object of a preposition
    runs on into the name the parser cut off after it: "shells fired by the paramilitary Rapid
    Support Forces", "Rapid Support Forces" hung on the next verb."""
    out = {tok.i} | _name_cut_off_after(tok)
    for c in tok.children:
        if c.dep_ == "pobj" or c.i < tok.i or c.dep_ in ("compound", "flat", "conj", "cc", "appos"):
            out |= _noun_phrase(c, links) if c.dep_ in ("pobj", "conj", "appos") else {t.i for t in c.subtree}
        elif c.i > tok.i and (c.dep_ == "prep" and c.lower_ == "of" or c.dep_ == "acl" and c.lower_ in links):
            out |= {c.i} | {t for g in c.children for t in (_noun_phrase(g, links) if g.dep_ == "pobj" else
                    {u.i for u in g.subtree} if g.dep_ == "prep" else ())}
    return out


def _name_cut_off_after(tok) -> set[int]:  # noqa: ANN001 - a spaCy token
    """The proper nouns right after an adjective the parser made a preposition's object."""
    if tok.pos_ != "ADJ" or tok.dep_ != "pobj":
        return set()
    doc, end = tok.doc, tok.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    return set(range(tok.i + 1, end))


def _either_or(sdoc, groups: list[set[int]]) -> bool:
    """Two attackers joined by "or" ("Russian or Syrian jets", "Syrian or Russian warplanes")."""
    spans = sorted((min(g), max(g)) for g in groups)
    return any(any(sdoc[i].lower_ == "or" for i in range(a_end + 1, b_start))
               and b_start - a_end <= 7 for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


def _tag_line(sdoc) -> set[int]:
    """The tokens of a "Tags Syria Idlib Russia" line glued to the sentence after it (page
    furniture the sentence splitter could not cut): up to the capitalised article or number that
    opens the sentence ("... Russia A hospital funded by ..."); nothing when none is found."""
    if len(sdoc) < 3 or sdoc[0].text != "Tags":
        return set()
    for t in sdoc[1:]:
        if t.text in ("A", "An", "The", "At", "In", "On") or t.like_num or t.text.startswith('"'):
            return set(range(t.i))
    return set()


# the possessive ending that the tagger, given a typographic apostrophe ("the military’s
# shelling", "Kiev forces’ shelling"), sometimes calls a negation, as if it were "n’t"
_POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'", "’"})


def negates(tok) -> bool:
    """Whether a word has a negation among its dependents: "did not strike", "no shelling";
    not a possessive ending the tagger mistook for one."""
    return any(c.dep_ == "neg" and c.lower_ not in _POSSESSIVE_ENDINGS for c in tok.children)


_DASHES = ("-", "–", "—")


def _source_tag(sdoc, max_words: int = 7) -> set[int]:
    """The tokens of the source a headline names after a spaced dash at its end ("... rises to
    five - Headquarters", "... killed in Luhansk region - Gen. Staff", "Drone strike kills five
    civilians - Tigray health bureau"): who reports it, read like a speaker's words, not a
    place or an attacker. A tail with a number or a verb is part of the headline ("Strike on
    Kharkiv - five killed"), and a lone place name ("... - Kramatorsk") is where it happened."""
    if not any(dash in _text(sdoc) for dash in _DASHES):
        return set()  # most sentences: no Token made for each of their words to find none
    dashes = [t.i for t in sdoc if t.text in _DASHES and t.i > 0
              and sdoc[t.i - 1].whitespace_ and t.whitespace_]
    if not dashes:
        return set()
    tail = sdoc[dashes[-1] + 1:]
    while len(tail) and tail[-1].is_punct:
        tail = tail[:-1]
    if not 0 < len(tail) <= max_words or any(t.like_num or t.pos_ in ("VERB", "AUX") for t in tail):
        return set()
    if len(tail) == 1 and tail[0].ent_type_ in ("GPE", "LOC", "FAC"):
        return set()
    return set(range(dashes[-1], tail.end))


def _text(sdoc) -> str:
    """The sentence's text: ``Doc.text`` joins every token each time it is read, and the rules
    read it a dozen times a sentence (a tenth of their time on fakes-dev)."""
    return doc_text(sdoc)  # where the tokenizer left it


def _pieces(sdoc) -> list[str]:
    """Each token's text with its trailing space, read once per sentence (see ``_text``)."""
    pieces = sdoc.user_data.get("strikewatch.pieces")
    if pieces is None:
        pieces = sdoc.user_data["strikewatch.pieces"] = [t.text_with_ws for t in sdoc]
    return pieces


def _char_span(sdoc, toks: set[int], off: int) -> Span:
    """The document characters of a run of tokens (``off``: where the sentence starts)."""
    span = sdoc[min(toks): max(toks) + 1]
    return Span(span.start_char + off, span.end_char + off, span.text)

_COUNTRY_CACHE: dict[tuple[str, bool], bool] = {}


def _is_country(name: str) -> bool:
    """Country names: a strike "in Syria" has no place finer than the country. A country's
    code counts only written as codes are, in capitals: "Ben" of "Ben Gurion airport" is no
    Benin (BEN), "Can" no Canada."""
    bare = _LEADING_DET.sub("", name).strip()
    key = (bare.lower(), bare.isupper())
    if key not in _COUNTRY_CACHE:
        _COUNTRY_CACHE[key] = _names_a_country(*key)
    return _COUNTRY_CACHE[key]


def _names_a_country(key: str, capitals: bool) -> bool:
    import pycountry

    try:
        country = pycountry.countries.lookup(key)
    except LookupError:
        return key in {"syria", "russia", "iran", "us", "u.s.", "the us", "america", "britain", "uk",
                       "the united states", "united states", "turkey", "south korea", "north korea"}
    return capitals or key not in (country.alpha_2.lower(), country.alpha_3.lower())


def _place_key(text: str | None) -> str:
    """A place name without its article, compass word and place word: "the Idlib province"
    and "Idlib" are one place when merging."""
    t = _LEADING_DET.sub("", (text or "").strip()).lower()
    t = re.sub(r"^(?:northern|southern|eastern|western|central)\s+(?=\S+\s+(?:province|governorate|countryside))",
               "", t)  # "southern Idlib province" is the province of "Idlib province"
    return _PLACE_TAIL.sub("", t)


def _one_place_said(a: str | None, b: str | None, site_after_town: re.Pattern, key=None) -> bool:
    """Whether two place names of one story say one place: alike by ``key`` (``_place_key``
    unless given), or one of them the other's town with a site's noun after it
    (``site_after_town``, places.yaml: "Odesa port" and "Odesa", "the Nuseirat refugee camp"
    and "Nuseirat"; not "Hodeidah port" and "Hodeidah airport", two sites of the town)."""
    key = key or _place_key
    ka, kb = key(a), key(b)
    return ka == kb or key(site_after_town.sub("", _place_key(a))) == kb \
        or key(site_after_town.sub("", _place_key(b))) == ka


def _place_skeleton(text: str | None) -> str:
    """A place name without its article, vowels and doubled letters: the transliterations of one
    Arabic name ("Tariq al-Bab", "Tareeq al-Bab") share it."""
    key = re.sub(r"\b(?:al|el|ad|ar|as|ash|at|az|an)[-\s]", "", _place_key(text))
    key = re.sub(r"[^a-z]", "", key)
    key = key[:1] + re.sub(r"[aeiouy]", "", key[1:])
    return re.sub(r"(.)\1+", r"\1", key)


# the subject of a strike verb that is the speaking group itself: "Saree said the group had
# targeted Eilat", "Hamas said it fired rockets at Ashkelon", "we shelled their positions",
# "the Houthis said they fired a missile at Eilat" (a group's name is often plural)
_SPEAKER_AS_SUBJECT = frozenset({"it", "we", "they", "group", "movement", "organisation",
                                 "organization"})


# the owner of a strike verb's subject that is the speaker: "Al-Shabaab said its fighters
# shelled ...", "the RSF said their drones struck ...", "Saree said the group's forces targeted"
_SPEAKER_AS_OWNER = _SPEAKER_AS_SUBJECT | {"its", "their", "our"}


def _the_speaker_acts(tok) -> bool:  # noqa: ANN001 - a spaCy token
    """A voice claiming its own strike: the subject of the strike verb, or of the verb whose
    clause holds the strike noun ("its fighters destroyed a post with drone-dropped bombs"), is
    the speaker itself or its own forces (not "a strike hit Gaza, Hamas said", where the group
    reports what it suffered)."""
    return the_speaker_as_subject(tok) is not None


def the_speaker_as_subject(tok):  # noqa: ANN001, ANN201 - spaCy tokens
    """The subject that is the speaker or its own forces ("it", "its forces"), if any."""
    verb = _clause_verb(tok)
    subjects = [*(c for c in verb.children if c.dep_ == "nsubj"), *the_thing_called(verb)]
    return next((c for c in subjects if c.lower_ in _SPEAKER_AS_SUBJECT or any(
        o.dep_ == "poss" and o.lower_ in _SPEAKER_AS_OWNER for o in c.children)), None)


def the_thing_called(verb) -> list:  # noqa: ANN001 - a spaCy token
    """ "its drones called Liutyi hit a refinery", "missiles named Neptune struck the ship",
    parsed as "drones called [Liutyi hit a refinery]" or as two clauses: the name a thing was
    called stands right before the verb, and the thing called ("its drones") is what struck."""
    doc, start = verb.doc, verb.i
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    naming = doc[start - 1] if 0 < start < verb.i else None
    if naming is None or naming.lower_ not in ("called", "named", "dubbed") or any(
            c.dep_ == "nsubj" and not start <= c.i < verb.i for c in verb.children):
        return []
    return [c for c in naming.children if c.dep_ == "nsubj" and c.i < naming.i]


def _clause_verb(tok):  # noqa: ANN001, ANN202 - spaCy tokens
    """The verb a strike noun hangs on through its phrase ("bombs" of "destroyed a post with
    bombs"), a few steps up at most; the word itself when it is a verb or hangs on none."""
    node = tok
    for _ in range(4):
        if node.pos_ == "VERB" or node.head.i == node.i:
            break
        node = node.head
    return node if node.pos_ == "VERB" else tok


def clause_of(tok):  # noqa: ANN001, ANN202 - spaCy tokens
    """The verb heading the clause a word stands in: the nearest verb above it with a subject
    of its own, or the sentence's root ("killing five" belongs to the clause it follows; "after
    Israeli strikes on Tyre killed five" is a clause of its own)."""
    node = tok
    while node.head.i != node.i and not (node.pos_ == "VERB" and any(
            c.dep_ in _SUBJ for c in node.children)):
        node = node.head
    return node


def describes_a_place(lex, sdoc, toks: set[int]) -> bool:  # noqa: ANN001 - lexicons, spaCy doc
    """A state's adjective on a kind of place says whose the place is, not who struck it:
    "in the Russian border village of Glotovo", "the central Ukrainian city of Dnipro",
    "the southern Lebanese town of Jwaya", "the Saudi city of Khamis Mushait"; so on a
    landmark, through the words of its name: "the Saudi Hospital in El Fasher", "the
    Russian Orthodox church in Kherson", "the Turkish hospital in Gaza City", "an apartment
    block near the US embassy"."""
    if len(toks) != 1:
        return False
    tok = sdoc[min(toks)]
    while tok.dep_ in ("amod", "compound", "nmod") and tok.head.i != tok.i:
        tok = tok.head
        if tok.lower_ in lex.owned_place_nouns:
            return True
    return False
