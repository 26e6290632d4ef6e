"""Corpus builds as map/reduce: one conference is the unit of work.

* **Scan** every input: read its bytes, drop exact duplicates (same SHA-256),
  parse it for what tells conferences apart (title, date, roster, page
  marker), and group pages into conferences (:func:`group_heads`).
* **Map** each conference with :func:`map_conference`, a pure function of the
  pages' bytes and the build settings. It runs parse → resolve → relate → rdf
  → validate and returns a small frozen :class:`ConferenceResult`: the
  conference's own triples already written as Turtle blocks and N-Quads, its
  table of shared nodes (people, bodies, posts, roles, laws, documents,
  campaigns, events, companies, outlets, measures, units, periods) with what
  the conference states about them, its validation report, counts and
  timings. A process pool, a Dask cluster or the build cache all run or keep
  this same function's results.
* **Reduce** (:func:`merge_shared`, :func:`write_outputs`): the only place
  where conferences meet. It merges the shared-node tables by IRI (the IRI is
  minted from the node's key, so the same key is the same node), keeps one
  ``skos:prefLabel`` / ``schema:name`` per node (the spelling most
  conferences use; the others become ``skos:altLabel``), records each merge
  as a ``ckg:CorpusMerge`` with its rule, validates the merged nodes once, and
  streams the chunks from the cache into the outputs in a fixed order.

No stage here holds the corpus in one graph: a conference's graph lives only
inside its map call.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef

from .entities import normalise_key
from .errors import CyberkgError, InputError, OutputError
from .export.chunks import TYPE, Term, Triple, TurtleBlocks, nquads, plain_triples
from .ids import Minter
from .model import Transcript
from .parse import parse_bytes
from .validate import Severity, ValidationReport, ValidationResult, Validator, load_shapes, validate
from .vocab import CKG, ORG, SCHEMA, SH, SKOS

#: Progress callback: (conferences done, conferences in all, what was just done).
Progress = Callable[[int, int, str], None]

#: Local name prefixes (after the base) of nodes that belong to one conference.
#: Every other node — minted from a key, or a vocabulary term such as a unit — can recur across conferences.
LOCAL_KINDS = ("transcript/", "conference/", "evidence/", "mention/", "unresolved/", "figure/", "series/", "ranking/", "fine/", "rejected/")

#: Where the build cache lives inside the output folder, unless ``cache`` says otherwise.
CACHE_FOLDER = ".cyberkg-cache"

#: Label properties with one value per node: other spellings become skos:altLabel.
LABELS = (str(SKOS.prefLabel), str(SCHEMA.name))
_ALT = str(SKOS.altLabel)
_EVIDENCE = str(CKG.evidence)

# "Page 2", "page 2 of 5", "(continued)": a page that says it is not the first.
_PAGE_MARKER_RE = re.compile(r"(?im)^[\s(\[-]*(?:page\s+(\d+)(?:\s*(?:of|/)\s*\d+)?|cont(?:inued|'d)\.?)[\s)\]-]*$")


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class Page:
    """One input file: how to name it, and its bytes."""

    where: str  # the path as given, for messages
    name: str  # the file name, recorded in the graph
    data: bytes = field(repr=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True, slots=True)
class Settings:
    """What a map depends on besides the pages' bytes (all of it is part of the cache key)."""

    base: str
    encoding: str | None = None  # of the input files; None: detected
    validator: str = "pyshacl-turbo"  # a cyberkg.validate.Validator value
    min_figure_confidence: float | None = None  # None: the confidence model's own threshold


