"""Stage 2 — extract: what each paragraph names, as typed mentions.

Runs the kind extractors over one paragraph and returns
:class:`EntityMention` values: the words as written (offsets into the
source), the kind, and what is stated next to them (an edition, "for N
years in a row", an acronym defined in parentheses, a person's title).

A capitalised phrase no extractor can type is returned as
``Kind.UNKNOWN``; the resolve stage matches it against names it knows and
keeps the rest as unresolved mentions. Single capitalised words are
returned as ``weak`` unknowns: they count only if they match a known name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..dates import MONTHS
from ..lexicon import demonyms, lexicon, place_names, read_list, well_known_bodies, well_known_names, word_set
from ..model import Kind, Span
from .bodies import find_companies, find_listed_companies, is_body_name, is_company_name, is_outlet_name
from .campaigns import find_campaigns
from .documents import INDEFINITE_ARTICLE_BEFORE_RE, find_documents, is_document_name
from .events import editions_held, is_event_name
from .laws import is_law_name
from .matching import folded_span, recut
from .orgs import is_acronym, is_org_name
from .people import after_title, body_after_title, is_portfolio, people_in_phrase, title_words
from .phrases import Phrase, find_phrases, head_nouns, head_part


@dataclass(frozen=True, slots=True)
class EntityMention:
    """Words in a paragraph that name something, and what is said next to them."""

    kind: Kind
    span: Span
    ordinal: int | None = None
    ordinal_span: Span | None = None
    editions: int | None = None
    editions_span: Span | None = None
    acronym: Span | None = None
    title: Span | None = None
    owner: Span | None = None  # "Y" of "Y's X": the body X belongs to
    body: Span | None = None  # a person's post is in this body: "ABC Director Li Wei", "Li Wei of the ABC"
    country: str | None = None  # a person's post is of this country: "Icelandic Foreign Minister Li Wei"
    title_modifier: Span | None = None  # "Acting" of "Acting ABC Director Li Wei": part of the title, written before the body
    weak: bool = False


_ACRONYM_AFTER_RE = re.compile(r"\s*\(\s*(?P<acr>[^()\s,;]{2,10})\s*\)")


def extract_mentions(source: str, paragraph: Span, *, folded: str | None = None) -> list[EntityMention]:
    """Every typed mention in one paragraph, in text order.

    Names are matched on ``folded`` (the transcript's folded text, same
    length as ``source``) when given; every span is cut from ``source``.
    """
    if folded is None:
        return _extract(source, paragraph)
    return recut(_extract(folded, folded_span(folded, paragraph)), source)


def _extract(source: str, paragraph: Span) -> list[EntityMention]:
    taken: list[Span] = []
    out: list[EntityMention] = []

    for span in find_companies(source, paragraph, skip=word_set("sentence_openers")):
        words = span.text.split()
        public = len(words) >= 2 and words[-1].rstrip(".") == "Corporation" and words[-2] in word_set("public_corporation_words")
        # "the Development Finance Corporation": a public finance body, no company
        out.append(_with_acronym(source, EntityMention(Kind.ORGANIZATION if public else Kind.COMPANY, span)))
        taken.append(span)
    for span in find_listed_companies(source, paragraph):
        if any(t.start <= span.start and span.end <= t.end for t in taken) or span.text in well_known_bodies() or span.text in demonyms():
            continue  # "companies like Harbourcar and Pierline": named bare, a list says what they are
        # an acronym ("GM") is left to be read by the initials of a company the text names in full
        out.append(EntityMention(Kind.UNKNOWN if is_acronym(span.text) else Kind.COMPANY, span))
        taken.append(span)
    for span in find_campaigns(source, paragraph):
        out.append(EntityMention(Kind.CAMPAIGN, span))
        taken.append(span)
    for doc in find_documents(source, paragraph):
        out.append(EntityMention(Kind.DOCUMENT, doc.span))

    previous: Phrase | None = None
    for phrase in find_phrases(source, paragraph):
        before, previous = previous, phrase
        if any(t.start <= phrase.span.start and phrase.span.end <= t.end for t in taken):
            continue
        if before is not None and (titled := _appositive_person(source, before, phrase)) is not None:
            out.append(titled)  # "the German Chancellor, Ana Reyes, said": she holds the post
            continue
        held = _event_noun_re().match(source, phrase.span.end)
        if held is not None and " " not in phrase.span.text and re.search(r"(?i)\ban?\s+(?:\w+\s+)?$", source[max(0, phrase.span.start - 16) : phrase.span.start]):
            held = None  # "a virtual COVID summit": a summit of that kind, none named ("a Zika Action Plan summit" is named)
        if held is not None and phrase.span.text.lower() in MONTHS:
            held = None  # "the June summit": when it is held, no name
        if held is not None and phrase.span.end + held.end() - held.start() <= paragraph.end:
            # "the G8 summit": an event named after what holds it or what it is about
            out.append(EntityMention(Kind.EVENT, Span.of(source, phrase.span.start, held.end())))
            body = [m for m in _type_phrase(source, phrase) if m.kind in (Kind.ORGANIZATION, Kind.PERSON) or " " not in m.span.text]
            out.extend(body)  # the body that holds it stays named ("the G8"); a document's name does not
            continue
        out.extend(_type_phrase(source, phrase))
    defined = {m.acronym for m in out if m.acronym is not None}
    out = [m for m in out if not (m.kind is Kind.UNKNOWN and m.span in defined)]  # "(ABC)" defines, not mentions
    out = [m for m in out if not _is_place_of_body(source, m) and not _is_city(source, m)]
    out = [m for m in out if not _RESTART_RE.match(source, m.span.end) and not _said_again(source, m.span)]  # "the Department of Rivers — of Harbours": said again
    out = [m for m in out if not _CUT_RE.match(source, m.span.end)]  # "President Ha- — President Hale": a word broken off
    out = [m for m in out if not (m.kind is Kind.PERSON and m.title is not None and _repaired(source, m.span))]  # "President Hals — Hale"
    out = [m for m in out if not _goes_on_a_name(source, m.span)]
    named = [m.span for m in out if m.kind not in (Kind.PERSON, Kind.UNKNOWN)]
    # "the Major Joseph R. Beau Biden III National Guard Reserve Center": a name inside a name names no one
    out = [m for m in out if not (m.kind is Kind.PERSON and any(n.start <= m.span.start and m.span.end <= n.end and n != m.span for n in named))]
    if "esignat" in paragraph.text:  # the lazy pattern runs only where a designation can be
        out = [m for m in out if m.kind is Kind.PERSON or not _DESIGNATED_AS_RE.search(source, max(paragraph.start, m.span.start - 80), m.span.start)]
    out = [m for m in out if not _listed_portfolio(source, m.span)]
    return sorted(out, key=lambda m: (m.span.start, m.span.end, m.kind))


# "designated the X as a Specially Designated Global Terrorist Group": a legal status, no body of that name
_DESIGNATED_AS_RE = re.compile(r"(?i)\bdesignat(?:e|es|ed|ing)\b[^.;:?!]{0,60}?\bas\s+(?:an?|the)\s+$")
_RESTART_RE = re.compile(r"\s*(?:--|-|—|–)\s*(?:of|for)\s+(?:the\s+)?[A-Z]")


@cache
def _event_noun_re() -> re.Pattern[str]:
    return re.compile(r"[ \t]+(?:" + "|".join(re.escape(w) for w in read_list("event_nouns")) + r")\b")


_DASH_AFTER_RE = re.compile(r"[ \t]*(?:--|—|–|(?<=[ \t])-)[ \t]*([A-Z][\w'’-]*)[ \t]+[A-Z]")


def _said_again(source: str, span: Span) -> bool:
    """Whether a name of several words breaks off at a dash and starts again after it from its last
    word, going on: "the Department of Harbour — Harbour Safety" is a name said anew, the first part a
    fragment ("the Department of Rivers — Rivers, Harbours and Ports" lists on from a whole name)."""
    again = _DASH_AFTER_RE.match(source, span.end)
    words = span.text.split()
    return again is not None and len(words) >= 2 and again.group(1) == words[-1]


_CUT_RE = re.compile(r"-(?:\s|$)")
_BROKEN_NAME_RE = re.compile(r"(?:[A-Z][\w'’]*\s+){1,4}[A-Z][\w'’]*\s*(?:--|-|—|–)\s*$")


def _modifies_a_noun(source: str, span: Span) -> bool:
    """Whether a lower-case word that is no function word follows a name: "Labor Day picnic".

    The day's own events still name it ("Bastille Day celebrations"; ``data/day_events.txt``).
    """
    nxt = re.match(r"[ \t]+([a-z]+)\b", source[span.end : span.end + 30])
    return nxt is not None and nxt.group(1) not in word_set("function_words") and nxt.group(1) not in word_set("day_events")


def _of_office_holders(words: list[str]) -> bool:
    """Whether a name ends "of [words] <holders of a title>": "Conference of Mayors", "Council of
    Governors", "the Harbour Conference of Coastal Bishops"."""
    if len(words) < 3 or "of" not in words[1:-1] or not words[-1].endswith("s"):
        return False
    between = words[len(words) - 1 - words[::-1].index("of") + 1 : -1]
    if len(between) > 2 or any(not w[:1].isupper() for w in between):
        return False  # "Conference of the Parties", "Council of Harbour Port Agency Chiefs": no plain holders of a title
    title = lexicon().match_title(words[-1][:-1])
    return title is not None and title.end() == len(words[-1]) - 1


