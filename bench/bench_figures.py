"""Benchmark: cyberkg's figures beside quantulum3 on the sample and the figure fixtures.

Prints a table of precision and recall of value+unit, and time per transcript.
Run ``python bench/bench_figures.py`` after ``pip install -e '.[test,bench]'``.

Both extractors read the same text: the paragraphs of every turn. A figure
counts as found when its value and unit are right and its span overlaps the
hand-made quote (``tests/scoring.py``). quantulum3 has no units for counted
things ("283 websites" is dimensionless to it), so its "dimensionless" is
accepted for any expected count, people or fraction: the comparison is lenient
to quantulum3 on units. Its value is compared with a relative tolerance of 1e-6.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cyberkg.extract.figures import extract_figures  # noqa: E402
from cyberkg.extract.units import UnitKind, unit_vocabulary  # noqa: E402
from cyberkg.parse import parse_bytes, parse_transcript  # noqa: E402
from cyberkg.resources import SAMPLE, sample_file  # noqa: E402
from tests.scoring import ZERO, Found, Score, figure_cases, load_expected, sample_expected, score  # noqa: E402

#: quantulum3 unit names → cyberkg unit keys.
QUANTULUM_UNITS = {
    "percentage": "percent",
    "chinese yuan": "CNY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "dollar": "USD",
    "united states dollar": "USD",
    "euro": "EUR",
    "year": "year",
    "day": "day",
    "month": "month",
    "kilowatt hour": "kilowatt hour",
    "kilowatt": "kilowatt",
    "kilometre": "kilometer",
    "square metre": "square meter",
    "kilovolt": "kilovolt",
}
COUNT = "*dimensionless"


def lenient_unit(found: str, expected: str) -> bool:
    if found != COUNT:
        return found == expected
    known = unit_vocabulary().units.get(expected)
    return known is None or known.kind in {UnitKind.PEOPLE, UnitKind.FRACTION, UnitKind.RATIO, UnitKind.COUNT}


def cyberkg_found(transcript) -> list[Found]:
    figures = extract_figures(transcript).figures
    return [Found(f.span.start, f.span.end, f.value, f.unit.key, f.period.label if f.period else None) for f in figures]


def quantulum_found(transcript) -> list[Found]:
    from quantulum3 import parser

    out = []
    for turn in transcript.turns:
        for paragraph in turn.paragraphs:
            for q in parser.parse(paragraph.text):
                name = q.unit.name.lower()
                unit = COUNT if name == "dimensionless" else QUANTULUM_UNITS.get(name, name)
                start, end = q.span
                out.append(Found(paragraph.start + start, paragraph.start + end, Decimal(repr(q.value)), unit))
    return out


def timed(fn, arg, repeat: int) -> tuple[list[Found], float]:
    times, result = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(arg)
        times.append(time.perf_counter() - t0)
    return result, statistics.median(times)


def cases():
    sample = parse_bytes(sample_file().read_bytes(), name=SAMPLE)
    yield "sample", sample.text, lambda: parse_transcript(sample.text, name=SAMPLE), sample_expected()
    for folder in figure_cases():
        text, _, expected = load_expected(folder)
        yield folder.name, text, (lambda text=text, name=folder.name: parse_transcript(text, name=name)), expected


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per transcript; the median time is shown")
    ap.add_argument("--verbose", action="store_true", help="list what each tool missed and found in excess")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    parser.parse("warm up 5 km")  # loads quantulum3's data once, outside the timings

    rows = []
    totals = {"cyberkg": ZERO, "quantulum3": ZERO}
    seconds = {"cyberkg": 0.0, "quantulum3": 0.0}
    for name, text, make, expected in cases():
        transcript = make()
        ours, ours_t = timed(lambda make_it: cyberkg_found(make_it()), make, args.repeat)
        theirs, theirs_t = timed(quantulum_found, transcript, args.repeat)
        s_ours: Score = score(text, expected, ours)
        s_theirs: Score = score(text, expected, theirs, same_unit=lenient_unit)
        totals["cyberkg"] += s_ours
        totals["quantulum3"] += s_theirs
        seconds["cyberkg"] += ours_t
        seconds["quantulum3"] += theirs_t
        rows.append((name, len(expected), s_ours, s_theirs, ours_t, theirs_t))
        if args.verbose:
            for tool, s in (("cyberkg", s_ours), ("quantulum3", s_theirs)):
                for m in s.missed:
                    print(f"  {name} {tool} missed: {m.quote!r} {m.value} {m.unit}")
                for f in s.spurious:
                    print(f"  {name} {tool} extra: {text[f.start:f.end]!r} {f.value} {f.unit}")

    print("| transcript | figures | cyberkg P | cyberkg R | cyberkg periods | quantulum3 P | quantulum3 R | cyberkg ms | quantulum3 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, n, a, b, ta, tb in rows:
        print(f"| {name} | {n} | {a.precision:.2f} | {a.recall:.2f} | {a.period_accuracy:.2f} | {b.precision:.2f} | {b.recall:.2f} | {ta * 1000:.1f} | {tb * 1000:.1f} |")
    a, b = totals["cyberkg"], totals["quantulum3"]
    n = len(rows)
    print(
        f"| **all** | {a.expected} | {a.precision:.2f} | {a.recall:.2f} | {a.period_accuracy:.2f} | {b.precision:.2f} | {b.recall:.2f} "
        f"| {seconds['cyberkg'] / n * 1000:.1f} | {seconds['quantulum3'] / n * 1000:.1f} |"
    )
    print(f"\n(times: median of {args.repeat} runs per transcript; the 'all' row gives the mean time per transcript)")


if __name__ == "__main__":
    main()