@dataclass(frozen=True, slots=True)
class PageHead:
    """What the text of a page says about which conference it belongs to."""

    title: str  # normalised title
    date: str | None  # ISO date of the conference (or of publication), if the page states one
    continuation: bool  # the page says it continues a conference: a page marker, or a bare title then turns
    number: int | None  # the page number a marker gives


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that was not built, and why."""

    where: str
    reason: str


def page_head(transcript: Transcript) -> PageHead:
    """Read from a parsed page what ties it to a conference.

    A page continues a conference when it has a page marker ("Page 2",
    "(continued)") before its first turn, or when it has no date and no
    roster and nothing but its title before the first turn: the layout of
    pages 2..N that repeat the title and go on with bare speaker labels.
    """
    date = transcript.held or transcript.published
    first_turn = transcript.turns[0].span.start if transcript.turns else len(transcript.text)
    before = transcript.text[transcript.title.end : first_turn]
    marker = _PAGE_MARKER_RE.search(before)
    bare = not before.strip() and date is None and not transcript.roster
    number = int(marker.group(1)) if marker and marker.group(1) else None
    return PageHead(
        title=normalise_key(transcript.title.text),
        date=date.date.isoformat() if date else None,
        continuation=bool(marker) or bare,
        number=number,
    )


def group_heads(heads: Sequence[PageHead], names: Sequence[str], *, one_conference: bool = False) -> tuple[list[list[int]], list[str]]:
    """Group pages into conferences; return the groups (indices into ``heads``) and notes.

    Pages are one conference only when the text says so: the same title and
    the same date, or a continuation page (see :func:`page_head`) whose title
    is that of exactly one conference among the inputs. An undated page that
    does not say it continues is a conference of its own. The result does not
    depend on the order of the inputs: groups are ordered by date, title and
    name, pages by page number and name. With ``one_conference`` every page
    is one conference, in the order given.
    """
    if one_conference:
        return ([list(range(len(heads)))] if heads else []), []
    notes: list[str] = []

    def page_order(i: int) -> tuple:
        return (heads[i].continuation, heads[i].number or 0, _natural(names[i]), i)

    leads: dict[tuple[str, str], list[int]] = defaultdict(list)
    groups: list[list[int]] = []
    for i, head in enumerate(heads):
        if head.continuation:
            continue
        if head.date is None:
            groups.append([i])
        else:
            leads[(head.title, head.date)].append(i)
    groups += list(leads.values())
    by_title: dict[str, list[list[int]]] = defaultdict(list)
    for group in groups:
        by_title[heads[group[0]].title].append(group)
    for i, head in enumerate(heads):
        if not head.continuation:
            continue
        owners = by_title.get(head.title, [])
        if len(owners) == 1:
            owners[0].append(i)
        else:
            if owners:
                notes.append(f"{names[i]} continues a conference, but {len(owners)} conferences have its title: built as a conference of its own")
            groups.append([i])
    for group in groups:
        group.sort(key=page_order)
    groups.sort(key=lambda g: (heads[g[0]].date or "~", heads[g[0]].title, _natural(names[g[0]]), g[0]))
    return groups, notes


def _natural(text: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


# ---------------------------------------------------------------- map


@dataclass(frozen=True, slots=True)
class ConferenceResult:
    """What the map makes of one conference: small, frozen and picklable."""

    iri: str
    sort_key: tuple[str, str]
    sources: tuple[tuple[str, str], ...]  # (where, sha256) of each page
    turtle: str = field(repr=False)  # the conference's own subject blocks
    nquads: str = field(repr=False)  # the same triples as N-Quads in the conference's named graph
    triples: int  # how many triples the chunk holds
    shared: tuple[Triple, ...] = field(repr=False)  # what the conference states about shared nodes
    counts: tuple[tuple[str, int], ...]  # nodes of the conference's own, by class IRI
    report: ValidationReport
    unresolved: int
    figures: int
    rejected_figures: int
    timings: tuple[tuple[str, float], ...]
    notes: tuple[str, ...] = ()  # how the pages were read ("no speaker label: built as a narrative")
    subjects: int = 0  # the conference's own nodes that are subjects in its chunk
    linked: tuple[str, ...] = ()  # shared nodes that are subjects in its chunk ("X ckg:evidence <its evidence>")
    predicates: tuple[str, ...] = ()  # the properties its chunk uses

    def summary(self, *, shared: bool = True) -> ConferenceResult:
        """The same result without its text (the cache keeps it so); without ``shared``, to keep in memory while the rest is mapped."""
        return ConferenceResult(
            self.iri, self.sort_key, self.sources, "", "", self.triples, self.shared if shared else (), self.counts,
            self.report, self.unresolved, self.figures, self.rejected_figures, self.timings, self.notes,
            self.subjects, self.linked, self.predicates,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class MapFailure:
    """A conference the map could not build, with the reason."""

    sources: tuple[tuple[str, str], ...]
    reason: str


def is_local(iri: str, base: str) -> bool:
    """Whether ``iri`` names a node of one conference (a turn, an evidence span...) rather than a shared node.

    >>> is_local("https://x.org/id/turn/1", "https://x.org/id/"), is_local("https://x.org/id/conference/a", "https://x.org/id/")
    (False, True)
    """
    return iri.startswith(base) and iri.startswith(LOCAL_KINDS, len(base))


def map_conference(pages: Sequence[Page], settings: Settings, *, distinct: bool = False) -> ConferenceResult | MapFailure:
    """Build one conference from its pages' bytes: a pure function, safe to run in any process.

    ``distinct`` adds the first page's digest to the conference's key, for a
    conference that shares its title and date with another one.
    Errors in the input come back as a :class:`MapFailure`, never as an exception.
    """
    sources = tuple((p.where, p.sha256) for p in pages)
    try:
        return _map(pages, settings, distinct=distinct)
    except InputError as exc:
        return MapFailure(sources, exc.problem)
    except CyberkgError as exc:
        return MapFailure(sources, str(exc))
    except Exception as exc:  # noqa: BLE001 - one transcript that trips a bug must not sink the corpus; reported, never hidden
        return MapFailure(sources, f"internal error while building it ({type(exc).__name__}: {exc})")


def map_to_cache(pages: Sequence[Page], settings: Settings, key: str, folder: Path, *, distinct: bool = False) -> ConferenceResult | MapFailure:
    """:func:`map_conference`, with the result written to the build cache in ``folder`` under ``key``; returns its summary.

    A worker process that runs this sends back kilobytes, not the conference's text.

    Raises:
        OutputError: the cache cannot be written.
    """
    result = map_conference(pages, settings, distinct=distinct)
    if isinstance(result, MapFailure):
        return result
    BuildCache(folder).put(key, result)
    return result.summary()


def _map(pages: Sequence[Page], settings: Settings, *, distinct: bool) -> ConferenceResult:
    from .rdf import conference_key, to_graph
    from .relate import relate
    from .resolve import resolve

    clock = time.perf_counter
    t0 = clock()
    transcripts = [parse_bytes(p.data, name=p.name, where=p.where, encoding=settings.encoding) for p in pages]
    t1 = clock()
    conference = relate(resolve(transcripts, min_figure_confidence=settings.min_figure_confidence))
    t2 = clock()
    key = conference_key(conference, distinct=distinct)
    graph = to_graph([conference], base=settings.base, keys=[key])
    iri = str(Minter(settings.base).conference(key))
    t3 = clock()
    report = validate(graph, validator=Validator(settings.validator))
    t4 = clock()
    local, shared, types = split_shared(plain_triples(graph), settings.base)
    writer = TurtleBlocks(settings.base)
    turtle = writer.blocks(local, types=types)
    quads = nquads(local, iri)
    counts = Counter(o for s, p, o in local if p == TYPE and isinstance(o, str))
    subjects = {s for s, _, _ in local}
    linked = sorted(s for s in subjects if not is_local(s, settings.base))
    t5 = clock()
    date = conference.held or conference.published
    return ConferenceResult(
        iri=iri,
        sort_key=(date[1].date.isoformat() if date else "~", iri),
        sources=tuple((p.where, t.source.sha256) for p, t in zip(pages, transcripts)),
        turtle=turtle,
        nquads=quads,
        triples=len(local),
        shared=tuple(sorted(shared, key=_triple_key)),
        counts=tuple(sorted(counts.items())),
        report=report,
        unresolved=len(conference.unresolved),
        figures=sum(len(f.figures) for f in conference.figures),
        rejected_figures=sum(len(f.rejected) for f in conference.figures),
        timings=(("parse", t1 - t0), ("resolve", t2 - t1), ("rdf", t3 - t2), ("validate", t4 - t3), ("serialize", t5 - t4)),
        notes=tuple(note for t in transcripts for note in t.notes),
        subjects=len(subjects) - len(linked),
        linked=tuple(linked),
        predicates=tuple(sorted({p for _, p, _ in local})),
    )


def split_shared(triples: Iterable[Triple], base: str) -> tuple[list[Triple], list[Triple], dict[str, list[str]]]:
    """Split a conference's triples into its own and those that describe shared nodes.

    A triple describes a shared node when its subject is shared and its
    object is not a node of the conference (a literal, a class, another
    shared node). A shared node's ``ckg:evidence`` stays with the conference
    whose text it points into. Also returns the classes of shared subjects,
    so the conference's blocks sort as they would in the whole graph.
    """
    local: list[Triple] = []
    shared: list[Triple] = []
    types: dict[str, list[str]] = defaultdict(list)
    for s, p, o in triples:
        if is_local(s, base) or (isinstance(o, str) and is_local(o, base)):
            local.append((s, p, o))
        else:
            shared.append((s, p, o))
            if p == TYPE and isinstance(o, str):
                types[s].append(o)
    return local, shared, types


def _triple_key(t: Triple) -> tuple:
    s, p, o = t
    return (s, p, o if isinstance(o, str) else "\x00".join(o))


# ---------------------------------------------------------------- cache


@cache
def code_digest() -> str:
    """A digest of cyberkg's code, word lists, ontology and shapes: what a cached map result depends on."""
    from . import __version__
    from .resources import ontology_files, shapes_files

    h = hashlib.sha256(f"cyberkg {__version__}\n".encode())
    package = Path(__file__).resolve().parent
    files = sorted(p for p in package.rglob("*") if p.suffix in (".py", ".txt", ".rq") and p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        h.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    for item in (*ontology_files(), *shapes_files()):
        h.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    return h.hexdigest()


def cache_key(pages: Sequence[Page], settings: Settings, *, distinct: bool) -> str:
    """The key of a conference's map result: its pages (names and bytes), the settings and the code."""
    h = hashlib.sha256(code_digest().encode())
    h.update(repr((settings, distinct)).encode())
    for page in pages:
        h.update(b"\0" + page.name.encode() + b"\0" + page.where.encode() + b"\0" + page.sha256.encode())
    return h.hexdigest()


class BuildCache:
    """Map results on disk, named by :func:`cache_key`: per conference, its Turtle, its N-Quads and a summary.

    The summary (a pickle of the result without its text) is written last,
    so an entry counts only when it is whole, and a build reads the small
    summaries first and the text only while it writes the outputs. Safe to
    share between builds that run at the same time: every file is written to
    a temporary file and renamed into place.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> ConferenceResult | None:
        """The summary of a cached conference (its result without the text)."""
        try:
            with open(self.path(key), "rb") as fh:
                result = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError):
            return None
        return result if isinstance(result, ConferenceResult) else None

    def heads_path(self) -> Path:
        return self.folder / f"heads-{code_digest()[:16]}.pickle"

    def get_heads(self) -> dict[str, PageHead]:
        """The heads of pages scanned before, by the SHA-256 of their bytes."""
        try:
            with open(self.heads_path(), "rb") as fh:
                heads = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError):
            return {}
        return heads if isinstance(heads, dict) else {}

    def put_heads(self, heads: dict[str, PageHead]) -> None:
        self._write(self.heads_path(), heads)

    def get_report(self, key: str) -> ValidationReport | None:
        """A validation report kept under ``key`` (see :func:`validate_merged`)."""
        try:
            with open(self.folder / "merged" / f"{key}.pickle", "rb") as fh:
                report = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError):
            return None
        return report if isinstance(report, ValidationReport) else None

    def put_report(self, key: str, report: ValidationReport) -> None:
        self._write(self.folder / "merged" / f"{key}.pickle", report)

    def put(self, key: str, result: ConferenceResult) -> None:
        self._write(self.path(key).with_suffix(".ttl"), result.turtle.encode("utf-8"))
        self._write(self.path(key).with_suffix(".nq"), result.nquads.encode("utf-8"))
        self._write(self.path(key), result.summary())

    def shared(self, key: str) -> tuple[Triple, ...]:
        """What a cached conference states about shared nodes.

        Raises:
            OutputError: the entry is gone (removed while the build ran).
        """
        result = self.get(key)
        if result is None:
            raise OutputError(str(self.path(key)), "the build cache lost an entry while the build ran; build again")
        return result.shared

    def chunk(self, key: str) -> tuple[bytes, bytes] | None:
        """The Turtle and N-Quads of a cached conference."""
        try:
            return self.path(key).with_suffix(".ttl").read_bytes(), self.path(key).with_suffix(".nq").read_bytes()
        except OSError:
            return None

    def _write(self, target: Path, value: object) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        except OSError as exc:
            raise OutputError(str(self.folder), exc.strerror or str(exc)) from None
        try:
            with os.fdopen(fd, "wb") as fh:
                if isinstance(value, bytes):
                    fh.write(value)
                else:
                    pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except OSError as exc:
            raise OutputError(str(target), exc.strerror or str(exc)) from None
        finally:
            Path(tmp).unlink(missing_ok=True)


# ---------------------------------------------------------------- running the map


@dataclass(frozen=True, slots=True)
class Task:
    """One conference to map: its pages, and whether its key must be made distinct."""

    pages: tuple[Page, ...]
    distinct: bool


def scan_page(page: Page, *, encoding: str | None = None) -> PageHead | Rejected:
    """Parse one page for what ties it to a conference (a pure function, like :func:`map_conference`)."""
    try:
        return page_head(parse_bytes(page.data, name=page.name, where=page.where, encoding=encoding))
    except InputError as exc:
        return Rejected(page.where, exc.problem)
    except CyberkgError as exc:
        return Rejected(page.where, str(exc))


def scan_pages(
    pages: Sequence[Page], *, store: BuildCache, jobs: int = 1, scheduler: str | None = None, encoding: str | None = None
) -> list[PageHead | Rejected]:
    """The :class:`PageHead` of every page (or why it cannot be read), from the cache where it has them."""
    known = store.get_heads()

    def key(page: Page) -> str:  # the same bytes read in another encoding are another page
        return page.sha256 if encoding is None else f"{page.sha256}|{encoding}"

    todo = [i for i, page in enumerate(pages) if key(page) not in known]
    found: dict[int, PageHead | Rejected] = {}
    _run(
        scan_page,
        [(pages[i],) for i in todo],
        {"encoding": encoding},
        jobs=jobs,
        scheduler=scheduler,
        finish=lambda n, r: found.__setitem__(todo[n], r),
        weights=[len(pages[i].data) for i in todo],
    )
    new = {key(pages[i]): r for i, r in found.items() if isinstance(r, PageHead)}
    if new:
        store.put_heads({**known, **new})
    return [found[i] if i in found else known[key(page)] for i, page in enumerate(pages)]


def run_map(
    tasks: Sequence[Task],
    settings: Settings,
    *,
    store: BuildCache,
    jobs: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> tuple[list[ConferenceResult | MapFailure], int]:
    """Map every task, from the cache where it holds the result, else in ``jobs`` processes or on a Dask cluster.

    Results are written to ``store`` as they arrive (by the workers
    themselves when they run here), and kept in memory without their text
    and their shared triples (see :meth:`BuildCache.shared`). Returns the results in the order of ``tasks`` and
    how many were mapped (not found in the cache).
    """
    keys = [cache_key(t.pages, settings, distinct=t.distinct) for t in tasks]
    results: list[ConferenceResult | MapFailure | None] = [None] * len(tasks)
    done = 0

    def finish(i: int, result: ConferenceResult | MapFailure, *, cached: bool = False) -> None:
        nonlocal done
        if isinstance(result, ConferenceResult):
            if not cached:
                store.put(keys[i], result)
            result = result.summary(shared=False)  # the reduce reads what it shares back from the cache
        results[i] = result
        done += 1
        if progress is not None:
            progress(done, len(tasks), tasks[i].pages[0].where)

    todo = []
    for i, key in enumerate(keys):
        hit = store.get(key)
        if hit is not None:
            finish(i, hit, cached=True)
        else:
            todo.append(i)
    if scheduler:  # Dask workers may not see the cache folder: the results come back whole
        fn, args = map_conference, [(tasks[i].pages, settings) for i in todo]
    else:  # local workers write their chunk to the cache and send back only the summary
        fn, args = map_to_cache, [(tasks[i].pages, settings, keys[i], store.folder) for i in todo]
    _run(
        fn,
        args,
        [{"distinct": tasks[i].distinct} for i in todo],
        jobs=jobs,
        scheduler=scheduler,
        finish=lambda n, result: finish(todo[n], result, cached=not scheduler),
        weights=[sum(len(p.data) for p in tasks[i].pages) for i in todo],
        isolate=True,
    )
    return [r for r in results if r is not None], len(todo)


def _run(
    fn,
    args: Sequence[tuple],
    kwargs,
    *,
    jobs: int,
    scheduler: str | None,
    finish: Callable[[int, object], None],
    weights: Sequence[int] | None = None,
    isolate: bool = False,
) -> None:
    """Call ``fn(*args[n], **kwargs[n])`` for every n, here, in a process pool or on Dask; pass each result to ``finish``.

    A pool takes the heaviest calls first (by ``weights``, the bytes each reads), so no
    long one is left to run alone at the end; results are keyed by n, so the order
    they arrive in changes nothing. With ``isolate``, even one job runs in a worker
    process once there are more calls than a worker takes (:data:`TASKS_PER_WORKER`):
    what the calls leave in a heap is then dropped with the worker, and the
    build's own memory does not grow with the corpus.
    """
    if not args:
        return
    kw = kwargs if isinstance(kwargs, list) else [kwargs] * len(args)
    if scheduler:
        _run_dask(fn, args, kw, scheduler, finish)
    elif len(args) <= 1 or (jobs <= 1 and not (isolate and len(args) > TASKS_PER_WORKER)):
        for n, a in enumerate(args):
            finish(n, fn(*a, **kw[n]))
    else:
        order = sorted(range(len(args)), key=lambda n: (-weights[n], n)) if weights is not None else list(range(len(args)))
        _run_pool(fn, args, kw, jobs, finish, order)


def start_workers() -> None:
    """Start the server that pool workers are forked from, so it loads cyberkg while the build reads its inputs."""
    context = _pool_context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


#: With a start method other than fork, a worker process maps this many conferences, then a fresh one
#: takes its place: what a long run leaves in a worker (freed but unreturned memory) does not pile up.
TASKS_PER_WORKER = 25


def _pool_context():
    """How workers start: forked from a small server process that has cyberkg loaded, where the platform can.

    A fork of the build itself would copy its threads' locks (a deadlock when a
    worker is replaced mid-run) and its heap (which grows with the corpus).
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["cyberkg.worker"])
        return context
    return multiprocessing.get_context("spawn")


