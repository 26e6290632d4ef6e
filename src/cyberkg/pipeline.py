"""The whole job, stage by stage: parse → resolve → rdf → validate → export.

:func:`build` runs it as map/reduce over conferences (:mod:`cyberkg.corpus`):
it reads and groups every input before it maps any, maps each conference on
its own (in processes, on Dask, or from the cache), merges what conferences
share, and writes the outputs as one set (:mod:`cyberkg.export.outputs`), so
bad input or a failed write leaves nothing half-written.
:func:`build_graph` is the same stages in memory, for one graph in a library call.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from rdflib import Graph

from .corpus import Page, Progress, Rejected, Settings, group_heads, page_head
from .entities import Conference
from .errors import InputError, OutputError, UsageError
from .export.bundle import VIEWS_FOLDER, default_views
from .export.outputs import OutputSet
from .export.rdf import serialize
from .extract.confidence import figure_model
from .ids import check_base
from .model import Transcript
from .parse import MAX_TRANSCRIPT_MB, check_size, read_file
from .rdf import conference_keys, to_graph
from .relate import relate
from .resolve import resolve
from .resources import SAMPLE, sample_file
from .validate import DEFAULT_VALIDATOR, ValidationReport, Validator, report_graph
from .vocab import CKG, DEFAULT_BASE, ORG, SCHEMA

if TYPE_CHECKING:
    from .record import GraphStats

#: Suffixes of files taken as transcripts when a folder is given.
TRANSCRIPT_SUFFIXES = (".txt",)

#: Standard input as an INPUT, and its name in messages and in the graph.
STDIN, STDIN_NAME = Path("-"), "<stdin>"

#: The graph syntaxes a build writes (``--format``), and their files.
#: graph.ttl and graph.nq are written by every folder build (``cyberkg query``,
#: ``view`` and ``load`` read them); the others only when asked for.
GRAPH_FILES = {"turtle": "graph.ttl", "nt": "graph.nt", "nquads": "graph.nq", "trig": "graph.trig", "jsonld": "graph.jsonld"}
ALWAYS_WRITTEN = ("turtle", "nquads")

#: The build record, next to the graph.
RECORD_FILE = "record.ttl"

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
    """What a build made, where it wrote it, and what it left out."""

    report: ValidationReport
    counts: tuple[tuple[str, int], ...]
    triples: int
    outputs: tuple[Path, ...]
    notes: tuple[str, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    unresolved: int = 0
    figures: int = 0  # figures (observations) the conferences state
    rejected_figures: int = 0  # numbers found not to be figures (ordinals, dates, rhetorical counts...)
    mapped: int = 0  # conferences mapped by this build; the others came from the cache
    timings: tuple[tuple[str, float], ...] = ()  # seconds by stage, summed over conferences

    @property
    def conforms(self) -> bool:
        return self.report.conforms

    @property
    def conferences(self) -> int:
        return dict(self.counts).get("conferences", 0)


def collect_inputs(paths: Sequence[Path]) -> list[Path]:
    """Expand folders into the transcript files they hold, sorted by name.

    Raises:
        InputError: a path does not exist, or a folder holds no transcript.
    """
    files: list[Path] = []
    for path in paths:
        if path == STDIN:
            files.append(path)
            continue
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


def group_pages(transcripts: Sequence[Transcript], *, one_conference: bool = False) -> list[list[Transcript]]:
    """Group transcripts into conferences, as a build does (see :func:`cyberkg.corpus.group_heads`).

    Pages join only when their text says so: the same title and date, or a
    continuation page with the title of one conference. With
    ``one_conference``, every input is a page of a single conference.
    """
    heads = [page_head(t) for t in transcripts]
    groups, _ = group_heads(heads, [t.source.name for t in transcripts], one_conference=one_conference)
    return [[transcripts[i] for i in group] for group in groups]


def build_graph(
    transcripts: Sequence[Transcript],
    *,
    base: str = DEFAULT_BASE,
    one_conference: bool = False,
    min_figure_confidence: float | None = None,
) -> tuple[tuple[Conference, ...], Graph]:
    """Resolve transcripts, page groups by conference, and map them to one graph
    (``min_figure_confidence``: as for :func:`build`)."""
    groups = group_pages(transcripts, one_conference=one_conference)
    conferences = tuple(relate(resolve(pages, min_figure_confidence=min_figure_confidence)) for pages in groups)
    return conferences, to_graph(conferences, base=check_base(base), keys=conference_keys(conferences))


def build(
    inputs: Sequence[Path],
    *,
    out: Path,
    base: str = DEFAULT_BASE,
    one_conference: bool = False,
    progress: Progress | None = None,
    views: bool = True,
    jobs: int = 1,
    scheduler: str | None = None,
    cache: Path | None = None,
    use_cache: bool = True,
    encoding: str | None = None,
    validator: Validator = DEFAULT_VALIDATOR,
    formats: Sequence[str] = ALWAYS_WRITTEN,
    stdin: bytes | None = None,
    record: bool = True,
    build_time: datetime | None = None,
    max_transcript_mb: float = MAX_TRANSCRIPT_MB,
    min_figure_confidence: float | None = None,
) -> BuildResult:
    """Build the graph of ``inputs`` (the sample when empty) into folder ``out``, conference by conference.

    Writes ``graph.ttl``, ``graph.nq`` (one named graph per conference), the
    other syntaxes in ``formats`` (keys of :data:`GRAPH_FILES`),
    ``validation.ttl``, ``record.ttl`` (with ``record``; see
    :mod:`cyberkg.record`) and, with ``views``, the default views into
    ``out/views/``, all moved into place together (see
    :mod:`cyberkg.export.outputs`); a graph file of another syntax left by an
    earlier build is removed. Violations do not raise: they are in the
    returned report. An input that cannot be built is left out and listed in
    ``rejected``; when no input can be built, nothing is written.

    Args:
        formats: graph syntaxes to write besides Turtle and N-Quads, each
            streamed conference by conference.
        stdin: the bytes of standard input, read where ``inputs`` holds ``-``.
        record: also write ``record.ttl``, the VoID, DCAT and PROV record of the build.
        build_time: the time to record (only when given: see :func:`cyberkg.record.build_time_from_env`).
        max_transcript_mb: a larger input is rejected, with the option that raises the limit.
        jobs: how many processes map conferences.
        scheduler: the address of a Dask scheduler to map on instead (``tcp://host:port``).
        cache: the folder of the build cache (default ``out/.cyberkg-cache``).
        use_cache: without it, results go to a temporary cache removed after the build.
        progress: called as ``progress(done, total, input)`` after each conference.
        encoding: the encoding of the inputs (default: detected; see :func:`cyberkg.parse.parse_bytes`).
        validator: the SHACL engine (pyshacl is the validator of record; both run the same shapes).
        min_figure_confidence: the score a figure the confidence model judges needs to stay a figure
            (None: the model's own threshold; 0: the rules alone). Part of the cache key and of the record.

    Raises:
        InputError: a path is missing, or no input holds a transcript that builds.
        UsageError: ``out`` is a file, or ``base`` is not a usable IRI.
        OutputError: the outputs or the cache cannot be written.
    """
    from .corpus import (
        CACHE_FOLDER,
        BuildCache,
        ConferenceResult,
        SharedTable,
        Task,
        cache_key,
        combine_reports,
        group_heads,
        merge_shared,
        reconciled_results,
        restore_quotes,
        run_map,
        scan_pages,
        start_workers,
        validate_merged,
    )

    check_base(base)
    unknown = [f for f in formats if f not in GRAPH_FILES]
    if unknown:
        raise UsageError(f"unknown graph format {unknown[0]!r} (use one of {', '.join(GRAPH_FILES)})")
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: --out must be a folder, and this is a file")
    if min_figure_confidence is not None and not 0 <= min_figure_confidence <= 1:
        raise UsageError(f"--min-figure-confidence must be between 0 and 1, not {min_figure_confidence}")
    settings = Settings(base=base, encoding=encoding, validator=validator.value, min_figure_confidence=min_figure_confidence)
    clock = time.perf_counter
    t0 = clock()
    if jobs > 1 and not scheduler:
        start_workers()
    pages, rejected, notes = read_pages(inputs, stdin=stdin, max_bytes=int(max_transcript_mb * 1e6))
    jobs = max(1, jobs)
    with tempfile.TemporaryDirectory(prefix="cyberkg-cache-") as scratch:
        store = BuildCache(cache if cache is not None else (out / CACHE_FOLDER if use_cache else Path(scratch)))
        heads, scanned = [], []
        for page, head in zip(pages, scan_pages(pages, store=store, jobs=jobs, scheduler=scheduler, encoding=encoding)):
            if isinstance(head, Rejected):
                rejected.append(head)
            else:
                heads.append(head)
                scanned.append(page)
        if not scanned:
            first = rejected[0]
            raise InputError(first.where, first.reason)
        groups, group_notes = group_heads(heads, [p.where for p in scanned], one_conference=one_conference)
        notes += group_notes
        keys = Counter((heads[g[0]].date, heads[g[0]].title) for g in groups)
        tasks = [Task(tuple(scanned[i] for i in g), keys[(heads[g[0]].date, heads[g[0]].title)] > 1) for g in groups]
        t1 = clock()
        results, mapped = run_map(tasks, settings, store=store, jobs=jobs, scheduler=scheduler, progress=progress)
        # Pages can date a conference that its first page leaves undated: keys that still meet are made distinct.
        iris = Counter(r.iri for r in results if isinstance(r, ConferenceResult))
        again = [i for i, r in enumerate(results) if isinstance(r, ConferenceResult) and iris[r.iri] > 1 and not tasks[i].distinct]
        if again:
            for i in again:
                tasks[i] = Task(tasks[i].pages, True)
            redone, more = run_map([tasks[i] for i in again], settings, store=store, jobs=jobs, scheduler=scheduler)
            for i, result in zip(again, redone):
                results[i] = result
            mapped += more
        t2 = clock()
        built: list[tuple[ConferenceResult, str]] = []
        for task, result in zip(tasks, results):
            if isinstance(result, ConferenceResult):
                built.append((result, cache_key(task.pages, settings, distinct=task.distinct)))
            else:
                rejected += [Rejected(where, result.reason) for where, _ in result.sources]
        if not built:
            first = rejected[0]
            raise InputError(first.where, first.reason)
        built.sort(key=lambda item: item[0].sort_key)
        table = SharedTable()
        for result, key in built:
            table.add(result.iri, store.shared(key))
        merged = merge_shared(table, base)
        del table
        reports, aside = reconciled_results((r.report for r, _ in built), base)
        spanning = validate_merged(merged, again={r.focus for r in aside}, store=store, validator=validator.value)
        report = combine_reports([*reports, restore_quotes(spanning, aside)])
        t3 = clock()
        notes += [note for r, _ in built for note in r.notes]
        if merged.relabelled:
            notes.append(f"{merged.relabelled} shared node(s) were spelled differently in different conferences: the most used spelling is the label, the others skos:altLabel")
        if merged.conflicts:
            notes.append(f"{merged.conflicts} single-valued propert(ies) of shared nodes differed between conferences: the value most conferences state was kept")
        wanted = {*ALWAYS_WRITTEN, *formats}
        with OutputSet(out) as outset:
            triples = _write_graphs(outset, [r for r, _ in built], [k for _, k in built], store, merged, base, wanted)
            outset.write("validation.ttl", serialize(report_graph(report, base=base), "turtle"))
            if views:
                notes += _write_views(outset, triples)
            if record:
                settings_used = {
                    "base": base,
                    "one_conference": str(one_conference).lower(),
                    "encoding": encoding or "detected",
                    "validator": validator.value,
                    "min_figure_confidence": format(figure_model().threshold if min_figure_confidence is None else min_figure_confidence, "g"),
                }
                sources = sorted({(Path(where).name if where != STDIN_NAME else where, sha) for r, _ in built for where, sha in r.sources}, key=lambda item: (item[1], item[0]))
                stats = graph_stats([r for r, _ in built], (*merged.triples, *merged.merges))
                _write_record(outset, stats, base=base, sources=sources, settings=settings_used, build_time=build_time)
            stale = tuple(name for fmt, name in GRAPH_FILES.items() if fmt not in wanted)
            outputs = outset.commit(replace_folders=(VIEWS_FOLDER,), remove=stale)
        t4 = clock()

    counts: Counter = Counter()
    for result, _ in built:
        counts.update(dict(result.counts))
    for node_types in merged.types.values():
        counts.update(node_types)
    stage: Counter = Counter()
    for result, _ in built:
        stage.update(dict(result.timings))
    timings = (("scan", t1 - t0), *sorted(stage.items(), key=lambda kv: _STAGES.index(kv[0])), ("map (wall)", t2 - t1), ("merge", t3 - t2), ("write", t4 - t3))
    return BuildResult(
        report=report,
        counts=tuple((label, counts[str(cls)]) for label, cls in SUMMARY_CLASSES),
        triples=triples,
        outputs=outputs,
        notes=tuple(notes),
        rejected=tuple(sorted(rejected, key=lambda r: (r.where, r.reason))),
        unresolved=sum(r.unresolved for r, _ in built),
        figures=sum(r.figures for r, _ in built),
        rejected_figures=sum(r.rejected_figures for r, _ in built),
        mapped=mapped,
        timings=timings,
    )


def build_to_stream(inputs: Sequence[Path], stream: BinaryIO, *, fmt: str = "turtle", cache: Path | None = None, **options) -> BuildResult:
    """Build as :func:`build` does, and write only the graph, in syntax ``fmt``, to ``stream``.

    Nothing is left on disk: the build runs in a temporary folder, removed
    afterwards, with no views and no record, and with a cache only when
    ``cache`` names one. Validation runs as usual; its report is in the
    result, not written. ``options`` are those of :func:`build`.

    Raises:
        OutputError: the stream cannot be written (a closed pipe).
        The errors of :func:`build`.
    """
    if fmt not in GRAPH_FILES:
        raise UsageError(f"unknown graph format {fmt!r} (use one of {', '.join(GRAPH_FILES)})")
    with tempfile.TemporaryDirectory(prefix="cyberkg-stdout-") as folder:
        result = build(inputs, out=Path(folder), formats=(fmt,), views=False, record=False, cache=cache, use_cache=cache is not None, **options)
        try:
            with open(Path(folder) / GRAPH_FILES[fmt], "rb") as graph:
                shutil.copyfileobj(graph, stream)
            stream.flush()
        except OSError as exc:
            raise OutputError("<stdout>", exc.strerror or str(exc)) from None
    return replace(result, outputs=())


_STAGES = ("parse", "resolve", "rdf", "validate", "serialize")

#: Views are drawn for graphs up to this many triples; beyond, a note says how to draw one.
VIEWS_MAX_TRIPLES = 250_000


def read_pages(inputs: Sequence[Path], *, stdin: bytes | None = None, max_bytes: int | None = None) -> tuple[list[Page], list[Rejected], list[str]]:
    """Read every input's bytes (the bundled sample when there is none); drop exact duplicates.

    An input ``-`` is ``stdin``, named ``<stdin>``. An input larger than
    ``max_bytes`` is rejected unread (see :func:`cyberkg.parse.check_size`).
    Returns the pages, the inputs that cannot be read, and notes on duplicates.

    Raises:
        InputError: a path does not exist, or a folder holds no transcript.
        UsageError: ``-`` is given twice, or without ``stdin``.
    """
    if not inputs:
        return [Page(SAMPLE, SAMPLE, sample_file().read_bytes())], [], []
    if sum(1 for p in inputs if p == STDIN) > 1:
        raise UsageError("- (standard input) can be given only once")
    if STDIN in inputs and stdin is None:
        raise UsageError("- (standard input) given, but no standard input was read")
    pages: list[Page] = []
    rejected: list[Rejected] = []
    notes: list[str] = []
    seen: dict[str, Page] = {}
    for path in collect_inputs(inputs):
        where = str(path)
        try:
            if path == STDIN:
                check_size(STDIN_NAME, len(stdin), max_bytes)
                page = Page(STDIN_NAME, STDIN_NAME, stdin)
            else:
                page = Page(where, path.name, read_file(path, max_bytes=max_bytes))
        except InputError as exc:
            rejected.append(Rejected(where, exc.problem))
            continue
        sha = page.sha256
        if sha in seen:
            notes.append(f"{where} has the same bytes as {seen[sha].where}: built once")
            continue
        seen[sha] = page
        pages.append(page)
    return pages, rejected, notes


def _write_graphs(outset: OutputSet, results, keys, store, merged, base: str, formats: set[str]) -> int:
    """Stream the graph files: each conference's chunk in order, then the shared nodes; return the triple count.

    Turtle and N-Quads are the map's chunks as they are. N-Triples are the
    N-Quads lines without their graph name. TriG puts each conference's
    Turtle blocks in its named graph and the shared nodes in the default graph,
    as the N-Quads do. JSON-LD adds each conference's node objects, read from
    its N-Quads, then the shared nodes' (see :class:`~cyberkg.export.chunks.JsonLdWriter`).
    """
    from contextlib import ExitStack

    from .corpus import stream_chunks
    from .export.chunks import JsonLdWriter, TurtleBlocks, _iri_text, nquads, plain_from_nquads

    writer = TurtleBlocks(base)
    triples = 0
    with ExitStack() as stack:
        ttl = stack.enter_context(outset.open(GRAPH_FILES["turtle"]))
        nq = stack.enter_context(outset.open(GRAPH_FILES["nquads"]))
        nt = stack.enter_context(outset.open(GRAPH_FILES["nt"])) if "nt" in formats else None
        trig = stack.enter_context(outset.open(GRAPH_FILES["trig"])) if "trig" in formats else None
        jsonld = JsonLdWriter(stack.enter_context(outset.open(GRAPH_FILES["jsonld"])), base) if "jsonld" in formats else None
        header = writer.header().encode("utf-8")
        ttl.write(header)
        if trig is not None:
            trig.write(header)
        for result, (turtle, quads) in zip(results, stream_chunks(store, keys)):
            ttl.write(turtle)
            ttl.write(b"\n")
            nq.write(quads)
            if nt is not None:
                nt.write(_drop_graph_names(quads))
            if trig is not None:
                trig.write(f"<{_iri_text(result.iri)}> {{\n".encode() + turtle + b"}\n\n")
            if jsonld is not None:
                jsonld.write(plain_from_nquads(quads))
            triples += result.triples
        shared = (*merged.triples, *merged.merges)
        blocks = writer.blocks(shared).encode("utf-8")
        lines = nquads(shared, None).encode("utf-8")  # the default graph: N-Quads lines that are N-Triples
        ttl.write(blocks)
        nq.write(lines)
        if nt is not None:
            nt.write(lines)
        if trig is not None and shared:
            trig.write(b"{\n" + blocks + b"}\n")
        if jsonld is not None:
            jsonld.write(shared)
            jsonld.close()
        triples += len(shared)
    return triples


def _drop_graph_names(quads: bytes) -> bytes:
    """N-Quads lines of one named graph as N-Triples: the last term of each line (its graph name) removed.

    >>> _drop_graph_names(b'<a:s> <a:p> "x <y> ." <a:g> .\\n')
    b'<a:s> <a:p> "x <y> ." .\\n'
    """
    return b"".join(line[: line.rindex(b" <")] + b" .\n" for line in quads.splitlines() if line)


def graph_stats(results: Sequence, shared: Sequence) -> GraphStats:
    """What VoID says of the built graph, from the conferences' summaries and the merged shared triples.

    The same figures as :func:`cyberkg.record.graph_stats` reads from graph.nq,
    without reading it: a conference's own nodes are in its chunk only; a
    shared node counts once however many chunks and shared triples it is the
    subject of.
    """
    from .export.chunks import TYPE
    from .record import GraphStats

    subjects = {s for s, _, _ in shared}
    predicates = {p for _, p, _ in shared}
    classes: Counter = Counter(o for _, p, o in shared if p == TYPE)
    own = 0
    for result in results:
        own += result.subjects
        subjects.update(result.linked)
        predicates.update(result.predicates)
        classes.update(dict(result.counts))
    triples = sum(r.triples for r in results) + len(shared)
    return GraphStats(triples, own + len(subjects), tuple(sorted(predicates)), tuple(sorted(classes.items())))


def _write_record(outset: OutputSet, stats: GraphStats, *, base: str, sources, settings: dict[str, str], build_time) -> None:
    """Stage record.ttl: the VoID, DCAT and PROV record of the files staged so far."""
    from .record import FileFacts, RecordedInput, build_record

    files = {name: FileFacts(*outset.facts(name)) for name in outset.names}
    inputs = [RecordedInput(name, sha) for name, sha in sources]
    record = build_record(stats, base=base, inputs=inputs, settings=settings, files=files, build_time=build_time)
    outset.write(RECORD_FILE, serialize(record, "turtle"))


def _write_views(outset: OutputSet, triples: int) -> list[str]:
    """Stage the default views of the built graph; return notes on what was skipped."""
    if triples > VIEWS_MAX_TRIPLES:
        return [f"views skipped: the graph has {triples:,} triples, more than {VIEWS_MAX_TRIPLES:,}; draw one with `cyberkg view --data OUT`"]
    graph = Graph().parse(outset.staged(GRAPH_FILES["turtle"]), format="turtle")
    view_files = default_views(graph)
    for name, data in view_files.files:
        outset.write(f"{VIEWS_FOLDER}/{name}", data)
    return list(view_files.notes)
