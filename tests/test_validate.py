"""Stage 5: SHACL validation — conformance, results in human terms, stable report."""

from __future__ import annotations

from rdflib import Literal

from cyberkg.export.rdf import serialize
from cyberkg.validate import format_result, report_graph, validate
from cyberkg.vocab import CKG, DEFAULT_BASE, ORG, RDF, SCHEMA, XSD


def copy(graph):
    new = type(graph)()
    for prefix, ns in graph.namespaces():
        new.bind(prefix, ns)
    for triple in graph:
        new.add(triple)
    return new


def test_sample_and_fixtures_conform(all_builds):
    for _, graph in all_builds:
        report = validate(graph)
        assert report.conforms, [format_result(r) for r in report.results]


def test_duplicate_turn_order_is_a_violation(sample_build):
    graph = copy(sample_build[1])
    turns = sorted(graph.subjects(RDF.type, CKG.Turn))
    graph.set((turns[1], CKG.order, Literal(1, datatype=XSD.integer)))
    report = validate(graph)
    assert not report.conforms
    assert any("same order" in r.message for r in report.violations)


def test_missing_evidence_and_bad_datatype_are_violations_with_quotes(sample_build):
    graph = copy(sample_build[1])
    person = sorted(graph.subjects(RDF.type, SCHEMA.Person))[0]
    body = sorted(graph.subjects(RDF.type, ORG.Organization))[0]
    graph.remove((body, CKG.evidence, None))
    graph.add((person, SCHEMA.honorificPrefix, Literal(3)))
    report = validate(graph)
    messages = {(r.focus, r.message) for r in report.violations}
    assert (str(body), "Every entity needs evidence: at least one ckg:evidence pointing into the transcript.") in messages
    bad = next(r for r in report.violations if r.focus == str(person))
    assert bad.quote is not None and bad.quote in sample_build[1].serialize(format="nt")
    text = format_result(bad)
    assert "focus node:" in text and "path:" in text and "shape:" in text and "evidence:" in text


def test_quote_that_disagrees_with_offsets_is_a_violation(sample_build):
    graph = copy(sample_build[1])
    from cyberkg.vocab import OA

    quote = sorted(graph.subjects(RDF.type, OA.TextQuoteSelector))[0]
    graph.set((quote, OA.exact, Literal("not the words")))
    assert not validate(graph).conforms


def test_report_graph_is_deterministic(sample_build):
    graph = copy(sample_build[1])
    person = sorted(graph.subjects(RDF.type, SCHEMA.Person))[0]
    graph.remove((person, SCHEMA.name, None))
    first = serialize(report_graph(validate(graph), base=DEFAULT_BASE))
    second = serialize(report_graph(validate(graph), base=DEFAULT_BASE))
    assert first == second and b"sh:conforms false" in first
