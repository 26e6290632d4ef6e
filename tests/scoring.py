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

# Every figure the sample transcript states, written out by hand from its text:
# (quote, value, unit, period or None, qualifier or None).
LB, UB, AP = "lower bound", "upper bound", "approximate"
SAMPLE_FIGURES = [
    ("over 100 themed publicity activities", "100", "activity", None, LB),
    ("more than 30 campaigns", "30", "campaign", None, LB),
    ("over 20 billion illegal and unhealthy pieces of information", "20000000000", "piece of information", None, LB),
    ("nearly 1.4 billion accounts", "1400000000", "account", None, UB),
    ("564 million", "564000000", "person", "2012", None),
    ("over 1.03 billion", "1030000000", "person", "2021", LB),
    ("42.1%", "42.1", "percent", "2012", None),
    ("73%", "73", "percent", "2021", None),
    ("around 1.85 million 5G base stations", "1850000", "base station", None, AP),
    ("455 million 5G mobile users", "455000000", "person", None, None),
    ("11 trillion yuan", "11000000000000", "CNY", "2012", None),
    ("45.5 trillion yuan", "45500000000000", "CNY", "2021", None),
    ("21.6%", "21.6", "percent", "2012", None),
    ("39.8%", "39.8", "percent", "2021", None),
    ("five consecutive years", "5", "year", None, None),
    ("over 30,000 patent applications", "30000", "patent application", "2021", LB),
    ("more than one-third", "0.333333", "fraction", "2021", LB),
    ("Over 1 billion people", "1000000000", "person", None, LB),
    ("eight years", "8", "year", None, None),  # China Cybersecurity Week
    ("over 100 related law and rules", "100", "rule", None, LB),
    ("3,491 websites and platforms", "3491", "website and platform", "2022-H1", None),
    ("283 websites", "283", "website", "2022-H1", None),
    ("419 websites", "419", "website", "2022-H1", None),
    ("177 mobile applications", "177", "application", "2022-H1", None),
    ("12,292 illegal websites", "12292", "website", "2022-H1", None),
    ("8.206 billion yuan", "8206000000", "CNY", "2022-07", None),
    ("eight years", "8", "year", None, None),  # World Internet Conference
]


def sample_expected() -> list[Expected]:
    """The sample's figures as :class:`Expected` (defined below)."""
    return [Expected(q, Decimal(v), u, p, k) for q, v, u, p, k in SAMPLE_FIGURES]


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


def score(text: str, expected: list[Expected], found: list[Found], *, same_unit=None) -> Score:
    """Match found figures to expected ones (see module docstring).

    ``same_unit(found_unit, expected_unit)`` decides whether units agree (default: equal).
    """
    same_unit = same_unit or (lambda a, b: a == b)
    unused = list(found)
    tp = periods_right = periods_expected = 0
    missed, wrong = [], []
    for exp in expected:
        places = _occurrences(text, exp.quote)
        match = next(
            (
                f
                for f in unused
                if same_value(f.value, exp.value) and same_unit(f.unit, exp.unit) and any(f.start < b and a < f.end for a, b in places)
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
