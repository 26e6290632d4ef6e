"""Benchmark: SHACL validation time per graph, per engine.

Prints triples, seconds (median of ``--repeat`` runs) and triples/s for each
graph: the bundled sample, the hand-written fixtures, an invented transcript
of many people (``tests/synthetic.py``) and a few real briefings from
``../shared/corpus`` (skipped when the corpus is absent; the blind-annotated
evaluation files are never read). Run ``python bench/bench_validate.py``
after ``pip install -e '.[test]'``; ``--profile`` prints where the time of one
briefing goes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cyberkg.parse import parse_bytes, parse_transcript, read_transcript  # noqa: E402
from cyberkg.pipeline import build_graph  # noqa: E402
from cyberkg.resources import SAMPLE, sample_file  # noqa: E402
from cyberkg.validate import Validator, validate  # noqa: E402
from tests.synthetic import big_transcript  # noqa: E402

CORPUS = ROOT / ".." / "shared" / "corpus"

#: The blind-annotated evaluation files of the corpus: never read here.
BLIND = (
    "whitehouse-biden/2021-03-03-", "whitehouse-biden/2021-07-26-", "whitehouse-biden/2021-12-23-",
    "whitehouse-biden/2022-06-13-", "whitehouse-biden/2023-02-01-", "whitehouse-biden/2023-10-23-",
    "whitehouse-biden/2024-05-22-", "whitehouse-biden/2021-03-15-",
    "whitehouse-obama/2009-05-13_1594", "whitehouse-obama/2011-11-21_1027", "whitehouse-obama/2013-02-08_0758",
    "whitehouse-obama/2014-09-09_0418", "whitehouse-obama/2016-01-04_0147", "whitehouse-obama/nodate_0581",
    "whitehouse-obama/nodate_1258",
)


def corpus_files(corpus: Path = CORPUS) -> list[Path]:
    """Every development transcript of the corpus, in name order, without the blind files."""
    if not corpus.is_dir():
        return []
    files = sorted(corpus.glob("*/*.txt"))
    return [f for f in files if not f.relative_to(corpus).as_posix().startswith(BLIND)]


def graphs(n_corpus: int) -> dict[str, object]:
    out = {"sample": build_graph([parse_bytes(sample_file().read_bytes(), name=SAMPLE)])[1]}
    for name in ("fixtures_entities/mixed-qa", "fixtures_figures/market-regulation"):
        out[name.split("/")[-1]] = build_graph([read_transcript(ROOT / "tests" / name / "input.txt")])[1]
    out["synthetic-400"] = build_graph([parse_transcript(big_transcript(400), name="big.txt")])[1]
    files = corpus_files()
    step = max(1, len(files) // max(1, n_corpus))
    for f in files[::step][:n_corpus]:
        out[f.stem[:28]] = build_graph([read_transcript(f)])[1]
    return out


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=int, default=4, help="how many real briefings to time")
    parser.add_argument("--engine", choices=[v.value for v in Validator], action="append")
    parser.add_argument("--profile", action="store_true", help="profile pyshacl on the largest real briefing")
    args = parser.parse_args()
    engines = [Validator(e) for e in args.engine] if args.engine else list(Validator)
    built = graphs(args.corpus)
    for engine in engines:  # warm up: shapes parsed once per process, imports done
        validate(built["sample"], validator=engine)
    print(f"Python {sys.version.split()[0]}, median of {args.repeat} runs")
    print(f"{'graph':>30} | {'engine':>13} | {'triples':>7} | {'conforms':>8} | {'seconds':>7} | {'triples/s':>9}")
    for label, graph in built.items():
        for engine in engines:
            report = validate(graph, validator=engine)
            t = timed(lambda: validate(graph, validator=engine), args.repeat)
            print(f"{label:>30} | {engine.value:>13} | {len(graph):>7} | {report.conforms!s:>8} | {t:>7.3f} | {len(graph) / t:>9.0f}")
    if args.profile:
        label, graph = max(built.items(), key=lambda kv: len(kv[1]))
        print(f"\nprofile of pyshacl on {label} ({len(graph)} triples)")
        profiler = cProfile.Profile()
        profiler.runcall(validate, graph, validator=Validator.PYSHACL)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