def _run_pool(fn, args, kw, jobs, finish, order: Sequence[int]) -> None:
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    window = 2 * jobs  # a bounded number in flight keeps the memory flat on big corpora
    pending = iter(order)
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(args))), mp_context=_pool_context(), max_tasks_per_child=TASKS_PER_WORKER) as pool:
        running = {}
        try:
            for n in pending:
                running[pool.submit(fn, *args[n], **kw[n])] = n
                if len(running) >= window:
                    break
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    finish(running.pop(future), future.result())
                    nxt = next(pending, None)
                    if nxt is not None:
                        running[pool.submit(fn, *args[nxt], **kw[nxt])] = nxt
        except BaseException:
            for future in running:
                future.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _run_dask(fn, args, kw, scheduler, finish) -> None:
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise CyberkgError("--scheduler needs Dask: pip install 'cyberkg[dask]'") from None
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise CyberkgError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        futures = {client.submit(fn, *a, **kw[n], pure=False): n for n, a in enumerate(args)}
        for future in as_completed(list(futures)):
            finish(futures[future], future.result())
            future.release()
    finally:
        client.close()


# ---------------------------------------------------------------- reduce


@dataclass
class SharedTable:
    """The shared nodes of the whole corpus, merged by IRI: what each conference states about them."""

    # node → predicate → object → how many conferences state it
    nodes: dict[str, dict[str, Counter]] = field(default_factory=dict)
    # node → conferences that state something about it
    stated_by: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, conference: str, triples: Iterable[Triple]) -> None:
        for s, p, o in triples:
            self.nodes.setdefault(s, {}).setdefault(p, Counter())[o] += 1
            self.stated_by[s].add(conference)