_PORTFOLIO_LIST_RE = re.compile(
    r"\b(?:Secretaries|Ministers)\s+of\s+(?:the\s+)?(?:[A-Z][\w\-]*(?:\s+(?:and\s+)?[A-Z][\w\-]*)*\s*,\s*(?:and\s+)?(?:the\s+)?)*$"
)


def _listed_portfolio(source: str, span: Span) -> bool:
    """Whether a name is one of the portfolios listed after "the Secretaries of": "the Secretaries
    of State, Defense, Treasury, and Homeland Security" name posts, no bodies."""
    if not is_portfolio(span.text) and " ".join(span.text.split()) not in word_set("portfolio_words"):
        return False
    return _PORTFOLIO_LIST_RE.search(source, max(0, span.start - 120), span.start) is not None


_FOR_THE_BEFORE_RE = re.compile(r"[a-z,][ \t]+(For[ \t]+the[ \t]+)$")  # capitalised mid-sentence: part of a name
_TWO_DEPARTMENTS_RE = re.compile(
    r"(.+?)\s+and\s+((?:the\s+)?(?:(?:U\.S\.|US|United\s+States|U\.K\.|UK)\s+)?(?:Department|Ministry|Office|Bureau|Agency)\s+of\s+.+)$", re.S
)
_AND_ACRONYM_RE = re.compile(r"(.+?)\s+and\s+(?:the\s+)?([A-Z][A-Za-z.&]*)$", re.S)


