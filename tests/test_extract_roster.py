"""Stage 2: roster lines into names, posts and bodies; nested bodies; acronyms."""

from __future__ import annotations

import pytest

from cyberkg.extract.orgs import expansion_of, find_acronym_after, is_org_name, split_nested
from cyberkg.extract.roster import parse_entry
from cyberkg.model import Span


def entry(text: str):
    return parse_entry(text, Span.of(text, 0, len(text)))


def posts(text: str) -> list[tuple[str, str | None]]:
    return [(p.title.text, p.body.text if p.body else None) for p in entry(text).posts]


def test_roster_entry_with_three_posts_in_two_bodies():
    text = "Ai Bo, deputy director of the Office of the Water Commission, vice minister of the Rivers Administration (RA) and spokesperson of the RA"
    e = entry(text)
    assert e.name.text == "Ai Bo" and e.honorific is None
    assert posts(text) == [
        ("deputy director", "Office of the Water Commission"),
        ("vice minister", "Rivers Administration"),
        ("spokesperson", "RA"),
    ]
    acr = e.posts[1].acronym
    assert (acr.acronym.text, acr.expansion.text) == ("RA", "Rivers Administration")


def test_roster_shared_title_takes_the_next_body():
    assert posts("Mr. Fu Lin, vice minister and spokesperson of the Ministry of Housing and Urban-Rural Development") == [
        ("vice minister", "Ministry of Housing and Urban-Rural Development"),
        ("spokesperson", "Ministry of Housing and Urban-Rural Development"),
    ]


def test_roster_honorific_and_hyphenated_title():
    e = entry("Ms. Tao Yu, director-general of the Department of Trade of the Ministry of Commerce")
    assert e.honorific.text == "Ms." and e.name.text == "Tao Yu"
    assert posts(e.line.text) == [("director-general", "Department of Trade of the Ministry of Commerce")]


def test_roster_title_not_in_vocabulary_falls_back_to_of():
    assert posts("Qin Ke, chief scientist of the Ocean Institute") == [("chief scientist", "Ocean Institute")]


def test_roster_line_without_post_is_not_an_entry():
    assert entry("Beijing, China") is None or entry("Beijing, China").posts


@pytest.mark.parametrize(
    ("name", "chain"),
    [
        (
            "Policy Bureau of the Office of the Central Water Commission",
            [
                "Policy Bureau of the Office of the Central Water Commission",
                "Office of the Central Water Commission",
                "Central Water Commission",
            ],
        ),
        ("Cyberspace Administration of Xland", ["Cyberspace Administration of Xland"]),
        ("Ministry of Foreign Affairs", ["Ministry of Foreign Affairs"]),
        ("Ministry of Industry and Information Technology", ["Ministry of Industry and Information Technology"]),
        (
            "Department of Policies and Regulations of the Ministry of Commerce",
            ["Department of Policies and Regulations of the Ministry of Commerce", "Ministry of Commerce"],
        ),
        (
            "Publicity Department of the Central Committee of the Workers Party of Xland",
            [
                "Publicity Department of the Central Committee of the Workers Party of Xland",
                "Central Committee of the Workers Party of Xland",
                "Workers Party of Xland",
            ],
        ),
        ("the State Council Information Office", ["State Council Information Office"]),
    ],
)
def test_split_nested(name, chain):
    got = split_nested(Span.of(name, 0, len(name)))
    assert [o.name.text for o in got] == chain
    assert [o.parent.text if o.parent else None for o in got] == chain[1:] + [None]


@pytest.mark.parametrize(
    ("acronym", "name", "expansion"),
    [
        ("CPC", "Central Committee of the Communist Party of China", "Communist Party of China"),
        ("NDRC", "National Development and Reform Commission", "National Development and Reform Commission"),
        ("PBOC", "People's Bank of China", "People's Bank of China"),
        ("SCIO", "Press Bureau of the State Council Information Office", "State Council Information Office"),
        ("XYZ", "Unrelated Body", "Unrelated Body"),
    ],
)
def test_acronym_belongs_to_the_words_it_abbreviates(acronym, name, expansion):
    assert expansion_of(acronym, Span.of(name, 0, len(name))).text == expansion


def test_find_acronym_after_requires_parenthesised_acronym():
    text = "Water Bureau (in Beijing)"
    assert find_acronym_after(text, Span.of(text, 0, 12)) is None


@pytest.mark.parametrize(("name", "ok"), [("Forest Bureau", True), ("Ministry of X", True), ("China", False), ("ABC", True)])
def test_is_org_name(name, ok):
    assert is_org_name(name) is ok
