"""Find calendar dates written in English in a text.

>>> [(m.group(0), d.isoformat()) for m, d in find_dates("held Aug. 19, 2022 and 6 Sept 2022")]
[('Aug. 19, 2022', '2022-08-19'), ('6 Sept 2022', '2022-09-06')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})

_MONTH = r"(?P<{g}>(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r"))\.?"
DATE_RE = re.compile(
    "|".join(
        [
            # September 6, 2022 / Aug. 19, 2022 / Sept 6 2022
            _MONTH.format(g="m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)\b",
            # 6 September 2022 / 19 Aug. 2022
            r"\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.format(g="m2") + r",?\s+(?P<y2>(?:19|20)\d\d)\b",
            # 2022-09-06 / 2022/9/6 / 2022.9.6
            r"\b(?P<y3>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m3>\d{1,2})(?P=sep)(?P<d3>\d{1,2})\b",
        ]
    )
)


def find_dates(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[re.Match[str], dt.date]]:
    """Yield each valid date in ``text[pos:endpos]`` with its match."""
    end = len(text) if endpos is None else endpos
    for m in DATE_RE.finditer(text, pos, end):
        date = _to_date(m)
        if date is not None:
            yield m, date


def _to_date(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        if g["m1"]:
            return dt.date(int(g["y1"]), MONTHS[g["m1"].lower()], int(g["d1"]))
        if g["m2"]:
            return dt.date(int(g["y2"]), MONTHS[g["m2"].lower()], int(g["d2"]))
        return dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    except ValueError:  # 31 February and the like: not a date
        return None


_CLOCK_RE = re.compile(
    r"(?i)(?<![\d:])(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?\s*(?P<tz>\b[A-Z]{2,5}\b)?"
)


def parse_clock(text: str) -> dt.time | None:
    """The clock time written in ``text`` ("12:31 P.M. EDT", "10 a.m.", "14:30"), with its zone when known.

    A zone abbreviation is read from ``data/time_zones.txt``; an unknown one
    leaves the time without a zone.

    >>> parse_clock("12:31 P.M. EDT").isoformat(), parse_clock("END 2:05 a.m.").isoformat()
    ('12:31:00-04:00', '02:05:00')
    >>> parse_clock("10 a.m. Beijing") is None, parse_clock("no time") is None
    (False, True)
    """
    for m in _CLOCK_RE.finditer(text):
        if m.group("m") is None and m.group("ampm") is None:
            continue  # a bare number is no time
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        if hour > 23 or minute > 59:
            continue
        zone = _zones().get((m.group("tz") or "").upper())
        return dt.time(hour, minute, tzinfo=zone)
    return None


@cache
def _zones() -> dict[str, dt.timezone]:
    from .lexicon import read_list

    zones = {}
    for line in read_list("time_zones"):
        name, offset = (part.strip() for part in line.split("|", 1))
        hours, minutes = offset[1:].split(":")
        delta = dt.timedelta(hours=int(hours), minutes=int(minutes))
        zones[name.upper()] = dt.timezone(delta if offset[0] == "+" else -delta)
    return zones
