"""People named in passing: a title, then a name ("Premier Zhou Wen").

The titles are in ``data/person_titles.txt``; a modifier such as "Deputy" or
"Acting" may stand before one, and titles may be joined ("State Councilor and
Foreign Minister Li Wei"). A name is one to three capitalised words; "of the
X" after it names the body the person belongs to ("Minister Li Wei of the
Water Commission"). What stands before the title says where the post is:
a body ("Water Bureau Director Li Wei", "ABC Director Li Wei") or a country,
written as a demonym or a possessive ("Ruritanian Foreign Minister Li Wei",
"Ruritania's Foreign Minister Li Wei"; ``data/demonyms.txt``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..dates import MONTHS
from ..lexicon import demonyms, place_names, read_list, well_known_bodies, well_known_names, word_set
from ..model import Span
from .orgs import is_acronym, is_org_name
from .phrases import Phrase

_MODIFIER_WORDS = ("Deputy", "Vice", "Assistant", "Acting", "Executive", "Former", "Under", "Principal", "Senior", "Interim")
MODIFIERS = r"(?:(?:" + "|".join(_MODIFIER_WORDS) + r")[\s-]+)*"  # "Deputy", "Acting Deputy" before a title
# Words that make a title another title only right before it ("Regional Administrator"); before
# anything else they are a body's ("Regional Reporters Association President").
_TITLE_QUALIFIERS = r"(?:(?:Regional|Associate)[\s-]+)?"
_MODIFIER_LEAD_RE = re.compile(r"(?:(?:" + "|".join(_MODIFIER_WORDS) + r")[\s-]+)+")
_NAME_WORD = re.compile(r"(?:[dl]['’])?[A-Z][\w'’\-]*")  # "d'Estaing" too
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named after a title, and where the post is."""

    span: Span  # the name
    title: Span  # the title as written, modifiers included: "Acting Administrator"
    body: Span | None  # "of the X" after the name, or the body written before the title
    country: str | None = None  # "Ruritanian ..." → "Ruritania"
    modifier: Span | None = None  # written before the body: "Acting" of "Acting ABC Director"

    @property
    def titles(self) -> tuple[str, ...]:
        """The posts the title names, lower case: "State Councilor and Foreign Minister" gives two."""
        lead = self.modifier.text.lower() + " " if self.modifier is not None else ""
        return tuple(lead + singular_title(t.strip().lower()) for t in re.split(r"\s+and\s+", self.title.text) if t.strip())


def singular_title(title: str) -> str:
    """A plural one-word title as the title each of a list holds, in its case: "Presidents" → "President"."""
    if title.lower() not in _plural_titles():
        return title
    return title[:-3] + ("Y" if title.isupper() else "y") if title.lower().endswith("ies") else title[:-1]


@cache
def _plural_titles() -> dict[str, str]:
    """Plural forms of one-word titles, lower case, to their singular."""
    out = {}
    for t in read_list("person_titles"):
        word = t.lower()
        if " " in word or "-" in word:
            continue
        out[word[:-1] + "ies" if word.endswith("y") else word + "s"] = word
    return out


@cache
def _title_re() -> re.Pattern[str]:
    titles = sorted({t for t in read_list("person_titles")}, key=len, reverse=True)
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+").replace(r"\-", r"[\s-]") for t in titles)
    one = rf"{MODIFIERS}{_TITLE_QUALIFIERS}(?:{alternatives})"
    return re.compile(rf"(?P<title>{one}(?:\s+and\s+{one})*)\s+")


@cache
def title_words() -> frozenset[str]:
    """Every word of every title, capitalised: none of them is part of a name."""
    words = {w for t in read_list("person_titles") for w in re.split(r"[\s-]+", t)}
    return frozenset(w for w in words | set(_MODIFIER_WORDS) if w[:1].isupper() and w != "of")


