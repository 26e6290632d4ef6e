"""Stage 5 — validate: check a graph against the SHACL shapes with pyshacl-turbo or pyshacl.

Non-conformance is a result, not an exception: :func:`validate` returns a
:class:`ValidationReport` whose results are plain data, and
:func:`report_graph` writes it back as a SHACL report with IRIs minted from
its content, so the report file is the same bytes on every run.
This is the only module that imports pyshacl or pyshacl-turbo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.util import from_n3

from .errors import MissingToolError
from .ids import Minter
from .rdf import new_graph
from .resources import ontology_files, shapes_files
from .vocab import CKG, OA, RDF, SH


class Validator(StrEnum):
    """The SHACL engine that checks a graph against the same shapes files.

    pyshacl is the validator of record; pyshacl-turbo is a compiled engine
    with pyshacl's API and report, about ten times faster on cyberkg's graphs.
    ``tests/test_validate_engines.py`` and ``bench/diff_validators.py`` show
    that both give the same conformance and the same results.
    """

    PYSHACL = "pyshacl"
    TURBO = "pyshacl-turbo"


#: The engine used when none is named: the fast one, with pyshacl one option away.
DEFAULT_VALIDATOR = Validator.TURBO


class Severity(StrEnum):
    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """One SHACL result, in human terms.

    ``focus`` and ``shape`` are IRIs; ``component`` is the IRI of the SHACL
    constraint component; ``path`` is an IRI, or a SPARQL property path such
    as ``^<…#holds>`` for a complex path; ``value`` is the offending term in
    N-Triples form (``<iri>`` or ``"text"^^<datatype>``), so its kind survives.
    """

    focus: str
    path: str | None
    message: str
    shape: str
    severity: Severity
    value: str | None
    quote: str | None  # the first evidence quote of the focus node, if it has one
    component: str = ""


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    results: tuple[ValidationResult, ...]

    @property
    def violations(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity is Severity.VIOLATION)


@cache
def load_shapes() -> Graph:
    """All SHACL shapes, from every file in ``shapes/``, parsed once per process.

    Property shapes written inline (``sh:property [ … ]``) get an IRI of
    their own, their node shape's IRI and their path (``…#PersonShape-name``),
    so every result names the exact shape it comes from and the report needs
    no blank nodes.
    """
    graph = Graph()
    for file in shapes_files():
        graph.parse(data=file.read_text(encoding="utf-8"), format="turtle")
    return _name_property_shapes(graph)


@cache
def load_ontology() -> Graph:
    """The whole ontology, from every file in ``ontology/``."""
    graph = Graph()
    for file in ontology_files():
        graph.parse(data=file.read_text(encoding="utf-8"), format="turtle")
    return graph


def validate(graph: Graph, *, validator: Validator = DEFAULT_VALIDATOR) -> ValidationReport:
    """Validate ``graph`` against cyberkg's shapes with ``validator``; ``graph`` is not changed.

    ``validator`` is the engine: pyshacl-turbo by default, or pyshacl, the
    validator of record. Both give the same results on the same shapes.

    The graph is checked as it is, without mixing the ontology in (which made
    pyshacl copy the whole graph): a cyberkg graph states every class of a
    node that the shapes test (an outlet is also an ``org:Organization``,
    a currency also a ``ckg:Unit``), and the shapes require it.
    """
    conforms, results_graph = _ENGINES[Validator(validator)](graph)
    results = sorted(_results(results_graph, graph), key=_result_key)
    return ValidationReport(conforms=bool(conforms), results=tuple(results))


def check_shapes() -> ValidationReport:
    """Validate cyberkg's shapes against SHACL-SHACL, the W3C shapes for shapes graphs (with pyshacl)."""
    try:  # pyshacl 0.27 moved it
        from pyshacl.entrypoints import meta_validate
    except ImportError:
        from pyshacl.validate import meta_validate

    conforms, results_graph, _ = meta_validate(load_shapes())
    results = sorted(_results(results_graph, Graph()), key=_result_key)
    return ValidationReport(conforms=bool(conforms), results=tuple(results))


