"""People named in passing: a title, then a name ("Premier Zhou Wen").

The titles are in ``data/person_titles.txt``; a modifier such as "Deputy" or
"Vice" may stand before one. A name is one to three capitalised words; "of
the X" after it names the body the person belongs to ("Minister Li Wei of
the Water Commission").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import read_list
from ..model import Span
from .phrases import Phrase

_MODIFIERS = r"(?:(?:Deputy|Vice|Assistant|Acting|Executive|Former|Under)[\s-]+)?"
_NAME_WORD = re.compile(r"[A-Z][\w'’\-]*")


@dataclass(frozen=True, slots=True)
class PersonMention:
    span: Span  # the name
    title: Span
    body: Span | None  # "of the X" after the name


@cache
def _title_re() -> re.Pattern[str]:
    titles = sorted(read_list("person_titles"), key=len, reverse=True)
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
    return re.compile(rf"(?P<title>{_MODIFIERS}(?:{alternatives}))\s+")


def person_in_phrase(phrase: Phrase, *, heads: frozenset[str]) -> PersonMention | None:
    """The person a phrase names after a title: "General Secretary Li Wei" → "Li Wei".

    >>> p = Phrase(Span.of("Deputy Minister Zhou Wen of the Sea Bureau", 0, 42), None, None)
    >>> m = person_in_phrase(p, heads=frozenset({"Bureau"}))
    >>> m.title.text, m.span.text, m.body.text
    ('Deputy Minister', 'Zhou Wen', 'Sea Bureau')
    """
    text = phrase.span.text
    m = _title_re().match(text)
    if not m:
        return None
    rest = text[m.end() :]
    body = None
    link = re.search(r"\s+of\s+(?:the\s+)?", rest)
    if link:
        body = phrase.span.sub(m.end() + link.end(), len(text))
        rest = rest[: link.start()]
    words = rest.split()
    if not 1 <= len(words) <= 3 or any(w in heads or not _NAME_WORD.fullmatch(w) for w in words):
        return None
    name = phrase.span.sub(m.end(), m.end() + len(rest))
    return PersonMention(name, phrase.span.sub(0, m.end("title")), body)
