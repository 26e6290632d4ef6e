"""What the speakers name: kinds, mentions, aliases, Q&A, pages — on the sample and the fixtures."""

from __future__ import annotations

import re

import pytest
from rdflib import Literal

from cyberkg.entities import Rule
from cyberkg.model import Kind, Role
from cyberkg.parse import parse_transcript, read_transcript
from cyberkg.pipeline import build_graph
from cyberkg.relate import relate
from cyberkg.resolve import resolve
from cyberkg.validate import validate
from cyberkg.vocab import CKG, RDF

from . import scorer

# What the sample's speakers name, written out by hand from its text.
SAMPLE_NAMED = {
    Kind.LAW: {"Cybersecurity Law", "Data Security Law", "Personal Information Protection Law", "Patent Cooperation Treaty"},
    Kind.CAMPAIGN: {"Clear and Bright", "China's positive energy", "Five 100"},
    Kind.EVENT: {
        "CPC National Congress",
        "China Internet Civilization Conference",
        "Digital China Summit",
        "China Cybersecurity Week",
        "World Internet Conference",
    },
    Kind.COMPANY: {"Didi Global Inc"},
}
SAMPLE_BODIES_IN_SPEECH = {
    "Central Committee of the Communist Party of China",
    "Publicity Department of the Central Committee of the Communist Party of China",
    "Central Cyberspace Affairs Commission",
    "Cyberspace Law Enforcement and Supervision Bureau",
    "Cyberspace Administration of China",
}


@pytest.fixture(scope="module")
def sample(sample_transcript):
    return relate(resolve(sample_transcript))


def test_sample_names_every_law_campaign_event_and_company(sample):
    for kind, names in SAMPLE_NAMED.items():
        got = {e.name for e in sample.of_kind(kind)}
        assert names <= got, (kind, names - got)
    assert {e.name for e in sample.of_kind(Kind.LAW)} == SAMPLE_NAMED[Kind.LAW]
    assert {e.name for e in sample.of_kind(Kind.EVENT)} == SAMPLE_NAMED[Kind.EVENT]
    mentioned = {m.target for m in sample.mentions}
    bodies = {e.name: e for e in sample.of_kind(Kind.ORGANIZATION)}
    for name in SAMPLE_BODIES_IN_SPEECH:
        assert (Kind.ORGANIZATION, bodies[name].key) in mentioned, name


def test_sample_every_named_thing_has_evidence_in_a_turn(sample):
    mentioned = {m.target for m in sample.mentions}
    for entity in sample.entities:
        assert entity.evidence, entity.name
        if entity.kind in SAMPLE_NAMED:
            assert (entity.kind, entity.key) in mentioned, entity.name


def test_sample_event_editions(sample):
    events = {e.name: e for e in sample.of_kind(Kind.EVENT)}
    assert events["CPC National Congress"].edition == 18
    assert events["China Cybersecurity Week"].editions_held == 8
    assert events["Digital China Summit"].editions_held == 5
    assert events["World Internet Conference"].acronyms == ("WIC",)


_FRAGMENT_RE = re.compile(r"[.;:!?]|\b(?:is|are|was|were|has|have|had|will|would|we|our|which|that)\b")


def test_no_sentence_fragment_is_a_law_or_an_event(sample):
    conferences = [sample] + [scorer.build(case) for case in scorer.cases()]
    for conference in conferences:
        for entity in (*conference.of_kind(Kind.LAW), *conference.of_kind(Kind.EVENT)):
            assert entity.name[0].isupper() and len(entity.name.split()) <= 14, entity.name
            assert not _FRAGMENT_RE.search(entity.name), entity.name


def test_sample_mentions_record_their_rules(sample):
    rules = {(m.evidence.span.text, m.rule) for m in sample.mentions}
    assert ("CAC", Rule.ACRONYM) in rules
    assert ("WIC", Rule.ACRONYM) in rules
    assert ("CPC Central Committee", Rule.SHORT_FORM) in rules
    assert ("Mr. Niu", Rule.SURNAME) in rules
    people = {e.name: e for e in sample.people}
    assert people["Xi Jinping"].role is Role.MENTIONED


def test_sample_unresolved_mentions_are_kept(sample):
    words = {u.evidence.span.text for u in sample.unresolved}
    assert "BeiDou Navigation Satellite System" in words
    assert all(u.turn is not None and u.reason for u in sample.unresolved)


@pytest.mark.parametrize("kind", scorer.KINDS)
def test_fixture_precision_and_recall_per_kind(kind):
    total, errors = _scores()
    score = total[kind]
    detail = scorer.table(total) + "\n" + "\n".join(
        f"{case}: {key} {names}" for case, errs in errors.items() for key, names in errs.items() if key.endswith(kind)
    )
    assert score.precision >= 0.9, detail
    assert score.recall >= 0.85, detail