@dataclass(frozen=True, slots=True)
class MergedShared:
    """Shared nodes after the merge: their triples, the merge records, and what was reconciled."""

    triples: tuple[Triple, ...]
    merges: tuple[Triple, ...]
    merged_nodes: frozenset[str]
    relabelled: int  # nodes whose spellings differed between conferences
    conflicts: int  # single-valued properties with different values in different conferences (most stated kept)
    types: dict[str, tuple[str, ...]]


@cache
def single_valued() -> frozenset[str]:
    """Properties that the shapes allow once per node (``sh:maxCount 1``)."""
    shapes = load_shapes()
    return frozenset(str(path) for shape in shapes.subjects(SH.maxCount, None) if str(shapes.value(shape, SH.maxCount)) == "1" for path in shapes.objects(shape, SH.path) if isinstance(path, URIRef))


def merge_shared(table: SharedTable, base: str) -> MergedShared:
    """Reconcile the shared nodes: one value for each single-valued property, one label, a record of each merge.

    The label kept is the one most conferences use (ties: the first in
    case-folded, then code-point order); the others become
    ``skos:altLabel``. Other single-valued properties keep the most stated
    value. Every minted node stated by two conferences or more gets a
    ``ckg:CorpusMerge`` record listing them, with its rule (the same key).
    """
    functional = single_valued()
    mint = Minter(base)
    out: list[Triple] = []
    merges: list[Triple] = []
    merged: set[str] = set()
    relabelled = conflicts = 0
    types: dict[str, tuple[str, ...]] = {}
    for node in sorted(table.nodes):
        preds = table.nodes[node]
        alt: set[Term] = set(preds.get(_ALT, ()))
        kept_labels: set[Term] = set()
        node_relabelled = False
        for p in sorted(preds):
            values = preds[p]
            if p == _ALT:
                continue
            if len(values) > 1 and p in functional:
                chosen = min(values, key=lambda o: (-values[o], _fold(o), _plain_key(o)))
                if p in LABELS:
                    alt.update(o for o in values if o != chosen)
                    node_relabelled = True
                else:
                    conflicts += 1
                kept = [chosen]
            else:
                kept = sorted(values, key=_plain_key)
            if p in LABELS:
                kept_labels.update(kept)
            out.extend((node, p, o) for o in kept)
        out.extend((node, _ALT, o) for o in sorted(alt - kept_labels, key=_plain_key))
        relabelled += node_relabelled
        types[node] = tuple(sorted(o for o in preds.get(TYPE, ()) if isinstance(o, str)))
        conferences = table.stated_by.get(node, set())
        if len(conferences) > 1 and node.startswith(base):
            merged.add(node)
            record = str(mint.merge(node))
            merges += [(record, TYPE, str(CKG.CorpusMerge)), (record, str(CKG.mergedNode), node), (record, str(CKG.mergeRule), str(CKG.SameKeyRule))]
            merges += [(record, str(CKG.mergedFrom), conf) for conf in sorted(conferences)]
    return MergedShared(tuple(out), tuple(merges), frozenset(merged), relabelled, conflicts, types)