def _body_and_acronym(text: str) -> re.Match[str] | None:
    """ "Department of Defense and FBI": a body, and a well-known body by its acronym after "and"."""
    two = _AND_ACRONYM_RE.match(text)
    if two is None or not is_acronym(two.group(2)) or two.group(2) not in well_known_bodies():
        return None
    first = two.group(1)
    return two if is_org_name(first) or first in well_known_bodies() else None


_SERVED_RE = re.compile(r"(.+?)\s+for\s+(?:the\s+)?(.+)$", re.S)


def _body_before_portfolio(source: str, span: Span) -> Span | None:
    """The well-known body of "<body> for <portfolio>", the rest being a post's portfolio, or None.

    "Senior Director at the National Security Council for Western Hemisphere Affairs": the
    council. The body stands after at/in/with/from, or is named by its acronym ("Deputy Director
    of OMB for Management"); after "of the" the words are the title's ("Under Secretary of the
    Treasury for International Affairs").
    """
    served = _SERVED_RE.match(span.text) if "for" in span.text else None
    if served is None or served.group(2).split()[-1] not in word_set("portfolio_words"):
        return None
    body = " ".join(served.group(1).split())
    if body not in well_known_names() and body not in well_known_bodies():
        return None
    where = re.search(r"(?i)\b(?:at|in|with|from)\s+(?:the\s+)?$", source[max(0, span.start - 12) : span.start])
    return span.sub(0, served.end(1)) if where or body.isupper() else None


def _goes_on_a_name(source: str, span: Span) -> bool:
    """Whether a name of two words or more takes up one broken off before a dash: the
    "Fairness Act" of "the Pregnant Workers Family — Fairness Act" is half a name."""
    if len(span.text.split()) < 2:
        return False
    broken = _BROKEN_NAME_RE.search(source, max(0, span.start - 60), span.start)
    # "UAW -- United Auto Workers -- Community Action Conference": a name set off by dashes, none broken
    return broken is not None and not re.search(r"(?:--|-|—|–)\s*$", source[max(0, broken.start() - 6) : broken.start()])


_CITY_KINDS = frozenset({Kind.MEDIA, Kind.COMPANY, Kind.UNKNOWN})


def _is_city(source: str, m: EntityMention) -> bool:
    """Whether a name that reads like an outlet or a company is a city: "Harbour News, Ontario".

    A city is followed by a comma and its region (``data/regions.txt``) or country.
    Bodies are left as they are ("the Ministry of Health, Ruritania" is still a body).
    """
    if m.kind not in _CITY_KINDS:
        return False
    after = re.match(r",[ \t]*([A-Z][\w.]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w.]*){0,2})", source[m.span.end : m.span.end + 40])
    if after is None:
        return False
    words = after.group(1).split()
    places = place_names()
    return any(" ".join(words[:n]).rstrip(".") in places or " ".join(words[:n]) in places for n in range(len(words), 0, -1))


_PLACE_BEFORE_RE = re.compile(r"(?i)\b(?:at|to|into|outside|inside|near|(?:here|there)\s+in)\s+the\s+$")  # "here in the White House"
_PLACE_AFTER_RE = re.compile(r"(?i)[ \t]+(?:grounds|lawn|complex|gates?|fence|residence|campus|compound)\b")  # "the White House grounds"


def _is_place_of_body(source: str, m: EntityMention) -> bool:
    """Whether a body named after its building is named as the place: "a dinner at the White House",
    "on the White House grounds".

    The buildings are ``data/building_bodies.txt``; "the White House said" stays the body.
    """
    if m.kind is not Kind.ORGANIZATION or " ".join(m.span.text.split()) not in word_set("building_bodies"):
        return False
    return bool(_PLACE_BEFORE_RE.search(source, max(0, m.span.start - 20), m.span.start) or _PLACE_AFTER_RE.match(source, m.span.end))


_NAME_AFTER_HONORIFIC_RE = re.compile(r"\.[ \t]*\n?[ \t]*([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})")


_REPAIR_AFTER_RE = re.compile(r"[ \t]*(?:—|–|--|(?<=[ \t])-(?=[ \t]))[ \t]*([A-Z][a-z]+)\b")


def _repaired(source: str, name: Span) -> bool:
    """Whether a name is a slip the speaker corrects at once after a dash: "President Hals — Hale".

    The word after the dash begins as the name's last word does and is of about its length.
    """
    again = _REPAIR_AFTER_RE.match(source, name.end)
    last = name.text.split()[-1]
    if again is None or again.group(1) == last:
        return False
    word = again.group(1)
    return word[:2] == last[:2] and abs(len(word) - len(last)) <= 2


