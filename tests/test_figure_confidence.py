"""The figure-confidence model: what it judges, what it rejects, and that the shipped model is the trained one."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest

from cyberkg.extract.confidence import figure_model, judged
from cyberkg.extract.figures import RejectReason, extract_figures
from cyberkg.lexicon import read_list
from cyberkg.parse import parse_transcript

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _said(said: str, **options):
    return extract_figures(parse_transcript(f"Briefing on harbour works\n\nAnna Berg:\n\n{said}\n"), **options)


@pytest.mark.parametrize(
    ("phrase", "unit", "expected"),
    [
        ("two months", "month", True),  # a length of time, in words
        ("25 years", "year", True),  # or in digits
        ("two deficits", "deficit", True),  # a count in words
        ("half", "fraction", True),
        ("12 piers", "pier", False),  # a count in digits
        ("$40 million", "USD", False),
        ("4 percent", "percent", False),
    ],
)
def test_the_model_judges_lengths_of_time_and_counts_in_words_only(phrase, unit, expected):
    assert judged(phrase, unit) is expected


@pytest.mark.parametrize(
    ("said", "uncertain"),
    [
        ("It has been 25 years since we changed the rules.", "25 years"),  # a time since, framing the news
        ("We have two deficits that we are grappling with.", "two deficits"),
    ],
)
def test_an_uncertain_figure_is_a_rejected_candidate_not_lost(said, uncertain):
    found = _said(said)
    assert uncertain not in [f.span.text for f in found.figures]
    assert [(r.span.text, r.reason) for r in found.rejected if r.reason is RejectReason.UNCERTAIN] == [(uncertain, RejectReason.UNCERTAIN)]
    assert uncertain in [f.span.text for f in _said(said, min_confidence=0.0).figures]  # the rules alone keep it


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("She served 36 years on the board.", ["36 years"]),
        ("The harbour has 12 piers and $40 million for the works.", ["12 piers", "$40 million"]),
        ("The piers grew by 4 percent over four months.", ["4 percent"]),
    ],
)
def test_a_confident_or_unjudged_figure_stays(said, kept):
    assert [f.span.text for f in _said(said).figures] == kept


def test_the_model_names_no_word_outside_its_closed_list():
    """Features read closed-class words only: no name, body or content word of the corpus is in the model."""
    model = figure_model()
    assert model.words == frozenset(read_list("context_words"))
    data = json.loads((files("cyberkg") / "data" / "figure_confidence.json").read_text(encoding="utf-8"))
    for feature in data["weights"]:
        if "=" not in feature:
            assert feature in {"other_amount", "other_digits", "in_question"}, feature
            continue
        value = feature.split("=", 1)[1]
        for token in re.split(r"[ /]", value):
            assert token in model.words or token in {"W", "#"} or not token.isalpha() or token in {
                "time", "count", "people", "fraction", "digit", "word", "lt10", "lt100", "lt1e4", "big",
            }, feature
    assert 0.5 <= model.threshold < 1.0
    assert model.score("It took 20 days.", 8, 15, Decimal(20), "day") == model.score("It took 20 days.", 8, 15, Decimal(20), "day")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus beside the checkout")
def test_the_shipped_model_is_the_one_the_training_script_writes():
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "train_figure_confidence.py"), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_judged_figure_carries_its_score_kept_or_rejected():
    model = figure_model()
    found = _said("Over two decades, the harbour has carried 9 percent of the trade. The crews worked for eight months on the breakwater.")
    scores = {f.span.text: f.confidence for f in found.figures}
    assert scores["9 percent"] is None  # a share is not judged
    assert scores["eight months"] >= model.threshold
    (uncertain,) = [r for r in found.rejected if r.reason is RejectReason.UNCERTAIN]
    assert uncertain.span.text == "Over two decades" and uncertain.score < model.threshold
    assert all(r.score is None for r in found.rejected if r.reason is not RejectReason.UNCERTAIN)


def test_with_no_threshold_every_judged_figure_still_gets_its_score():
    found = _said("Over two decades, the harbour has carried 9 percent of the trade. The crews worked for eight months on the breakwater.", min_confidence=0.0)
    assert not [r for r in found.rejected if r.reason is RejectReason.UNCERTAIN]
    assert {f.span.text: f.confidence is not None for f in found.figures} == {"Over two decades": True, "9 percent": False, "eight months": True}


def test_a_series_on_figures_under_the_threshold_keeps_them_and_their_scores():
    found = _said("The wait for a berth fell from eight months in 2020 to three months in 2023.")
    (series,) = found.series
    assert [f.span.text for f in found.figures] == ["eight months", "three months"]
    assert all(f.confidence is not None and f.confidence < figure_model().threshold for f in found.figures)
    assert (series.start, series.end) == found.figures  # the series holds the scored figures


def test_only_an_uncertain_figure_has_a_score():
    from cyberkg.extract.figures import Rejected
    from cyberkg.model import Span

    span = Span.of("the 3rd pier", 4, 7)
    assert Rejected(span, RejectReason.UNCERTAIN, 1, 0.4).score == 0.4
    with pytest.raises(ValueError, match="'3rd'"):
        Rejected(span, RejectReason.ORDINAL, 1, 0.4)
    with pytest.raises(ValueError, match="1.5"):
        Rejected(span, RejectReason.UNCERTAIN, 1, 1.5)
