"""Number normalisation: digits, words, fractions, scale words, and what is not a number."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cyberkg.extract.numbers import NumberKind, decimal_text, find_numbers, parse_number, words_value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.03 billion", "1030000000"),
        ("45.5 trillion", "45500000000000"),
        ("8.206 billion", "8206000000"),
        ("30,000", "30000"),
        ("12,292", "12292"),
        ("1,234,567.5", "1234567.5"),
        ("564 million", "564000000"),
        ("3 bn", "3000000000"),
        ("42.1", "42.1"),
        ("eight", "8"),
        ("twelve", "12"),
        ("twenty-five", "25"),
        ("one hundred and twenty", "120"),
        ("two million", "2000000"),
        ("a dozen", "12"),
        ("one-third", "0.333333"),
        ("two-thirds", "0.666667"),
        ("a quarter", "0.25"),
        ("three quarters", "0.75"),
        ("half", "0.5"),
        ("one in five", "0.2"),
    ],
)
def test_numbers_parse_value(text, value):
    assert decimal_text(parse_number(text)) == value


@pytest.mark.parametrize("text", ["5G networks", "IPv6 addresses", "COVID-19 cases", "G20 members", "version_2"])
def test_numbers_digits_glued_to_letters_are_names(text):
    assert [n for n in find_numbers(text) if n.kind is NumberKind.CARDINAL] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [("the 22nd press conference", NumberKind.ORDINAL), ("the second goal", NumberKind.ORDINAL), ("one-third of it", NumberKind.FRACTION), ("10km of road", NumberKind.CARDINAL)],
)
def test_numbers_kind(text, kind):
    (number,) = find_numbers(text)
    assert number.kind is kind


def test_numbers_spans_point_into_the_source():
    source = "xx over 1.4 billion accounts"
    numbers = find_numbers(source[3:], offset=3, source=source)
    assert [(n.span.start, n.span.end, n.span.text) for n in numbers] == [(8, 19, "1.4 billion")]


@pytest.mark.parametrize("words", ["five five", "twenty thirty", "banana"])
def test_numbers_words_that_make_no_number(words):
    assert words_value(words) is None


def test_numbers_decimal_text_is_canonical():
    assert decimal_text(Decimal("1.0300E+9")) == "1030000000"
    assert decimal_text(Decimal("0.50")) == "0.5"
