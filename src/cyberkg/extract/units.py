"""Units of measure: the vocabulary in ``data/units.txt`` and counted things.

A figure's unit is a known unit ("percent", "yuan", "kilowatts", "years"),
people ("users", "visitors"), or the thing it counts ("61 bridges" counts
bridges). Known units carry a QUDT unit or currency, or a concept of
cyberkg's own unit scheme; a counted thing is named by its head noun in the
singular, so "websites" and "website" are one unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from ..lexicon import demonym_countries, read_list, word_set

_SPACES_RE = re.compile(r"[ \t]*")

class UnitKind(StrEnum):
    """Kinds of units: the closed set used in ``data/units.txt`` plus counts of things."""

    PERCENT = "percent"
    POINT = "point"
    FRACTION = "fraction"
    RATIO = "ratio"
    CURRENCY = "currency"
    PEOPLE = "people"
    TIME = "time"
    PHYSICAL = "physical"
    COUNT = "count"


@dataclass(frozen=True, slots=True, order=True)
class Unit:
    """A unit of measure.

    ``identifier`` is a compact IRI: ``unit:…`` (QUDT unit; ``unit:CCY_…`` a QUDT
    currency, the key being the ISO 4217 code) or ``ckg:…`` (cyberkg's unit
    scheme); it is None for a count of a named thing, whose unit is minted
    from its key.

    >>> Unit.count("website").key, Unit("CNY", UnitKind.CURRENCY, "unit:CCY_CNY").code
    ('website', 'CNY')
    >>> Unit.count("")
    Traceback (most recent call last):
    ...
    ValueError: a unit needs a name, got ''
    """

    key: str
    kind: UnitKind
    identifier: str | None

    def __post_init__(self) -> None:
        if not self.key.strip():
            raise ValueError(f"a unit needs a name, got {self.key!r}")
        if self.kind is UnitKind.CURRENCY and not re.fullmatch(r"[A-Z]{3}", self.key):
            raise ValueError(f"a currency is named by its ISO 4217 code, got {self.key!r}")

    @classmethod
    def count(cls, thing: str) -> Unit:
        """The unit that counts ``thing`` (a singular noun phrase)."""
        return cls(thing, UnitKind.COUNT, None)

    @property
    def code(self) -> str | None:
        """The ISO 4217 code of a currency."""
        return self.key if self.kind is UnitKind.CURRENCY else None

    @property
    def is_duration(self) -> bool:
        return self.kind is UnitKind.TIME


@dataclass(frozen=True)
class UnitVocabulary:
    """The unit forms, compiled for matching before and after a number."""

    units: dict[str, Unit]
    after: tuple[tuple[str, Unit], ...]
    before: tuple[tuple[str, Unit], ...]
    symbols: frozenset[str]
    person_nouns: frozenset[str]
    count_nouns: frozenset[str]
    partitives: frozenset[str]
    plurals: dict[str, str]
    by_word: dict[str, Unit]  # unit words of more than three letters, lower case ("years", "people")

    def match_after(self, text: str, pos: int) -> tuple[Unit, int] | None:
        """The unit written at ``text[pos:]`` (after optional spaces) and where it ends."""
        glued = pos < len(text) and not text[pos].isspace()
        start = _SPACES_RE.match(text, pos).end()  # no copy of the text: linear over all numbers
        for form, unit in self.after:
            end = start + len(form)
            piece = text[start:end]
            same = piece == form if len(form) <= 3 else piece.lower() == form.lower()
            if not same:
                continue
            if end < len(text) and (text[end].isalnum() and form[-1].isalnum()):
                continue
            if glued and form not in self.symbols and form != "%":
                continue
            return unit, end
        return None

    def match_before(self, text: str, pos: int) -> tuple[Unit, int] | None:
        """The currency sign or code written right before ``text[pos]`` and where it starts."""
        end = pos
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        for form, unit in self.before:
            start = end - len(form)
            if start >= 0 and text.startswith(form, start) and (start == 0 or not text[start - 1].isalnum() or not form[0].isalnum()):
                return unit, start
        return None

    def bare_dollar(self, text: str) -> Unit | None:
        """The currency a bare "$" stands for in ``text``, decided from the text itself.

        "$" is the US dollar unless the text states another dollar currency
        ("HK$", "Canadian dollars"); when it states exactly one, "$" is that
        one; when it states several, "$" is ambiguous (None). One scan of the text.

        >>> v = unit_vocabulary()
        >>> v.bare_dollar("It cost $5.").key, v.bare_dollar("It cost HK$5, then $6.").key, v.bare_dollar("HK$5 and A$6")
        ('USD', 'HKD', None)
        """
        forms, pattern = _dollar_forms()
        stated = {forms[m.group(0)] for m in pattern.finditer(text)}
        if not stated:
            return self.units["USD"]
        return stated.pop() if len(stated) == 1 else None

    def singular(self, word: str) -> str:
        """The singular of an English plural noun.

        >>> v = unit_vocabulary()
        >>> [v.singular(w) for w in ["websites", "activities", "addresses", "people", "cases", "business", "campus"]]
        ['website', 'activity', 'address', 'person', 'case', 'business', 'campus']
        """
        lower = word.lower()
        if lower in self.plurals:
            return self.plurals[lower]
        if len(lower) > 4 and lower.endswith("ies"):
            return lower[:-3] + "y"
        if lower.endswith(("sses", "xes", "ches", "shes", "zzes")):
            return lower[:-2]
        if lower.endswith(("ss", "us", "is")) or not lower.endswith("s") or len(lower) <= 3:
            return lower
        return lower[:-1]

    def is_plural(self, word: str) -> bool:
        lower = word.lower()
        return lower in self.plurals or self.singular(lower) != lower or lower in self.person_nouns

    def count_unit(self, words: list[str]) -> Unit:
        """The unit counting a noun phrase given as words: known unit, people, or its head noun."""
        head = words[-1].lower()
        known = self.by_word.get(head)
        if known is not None:
            return known
        if len(words) >= 2:
            pair = f"{words[-2].lower()} {self.singular(head)}"
            if pair in self.count_nouns:
                return Unit.count(pair)
        if head in self.person_nouns or self.singular(head) in {self.singular(p) for p in self.person_nouns}:
            return self.units["person"]
        if is_people_group(words[-1]):  # "200,000 Americans", "40 Democrats"
            return self.units["person"]
        return Unit.count(self.singular(head))


def is_demonym(word: str) -> bool:
    """Whether ``word`` is a demonym ("Canadian") or its plural ("Canadians"), as written, capitalised.

    >>> is_demonym("Canadians"), is_demonym("Canadian"), is_demonym("canadians")
    (True, True, False)
    """
    return word in demonym_countries() or is_plural_demonym(word)


def is_plural_demonym(word: str) -> bool:
    return word.endswith("s") and word[:-1] in demonym_countries()


def is_people_group(word: str) -> bool:
    """Whether ``word``, capitalised, names people as members of a group: a plural demonym
    ("Canadians") or a plural of ``data/group_words.txt`` ("Democrats", "Catholics").

    >>> is_people_group("Canadians"), is_people_group("Democrats"), is_people_group("Democrat"), is_people_group("democrats")
    (True, True, False, False)
    """
    return is_plural_demonym(word) or word.endswith("s") and word in word_set("group_words")


@cache
def _dollar_forms() -> tuple[dict[str, Unit], re.Pattern[str]]:
    """Every form of the dollar currencies other than the US dollar ("HK$", "HKD", "Canadian dollars")."""
    vocab = unit_vocabulary()
    pairs = vocab.before + vocab.after
    dollars = {u for f, u in pairs if u.kind is UnitKind.CURRENCY and u.key != "USD" and ("$" in f or "dollar" in f.lower())}
    forms = {f: u for f, u in pairs if u in dollars}
    alternatives = "|".join(
        re.escape(f) + (r"(?!\w)" if f[-1].isalnum() else "") for f in sorted(forms, key=len, reverse=True)
    )
    return forms, re.compile(rf"(?<![\w$])(?:{alternatives})" if forms else r"(?!)")


@cache
def unit_vocabulary() -> UnitVocabulary:
    """Load ``data/units.txt`` and the noun lists once per process."""
    units: dict[str, Unit] = {}
    after: list[tuple[str, Unit]] = []
    before: list[tuple[str, Unit]] = []
    for line in read_list("units"):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 4:
            raise ValueError(f"data/units.txt: expected 'key | kind | identifier | forms', got {line!r}")
        key, kind, identifier, forms = parts
        unit = Unit(key, UnitKind(kind), identifier)
        units[key] = unit
        for form in (f.strip() for f in forms.split(",") if f.strip()):
            (before if form.startswith("<") else after).append((form.lstrip("<"), unit))
    after.sort(key=lambda fu: (-len(fu[0]), fu[0]))
    before.sort(key=lambda fu: (-len(fu[0]), fu[0]))
    symbols = frozenset(f for f, u in after if len(f) <= 3 and u.kind is not UnitKind.CURRENCY)
    plurals = {}
    for line in read_list("plurals"):
        plural, singular = line.split()
        plurals[plural.lower()] = singular.lower()
    return UnitVocabulary(
        units=units,
        after=tuple(after),
        before=tuple(before),
        symbols=symbols,
        person_nouns=frozenset(w.lower() for w in read_list("person_nouns")),
        count_nouns=frozenset(w.lower() for w in read_list("count_nouns")),
        partitives=frozenset(w.lower() for w in read_list("partitives")),
        plurals=plurals,
        by_word={f.lower(): u for f, u in after if len(f) > 3},
    )
