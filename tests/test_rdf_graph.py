"""Stage 4: the RDF graph — golden snapshot, evidence, vocabulary, other parsers."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from cyberkg.export.rdf import serialize
from cyberkg.pipeline import build_graph
from cyberkg.validate import load_ontology, load_shapes
from cyberkg.vocab import CKG, OA, ORG, RDF, SCHEMA, SH, UNIT

from .conftest import GOLDEN


def test_graph_matches_golden_snapshot(sample_build, update_golden):
    _, graph = sample_build
    golden = GOLDEN / "sample" / "expected.ttl"
    if update_golden:
        golden.write_bytes(serialize(graph))
    expected = Graph().parse(golden, format="turtle")
    if not isomorphic(graph, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(graph))
        lines = [f"- {t}" for t in sorted(missing)][:20] + [f"+ {t}" for t in sorted(extra)][:20]
        pytest.fail("graph differs from tests/golden/sample/expected.ttl (run pytest --update-golden):\n" + "\n".join(lines))


def test_every_evidence_quote_equals_the_source_text(all_builds):
    checked = 0
    for texts, graph in all_builds:
        for ev in graph.subjects(RDF.type, CKG.Evidence):
            text = texts[str(graph.value(graph.value(ev, OA.hasSource), CKG.sha256))]
            selectors = list(graph.objects(ev, OA.hasSelector))
            start = next(int(graph.value(s, OA.start)) for s in selectors if graph.value(s, OA.start) is not None)
            end = next(int(graph.value(s, OA.end)) for s in selectors if graph.value(s, OA.end) is not None)
            exact = next(str(graph.value(s, OA.exact)) for s in selectors if graph.value(s, OA.exact) is not None)
            assert text[start:end] == exact, ev
            checked += 1
    assert checked > 500


def test_every_person_body_post_and_turn_has_evidence(all_builds):
    for _, graph in all_builds:
        for cls in (SCHEMA.Person, ORG.Organization, ORG.Post, CKG.Turn, CKG.PressConference):
            nodes = set(graph.subjects(RDF.type, cls))
            assert nodes, cls
            for node in nodes:
                assert graph.value(node, CKG.evidence) is not None, node


def test_graph_has_no_blank_nodes(all_builds):
    for _, graph in all_builds:
        assert not any(isinstance(term, BNode) for triple in graph for term in triple)


def test_graph_parses_in_pyoxigraph(sample_build):
    _, graph = sample_build
    data = serialize(graph)
    store = pyoxigraph.Store()
    store.load(data, format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph)


def test_base_option_changes_instance_iris_only(sample_transcript):
    _, graph = build_graph([sample_transcript], base="https://example.org/kg/")
    vocabulary = (str(CKG), str(UNIT))  # units keep their QUDT or ontology IRIs
    subjects = {s for s in graph.subjects() if isinstance(s, URIRef) and not str(s).startswith(vocabulary)}
    assert subjects and all(str(s).startswith("https://example.org/kg/") for s in subjects)


def _emitted_terms(graphs):
    classes, predicates = set(), set()
    for graph in graphs:
        for _, p, o in graph:
            predicates.add(p)
            if p == RDF.type:
                classes.add(o)
    return classes, predicates


def _vocabularies() -> Graph:
    """The W3C vocabularies the ontology imports (vendored under tests/vocabularies/)."""
    graph = Graph()
    for file in sorted((Path(__file__).parent / "vocabularies").glob("*.ttl")):
        graph.parse(file, format="turtle")
    return graph


def test_every_emitted_term_is_declared_and_shaped(all_builds):
    ontology, shapes = load_ontology(), load_shapes()
    classes, predicates = _emitted_terms(graph for _, graph in all_builds)
    declared = set(ontology.subjects()) | set(_vocabularies().subjects())
    targeted = set(shapes.objects(None, SH.targetClass))
    paths = set(shapes.objects(None, SH.path)) | set(shapes.objects(None, SH.inversePath))
    for cls in classes:
        assert cls in declared, f"class {cls} is declared neither in ontology/ nor in a vocabulary it imports"
        assert cls in targeted, f"class {cls} is not targeted by a shape in shapes/"
    for p in predicates - {RDF.type}:
        assert p in declared, f"property {p} is declared neither in ontology/ nor in a vocabulary it imports"
        assert p in paths, f"property {p} is not the path of any shape in shapes/"


def test_every_ontology_term_has_label_and_comment():
    ontology = load_ontology()
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    comment = URIRef("http://www.w3.org/2000/01/rdf-schema#comment")
    for term in set(ontology.subjects(RDF.type, None)):
        if str(term).startswith(str(CKG)):  # W3C and schema.org terms keep their own labels
            assert ontology.value(term, label) is not None, term
            assert ontology.value(term, comment) is not None, term
