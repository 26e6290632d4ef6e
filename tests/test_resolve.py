"""Stage 3: people, posts and bodies of the sample and of the hand-written roster fixtures."""

from __future__ import annotations

import pytest

from cyberkg.entities import Rule, normalise_key
from cyberkg.model import Kind, Role
from cyberkg.parse import parse_transcript, read_transcript
from cyberkg.resolve import resolve

from .conftest import fixture_cases

OFFICE = "Office of the Central Cyberspace Affairs Commission"

# What the sample's roster lines state, written out by hand from the transcript.
SAMPLE_POSTS = {
    "Niu Yibing": {
        ("deputy director", OFFICE),
        ("vice minister", "Cyberspace Administration of China"),
        ("spokesperson", "Cyberspace Administration of China"),
    },
    "Yang Shuzhen": {("director general", f"Policy Research Bureau of the {OFFICE}")},
    "Zhang Yongjun": {("director general", f"Comprehensive Cyberspace Governance Bureau of the {OFFICE}")},
    "Sun Weimin": {("director general", f"Cybersecurity Coordination Bureau of the {OFFICE}")},
    "Wang Song": {("director general", f"Informatization Development Bureau of the {OFFICE}")},
    "Qi Xiaoxia": {("director general", f"International Cooperation Bureau of the {OFFICE}")},
    "Zhang Yong": {("senior official", f"Cyber Communication Bureau of the {OFFICE}")},
    "Shou Xiaoli": {
        ("spokesperson", "Publicity Department of the Central Committee of the Communist Party of China")
    },
}
# posts of people the speakers mention after a title
SAMPLE_MENTIONED_POSTS = {"Xi Jinping": {("general secretary", None)}}


def facts(conference):
    """(people by name, bodies by name, posts by holder name, names by (kind, key))."""
    names = {(e.kind, e.key): e.name for e in conference.entities}
    people = {e.name: e for e in conference.people}
    bodies = {e.name: e for e in conference.of_kind(Kind.ORGANIZATION)}
    posts: dict[str, set] = {}
    for post in conference.posts:
        body = names[(Kind.ORGANIZATION, post.organization)] if post.organization else None
        posts.setdefault(names[(Kind.PERSON, post.holder)], set()).add((post.title, body))
    return people, bodies, posts, names


def test_resolve_sample_people_and_posts(sample_transcript):
    people, _, posts, _ = facts(resolve(sample_transcript))
    assert posts == SAMPLE_POSTS | SAMPLE_MENTIONED_POSTS
    participants = {n for n, p in people.items() if p.role is not Role.MENTIONED}
    assert participants == set(SAMPLE_POSTS)


def test_resolve_sample_bureaus_are_units_of_the_office(sample_transcript):
    _, bodies, _, _ = facts(resolve(sample_transcript))
    bureaus = [name for name in bodies if name.endswith(f" Bureau of the {OFFICE}")]
    assert len(bureaus) == 6
    for name in bureaus:
        assert bodies[name].parent == normalise_key(OFFICE)
    assert bodies[OFFICE].parent == normalise_key("Central Cyberspace Affairs Commission")
    assert bodies["Cyberspace Administration of China"].acronyms == ("CAC",)
    assert bodies["Communist Party of China"].acronyms == ("CPC",)


def test_resolve_sample_moderator_honorifics_and_turns(sample_transcript):
    conference = resolve(sample_transcript)
    people = {p.name: p for p in conference.people}
    assert conference.moderator == normalise_key("Shou Xiaoli")
    assert people["Shou Xiaoli"].role is Role.MODERATOR
    assert {n for n, p in people.items() if p.role is Role.SPEAKER} == set(SAMPLE_POSTS) - {"Shou Xiaoli"}
    assert people["Sun Weimin"].honorific == "Ms." and people["Qi Xiaoxia"].honorific == "Ms."
    assert people["Zhang Yong"].honorific == "Mr." and people["Niu Yibing"].honorific == "Mr."
    assert people["Shou Xiaoli"].honorific is None  # never called Ms. in the text
    assert [(t.order, t.speaker, t.role) for t in conference.turns] == [
        (1, (Kind.PERSON, "shou xiaoli"), Role.MODERATOR),
        (2, (Kind.PERSON, "niu yibing"), Role.SPEAKER),
    ]
    short = [m for m in conference.mentions if m.evidence.span.text == "Mr. Niu"]
    assert [(m.target, m.rule) for m in short] == [((Kind.PERSON, "niu yibing"), Rule.SURNAME)]


