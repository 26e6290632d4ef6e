"""Find calendar dates written in English in a text.

>>> [(m.group(0), d.isoformat()) for m, d in find_dates("held Aug. 19, 2022 and 6 Sept 2022")]
[('Aug. 19, 2022', '2022-08-19'), ('6 Sept 2022', '2022-09-06')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

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
