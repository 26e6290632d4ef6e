"""Load built graphs into triple stores, one named graph per conference, and serve them.

* :func:`load_store` loads into an embedded pyoxigraph store (a folder on disk).
* :func:`load_endpoint` loads into any server that speaks the SPARQL 1.1 Graph
  Store Protocol (Oxigraph server, Apache Jena Fuseki, GraphDB): one HTTP PUT
  per conference graph, which replaces that graph.
* :func:`serve_command` is the command that serves a store folder over SPARQL
  on 127.0.0.1 with the Oxigraph server (the ``oxigraph`` package, installed
  by the ``serve`` extra); cyberkg does not run an HTTP server of its own.

Each conference goes in the named graph of its IRI. Loading a conference
again replaces its graph, so a reload never duplicates triples.
"""

from __future__ import annotations

import shutil
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError
from .query import data_file, rdf_format
from .vocab import CKG

_QUAD_SYNTAXES = (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)


@dataclass(frozen=True, slots=True)
class LoadedGraph:
    """One conference graph loaded: its name (the conference IRI) and how many triples it holds."""

    name: str
    triples: int


def conference_graphs_of(paths: Iterable[Path]) -> list[tuple[ox.NamedNode, list[ox.Triple]]]:
    """Read built graphs and cut them into one graph per conference, sorted by conference IRI.

    ``paths`` are build folders (their ``graph.nq`` when there is one, else
    their graph file) or RDF files. N-Quads and TriG keep their
    named graphs (one per conference, as cyberkg writes them); triples in
    their default graph (a build's shared nodes) go into each conference
    graph that reaches them (see :func:`_share`). A graph in a
    triple syntax (Turtle, N-Triples, JSON-LD) is split by conference with
    :func:`cyberkg.rdf.split_by_conference`.

    Raises:
        StoreError: a file cannot be read as RDF, or holds no conference.
    """
    graphs: dict[str, set[ox.Triple]] = defaultdict(set)
    shared: list[ox.Triple] = []
    for given in paths:
        # A build folder's N-Quads, where written, already hold one graph per conference.
        path = given / "graph.nq" if given.is_dir() and (given / "graph.nq").is_file() else data_file(given)
        fmt = rdf_format(path)
        try:
            if fmt in _QUAD_SYNTAXES:
                for quad in ox.parse(path=str(path), format=fmt):
                    if isinstance(quad.graph_name, ox.DefaultGraph):
                        shared.append(quad.triple)  # a build's shared nodes (people, bodies, merge records)
                    else:
                        graphs[quad.graph_name.value].add(quad.triple)
            else:
                for name, triples in _split_triples(list(ox.parse(path=str(path), format=fmt))):
                    graphs[name].update(triples)
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(f"{path}: cannot be read as RDF ({' '.join(str(exc).split())})") from None
        if not graphs:
            raise StoreError(f"{path}: holds no conference (no ckg:PressConference)")
    if shared:
        _share(graphs, shared)
    return [(ox.NamedNode(name), sorted(graphs[name], key=str)) for name in sorted(graphs)]


def _share(graphs: dict[str, set[ox.Triple]], shared: Sequence[ox.Triple]) -> None:
    """Put the default graph's triples (a build's shared nodes) into each conference graph that reaches them.

    A shared node is in a conference's graph when a node of that graph links
    to it, directly or through other shared nodes (a person, the post they
    hold, the body of the post, its parent body); a merge record is in the
    graph of each conference it was merged from. So a conference's graph
    stands alone, and the union of the graphs is the whole graph.
    """
    by_subject: dict[ox.NamedNode, list[ox.Triple]] = defaultdict(list)
    merged_from: dict[str, set[ox.NamedNode]] = defaultdict(set)
    for t in shared:
        by_subject[t.subject].append(t)
        if t.predicate.value == _MERGED_FROM and isinstance(t.object, ox.NamedNode):
            merged_from[t.object.value].add(t.subject)
    for name, triples in graphs.items():
        frontier = {term for t in triples for term in (t.subject, t.object) if term in by_subject}
        frontier |= merged_from.get(name, set())
        seen = set(frontier)
        while frontier:
            reached = set()
            for node in frontier:
                for t in by_subject[node]:
                    triples.add(t)
                    if t.object in by_subject and t.object not in seen:
                        reached.add(t.object)
            seen |= reached
            frontier = reached