@pytest.mark.parametrize("case", fixture_cases(), ids=lambda c: c.name)
def test_resolve_fixture(case):
    conference = resolve(read_transcript(case.input))
    want = case.expected
    people, bodies, posts, names = facts(conference)

    assert conference.title.span.text == want["title"]
    assert (conference.published[1].date.isoformat() if conference.published else None) == want["published"]
    assert conference.held[1].date.isoformat() == want["held"]
    assert people[want["moderator"]].key == conference.moderator

    participants = {n for n, p in people.items() if p.role is not Role.MENTIONED}
    assert participants == {p["name"] for p in want["people"]}
    for p in want["people"]:
        assert people[p["name"]].honorific == p["honorific"], p["name"]
        assert people[p["name"]].role.value == p["role"], p["name"]
        assert posts[p["name"]] == {(q["title"].lower(), q["organization"]) for q in p["posts"]}, p["name"]

    roster_bodies = {o["name"] for o in want["organizations"]}
    assert roster_bodies <= set(bodies)
    for o in want["organizations"]:
        got = bodies[o["name"]]
        assert (got.acronyms[0] if got.acronyms else None) == o["acronym"], o["name"]
        assert (names[(Kind.ORGANIZATION, got.parent)] if got.parent else None) == o["parent"], o["name"]

    speakers = [(names[t.speaker] if t.speaker else t.label.text, t.role.value) for t in conference.turns]
    assert speakers == [(t["speaker"], t["role"]) for t in want["turns"]]


def test_resolve_ambiguous_short_name_is_kept_as_unresolved():
    text = (
        "Briefing\n\nZhang Wei, director of the Water Bureau\nZhang Min, director of the Forest Bureau\n"
        "Lu Qi, spokesperson of the Press Office\n\nLu Qi:\nWelcome Zhang Wei and Zhang Min. Mr. Zhang will start.\n"
    )
    conference = resolve(parse_transcript(text))
    assert [(u.evidence.span.text, u.kind) for u in conference.unresolved] == [("Mr. Zhang", "person")]
    assert "ambiguous" in conference.unresolved[0].reason


def test_resolve_roster_printed_twice_gives_each_fact_once():
    line = "Gu Ren, director of the Ocean Bureau of the Ministry of Seas (MOS)\n"
    text = "Briefing\n\n" + line + line + "\nGu Ren:\nHello.\n"
    conference = resolve(parse_transcript(text))
    assert len(conference.people) == 1 and len(conference.posts) == 1
    assert len(conference.posts[0].evidence) == 2  # both printed lines are evidence


# ---------------------------------------------------------------- labels of real briefings (issue 9 item 3)

BRIEFING = (
    "Press Briefing by Press Secretary Ana Reyes and Secretary of Rivers Tom Hale, May 2, 2024\n\n"
    "MS. REYES:  Good afternoon.  Secretary Hale is here with us.\n\n"
    "Q    Will the plan need a vote?\n\n"
    "SECRETARY HALE:  It will not.\n\n"
    "SENIOR ADMINISTRATION OFFICIAL:  One more thing on that.\n\n"
    "THE PRESIDENT:  Thank you all.\n\n"
    "MR. OKAFOR:  I would add a word.  As Ben Okafor, our Deputy Secretary for Ports, I agree.\n"
)


def test_resolve_labels_to_the_people_the_headline_names():
    conference = resolve(parse_transcript(BRIEFING))
    names = {e.key: e for e in conference.people}
    speakers = [(names[t.speaker[1]].name if t.speaker else None, t.role, t.speaker_kind.value) for t in conference.turns]
    assert speakers == [
        ("Ana Reyes", Role.SPEAKER, "person"),
        (None, Role.JOURNALIST, "questioner"),
        ("Tom Hale", Role.SPEAKER, "person"),
        (None, Role.SPEAKER, "role"),
        (None, Role.SPEAKER, "role"),
        ("Ben Okafor", Role.SPEAKER, "person"),
    ]
    posts = {(names[p.holder].name, p.title) for p in conference.posts}
    assert {("Ana Reyes", "press secretary"), ("Tom Hale", "secretary")} <= posts
    assert not any("official" in e.name.lower() or e.name.upper() == e.name for e in conference.people)
    assert {"Reyes", "Hale", "Okafor"}.isdisjoint({e.name for e in conference.people})


