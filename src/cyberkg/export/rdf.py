"""Serialize graphs to every standard RDF syntax, byte-identical for the same graph.

Triples (one graph): Turtle, N-Triples and JSON-LD, by :func:`serialize`.
Quads (one named graph per conference): N-Quads and TriG, by
:func:`serialize_dataset`, which takes ``(graph name, graph)`` pairs. A
streaming writer can call :func:`nquads_graph` (or :func:`nquads_from_ntriples`
on a worker's N-Triples), or :func:`trig_header` and :func:`trig_graph`, once
per conference and concatenate what they return: the result is the same bytes
as :func:`serialize_dataset` over the same pairs in the same order.

Turtle (and the body of each TriG graph) is written by a small writer of
cyberkg's own: rdflib's Turtle serializer is deterministic for graphs without
blank nodes but takes tens of seconds on a graph of 100,000 triples, while
this one is linear. It groups subjects by class (conferences first, evidence
last) and sorts everything else, so the file reads top-down. JSON-LD is
written here too, compacted with the context shipped in the package
(``cyberkg/context.jsonld``): rdflib's JSON-LD writer follows the graph's
hash order, and pyoxigraph's writes expanded IRIs only. N-Triples and N-Quads
are rdflib's lines, sorted.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from ..vocab import CKG, OA, ORG, PREFIXES, SCHEMA, SH

#: Syntax name → file suffix, for the syntaxes of one graph.
FORMATS = {"turtle": "ttl", "nt": "nt", "json-ld": "jsonld"}
#: Syntax name → file suffix, for the syntaxes with one named graph per conference.
DATASET_FORMATS = {"nquads": "nq", "trig": "trig"}
#: Media type of each syntax.
MEDIA_TYPES = {
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "json-ld": "application/ld+json",
    "nquads": "application/n-quads",
    "trig": "application/trig",
}

# Subjects of these classes come first, in this order; the rest follow.
_CLASS_ORDER = (
    SH.ValidationReport,
    SH.ValidationResult,
    CKG.Transcript,
    CKG.PressConference,
    CKG.Turn,
    SCHEMA.Person,
    ORG.Post,
    ORG.Role,
    ORG.Organization,
    CKG.UnresolvedMention,
    CKG.Evidence,
    OA.TextPositionSelector,
    OA.TextQuoteSelector,
)
_RANK = {cls: i for i, cls in enumerate(_CLASS_ORDER)}
_LOCAL_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_INTEGER_RE = re.compile(r"[+-]?\d+")


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """Serialize ``graph`` in ``fmt`` (a key of :data:`FORMATS`) as UTF-8 bytes.

    Raises:
        ValueError: ``fmt`` is not a syntax of one graph.
    """
    if fmt == "turtle":
        return turtle(graph)
    if fmt == "nt":
        return _sorted_lines(graph.serialize(format="nt"))
    if fmt == "json-ld":
        return jsonld(graph)
    raise ValueError(f"unknown RDF syntax {fmt!r} for one graph (use one of {', '.join(FORMATS)})")


def serialize_dataset(graphs: Iterable[tuple[URIRef, Graph]], fmt: str) -> bytes:
    """Serialize named graphs in ``fmt`` (a key of :data:`DATASET_FORMATS`), in the order given.

    ``graphs`` pairs each graph name (a conference IRI) with that conference's
    triples. A triple that two conferences share (a person, a unit) is in both
    graphs; the union of the graphs is the whole graph.

    Raises:
        ValueError: ``fmt`` is not a syntax of named graphs.
    """
    pairs = list(graphs)
    if fmt == "nquads":
        return b"".join(nquads_graph(name, graph) for name, graph in pairs)
    if fmt == "trig":
        prefixes = _prefixes(graph for _, graph in pairs)
        return trig_header(prefixes) + b"".join(trig_graph(name, graph, prefixes) for name, graph in pairs)
    raise ValueError(f"unknown RDF syntax {fmt!r} for named graphs (use one of {', '.join(DATASET_FORMATS)})")


def nquads_graph(name: URIRef, graph: Graph) -> bytes:
    """The N-Quads lines of ``graph`` in the named graph ``name``, sorted."""
    return nquads_from_ntriples(name, graph.serialize(format="nt"))


def nquads_from_ntriples(name: URIRef | str, ntriples: str) -> bytes:
    """N-Triples text (one conference's, as a worker may return it) as sorted N-Quads lines in graph ``name``.

    >>> nt = '<https://e.org/b> <https://e.org/p> "x" .' + chr(10) + '<https://e.org/a> <https://e.org/p> "y" .'
    >>> nquads_from_ntriples("https://e.org/c1", nt).decode().splitlines()[0]
    '<https://e.org/a> <https://e.org/p> "y" <https://e.org/c1> .'
    """
    suffix = f" <{_escape_iri(str(name))}> ."
    lines = sorted(line.rstrip()[: -len(" .")] + suffix for line in ntriples.splitlines() if line.rstrip().endswith(" ."))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def trig_header(prefixes: list[tuple[str, str]]) -> bytes:
    """The prefix lines that open a TriG file (see :func:`trig_graph`)."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes).encode("utf-8")


def trig_graph(name: URIRef, graph: Graph, prefixes: list[tuple[str, str]]) -> bytes:
    """One named graph of a TriG file, written with ``prefixes`` (those of :func:`trig_header`)."""
    _, blocks = _turtle_blocks(graph, prefixes)
    # Blocks are not indented: a long literal's lines must stay as they are.
    return f"\n<{_escape_iri(str(name))}> {{\n" .encode() + "\n".join(blocks).encode("utf-8") + b"}\n"


def trig_prefixes(base: str) -> list[tuple[str, str]]:
    """The prefixes of a TriG file of graphs built under ``base``: a streaming writer's header."""
    return [(p, str(ns)) for p, ns in PREFIXES] + [("id", base)]


@cache
def jsonld_context() -> dict[str, str]:
    """The JSON-LD context shipped with cyberkg: its prefixes (``cyberkg/context.jsonld``)."""
    return json.loads((files("cyberkg") / "context.jsonld").read_text(encoding="utf-8"))["@context"]


def jsonld(graph: Graph) -> bytes:
    """Deterministic JSON-LD, compacted with cyberkg's context (and ``id`` for the instance base)."""
    context = dict(jsonld_context())
    context.update((p, str(ns)) for p, ns in sorted(graph.namespaces()) if p and p not in context)
    by_length = sorted(context.items(), key=lambda item: -len(item[1]))

    def compact(iri: object) -> str:
        text = str(iri)
        for prefix, ns in by_length:
            local = text[len(ns) :]
            if text.startswith(ns) and local and not local.startswith("//"):
                return f"{prefix}:{local}"
        return text

    def value(node: object) -> object:
        if isinstance(node, URIRef):
            return {"@id": compact(node)}
        if not isinstance(node, Literal):
            raise ValueError(f"cannot write {node!r} as JSON-LD: cyberkg graphs have no blank nodes")
        if node.language:
            return {"@value": str(node), "@language": node.language}
        if node.datatype is None or node.datatype == XSD.string:
            return str(node)
        return {"@value": str(node), "@type": compact(node.datatype)}

    subjects: dict[object, dict[object, list[object]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        subjects[s][p].append(o)
    nodes = []
    for subject in sorted(subjects, key=lambda s: _natural(str(s))):
        entry: dict[str, object] = {"@id": compact(subject)}
        for p in sorted(subjects[subject], key=str):
            objects = subjects[subject][p]
            if p == RDF.type:
                entry["@type"] = sorted(compact(o) for o in objects)
                continue
            values = [value(o) for o in objects]
            entry[compact(p)] = sorted(values, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
        nodes.append(entry)
    document = {"@context": context, "@graph": nodes}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _sorted_lines(text: str) -> bytes:
    lines = sorted(line for line in text.splitlines() if line)
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _prefixes(graphs: Iterable[Graph]) -> list[tuple[str, str]]:
    """cyberkg's prefixes, then any other prefix the graphs bind, sorted."""
    prefixes = [(p, str(ns)) for p, ns in PREFIXES]
    known = {p for p, _ in prefixes}
    extra = {(p, str(ns)) for graph in graphs for p, ns in graph.namespaces() if p and p not in known}
    return prefixes + sorted(extra)


def turtle(graph: Graph) -> bytes:
    """Deterministic Turtle for a graph without blank nodes."""
    prefixes = _prefixes([graph])
    used, blocks = _turtle_blocks(graph, prefixes)
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes if p in used)
    return (header + "\n" + "\n".join(blocks)).encode("utf-8")


def _turtle_blocks(graph: Graph, prefixes: list[tuple[str, str]]) -> tuple[set[str], list[str]]:
    """The Turtle block of each subject, in the file's order, and the prefixes they use."""
    by_length = sorted(prefixes, key=lambda item: -len(item[1]))
    used: set[str] = set()

    def name(iri: URIRef) -> str:
        text = str(iri)
        for prefix, ns in by_length:
            if text.startswith(ns) and _LOCAL_RE.fullmatch(text[len(ns) :]):
                used.add(prefix)
                return f"{prefix}:{text[len(ns):]}"
        return f"<{_escape_iri(text)}>"

    def term(node: object) -> str:
        if isinstance(node, URIRef):
            return name(node)
        if isinstance(node, Literal):
            return literal(node)
        raise ValueError(f"cannot write {node!r} as Turtle: cyberkg graphs have no blank nodes")

    def literal(lit: Literal) -> str:
        lexical = _quote(str(lit))
        if lit.language:
            return f"{lexical}@{lit.language}"
        if lit.datatype is None or lit.datatype == XSD.string:
            return lexical
        if lit.datatype == XSD.integer and _INTEGER_RE.fullmatch(str(lit)):
            return str(lit)
        if lit.datatype == XSD.boolean and str(lit) in ("true", "false"):
            return str(lit)
        return f"{lexical}^^{name(lit.datatype)}"

    subjects: dict[object, dict[object, list[object]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        subjects[s][p].append(o)

    def rank(subject: object) -> tuple[int, list[str | int]]:
        types = subjects[subject].get(RDF.type, [])
        first = min((_RANK.get(t, len(_RANK)) for t in types), default=len(_RANK) + 1)
        return (first, _natural(str(subject)))

    blocks = []
    for subject in sorted(subjects, key=rank):
        preds = subjects[subject]
        order = sorted(preds, key=lambda p: (p != RDF.type, str(p)))
        lines = []
        for p in order:
            objects = sorted(preds[p], key=lambda o: (isinstance(o, Literal), str(o), str(getattr(o, "datatype", ""))))
            verb = "a" if p == RDF.type else name(p)
            lines.append(f"    {verb} " + ",\n        ".join(term(o) for o in objects))
        blocks.append(term(subject) + "\n" + " ;\n".join(lines) + " .\n")
    return used, blocks


def _natural(text: str) -> list[str | int]:
    """Sort key that puts "turn/2" before "turn/10".

    >>> sorted(["t/10", "t/2"], key=_natural)
    ['t/2', 't/10']
    """
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _quote(text: str) -> str:
    """A Turtle string literal, long-quoted when it holds line breaks."""
    text = text.replace("\\", "\\\\")
    if "\n" in text or "\r" in text:
        text = text.replace('"', '\\"').replace("\r", "\\r")
        return f'"""{text}"""'
    return '"' + text.replace('"', '\\"') + '"'


def _escape_iri(text: str) -> str:
    return "".join(ch if ch not in '<>"{}|^`\\' and ord(ch) > 0x20 else f"\\u{ord(ch):04X}" for ch in text)
