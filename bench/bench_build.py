"""Benchmark: time and memory of each stage on the sample and on a long synthetic transcript.

Prints a table; run ``python bench/bench_build.py`` (after ``pip install -e .``).
The long transcript repeats the hand-written fixtures' turns under one roster
until it reaches about 1 MB, to show how the stages scale.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from cyberkg.export.rdf import serialize
from cyberkg.parse import parse_bytes, parse_transcript
from cyberkg.rdf import to_graph
from cyberkg.resolve import resolve
from cyberkg.resources import SAMPLE, sample_file
from cyberkg.validate import validate
from cyberkg.vocab import DEFAULT_BASE

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def long_transcript(target_chars: int) -> str:
    """One roster, then the fixtures' turns again and again."""
    parts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("roster-*/input.txt"))]
    head = parts[0]
    first_turn = head.index("\n\nHu Xinyan:") if "\n\nHu Xinyan:" in head else len(head) // 3
    bodies = []
    for text in parts:
        t = parse_transcript(text)
        bodies.append(text[t.turns[0].span.start :])
    out = [head[:first_turn], "\n\n"]
    size = 0
    i = 0
    while size < target_chars:
        body = bodies[i % len(bodies)]
        out.append(body + "\n\n")
        size += len(body)
        i += 1
    return "".join(out)


def measure(label: str, text: str, repeat: int) -> dict:
    times: dict[str, list[float]] = {k: [] for k in ("parse", "resolve", "rdf", "validate", "turtle", "total")}
    for _ in range(repeat):
        t0 = time.perf_counter()
        transcript = parse_transcript(text, name=label)
        t1 = time.perf_counter()
        conference = resolve(transcript)
        t2 = time.perf_counter()
        graph = to_graph([conference], base=DEFAULT_BASE)
        t3 = time.perf_counter()
        report = validate(graph)
        t4 = time.perf_counter()
        serialize(graph)
        t5 = time.perf_counter()
        for k, a, b in (("parse", t0, t1), ("resolve", t1, t2), ("rdf", t2, t3), ("validate", t3, t4), ("turtle", t4, t5), ("total", t0, t5)):
            times[k].append(b - a)
    tracemalloc.start()
    conference = resolve(parse_transcript(text, name=label))
    graph = to_graph([conference], base=DEFAULT_BASE)
    validate(graph)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "label": label,
        "chars": len(text),
        "turns": len(conference.turns),
        "triples": len(graph),
        "conforms": report.conforms,
        "peak_mb": peak / 2**20,
        **{k: statistics.median(v) for k, v in times.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--long-chars", type=int, default=1_000_000)
    args = parser.parse_args()

    validate(to_graph([resolve(parse_bytes(sample_file().read_bytes(), name=SAMPLE))], base=DEFAULT_BASE))  # warm caches
    rows = [measure("sample", sample_file().read_text(encoding="utf-8"), args.repeat)]
    rows.append(measure("synthetic-1MB", long_transcript(args.long_chars), max(1, args.repeat // 5)))

    cols = ("label", "chars", "turns", "triples", "parse", "resolve", "rdf", "validate", "turtle", "total", "peak_mb")
    print(f"Python {sys.version.split()[0]}, median of runs, seconds (peak_mb: traced Python allocations)")
    print(" | ".join(f"{c:>13}" for c in cols))
    for r in rows:
        cells = []
        for c in cols:
            v = r[c]
            cells.append(f"{v:>13.3f}" if isinstance(v, float) else f"{v!s:>13}")
        print(" | ".join(cells))
    print(f"max RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
