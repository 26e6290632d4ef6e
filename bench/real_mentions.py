"""Development aid: what cyberkg finds named in real transcripts, to look for false positives and misses.

Runs parse + resolve over files of ``../shared/corpus/`` (never the 15 files of
the blind-annotated evaluation sample) and prints the people (with posts),
bodies, media, events, laws and figures found, or with ``--counts`` one line
of counts per file and totals. Run ``python bench/real_mentions.py [--counts] [--limit N] [FILE ...]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from cyberkg.errors import CyberkgError
from cyberkg.model import Kind
from cyberkg.parse import parse_bytes
from cyberkg.resolve import resolve

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"

# The blind-annotated evaluation sample: never run, printed or debugged here.
BLIND = (
    "whitehouse-biden/2021-03-03-", "whitehouse-biden/2021-07-26-", "whitehouse-biden/2021-12-23-",
    "whitehouse-biden/2022-06-13-", "whitehouse-biden/2023-02-01-", "whitehouse-biden/2023-10-23-",
    "whitehouse-biden/2024-05-22-", "whitehouse-biden/2021-03-15-",
    "whitehouse-obama/2009-05-13_1594", "whitehouse-obama/2011-11-21_1027", "whitehouse-obama/2013-02-08_0758",
    "whitehouse-obama/2014-09-09_0418", "whitehouse-obama/2016-01-04_0147", "whitehouse-obama/nodate_0581",
    "whitehouse-obama/nodate_1258",
)


def is_blind(path: Path) -> bool:
    rel = f"{path.parent.name}/{path.name}"
    return rel.startswith(BLIND)


def dev_files(limit: int, stride: int) -> list[Path]:
    """Every ``stride``-th non-blind file of each folder, up to ``limit`` per folder."""
    out = []
    for folder in ("whitehouse-biden", "whitehouse-obama"):
        files = [p for p in sorted((CORPUS / folder).glob("*.txt")) if not is_blind(p)]
        out.extend(files[::stride][:limit])
    return out


DATA = Path(__file__).resolve().parents[1] / "src" / "cyberkg" / "data"


def _words(name: str) -> set[str]:
    lines = (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return {w.strip() for w in lines if w.strip() and not w.startswith("#")}


def suspect_outlet(name: str) -> bool:
    """An outlet named by a press word ("Press Briefing") or a bare common outlet noun ("TV"), or a label glued on."""
    parts = set(name.replace("-", " ").split())
    return bool(parts & _words("not_outlet_words")) or (len(parts) == 1 and parts <= _words("media_generic")) or name.startswith("Q ")


def counts(conference) -> Counter:
    c = Counter(e.kind.value for e in conference.entities)
    c["media-suspect"] = sum(1 for e in conference.entities if e.kind is Kind.MEDIA and suspect_outlet(e.name))
    c["posts-of-mentioned"] = sum(
        1 for p in conference.posts
        if any(e.kind is Kind.PERSON and e.key == p.holder and e.role and e.role.value == "mentioned" for e in conference.entities)
    )
    c["mentioned-with-post"] = len({p.holder for p in conference.posts if any(
        e.kind is Kind.PERSON and e.key == p.holder and e.role and e.role.value == "mentioned" for e in conference.entities)})
    c["unresolved-acronym"] = sum(1 for u in conference.unresolved if u.kind == "acronym")
    figures = conference.figures
    c["figures"] = sum(len(f.figures) for f in figures)
    for f in figures:
        for r in f.rejected:
            c["rejected:" + r.reason.value] += 1
    return c


def show(path: Path, conference) -> None:
    print(f"== {path.parent.name}/{path.name}")
    by_kind: dict[Kind, list] = {}
    for e in conference.entities:
        by_kind.setdefault(e.kind, []).append(e)
    posts: dict[str, list[str]] = {}
    orgs = {e.key: e.name for e in conference.entities if e.kind is Kind.ORGANIZATION}
    for p in conference.posts:
        posts.setdefault(p.holder, []).append(p.title + (f" @ {orgs.get(p.organization, p.organization)}" if p.organization else "") + (f" ({p.country})" if getattr(p, "country", None) else ""))
    for kind in Kind:
        found = sorted(by_kind.get(kind, []), key=lambda e: e.name)
        if not found:
            continue
        print(f"  {kind.value} ({len(found)}):")
        for e in found:
            extra = ""
            if kind is Kind.PERSON:
                extra = f" [{e.role.value if e.role else '-'}] " + "; ".join(posts.get(e.key, []))
            if e.acronyms:
                extra += f" ({', '.join(e.acronyms)})"
            if e.edition:
                extra += f" #{e.edition}"
            print(f"    {e.name}{extra}")
    for f in conference.figures:
        for fig in f.figures:
            print(f"  figure: {fig.span.text!r} = {fig.value} {fig.unit.key}")
        for r in f.rejected:
            print(f"  rejected ({r.reason.value}): {r.span.text!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--counts", action="store_true", help="one line of counts per file, and totals")
    parser.add_argument("--limit", type=int, default=5, help="files per corpus folder")
    parser.add_argument("--stride", type=int, default=13, help="take every N-th file")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 0
    files = args.files or dev_files(args.limit, args.stride)
    total: Counter = Counter()
    for path in files:
        if is_blind(path):
            print(f"skipped (blind sample): {path.name}", file=sys.stderr)
            continue
        try:
            conference = resolve(parse_bytes(path.read_bytes(), name=path.name))
        except CyberkgError as err:
            print(f"== {path.name}: {err}")
            continue
        c = counts(conference)
        total.update(c)
        if args.counts:
            print(f"{path.name[:60]:60} " + " ".join(f"{k}={v}" for k, v in sorted(c.items())))
        else:
            show(path, conference)
    print("TOTAL " + " ".join(f"{k}={v}" for k, v in sorted(total.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
