"""Figures: units, qualifiers, measures, series, rankings, fines; the sample's figures; the fixtures' scores."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cyberkg.extract.figures import Qualifier, RejectReason, extract_figures, split_sentences
from cyberkg.extract.units import UnitKind, unit_vocabulary
from cyberkg.model import Kind, Span
from cyberkg.parse import parse_transcript, read_transcript
from cyberkg.resolve import resolve

from .scoring import SAMPLE_FIGURES, ZERO, Found, figure_cases, load_expected, score


def figures_of(sentence: str, held: str = "August 19, 2022"):
    """The figures the rules find in one turn saying ``sentence``, at a conference held on ``held`` (no confidence model)."""
    text = f"Briefing on the economy\n\nDate: {held}\n\nLi Wei:\n{sentence}\n"
    return extract_figures(parse_transcript(text), min_confidence=0.0)


def one(sentence: str, held: str = "August 19, 2022"):
    found = figures_of(sentence, held).figures
    assert len(found) == 1, [f.span.text for f in found]
    return found[0]


# ---------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "kind"),
    [
        ("Coverage reached 73% in 2021.", "73", "percent", UnitKind.PERCENT),
        ("It rose by 4.5 percent.", "4.5", "percent", UnitKind.PERCENT),
        ("The share rose by 1.9 percentage points.", "1.9", "percentage point", UnitKind.POINT),
        ("Sales hit 45.5 trillion yuan.", "45500000000000", "CNY", UnitKind.CURRENCY),
        ("They spent 3.2 billion US dollars.", "3200000000", "USD", UnitKind.CURRENCY),
        ("The average bill was $1,450.", "1450", "USD", UnitKind.CURRENCY),
        ("We signed deals worth 3.6 billion euros.", "3600000000", "EUR", UnitKind.CURRENCY),
        ("It raised RMB 5 million.", "5000000", "CNY", UnitKind.CURRENCY),
        ("It has been held for eight years in a row.", "8", "year", UnitKind.TIME),
        ("We held it for five consecutive years.", "5", "year", UnitKind.TIME),
        ("Over 1 billion people signed up.", "1000000000", "person", UnitKind.PEOPLE),
        ("The network has 455 million 5G mobile users.", "455000000", "person", UnitKind.PEOPLE),
        ("We fined 283 websites.", "283", "website", UnitKind.COUNT),
        ("We built 1.85 million 5G base stations.", "1850000", "base station", UnitKind.COUNT),
        ("We took down 177 mobile applications.", "177", "application", UnitKind.COUNT),
        ("We removed 20 billion pieces of information.", "20000000000", "piece of information", UnitKind.COUNT),
        ("We summoned 3,491 websites and platforms.", "3491", "website and platform", UnitKind.COUNT),
        ("Consumption was 2.37 trillion kilowatt-hours.", "2370000000000", "kilowatt hour", UnitKind.PHYSICAL),
        ("Capacity reached 660 million kW.", "660000000", "kilowatt", UnitKind.PHYSICAL),
        ("We laid 96,000 kilometers of pipes.", "96000", "kilometer", UnitKind.PHYSICAL),
        ("Revenue was about 1.5 times the level of last year.", "1.5", "times", UnitKind.RATIO),
        ("They made up more than one-third of the global total.", "0.333333", "fraction", UnitKind.FRACTION),
    ],
)
def test_units_of_figures(sentence, value, unit, kind):
    figure = one(sentence)
    assert (figure.value, figure.unit.key, figure.unit.kind) == (Decimal(value), unit, kind)


@pytest.mark.parametrize(
    ("form", "identifier"),
    [("%", "unit:PERCENT"), ("yuan", "unit:CCY_CNY"), ("kilowatts", "unit:KiloW"), ("years", "unit:YR"), ("people", "ckg:People")],
)
def test_units_vocabulary_maps_forms_to_qudt_or_own_concepts(form, identifier):
    unit, _ = unit_vocabulary().match_after(f"5 {form}", 1)
    assert unit.identifier == identifier


def test_units_currencies_carry_their_iso_code():
    for unit in unit_vocabulary().units.values():
        if unit.kind is UnitKind.CURRENCY:
            assert unit.code == unit.key and unit.identifier == f"unit:CCY_{unit.key}"


# ---------------------------------------------------------------- qualifiers


@pytest.mark.parametrize(
    ("sentence", "qualifier", "quote"),
    [
        ("We removed over 20 million accounts.", Qualifier.LOWER_BOUND, "over 20 million accounts"),
        ("We held more than 30 campaigns.", Qualifier.LOWER_BOUND, "more than 30 campaigns"),
        ("Capacity exceeded 300 million kilowatts.", Qualifier.LOWER_BOUND, "exceeded 300 million kilowatts"),
        ("Lines run at 35 kilovolts and above.", Qualifier.LOWER_BOUND, "35 kilovolts and above"),
        ("We closed nearly 1.4 billion accounts.", Qualifier.UPPER_BOUND, "nearly 1.4 billion accounts"),
        ("It took almost 20 days.", Qualifier.UPPER_BOUND, "almost 20 days"),
        ("It was settled within three working days.", Qualifier.UPPER_BOUND, "within three working days"),
        ("We built around 1.85 million base stations.", Qualifier.APPROXIMATE, "around 1.85 million base stations"),
        ("It benefited about 8.9 million households.", Qualifier.APPROXIMATE, "about 8.9 million households"),
        ("Some 24,000 companies were set up.", Qualifier.APPROXIMATE, "Some 24,000 companies"),
        ("We fined 283 websites.", None, "283 websites"),
    ],
)
def test_qualifiers_and_figure_span(sentence, qualifier, quote):
    figure = one(sentence)
    assert figure.qualifier is qualifier
    assert figure.span.text == quote


# ---------------------------------------------------------------- not figures


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("We held the 22nd press conference.", RejectReason.ORDINAL),
        ("It was the second meeting.", RejectReason.ORDINAL),
        ("This is reflected in the following 10 aspects.", RejectReason.RHETORICAL),
        ("I will make three points.", RejectReason.RHETORICAL),
        ("They built a three-level system.", RejectReason.MODIFIER),
        ("It is part of the five-year plan.", RejectReason.MODIFIER),
        ('They held "Five 100" presentations.', RejectReason.NAME),
        ("The meeting is on March 15 at 10 a.m.", RejectReason.DATE),
        ("It is among the top three destinations.", RejectReason.RANK),
        ("It is one of the largest.", RejectReason.RHETORICAL),  # "one of": no count, whatever follows
    ],
)
def test_figures_rejected_candidates(sentence, reason):
    found = figures_of(sentence)
    assert found.figures == ()
    assert reason in {r.reason for r in found.rejected}


# ---------------------------------------------------------------- measures, periods, structure


def test_figures_series_from_to_with_years():
    found = figures_of("The market size of the digital economy increased from 11 trillion yuan in 2012 to 45.5 trillion yuan in 2021.")
    (series,) = found.series
    assert series.measure == "digital economy market size"
    assert (series.start.period.label, series.end.period.label) == ("2012", "2021")
    assert series.change == Decimal("34500000000000")


def test_figures_series_takes_the_unit_and_the_interval_of_its_sentence():
    found = figures_of("From 2012 to 2021, the number of internet users in China grew from 564 million to over 1.03 billion.")
    (series,) = found.series
    assert [f.unit.key for f in (series.start, series.end)] == ["person", "person"]
    assert [f.period.label for f in (series.start, series.end)] == ["2012", "2021"]
    assert series.measure == "internet users"
    assert series.start.subject is not None and series.start.subject.name == "China"
    assert series.end.qualifier is Qualifier.LOWER_BOUND


def test_figures_series_without_years_follows_the_series_before():
    found = figures_of(
        "It increased from 11 trillion yuan in 2012 to 45.5 trillion yuan in 2021. "
        "The digital economy as a share of its GDP grew from 21.6% to 39.8%."
    )
    shares = [f for f in found.figures if f.unit.key == "percent"]
    assert [f.period.label for f in shares] == ["2012", "2021"]
    assert {f.share_of for f in shares} == {"GDP"} and shares[0].measure == "digital economy share of GDP"


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # a period at the head of a sentence covers its figures, and the sentences after it in the paragraph
        ("In the first half of this year, we fined 283 websites. We also closed 12 apps.", ["2022-H1", "2022-H1"]),
        # ... but not a later paragraph
        ("In 2021, we fined 283 websites.\n\nOver 1 billion people signed up.", ["2021", None]),
        # a period right after the figure is its own
        ("Revenue was 5 billion yuan in 2021 and 6 billion yuan in 2022.", ["2021", "2022"]),
        # "in the same period" repeats the period before
        ("Spending was 95 billion yuan in the first quarter. Revenue hit 162 billion yuan in the same period.", ["2022-Q1", "2022-Q1"]),
        # durations do not inherit a period
        ("In July, we fined 283 websites. The event has been held for eight years.", ["2022-07", None]),
        # a comparison base is not the period
        ("The rate was 97.6%, up 0.4 percentage points from 2021.", [None, None]),
    ],
)
def test_figures_periods(text, periods):
    found = figures_of(text)
    assert [f.period.label if f.period else None for f in found.figures] == periods


def test_figures_measure_reads_as_what_is_measured():
    found = figures_of("We fined 283 websites and took down 177 mobile applications.")
    assert [f.measure for f in found.figures] == ["websites fined", "mobile applications taken down"]


def test_figures_that_figure_takes_the_unit_of_the_figure_before():
    found = figures_of("Foreign visitors made 35.5 million trips in 2023. Last October, that figure was just 1.2 million.")
    assert [(f.unit.key, f.period.label) for f in found.figures] == [("trip", "2023"), ("trip", "2021-10")]


@pytest.mark.parametrize(
    ("sentence", "rank", "measure", "scope"),
    [
        ("China tops the world in the number of internet users.", 1, "internet users", "world"),
        ("The country ranks second in the overall level of internet development.", 2, "overall level of internet development", None),
        ("China has the world's second largest number of IPv6 addresses.", 2, "IPv6 addresses", "world"),
        ("China ranks first in Asia in the number of heritage sites.", 1, "heritage sites", "Asia"),
        ("Its scale of mobile payments is the largest in the world.", 1, "mobile payments scale", "world"),
    ],
)
def test_figures_rankings(sentence, rank, measure, scope):
    (ranking,) = figures_of(sentence).rankings
    assert (ranking.rank, ranking.measure, ranking.scope) == (rank, measure, scope)


@pytest.mark.parametrize(
    ("sentence", "amount", "target", "period"),
    [
        ("In July, we imposed a fine of 8.206 billion yuan on Harbor Tech Inc, based on the findings.", "8206000000", "Harbor Tech Inc", "2022-07"),
        ("In May, we fined Delta Foods Co., Ltd. 3 million yuan for fraud.", "3000000", "Delta Foods Co., Ltd.", "2022-05"),
        ("In June, Lakeside Cement Group was fined 210 million yuan.", "210000000", "Lakeside Cement Group", "2022-06"),
    ],
)
def test_figures_fines(sentence, amount, target, period):
    (fine,) = figures_of(sentence).fines
    assert (fine.amount.value, fine.target.name, fine.amount.period.label) == (Decimal(amount), target, period)
    assert fine.amount.measure == "fine"


def test_figures_subject_resolves_to_a_body_of_the_conference():
    text = (
        "Briefing on trade\n\nLi Wei, spokesperson of the Ministry of Commerce (MOFCOM)\n\nDate: July 13, 2023\n\n"
        "Li Wei:\nIn May, the MOFCOM imposed a fine of 5 million yuan on the Ministry of Commerce.\n"
    )
    conference = resolve(parse_transcript(text))
    (fine,) = conference.figures[0].fines
    assert fine.target.organization == (Kind.ORGANIZATION, "ministry of commerce")


def test_figures_split_sentences_keeps_company_names_whole():
    text = "A fine on Harbor Crest Logistics Co., Ltd. for abuse. Next one."
    assert [s.text for s in split_sentences(Span.of(text, 0, len(text)))] == [
        "A fine on Harbor Crest Logistics Co., Ltd. for abuse.",
        "Next one.",
    ]


# ---------------------------------------------------------------- the sample

@pytest.fixture(scope="module")
def sample_figures(sample_transcript):
    return resolve(sample_transcript).figures[0]


def test_figures_sample_states_every_figure_with_value_unit_period_and_qualifier(sample_figures):
    got = [(f.span.text, f.value, f.unit.key, f.period.label if f.period else None, f.qualifier) for f in sample_figures.figures]
    expected = [(q, Decimal(v), u, p, k and Qualifier(k)) for q, v, u, p, k in SAMPLE_FIGURES]
    assert got == expected


def test_figures_sample_ordinals_and_dates_are_not_figures(sample_figures, sample_text):
    quotes = [f.span.text for f in sample_figures.figures]
    for word in ["22nd", "18th", "14th", "2012", "2021", "10 aspects", "three-level", "Five 100"]:
        assert not any(word in q for q in quotes), word
    rejected = {(r.span.text, r.reason) for r in sample_figures.rejected}
    assert {("22nd", RejectReason.ORDINAL), ("18th", RejectReason.ORDINAL), ("10", RejectReason.RHETORICAL), ("2012", RejectReason.DATE)} <= rejected
    for r in sample_figures.rejected:
        assert sample_text[r.span.start : r.span.end] == r.span.text


def test_figures_sample_series_rankings_and_fine(sample_figures):
    assert [(s.measure, s.change) for s in sample_figures.series] == [
        ("internet users", Decimal("466000000")),
        ("internet coverage rate", Decimal("30.9")),
        ("digital economy market size", Decimal("34500000000000")),
        ("digital economy share of GDP", Decimal("18.2")),
    ]
    assert [r.rank for r in sample_figures.rankings] == [1, 2, 1, 2, 2, 1]
    (fine,) = sample_figures.fines
    assert (fine.target.name, fine.amount.value, fine.amount.period.label) == ("Didi Global Inc", Decimal("8206000000"), "2022-07")


def test_figures_measure_concept_is_shared_across_a_series(sample_figures):
    users = [f for f in sample_figures.figures if f.measure == "internet users"]
    assert len(users) == 2


# ---------------------------------------------------------------- the hand-written fixtures


def _found(figures):
    return [Found(f.span.start, f.span.end, f.value, f.unit.key, f.period.label if f.period else None) for f in figures.figures]


@pytest.fixture(scope="module")
def fixture_scores():
    out = {}
    for folder in figure_cases():
        text, data, expected = load_expected(folder)
        figures = resolve(read_transcript(folder / "input.txt")).figures[0]
        out[folder.name] = (data, figures, score(text, expected, _found(figures)))
    return out


def test_figures_fixtures_precision_recall_and_periods(fixture_scores):
    assert len(fixture_scores) >= 3
    total = sum((s for _, _, s in fixture_scores.values()), ZERO)
    assert total.expected >= 100
    assert total.precision >= 0.9, total.spurious
    assert total.recall >= 0.9, total.missed
    assert total.period_accuracy >= 0.85, total.wrong_periods


@pytest.mark.parametrize("name", [p.name for p in figure_cases()])
def test_figures_fixture_rankings_fines_and_series(fixture_scores, name):
    data, figures, _ = fixture_scores[name]
    assert sorted(r.rank for r in figures.rankings) == sorted(r["rank"] for r in data["rankings"])
    assert [(str(f.amount.value.normalize()), f.amount.unit.key, f.target.name, f.amount.period.label) for f in figures.fines] == [
        (str(Decimal(f["amount"]).normalize()), f["unit"], f["target"], f["period"]) for f in data["fines"]
    ]
    assert [[s.start.value, s.end.value] for s in figures.series] == [[Decimal(v) for v in s["values"]] for s in data["series"]]
    assert [s.change for s in figures.series] == [Decimal(s["change"]) for s in data["series"]]


@pytest.mark.parametrize("name", [p.name for p in figure_cases()])
def test_figures_fixture_not_figures(fixture_scores, name):
    data, figures, _ = fixture_scores[name]
    quotes = [f.span.text for f in figures.figures]
    for phrase in data["not_figures"]:
        assert not any(phrase in q or q in phrase for q in quotes), phrase
