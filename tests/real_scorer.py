"""Score cyberkg on the hand-annotated real sample: openings of real briefings.

``tests/real_sample/*.json`` annotate the first ``chars`` characters of
transcripts of the development corpus (``../shared/corpus``, beside the
checkout), or, where a file gives ``start``, the window of ``chars``
characters from there: cyberkg reads the transcript up to the window's end,
and only what lies in the window is scored (its speakers, the posts the
headline gives them and the posts the window states, what it names, and its
figures). They were written blind: by annotators who never saw cyberkg's
code or its output on these files. Each names the corpus file it annotates;
no sentence of the corpus is copied here.

Run ``python -m tests.real_scorer`` for the table of precision and recall per
category, and the errors behind them (``-v``); ``--heldout`` scores
``tests/real_sample_heldout/`` instead, annotated blind after the fixes that
were fitted to the first sample.

Categories and how a prediction matches an annotation (one to one):

* ``participant``: a person who speaks (role speaker or moderator) whose
  name is the annotated participant's full name, once normalised ("Psaki"
  for "Jen Psaki" is wrong);
* ``post``: a post whose holder matches the annotated person and whose title
  is the annotated title (case and articles folded; the body is not scored);
* ``person``: a person whose name is the annotated full name, as above;
* the other entity kinds: as in :mod:`tests.scorer` (any name or alias meets);
* a person or body whose every piece of evidence lies before the first
  turn (headline, front matter, header) is out of scope, as the annotators'
  guidelines leave such names out of the entities (GUIDELINES-A.md: a body
  named only in the title is not an entity of the window); posts and
  participants are scored whatever their evidence;
* a body no turn names (no mention: a department inferred from a portfolio
  title, "Energy Secretary", or a parent a unit's name ends with) is out of
  scope too, as the annotators list a department only where the text names it
  (in a window: where the window names it, not the context before it);
* ``figure``: a figure of the same value whose span overlaps an occurrence
  of the annotated quote (a figure running up to a word the window's end
  cuts, "$250 mil|lion", is out of scope). ``figure unit`` counts matched figures whose unit
  is the annotated one.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from cyberkg.entities import Conference, normalise_key
from cyberkg.model import Kind, Role
from cyberkg.parse import parse_transcript
from cyberkg.relate import relate
from cyberkg.resolve import resolve

from .scorer import Score, _names, _norm
from .scoring import _occurrences, same_value

SAMPLE = Path(__file__).parent / "real_sample"
HELDOUT = Path(__file__).parent / "real_sample_heldout"
FIFTH = Path(__file__).parent / "real_sample_fifth"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ENTITY_KINDS = ("person", "organization", "media", "law", "document", "event", "campaign", "company")
CATEGORIES = ("participant", "post", *ENTITY_KINDS, "figure")


@dataclass(frozen=True)
class RealCase:
    name: str
    path: Path
    chars: int
    expected: dict
    start: int = 0  # a window past the opening: what comes before it is context, not annotated

    def text(self) -> str:
        """The transcript up to the window's end: cyberkg reads all of it, the window is scored."""
        return self.path.read_text(encoding="utf-8")[: self.start + self.chars]


def real_cases(folder: Path = SAMPLE) -> list[RealCase]:
    """Every annotation in ``folder`` whose corpus file is present."""
    out = []
    for file in sorted(folder.glob("*.json")):
        expected = json.loads(file.read_text(encoding="utf-8"))
        path = CORPUS / expected["file"]
        if path.is_file():
            out.append(RealCase(file.stem, path, int(expected["chars"]), expected, int(expected.get("start", 0))))
    return out


def build(case: RealCase) -> Conference:
    return relate(resolve(parse_transcript(case.text(), name=case.path.name)))


def _match(
    predicted: list[tuple[set[str], str]], expected: list[tuple[set[str], str]], kind: str, score: Score, errors: dict
) -> None:
    """One-to-one matching of (names, label) pairs that share a normalised name."""
    unmatched = list(range(len(expected)))
    for names, label in predicted:
        hit = next((i for i in unmatched if names & expected[i][0]), None)
        if hit is None:
            score.fp += 1
            errors.setdefault(f"fp:{kind}", []).append(label)
        else:
            score.tp += 1
            unmatched.remove(hit)
    score.fn += len(unmatched)
    for i in unmatched:
        errors.setdefault(f"fn:{kind}", []).append(expected[i][1])