def _name_after_honorific(source: str, name: Span) -> Span | None:
    """The name a titled person is called by: after the honorific, when the title came first.

    A name phrase ends at a full stop, so "Coordinator Dr. Ana Reyes" gives the
    title "Coordinator" and the "name" "Dr"; the name is the words after "Dr.".
    A name that is no honorific is returned as it is.

    >>> text = "Coordinator Dr. Ana Reyes spoke"
    >>> _name_after_honorific(text, Span.of(text, 12, 14)).text
    'Ana Reyes'
    """
    m = lexicon().honorific_re.match(name.text + " ")
    if m is not None and m.end() < len(name.text) and re.match(r"\s+[A-Z]", name.text[m.end() :]):
        return name.sub(len(name.text) - len(name.text[m.end() :].lstrip()), len(name.text))  # "Foreign Secretary Lord Hale": Hale
    if m is None or m.end() != len(name.text):
        return name
    after = _NAME_AFTER_HONORIFIC_RE.match(source, name.end)
    if after is None:
        return None
    words = list(re.finditer(r"\S+", after.group(1)))
    while words and (words[-1].group() in title_words() or words[-1].group() in word_set("sentence_openers")):
        words.pop()
    if not words:
        return None
    return Span.of(source, after.start(1), after.start(1) + words[-1].end())


_THE_BEFORE_RE = re.compile(r"(?i)\bthe\s+$")
_APPOSITIVE_GAP_RE = re.compile(r",[ \t]+")
_APPOSITIVE_END_RE = re.compile(r"[ \t]*(?:[,;.?!]|$)")


def _appositive_person(source: str, title: Phrase, name: Phrase) -> EntityMention | None:
    """ "the Senate Majority Leader, Ana Reyes, said": a post after "the", a comma, and a name set off
    by punctuation; the name is the post holder's. A name with a title of its own ("the President,
    Secretary Hale,") is a second person, and a name that goes on is no apposition."""
    gap = _APPOSITIVE_GAP_RE.match(source, title.span.end)
    if gap is None or gap.end() != name.span.start or not _APPOSITIVE_END_RE.match(source, name.span.end):
        return None
    if not _THE_BEFORE_RE.search(source, max(0, title.span.start - 4), title.span.start):
        return None
    if not (is_given_name_phrase(name.words) and lexicon().title_at_end(title.span.text) is not None):
        return None
    # the comma read as a space, so the post and the name read as one titled name; same offsets
    joined = source[: gap.start()] + " " + source[gap.start() + 1 :]
    people = people_in_phrase(Phrase(Span.of(joined, title.span.start, name.span.end), None, None), heads=head_nouns(), after_the=True)
    if len(people) != 1 or people[0].span.start != name.span.start or people[0].span.end != name.span.end:
        return None
    person = people[0]

    def cut(span: Span | None) -> Span | None:
        return None if span is None else Span.of(source, span.start, span.end)

    return EntityMention(
        Kind.PERSON, name.span, title=cut(person.title), body=cut(person.body), country=person.country, title_modifier=cut(person.modifier)
    )


def _last_title_after_the(source: str, title: Span) -> Span:
    """ "the President and Prime Minister Li" is two people: the titles before the last name someone else.

    "Vice Premier and Minister Li Wei", with no article, stays one person with two posts; so does
    "President and CEO Ana Reyes". A head of state's title alone before "and" is the head of state,
    someone else ("President and Senator Hale", ``data/head_titles.txt``).
    """
    joints = list(re.finditer(r"\s+and\s+", title.text))
    if not joints:
        return title
    first, last = title.text[: joints[0].start()], title.text[joints[-1].end() :]
    head_alone = first.lower() in word_set("head_titles") and last.lower() not in _HELD_WITH_A_HEADS_TITLE
    if not head_alone and not _THE_BEFORE_RE.search(source, max(0, title.start - 8), title.start):
        return title
    return title.sub(joints[-1].end(), len(title.text))


# Titles one person holds together with a president's ("President and CEO Ana Reyes").
_HELD_WITH_A_HEADS_TITLE = frozenset({"ceo", "chief executive", "chief executive officer", "chairman", "chairwoman", "chair", "chairperson", "founder"})


_DATE_NAMED_BEFORE_RE = re.compile(
    r"\bthe\s+(?:[a-z]+\s+)?((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?)\s+$"
)
_POSSESSIVE_RE = re.compile(r"['’]s\s+|(?<=s)['’]\s+")  # "Li Wei's X", "Americans' X"


_ON_RE = re.compile(r"\s+on\s+(?:(the)\s+)?")
# Heads whose names go on with what they are about: "the Committee on Harbours", "the Conference on Ruritania"
_ON_TOPIC_HEADS = frozenset({"Committee", "Subcommittee", "Commission", "Council", "Caucus", "Force", "Group", "Panel", "Coalition"})


@cache
def _on_topic_heads() -> frozenset[str]:
    return word_set("event_heads") | _ON_TOPIC_HEADS