def person_in_phrase(phrase: Phrase, *, heads: frozenset[str]) -> PersonMention | None:
    """The first person a phrase names after a title: "General Secretary Li Wei" → "Li Wei".

    >>> p = Phrase(Span.of("Deputy Minister Zhou Wen of the Sea Bureau", 0, 42), None, None)
    >>> m = person_in_phrase(p, heads=frozenset({"Bureau"}))
    >>> m.title.text, m.span.text, m.body.text
    ('Deputy Minister', 'Zhou Wen', 'Sea Bureau')
    """
    found = people_in_phrase(phrase, heads=heads)
    return found[0] if found else None


def people_in_phrase(phrase: Phrase, *, heads: frozenset[str], after_the: bool = False) -> list[PersonMention]:
    """Every person a phrase names after a title, "A and B" included.

    >>> text = "Icelandic Foreign Minister Li Wei and Senator Ann Fox"
    >>> [(m.country, m.titles, m.span.text) for m in people_in_phrase(Phrase(Span.of(text, 0, len(text)), None, None), heads=frozenset())]
    [('Iceland', ('foreign minister',), 'Li Wei'), (None, ('senator',), 'Ann Fox')]
    """
    text = phrase.span.text
    out: list[PersonMention] = []
    pos = 0
    plural = re.match(r"([A-Z][a-z]+)\s+", text)
    if plural and plural.group(1).lower() in _plural_titles():
        # "Presidents Tusk and Juncker", "Senators Collins and King and Representative Reyes": the title is each one's
        title, at = phrase.span.sub(0, plural.end(1)), plural.end()
        while True:
            found = _name_end(text, at, heads)
            bare = re.match(r"[A-Z][a-z]+(?=\s+and\s+|\s*,|$)", text[at:])
            if found is not None and found[1] is None:
                end = found[0]
            elif bare and bare.group(0) not in heads and ((titled := _title_re().match(text, at)) is None or " and " in titled.group("title")):
                end = at + bare.end()  # "and King": a surname that is also a title, in a list of names
            else:
                break
            out.append(PersonMention(phrase.span.sub(at, end), title, None))
            joint = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)", text[end:])
            if not joint:
                return out
            at = end + joint.end()
        pos = at if out else 0  # "... and Representative Reyes": the titles after the list
    while pos < len(text):
        found = _person_at(phrase.span, pos, heads, after_the=after_the and pos == 0)
        if found is None:
            return out
        person, end = found
        out.append(person)
        joint = re.match(r"(?:['’]s)?\s*(?:,\s*(?:and\s+)?|and\s+)", text[end:])  # "President Hale's and ..." too
        if not joint:
            return out
        pos = end + joint.end()
    return out


