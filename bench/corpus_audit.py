"""Audit: how cyberkg reads the real transcripts in ``../shared/corpus/``.

Prints one table row per layout folder and one overall:

- **build**: transcripts that parse, resolve and relate without an error, and
  the rate in transcripts per second of one process (parse + resolve +
  relate; ``--jobs`` processes run side by side; timings on a shared machine
  are noisy);
- **turn agreement**: cyberkg's turns against the labelled paragraphs counted
  here, independently, from the raw text (every paragraph that starts with an
  all-caps ``NAME:`` label or with ``Q`` + space or colon is a turn);
  agreement = matched / max(expected, cyberkg's turns), summed over files;
- **turns with a speaker** (definition printed with the table);
- **headline people with full name and post**: the people this script reads
  from each headline ("... by <Post> <First Last> and <Post> <First Last>";
  pieces naming an official or officials are roles, not people) that cyberkg
  gives as a person with that full name and a post whose title is in the
  headline;
- **furniture among participants**: people who speak, roster people and
  outlets whose name looks like page furniture or a header line (a time, a
  date, END, "Updated", "THE WHITE HOUSE", ...). Offenders are listed, except
  for files of the blind-annotated evaluation sample, which are only counted.

Run ``python bench/corpus_audit.py [--limit N] [--corpus DIR]``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cyberkg.entities import normalise_key
from cyberkg.errors import CyberkgError
from cyberkg.model import Kind, LabelKind, Role
from cyberkg.parse import parse_bytes
from cyberkg.relate import relate
from cyberkg.resolve import resolve

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"

# The blind-annotated evaluation sample: counted in aggregates, never shown per file.
BLIND = (
    "whitehouse-biden/2021-03-03-", "whitehouse-biden/2021-07-26-", "whitehouse-biden/2021-12-23-",
    "whitehouse-biden/2022-06-13-", "whitehouse-biden/2023-02-01-", "whitehouse-biden/2023-10-23-",
    "whitehouse-biden/2024-05-22-", "whitehouse-biden/2021-03-15-", "whitehouse-obama/2009-05-13_1594",
    "whitehouse-obama/2011-11-21_1027", "whitehouse-obama/2013-02-08_0758", "whitehouse-obama/2014-09-09_0418",
    "whitehouse-obama/2016-01-04_0147", "whitehouse-obama/nodate_0581", "whitehouse-obama/nodate_1258",
)

SPEAKER_DEFINITION = (
    "a turn has a speaker when it is attributed to a named person or a media outlet, "
    "or it is a question turn (Q, QUESTION) given the journalist role, "
    "or its label is a role (MODERATOR, SENIOR ADMINISTRATION OFFICIAL) kept as a role-only speaker"
)

# ---------------------------------------------------------------- independent reading of the raw text

_SPACE = "\u00a0\u2002\u2003\u2009\u202f\u200b\ufeff \t"
_FRONT_RE = re.compile(r"\A---\r?\n.*?\n---[ \t]*\r?\n", re.S)
_CAPS_LABEL_RE = re.compile(r"([^\W\d_][\w.'\u2019\- \u00a0]{0,60}?)[\s\u00a0]*:")
_Q_RE = re.compile(r"Q[\s:\u00a0]")
_FURNITURE_RE = re.compile(
    r"(?i)\d{1,2}:\d{2}|\b(?:a\.m|p\.m)\b|\bEND\b|updated|white house$|^the white house|office of the|"
    r"immediate release|briefing room|^press (?:briefing|gaggle|call)|^(?:print|share|email|menu|home)$|"
    r"\b(?:19|20)\d\d\b|^\W*$|^(?:title|date|tags|source_url|published_time|modified_time)$"
)


def labelled_paragraphs(text: str) -> list[int]:
    """Offsets of paragraphs that open with an all-caps ``NAME:`` label or ``Q`` + space.

    A paragraph opens after a blank (or whitespace-only) line; a line that
    opens with a label right after a line ending a sentence opens one too
    (hard-wrapped pages sometimes drop the blank line between turns).
    """
    start = 0
    front = _FRONT_RE.match(text)
    if front:
        start = front.end()
    out = []
    prev = ""
    offset = start
    for line in text[start:].split("\n"):
        here, offset = offset, offset + len(line) + 1
        body = line.lstrip(_SPACE)
        after_blank = not prev.strip(_SPACE + "\r")
        after_sentence = prev.rstrip(_SPACE + "\r")[-1:] in ".?!\"\u201d)"
        prev = line
        if not body.strip(_SPACE + "\r"):
            continue
        at = here + len(line) - len(body)
        if _Q_RE.match(body + " ") and (len(body) == 1 or body[1] in _SPACE + ":"):
            if after_blank or after_sentence:
                out.append(at)
            continue
        lab = _CAPS_LABEL_RE.match(body)
        if lab and (after_blank or after_sentence) and _caps(lab.group(1)) and not body[lab.end() :][:1].isdigit():
            out.append(at)
    return out


def _caps(label: str) -> bool:
    label = re.sub(r"^(?i:mr|ms|mrs|dr)\.?[\s\u00a0]+", "", label.replace("\u00a0", " "))
    label = re.sub(r"\b(?:Mc|Mac|La|Le|De|Di)(?=[A-Z])", "", label)
    return label.isupper() and sum(ch.isalpha() for ch in label) >= 2


def headline_of(text: str) -> str:
    """The title from the front matter, else the first non-blank line."""
    front = _FRONT_RE.match(text)
    if front:
        m = re.search(r"(?ms)^title:\s*(.*?)\n(?=[a-z_]+:|---)", front.group(0))
        if m:
            value = re.sub(r"\\\r?\n[ \t]*", "", m.group(1).strip())  # escaped line breaks
            value = re.sub(r"\s*\n\s*", " ", value).strip("\"'")
            value = re.sub(r"\\u([0-9a-fA-F]{4})", lambda e: chr(int(e.group(1), 16)), value)
            return value.replace("\\_", " ").replace("\\ ", " ").replace("\u2060", "")
    return next((ln.strip() for ln in text.splitlines() if ln.strip()), "")


_NOT_NAME = {
    "official", "officials", "administration", "secretary", "advisor", "adviser", "director", "officer",
    "president", "staff", "house", "white", "press", "senior", "state", "briefing", "department", "council",
    "security", "national", "the", "team", "members", "member", "leader", "coordinator", "experts",
    "commissioner",  # "FDA Commissioner Margaret": a headline cut short names no full name
}


def headline_people(headline: str) -> list[tuple[str, str]]:
    """(post words, full name) pairs read from "... by <Post> <First Last> and <Post> <First Last>"."""
    headline = headline.replace("\u00a0", " ")
    m = re.search(r"\b[Bb]y\s+(.*)", headline)
    if not m:
        return []
    tail = re.split(
        r"(?i),\s*(?:\d|[A-Z][a-z]+\.?\s+\d)|\s+(?:on|at|in|aboard|en route|following|after)\s+|\s+[-|]\s+"
        r"|\s+(?:to\s+)?(?:preview|discuss|announce)(?:ing)?\s+",  # "... Ben Rhodes to Preview the X Assembly": the topic
        m.group(1),
    )[0]
    out = []
    for piece in re.split(r",\s*(?:and\s+)?|\s+and\s+", tail):
        words = piece.split()
        if len(words) < 3:
            continue
        n = 3 if len(words) >= 4 and re.fullmatch(r"[A-Z]\.", words[-2]) else 2
        name, post = words[-n:], words[:-n]
        if re.search(r"(?i)\bofficials?\b", piece):
            continue  # a role, not a person
        if any(w.lower().strip(".,") in _NOT_NAME for w in name) or not all(w[:1].isupper() for w in name):
            continue
        out.append((" ".join(post), " ".join(name)))
    return out


# ---------------------------------------------------------------- the audit


@dataclass
class Tally:
    files: int = 0
    built: int = 0
    seconds: float = 0.0
    expected_turns: int = 0
    cyberkg_turns: int = 0
    matched_turns: int = 0
    agreement_den: int = 0
    turns: int = 0
    with_speaker: int = 0
    role_only: int = 0
    headline_people: int = 0
    headline_found: int = 0
    furniture: int = 0
    failures: list[str] = field(default_factory=list)
    offenders: list[str] = field(default_factory=list)
    missed_people: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, list):
                getattr(self, name).extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)


def has_speaker(turn) -> tuple[bool, bool]:
    """(has a speaker, is a role-only speaker) for one resolved turn, per SPEAKER_DEFINITION."""
    if turn.speaker is not None and turn.speaker[0] in (Kind.PERSON, Kind.MEDIA):
        return True, False
    if turn.speaker_kind is LabelKind.QUESTIONER and turn.role is Role.JOURNALIST:
        return True, False
    role_kind = getattr(LabelKind, "ROLE", None)
    if role_kind is not None and turn.speaker_kind is role_kind and turn.label is not None:
        return True, True
    return False, False


def audit_file(path: Path, rel: str) -> Tally:
    tally = Tally(files=1)
    blind = rel.startswith(BLIND)
    shown = "(blind sample file)" if blind else rel
    data = path.read_bytes()
    t0 = time.perf_counter()
    try:
        transcript = parse_bytes(data, name=path.name)
        conference = relate(resolve(transcript))
    except CyberkgError as exc:
        tally.failures.append(f"{shown}: {exc if not blind else type(exc).__name__}")
        return tally
    tally.seconds = time.perf_counter() - t0
    tally.built = 1
    text = transcript.text

    expected = set(labelled_paragraphs(text))
    starts = {(t.label.start if t.label is not None else t.span.start) for t in transcript.turns}
    tally.expected_turns = len(expected)
    tally.cyberkg_turns = len(transcript.turns)
    tally.matched_turns = len(expected & starts)
    tally.agreement_den = max(len(expected), len(transcript.turns))

    for turn in conference.turns:
        ok, role_only = has_speaker(turn)
        tally.turns += 1
        tally.with_speaker += ok
        tally.role_only += role_only

    people = {e.key: e for e in conference.people}
    posts_of: dict[str, list[str]] = defaultdict(list)
    for post in conference.posts:
        posts_of[post.holder].append(post.title.lower())
    for post_words, name in headline_people(headline_of(text)):
        tally.headline_people += 1
        key = normalise_key(name)
        person = people.get(key)
        want = headline_of(text).lower()
        if person is not None and person.name.replace("\u00a0", " ") == name and any(
            title and title in want for title in posts_of.get(key, [])
        ):
            tally.headline_found += 1
        elif not blind:
            got = posts_of.get(key) if person is not None else "no such person"
            tally.missed_people.append(f"{rel}: {post_words} | {name} -> {got}")

    participants = {
        e.name
        for e in conference.entities
        if e.kind is Kind.MEDIA and any(t.speaker == (Kind.MEDIA, e.key) for t in conference.turns)
    }
    participants |= {e.name for e in conference.people if e.role in (Role.SPEAKER, Role.MODERATOR, Role.JOURNALIST)}
    spoke = {t.speaker for t in conference.turns if t.speaker is not None}
    participants |= {e.name for e in conference.people if (Kind.PERSON, e.key) in spoke}
    for name in sorted(participants):
        if _FURNITURE_RE.search(name.strip()):
            tally.furniture += 1
            tally.offenders.append(f"{shown}: {name!r}" if not blind else "(blind sample file): one offender")
    return tally


def ratio(num: float, den: float) -> str:
    return f"{num / den:.3f}" if den else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="at most N transcripts per folder")
    parser.add_argument("--show", type=int, default=15, help="offenders and misses listed per kind")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (rates stay per process)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    folders: dict[str, Tally] = {}
    t_start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for folder in sorted(p for p in args.corpus.iterdir() if p.is_dir()):
            tally = Tally()
            files = sorted(folder.glob("*.txt"))[: args.limit]
            for result in pool.map(audit_file, files, [f"{folder.name}/{p.name}" for p in files], chunksize=4):
                tally.add(result)
            folders[folder.name] = tally
    wall = time.perf_counter() - t_start
    overall = Tally()
    for tally in folders.values():
        overall.add(tally)

    print(f"turns with a speaker: {SPEAKER_DEFINITION}.")
    print()
    head = ("layout", "files", "built", "tr/s", "turns exp", "cyberkg", "agreement", "speaker", "role-only",
            "headline ppl", "full+post", "furniture")
    rows = [head]
    for name, t in [*folders.items(), ("overall", overall)]:
        rows.append((
            name, str(t.files), str(t.built), f"{t.built / t.seconds:.1f}" if t.seconds else "-",
            str(t.expected_turns), str(t.cyberkg_turns), ratio(t.matched_turns, t.agreement_den),
            ratio(t.with_speaker, t.turns), str(t.role_only), str(t.headline_people),
            ratio(t.headline_found, t.headline_people), str(t.furniture),
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    for r in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    print(f"\nwall time {wall:.1f} s")
    for title, items in (("failures", overall.failures), ("furniture among participants", overall.offenders),
                         ("headline people missed", overall.missed_people)):
        if items:
            print(f"\n{title} ({len(items)}):")
            for item in items[: args.show]:
                print("  " + item)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
