"""Benchmark: time per stage as the text grows, to show the work is linear in it.

Prints three tables (``python bench/bench_scaling.py``):

* transcripts of 1, 2, 4, 8 and 16 MB (invented, seeded): parse, roster,
  mentions, figures and resolve (which runs the extractors again), with the
  time per MB — flat when the work is linear;
* one turn of 25k, 50k and 100k characters, one sentence running on ("..., and ..."):
  the same stages, time per 10k characters;
* a roster line naming a chain of 100, 200 and 500 nested bodies: time per level.

Each case runs once under ``--timeout`` seconds (default 600); a case that
runs out prints ">N s". ``--sizes`` picks the transcript sizes in MB.

``--whole 0.5 1 2 4`` adds a fourth table: the whole map of one conference,
as a build runs it (parse, resolve, rdf, validate, serialize), on
transcripts of those sizes, each in a fresh process, with its peak RSS. A
build refuses a transcript over ``--max-transcript-mb`` (4 by default),
sized from the memory per MB this table shows.
"""

from __future__ import annotations

import argparse
import random
import re
import signal
import time
from collections.abc import Callable
from pathlib import Path

from cyberkg.errors import CyberkgError
from cyberkg.extract.figures import extract_figures
from cyberkg.extract.mentions import extract_mentions
from cyberkg.extract.roster import extract_roster
from cyberkg.parse import parse_transcript
from cyberkg.resolve import resolve

SURNAMES = ("Lin", "Gao", "Pan", "Tao", "Ruan", "Fei", "Shen", "Jiang", "Meng", "Qiu")
GIVEN = ("Aoran", "Beihan", "Chenxi", "Dongyu", "Enlai", "Haoyu", "Jiarui", "Kaiwen")
TOPICS = ("Rivers", "Forests", "Harbours", "Railways", "Bridges", "Canals", "Orchards", "Wetlands")
SENTENCES = (
    "The {topic} Bureau said output rose {n} percent in {year} from {m} percent a year earlier.",
    "Director {name} of the {topic} Bureau noted that {n} million residents used the service.",
    "We invested ${n} billion in {m} new {topic_l} projects under the {topic} Development Plan.",
    "Mr. {name} and the Ministry of {topic} signed the {topic} Protection Law with {n} partners.",
    "The two sides held the 3rd {topic} Dialogue, and {n} companies took part in the {topic} Expo.",
    "Over {n} kilometres of {topic_l} were repaired, about {m} more than last year.",
    "The {topic} Commission (TC{k}) fined River Light Co., Ltd. {n} million yuan in March.",
    "Senator {surname} asked the {topic} Agency about {n} cases, and Secretary {surname} answered.",
)


def _sentence(rng: random.Random) -> str:
    topic = rng.choice(TOPICS)
    surname, given = rng.choice(SURNAMES), rng.choice(GIVEN)
    return rng.choice(SENTENCES).format(
        topic=topic, topic_l=topic.lower(), name=f"{surname} {given}", surname=surname,
        n=rng.randint(2, 900), m=rng.randint(2, 90), year=rng.randint(2001, 2023), k=rng.randint(1, 9),
    )


def transcript(chars: int, *, seed: int = 7, turn_chars: int = 1200, run_on: bool = False) -> str:
    """An invented briefing of about ``chars`` characters: a roster, then turns of ``turn_chars``.

    ``run_on`` joins each turn's sentences into one ("..., and ..."), the worst case for
    work done per sentence.
    """
    rng = random.Random(seed)
    speakers = [f"{s} {g}" for s in SURNAMES[:4] for g in GIVEN[:2]]
    out = ["Briefing on the work of the invented bureaus", "", "Speakers:"]
    out += [f"Mr. {name}, director general of the {TOPICS[i % len(TOPICS)]} Bureau of the Ministry of Works" for i, name in enumerate(speakers)]
    out.append("")
    size = sum(len(line) + 1 for line in out)
    i = 0
    while size < chars:
        label = speakers[i % len(speakers)]
        paragraph: list[str] = []
        length = 0
        while length < turn_chars:
            s = _sentence(rng)
            if run_on:
                s = s.rstrip(".") + ", and"
            paragraph.append(s)
            length += len(s) + 1
        block = f"{label}:\n\n" + " ".join(paragraph) + "\n"
        out.append(block)
        size += len(block) + 1
        i += 1
    return "\n".join(out)