def _person_at(span: Span, pos: int, heads: frozenset[str], *, after_the: bool = False) -> tuple[PersonMention, int] | None:
    """The first "[where] TITLE Name [of the X]" at or after ``pos``, and where it ends
    (``after_the``: the phrase follows "the" in the text)."""
    text = span.text
    for word in re.finditer(r"\S+", text[pos:]):
        start = pos + word.start()
        m = _title_re().match(text, start)
        if not m:
            continue
        if " and " in m.group("title") and re.search(r"[A-Z][\w'’-]*\s+and\s+$", text[max(0, start - 30) : start]):
            continue  # "Senators Collins and King and Representative Ana Reyes": King ends a list of names
        modifier, country, body = split_where(span.sub(pos, start).strip()) if text[pos:start].strip() else (None, None, None)
        lead = text[pos:start].strip()
        first, _, rest = lead.partition(" ")
        if body is None and country is None and first in demonyms() and rest and all(w in word_set("portfolio_words") for w in rest.split()):
            # "British Foreign Secretary Ana Reyes": a country, then the title's own words
            country, lead = demonyms()[first], rest
            pos += re.match(r"\s*\S+\s+", text[pos:start]).end()
        if body is None and lead and all(w in word_set("portfolio_words") for w in lead.split()):
            if is_portfolio(lead):  # "Energy Secretary Ana Reyes": the portfolio names her department
                body = span.sub(pos, start).strip()
            else:  # "Foreign Secretary Ana Reyes": the words are the title's
                start = pos + len(text[pos:start]) - len(text[pos:start].lstrip())
        elif country is None and lead and modifier is None:
            described = described_title(span.sub(pos, start).strip(), m.group("title"))
            if described is not None:  # "Harbour Resilience Coordinator Ana Reyes": the words are the title's
                body, words = described
                start = words.start - span.start
        found = _name_end(text, m.end(), heads)
        if found is None:
            # "to the President for Climate Policy Ana Reyes": the post is hers, not the President's
            the = re.search(r"(?i)\bthe\s+$", text[max(0, start - 4) : start]) is not None or (after_the and start == pos)
            portfolio = _portfolio_name(span, m.end(), heads, served=not the)
            if portfolio is None:
                continue
            # "Minister of Industry Li Wei": the post is in the body or country the words
            # after "of" name; failing that, they belong to the title ("minister of industry",
            # whose portfolio names a ministry when the post is resolved)
            of, name = portfolio
            of_country, of_body = _where(of)
            title_end = m.end("title") if of_body or of_country else of.end - span.start
            return PersonMention(name, span.sub(start, title_end), of_body or body, country or of_country, modifier), name.end - span.start
        name_end, of_body = found
        end = name_end
        if of_body is not None:  # "Minister X of the Y": Y is a body or a country, else no place of the post
            end = of_body[1]
            after_country, after_body = _where(span.sub(*of_body))
            country, body = country or after_country, after_body or body
        return PersonMention(span.sub(m.end(), name_end), span.sub(start, m.end("title")), body, country, modifier), end
    return None


def _portfolio_name(span: Span, start: int, heads: frozenset[str], *, served: bool = True) -> tuple[Span, Span] | None:
    """ "of Industry Li Wei" after a title: the portfolio ("Industry") and the name ("Li Wei").

    The name is the last two capitalised words, or the last one, that hold
    no word of a portfolio (``data/portfolio_words.txt``: "Intelligence",
    "Affairs"); every word before it is the portfolio.
    """
    text = span.text
    m = re.match(r"(?:of|for)\s+(?:the\s+)?", text[start:])  # "Coordinator for Harbour Safety Ana Reyes" too
    served_by = m is not None and m.group(0).startswith("for")
    if m is None or (served_by and not served):
        return None
    rest = span.sub(start + m.end(), len(text))
    stop = re.search(r"\s*(?:,|\s+and\s+)", rest.text)
    if stop:
        rest = rest.sub(0, stop.start())
    if m.group(0).rstrip() not in ("of", "for") and any(_where(rest)):
        # "Director of the Harbour Office Ana Reyes", or no name: "President of the United States"
        return _body_then_name(rest, heads)
    if rest.text in demonyms():
        return None  # "Prime Minister of Ruritania": all of it is the country
    words = list(re.finditer(r"\S+", rest.text))
    if len(words) < 2 or len(words) > 6:
        return None
    for lead in (2, 1):  # "of Singapore Lee Hsien Loong": a country, then a name of up to three words
        if lead < len(words) <= lead + 3 and " ".join(w.group(0) for w in words[:lead]) in place_names():
            name = rest.sub(words[lead].start(), len(rest.text))
            if _name_end(name.text, 0, heads) is not None and not any(w in word_set("portfolio_words") for w in name.text.split()):
                return rest.sub(0, words[lead - 1].end()), name
    for n in (2, 1):  # a full name first, then a surname
        if n >= len(words):
            continue
        name = rest.sub(words[-n].start(), len(rest.text))
        before = [w.group(0) for w in words[:-n]]
        if any(w in word_set("portfolio_words") for w in name.text.split()) or _name_end(name.text, 0, heads) is None:
            continue
        if n == 1 and (served_by or not all(w in word_set("portfolio_words") or w == "of" for w in before)):
            continue  # "Director of Enduring Security Framework": a body's name, no surname after a portfolio
        given = words[-2].group(0)
        if served_by and given not in word_set("given_names") and given not in word_set("given_names_also_words"):
            continue  # "Coordinator for Harbour Allies Welcome": what the post is for, no name after it
        if all(w[:1].isupper() or w == "of" for w in before):
            return rest.sub(0, words[-n - 1].end()), name
    return None