def _fold(term: Term) -> str:
    return (term if isinstance(term, str) else term[0]).casefold()


def _plain_key(term: Term) -> tuple:
    return (term,) if isinstance(term, str) else term


def reconciled_results(reports: Iterable[ValidationReport], base: str) -> tuple[list[ValidationReport], list[ValidationResult]]:
    """Set aside the map's results that the reduce decides anew: labels and single values of shared nodes.

    Returns the reports without those results, and the results set aside:
    their nodes are checked again once merged (see :func:`validate_merged`),
    and :func:`restore_quotes` gives the results found again their quotes.
    """
    decided = single_valued() | set(LABELS)
    kept: list[ValidationReport] = []
    aside: list[ValidationResult] = []
    for report in reports:
        results = []
        for r in report.results:
            (aside if r.path in decided and not is_local(r.focus, base) else results).append(r)
        kept.append(ValidationReport(conforms=not any(r.severity is Severity.VIOLATION for r in results), results=tuple(results)))
    return kept, aside


def restore_quotes(report: ValidationReport, aside: Iterable[ValidationResult]) -> ValidationReport:
    """The merged nodes' results, with the evidence quote of the same result in a conference's report."""
    quotes: dict[tuple, str] = {}
    for r in aside:
        if r.quote is not None:
            key = (r.focus, r.path, r.message, r.shape, r.value)
            quotes[key] = min(quotes.get(key, r.quote), r.quote)
    results = tuple(
        ValidationResult(r.focus, r.path, r.message, r.shape, r.severity, r.value, r.quote or quotes.get((r.focus, r.path, r.message, r.shape, r.value)))
        for r in report.results
    )
    return ValidationReport(conforms=report.conforms, results=results)


