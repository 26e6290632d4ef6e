"""The hand-annotated real sample (tests/real_sample/): precision stays at the level the README reports.

Skipped where the development corpus (../shared/corpus) is not beside the checkout.
"""

from __future__ import annotations

import pytest

from .real_scorer import CATEGORIES, FIFTH, agreement, real_cases, score_all

pytestmark = pytest.mark.skipif(not real_cases(), reason="no development corpus at ../shared/corpus")


def test_every_category_keeps_precision_of_at_least_0_95():
    total, errors, _ = score_all()
    low = {c: round(s.precision, 2) for c, s in total.items() if s.tp + s.fp and s.precision < 0.95}
    assert not low, (low, {case: {k: v for k, v in e.items() if k.startswith("fp:")} for case, e in errors.items()})


def test_every_annotated_category_is_scored():
    total, _, _ = score_all()
    assert set(total) == set(CATEGORIES)
    assert sum(s.tp for s in total.values()) > 200  # the sample is read: participants, posts, people, bodies, figures


def test_an_annotation_agrees_fully_with_itself():
    """The agreement measure is the scorer's own matching: the gold against itself scores 1.00."""
    total = agreement(FIFTH, FIFTH)
    scored = {c: s for c, s in total.items() if s.tp + s.fn + s.fp}
    assert scored and all(s.fp == 0 and s.fn == 0 for s in scored.values()), scored


def test_the_second_annotation_of_the_fifth_sample_is_read_and_scored():
    total = agreement(FIFTH, FIFTH / "second")
    assert sum(s.tp for s in total.values()) > 100  # all eight openings were matched, not skipped
    assert any(s.fp or s.fn for s in total.values())  # two people disagree somewhere: the measure can fall below 1


def test_a_window_scores_only_what_lies_in_it():
    """An annotation of a window past the opening: what cyberkg finds before the window is out of scope."""
    from .real_scorer import build, score_case

    [opening] = [c for c in real_cases() if c.expected["figures"]][:1]
    window = dict(opening.expected, start=len(opening.text()), chars=0, participants=[], posts=[], figures=[])
    window["entities"] = {kind: [] for kind in opening.expected["entities"]}
    case = type(opening)(opening.name, opening.path, 0, window, start=len(opening.text()))
    scores, errors, _ = score_case(case, build(case))
    assert not errors and all(s.tp + s.fp + s.fn == 0 for s in scores.values()), errors  # an empty window: nothing predicted in it
    assert sum(s.tp for s in score_case(opening, build(opening))[0].values()) > 10  # the opening itself is scored