_SCORES = {}


def _scores():
    if not _SCORES:
        _SCORES["all"] = scorer.score_all()
    return _SCORES["all"]


@pytest.mark.parametrize("case", scorer.cases(), ids=lambda c: c.name)
def test_fixture_turns_speakers_and_answers(case):
    conference = scorer.build(case)
    names = {(e.kind, e.key): e.name for e in conference.entities}
    turns = [(names[t.speaker] if t.speaker else t.label.text, t.role.value) for t in conference.turns]
    assert turns == [(t["speaker"], t["role"]) for t in case.expected["turns"]]
    assert sorted((q, a) for a, q in conference.answers) == sorted(tuple(x) for x in case.expected["answers"])
    roles = {e.name: e.role.value for e in conference.people}
    for person in case.expected["entities"]["person"]:
        assert roles.get(person["name"]) == person["role"], person["name"]


@pytest.mark.parametrize("name", ["fm-regular", "caps-briefing"])
def test_fm_and_capitalised_styles_build_and_conform(name):
    case = next(c for c in scorer.cases() if c.name == name)
    _, graph = build_graph([read_transcript(p) for p in case.pages])
    assert validate(graph).conforms
    assert len(set(graph.subjects(CKG.answers, None))) >= 4
    assert len(set(graph.subjects(RDF.type, CKG.MediaOutlet))) >= 2 or name == "caps-briefing"
    speaker = case.expected["speaker"]
    assert (None, None, Literal(speaker)) in graph


def test_multipage_conference_carries_roster_posts_to_later_pages():
    case = next(c for c in scorer.cases() if c.name == "multipage")
    pages = [read_transcript(p) for p in case.pages]
    conferences, graph = build_graph(pages)  # same title: one conference, no option needed
    assert len(conferences) == 1
    conference = conferences[0]
    assert [t.order for t in conference.turns] == list(range(1, len(conference.turns) + 1))
    later = [t for t in conference.turns if t.page > 0 and t.speaker and t.speaker[0] is Kind.PERSON]
    assert later, "pages 2..N have speakers"
    holders = {post.holder for post in conference.posts}
    assert all(t.speaker[1] in holders for t in later)  # the roster's posts carry over
    assert validate(graph).conforms


def test_one_conference_option_joins_pages_with_different_titles():
    first = parse_transcript("Briefing on rivers\n\nLi Wei, director of the River Bureau\n\nLi Wei:\nHello.\n", name="a.txt")
    second = parse_transcript("Rivers, continued\n\nLi Wei:\nMore.\n", name="b.txt")
    assert len(build_graph([first, second])[0]) == 2
    conferences, _ = build_graph([first, second], one_conference=True)
    assert len(conferences) == 1 and len(conferences[0].turns) == 2


def test_same_name_different_kinds_stay_apart():
    text = (
        "Briefing\n\nLi Wei:\nWe issued the Blue Water Initiative last year. "
        'We also ran the "Blue Water Initiative" campaign across the country.\n'
    )
    conference = resolve(parse_transcript(text))
    kinds = sorted(e.kind.value for e in conference.entities if e.name == "Blue Water Initiative")
    assert kinds == ["campaign", "document"]


def test_acronym_defined_in_speech_resolves_later_uses():
    text = (
        "Briefing\n\nLi Wei:\nThe National Water Safety Agency (NWSA) met today. "
        "Later the NWSA issued a notice, and an NWSA-led team went to the site.\n"
    )
    conference = resolve(parse_transcript(text))
    agency = next(e for e in conference.entities if e.name == "National Water Safety Agency")
    rules = [m.rule for m in conference.mentions if m.target == (agency.kind, agency.key)]
    assert rules.count(Rule.ACRONYM) == 2 and agency.acronyms == ("NWSA",)


def test_handover_answers_the_same_question():
    text = (
        "Briefing\n\nLi Wei, director of the River Bureau\n\nZhou Min, director of the Lake Bureau\n\n"
        "Gao Lan, spokesperson of the Press Office\n\nGao Lan:\nWelcome. Li Wei and Zhou Min are here.\n\n"
        "River Daily:\nWhat about floods?\n\nLi Wei:\nMr. Zhou Min will answer your question.\n\n"
        "Zhou Min:\nFloods fell.\n\nGao Lan:\nNext question.\n\nLake News:\nAnd lakes?\n\nZhou Min:\nCleaner.\n"
    )
    conference = relate(resolve(parse_transcript(text)))
    assert conference.answers == ((3, 2), (4, 2), (7, 6))
