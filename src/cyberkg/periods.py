"""Reference periods: the stretch of time a figure is about.

A :class:`Period` is a closed interval of calendar days with a granularity
(a year, a half-year, a quarter, a month, a day, or an interval of several
of them). :func:`find_periods` finds the phrases that state one — "in 2019",
"from 2015 to 2020", "in the second half of last year", "in March", "the
previous year", "by the end of September", "over the past three years" — and resolves the
relative ones against the conference date.

>>> import datetime as dt
>>> held = dt.date(2022, 8, 19)
>>> [(m.span.text, m.period.label) for m in find_periods("In the second half of last year, and in March,", held)]
[('In the second half of last year', '2021-H2'), ('in March', '2022-03')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from .dates import MONTHS
from .model import Span


class Granularity(StrEnum):
    """How long a period is."""

    YEAR = "year"
    HALF_YEAR = "half-year"
    QUARTER = "quarter"
    MONTH = "month"
    DAY = "day"
    INTERVAL = "interval"


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A closed interval of days ``[start, end]`` and how it was stated.

    >>> Period.quarter(2024, 1).label, Period.half(2022, 1).end.isoformat()
    ('2024-Q1', '2022-06-30')
    >>> Period(dt.date(2022, 2, 1), dt.date(2022, 1, 1), Granularity.INTERVAL)
    Traceback (most recent call last):
    ...
    ValueError: period starts 2022-02-01 after it ends 2022-01-01
    """

    start: dt.date
    end: dt.date
    granularity: Granularity

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period starts {self.start} after it ends {self.end}")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), Granularity.YEAR)

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        return cls(dt.date(year, 6 * half - 5, 1), _month_end(year, 6 * half), Granularity.HALF_YEAR)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        return cls(dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter), Granularity.QUARTER)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(dt.date(year, month, 1), _month_end(year, month), Granularity.MONTH)

    @classmethod
    def day(cls, date: dt.date) -> Period:
        return cls(date, date, Granularity.DAY)

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Period:
        """The days from ``start`` to ``end``, named by the largest unit they fill exactly.

        >>> Period.between(dt.date(2023, 1, 1), dt.date(2023, 6, 30)).label
        '2023-H1'
        >>> Period.between(dt.date(2015, 1, 1), dt.date(2020, 12, 31)).label
        '2015/2020'
        """
        for make, count in ((cls.year, 1), (cls.half, 2), (cls.quarter, 4)):
            for n in range(1, count + 1):
                candidate = make(start.year, n) if count > 1 else make(start.year)
                if (candidate.start, candidate.end) == (start, end):
                    return candidate
        if start.day == 1 and end == _month_end(start.year, start.month) and start.month == end.month and start.year == end.year:
            return cls.month(start.year, start.month)
        if start == end:
            return cls.day(start)
        return cls(start, end, Granularity.INTERVAL)

    @property
    def label(self) -> str:
        """An ISO 8601-style name: "2022", "2022-H1", "2022-Q3", "2022-07", "2022-06-30", "2015/2020"."""
        g = self.granularity
        if g is Granularity.YEAR:
            return f"{self.start.year}"
        if g is Granularity.HALF_YEAR:
            return f"{self.start.year}-H{1 if self.start.month == 1 else 2}"
        if g is Granularity.QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if g is Granularity.MONTH:
            return f"{self.start.year}-{self.start.month:02d}"
        if g is Granularity.DAY:
            return self.start.isoformat()
        if self.start == dt.date(self.start.year, 1, 1) and self.end == dt.date(self.end.year, 12, 31):
            return f"{self.start.year}/{self.end.year}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