_MERGED_FROM = str(CKG.mergedFrom)


def _split_triples(triples: Sequence[ox.Triple]) -> list[tuple[str, list[ox.Triple]]]:
    from rdflib import Graph

    from .rdf import split_by_conference

    graph = Graph()
    graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    out = []
    for name, part in split_by_conference(graph):
        nt = part.serialize(format="nt")
        out.append((str(name), [q.triple for q in ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)] if nt.strip() else []))
    return out


def load_store(paths: Sequence[Path], *, store: Path) -> tuple[LoadedGraph, ...]:
    """Load the conferences of ``paths`` into the pyoxigraph store in folder ``store``, replacing their graphs.

    Raises:
        StoreError: the data cannot be read, or the store cannot be opened (it is in use, or not a store).
    """
    graphs = conference_graphs_of(paths)
    try:
        db = ox.Store(str(store))
    except OSError as exc:
        raise StoreError(f"{store}: cannot open the store ({' '.join(str(exc).split())})") from None
    loaded = []
    try:
        for name, triples in graphs:
            db.remove_graph(name)
            db.extend(ox.Quad(t.subject, t.predicate, t.object, name) for t in triples)
            loaded.append(LoadedGraph(name.value, len(triples)))
        db.flush()
    finally:
        del db
    return tuple(loaded)


def load_endpoint(paths: Sequence[Path], *, endpoint: str, timeout: float = 60.0) -> tuple[LoadedGraph, ...]:
    """PUT each conference graph of ``paths`` to the Graph Store Protocol ``endpoint``.

    ``endpoint`` is the server's graph store URL: ``http://host:7878/store``
    for Oxigraph, ``http://host:3030/DATASET/data`` for Fuseki,
    ``http://host:7200/repositories/REPO/rdf-graphs/service`` for GraphDB.
    Each graph is sent as N-Triples to ``endpoint?graph=IRI``; a PUT replaces
    the graph.

    Raises:
        StoreError: the data cannot be read, or the server refuses a graph or cannot be reached.
    """
    parsed = urllib.parse.urlsplit(endpoint)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise StoreError(f"--endpoint {endpoint!r} must be an http(s) URL of a graph store")
    graphs = conference_graphs_of(paths)
    loaded = []
    for name, triples in graphs:
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        separator = "&" if parsed.query else "?"
        url = f"{endpoint}{separator}graph={urllib.parse.quote(name.value, safe='')}"
        request = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            raise StoreError(f"{endpoint}: the server refused graph {name.value} (HTTP {exc.code} {exc.reason})") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"{endpoint}: cannot reach the server ({' '.join(str(reason).split())})") from None
        loaded.append(LoadedGraph(name.value, len(triples)))
    return tuple(loaded)


def oxigraph_program() -> str:
    """The path of the Oxigraph server program, from the ``oxigraph`` package.

    Raises:
        MissingToolError: the program is not installed.
    """
    from .errors import MissingToolError

    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        raise MissingToolError("the Oxigraph server is not installed: pip install 'cyberkg[serve]'")
    return found


def serve_command(store: Path, *, port: int = 7878, host: str = "127.0.0.1") -> list[str]:
    """The command that serves the store folder read-only over SPARQL on ``host:port``.

    The default graph of queries is the union of the conference graphs.

    Raises:
        StoreError: ``store`` is not a store folder.
        MissingToolError: the Oxigraph server is not installed.
    """
    if not store.is_dir():
        raise StoreError(f"{store}: no such store folder (make one with cyberkg load --store)")
    if not 0 < port < 65536:
        raise StoreError(f"--port {port}: not a port number")
    return [oxigraph_program(), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}", "--union-default-graph"]
