"""Benchmark: time to project and write the views, on the sample and on a graph of 500+ entities.

Prints a table; run ``python bench/bench_views.py`` (after ``pip install -e '.[test]'``).
The big graph comes from an invented transcript (``tests/synthetic.py``) of
400 people in 240 bureaus who name each other.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cyberkg.export.bundle import default_views  # noqa: E402
from cyberkg.export.formats import Format, render  # noqa: E402
from cyberkg.export.pictures import graphviz_available  # noqa: E402
from cyberkg.export.viewmodel import ViewKind  # noqa: E402
from cyberkg.export.views import index_graph, project  # noqa: E402
from cyberkg.parse import parse_bytes, parse_transcript  # noqa: E402
from cyberkg.pipeline import build_graph  # noqa: E402
from cyberkg.resources import SAMPLE, sample_file  # noqa: E402
from tests.synthetic import big_transcript  # noqa: E402


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--people", type=int, default=400)
    args = parser.parse_args()
    graphs = {
        "sample": build_graph([parse_bytes(sample_file().read_bytes(), name=SAMPLE)])[1],
        f"synthetic-{args.people}": build_graph([parse_transcript(big_transcript(args.people), name="big.txt")])[1],
    }
    formats = [Format.GRAPHML, Format.GEXF, Format.JSON, Format.HTML] + ([Format.SVG] if graphviz_available() else [])
    print(f"Python {sys.version.split()[0]}, median of {args.repeat} runs, seconds; sizes in kB")
    print(f"{'graph':>14} | {'view':>10} | {'nodes':>6} | {'edges':>6} | {'project':>8} | " + " | ".join(f"{f.value:>12}" for f in formats))
    for label, graph in graphs.items():
        index_time, ix = timed(lambda: index_graph(graph), args.repeat)
        print(f"{label:>14} | {'(index)':>10} | {'':>6} | {'':>6} | {index_time:>8.3f} | triples: {len(graph)}")
        for kind in ViewKind:
            t, view = timed(lambda: project(ix, kind), args.repeat)
            cells = []
            for fmt in formats:
                ft, data = timed(lambda: render(view, fmt), args.repeat)
                cells.append(f"{ft:>6.3f} {len(data) / 1024:>5.0f}")
            print(f"{label:>14} | {kind.value:>10} | {len(view.nodes):>6} | {len(view.edges):>6} | {t:>8.3f} | " + " | ".join(cells))
        total, files = timed(lambda: default_views(graph), args.repeat)
        sizes = ", ".join(f"{name} {len(data) / 1024:.0f}" for name, data in files.files)
        print(f"{label:>14} | build's default views: {total:.3f} s ({sizes})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
