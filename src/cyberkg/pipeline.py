"""The whole job, stage by stage: parse → resolve → rdf → validate → export.

:func:`build` reads every input before it writes anything, so bad input
leaves nothing half-written; it writes each output to a temporary file and
moves it into place.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .entities import Conference, normalise_key
from .errors import InputError, UsageError
from .export.bundle import VIEWS_FOLDER, default_views
from .export.rdf import serialize
from .ids import check_base
from .model import Transcript
from .parse import parse_bytes, read_transcript
from .rdf import to_graph
from .relate import relate
from .resolve import resolve
from .resources import SAMPLE, sample_file
from .validate import DEFAULT_VALIDATOR, ValidationReport, Validator, report_graph, validate
from .vocab import CKG, DEFAULT_BASE, ORG, RDF, SCHEMA

#: Suffixes of files taken as transcripts when a folder is given.
TRANSCRIPT_SUFFIXES = (".txt",)

#: Classes counted in the build summary, in the order shown.
SUMMARY_CLASSES = (
    ("conferences", CKG.PressConference),
    ("turns", CKG.Turn),
    ("people", SCHEMA.Person),
    ("organizations", ORG.Organization),
    ("units", ORG.OrganizationalUnit),
    ("media outlets", CKG.MediaOutlet),
    ("companies", CKG.Company),
    ("posts", ORG.Post),
    ("laws", CKG.Law),
    ("documents", CKG.PolicyDocument),
    ("campaigns", CKG.Campaign),
    ("events", CKG.NamedEvent),
    ("mentions", CKG.Mention),
    ("evidence", CKG.Evidence),
)


@dataclass(frozen=True)
class BuildResult:
    """What a build made and where it wrote it."""

    conferences: tuple[Conference, ...]
    graph: Graph
    report: ValidationReport
    counts: tuple[tuple[str, int], ...]
    outputs: tuple[Path, ...]
    notes: tuple[str, ...] = ()

    @property
    def conforms(self) -> bool:
        return self.report.conforms

    @property
    def unresolved(self) -> int:
        return sum(len(c.unresolved) for c in self.conferences)

    @property
    def figures(self) -> int:
        """How many figures (observations) the conferences state."""
        return sum(len(f.figures) for c in self.conferences for f in c.figures)

    @property
    def rejected_figures(self) -> int:
        """How many numbers were found not to be figures (ordinals, dates, rhetorical counts...)."""
        return sum(len(f.rejected) for c in self.conferences for f in c.figures)


def collect_inputs(paths: Sequence[Path]) -> list[Path]:
    """Expand folders into the transcript files they hold, sorted by name.

    Raises:
        InputError: a path does not exist, or a folder holds no transcript.
    """
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in TRANSCRIPT_SUFFIXES)
            if not found:
                raise InputError(str(path), "folder holds no transcript (*.txt)")
            files.extend(found)
        else:
            files.append(path)
    return files


def read_inputs(
    paths: Sequence[Path],
    *,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
    encoding: str | None = None,
) -> list[Transcript]:
    """Parse every input (decoded from ``encoding``, or detected), or the bundled sample when ``paths`` is empty."""
    if not paths:
        return [parse_bytes(sample_file().read_bytes(), name=SAMPLE)]
    files = collect_inputs(paths)
    iterate = progress(files) if progress is not None else files
    return [read_transcript(p, encoding=encoding) for p in iterate]


def group_pages(transcripts: Sequence[Transcript], *, one_conference: bool = False) -> list[list[Transcript]]:
    """Group transcripts into conferences: consecutive inputs with the same title are pages of one.

    With ``one_conference``, every input is a page of a single conference.
    """
    if one_conference:
        return [list(transcripts)] if transcripts else []
    groups: list[list[Transcript]] = []
    for t in transcripts:
        if groups and normalise_key(groups[-1][0].title.text) == normalise_key(t.title.text):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def build_graph(
    transcripts: Sequence[Transcript], *, base: str = DEFAULT_BASE, one_conference: bool = False
) -> tuple[tuple[Conference, ...], Graph]:
    """Resolve transcripts, page groups by conference, and map them to one graph."""
    groups = group_pages(transcripts, one_conference=one_conference)
    conferences = tuple(relate(resolve(pages)) for pages in groups)
    return conferences, to_graph(conferences, base=check_base(base))


def build(
    inputs: Sequence[Path],
    *,
    out: Path,
    base: str = DEFAULT_BASE,
    one_conference: bool = False,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
    views: bool = True,
    encoding: str | None = None,
    validator: Validator = DEFAULT_VALIDATOR,
) -> BuildResult:
    """Build the graph of ``inputs`` (the sample when empty) into folder ``out``.

    Writes ``out/graph.ttl`` and ``out/validation.ttl``, and with ``views``
    the default views into ``out/views/``. Violations do not raise: they are
    in the returned report, and every file is written. ``validator`` names
    the SHACL engine (pyshacl is the validator of record).

    Raises:
        InputError: an input is missing, empty, binary or holds no transcript.
        UsageError: ``out`` is a file, or ``base`` is not a usable IRI.
    """
    check_base(base)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: --out must be a folder, and this is a file")
    transcripts = read_inputs(inputs, progress=progress, encoding=encoding)
    conferences, graph = build_graph(transcripts, base=base, one_conference=one_conference)
    report = validate(graph, validator=validator)
    outputs = _write_all(
        out,
        {
            "graph.ttl": serialize(graph, "turtle"),
            "validation.ttl": serialize(report_graph(report, base=base), "turtle"),
        },
    )
    notes = tuple(note for t in transcripts for note in t.notes)
    if views:
        view_files = default_views(graph)
        outputs += _write_all(out / VIEWS_FOLDER, dict(view_files.files))
        notes += view_files.notes
    return BuildResult(conferences, graph, report, count_classes(graph), outputs, notes)


def count_classes(graph: Graph) -> tuple[tuple[str, int], ...]:
    """How many nodes of each summary class the graph holds."""
    typed = Counter(o for o in graph.objects(None, RDF.type))
    return tuple((label, typed[cls]) for label, cls in SUMMARY_CLASSES)


def _write_all(out: Path, files: dict[str, bytes]) -> tuple[Path, ...]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files.items():
        target = out / name
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=out)
        try:
            os.chmod(tmp, 0o644)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(target)
    return tuple(written)