def _result_key(r: ValidationResult) -> tuple[str, ...]:
    return tuple(x or "" for x in (r.focus, r.path, r.message, r.shape, r.value, r.component))


def _run_pyshacl(graph: Graph) -> tuple[bool, Graph]:
    from pyshacl import validate as shacl_validate

    # inplace: no copy of the data graph. Safe because nothing writes to it:
    # no inference, no ontology to mix in and no SHACL rules in the shapes.
    if not graph.store.context_aware:
        # pyshacl wraps the data graph in a ConjunctiveGraph, which needs a store with named graphs;
        # cyberkg builds its graphs in rdflib's lighter SimpleMemory store (see rdf.to_graph).
        copy = Graph(bind_namespaces="none")
        for prefix, ns in graph.namespaces():
            copy.bind(prefix, ns)
        copy += graph
        graph = copy
    conforms, results_graph, _ = shacl_validate(
        graph, shacl_graph=load_shapes(), inference="none", advanced=True, allow_warnings=True, inplace=True
    )
    return conforms, results_graph


@lru_cache(maxsize=4)
def _turbo_shapes(shapes: Graph):
    """The shapes compiled once per process (keyed by the shapes graph)."""
    try:
        import pyshacl_turbo
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise MissingToolError("the pyshacl-turbo validator needs the pyshacl-turbo package: pip install pyshacl-turbo") from exc
    return pyshacl_turbo.compile_shapes(shapes, advanced=True)


def _run_turbo(graph: Graph) -> tuple[bool, Graph]:
    conforms, results_graph, _ = _turbo_shapes(load_shapes()).validate(graph, allow_warnings=True)
    return conforms, results_graph


_ENGINES = {Validator.PYSHACL: _run_pyshacl, Validator.TURBO: _run_turbo}


def _results(report: Graph, data: Graph) -> list[ValidationResult]:
    out = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(node, SH.focusNode)
        path = report.value(node, SH.resultPath)
        value = report.value(node, SH.value)
        severity = report.value(node, SH.resultSeverity)
        messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
        shape = report.value(node, SH.sourceShape)
        component = report.value(node, SH.sourceConstraintComponent)
        out.append(
            ValidationResult(
                focus=str(focus),
                path=_path_text(report, path) if path is not None else None,
                message=messages[0] if messages else "",
                shape=_shape_name(shape),
                severity=Severity(str(severity).rsplit("#", 1)[-1]) if severity else Severity.VIOLATION,
                value=value.n3() if value is not None else None,
                quote=_first_quote(data, focus),
                component=str(component) if component is not None else "",
            )
        )
    return out


def _path_text(graph: Graph, path: object) -> str:
    """A SHACL path as SPARQL property-path text: an IRI as it is, ``^<p>``, ``<p>/<q>``, ``(<p>|<q>)``, ``<p>*``."""
    if isinstance(path, URIRef):
        return str(path)
    if (inverse := graph.value(path, SH.inversePath)) is not None:
        return f"^{_path_part(graph, inverse)}"
    if (alternatives := graph.value(path, SH.alternativePath)) is not None:
        return "(" + "|".join(_path_part(graph, p) for p in Collection(graph, alternatives)) + ")"
    for prop, suffix in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        if (inner := graph.value(path, prop)) is not None:
            return f"{_path_part(graph, inner)}{suffix}"
    if graph.value(path, RDF.first) is not None:
        return "/".join(_path_part(graph, p) for p in Collection(graph, path))
    return str(path)


def _path_part(graph: Graph, path: object) -> str:
    return f"<{path}>" if isinstance(path, URIRef) else _path_text(graph, path)


def _shape_name(shape: object) -> str:
    return str(shape) if isinstance(shape, URIRef) else "(anonymous shape)"