def _tag(i: int) -> str:
    """A made-up capitalised word for each number: 0 → "Ba", 27 → "Bcb"."""
    letters = ""
    while True:
        letters = "abcdefghijklmnopqrstuvwxyz"[i % 26] + letters
        i //= 26
        if not i:
            return "B" + letters


def chain(levels: int) -> str:
    """A roster line naming a body nested ``levels`` deep: "director of the Ba Office of the Bb Office of ..."."""
    bodies = " of the ".join(f"{_tag(i)} Office" for i in range(levels))
    return f"Briefing on nested bodies\n\nSpeakers:\nMr. Lin Aoran, director of the {bodies}\n\nLin Aoran:\n\nThank you.\n"


class _Timeout(Exception):
    pass


def _timed(fn: Callable[[], object], timeout: int) -> float | None:
    def alarm(signum, frame):  # noqa: ARG001
        raise _Timeout

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(timeout)
    try:
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0
    except _Timeout:
        return None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def stages(text: str, timeout: int) -> dict[str, float | None]:
    """Time of each stage on one text; resolve includes the extractors."""
    out: dict[str, float | None] = {}
    parsed = []
    out["parse"] = _timed(lambda: parsed.append(parse_transcript(text)), timeout)
    if not parsed:
        return out
    t = parsed[0]
    out["roster"] = _timed(lambda: extract_roster(t), timeout)
    out["mentions"] = _timed(
        lambda: [extract_mentions(t.text, p, folded=t.folded) for turn in t.turns for p in turn.paragraphs], timeout
    )
    out["figures"] = _timed(lambda: extract_figures(t), timeout)
    out["resolve"] = _timed(lambda: resolve(t), timeout)
    return out


def _cell(seconds: float | None, timeout: int) -> str:
    return f">{timeout} s" if seconds is None else f"{seconds:.2f}"


def _table(title: str, unit: str, rows: list[tuple[str, float, dict[str, float | None]]], timeout: int) -> None:
    names = ["parse", "roster", "mentions", "figures", "resolve"]
    print(f"\n{title}\n")
    print("| case | " + " | ".join(f"{n} s" for n in names) + f" | resolve s per {unit} |")
    print("|---|" + "---:|" * (len(names) + 1))
    for label, scale, times in rows:
        per = times.get("resolve")
        print(f"| {label} | " + " | ".join(_cell(times.get(n), timeout) if n in times else "-" for n in names)
              + f" | {'-' if per is None else f'{per / scale:.3f}'} |")