def _title(title: str) -> str:
    return re.sub(r"\s+", " ", normalise_key(title))


def score_case(
    case: RealCase, conference: Conference
) -> tuple[dict[str, Score], dict[str, list[str]], tuple[int, int]]:
    """Scores per category, the errors behind them, and (figures with the right unit, matched figures)."""
    exp = case.expected
    scores = {c: Score() for c in CATEGORIES}
    errors: dict[str, list[str]] = {}
    people = {e.key: e for e in conference.people}

    speakers = [e for e in conference.people if e.role in (Role.SPEAKER, Role.MODERATOR)]
    if case.start:  # a window: who speaks in it
        voices = {t.speaker[1] for t in conference.turns if t.speaker is not None and t.span.end > case.start}
        speakers = [e for e in speakers if e.key in voices]
    _match(
        [({_norm(e.name)}, e.name) for e in speakers],
        [({_norm(p["name"])}, p["name"]) for p in exp["participants"]],
        "participant",
        scores["participant"],
        errors,
    )

    aliases = {_norm(p["name"]): _names(p["name"], p.get("aliases", [])) for p in exp["entities"].get("person", [])}
    for p in exp["participants"]:
        aliases.setdefault(_norm(p["name"]), _names(p["name"], p.get("aliases", [])))
    page = parse_transcript(case.text(), name=case.path.name)
    first_turn = page.turns[0].span.start if page.turns else page.title.end
    predicted_posts = []
    speaking = {e.key for e in speakers}
    labels: dict[str, str] = {}  # a window: the labels of each speaker's turns in it ("LIEUTENANT GENERAL HALE")
    for t in conference.turns:
        if t.speaker is not None and t.label is not None and t.label.start >= case.start:
            labels[t.speaker[1]] = labels.get(t.speaker[1], "") + " " + _title(t.label.text)
    for post in conference.posts:
        holder = people.get(post.holder)
        if holder is None:
            continue
        stated = any(ev.span.start >= case.start for ev in post.evidence) or _title(post.title) in labels.get(holder.key, "")
        headline = holder.key in speaking and any(ev.span.start < first_turn for ev in post.evidence)
        if case.start and not (stated or headline):
            continue  # a window: the posts it states (its labels too), and the headline's posts of who speaks in it
        label = f"{holder.name}: {post.title}"
        predicted_posts.append(({f"{n}|{_title(post.title)}" for n in _names(holder.name, holder.aliases)}, label))
    expected_posts = []
    for post in exp["posts"]:
        names = aliases.get(_norm(post["person"]), {_norm(post["person"])})
        expected_posts.append(({f"{n}|{_title(post['title'])}" for n in names}, f"{post['person']}: {post['title']}"))
    _match(predicted_posts, expected_posts, "post", scores["post"], errors)

    # The annotators' scope (GUIDELINES-A.md): a person or body named only in the headline or the front
    # matter is no entity of the window (its post is still scored). Such predictions are out of scope too.
    body_start = max(first_turn, case.start)  # a window: what it names

    def in_scope(e) -> bool:
        return not e.evidence or any(ev.span.start >= body_start for ev in e.evidence)

    # Nor is a body no turn names: one cyberkg infers as the department a portfolio title leads
    # ("Energy Secretary": the Department of Energy) or as the parent a unit's name ends with. The
    # annotators list a department only where the text names it (GUIDELINES-AJ.md, -G, -R, -Y).
    # A window: a body named only in the context, and inferred in the window, is not named there either.
    named = {m.target for m in conference.mentions if m.evidence.span.start >= case.start}

    _match(
        [({_norm(e.name)}, e.name) for e in conference.people if in_scope(e)],
        [({_norm(x["name"])}, x["name"]) for x in exp["entities"].get("person", [])],
        "person",
        scores["person"],
        errors,
    )
    for kind in ENTITY_KINDS[1:]:
        _match(
            [
                (_names(e.name, (*e.aliases, *e.acronyms)), e.name)
                for e in conference.of_kind(Kind(kind))
                if in_scope(e) and (e.kind, e.key) in named
            ],
            [(_names(x["name"], x.get("aliases", [])), x["name"]) for x in exp["entities"].get(kind, [])],
            kind,
            scores[kind],
            errors,
        )

    text = case.text()
    found = [f for page in conference.figures for f in page.figures if f.span.start >= case.start]
    whole = case.path.read_text(encoding="utf-8")
    end = case.start + case.chars
    if end < len(whole) and whole[end - 1].isalnum() and whole[end].isalnum():
        # the window cuts a word ("$250 mil|lion"): a figure the cut word ends or follows is out of scope
        found = [f for f in found if not re.fullmatch(r"\s*\w*", text[f.span.end : end])]
    unused = list(found)
    right_unit = 0
    for fig in exp["figures"]:
        places = [(a, b) for a, b in _occurrences(text, fig["quote"]) if a >= case.start]
        value = Decimal(fig["value"])
        hit = next(
            (
                f
                for f in unused
                if same_value(f.value, value) and any(f.span.start < b and a < f.span.end for a, b in places)
            ),
            None,
        )
        if hit is None:
            scores["figure"].fn += 1
            errors.setdefault("fn:figure", []).append(fig["quote"])
            continue
        unused.remove(hit)
        scores["figure"].tp += 1
        right_unit += hit.unit.key.casefold() == fig["unit"].casefold()
    scores["figure"].fp += len(unused)
    errors.setdefault("fp:figure", []).extend(f"{f.span.text} ({f.value} {f.unit.key})" for f in unused)
    if not errors["fp:figure"]:
        del errors["fp:figure"]
    return scores, errors, (right_unit, scores["figure"].tp)