MERGED_BATCH_TRIPLES = 50_000


def validate_merged(
    merged: MergedShared,
    *,
    again: Iterable[str] = (),
    store: BuildCache | None = None,
    validator: str = "pyshacl-turbo",
    batch_triples: int = MERGED_BATCH_TRIPLES,
) -> ValidationReport:
    """Run the shapes once on the nodes that several conferences state, as merged.

    The checked nodes are validated in batches of about ``batch_triples``
    triples, so the memory this takes does not grow with the corpus. A batch
    holds its nodes' triples, the triples of checked nodes that point to them
    (a post's holder), the classes of every node these point to or come from,
    every ``org:unitOf`` (a cycle can close across conferences) and the merge
    records of its nodes: all that a shape reads about a node, so the results
    are those of one graph of all checked nodes (a test compares them).
    Evidence is a statement of each conference and was checked in its map, so
    results on ``ckg:evidence`` are left out, as are results on nodes that no
    merge touched. ``again`` names more nodes to check: those whose labels a
    conference's own report found wrong, and which the merge may have set
    right. With ``store``, the report is kept under the digest of the checked
    triples, so a rebuild in which no shared node changed does not validate
    them again.
    """
    checked = merged.merged_nodes | set(again)
    if not checked:
        return ValidationReport(conforms=True, results=())
    unit_of = str(ORG.unitOf)
    outgoing: dict[str, list[Triple]] = {}
    incoming: dict[str, list[Triple]] = {}
    spanning: list[Triple] = []
    for t in merged.triples:
        s, p, o = t
        if s in checked:
            outgoing.setdefault(s, []).append(t)
            if isinstance(o, str) and o in checked and o != s:
                incoming.setdefault(o, []).append(t)
        if p == unit_of:
            spanning.append(t)
    records: dict[str, list[Triple]] = {}
    about = {s: o for s, p, o in merged.merges if p == str(CKG.mergedNode)}
    for t in merged.merges:
        records.setdefault(about.get(t[0], ""), []).append(t)
    nodes = sorted(checked)
    digest = hashlib.sha256(("merged " + validator + code_digest()).encode("utf-8"))
    for node in nodes:
        for t in sorted([*outgoing.get(node, ()), *records.get(node, ())], key=_triple_key):
            digest.update(repr(t).encode("utf-8"))
    for t in sorted(spanning, key=_triple_key):
        digest.update(repr(t).encode("utf-8"))
    key = digest.hexdigest()
    if store is not None:
        known = store.get_report(key)
        if known is not None:
            return known

    def batch_triples_of(batch: list[str]) -> list[Triple]:
        triples: set[Triple] = set(spanning)
        for node in batch:
            triples.update(outgoing.get(node, ()))
            triples.update(records.get(node, ()))
            for t in incoming.get(node, ()):
                triples.add(t)
                triples.update(x for x in outgoing.get(t[0], ()) if x[1] == TYPE)
        for _, _, o in list(triples):
            if isinstance(o, str):
                triples.update((o, TYPE, cls) for cls in merged.types.get(o, ()))
        return sorted(triples, key=_triple_key)

    results: set[ValidationResult] = set()
    batch: list[str] = []
    size = 0
    for i, node in enumerate(nodes):
        batch.append(node)
        size += len(outgoing.get(node, ())) + len(incoming.get(node, ())) + len(records.get(node, ()))
        if size < batch_triples and i + 1 < len(nodes):
            continue
        focus = set(batch) | {t[0] for n in batch for t in records.get(n, ())}
        report = validate(_to_graph(batch_triples_of(batch)), validator=Validator(validator))
        results.update(r for r in report.results if r.focus in focus and r.path != _EVIDENCE)
        batch, size = [], 0
    if "" in records:  # a record that names no node: checked on its own
        report = validate(_to_graph(sorted(records[""], key=_triple_key)), validator=Validator(validator))
        results.update(r for r in report.results if r.path != _EVIDENCE)
    result = combine_reports([ValidationReport(conforms=True, results=tuple(results))])
    if store is not None:
        store.put_report(key, result)
    return result


