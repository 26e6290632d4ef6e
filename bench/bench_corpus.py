"""Corpus builds at scale: transcripts/s, MB/s, peak RSS of the process tree, time by stage, incremental rebuild.

    python bench/bench_corpus.py                       # ../shared/corpus at 30, 100, 300; --jobs 1 and 2
    python bench/bench_corpus.py --sizes 30 --jobs 2   # a quick look
    python bench/bench_corpus.py --synthetic 300,3000  # seeded invented transcripts, to show the growth

Each build runs in a fresh process with a fresh output folder (so a cold
cache), as `cyberkg build --no-views` does. Peak RSS is sampled every 50 ms
over the build process and all its children. Times by stage are summed over
conferences (CPU time in the workers); "map" is the wall time of the map.
The incremental rebuild changes one transcript of the largest real corpus
and builds again into the same folder. Real transcripts are read where they
are and copied to a temporary folder; nothing from them is printed but totals.
The machine is shared: the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"

RUNNER = r"""
import json, sys
from pathlib import Path
from cyberkg.pipeline import build
args = json.loads(open(sys.argv[1], encoding="utf-8").read())
result = build([Path(p) for p in args["inputs"]], out=Path(args["out"]), views=False, jobs=args["jobs"])
print(json.dumps({
    "conferences": result.conferences, "triples": result.triples, "conforms": result.conforms,
    "rejected": len(result.rejected), "mapped": result.mapped, "timings": dict(result.timings),
}))
"""


def corpus_files(corpus: Path) -> list[Path]:
    """The corpus's transcripts, the two folders interleaved so every prefix mixes both layouts."""
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    lists = [sorted(f.glob("*.txt")) for f in folders]
    mixed = []
    for i in range(max(map(len, lists), default=0)):
        mixed += [files[i] for files in lists if i < len(files)]
    return mixed


def tree_rss(root: int) -> int:
    """Resident memory (bytes) of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


def run_build(inputs: list[Path], out: Path, jobs: int) -> dict:
    """One build in a fresh process; its figures and the tree's peak RSS."""
    spec = out.with_name(out.name + ".json")  # thousands of paths do not fit on a command line
    spec.write_text(json.dumps({"inputs": [str(p) for p in inputs], "out": str(out), "jobs": jobs}), encoding="utf-8")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", RUNNER, str(spec)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.05)
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}): {stderr.strip().splitlines()[-1] if stderr.strip() else ''}")
    figures = json.loads(stdout.strip().splitlines()[-1])
    figures.update(seconds=seconds, peak_mb=peak / 2**20, mb=sum(p.stat().st_size for p in inputs) / 2**20, n=len(inputs))
    figures["exit"] = 1 if not figures["conforms"] else (3 if figures["rejected"] else 0)
    return figures


# ---------------------------------------------------------------- synthetic transcripts