def _split_at_on(phrase: Phrase) -> tuple[Span, Span | None] | None:
    """Where "on" ends a name rather than joining it: after a titled person ("Judge Hale on the
    Court": a person, then a body), and before the place something is at ("the Harbour Summit on
    the West Coast", "the Harbour University on Ruritania"; a country stays the topic of a
    conference or a committee). The second part is returned when it is a name of its own."""
    text = phrase.span.text
    for m in _ON_RE.finditer(text):
        left, right = phrase.span.sub(0, m.start()), phrase.span.sub(m.end(), len(text))
        if not right.text or not left.text:
            continue
        people = people_in_phrase(Phrase(left, None, None), heads=head_nouns())
        if people and people[-1].span.end == left.end:
            return left, right
        words = right.text.split()
        if m.group(1) and (words[-1] in word_set("place_heads") or right.text in place_names()):
            return left, None
        head = head_part(left.text.split())
        if not m.group(1) and right.text in place_names() and head and head[-1] not in _on_topic_heads():
            return left, None
    return None


def _type_phrase(source: str, phrase: Phrase) -> list[EntityMention]:
    split = _split_at_on(phrase)
    if split is not None:
        left, right = split
        rest = _type_phrase(source, Phrase(right, None, None)) if right is not None else []
        return [*_type_phrase(source, Phrase(left, phrase.ordinal, phrase.ordinal_span)), *rest]
    possessive = _POSSESSIVE_RE.search(phrase.span.text)
    if possessive is not None:
        named = _named_after_post(phrase.span.sub(possessive.end(), len(phrase.span.text)))
        if named is not None:  # "the Harbour Board's Senior Response Official Tom Hale": the board, and a person
            return [*_type_phrase(source, Phrase(phrase.span.sub(0, possessive.start()), None, None)), EntityMention(Kind.PERSON, named)]
    portfolio_then_name = _name_after_portfolio(phrase.span)
    if portfolio_then_name is not None:  # "(Assistant to the President for) Homeland Security Ana Reyes"
        return [EntityMention(Kind.PERSON, portfolio_then_name)]
    owner, phrase = _split_owner(phrase)
    after_the = _THE_BEFORE_RE.search(source, max(0, phrase.span.start - 4), phrase.span.start) is not None
    people = people_in_phrase(phrase, heads=head_nouns(), after_the=after_the)
    if people:
        out = []
        for person in people:
            named = _name_after_honorific(source, person.span)
            if named is None:
                continue  # "the Director Dr." and no name: a title, no person
            out.append(
                EntityMention(
                    Kind.PERSON,
                    named,
                    title=_last_title_after_the(source, person.title),
                    body=person.body,
                    country=person.country,
                    title_modifier=person.modifier,
                )
            )
            if person.body is not None and not is_portfolio(person.body.text):  # "Premier Li Wei of the State Council", "ABC Director Li Wei"
                out.extend(_type_phrase(source, Phrase(person.body, None, None)))
        return out
    if phrase.span.text in word_set("named_places"):  # "the Oval Office", "the Rose Garden": places, no bodies
        return []
    served = _body_before_portfolio(source, phrase.span)
    if served is not None:
        return _type_phrase(source, Phrase(served, None, None))
    if " ".join(phrase.span.text.split()[-2:]) in word_set("venue_heads"):  # "the Harbour Convention Center": a venue
        return []
    if " ".join(phrase.span.text.split()[:2]) in word_set("common_compounds"):  # "your ZIP Code to GETVAX": no name
        return []
    two = (_TWO_DEPARTMENTS_RE.match(phrase.span.text) or _body_and_acronym(phrase.span.text)) if "and" in phrase.span.text else None
    if two:  # "the Department of X and Y and the U.S. Department of Z": two bodies
        return [
            *_type_phrase(source, Phrase(phrase.span.sub(0, two.end(1)), None, None)),
            *_type_phrase(source, Phrase(phrase.span.sub(two.start(2), len(phrase.span.text)), None, None)),
        ]
    purpose = _body_for_law(phrase)
    if purpose is not None:  # "the Oversight Commission for the ABC Act": a body, and the law it serves
        return [m for part in purpose for m in _type_phrase(source, Phrase(part, None, None))]
    rest = after_title(phrase.span)
    if rest is not None and is_portfolio(rest.text):
        return []  # "to be the Secretary of Defense": a post named by its portfolio, as "the Defense Secretary" is; no body named
    body = body_after_title(phrase.span)
    if body is not None:  # "the Chief Clerk for the Water Bureau": a post, and the body it is in
        return _type_phrase(source, Phrase(body, None, None))
    if rest is not None:  # "the former CEO of Harbourbank": a post; what it is of is typed on its own
        return _type_phrase(source, Phrase(rest, None, None))
    if phrase.span.text in well_known_bodies():  # "the Senate", "the ABC" known by its short form
        return [_with_acronym(source, EntityMention(Kind.ORGANIZATION, phrase.span))]
    pair = phrase.span.text.split()
    if len(pair) == 2 and pair[1] == "Alliance" and is_acronym(pair[0]) and pair[0] in well_known_bodies():
        return [EntityMention(Kind.ORGANIZATION, phrase.span.sub(0, len(pair[0])))]  # "the ABC Alliance": the alliance ABC is
    sided = re.match(r"(?:(?:Most|Many|Some|All)\s+)?(\S+)\s+", phrase.span.text)
    if sided and sided.group(1) in word_set("party_adjectives") and phrase.span.text[sided.end() :] in well_known_bodies():
        # "a Democratic Senate", "Most Republican House candidates": the body, held or sought by a party
        return [EntityMention(Kind.ORGANIZATION, phrase.span.sub(sided.end(), len(phrase.span.text)))]
    words = phrase.words
    if len(words) >= 2 and words[-1].endswith("s") and words[-1] in word_set("group_words") and " ".join(words[:-1]) in well_known_bodies():
        return [EntityMention(Kind.ORGANIZATION, phrase.span)]  # "Senate Democrats": the members of a body as a group
    kind = kind_of(words, phrase.ordinal)
    if kind is Kind.ORGANIZATION and " ".join(words) in word_set("country_names"):
        return []  # "the Russian Federation": a country, no body
    if kind is Kind.ORGANIZATION and len(words) == 2 and words[0] in demonyms() and words[1] in ("Ministry", "Department"):
        return []  # "the Cuban Ministry": which ministry is not said, no name
    if kind is None and is_given_name_phrase(words):  # "... said Laura Peterson": a person, no title
        return [EntityMention(Kind.PERSON, phrase.span)]
    if kind is None:
        if len(words) == 1:
            word = words[0]
            if is_outlet_name(words) and not word.isdigit():
                return [EntityMention(Kind.MEDIA, phrase.span)]
            strong = is_acronym(word) and word not in word_set("acronym_stoplist")
            return [EntityMention(Kind.UNKNOWN, phrase.span, weak=not strong)]
        return [EntityMention(Kind.UNKNOWN, phrase.span)]
    if kind is Kind.DOCUMENT and head_part(words)[-1] in word_set("document_or_body_heads") and not _said_to_be_a_text(source, phrase.span):
        kind = Kind.ORGANIZATION  # "the Harbour Initiative, where we work on ...": a programme, no text
    if kind is Kind.DOCUMENT and len(head_part(words)) == 1 and INDEFINITE_ARTICLE_BEFORE_RE.search(source, max(0, phrase.span.start - 4), phrase.span.start):
        return [EntityMention(Kind.UNKNOWN, phrase.span)]  # "announcing a Notice of Funding Opportunity": a kind of text, no name
    if kind is Kind.DOCUMENT and _law_or_document(words, phrase):
        kind = _kind_by_cue(source, phrase.span)
        if kind is Kind.UNKNOWN:  # "thanks to the X Plan": a bill or a paper, the text does not say
            return [EntityMention(Kind.UNKNOWN, phrase.span)]
    if kind is Kind.EVENT and (
        _MEMBERS_OF_RE.search(source, max(0, phrase.span.start - 20), phrase.span.start) or _REPRESENTS_RE.match(source, phrase.span.end)
    ):
        kind = Kind.ORGANIZATION  # "members of the X Forum", "on behalf of X Roundtable", "a standing X Forum", "leading the X Roundtable", "the X Roundtable, which represents": a body
    if kind is Kind.EVENT and words[-1] == "Day" and _modifies_a_noun(source, phrase.span):
        return []  # "the Memorial Day recess", "a Labor Day picnic": the day names when, the noun is the thing
    if kind is Kind.EVENT and _of_office_holders(words):
        kind = Kind.ORGANIZATION  # "the Conference of Mayors": the holders of an office, met as a body
    if kind is Kind.MEDIA and _names_a_team(source, words, phrase.span):
        return [EntityMention(Kind.UNKNOWN, phrase.span)]
    span = phrase.span
    if kind is Kind.MEDIA and (of := _PERSON_OF_OUTLET_RE.match(span.text)) and _reads_as_a_name(of.group(1).split()):
        # "Annie Linksey of the Wall Street Journal": a reporter, and the outlet she writes for
        return [EntityMention(Kind.PERSON, span.sub(0, of.end(1))), *_type_phrase(source, Phrase(span.sub(of.start(2), len(span.text)), None, None))]
    if kind is Kind.LAW and (lead := _FOR_THE_BEFORE_RE.search(source, max(0, span.start - 12), span.start)):
        span = Span.of(source, lead.start(1), span.end)  # "the For the People Act": "For the" opens the name
    if kind is Kind.LAW:
        year = _LAW_YEAR_RE.match(source, span.end)
        if year:  # "the Maritime Act of 2022"
            span = Span.of(source, span.start, year.end())
    if kind is Kind.ORGANIZATION and (dated := _DATE_NAMED_BEFORE_RE.search(source, max(0, span.start - 40), span.start)):
        span = Span.of(source, dated.start(1), span.end)  # "the January 6th Select Committee": named after the day it looks into
    mention = EntityMention(kind, span, owner=owner)
    if kind is Kind.DOCUMENT and phrase.ordinal_span is not None:  # "the 14th Five-Year Plan for X"
        mention = replace(mention, span=Span.of(source, phrase.ordinal_span.start, span.end))
    if kind is Kind.EVENT and phrase.ordinal == 1 and _FIRST_SINCE_RE.match(source, phrase.span.end):
        phrase = Phrase(phrase.span, None, None)  # "the first X in two years", "the first X that she attends": no edition
    if kind is Kind.EVENT:
        held = editions_held(source, phrase.span)
        after = _ACRONYM_AFTER_RE.match(source, phrase.span.end)
        if held is None and after:
            held = editions_held(source, Span.of(source, phrase.span.start, after.end()))
        mention = replace(
            mention,
            ordinal=phrase.ordinal,
            ordinal_span=phrase.ordinal_span,
            editions=held[0] if held else None,
            editions_span=held[1] if held else None,
        )
    return [_with_acronym(source, mention)]