def _to_graph(triples: Iterable[Triple]) -> Graph:
    from rdflib import Literal

    def term(t: Term):
        if isinstance(t, str):
            return URIRef(t)
        lexical, language, datatype = t
        return Literal(lexical, lang=language or None, datatype=URIRef(datatype) if datatype else None)

    graph = Graph()
    for s, p, o in triples:
        graph.add((URIRef(s), URIRef(p), term(o)))
    return graph


def combine_reports(reports: Iterable[ValidationReport]) -> ValidationReport:
    """One report from the conferences' and the merge's, results sorted as :func:`validate` sorts them."""
    results: set[ValidationResult] = set()
    for report in reports:
        results.update(report.results)
    ordered = sorted(results, key=lambda r: tuple(x or "" for x in (r.focus, r.path, r.message, r.shape, r.value, r.quote)))
    return ValidationReport(conforms=not any(r.severity is Severity.VIOLATION for r in ordered), results=tuple(ordered))


def stream_chunks(store: BuildCache, keys: Sequence[str]) -> Iterator[tuple[bytes, bytes]]:
    """The Turtle and N-Quads of each conference, one at a time, read back from the cache in the order given."""
    for key in keys:
        chunk = store.chunk(key)
        if chunk is None:
            raise OutputError(str(store.path(key)), "the build cache lost an entry while the build ran; build again")
        yield chunk