def _name_property_shapes(graph: Graph) -> Graph:
    """Give each inline property shape an IRI: its node shape's IRI, a dash and its path's local names."""
    renames: dict[BNode, URIRef] = {}
    for parent in sorted(set(graph.subjects(SH.property, None))):
        if not isinstance(parent, URIRef):
            continue
        inline = [p for p in graph.objects(parent, SH.property) if isinstance(p, BNode)]
        named = sorted(inline, key=lambda p: (_path_slug(graph, graph.value(p, SH.path)), str(graph.value(p, SH.message))))
        seen: dict[str, int] = {}
        for shape in named:
            slug = _path_slug(graph, graph.value(shape, SH.path))
            seen[slug] = seen.get(slug, 0) + 1
            suffix = "" if seen[slug] == 1 else f"-{seen[slug]}"
            renames.setdefault(shape, URIRef(f"{parent}-{slug}{suffix}"))
    if not renames:
        return graph
    named_graph = Graph()
    for prefix, ns in graph.namespaces():
        named_graph.bind(prefix, ns)
    for s, p, o in graph:
        named_graph.add((renames.get(s, s), p, renames.get(o, o)))
    return named_graph


def _path_slug(graph: Graph, path: object) -> str:
    """``org:holds`` → ``holds``, ``[ sh:inversePath org:holds ]`` → ``inv-holds``, ``( a b )`` → ``a-b``."""
    if isinstance(path, URIRef):
        return re.split(r"[#/]", str(path))[-1] or "path"
    if path is None:
        return "node"
    if (inverse := graph.value(path, SH.inversePath)) is not None:
        return f"inv-{_path_slug(graph, inverse)}"
    if graph.value(path, RDF.first) is not None:
        return "-".join(_path_slug(graph, p) for p in Collection(graph, path))
    return "path"


def _first_quote(data: Graph, focus: object) -> str | None:
    if focus is None:
        return None
    quotes = []
    for ev in data.objects(focus, CKG.evidence):
        for sel in data.objects(ev, OA.hasSelector):
            exact = data.value(sel, OA.exact)
            if exact is not None:
                quotes.append(str(exact))
    return min(quotes) if quotes else None


def report_graph(report: ValidationReport, *, base: str) -> Graph:
    """The report as a SHACL ``sh:ValidationReport`` with deterministic IRIs.

    Each result keeps the focus node, severity, constraint component, source
    shape, message, path and value the engine gave; ``sh:value`` keeps its
    kind (an IRI stays an IRI). A complex path is left out: ``sh:resultPath``
    is optional, and the source shape states it. The evidence quote is for
    the terminal only (:func:`format_result`).
    """
    graph = new_graph()
    mint = Minter(base)
    root = mint.validation_report()
    graph.add((root, RDF.type, SH.ValidationReport))
    graph.add((root, SH.conforms, Literal(report.conforms)))
    for n, result in enumerate(report.results, start=1):
        node = mint.validation_result(n)
        graph.add((root, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.focusNode, URIRef(result.focus)))
        if result.path is not None and _is_iri(result.path):
            graph.add((node, SH.resultPath, URIRef(result.path)))
        graph.add((node, SH.resultMessage, Literal(result.message)))
        graph.add((node, SH.resultSeverity, SH[result.severity.value]))
        if result.component:
            graph.add((node, SH.sourceConstraintComponent, URIRef(result.component)))
        if _is_iri(result.shape):
            graph.add((node, SH.sourceShape, URIRef(result.shape)))
        if result.value is not None:
            value = from_n3(result.value)
            if isinstance(value, URIRef | Literal):
                graph.add((node, SH.value, value))
    return graph


def _is_iri(text: str) -> bool:
    return bool(_IRI.fullmatch(text))


_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+")


def format_result(result: ValidationResult) -> str:
    """One result in human terms, for the terminal."""
    lines = [f"{result.severity.value}: {result.message}", f"  focus node: {result.focus}"]
    if result.path:
        lines.append(f"  path: {result.path}")
    if result.value:
        lines.append(f"  value: {result.value}")
    lines.append(f"  shape: {result.shape}")
    if result.quote:
        quote = result.quote if len(result.quote) <= 120 else result.quote[:117] + "..."
        lines.append(f"  evidence: \"{quote}\"")
    return "\n".join(lines)
