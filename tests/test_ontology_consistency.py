"""The graph, the ontology and the W3C ontologies it imports are consistent under OWL RL.

owlrl computes the OWL 2 RL closure and reports inconsistencies (a member of
owl:Nothing, members of disjoint classes, owl:sameAs with owl:differentFrom...)
as ``ERRNS.ErrorMessage`` triples. The W3C ontologies are vendored under
``tests/vocabularies/`` (see its README), so nothing is fetched.
"""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
from owlrl.Namespaces import ERRNS
from rdflib import Graph, URIRef

from cyberkg.resources import ontology_files
from cyberkg.validate import load_ontology
from cyberkg.vocab import CKG, OWL, PROV, RDF, RDFS, SKOS

VOCABULARIES = Path(__file__).parent / "vocabularies"
W3C = ("prov-o.ttl", "org.ttl", "oa.ttl", "cube.ttl", "skos-subset.ttl", "time-subset.ttl")
UNITS = Path(__file__).parents[1] / "src" / "cyberkg" / "data" / "units.txt"


def _w3c() -> Graph:
    graph = Graph()
    for name in W3C:
        graph.parse(VOCABULARIES / name, format="turtle")
    return graph


def _owl_rl_errors(data: Graph) -> list[str]:
    graph = Graph()
    for triple in data:
        graph.add(triple)
    graph += load_ontology()
    graph += _w3c()
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    errors = [str(graph.value(node, ERRNS.error)) for node in graph.subjects(RDF.type, ERRNS.ErrorMessage)]
    errors += [f"{node} is a member of owl:Nothing" for node in graph.subjects(RDF.type, OWL.Nothing)]
    return sorted(errors)


@pytest.fixture(scope="module")
def sample_graph(sample_build):
    return sample_build[1]


def test_graph_ontology_and_w3c_ontologies_are_consistent_under_owl_rl(sample_graph, sample_transcript):
    """The sample's graph and the record of its build, with the ontology and the W3C ontologies."""
    from cyberkg.record import RecordedInput, build_record
    from cyberkg.resources import SAMPLE
    from cyberkg.vocab import DEFAULT_BASE

    record = build_record(sample_graph, base=DEFAULT_BASE, inputs=[RecordedInput(SAMPLE, sample_transcript.source.sha256)], settings={"base": DEFAULT_BASE})
    assert _owl_rl_errors(sample_graph + record) == []


def test_owl_rl_check_finds_the_old_prov_clash(sample_graph):
    """Evidence as a kind of prov:wasDerivedFrom made every turn both an Activity and an Entity."""
    clash = Graph()
    for triple in sample_graph:
        clash.add(triple)
    clash.add((CKG.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom))
    errors = _owl_rl_errors(clash)
    assert errors and any("disjoint" in e.lower() for e in errors), errors[:3]


def test_ontology_modules_have_headers_and_define_their_terms():
    for file in ontology_files():
        graph = Graph().parse(data=file.read_text(encoding="utf-8"), format="turtle")
        (module,) = set(graph.subjects(RDF.type, OWL.Ontology))
        assert graph.value(module, RDFS.label) is not None and graph.value(module, RDFS.comment) is not None, file.name
        for term in set(graph.subjects(RDF.type, None)):
            if str(term).startswith(str(CKG)) and (term, RDF.type, OWL.Ontology) not in graph:
                if (term, RDFS.label, None) in graph:  # declared here, not only typed (ckg:evidence as a dimension)
                    assert graph.value(term, RDFS.isDefinedBy) == module, term


def test_ontology_redeclares_no_w3c_term():
    """Terms of W3C vocabularies are imported, never given labels or comments of ours."""
    ontology = load_ontology()
    for term in set(ontology.subjects()):
        if isinstance(term, URIRef) and str(term).startswith("http://www.w3.org/"):
            assert (term, RDFS.label, None) not in ontology and (term, RDFS.comment, None) not in ontology, term


def test_no_resource_has_two_preferred_labels_in_one_language(all_builds):
    """SKOS integrity condition S14, over each graph loaded together with the ontology."""
    ontology = load_ontology()
    for _, graph in all_builds:
        both = graph + ontology
        seen: dict[tuple, object] = {}
        for node, label in both.subject_objects(SKOS.prefLabel):
            key = (node, label.language)
            assert key not in seen or seen[key] == label, (node, seen.get(key), label)
            seen[key] = label


def test_every_node_has_one_rdfs_label(all_builds):
    for _, graph in all_builds:
        for node in set(graph.subjects()):
            labels = list(graph.objects(node, RDFS.label))
            assert len(labels) == 1, (node, labels)


def test_every_qudt_iri_the_data_files_emit_is_a_current_qudt_unit():
    qudt = Graph().parse(VOCABULARIES / "qudt-units-subset.ttl", format="turtle")
    qudt_unit = URIRef("http://qudt.org/schema/qudt/Unit")
    identifiers = [line.split("|")[2].strip() for line in UNITS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    emitted = [URIRef("http://qudt.org/vocab/unit/" + i[len("unit:") :]) for i in identifiers if i.startswith("unit:")]
    assert len(emitted) > 40
    for iri in emitted:
        assert (iri, RDF.type, qudt_unit) in qudt, f"{iri} is not a unit in QUDT (tests/vocabularies/qudt-units-subset.ttl)"
    assert not any(i.startswith("cur:") for i in identifiers), "QUDT's currency/ namespace is deprecated: use unit:CCY_XXX"


def test_no_two_terms_share_a_label_in_one_language():
    """A class and a property, or two concepts, that a browser would show under one name."""
    ontology = load_ontology()
    seen: dict[tuple[str, str | None], URIRef] = {}
    for term, label in sorted(ontology.subject_objects(RDFS.label)):
        key = (str(label).casefold(), label.language)
        assert key not in seen or seen[key] == term, (label, seen.get(key), term)
        seen[key] = term


def test_a_figures_fixture_is_consistent_under_owl_rl():
    """Fines, series and rankings too: the market-regulation fixture, with the ontology and the W3C ontologies."""
    from cyberkg.parse import read_transcript
    from cyberkg.pipeline import build_graph

    from .conftest import FIGURE_FIXTURES

    graph = build_graph([read_transcript(FIGURE_FIXTURES / "market-regulation" / "input.txt")])[1]
    assert (None, RDF.type, CKG.EnforcementAction) in graph
    assert _owl_rl_errors(graph) == []
