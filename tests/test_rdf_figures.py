"""Figures in the graph: Data Cube observations, periods, series, rankings, fines, and the shapes that check them."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Literal

from cyberkg.validate import validate
from cyberkg.vocab import CKG, QB, RDF, RDFS, SKOS, UNIT, XSD

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
    ],
)
def test_rdf_figures_shapes_catch_broken_figures(sample_build, break_it, message):
    graph = copy(sample_build[1])
    break_it(graph)
    report = validate(graph)
    assert not report.conforms
    if message:
        assert any(message in r.message for r in report.violations), [r.message for r in report.violations]