_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")


def _names_a_team(source: str, words: list[str], span: Span) -> bool:
    """ "our Communications and Press team": outlet words that are common nouns ("Press", "News"),
    then a word for a unit of people or a kind of event (``data/not_outlet_words.txt``, lower case),
    name a team or an occasion, not an outlet ("the Reuters team" is still Reuters)."""
    after = _NEXT_WORD_RE.match(source, span.end)
    if after is None or after.group(1).capitalize() not in word_set("not_outlet_words"):
        return False
    parts = re.split(r"[\s\-_]+", " ".join(words))
    outlet_words = [p for p in parts if p in lexicon().media_words]
    return all(p in word_set("media_generic") for p in outlet_words)


_PERSON_OF_OUTLET_RE = re.compile(r"(.+?)\s+of\s+(?:the\s+)?(\S.*)$", re.S)
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
# A name word: "Halvorsen", "Muñoz", "O’Hara", "Berg-Lund", and surnames with a capital inside
# after a prefix ("McAllister", "MacLeod", "DeLorme", "LaFleur"); or an initial ("J.").
_NAME_WORD_RE = re.compile(
    rf"(?:Mc|Mac|De|Di|Da|La|Le|Van)?[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*\.?|[A-Z]\."
)


def is_given_name_phrase(words: list[str]) -> bool:
    """Whether two or three capitalised words are a person's name: a common given name
    (``data/given_names.txt``) and then name words, none of them a title, a head noun of a
    body, law, event or document, a demonym, a group, a month or a well-known body; nor a name
    that names no one (``data/not_people.txt``: "Jim Crow", "John Doe").

    >>> is_given_name_phrase(["Laura", "Peterson"]), is_given_name_phrase(["Laura", "Peterson", "Institute"])
    (True, False)
    """
    if not 2 <= len(words) <= 3 or words[0] not in word_set("given_names"):
        return False
    stop = _not_name_words()
    for word in words[1:]:
        if not _NAME_WORD_RE.fullmatch(word) or word in stop or word.lower().rstrip(".") in MONTHS:
            return False
    return " ".join(words) not in well_known_bodies() and " ".join(words) not in word_set("not_people")