class PeriodRole(StrEnum):
    """What a period phrase does in its sentence."""

    REFERENCE = "reference"  # the time the figures are about
    BASELINE = "baseline"  # a comparison base: "up 3% from 2018", "compared with 2016"
    SAME_AS_BEFORE = "same"  # "in the same period": the period stated just before


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A phrase that states a period, with the period it resolves to.

    ``bounds`` holds the two ends of an interval stated as "from A to B" or
    "over the past N years" (each end a period of its own), so a series
    "rose from X to Y" in that interval can date X and Y.
    """

    span: Span
    period: Period
    role: PeriodRole
    bounds: tuple[Period, Period] | None = None


_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1,
}  # fmt: skip
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
# Full month names, then abbreviations ("Aug.", "Sept"), never a prefix of a longer word.
_M = r"(?:" + "|".join(m.capitalize() + (r"\.?" if len(m) <= 4 and m not in {"june", "july", "may"} else "") for m in _MONTH_NAMES) + r")(?!\w)"
_Y = r"(?:19|20)\d\d"
_N = r"(?:\d{1,2}|" + "|".join(k for k in _SMALL if len(k) > 2) + r")"
_SPAN_UNITS = r"(?:years?|months?|decades?|weeks?|days?|century|centuries)"  # "over the past N ...": an interval up to the day held
_YR = rf"(?:{_Y}|this year|last year|next year|the previous year|the year before|the current year)"
_FUTURE_RE = re.compile(r"(?i)\b(?:will|shall|plan(?:s|ned)? to|aim(?:s|ed)? to|expect(?:s|ed)?|target(?:s|ed)?|intend(?:s|ed)? to|going to)\b")
_BASELINE_RE = re.compile(r"(?i)(?:compared\s+(?:with|to)|from|than|versus|vs\.?|against|over|relative\s+to)\s+(?:that\s+(?:of|in)\s+|(?:in|during)\s+)?$")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rx, re.I if name not in {"month", "month_day"} else 0))
    for name, rx in [
        ("since", rf"\b[Ss]ince\s+(?:the\s+(?:beginning|start)\s+of\s+)?(?P<what>{_YR}|{_M}(?:\s+{_Y})?)"),
        ("year_range", rf"\b(?:(?:from|between)\s+)?(?P<y1>{_Y})\s*(?:to|and|through|until|till|-|–)\s*(?P<y2>{_Y})\b"),
        ("month_range", rf"\b(?:(?:from|between)\s+)?(?P<m1>{_M})\s*(?:to|and|through|until|-|–)\s*(?P<m2>{_M})(?:,?\s+(?P<yr>{_YR}))?"),
        ("first_n", rf"\b(?:in\s+|during\s+|over\s+)?the\s+first\s+(?P<n>{_N})\s+(?P<unit>months|quarters)(?:\s+of\s+(?P<yr>{_YR}))?"),
        ("end_of", rf"\b(?:by|as\s+of|at|until|till|to)\s+the\s+end\s+of\s+(?:(?P<q>first|second|third|fourth|last)\s+(?P<qu>quarter|half)(?:\s+of)?\s+)?(?P<what>{_M}(?:,?\s+{_YR})?|{_YR}|the\s+year|the\s+month)"),
        ("as_of", rf"\b(?:as\s+of|by)\s+(?P<m>{_M})\s+(?P<d>\d{{1,2}})(?:,?\s+(?P<y>{_Y}))?"),
        ("half", rf"\b(?:in\s+|during\s+|for\s+)?(?:the\s+)?(?P<o>first|second|1st|2nd)\s+half(?:\s+(?:of\s+)?(?P<yr>{_YR}))?"),
        ("h_code", rf"\bH(?P<h>[12])\s+(?P<y>{_Y})\b"),
        ("quarter", rf"\b(?:in\s+|during\s+|for\s+)?(?:the\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+(?:of\s+)?(?P<yr>{_YR}))?"),
        ("q_code", rf"\b(?:Q(?P<q1>[1-4])\s+(?P<y1>{_Y})|(?P<y2>{_Y})\s+Q(?P<q2>[1-4]))\b"),
        ("rel_quarter", r"\b(?:in\s+|during\s+)?(?P<w>this|last|next|the\s+previous)\s+quarter\b"),
        ("past_n", rf"\b(?:(?:over|in|during|for|within)\s+)?the\s+(?:past|last|previous)\s+(?:(?P<n>{_N}|half)[\s-]+)?(?P<unit>{_SPAN_UNITS})\b"),
        ("n_since", rf"\b(?:(?:over|in|during|for|within)\s+)?the\s+(?P<n>{_N})\s+(?P<unit>{_SPAN_UNITS})\b(?=\s+since\b)"),
        ("same", r"\b(?:in|during|over|for)\s+the\s+same\s+period(?!\s+(?:of\s+)?last\s+year)"),
        ("same_last", r"\b(?:the\s+)?same\s+period\s+(?:of\s+|in\s+)?last\s+year"),
        ("now", r"\b(?:now|currently|at\s+present|to\s+date|so\s+far|as\s+of\s+(?:now|today))\b"),
        ("month_day", rf"\b(?:(?:[Oo]n|[Bb]y|[Aa]s\s+of)\s+)?(?P<m>{_M})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_Y}))?"),
        ("month", rf"\b(?:(?P<pre>[Ii]n|[Dd]uring|[Ff]or|[Uu]ntil|[Tt]ill)\s+)?(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?P<m>{_M})(?:\s+(?:of\s+)?(?P<yr>{_Y}|this year|last year|next year))?(?:\s+alone)?\b"),
        ("rel_month", r"\b(?:in\s+|during\s+)?(?P<w>this|last|next|the\s+previous)\s+month\b"),
        ("rel_year", r"\b(?:in\s+|during\s+|for\s+|of\s+)?(?P<yr>this year|last year|next year|the previous year|the year before|the current year)\b"),
        ("year", rf"(?:\b(?P<prep>in|during|for|by|of|until|till|before|after|through|from|to|with|than|and|between|over|versus)\s+|^|(?<=[,;(]\s))(?:the\s+(?:year\s+)?)?(?P<y>{_Y})\b(?![,.]?\d)"),
    ]
]


# A cheap search that any match of a pattern needs, compiled with the pattern's own flags so it can never
# miss a match: most sentences name no period, and the cues spare them most of the patterns (this loop was
# a fifth of the time of resolving a briefing). month_range and as_of have no cue: a month name searched
# case-insensitively costs as much as the pattern itself.
_CUES: dict[str, str] = {
    "since": "since", "year_range": _Y, "first_n": "first", "end_of": "end", "half": "half", "h_code": _Y,
    "quarter": "quarter", "q_code": _Y, "rel_quarter": "quarter", "past_n": "past|last|previous",
    "same": "same", "same_last": "same", "now": "now|currently|present|date|far|today",
    "month_day": _M, "month": _M, "rel_month": "month", "rel_year": "year", "year": _Y,
}  # fmt: skip
_CUED_PATTERNS: list[tuple[str, re.Pattern[str], re.Pattern[str] | None]] = [
    (name, pattern, re.compile(_CUES[name], pattern.flags) if name in _CUES else None) for name, pattern in _PATTERNS
]


def find_periods(text: str, held: dt.date | None, *, offset: int = 0, source: str | None = None) -> list[PeriodMention]:
    """Find period phrases in ``text`` and resolve them against the date ``held``.

    Spans are offsets into ``source`` (the whole transcript) where ``text``
    starts at ``offset``; by default into ``text`` itself. Relative phrases
    ("last year", "in March") are skipped when ``held`` is None. A period not
    yet begun on ``held`` ("in the fourth quarter", said in April) is taken
    from the year before, unless the sentence speaks of the future.
    """
    source = text if source is None else source
    future = bool(_FUTURE_RE.search(text))
    taken: list[tuple[int, int]] = []
    found: list[PeriodMention] = []
    for name, pattern, cue in _CUED_PATTERNS:
        if cue is not None and cue.search(text) is None:
            continue
        for m in pattern.finditer(text):
            start, end = m.span()
            if start == end or any(start < b and a < end for a, b in taken):
                continue
            resolved = _resolve(name, m, held, future)
            if resolved is None:
                continue
            period, role, bounds = resolved
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            span = Span.of(source, offset + start + lead, offset + end)
            before = text[max(0, start - 30) : start] + (m.group("prep") + " " if "prep" in m.groupdict() and m.group("prep") else "")
            if role is PeriodRole.REFERENCE and _BASELINE_RE.search(before):
                role = PeriodRole.BASELINE
            taken.append((start, end))
            found.append(PeriodMention(span, period, role, bounds))
    return sorted(found, key=lambda p: p.span.start)


def _year(word: str | None, held: dt.date | None) -> int | None:
    """The year of "2019", "this year", "last year"... (None if it cannot be told)."""
    if word is None:
        return held.year if held else None
    word = " ".join(word.lower().split())
    if re.fullmatch(_Y, word):
        return int(word)
    if held is None:
        return None
    if word in {"this year", "the current year", "the year"}:
        return held.year
    if word in {"last year", "the previous year", "the year before"}:
        return held.year - 1
    if word == "next year":
        return held.year + 1
    return None


def _span_start(held: dt.date, n_word: str | None, unit_word: str) -> dt.date:
    """The first day of "the past N units" up to ``held``; "half" a century is fifty years."""
    unit = unit_word.lower()
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    if n_word and n_word.lower() == "half":
        return _shift_years(held, -50) if unit == "century" else _shift_months(held, -6) if unit == "year" else held
    n = _number(n_word) if n_word else 1
    if unit in {"century", "decade", "year"}:
        return _shift_years(held, -n * {"century": 100, "decade": 10, "year": 1}[unit])
    if unit == "month":
        return _shift_months(held, -n)
    return held - dt.timedelta(days=n * (7 if unit == "week" else 1))


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _SMALL[word]


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _shift_years(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def _shift_months(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(date.day, calendar.monthrange(year, month + 1)[1]))


def _unbegun(period: Period, held: dt.date | None, future: bool, explicit_year: bool) -> Period:
    """A period stated without a year that has not begun by ``held`` is last year's."""
    if explicit_year or held is None or future or period.start <= held:
        return period
    shift = {Granularity.HALF_YEAR: Period.half, Granularity.QUARTER: Period.quarter}
    y = period.start.year - 1
    if period.granularity is Granularity.MONTH:
        return Period.month(y, period.start.month)
    if period.granularity in shift:
        n = (period.start.month - 1) // (6 if period.granularity is Granularity.HALF_YEAR else 3) + 1
        return shift[period.granularity](y, n)
    return Period(_shift_years(period.start, -1), _shift_years(period.end, -1), period.granularity)


