"""Stage 5 — validate: check a graph against the SHACL shapes with pyshacl.

Non-conformance is a result, not an exception: :func:`validate` returns a
:class:`ValidationReport` whose results are plain data, and
:func:`report_graph` writes it back as a SHACL report with IRIs minted from
its content, so the report file is the same bytes on every run.
This is the only module that imports pyshacl.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from rdflib import Graph, Literal, URIRef

from .ids import Minter
from .rdf import new_graph
from .resources import ontology_files, shapes_files
from .vocab import CKG, OA, RDF, SH


class Severity(StrEnum):
    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """One SHACL result, in human terms."""

    focus: str
    path: str | None
    message: str
    shape: str
    severity: Severity
    value: str | None
    quote: str | None  # the first evidence quote of the focus node, if it has one


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    results: tuple[ValidationResult, ...]

    @property
    def violations(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity is Severity.VIOLATION)


@cache
def load_shapes() -> Graph:
    """All SHACL shapes, from every file in ``shapes/``."""
    graph = Graph()
    for file in shapes_files():
        graph.parse(data=file.read_text(encoding="utf-8"), format="turtle")
    return graph


@cache
def load_ontology() -> Graph:
    """The whole ontology, from every file in ``ontology/``."""
    graph = Graph()
    for file in ontology_files():
        graph.parse(data=file.read_text(encoding="utf-8"), format="turtle")
    return graph


def validate(graph: Graph) -> ValidationReport:
    """Validate ``graph`` against cyberkg's shapes, with the ontology's class hierarchy."""
    from pyshacl import validate as shacl_validate

    conforms, results_graph, _ = shacl_validate(
        graph,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    results = sorted(_results(results_graph, graph), key=lambda r: tuple(x or "" for x in (r.focus, r.path, r.message, r.shape, r.value)))
    return ValidationReport(conforms=bool(conforms), results=tuple(results))


def _results(report: Graph, data: Graph) -> list[ValidationResult]:
    out = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(node, SH.focusNode)
        path = report.value(node, SH.resultPath)
        value = report.value(node, SH.value)
        severity = report.value(node, SH.resultSeverity)
        messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
        shape = report.value(node, SH.sourceShape)
        out.append(
            ValidationResult(
                focus=_term(focus),
                path=_term(path) if path is not None else None,
                message=messages[0] if messages else "",
                shape=_shape_name(shape, path),
                severity=Severity(str(severity).rsplit("#", 1)[-1]) if severity else Severity.VIOLATION,
                value=_term(value) if value is not None else None,
                quote=_first_quote(data, focus),
            )
        )
    return out


def _term(term: object) -> str:
    return str(term) if not isinstance(term, Literal) else term.n3()


def _shape_name(shape: object, path: object) -> str:
    """The IRI of the named shape behind a result; an inline property shape names its node shape."""
    if isinstance(shape, URIRef):
        return str(shape)
    parent = next(iter(load_shapes().subjects(SH.property, shape)), None)
    return str(parent) if isinstance(parent, URIRef) else "(anonymous shape)"


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
    """The report as a SHACL ``sh:ValidationReport`` with deterministic IRIs."""
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
        if result.path is not None and not result.path.startswith("_:") and result.path.startswith("http"):
            graph.add((node, SH.resultPath, URIRef(result.path)))
        graph.add((node, SH.resultMessage, Literal(result.message)))
        graph.add((node, SH.resultSeverity, SH[result.severity.value]))
        if result.shape.startswith("http"):
            graph.add((node, SH.sourceShape, URIRef(result.shape)))
        if result.value is not None:
            graph.add((node, SH.value, Literal(result.value)))
        if result.quote is not None:
            graph.add((node, CKG.evidenceQuote, Literal(result.quote)))
    return graph


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