def test_resolve_answer_label_is_the_headline_spokesperson_and_answers_link_to_questions():
    from cyberkg.relate import relate

    text = "Foreign Ministry Spokesperson Lin Qiao’s Regular Press Conference on March 7, 2025\n\nQ: Any news?\n\nA: None today.\n"
    conference = relate(resolve(parse_transcript(text)))
    lin = normalise_key("Lin Qiao")
    assert [(t.speaker, t.role) for t in conference.turns] == [(None, Role.JOURNALIST), ((Kind.PERSON, lin), Role.SPEAKER)]
    assert conference.answers == ((2, 1),)
    assert any(p.holder == lin and p.title == "spokesperson" for p in conference.posts)


def test_resolve_narrative_turn_has_no_speaker():
    text = "Spokesperson Lin Qiao's Regular Press Conference on March 7, 2025\n\nThe council met today. It adopted two plans.\n"
    conference = resolve(parse_transcript(text))
    assert [(t.speaker, t.label) for t in conference.turns] == [(None, None)]


@pytest.mark.parametrize(
    ("surname", "strict"),
    [("HALE", False), ("Hale", True), ("Moreau", False), ("Jean", False), ("Ives", True), ("hale", True), ("Berg", False)],
)
def test_full_names_from_the_word_pair_index_are_those_a_scan_finds(surname, strict):
    """The index of word pairs (one pass over the text) finds what a scan of the text for each surname finds."""
    import re

    from cyberkg.lexicon import word_set
    from cyberkg.parse import parse_transcript
    from cyberkg.resolve import _full_names, _not_a_first_name, lexicon

    text = (
        "Briefing on harbour works\n\nAnna Berg:\n\nTom Hale met Rosa Moreau and Paul Jean-Ives. "
        "Later, tom hale and Sam HALE spoke, and Hale's aide, Mia Hale's friend, said Hales was away. "
        "Deputy Hale, The Hale and Of Hale are no names. Rosa Moreau-Lutz came. National Harbour Hale.\n"
    )
    page = parse_transcript(text)
    # the scan the index replaced: one pass over the text per surname
    last = re.escape(surname) if strict else rf"(?i:{re.escape(surname)})"
    stop = word_set("function_words") | word_set("sentence_openers")
    scanned = []
    for m in re.finditer(rf"\b([A-Z][a-z][\w'\-]*)\s+({last})\b", page.folded):
        first = m.group(1)
        if first.lower() in stop or first in stop or lexicon().match_title(first) or lexicon().honorific_re.match(first + " "):
            continue
        if strict and _not_a_first_name(page.folded, m.start(), first, stop):
            continue
        scanned.append((f"{first} {page.text[m.start(2) : m.end(2)]}", m.start(), m.end()))
    found = [(name, span.start, span.end) for name, span in _full_names(page, surname, strict=strict)]
    assert found == scanned
    assert found or surname in ("Ives", "hale")


def test_a_hyphenated_surname_label_is_the_headline_person_written_with_an_escaped_space():
    # the front matter's title writes the space as YAML's "\_" (a no-break space): the source never
    # spells "Ana Ruiz-Soto", so the label must meet the headline's person by the surname itself
    text = (
        '---\ndate: \'2031-05-06\'\ntitle: "Press Briefing by Press Secretary Ana\\_Ruiz-Soto"\n---\n\n'
        "Briefing Room\n\n2:07 P.M. EST\n\nMS. RUIZ-SOTO:  Good afternoon.\n\nQ    Good afternoon.\n\n"
        "MS. RUIZ-SOTO:  One more thing.\n"
    )
    conference = resolve(parse_transcript(text))
    assert [e.name for e in conference.people] == ["Ana Ruiz-Soto"]
    assert all(t.speaker == (Kind.PERSON, "ana ruiz soto") for t in conference.turns if t.role is Role.SPEAKER)