_Resolved = tuple[Period, PeriodRole, tuple[Period, Period] | None]


def _resolve(name: str, m: re.Match[str], held: dt.date | None, future: bool) -> _Resolved | None:  # noqa: C901
    g = m.groupdict()
    ref = PeriodRole.REFERENCE
    try:
        if name == "since":
            what = g["what"]
            if held is None:
                return None
            if re.fullmatch(rf"(?i){_YR}", what):
                year = _year(what, held)
                start = dt.date(year, 1, 1)
            else:
                parts = what.split()
                year = int(parts[1]) if len(parts) > 1 else held.year
                start = dt.date(year, _month_number(parts[0]), 1)
                if len(parts) == 1 and start > held:
                    start = start.replace(year=year - 1)
            if start > held:
                return None
            return Period.between(start, held), ref, None
        if name == "year_range":
            a, b = int(g["y1"]), int(g["y2"])
            if a >= b:
                return None
            return Period(dt.date(a, 1, 1), dt.date(b, 12, 31), Granularity.INTERVAL), ref, (Period.year(a), Period.year(b))
        if name == "month_range":
            year = _year(g["yr"], held)
            if year is None:
                return None
            m1, m2 = _month_number(g["m1"]), _month_number(g["m2"])
            if m1 >= m2:
                return None
            period = Period.between(dt.date(year, m1, 1), _month_end(year, m2))
            period = _unbegun(period, held, future, g["yr"] is not None)
            return period, ref, (Period.month(period.start.year, m1), Period.month(period.start.year, m2))
        if name == "first_n":
            year = _year(g["yr"], held)
            n = _number(g["n"])
            months = n if g["unit"].lower() == "months" else 3 * n
            if year is None or not 1 <= months <= 12:
                return None
            period = Period.between(dt.date(year, 1, 1), _month_end(year, months))
            return _unbegun(period, held, future, g["yr"] is not None), ref, None
        if name == "end_of":
            what = " ".join(g["what"].split())
            if what.lower() in {"the year", "the month"}:
                if held is None:
                    return None
                end = dt.date(held.year, 12, 31) if what.lower() == "the year" else _month_end(held.year, held.month)
                return Period.day(end), ref, None
            if g["q"]:
                year = _year(what, held)
                if year is None:
                    return None
                n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}[g["q"].lower()]
                p = Period.quarter(year, n) if g["qu"].lower() == "quarter" else Period.half(year, min(n, 2))
                return Period.day(p.end), ref, None
            month_m = re.match(rf"(?P<m>{_M})(?:,?\s+(?P<yr>{_YR}))?$", what)
            if month_m:
                year = _year(month_m.group("yr"), held)
                if year is None:
                    return None
                month = Period.month(year, _month_number(month_m.group("m")))
                month = _unbegun(month, held, future, month_m.group("yr") is not None)
                return Period.day(month.end), ref, None
            year = _year(what, held)
            return (Period.day(dt.date(year, 12, 31)), ref, None) if year else None
        if name in {"as_of", "month_day"}:
            year = int(g["y"]) if g["y"] else (held.year if held else None)
            if year is None:
                return None
            date = dt.date(year, _month_number(g["m"]), int(g["d"]))
            if not g["y"] and held is not None and date > held and not future:
                date = date.replace(year=year - 1)
            return Period.day(date), ref, None
        if name == "half":
            year = _year(g["yr"], held)
            if year is None:
                return None
            period = Period.half(year, _ORD[g["o"].lower()])
            return _unbegun(period, held, future, g["yr"] is not None), ref, None
        if name == "h_code":
            return Period.half(int(g["y"]), int(g["h"])), ref, None
        if name == "quarter":
            year = _year(g["yr"], held)
            if year is None:
                return None
            period = Period.quarter(year, _ORD[g["o"].lower()])
            return _unbegun(period, held, future, g["yr"] is not None), ref, None
        if name == "q_code":
            return Period.quarter(int(g["y1"] or g["y2"]), int(g["q1"] or g["q2"])), ref, None
        if name in {"rel_quarter", "rel_month"}:
            if held is None:
                return None
            step = {"this": 0, "last": -1, "next": 1}.get(g["w"].lower(), -1)
            if name == "rel_month":
                d = _shift_months(held.replace(day=1), step)
                return Period.month(d.year, d.month), ref, None
            q = (held.month - 1) // 3 + step
            year = held.year + q // 4
            return Period.quarter(year, q % 4 + 1), ref, None
        if name in {"past_n", "n_since"}:  # "over the past three years", "in the two weeks since ..."
            if held is None:
                return None
            start = _span_start(held, g["n"], g["unit"])
            return Period.between(start, held), ref, (Period.day(start), Period.day(held))
        if name == "same":
            return Period.day(held or dt.date(1970, 1, 1)), PeriodRole.SAME_AS_BEFORE, None
        if name == "same_last":
            if held is None:
                return None
            return Period.year(held.year - 1), PeriodRole.BASELINE, None
        if name == "now":
            return (Period.day(held), ref, None) if held else None
        if name == "month":
            month = _month_number(g["m"])
            rel = (g["rel"] or "").lower()
            if g["yr"]:
                year = _year(g["yr"], held)
                if year is None:
                    return None
                return Period.month(year, month), ref, None
            if held is None:
                return None
            if rel == "last":
                year = held.year if month < held.month else held.year - 1
            elif rel == "next":
                year = held.year if month > held.month else held.year + 1
            else:
                if g["m"].rstrip(".").lower() == "may" and not g["pre"] and not _has_preposition(m):
                    return None
                year = held.year
                if rel != "this" and month > held.month and not future:
                    year -= 1
            return Period.month(year, month), ref, None
        if name == "rel_year":
            year = _year(g["yr"], held)
            return (Period.year(year), ref, None) if year else None
        if name == "year":
            return Period.year(int(g["y"])), ref, None
    except (ValueError, KeyError):  # 31 February, an unknown word: not a period
        return None
    return None


def _has_preposition(m: re.Match[str]) -> bool:
    before = m.string[max(0, m.start() - 12) : m.start()].lower()
    return bool(re.search(r"\b(?:in|during|since|by|until|of|from|to|through)\s+$", before))