def score_all(folder: Path = SAMPLE) -> tuple[dict[str, Score], dict[str, dict[str, list[str]]], tuple[int, int]]:
    total = {c: Score() for c in CATEGORIES}
    errors = {}
    units = [0, 0]
    for case in real_cases(folder):
        scores, case_errors, (right, matched) = score_case(case, build(case))
        errors[case.name] = case_errors
        units[0] += right
        units[1] += matched
        _add(total, scores)
    return total, errors, (units[0], units[1])


def _add(total: dict[str, Score], part: dict[str, Score]) -> None:
    """Sum one part's counts into the total, category by category."""
    for c, s in part.items():
        total[c].tp += s.tp
        total[c].fp += s.fp
        total[c].fn += s.fn


def agreement(gold: Path, other: Path) -> dict[str, Score]:
    """How far a second, independent annotation of the same openings agrees with the first.

    ``other`` is scored against ``gold`` as cyberkg is, with the same one-to-one
    matching (names or aliases meet; a post needs holder and title; a figure needs
    its value and an overlapping quote). It tells how much of any score is the
    annotators' own disagreement: no extractor can be held to more than this.
    """
    total = {c: Score() for c in CATEGORIES}
    for case in real_cases(gold):
        path = other / f"{case.name}.json"
        if not path.is_file():
            continue
        a, b = case.expected, json.loads(path.read_text(encoding="utf-8"))
        text = case.text()
        scores = {c: Score() for c in CATEGORIES}
        errors: dict[str, list[str]] = {}
        _match(
            [({_norm(p["name"])}, p["name"]) for p in b["participants"]],
            [({_norm(p["name"])}, p["name"]) for p in a["participants"]],
            "participant",
            scores["participant"],
            errors,
        )

        def posts(ann: dict) -> list[tuple[set[str], str]]:
            aliases = {
                _norm(p["name"]): _names(p["name"], p.get("aliases", []))
                for p in [*ann["entities"].get("person", []), *ann["participants"]]
            }
            return [
                (
                    {f"{n}|{_title(p['title'])}" for n in aliases.get(_norm(p["person"]), {_norm(p["person"])})},
                    p["person"],
                )
                for p in ann["posts"]
            ]

        _match(posts(b), posts(a), "post", scores["post"], errors)
        for kind in ENTITY_KINDS:
            _match(
                [(_names(x["name"], x.get("aliases", [])), x["name"]) for x in b["entities"].get(kind, [])],
                [(_names(x["name"], x.get("aliases", [])), x["name"]) for x in a["entities"].get(kind, [])],
                kind,
                scores[kind],
                errors,
            )
        unused = [(Decimal(f["value"]), _occurrences(text, f["quote"])) for f in b["figures"]]
        for fig in a["figures"]:
            value, places = Decimal(fig["value"]), _occurrences(text, fig["quote"])
            hit = next(
                (
                    u
                    for u in unused
                    if same_value(u[0], value) and any(s < d and c < e for s, e in u[1] for c, d in places)
                ),
                None,
            )
            if hit is None:
                scores["figure"].fn += 1
            else:
                unused.remove(hit)
                scores["figure"].tp += 1
        scores["figure"].fp += len(unused)
        for c, sc in scores.items():
            total[c].tp += sc.tp
            total[c].fp += sc.fp
            total[c].fn += sc.fn
    return total


