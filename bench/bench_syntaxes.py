"""Benchmark: time to write each RDF syntax, cyberkg's writers beside rdflib's and pyoxigraph's.

Prints a table; run ``python bench/bench_syntaxes.py`` (after ``pip install -e .``).
The graph is the long synthetic transcript of ``bench_build.py`` (about
``--chars`` characters), so the figures show how the writers scale. rdflib's
writers are timed for comparison only: its Turtle and JSON-LD follow the
graph's hash order, so they are not the same bytes from run to run.
"""

from __future__ import annotations

import argparse
import statistics
import time

import pyoxigraph as ox
from bench_build import long_transcript

from cyberkg.export.rdf import serialize, serialize_dataset
from cyberkg.parse import parse_transcript
from cyberkg.rdf import conference_graphs, to_graph
from cyberkg.resolve import resolve
from cyberkg.vocab import DEFAULT_BASE


def timed(fn, repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        size = len(fn())
        times.append(time.perf_counter() - t0)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=250_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    conference = resolve(parse_transcript(long_transcript(args.chars), name="synthetic"))
    graph = to_graph([conference], base=DEFAULT_BASE)
    pairs = conference_graphs([conference], base=DEFAULT_BASE)
    nt = serialize(graph, "nt")
    triples = [q.triple for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)]
    rows = [
        ("turtle", "cyberkg", lambda: serialize(graph, "turtle")),
        ("turtle", "rdflib", lambda: graph.serialize(format="turtle", encoding="utf-8")),
        ("turtle", "pyoxigraph", lambda: ox.serialize(triples, format=ox.RdfFormat.TURTLE)),
        ("n-triples", "cyberkg (rdflib, sorted)", lambda: serialize(graph, "nt")),
        ("json-ld", "cyberkg", lambda: serialize(graph, "json-ld")),
        ("json-ld", "rdflib", lambda: graph.serialize(format="json-ld", encoding="utf-8")),
        ("json-ld", "pyoxigraph (expanded IRIs)", lambda: ox.serialize(triples, format=ox.RdfFormat.JSON_LD)),
        ("n-quads", "cyberkg", lambda: serialize_dataset(pairs, "nquads")),
        ("trig", "cyberkg", lambda: serialize_dataset(pairs, "trig")),
    ]
    print(f"graph: {len(graph):,} triples from {args.chars:,} characters; median of {args.repeat} runs")
    print("| syntax | writer | seconds | MB |\n|---|---|---:|---:|")
    for syntax, writer, fn in rows:
        seconds, size = timed(fn, args.repeat)
        print(f"| {syntax} | {writer} | {seconds:.3f} | {size / 1e6:.1f} |")


if __name__ == "__main__":
    main()