def _body_then_name(rest: Span, heads: frozenset[str]) -> tuple[Span, Span] | None:
    """ "Harbour Office Ana Reyes": a body, then the two-word name of who holds the post in it."""
    words = list(re.finditer(r"\S+", rest.text))
    if len(words) < 4:
        return None
    name = rest.sub(words[-2].start(), len(rest.text))
    body = rest.sub(0, words[-3].end())
    if words[-2].group(0) not in word_set("given_names") or _name_end(name.text, 0, heads) is None:
        return None
    return (body, name) if _where(body)[1] is not None else None


def _name_end(text: str, start: int, heads: frozenset[str]) -> tuple[int, tuple[int, int] | None] | None:
    """Where a name of one to three words starting at ``start`` ends, and where an "of the X" after it is."""
    rest = text[start:]
    stop = re.search(r"\s*(?:,|\s+and\s+)", rest)
    piece = rest[: stop.start()] if stop else rest
    of_body = None
    link = re.search(r"\s+of\s+(?:the\s+)?", piece)
    if link:
        of_body = (start + link.end(), start + len(piece))
        piece = piece[: link.start()]
    possessive = re.search(r"['’]s$", piece)
    if possessive is not None:  # "President Hale's and Prime Minister Fox's summit": the name without its possessive
        piece = piece[: possessive.start()]
    particles = word_set("name_particles")
    words = [w for w in piece.split() if w not in particles]  # "Mohammed bin Salman": the particle is the name's
    if not 1 <= len(words) <= 3 or words[-1] in word_set("place_heads") or piece.split()[-1] in particles:
        return None  # "Prince George's County": a place, no prince
    for i, w in enumerate(words):
        if i < len(words) - 1 and re.fullmatch(r"[A-Z]\.", w):
            continue  # "J. Todd Hale": an initial opens the name
        if i == len(words) - 1 and i > 0 and w != "I" and _REGNAL_RE.fullmatch(w):
            continue  # "King Charles III", "Pope Benedict XVI": the ordinal is the name's
        if w in heads and not _outlet_named_for_a_person(w) or len(w) < 2 or not _NAME_WORD.fullmatch(w) or w.lower() in _WEEKDAYS or w.lower() in MONTHS:
            return None
        if w in demonyms() or w in well_known_bodies() or w.isupper() or w in title_words():
            return None  # "Secretary General" is a title, "Director FBI" no name
    return start + len(piece), of_body


_REGNAL_RE = re.compile(r"X{0,2}(?:IX|IV|V?I{1,3}|V)|X{1,2}")  # up to XXIX ("I" alone is the pronoun, left out where used)


def _outlet_named_for_a_person(word: str) -> bool:
    """An outlet's own name that is also a surname ("Mayor Bloomberg"): after a title it is the person.
    Common outlet words ("News", "Post": ``data/media_generic.txt``) and other heads stay heads."""
    return word in word_set("media") and word not in word_set("media_generic") and not word.isupper() and word not in _other_heads()


@cache
def _other_heads() -> frozenset[str]:
    """The heads of bodies, events, laws and documents: never a surname after a title."""
    return word_set("org_heads") | word_set("event_heads") | word_set("law_heads") | word_set("document_heads")


def body_after_title(span: Span) -> Span | None:
    """The body in "Title for|of|at [the] Body" with no name in it: "Chief Clerk for the Water Bureau" → "Water Bureau".

    >>> body_after_title(Span.of("Deputy Director of the Water Bureau", 0, 35)).text
    'Water Bureau'
    """
    body = after_title(span)
    return body if body is not None and _where(body)[1] is not None else None