def _reads_as_a_name(words: list[str]) -> bool:
    """Two or three name words, none a head, title, group, place or outlet word: "Annie Linksey"."""
    if not 2 <= len(words) <= 3:
        return False
    stop = _not_name_words() | lexicon().media_words
    return all(_NAME_WORD_RE.fullmatch(w) and w not in stop and w.lower().rstrip(".") not in MONTHS for w in words)


@cache
def _not_name_words() -> frozenset[str]:
    return frozenset(
        head_nouns() | title_words() | word_set("group_words") | word_set("place_heads") | set(demonyms()) | set(well_known_bodies())
        | {w for place in word_set("named_places") for w in place.split() if w not in word_set("given_names")}  # "Camp David": "David" still opens names
    )


_LAW_YEAR_RE = re.compile(r" of (?:19|20)\d\d\b")
_MEMBERS_OF_RE = re.compile(
    r"(?i)\b(?:(?:members?|on\s+behalf)\s+of\s+(?:the\s+)?|(?:a|the)\s+standing\s+|(?:lead|head|chair)(?:s|ing)?\s+the\s+)$"
)
_REPRESENTS_RE = re.compile(r",?\s+(?:which|that|who)\s+(?:represents|represent|speaks\s+for)\b")


def _law_or_document(words: list[str], phrase: Phrase) -> bool:
    """Whether a name typed as a document could as well be a law ("the X Plan"; see ``data/law_or_document_heads.txt``)."""
    head = head_part(words)  # "the Joint Plan of Action": the head is "Plan"
    if phrase.ordinal is not None or len(head) < 2 or head[-1] not in word_set("law_or_document_heads"):
        return False
    return f"{head[-2]} {head[-1]}".lower() not in word_set("document_kinds")


@cache
def _cue_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def before(name: str) -> re.Pattern[str]:
        verbs = sorted(read_list(name), key=len, reverse=True)
        alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs)
        return re.compile(rf"(?i)\b(?:{alternatives})\s+(?:(?:the|this|that|a|its|their|our)\s+)?$")

    return before("law_cues"), before("document_release_cues")


_TEXT_CUE_BEFORE_RE = re.compile(r"(?i)\b(?:launched|proposed|adopted|endorsed|signed)\s+(?:the|this|that|a|an|its|their|our)\s+$")
_TEXT_CUE_AFTER_RE = re.compile(r"(?i)[\s,]+(?:which|that)\s+(?:\w+\s+){0,2}(?:endorsed|signed|adopted|joined|supported)\b")


def _said_to_be_a_text(source: str, span: Span) -> bool:
    """Whether the verbs around a name make it a text: put forward, released, launched,
    endorsed or signed by someone (``data/document_release_cues.txt`` and these)."""
    start = max(0, span.start - 40)
    if _cue_res()[1].search(source, start, span.start) or _TEXT_CUE_BEFORE_RE.search(source, start, span.start):
        return True
    return bool(_TEXT_CUE_AFTER_RE.match(source, span.end))


