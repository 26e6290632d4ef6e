"""Compare the two SHACL engines over the whole development corpus.

For each transcript of ``../shared/corpus`` (without the blind-annotated
evaluation files), build its graph and validate it with pyshacl (the
validator of record) and with pyshacl-turbo; print any difference in
conformance or in the results (focus node, source shape, path, constraint
component, value, severity), then a summary. Exit code 1 when they disagree.
Run ``python bench/diff_validators.py [--limit N]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_validate import CORPUS, corpus_files  # noqa: E402
from cyberkg.errors import CyberkgError  # noqa: E402
from cyberkg.parse import read_transcript  # noqa: E402
from cyberkg.pipeline import build_graph  # noqa: E402
from cyberkg.validate import Validator, validate  # noqa: E402


def signature(report):
    return report.conforms, {(r.focus, r.shape, r.path, r.component, r.value, r.severity) for r in report.results}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="only the first N transcripts")
    args = parser.parse_args()
    files = corpus_files()
    if not files:
        print(f"no corpus at {CORPUS}")
        return 0
    files = files[: args.limit] if args.limit else files
    seconds = dict.fromkeys(Validator, 0.0)
    triples = agree = disagree = skipped = nonconforming = 0
    for f in files:
        try:
            graph = build_graph([read_transcript(f)])[1]
        except CyberkgError as exc:
            skipped += 1
            print(f"skipped {f.name}: {exc}")
            continue
        triples += len(graph)
        sigs = {}
        for engine in Validator:
            t0 = time.perf_counter()
            sigs[engine] = signature(validate(graph, validator=engine))
            seconds[engine] += time.perf_counter() - t0
        reference, fast = sigs[Validator.PYSHACL], sigs[Validator.TURBO]
        if not reference[0]:
            nonconforming += 1
            print(f"not conforming: {f.relative_to(CORPUS)}: {len(reference[1])} results")
        if reference == fast:
            agree += 1
            continue
        disagree += 1
        print(f"DISAGREE {f.relative_to(CORPUS)}: conforms pyshacl={reference[0]} turbo={fast[0]}")
        for row in sorted(reference[1] - fast[1], key=str):
            print(f"  only pyshacl: {row}")
        for row in sorted(fast[1] - reference[1], key=str):
            print(f"  only turbo:   {row}")
    print(f"{agree + disagree} transcripts, {triples} triples: {agree} agree, {disagree} disagree, {skipped} skipped, {nonconforming} not conforming")
    for engine, t in seconds.items():
        print(f"  {engine.value:>14}: {t:8.1f} s, {triples / t if t else 0:>8.0f} triples/s")
    return 1 if disagree else 0


if __name__ == "__main__":
    raise SystemExit(main())
