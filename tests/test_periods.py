"""Reference periods: explicit and relative phrases, resolved against the conference date."""

from __future__ import annotations

import datetime as dt

import pytest

from cyberkg.periods import Granularity, Period, PeriodRole, find_periods

AUG_2022 = dt.date(2022, 8, 19)
APR_2024 = dt.date(2024, 4, 25)
JAN_2025 = dt.date(2025, 1, 15)


@pytest.mark.parametrize(
    ("held", "text", "phrase", "label"),
    [
        (AUG_2022, "In 2021, it filed", "In 2021", "2021"),
        (AUG_2022, "From 2012 to 2021, users grew", "From 2012 to 2021", "2012/2021"),
        (AUG_2022, "between 2015 and 2020 it rose", "between 2015 and 2020", "2015/2020"),
        (AUG_2022, "In the first half of this year, we", "In the first half of this year", "2022-H1"),
        (AUG_2022, "in the second half of last year", "in the second half of last year", "2021-H2"),
        (AUG_2022, "In July, we imposed", "In July", "2022-07"),
        (AUG_2022, "Last year, output", "Last year", "2021"),
        (AUG_2022, "by the end of June this year", "by the end of June this year", "2022-06-30"),
        (AUG_2022, "by the end of last year", "by the end of last year", "2021-12-31"),
        (AUG_2022, "in the first quarter of 2021", "in the first quarter of 2021", "2021-Q1"),
        (AUG_2022, "in Q3 2021", "Q3 2021", "2021-Q3"),
        (AUG_2022, "in H2 2020", "H2 2020", "2020-H2"),
        (AUG_2022, "from January to June", "from January to June", "2022-H1"),
        (AUG_2022, "in the first six months", "in the first six months", "2022-H1"),
        (AUG_2022, "in the first three quarters of 2021", "in the first three quarters of 2021", "2021-01-01/2021-09-30"),
        (AUG_2022, "Since the beginning of this year, we", "Since the beginning of this year", "2022-01-01/2022-08-19"),
        (AUG_2022, "Over the past five years, costs", "Over the past five years", "2017-08-19/2022-08-19"),
        (AUG_2022, "the grid now has", "now", "2022-08-19"),
        (AUG_2022, "Last month, we issued", "Last month", "2022-07"),
        (AUG_2022, "Last October, that figure", "Last October", "2021-10"),
        (AUG_2022, "as of June 30, 2022", "as of June 30, 2022", "2022-06-30"),
        (APR_2024, "In the first quarter, consumption", "In the first quarter", "2024-Q1"),
        (APR_2024, "In the fourth quarter, it fell", "In the fourth quarter", "2023-Q4"),
        (JAN_2025, "In December alone it dropped", "In December alone", "2024-12"),
        (JAN_2025, "We will finish by the end of June.", "by the end of June", "2025-06-30"),
        (JAN_2025, "We plan to add more in March.", "in March", "2025-03"),
    ],
)
def test_periods_resolve(held, text, phrase, label):
    found = [(m.span.text, m.period.label) for m in find_periods(text, held) if m.role is PeriodRole.REFERENCE]
    assert found == [(phrase, label)]


@pytest.mark.parametrize(
    "text",
    ["up 0.4 percentage points from 2023", "Compared with 2019, trips recovered", "higher than in 2020"],
)
def test_periods_comparison_base_is_a_baseline(text):
    (mention,) = find_periods(text, JAN_2025)
    assert mention.role is PeriodRole.BASELINE


@pytest.mark.parametrize("text", ["May I ask a question?", "we march forward", "the 5G network", "over 2,021 websites"])
def test_periods_none_in_text_without_one(text):
    assert find_periods(text, JAN_2025) == []


def test_periods_relative_phrases_need_a_conference_date():
    assert find_periods("Last year, it grew.", None) == []
    assert [m.period.label for m in find_periods("In 2021, it grew.", None)] == ["2021"]


def test_periods_interval_has_bounds_for_series():
    (mention,) = find_periods("From 2012 to 2021, it grew", AUG_2022)
    assert [b.label for b in mention.bounds] == ["2012", "2021"]


def test_periods_in_the_same_period_points_back():
    (mention,) = find_periods("hit 162 billion yuan in the same period", AUG_2022)
    assert mention.role is PeriodRole.SAME_AS_BEFORE


@pytest.mark.parametrize(
    ("period", "label", "granularity"),
    [
        (Period.between(dt.date(2023, 1, 1), dt.date(2023, 12, 31)), "2023", Granularity.YEAR),
        (Period.between(dt.date(2023, 7, 1), dt.date(2023, 12, 31)), "2023-H2", Granularity.HALF_YEAR),
        (Period.between(dt.date(2023, 4, 1), dt.date(2023, 6, 30)), "2023-Q2", Granularity.QUARTER),
        (Period.between(dt.date(2024, 2, 1), dt.date(2024, 2, 29)), "2024-02", Granularity.MONTH),
        (Period.between(dt.date(2024, 2, 3), dt.date(2024, 2, 3)), "2024-02-03", Granularity.DAY),
        (Period.between(dt.date(2024, 2, 3), dt.date(2024, 5, 3)), "2024-02-03/2024-05-03", Granularity.INTERVAL),
    ],
)
def test_periods_between_names_the_largest_unit(period, label, granularity):
    assert (period.label, period.granularity) == (label, granularity)


def test_periods_reject_backwards_interval():
    with pytest.raises(ValueError, match="after it ends"):
        Period(dt.date(2024, 2, 1), dt.date(2024, 1, 1), Granularity.INTERVAL)
