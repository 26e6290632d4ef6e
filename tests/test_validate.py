"""Stage 5: SHACL validation — conformance, results in human terms, stable report."""

from __future__ import annotations

from rdflib import Literal

from cyberkg.export.rdf import serialize
from cyberkg.validate import ValidationReport, format_result, report_graph, validate
from cyberkg.vocab import CKG, DEFAULT_BASE, ORG, RDF, SCHEMA, SH, XSD


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


def test_report_is_a_conformant_shacl_report(sample_build):
    # issue 10: every result has the properties a SHACL report requires, as the engine gave them.
    from rdflib import Graph, URIRef

    graph = copy(sample_build[1])
    person = sorted(graph.subjects(RDF.type, SCHEMA.Person))[0]
    post = sorted(graph.subjects(RDF.type, ORG.Post))[0]
    graph.remove((person, SCHEMA.name, None))
    graph.add((post, ORG.postIn, person))  # an IRI value of the wrong class
    report = validate(graph)
    written = Graph().parse(data=serialize(report_graph(report, base=DEFAULT_BASE)).decode("utf-8"), format="turtle")
    results = list(written.subjects(RDF.type, SH.ValidationResult))
    assert len(results) == len(report.results) >= 2
    for node in results:
        for prop in (SH.focusNode, SH.resultSeverity, SH.sourceConstraintComponent, SH.sourceShape, SH.resultMessage):
            assert len(list(written.objects(node, prop))) == 1, (node, prop)
        assert isinstance(written.value(node, SH.sourceConstraintComponent), URIRef)
        assert isinstance(written.value(node, SH.sourceShape), URIRef)
    class_result = next(n for n in results if written.value(n, SH.sourceConstraintComponent) == SH.ClassConstraintComponent)
    assert written.value(class_result, SH.value) == person  # an IRI stays an IRI
    assert written.value(class_result, SH.resultPath) == ORG.postIn
    assert not any(str(p).startswith(str(CKG)) for p in written.predicates())  # no undeclared ckg: terms
    roots = list(written.subjects(RDF.type, SH.ValidationReport))
    assert len(roots) == 1 and set(written.objects(roots[0], SH.result)) == set(results)


def test_a_complex_path_is_shown_and_left_out_of_the_report(sample_build):
    graph = copy(sample_build[1])
    post = sorted(graph.subjects(RDF.type, ORG.Post))[0]
    graph.remove((None, ORG.holds, post))
    result = next(r for r in validate(graph).violations if r.focus == str(post) and "held by" in r.message)
    assert result.path == f"^<{ORG.holds}>" and result.shape.endswith("PostShape-inv-holds")
    written = report_graph(ValidationReport(conforms=False, results=(result,)), base=DEFAULT_BASE)
    assert (None, SH.resultPath, None) not in written and (None, SH.sourceShape, None) in written

