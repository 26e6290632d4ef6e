"""Figures in the graph: Data Cube observations, periods, series, rankings, fines, rejected candidates, and the shapes that check them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from rdflib import Graph, Literal

from cyberkg.extract.confidence import figure_model
from cyberkg.extract.figures import RejectReason
from cyberkg.parse import parse_transcript
from cyberkg.pipeline import build_graph
from cyberkg.rdf import REJECT_REASON_CONCEPTS
from cyberkg.validate import Validator, load_ontology, load_shapes, validate
from cyberkg.vocab import CKG, OA, QB, RDF, RDFS, SH, SKOS, UNIT, XSD

from .test_validate import copy


def observations(graph):
    return sorted(graph.subjects(RDF.type, QB.Observation))


def test_rdf_figures_are_observations_with_one_decimal_unit_measure_and_evidence(sample_build):
    _, graph = sample_build
    found = observations(graph)
    assert len(found) == 27
    for obs in found:
        (value,) = graph.objects(obs, CKG.figureValue)
        assert value.datatype == XSD.decimal
        assert len(list(graph.objects(obs, CKG.unit))) == 1
        assert len(list(graph.objects(obs, CKG.measure))) == 1
        assert len(list(graph.objects(obs, CKG.evidence))) == 1
        assert (graph.value(obs, CKG.statedIn), RDF.type, CKG.Turn) in graph


def test_rdf_figures_reuse_qudt_units_and_currencies_without_describing_them(sample_build):
    _, graph = sample_build
    units = set(graph.objects(None, CKG.unit))
    assert {UNIT.PERCENT, UNIT.FRACTION, UNIT.YR, UNIT.CCY_CNY, CKG.People} <= units
    # Other vocabularies' terms are linked to, never described: no type, label or code of our own.
    for unit in units:
        if str(unit).startswith((str(UNIT), str(CKG))):
            assert not list(graph.predicate_objects(unit)), unit


def test_rdf_figures_series_share_one_measure_concept(sample_build):
    _, graph = sample_build
    for series in graph.subjects(RDF.type, CKG.FigureSeries):
        measure = graph.value(series, CKG.measure)
        members = list(graph.objects(series, QB.observation))
        assert len(members) == 2 and all(graph.value(m, CKG.measure) == measure for m in members)


def test_rdf_figures_period_nodes_are_well_formed(sample_build):
    _, graph = sample_build
    labels = {str(graph.value(p, RDFS.label)): p for p in graph.subjects(RDF.type, CKG.ReferencePeriod)}
    assert {"2012", "2021", "2022-H1", "2022-07"} <= set(labels)
    h1 = labels["2022-H1"]
    assert graph.value(h1, CKG.periodStart).toPython() == dt.date(2022, 1, 1)
    assert graph.value(h1, CKG.periodEnd).toPython() == dt.date(2022, 6, 30)
    assert graph.value(h1, CKG.granularity) == CKG.HalfYearGranularity


def test_rdf_figures_fine_and_rankings(sample_build):
    _, graph = sample_build
    (fine,) = graph.subjects(RDF.type, CKG.EnforcementAction)
    target = graph.value(fine, CKG.target)  # the company the speakers named: linked, not a literal
    assert graph.value(target, SKOS.prefLabel) == Literal("Didi Global Inc")
    assert (target, RDF.type, CKG.Company) in graph
    assert graph.value(graph.value(fine, CKG.fineAmount), CKG.unit) == UNIT.CCY_CNY
    ranks = sorted(int(graph.value(r, CKG.rank)) for r in graph.subjects(RDF.type, CKG.Ranking))
    assert ranks == [1, 1, 1, 2, 2, 2]


def _first(graph, cls):
    return sorted(graph.subjects(RDF.type, cls))[0]


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda g: g.remove((_first(g, QB.Observation), CKG.unit, None)), "exactly one unit"),
        (lambda g: g.add((_first(g, QB.Observation), CKG.figureValue, Literal("7", datatype=XSD.decimal))), "exactly one value"),
        (lambda g: g.set((_first(g, QB.Observation), CKG.figureValue, Literal("many"))), "exactly one value"),
        (lambda g: g.remove((_first(g, QB.Observation), CKG.measure, None)), "exactly one measure"),
        (lambda g: g.remove((_first(g, QB.Observation), CKG.evidence, None)), "exactly one evidence"),
        (lambda g: g.set((_first(g, CKG.ReferencePeriod), CKG.periodStart, Literal(dt.date(2099, 1, 1)))), "not after its end"),
        (lambda g: g.set((_first(g, CKG.ReferencePeriod), RDFS.label, Literal("first half"))), "label is"),
        (lambda g: g.set((_first(g, QB.Observation), CKG.qualifier, CKG.Exact)), "qualifier is"),
        (lambda g: g.remove((_first(g, CKG.EnforcementAction), CKG.target, None)), None),
        (lambda g: g.set((_first(g, CKG.FigureSeries), CKG.measure, _first(g, CKG.Measure))), "series' measure"),
        (lambda g: g.add((_first(g, QB.Observation), CKG.confidence, Literal("1.2", datatype=XSD.decimal))), "from 0 to 1"),
        (lambda g: g.add((_first(g, QB.Observation), CKG.confidence, Literal("high"))), "from 0 to 1"),
        (lambda g: g.remove((_first(g, CKG.RejectedFigureCandidate), CKG.rejectedAs, None)), "exactly one reason"),
        (lambda g: g.set((_first(g, CKG.RejectedFigureCandidate), CKG.rejectedAs, CKG.LowerBound)), "exactly one reason"),
        (lambda g: g.add((_first(g, CKG.RejectedFigureCandidate), CKG.rejectedAs, CKG.RankReason)), "exactly one reason"),
        (lambda g: g.remove((_first(g, CKG.RejectedFigureCandidate), RDFS.label, None)), "keeps its words"),
        (lambda g: g.remove((_first(g, CKG.RejectedFigureCandidate), CKG.inConference, None)), "belongs to one conference"),
        (lambda g: g.remove((_first(g, CKG.RejectedFigureCandidate), CKG.evidence, None)), "needs evidence"),
        (lambda g: g.add((_first(g, CKG.RejectedFigureCandidate), CKG.confidence, Literal("-0.1", datatype=XSD.decimal))), "from 0 to 1"),
    ],
)
def test_rdf_figures_shapes_catch_broken_figures(sample_build, break_it, message):
    graph = copy(sample_build[1])
    break_it(graph)
    report = validate(graph)
    assert not report.conforms
    if message:
        assert any(message in r.message for r in report.violations), [r.message for r in report.violations]


# ---------------------------------------------------------------- rejected candidates and confidence

HARBOUR = (
    "Briefing on harbour works\n\nAnna Berg:\n\n"
    "This is the 22nd briefing on the harbour works. We met in 2021. "
    "Over two decades, the harbour has carried 9 percent of the trade. "
    "The crews worked for eight months on the breakwater.\n"
)


def _graph(text: str) -> Graph:
    return build_graph([parse_transcript(text)])[1]


def _candidates(graph: Graph) -> dict[str, object]:
    return {str(graph.value(c, RDFS.label)): c for c in graph.subjects(RDF.type, CKG.RejectedFigureCandidate)}


def _quote(graph: Graph, node) -> tuple[int, int, str]:
    (ev,) = graph.objects(node, CKG.evidence)
    selectors = list(graph.objects(ev, OA.hasSelector))
    start = next(int(graph.value(s, OA.start)) for s in selectors if graph.value(s, OA.start) is not None)
    end = next(int(graph.value(s, OA.end)) for s in selectors if graph.value(s, OA.end) is not None)
    exact = next(str(graph.value(s, OA.exact)) for s in selectors if graph.value(s, OA.exact) is not None)
    return start, end, exact


def test_rdf_rejected_candidates_keep_words_reason_turn_and_evidence():
    graph = _graph(HARBOUR)
    found = _candidates(graph)
    assert graph.value(found["22nd"], CKG.rejectedAs) == CKG.OrdinalReason
    assert graph.value(found["2021"], CKG.rejectedAs) == CKG.DateOrTimeReason
    (conference,) = graph.subjects(RDF.type, CKG.PressConference)
    text = parse_transcript(HARBOUR).text
    for words, node in found.items():
        start, end, exact = _quote(graph, node)
        assert text[start:end] == exact == words
        assert graph.value(node, CKG.inConference) == conference
        assert (graph.value(node, CKG.inTurn), RDF.type, CKG.Turn) in graph
        assert (node, RDF.type, QB.Observation) not in graph and graph.value(node, QB.dataSet) is None


def test_rdf_confidence_is_the_models_score_in_three_decimal_places():
    graph = _graph(HARBOUR)
    threshold = Decimal(str(figure_model().threshold))
    uncertain = _candidates(graph)["Over two decades"]
    assert graph.value(uncertain, CKG.rejectedAs) == CKG.UncertainFigureReason
    score = graph.value(uncertain, CKG.confidence)
    assert score.datatype == XSD.decimal and score.toPython() < threshold
    assert graph.value(_candidates(graph)["22nd"], CKG.confidence) is None  # the rules rejected it, unscored
    kept = {str(graph.value(o, CKG.figureValue)): graph.value(o, CKG.confidence) for o in observations(graph)}
    assert kept["8"].datatype == XSD.decimal and kept["8"].toPython() >= threshold  # "eight months": judged, kept
    assert kept["9"] is None  # "9 percent": a share is not judged
    for literal in (score, kept["8"]):
        assert 0 < len(str(literal).partition(".")[2]) <= 3


def test_rdf_candidates_and_confidence_conform_to_the_shapes():
    graph = _graph(HARBOUR)
    for validator in Validator:
        report = validate(graph, validator=validator)
        assert report.conforms, (validator, [r.message for r in report.results])


def test_rdf_a_conference_without_figures_keeps_its_candidates():
    graph = _graph("Briefing on harbour works\n\nAnna Berg:\n\nThis is the 22nd briefing on the harbour works, and we met in 2021.\n")
    assert not list(graph.subjects(RDF.type, QB.DataSet))
    assert {w: graph.value(c, CKG.rejectedAs) for w, c in _candidates(graph).items()} == {"22nd": CKG.OrdinalReason, "2021": CKG.DateOrTimeReason}
    assert validate(graph).conforms


def test_every_reject_reason_is_a_concept_of_the_scheme_and_allowed_by_the_shape():
    ontology, shapes = load_ontology(), load_shapes()
    assert set(REJECT_REASON_CONCEPTS) == set(RejectReason)
    assert len(set(REJECT_REASON_CONCEPTS.values())) == len(RejectReason)
    for reason, concept in REJECT_REASON_CONCEPTS.items():
        assert (concept, RDF.type, CKG.RejectReason) in ontology, concept
        assert (concept, SKOS.inScheme, CKG.RejectReasonScheme) in ontology, concept
        assert ontology.value(concept, SKOS.prefLabel) == Literal(reason.value, lang="en"), concept
    assert set(ontology.subjects(SKOS.inScheme, CKG.RejectReasonScheme)) == set(REJECT_REASON_CONCEPTS.values())
    (allowed,) = [shapes.collection(shapes.value(p, SH["in"])) for p in shapes.subjects(SH.path, CKG.rejectedAs)]
    assert set(allowed) == set(REJECT_REASON_CONCEPTS.values())


def test_rejected_query_names_each_reason_as_the_ontology_labels_it(tmp_path):
    from cyberkg.export.rdf import serialize
    from cyberkg.query import execute, load_data
    from cyberkg.resources import bundled_query

    graph = _graph(HARBOUR)
    (template,) = [c for c in graph.subjects(RDF.type, CKG.RejectedFigureCandidate) if str(graph.value(c, RDFS.label)) == "22nd"]
    for reason, concept in REJECT_REASON_CONCEPTS.items():  # one candidate of each reason, on the same words
        node = type(template)(f"{template}-{reason.name.lower()}")
        for p, o in graph.predicate_objects(template):
            graph.add((node, p, concept if p == CKG.rejectedAs else Literal(reason.value) if p == RDFS.label else o))
    (tmp_path / "g.ttl").write_bytes(serialize(graph))
    result = execute(load_data([tmp_path / "g.ttl"]), bundled_query("rejected").read_text(encoding="utf-8"))
    rows = [dict(zip(result.columns, row)) for row in result.texts()]
    assert {r["words"]: r["reason"] for r in rows if r["words"] in set(RejectReason)} == {r.value: r.value for r in RejectReason}
    uncertain = [r for r in rows if r["words"] == "Over two decades"]
    assert uncertain[0]["reason"] == "uncertain figure" and 0 < float(uncertain[0]["confidence"]) < figure_model().threshold
    assert [r["words"] for r in rows if r["words"] in {"22nd", "2021", "Over two decades"}] == ["22nd", "2021", "Over two decades"]


def test_rdf_a_written_confidence_is_under_the_threshold_exactly_when_the_model_rejected_the_figure(all_builds):
    import math

    from cyberkg.rdf import confidence_literal

    threshold = figure_model().threshold
    bar = Decimal(str(threshold))
    assert confidence_literal(math.nextafter(threshold, 0)).toPython() < bar <= confidence_literal(threshold).toPython()
    checked = 0
    for _, graph in [*all_builds, (None, _graph(HARBOUR))]:
        held = set(graph.objects(None, QB.observation)) | set(graph.objects(None, CKG.fineAmount))  # kept whatever their score
        for node, score in graph.subject_objects(CKG.confidence):
            if (node, CKG.rejectedAs, CKG.UncertainFigureReason) in graph:
                assert score.toPython() < bar, node
            elif node not in held:
                assert score.toPython() >= bar, node
            checked += 1
    assert checked >= 5