_SYLLABLES = ("ka", "lo", "ve", "mi", "ra", "to", "sen", "dur", "pel", "an", "ri", "ost", "ul", "ba", "ne", "fim", "gor", "ta")
_FIELDS = ("Harbours", "Orchards", "Glaciers", "Canals", "Lighthouses", "Meadows", "Tunnels", "Fisheries", "Bridges", "Wetlands", "Dunes", "Springs")
_BODIES = ("Bureau", "Commission", "Office", "Agency", "Department", "Administration")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def _word(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _sentence(rng: random.Random, names: list[str], bodies: list[str]) -> str:
    n = rng.randint(2, 900)
    choices = (
        f"The {rng.choice(bodies)} opened {n} new sites in {rng.randint(2025, 2040)}.",
        f"{rng.choice(names)} said the work on {rng.choice(_FIELDS).lower()} went up {rng.randint(1, 40)} percent year on year.",
        f"We will keep working with the {rng.choice(bodies)} on this.",
        f"The {_word(rng)} {_word(rng)} Law takes effect next month, and {n} offices will apply it.",
        "Thank you for the question; let me add a few words on that.",
        f"About {n} million people took part in the {_word(rng)} Week last year.",
    )
    return rng.choice(choices)


def synthetic_transcript(seed: int) -> str:
    """An invented transcript: a White House-like briefing or a State Council-like press conference."""
    rng = random.Random(seed)
    bodies = [f"{rng.choice(_BODIES)} of {rng.choice(_FIELDS)}" for _ in range(4)]
    people = [f"{_word(rng)} {_word(rng, 3)}" for _ in range(4)]
    year, month, day = rng.randint(2025, 2040), rng.randrange(12), rng.randint(1, 28)
    date = f"{_MONTHS[month]} {day}, {year}"
    paragraphs = rng.randint(30, 70)
    if seed % 2:
        secretary = people[0].split()[1].upper()
        lines = [f"Press Briefing by Press Secretary {people[0]}, {date}", "", "Office of the Press Secretary", ""]
        for i in range(paragraphs):
            if i % 2:
                lines += [f"Q:  {_sentence(rng, people, bodies)} Will the {rng.choice(bodies)} say more?", ""]
            else:
                lines += [f"MS. {secretary}:  " + " ".join(_sentence(rng, people, bodies) for _ in range(rng.randint(3, 8))), ""]
        lines += ["END", ""]
    else:
        lines = [f"Press conference on the work of the {bodies[0]} in {year - 1}", "", "Speakers:"]
        lines += [f"Mr. {p}, director general of the {b}" for p, b in zip(people[1:], bodies[1:])]
        lines += [f"Moderator: Ms. {people[0]}, spokesperson of the {bodies[0]}", "Date:", date, ""]
        speakers = people[1:]
        for i in range(paragraphs):
            if i % 2:
                lines += [f"{_word(rng)} News:", "", f"{_sentence(rng, people, bodies)} Thank you.", ""]
            else:
                lines += [f"{rng.choice(speakers)}:", "", " ".join(_sentence(rng, people, bodies) for _ in range(rng.randint(3, 8))), ""]
    return "\n".join(lines)


def write_synthetic(folder: Path, n: int, *, seed: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        path = folder / f"synthetic-{i:05d}.txt"
        path.write_text(synthetic_transcript(seed * 1_000_003 + i), encoding="utf-8")
        files.append(path)
    return files


# ---------------------------------------------------------------- report

STAGES = ("scan", "parse", "resolve", "rdf", "validate", "serialize", "map (wall)", "merge", "write")


def row(label: str, jobs: int, f: dict) -> str:
    t = f["timings"]
    stages = " | ".join(f"{t.get(s, 0.0):.1f}" for s in STAGES)
    return (
        f"| {label} | {f['n']} | {jobs} | {f['conferences']} | {f['exit']} | {f['seconds']:.1f} | {f['n'] / f['seconds']:.2f} "
        f"| {f['mb'] / f['seconds']:.3f} | {f['peak_mb']:.0f} | {stages} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sizes", default="30,100,300", help="numbers of real transcripts ('' for none)")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--synthetic", default="", help="numbers of synthetic transcripts, such as 300,3000")
    parser.add_argument("--synthetic-jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    jobs = [int(j) for j in args.jobs.split(",") if j]

    print(f"load average before: {os.getloadavg()}; cores: {os.cpu_count()}")
    print("| corpus | transcripts | jobs | conferences | exit | seconds | transcripts/s | MB/s | peak RSS MB | " + " | ".join(STAGES) + " |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * len(STAGES))
    work = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    results: dict[tuple[str, int, int], dict] = {}
    try:
        if sizes:
            if not args.corpus.is_dir():
                print(f"no corpus at {args.corpus}: real-corpus runs skipped")
                sizes = []
            else:
                everything = corpus_files(args.corpus)
                copies = work / "real"
                copies.mkdir()
                local = []
                for path in everything[: max(sizes)]:
                    target = copies / f"{path.parent.name}--{path.name}"
                    shutil.copyfile(path, target)
                    local.append(target)
        for n in sizes:
            for j in jobs:
                out = work / f"out-real-{n}-{j}"
                results[("real", n, j)] = f = run_build(local[:n], out, j)
                print(row("real", j, f), flush=True)
        if sizes:
            n, j = max(sizes), max(jobs)
            out = work / f"out-real-{n}-{j}"
            changed = local[n // 2]
            changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
            f = run_build(local[:n], out, j)
            print(f"\nincremental rebuild of {n} after one transcript changed (--jobs {j}): {f['seconds']:.2f} s, {f['mapped']} conference(s) mapped, exit {f['exit']}")
        for n in [int(s) for s in args.synthetic.split(",") if s]:
            files = write_synthetic(work / f"synthetic-{n}", n, seed=args.seed)
            f = run_build(files, work / f"out-synthetic-{n}", args.synthetic_jobs)
            results[("synthetic", n, args.synthetic_jobs)] = f
            print(row("synthetic", args.synthetic_jobs, f), flush=True)
            shutil.rmtree(work / f"out-synthetic-{n}", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"\nload average after: {os.getloadavg()}")

    def per(key):
        f = results[key]
        return f["seconds"] / f["n"]

    for kind in ("real", "synthetic"):
        ns = sorted({n for k, n, _ in results if k == kind})
        for j in sorted({jj for k, _, jj in results if k == kind}):
            have = [n for n in ns if (kind, n, j) in results]
            if len(have) >= 2:
                lo, hi = have[0], have[-1]
                print(f"{kind}, --jobs {j}: time per transcript at {hi} / at {lo} = {per((kind, hi, j)) / per((kind, lo, j)):.2f}; "
                      f"peak RSS at {hi} / at {lo} = {results[(kind, hi, j)]['peak_mb'] / results[(kind, lo, j)]['peak_mb']:.2f}")
    for n in sizes:
        if ("real", n, 1) in results and ("real", n, 2) in results:
            print(f"real {n}: --jobs 2 is {results[('real', n, 1)]['seconds'] / results[('real', n, 2)]['seconds']:.2f}x faster than --jobs 1")


if __name__ == "__main__":
    main()