_WHOLE = r"""
import json, resource, sys, time
from cyberkg.corpus import Page, Settings, map_conference
from cyberkg.vocab import DEFAULT_BASE
data = open(sys.argv[1], "rb").read()
t0 = time.perf_counter()
result = map_conference([Page("big.txt", "big.txt", data)], Settings(DEFAULT_BASE))
print(json.dumps({"seconds": time.perf_counter() - t0, "timings": dict(getattr(result, "timings", ())),
                  "triples": getattr(result, "triples", 0), "failure": getattr(result, "reason", None),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def real_transcript(chars: int, corpus) -> str:
    """One transcript of about ``chars`` characters from the development corpus: the first
    briefing whole, then the bodies of the next ones (front matter cut), as one long briefing.
    The corpus is read where it is; nothing of it is kept."""
    from pathlib import Path

    files = sorted(p for p in Path(corpus).rglob("*.txt"))
    if not files:
        raise SystemExit(f"no transcripts under {corpus}")
    parts, size, n = [], 0, 0
    while size < chars:
        text = files[n % len(files)].read_text(encoding="utf-8")
        if n:
            text = re.sub(r"(?s)\A---\n.*?\n---\n", "", text)  # only the first keeps its front matter
        parts.append(text if n == 0 else "\n\n" + text)
        size += len(parts[-1])
        n += 1
    return "".join(parts)[:chars]


def whole(sizes: list[float], timeout: int, corpus=None) -> None:
    """The whole map of one conference on transcripts of ``sizes`` MB, each in a fresh process.

    Invented text by default; with ``corpus``, text of the development corpus, whose
    density (figures, names per MB) is that of real briefings.
    """
    import json
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    names = ["parse", "resolve", "rdf", "validate", "serialize"]
    kind = "invented text" if corpus is None else f"text of {corpus}"
    print(f"\nThe whole map of one conference, as a build runs it (fresh process each; {kind})\n")
    print("| case | triples | " + " | ".join(f"{n} s" for n in names) + " | total s | s per MB | peak RSS MB | MB of RSS per MB |")
    print("|---|" + "---:|" * (len(names) + 5))
    with tempfile.TemporaryDirectory() as folder:
        for mb in sizes:
            path = Path(folder) / "big.txt"
            chars = int(mb * 1_000_000)
            path.write_text(transcript(chars) if corpus is None else real_transcript(chars, corpus), encoding="utf-8")
            try:
                done = subprocess.run([sys.executable, "-c", _WHOLE, str(path)], capture_output=True, text=True, timeout=timeout)
            except subprocess.TimeoutExpired:
                print(f"| {mb:g} MB | >{timeout} s |")
                continue
            if done.returncode != 0:
                print(f"| {mb:g} MB | failed: {done.stderr.strip().splitlines()[-1:]} |")
                continue
            f = json.loads(done.stdout.strip().splitlines()[-1])
            t = f["timings"]
            print(f"| {mb:g} MB | {f['triples']:,} | " + " | ".join(f"{t.get(n, 0):.1f}" for n in names)
                  + f" | {f['seconds']:.1f} | {f['seconds'] / mb:.1f} | {f['peak_mb']:.0f} | {f['peak_mb'] / mb:.0f} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[1, 2, 4, 8, 16], help="transcript sizes in MB")
    parser.add_argument("--turns", type=int, nargs="*", default=[25_000, 50_000, 100_000], help="one-turn sizes in characters")
    parser.add_argument("--chains", type=int, nargs="*", default=[100, 200, 500], help="roster chain depths")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per case")
    parser.add_argument("--real", nargs="?", const=str(Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"), default=None,
                        help="with --whole: text of the development corpus (default ../shared/corpus), not invented text")
    parser.add_argument("--whole", type=float, nargs="*", default=[], help="sizes in MB for the whole-map table (such as 0.5 1 2 4)")
    args = parser.parse_args(argv)

    rows = []
    for mb in args.sizes:
        rows.append((f"{mb:g} MB", mb, stages(transcript(int(mb * 1_000_000)), args.timeout)))
    if rows:
        _table("Transcripts of growing size", "MB", rows, args.timeout)
    rows = []
    for chars in args.turns:
        rows.append((f"one turn of {chars // 1000}k chars", chars / 10_000, stages(transcript(chars + 600, turn_chars=chars, run_on=True), args.timeout)))
    if rows:
        _table("One long turn", "10k chars", rows, args.timeout)
    rows = []
    for levels in args.chains:
        try:
            rows.append((f"chain of {levels} levels", levels, stages(chain(levels), args.timeout)))
        except CyberkgError as err:
            print(f"chain of {levels} levels: refused: {err}")
    if rows:
        _table("Nested roster chains", "level", rows, args.timeout)
    if args.whole:
        whole(args.whole, args.timeout, args.real)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
