"""Organization names: nesting ("A of the B") and acronyms defined in parentheses.

Pure functions over spans; they decide structure from general rules and the
list of head nouns in ``data/org_heads.txt``, never from particular bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import lexicon
from ..model import Span

_OF_RE = re.compile(r"\s+of\s+(?:the\s+)?")
_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z0-9&]*[A-Z0-9]|[A-Z]{2,}")
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to", "&", "at"})


@dataclass(frozen=True, slots=True)
class OrgName:
    """One body in a nested name: its full name and the name of its parent, if any.

    ``name`` has no leading "the". ``parent`` is the name of the body it is a
    unit of, itself the ``name`` of the next :class:`OrgName` in the chain.
    """

    name: Span
    parent: Span | None


def strip_article(span: Span) -> Span:
    """Drop a leading "the " and surrounding punctuation.

    >>> strip_article(Span.of("the Bureau,", 0, 11)).text
    'Bureau'
    """
    span = span.strip(" \t,;.:")
    m = re.match(r"(?i)the\s+", span.text)
    return span.sub(m.end(), len(span.text)) if m else span


def is_acronym(text: str) -> bool:
    """Tell whether ``text`` is an acronym such as "CAC", "MIIT" or "IPv6".

    >>> [is_acronym(t) for t in ["CAC", "IPv6", "Bureau", "A"]]
    [True, True, False, False]
    """
    return len(text) <= 10 and _ACRONYM_RE.fullmatch(text) is not None and sum(c.isupper() for c in text) >= 2


def _head(name: str) -> str:
    """The words of a name before its first " of "."""
    return _OF_RE.split(name, maxsplit=1)[0]


def is_org_name(name: str) -> bool:
    """Tell whether ``name`` names a body: its head is a body noun, or it is an acronym.

    >>> [is_org_name(n) for n in ["Ministry of Commerce", "Foreign Affairs", "Water Policy Bureau", "China"]]
    [True, False, True, False]
    """
    heads = lexicon().org_heads
    words = name.split()
    if not words:
        return False
    if is_acronym(name):
        return True
    head_words = _head(name).split()
    if not head_words:
        return False  # " of X": no words before the link
    # "Bureau of X", "Ministry for X": a head first, then a link word ("Senate Democrats" is no body)
    first_head = words[0] in heads and (len(words) == 1 or words[1] in _SMALL_WORDS)
    return head_words[-1].strip(",.") in heads or first_head


def split_nested(span: Span) -> tuple[OrgName, ...]:
    """Split "A of the B of the C" into bodies, outermost name first.

    A body is a unit of the tail after the first " of (the) " where both
    sides name a body. Whether a side names a body depends only on its first
    piece (the words before its first " of ") and on whether more pieces
    follow, so the chain is found in one pass over the pieces: linear in the
    name, however deep the nesting.

    >>> [(o.name.text, o.parent and o.parent.text) for o in split_nested(Span.of(
    ...     "Planning Division of the Water Bureau of the Ministry of Water Resources", 0, 72))]
    [('Planning Division of the Water Bureau of the Ministry of Water Resources', 'Water Bureau of the Ministry of Water Resources'), ('Water Bureau of the Ministry of Water Resources', 'Ministry of Water Resources'), ('Ministry of Water Resources', None)]
    """
    current = strip_article(span)
    text = current.text
    links = list(_OF_RE.finditer(text))
    starts = [0] + [m.end() for m in links]  # piece i: text[starts[i]:ends[i]]
    ends = [m.start() for m in links] + [len(text)]
    last = len(starts) - 1
    alone = [is_org_name(text[a:b]) for a, b in zip(starts, ends, strict=True)]  # the side is this piece
    leading = [is_org_name(text[a:b] + " of x") for a, b in zip(starts, ends, strict=True)]  # more pieces follow

    chain: list[OrgName] = []
    i = 0
    while True:
        parent = None
        for j in range(i + 1, last + 1):
            left = alone[i] if j == i + 1 else leading[i]
            right = alone[j] if j == last else leading[j]
            if left and right:
                parent = j
                break
            if j > i + 1 and not left:
                break  # the left side's answer no longer changes with j
        chain.append(OrgName(current.sub(starts[i], len(text)), None if parent is None else current.sub(starts[parent], len(text))))
        if parent is None:
            return tuple(chain)
        i = parent


@dataclass(frozen=True, slots=True)
class AcronymDefinition:
    """An acronym in parentheses and the words it stands for."""

    acronym: Span
    expansion: Span


def find_acronym_after(source: str, name: Span) -> AcronymDefinition | None:
    """Find "(ACR)" right after ``name`` and the suffix of ``name`` it abbreviates.

    The acronym belongs to the shortest suffix of the name whose initials spell
    it; when none does, to the whole name.

    >>> text = "the Central Committee of the Communist Party of China (CPC)"
    >>> d = find_acronym_after(text, Span.of(text, 4, text.index(" (")))
    >>> d.acronym.text, d.expansion.text
    ('CPC', 'Communist Party of China')
    """
    m = re.compile(r"\s*\(\s*([^()\s]{2,10})\s*\)").match(source, name.end)
    if not m or not is_acronym(m.group(1)):
        return None
    acronym = Span.of(source, m.start(1), m.end(1))
    return AcronymDefinition(acronym, expansion_of(acronym.text, name))


def expansion_of(acronym: str, name: Span) -> Span:
    """The shortest suffix of ``name`` whose initials spell ``acronym``.

    Failing initials, the letters may be the first letters of each word
    ("MOFCOM": Ministry OF COMmerce). Failing both, the whole name.

    >>> expansion_of("PBOC", Span.of("People's Bank of China", 0, 22)).text
    "People's Bank of China"
    >>> text = "Trade Department of the Ministry of Commerce"
    >>> expansion_of("MOFCOM", Span.of(text, 0, len(text))).text
    'Ministry of Commerce'
    """
    letters = "".join(c.lower() for c in acronym if c.isalnum())
    words = list(re.finditer(r"[^\s\-/]+", name.text))
    for with_small in (False, True):
        for i in range(len(words) - 1, -1, -1):
            initials = [
                w.group(0)[0].lower()
                for w in words[i:]
                if with_small or w.group(0).lower() not in _SMALL_WORDS
            ]
            if "".join(initials) == letters and words[i].group(0).lower() not in _SMALL_WORDS:
                return name.sub(words[i].start(), len(name.text))
    for i in range(len(words) - 1, -1, -1):
        if words[i].group(0).lower() not in _SMALL_WORDS and _spells(letters, [w.group(0).lower() for w in words[i:]]):
            return name.sub(words[i].start(), len(name.text))
    return name


def _spells(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` are a prefix of each word in turn ("mofcom": ministry, of, commerce)."""
    if not words:
        return not letters
    if not letters:
        return False
    word = words[0]
    for n in range(min(len(word), len(letters)), 0, -1):
        if word[:n] == letters[:n] and _spells(letters[n:], words[1:]):
            return True
    return False