def _kind_by_cue(source: str, span: Span) -> Kind:
    """LAW or DOCUMENT as the verb before a name says ("passing the X", "released the X"), else UNKNOWN
    (a verb said of bills and papers alike, ``data/bill_or_paper_cues.txt``, tells neither)."""
    law, document = _cue_res()
    start = max(0, span.start - 40)
    if law.search(source, start, span.start):
        return Kind.LAW
    cue = document.search(source, start, span.start)
    if cue is not None and not _bill_or_paper_cue_re().match(cue.group(0)):
        return Kind.DOCUMENT  # "released the X Plan"; "put forward the X Plan" is said of bills too
    return Kind.UNKNOWN


@cache
def _bill_or_paper_cue_re() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in read_list("bill_or_paper_cues"))
    return re.compile(rf"(?i)(?:{verbs})\b")


_FIRST_SINCE_RE = re.compile(r"\s+(?:in|that|since|ever|of\s+(?:his|her|its|their|this|the))\b")


def _body_for_law(phrase: Phrase) -> tuple[Span, Span] | None:
    """ "X Commission for the Y Act": the body and the law, two names, when each is one on its own."""
    m = re.search(r"\s+for\s+the\s+", phrase.span.text)
    if m is None:
        return None
    body, law = phrase.span.sub(0, m.start()), phrase.span.sub(m.end(), len(phrase.span.text))
    if kind_of(law.text.split(), None) is not Kind.LAW or kind_of(body.text.split(), None) is not Kind.ORGANIZATION:
        return None
    return body, law


def kind_of(words: list[str], ordinal: int | None) -> Kind | None:
    """The kind a capitalised name's words tell, or ``None``.

    >>> kind_of("State Administration for Market Regulation".split(), None).value
    'organization'
    >>> kind_of("National Congress of the Workers Party".split(), 20).value
    'event'
    """
    if len(words) < 2:
        return None
    if is_company_name(words):  # "Harbour News Shipbuilding": the last word tells, not an outlet word inside
        return Kind.COMPANY
    if is_outlet_name(words) and words[-1] not in word_set("event_heads"):  # "the X Magazine Summit" is held, not read
        return Kind.MEDIA
    if is_law_name(words):
        return Kind.LAW
    if is_event_name(words, ordinal=ordinal):
        return Kind.EVENT
    head = head_part(words)
    if head and head[-1] in word_set("campaign_heads"):
        return Kind.CAMPAIGN  # "the Unity Agenda": a programme for the public
    if is_document_name(words):
        return Kind.DOCUMENT
    if is_body_name(words):
        return Kind.ORGANIZATION
    return None


def _split_owner(phrase: Phrase) -> tuple[Span | None, Phrase]:
    """ "Y's X": the owner Y and the phrase X, when X can be typed on its own."""
    m = _POSSESSIVE_RE.search(phrase.span.text)
    before = phrase.span.text[: m.start()].split() if m else []
    if not before or before[-1] in word_set("name_possessives"):
        return None, phrase  # "the Children's Health Insurance Program": part of the name, no owner
    rest = phrase.span.sub(m.end(), len(phrase.span.text))
    kind = kind_of(rest.text.split(), None)
    if kind is None:
        return None, phrase
    owner = re.search(r"(?:[A-Z][\w.\-]*\s+)*[A-Z][\w.\-]*$", phrase.span.text[: m.start()])
    title = lexicon().match_title(owner.group(0)) if owner is not None else None
    if kind is Kind.ORGANIZATION and title is not None and title.end() == len(owner.group(0)) and " ".join(rest.text.split()) not in well_known_bodies():
        # "the President's Harbour Advisory Board": a title with no name is part of the body's name
        # ("the President's Justice Department" is still the Justice Department)
        return None, Phrase(phrase.span.sub(owner.start(), len(phrase.span.text)), None, None)
    return phrase.span.sub(0, m.start()), Phrase(rest, None, None)


def _name_after_portfolio(span: Span) -> Span | None:
    """The name ending "Homeland Security and Counterterrorism Ana Reyes", a portfolio the text
    put after a title (``data/portfolio_words.txt``), or None."""
    if span.text.count(" ") < 2 and "\n" not in span.text:
        return None  # two words or fewer: no portfolio before a name
    words = list(re.finditer(r"\S+", span.text))
    if len(words) < 3 or not is_given_name_phrase([w.group(0) for w in words[-2:]]):
        return None
    if not all(w.group(0) in word_set("portfolio_words") or w.group(0) == "and" for w in words[:-2]):
        return None
    return span.sub(words[-2].start(), len(span.text))


def _named_after_post(rest: Span) -> Span | None:
    """The name ending "Senior Response Official Tom Hale": a given name and a surname after
    up to four capitalised words (a post no title list holds), or None."""
    words = list(re.finditer(r"\S+", rest.text))
    if not 2 <= len(words) <= 6 or not all(w.group(0)[:1].isupper() for w in words[:-2]) or kind_of([w.group(0) for w in words], None):
        return None
    if not is_given_name_phrase([w.group(0) for w in words[-2:]]):
        return None
    return rest.sub(words[-2].start(), len(rest.text))


def _with_acronym(source: str, mention: EntityMention) -> EntityMention:
    m = _ACRONYM_AFTER_RE.match(source, mention.span.end)
    if not m or not is_acronym(m.group("acr")):
        return mention
    return replace(mention, acronym=Span.of(source, m.start("acr"), m.end("acr")))