def f1(s: Score) -> float:
    p, r = s.precision, s.recall
    return 2 * p * r / (p + r) if p + r else 0.0


def table(total: dict[str, Score], units: tuple[int, int]) -> str:
    lines = [
        "| category | expected | predicted | correct | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for c, s in total.items():
        precision = f"{s.precision:.2f}" if s.tp + s.fp else "–"  # nothing predicted: no precision to speak of
        recall = f"{s.recall:.2f}" if s.tp + s.fn else "–"
        score = f"{f1(s):.2f}" if s.tp + s.fn + s.fp else "–"
        lines.append(f"| {c} | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | {precision} | {recall} | {score} |")
    scored = [s for s in total.values() if s.tp + s.fn + s.fp]
    macro = sum(f1(s) for s in scored) / len(scored) if scored else 0.0
    lines.append(f"\nmacro-F1 over the {len(scored)} categories with any item: {macro:.2f}")
    if units[1]:
        lines.append(f"matched figures with the annotated unit: {units[0]}/{units[1]} ({units[0] / units[1]:.2f})")
    return "\n".join(lines)


def sample_folders() -> dict[str, Path]:
    """Every annotated sample by its flag: ``--heldout``, ``--third`` … for ``tests/real_sample_<name>``."""
    return {f"--{path.name.removeprefix('real_sample_')}": path for path in sorted(SAMPLE.parent.glob("real_sample_*")) if path.is_dir()}


def score_pool(folders: list[Path]) -> tuple[dict[str, Score], dict[str, dict[str, list[str]]], tuple[int, int]]:
    """Several samples scored as one: the counts summed, the errors keyed by opening."""
    total = {c: Score() for c in CATEGORIES}
    errors: dict[str, dict[str, list[str]]] = {}
    units = [0, 0]
    for folder in folders:
        part, part_errors, (right, matched) = score_all(folder)
        # two samples may annotate the same file (an opening and a window): each error keeps its sample
        errors.update({f"{folder.name.removeprefix('real_sample_')}/{case}" if len(folders) > 1 else case: e for case, e in part_errors.items()})
        units[0] += right
        units[1] += matched
        _add(total, part)
    return total, errors, (units[0], units[1])


if __name__ == "__main__":
    # no flag: the first sample. --heldout: the second, annotated blind after the fixes fitted to the first
    # (see its README); --third ... --thirtyseventh: each annotated blind after the fixes fitted to those before.
    # Several flags score those samples pooled, as one (the unseen pools of the README).
    samples = sample_folders()
    folders = [samples[a] for a in sys.argv[1:] if a in samples] or [SAMPLE]
    unknown = [a for a in sys.argv[1:] if a.startswith("--") and a not in samples and a != "--agreement"]
    if unknown:
        sys.exit(f"unknown sample {unknown[0]}: the samples are {', '.join(samples)}")
    if "--agreement" in sys.argv:  # --agreement DIR: a second annotation of the same openings, scored against the first
        other = Path(sys.argv[sys.argv.index("--agreement") + 1])
        print(f"a second annotation ({other}) scored against {folders[0].name}, as cyberkg is")
        print(table(agreement(folders[0], other), (0, 0)))
        sys.exit(0)
    cases = [case for folder in folders for case in real_cases(folder)]
    if not cases:
        sys.exit(f"no annotated corpus file found under {CORPUS}")
    total, errors, units = score_pool(folders)
    print(f"{len(cases)} annotated openings from {CORPUS} ({', '.join(folder.name for folder in folders)})")
    print(table(total, units))
    if "-v" in sys.argv:
        for case, errs in errors.items():
            for key, names in sorted(errs.items()):
                print(f"{case[:40]:40} {key:16} {names}")
