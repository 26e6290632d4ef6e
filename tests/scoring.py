"""Score extracted figures against the hand-made lists in ``tests/fixtures_figures``.

A found figure matches an expected one when its value and unit are equal and
its span overlaps the expected quote in the text. Precision and recall count
value+unit matches; period accuracy is the share of matched figures with an
expected period whose period label is the same. Used by the tests and by
``bench/bench_figures.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

FIGURE_FIXTURES = Path(__file__).parent / "fixtures_figures"


@dataclass(frozen=True)
class Expected:
    quote: str
    value: Decimal
    unit: str
    period: str | None
    qualifier: str | None


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: Decimal
    unit: str
    period: str | None = None


@dataclass(frozen=True)
class Score:
    true_positives: int
    found: int
    expected: int
    periods_right: int
    periods_expected: int
    missed: tuple[Expected, ...]
    spurious: tuple[Found, ...]
    wrong_periods: tuple[tuple[Expected, str | None], ...]

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 0.0

    @property
    def period_accuracy(self) -> float:
        return self.periods_right / self.periods_expected if self.periods_expected else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives,
            self.found + other.found,
            self.expected + other.expected,
            self.periods_right + other.periods_right,
            self.periods_expected + other.periods_expected,
            self.missed + other.missed,
            self.spurious + other.spurious,
            self.wrong_periods + other.wrong_periods,
        )


ZERO = Score(0, 0, 0, 0, 0, (), (), ())


def figure_cases() -> list[Path]:
    """Every fixture folder with an input.txt and an expected.json."""
    return sorted(p for p in FIGURE_FIXTURES.iterdir() if (p / "input.txt").is_file() and (p / "expected.json").is_file())


def load_expected(folder: Path) -> tuple[str, dict, list[Expected]]:
    text = (folder / "input.txt").read_text(encoding="utf-8")
    data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    expected = [Expected(f["quote"], Decimal(f["value"]), f["unit"], f["period"], f["qualifier"]) for f in data["figures"]]
    return text, data, expected


def same_value(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= Decimal("0.000001") * max(Decimal(1), abs(b))


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def score(text: str, expected: list[Expected], found: list[Found]) -> Score:
    """Match found figures to expected ones (see module docstring)."""
    unused = list(found)
    tp = periods_right = periods_expected = 0
    missed, wrong = [], []
    for exp in expected:
        places = _occurrences(text, exp.quote)
        match = next(
            (
                f
                for f in unused
                if same_value(f.value, exp.value) and f.unit == exp.unit and any(f.start < b and a < f.end for a, b in places)
            ),
            None,
        )
        if match is None:
            missed.append(exp)
            continue
        unused.remove(match)
        tp += 1
        if exp.period is not None:
            periods_expected += 1
            if match.period == exp.period:
                periods_right += 1
            else:
                wrong.append((exp, match.period))
    return Score(tp, len(found), len(expected), periods_right, periods_expected, tuple(missed), tuple(unused), tuple(wrong))
