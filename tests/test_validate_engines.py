"""Validation engines: pyshacl (the validator of record) and pyshacl-turbo give the same results.

Both run the same shapes files. For every fixture transcript and the sample,
and for graphs broken on purpose (one per kind of constraint the shapes use),
they must agree on conformance and on every result: focus node, source
shape, path, constraint component, value and severity.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from cyberkg.parse import parse_bytes, read_transcript
from cyberkg.pipeline import build_graph
from cyberkg.resources import SAMPLE, sample_file
from cyberkg.validate import (
    DEFAULT_VALIDATOR,
    ValidationReport,
    Validator,
    check_shapes,
    load_ontology,
    load_shapes,
    validate,
)
from cyberkg.vocab import CKG, OA, ORG, QB, RDF, SCHEMA, SH, XSD

from .test_validate import copy

TESTS = Path(__file__).parent


def fixture_inputs() -> list[tuple[str, list[Path]]]:
    """Every fixture transcript under tests/fixtures*/ (a fixture's pages together)."""
    cases = []
    for folder in sorted(TESTS.glob("fixtures*/*")):
        if not (folder / "input.txt").is_file():
            continue
        pages = [folder / "input.txt"]
        expected = folder / "expected.json"
        if expected.is_file():
            listed = json.loads(expected.read_text(encoding="utf-8"))
            if isinstance(listed, dict) and "pages" in listed:
                pages = [folder / page for page in listed["pages"]]
        cases.append((f"{folder.parent.name}/{folder.name}", pages))
    cases += [(f"{p.parent.name}/{p.name}", [p]) for p in sorted(TESTS.glob("fixtures*/*.txt"))]
    return cases


def signature(report: ValidationReport) -> tuple[bool, set[tuple]]:
    return report.conforms, {(r.focus, r.shape, r.path, r.component, r.value, r.severity) for r in report.results}


def assert_engines_agree(graph) -> ValidationReport:
    reference = validate(graph, validator=Validator.PYSHACL)
    fast = validate(graph, validator=Validator.TURBO)
    assert signature(fast) == signature(reference)
    return reference


def test_the_default_engine_is_one_of_the_two():
    assert DEFAULT_VALIDATOR in (Validator.PYSHACL, Validator.TURBO)


def test_engines_agree_on_the_sample(sample_build):
    assert assert_engines_agree(sample_build[1]).conforms


@pytest.mark.parametrize(("name", "pages"), fixture_inputs(), ids=[name for name, _ in fixture_inputs()])
def test_engines_agree_on_every_fixture(name, pages):
    graph = build_graph([read_transcript(p) for p in pages], one_conference=True)[1]
    assert assert_engines_agree(graph).conforms


def _first(graph, cls):
    return sorted(graph.subjects(RDF.type, cls))[0]


def _unit_of_a_unit(g):
    unit = _first(g, ORG.OrganizationalUnit)
    g.add((g.value(unit, ORG.unitOf), ORG.unitOf, unit))


def _second_position_selector(g):
    evidence = _first(g, CKG.Evidence)
    g.add((evidence, OA.hasSelector, URIRef("https://example.org/extra-selector")))
    g.add((URIRef("https://example.org/extra-selector"), RDF.type, OA.TextPositionSelector))


def _evidence_without_quote_selector(g):
    evidence = _first(g, CKG.Evidence)
    for selector in list(g.objects(evidence, OA.hasSelector)):
        if (selector, RDF.type, OA.TextQuoteSelector) in g:
            g.remove((selector, RDF.type, OA.TextQuoteSelector))


#: One graph broken on purpose per kind of constraint, with a message the result must carry.
BREAKERS = {
    "min-count": (lambda g: g.remove((_first(g, SCHEMA.Person), SCHEMA.name, None)), "exactly one name"),
    "datatype": (lambda g: g.add((_first(g, SCHEMA.Person), SCHEMA.honorificPrefix, Literal(3))), "honorific"),
    "class-of-an-iri-value": (lambda g: g.add((_first(g, ORG.Post), ORG.postIn, _first(g, SCHEMA.Person))), "in at most one body"),
    "qualified-min": (_evidence_without_quote_selector, "text quote selector"),
    "qualified-max": (_second_position_selector, "text position selector"),
    "or-of-classes": (lambda g: g.set((_first(g, CKG.Mention), CKG.refersTo, _first(g, CKG.Turn))), "refers to exactly one"),
    "or-spoken-by": (lambda g: g.set((_first(g, CKG.Turn), CKG.spokenBy, _first(g, CKG.Evidence))), "spoken by at most one"),
    "or-mentions": (lambda g: g.add((_first(g, CKG.Turn), CKG.mentions, _first(g, CKG.Evidence))), "A turn mentions people"),
    "or-refers-to-an-untyped-node": (lambda g: g.set((_first(g, CKG.Mention), CKG.refersTo, URIRef("https://example.org/nothing"))), "refers to exactly one"),
    "sparql-target-order": (lambda g: g.set((sorted(g.subjects(RDF.type, CKG.Turn))[1], CKG.order, Literal(1, datatype=XSD.integer))), "same order"),
    "sparql-target-quote": (lambda g: g.set((_first(g, OA.TextQuoteSelector), OA.exact, Literal("not the words"))), "not as long"),
    "sparql-target-cycle": (_unit_of_a_unit, "unit of itself"),
    "inverse-path": (lambda g: g.add((_first(g, SCHEMA.Person), ORG.holds, _first(g, ORG.Role))), None),
    "held-by-two": (lambda g: g.add((sorted(g.subjects(RDF.type, SCHEMA.Person))[-1], ORG.holds, _first(g, ORG.Post))), "held by exactly one"),
    "sequence-path": (lambda g: g.remove((g.value(_first(g, CKG.EnforcementAction), CKG.fineAmount), CKG.unit, None)), None),
    "xone": (lambda g: (g.add((_first(g, CKG.EnforcementAction), CKG.target, _first(g, ORG.Organization))), g.add((_first(g, CKG.EnforcementAction), CKG.targetName, Literal("a name")))), None),
    "has-value": (lambda g: g.set((_first(g, QB.DataSet), QB.structure, CKG.SeriesKey)), "FiguresStructure"),
    "in-list": (lambda g: g.set((_first(g, CKG.Turn), CKG.turnRole, CKG.MentionedRole)), "moderator, speaker or journalist"),
    "pattern": (lambda g: g.set((_first(g, CKG.Transcript), CKG.sha256, Literal("xyz"))), "SHA-256"),
    "less-than-or-equals": (lambda g: g.set((_first(g, OA.TextPositionSelector), OA.start, Literal(10**9, datatype=XSD.nonNegativeInteger))), None),
    "unit-not-an-organization": (lambda g: g.remove((_first(g, ORG.OrganizationalUnit), RDF.type, ORG.Organization)), None),
    "count-unit-not-a-unit": (lambda g: g.remove((_first(g, CKG.CountUnit), RDF.type, CKG.Unit)), None),
    "outlet-not-an-organization": (lambda g: g.remove((_first(g, CKG.MediaOutlet), RDF.type, ORG.Organization)), None),
    "label-count": (lambda g: g.add((_first(g, ORG.Role), SKOS.prefLabel, Literal("another title"))), "post title has exactly one label"),
    "period-label": (lambda g: g.set((_first(g, CKG.ReferencePeriod), RDFS.label, Literal("first half"))), "label is"),
}


@pytest.fixture(scope="module")
def market_build():
    """A graph with every class the breakers need: outlets, currencies, units, fines, periods."""
    return build_graph([read_transcript(TESTS / "fixtures_figures" / "market-regulation" / "input.txt")])


@pytest.mark.parametrize("name", sorted(BREAKERS))
def test_engines_agree_on_broken_graphs(market_build, name):
    break_it, message = BREAKERS[name]
    graph = copy(market_build[1])
    break_it(graph)
    report = assert_engines_agree(graph)
    assert not report.conforms
    if message:
        assert any(message in r.message for r in report.violations), [r.message for r in report.violations]


@pytest.mark.parametrize(
    ("cls", "superclass"),
    [(ORG.OrganizationalUnit, ORG.Organization), (CKG.MediaOutlet, ORG.Organization), (CKG.CountUnit, CKG.Unit)],
)
def test_a_node_without_its_superclass_is_caught_without_the_ontology(market_build, cls, superclass):
    # The ontology's class hierarchy is not mixed into the graph any more; the
    # shapes require the superclass a cyberkg graph always states instead.
    graph = copy(market_build[1])
    node = _first(graph, cls)
    graph.remove((node, RDF.type, superclass))
    for engine in Validator:
        report = validate(graph, validator=engine)
        assert any(r.focus == str(node) and r.component == str(SH.ClassConstraintComponent) for r in report.violations)


def test_every_superclass_a_shape_tests_is_required_of_its_subclasses():
    """Without the ontology mixed in, a subclass must carry each superclass that a shape targets or tests."""
    ontology, shapes = load_ontology(), load_shapes()
    tested = set(shapes.objects(None, SH.targetClass)) | set(shapes.objects(None, SH["class"]))
    for sub, sup in ontology.subject_objects(RDFS.subClassOf):
        if sup in tested and isinstance(sub, URIRef):
            required = {c for shape in shapes.subjects(SH.targetClass, sub) for c in shapes.objects(shape, SH["class"])}
            assert sup in required, f"no shape requires a {sub} to be stated a {sup}"


def test_the_shapes_have_no_rules_so_validating_in_place_writes_nothing():
    assert (None, SH.rule, None) not in load_shapes()


@pytest.mark.parametrize("engine", list(Validator))
def test_validation_leaves_the_graph_unchanged(sample_build, engine):
    graph = copy(sample_build[1])
    before = set(graph)
    graph.remove((_first(graph, SCHEMA.Person), SCHEMA.name, None))
    broken = set(graph)
    validate(graph, validator=engine)
    assert set(graph) == broken and broken < before


def test_the_shapes_pass_shacl_shacl():
    report = check_shapes()
    assert report.conforms, report.results


def test_a_sample_graph_parses_fresh_in_each_engine():
    graph = build_graph([parse_bytes(sample_file().read_bytes(), name=SAMPLE)])[1]
    for engine in Validator:
        assert validate(graph, validator=engine).conforms


def test_build_writes_the_same_report_with_either_validator(tmp_path, capsys):
    from cyberkg.cli import main

    for engine in Validator:
        assert main(["build", "--out", str(tmp_path / engine.value), "--no-views", "--quiet", "--validator", engine.value]) == 0
    reports = {(tmp_path / e.value / "validation.ttl").read_bytes() for e in Validator}
    assert len(reports) == 1


def test_build_rejects_an_unknown_validator(tmp_path, capsys):
    from cyberkg.cli import main

    assert main(["build", "--out", str(tmp_path), "--validator", "nope"]) == 2