def after_title(span: Span) -> Span | None:
    """What follows "Title for|of|at [the]" when a phrase starts so: "CEO of Harbourbank" → "Harbourbank"."""
    m = _title_re().match(span.text)
    link = re.match(r"(?:for|of|at)\s+(?:the\s+)?", span.text[m.end() :]) if m else None
    if link is None or m.end() + link.end() >= len(span.text):
        return None
    return span.sub(m.end() + link.end(), len(span.text))


def is_portfolio(text: str) -> bool:
    """Whether words name a portfolio, not a body: "Energy", "Homeland Security" (``data/portfolio_words.txt``).

    A portfolio ends on a noun: "Foreign" alone is a kind of secretary, no department
    (``data/portfolio_adjectives.txt``).

    >>> is_portfolio("Homeland Security"), is_portfolio("Foreign"), is_portfolio("Harbour Board")
    (True, False, False)
    """
    words = [w for w in text.split() if w.lower() not in ("and", "of", "the", "&")]
    return bool(words) and all(w in word_set("portfolio_words") for w in words) and words[-1] not in word_set("portfolio_adjectives")


_LINK_WORDS = frozenset({"in", "of", "for", "and", "the"})


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def described_title(lead: Span, title: str) -> tuple[Span | None, Span] | None:
    """The words before a title that say what the post is for, and the body before them, if any.

    Only for titles of ``data/described_titles.txt``; the words are capitalised, no
    sentence opener, and name no body, country or place. A well-known body or an
    acronym may open them: "White House Harbour Coordinator" is the coordinator of
    harbours, at the White House.

    >>> body, words = described_title(Span.of("White House Harbour Resilience", 0, 30), "Coordinator")
    >>> body.text, words.text
    ('White House', 'Harbour Resilience')
    >>> described_title(Span.of("Icelandic", 0, 9), "Envoy") is None, described_title(Span.of("Harbour", 0, 7), "Minister") is None
    (True, True)
    """
    if title.split()[-1].lower() not in word_set("described_titles") or len(title.split()) > 1:
        return None
    words = list(re.finditer(r"\S+", lead.text))
    while words and words[0].group(0) in word_set("sentence_openers"):  # "Then Harbour Envoy"
        words = words[1:]
    if not words or not _capitalised(words[-1].group(0)):
        return None
    if any(not _capitalised(w.group(0)) and w.group(0) not in _LINK_WORDS for w in words):
        return None  # "Made in America Director": a small word may join them
    lead = lead.sub(words[0].start(), len(lead.text))
    words = list(re.finditer(r"\S+", lead.text))
    body = None
    for n in range(len(words) - 1, 0, -1):  # "White House Harbour Resilience": a body first
        known = lead.sub(0, words[n - 1].end())
        if _where(known)[1] is not None and not is_org_name(lead.text):
            body, words = known, words[n:]
            break
    rest = lead.sub(words[0].start(), len(lead.text))
    if any(_where(rest)) or rest.text in place_names() or is_org_name(rest.text) or is_acronym(rest.text):
        return None
    return body, rest


def split_where(span: Span) -> tuple[Span | None, str | None, Span | None]:
    """What stands before a title, as (modifier, country, body); a modifier may open it.

    >>> split_where(Span.of("Acting ABC", 0, 10))
    (Span(start=0, end=6, text='Acting'), None, Span(start=7, end=10, text='ABC'))
    """
    lead = _MODIFIER_LEAD_RE.match(span.text)
    if lead and lead.end() < len(span.text):  # "Acting ABC Director": acting director, in the ABC
        country, body = _where(span.sub(lead.end(), len(span.text)))
        if country or body:
            return span.sub(0, lead.end()).strip(), country, body
    return (None, *_where(span))


def _where(span: Span) -> tuple[str | None, Span | None]:
    """What stands before a title: a country (demonym or possessive) or a body."""
    text = re.sub(r"'s$", "", span.text)
    if text in demonyms():
        return demonyms()[text], None
    if text != span.text:
        span = span.sub(0, len(text))
    if is_acronym(text) or text in well_known_bodies() or text in well_known_names() or is_org_name(text):
        return None, span  # "the United Nations" as well as "the UN"
    return None, None
