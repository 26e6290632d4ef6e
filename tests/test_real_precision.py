"""False positives seen on real briefings, each fixed by a general rule; every text here is invented."""

from __future__ import annotations

import pytest

from cyberkg.extract.figures import RejectReason, extract_figures
from cyberkg.parse import parse_transcript


def _figures(said: str, *, dated: bool = False):
    date = "March 10, 2022\n\n" if dated else ""
    return extract_figures(parse_transcript(f"Briefing on harbour works\n\n{date}Anna Berg:\n\n{said}\n"))


# ---------------------------------------------------------------- time spans are periods, not figures


@pytest.mark.parametrize(
    ("said", "span"),
    [
        ("Cases fell 20 percent over the last seven days.", "seven"),
        ("In the two weeks since the storm, we sent 40 crews.", "two"),
        ("Over the past four weeks, we built 300 bridges.", "four"),
        ("In the past six months we built 12 bridges.", "six"),
        ("We have not built this many bridges in the last half century.", "half"),
        ("The crews waited half an hour.", "half"),
    ],
)
def test_time_span_is_a_rejected_candidate(said, span):
    for dated in (False, True):
        found = _figures(said, dated=dated)
        assert span not in {f.span.text for f in found.figures}
        assert (span, RejectReason.DATE) in {(r.span.text, r.reason) for r in found.rejected}


@pytest.mark.parametrize(
    ("said", "label"),
    [
        ("Cases fell 20 percent over the last seven days.", "2022-03-03/2022-03-10"),
        ("In the two weeks since the storm, we sent 40 crews.", "2022-02-24/2022-03-10"),
        ("Over the past four weeks, we built 300 bridges.", "2022-02-10/2022-03-10"),
    ],
)
def test_time_span_is_the_period_of_the_figure_it_frames(said, label):
    [figure] = _figures(said, dated=True).figures
    assert figure.period is not None and figure.period.label == label


def test_half_of_something_is_still_a_fraction():
    assert [f.span.text for f in _figures("Half of the bridges are new.").figures] == ["Half"]


# ---------------------------------------------------------------- rhetorical list counts


@pytest.mark.parametrize(
    "said",
    [
        "The plan is really three sections.",
        "It has three components.",
        "I will speak in two parts.",
        "We sorted the work into four buckets.",
        "There are five pillars to it.",
        "The harbour deal has three prongs.",
    ],
)
def test_small_count_of_a_list_noun_is_rhetorical(said):
    found = _figures(said)
    assert not found.figures
    assert RejectReason.RHETORICAL in {r.reason for r in found.rejected}


def test_digits_of_a_list_noun_are_still_a_figure():
    assert [f.span.text for f in _figures("The harbour has 12 sections.").figures] == ["12 sections"]
