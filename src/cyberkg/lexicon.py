"""General vocabulary kept as data files: titles, honorifics, kinds of bodies.

Nothing here is specific to one transcript; the words live in ``data/*.txt``
(one entry a line, ``#`` starts a comment) so they can be extended without
touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


def read_list(name: str) -> tuple[str, ...]:
    """Return the entries of ``data/NAME.txt``, comments and blank lines dropped."""
    text = (files("cyberkg") / "data" / f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.strip() for line in text.splitlines())
    return tuple(e for e in entries if e and not e.startswith("#"))


@cache
def demonym_countries() -> dict[str, str]:
    """Demonym → country, from ``data/demonyms.txt`` ("Canadian" → "Canada")."""
    return dict(tuple(p.strip() for p in line.split("|")) for line in read_list("demonyms"))


@cache
def demonyms() -> dict[str, str]:
    """Demonym → country, and each country → itself."""
    out = dict(demonym_countries())
    for country in demonym_countries().values():
        out.setdefault(country, country)
    return out


@cache
def national_prefixes() -> tuple[str, ...]:
    """Countries written before a body's name or a title ("U.S."), longest first (``data/national_prefixes.txt``)."""
    return tuple(sorted(read_list("national_prefixes"), key=len, reverse=True))


@cache
def place_names() -> frozenset[str]:
    """Regions (``data/regions.txt``) and countries: what follows a city after a comma, or a name in a headline."""
    return word_set("regions") | frozenset(demonyms().values())


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of ``data/NAME.txt`` as a set, read once per process."""
    return frozenset(read_list(name))


def _alternation(words: tuple[str, ...], *, flexible_space: bool = False) -> str:
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        part = re.escape(word)
        if flexible_space:
            part = re.sub(r"(\\ |-|\\-)", r"[\\s-]", part)
        parts.append(part)
    return "|".join(parts)


def _pairs(name: str) -> dict[str, str]:
    """A data file of "key | value" lines, as a mapping."""
    return {k.strip(): v.strip() for k, _, v in (line.partition("|") for line in read_list(name))}


@cache
def ministry_portfolios() -> dict[str, str]:
    """The portfolio a ministry is named by, by the adjective a minister's title uses (``data/ministry_portfolios.txt``).

    >>> ministry_portfolios()["Foreign"]
    'Foreign Affairs'
    """
    return _pairs("ministry_portfolios")


@cache
def nicknames() -> dict[str, frozenset[str]]:
    """The full first names a short form stands for, lower case (``data/nicknames.txt``).

    >>> sorted(nicknames()["ted"])
    ['edward', 'theodore']
    """
    out: dict[str, set[str]] = {}
    for line in read_list("nicknames"):
        short, _, full = line.partition("|")
        out.setdefault(short.strip().lower(), set()).add(full.strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


@cache
def portfolio_heads() -> dict[str, str]:
    """The head of the body a portfolio title leads, by the title's last word (``data/portfolio_heads.txt``).

    >>> portfolio_heads()["minister"]
    'Ministry'
    """
    return _pairs("portfolio_heads")


@cache
def well_known_bodies() -> dict[str, str]:
    """Well-known short forms of bodies and their full names (``data/well_known_bodies.txt``).

    A short form with no full name maps to itself: "White House" → "White House".
    """
    out: dict[str, str] = {}
    for line in read_list("well_known_bodies"):
        short, _, full = (p.strip() for p in line.partition("|"))
        out[short] = full or short
    return out


@cache
def well_known_names() -> frozenset[str]:
    """The full names of the well-known bodies (``data/well_known_bodies.txt``): "United Nations", "European Union"."""
    return frozenset(well_known_bodies().values())


@dataclass(frozen=True)
class Lexicon:
    """Compiled patterns built from the data files."""

    titles: tuple[str, ...]
    honorifics: tuple[str, ...]
    org_heads: frozenset[str]
    media_words: frozenset[str]
    question_labels: frozenset[str]
    boilerplate: tuple[re.Pattern[str], ...]
    title_re: re.Pattern[str]
    title_end_re: re.Pattern[str]
    honorific_re: re.Pattern[str]

    def is_boilerplate(self, line: str) -> bool:
        """Tell whether a whole line is page furniture (pagination, "Read in Chinese")."""
        line = line.strip()
        return any(p.fullmatch(line) for p in self.boilerplate)

    def match_title(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """Match the longest known post title at ``pos`` (case-insensitive)."""
        return self.title_re.match(text, pos)

    def title_at_end(self, text: str) -> re.Match[str] | None:
        """Match "<Body> <title>" ("State Department Spokesperson"): a title ending the text."""
        return self.title_end_re.fullmatch(text)


@cache
def lexicon() -> Lexicon:
    """Load and compile the vocabulary once per process."""
    titles = read_list("titles")
    honorifics = read_list("honorifics")
    title_re = re.compile(rf"(?i:{_alternation(titles, flexible_space=True)})\b")
    bare = sorted({h.rstrip(".") for h in honorifics}, key=lambda w: (-len(w), w))
    honorific_re = re.compile(rf"(?:{'|'.join(map(re.escape, bare))})\.?(?=\s)")
    return Lexicon(
        titles=titles,
        honorifics=honorifics,
        org_heads=frozenset(read_list("org_heads")),
        media_words=frozenset(read_list("media")),
        question_labels=frozenset(read_list("question_labels")),
        boilerplate=tuple(re.compile(p) for p in read_list("boilerplate")),
        title_re=title_re,
        title_end_re=re.compile(rf"(?P<body>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){{0,5}}?)\s+(?P<title>(?i:{_alternation(titles, flexible_space=True)}))"),
        honorific_re=honorific_re,
    )
