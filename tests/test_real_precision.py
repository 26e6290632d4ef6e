"""False positives seen on real briefings, each fixed by a general rule; every text here is invented."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cyberkg.extract.figures import RejectReason, extract_figures
from cyberkg.extract.headline import headline_speakers
from cyberkg.extract.numbers import find_numbers
from cyberkg.extract.roster import parse_post
from cyberkg.model import Kind, Span
from cyberkg.parse import parse_transcript
from cyberkg.registry import national_body_name
from cyberkg.resolve import resolve


def _figures(said: str, *, dated: bool = False):
    """What the rules make of ``said``: the confidence model, tested in test_figure_confidence.py, is left out."""
    date = "March 10, 2022\n\n" if dated else ""
    return extract_figures(parse_transcript(f"Briefing on harbour works\n\n{date}Anna Berg:\n\n{said}\n"), min_confidence=0.0)


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


# ---------------------------------------------------------------- posts with a body or modifier before the title


def _posts(text: str) -> set[tuple[str, str, str | None]]:
    """(holder name, title, body name) of every post."""
    conference = resolve(parse_transcript(text))
    names = {e.key: e.name for e in conference.entities}
    return {(names[p.holder], p.title, names.get(p.organization) if p.organization else None) for p in conference.posts}


def _briefing(said: str) -> str:
    return f"Briefing on harbour works\n\nAnna Berg:\n\n{said}\n"


def test_modifier_before_the_body_belongs_to_the_title():
    posts = _posts(_briefing("Acting FBI Director Ann Fox and Deputy Water Bureau Director Li Wei came."))
    assert ("Ann Fox", "acting director", "Federal Bureau of Investigation") in posts
    assert ("Li Wei", "deputy director", "Water Bureau") in posts


@pytest.mark.parametrize(
    ("headline", "post"),
    [
        ("Press Briefing by ABC Coordinator for Harbour Safety Tom Hale", ("Tom Hale", "coordinator for harbour safety", "ABC")),
        ("Press Briefing by Acting FBI Director Tom Hale", ("Tom Hale", "acting director", "Federal Bureau of Investigation")),
    ],
)
def test_headline_body_before_the_title(headline, post):
    assert post in _posts(f"{headline}\n\nMR. HALE: Good afternoon.\n")


# ---------------------------------------------------------------- a "for <portfolio>" tail is part of the title


def test_appositive_title_keeps_its_portfolio():
    text = (
        "Press Briefing by Press Secretary Anna Berg\n\n"
        "MS. BERG: With me is Tom Hale, Deputy National Security Advisor for Harbour Affairs, who will speak.\n\n"
        "MR. HALE: Thanks, Anna.\n"
    )
    assert ("Tom Hale", "deputy national security advisor for harbour affairs", None) in _posts(text)


def test_portfolio_tail_naming_a_body_stays_a_body():
    seg = "Special Envoy for Climate of the Water Bureau"
    post = parse_post(seg, Span.of(seg, 0, len(seg)))
    assert (post.title_text, post.body.text) == ("special envoy for climate", "Water Bureau")


# ---------------------------------------------------------------- several briefers with "of <ACRONYM>" titles


def test_headline_with_several_briefers_and_acronym_bodies():
    text = (
        "Press Gaggle by Press Secretary Anna Berg, Federal Controller of ABC Tom Hale, and Principal Deputy Director of XYZ Li Wei\n\n"
        "MS. BERG: Good afternoon. The Federal Controller for the Harbour Office is here.\n"
    )
    conference = resolve(parse_transcript(text))
    assert _posts(text) >= {
        ("Anna Berg", "press secretary", None),
        ("Tom Hale", "federal controller", "ABC"),
        ("Li Wei", "principal deputy director", "XYZ"),
    }
    bodies = {e.name for e in conference.entities if e.kind is Kind.ORGANIZATION}
    assert bodies == {"ABC", "XYZ", "Harbour Office"}


# ---------------------------------------------------------------- a titled surname takes the full name said elsewhere


def _person_names(said: str) -> set[str]:
    conference = resolve(parse_transcript(_briefing(said)))
    return {e.name for e in conference.entities if e.kind is Kind.PERSON}


def test_titled_surname_merges_into_the_one_full_name_said():
    said = "We welcome his nominee, Tom Hale. Administrator Hale will start soon."
    assert _person_names(said) == {"Anna Berg", "Tom Hale"}
    assert ("Tom Hale", "administrator", None) in _posts(_briefing(said))


@pytest.mark.parametrize(
    "said",
    [
        "We thank Tom Hale and Ann Hale. Administrator Hale will start soon.",  # two full names: no guess
        "Administrator Hale will start soon.",  # no full name at all
    ],
)
def test_titled_surname_stays_alone_without_one_full_name(said):
    assert "Hale" in _person_names(said)


# ---------------------------------------------------------------- named rooms and grounds are places


@pytest.mark.parametrize(
    "said",
    [
        "The leaders met in the Oval Office and then in the Roosevelt Room.",
        "She will speak in the Rose Garden, not the East Room.",
        "They gathered in the Situation Room.",
    ],
)
def test_named_place_is_no_body(said):
    conference = resolve(parse_transcript(_briefing(said)))
    assert not [e.name for e in conference.entities if e.kind is Kind.ORGANIZATION]


def test_body_with_a_place_like_head_is_still_a_body():
    conference = resolve(parse_transcript(_briefing("The Harbour Office will open.")))
    assert {e.name for e in conference.entities if e.kind is Kind.ORGANIZATION} == {"Harbour Office"}


# ---------------------------------------------------------------- "U.S.-" opens a name


@pytest.mark.parametrize(
    ("said", "body"),
    [
        ("The U.S.-Ruritania Business Council met today.", "U.S.-Ruritania Business Council"),
        ("The U.K.-Ruritania Harbour Council met today.", "U.K.-Ruritania Harbour Council"),
    ],
)
def test_dotted_abbreviation_joined_by_a_hyphen_opens_a_name(said, body):
    conference = resolve(parse_transcript(_briefing(said)))
    assert {e.name for e in conference.entities if e.kind is Kind.ORGANIZATION} == {body}


# ---------------------------------------------------------------- an acronym is a whole name before "on the"


def test_acronym_before_on_the_does_not_join():
    conference = resolve(parse_transcript(_briefing("The XYZ on the Harbour Office said so.")))
    assert {e.name for e in conference.entities if e.kind is Kind.ORGANIZATION} == {"Harbour Office"}
    assert "XYZ" in {u.evidence.span.text for u in conference.unresolved}  # an acronym never defined stays unresolved


def test_committee_on_a_subject_still_joins():
    conference = resolve(parse_transcript(_briefing("The Committee on Harbour Safety met.")))
    assert "Committee on Harbour Safety" in {e.name for e in conference.entities if e.kind is Kind.ORGANIZATION}


# ---------------------------------------------------------------- a headline acronym is the body whose initials it spells


def test_headline_acronym_merges_into_the_body_it_spells():
    text = (
        "Press Gaggle by Press Secretary Anna Berg and Principal Deputy Director of XYC Li Wei\n\n"
        "MS. BERG: The Xeno Yield Council said so.\n"
    )
    conference = resolve(parse_transcript(text))
    assert {e.name for e in conference.entities if e.kind is Kind.ORGANIZATION} == {"Xeno Yield Council"}
    assert ("Li Wei", "principal deputy director", "Xeno Yield Council") in _posts(text)


def test_acronym_spelled_by_two_bodies_stays_apart():
    text = (
        "Press Gaggle by Press Secretary Anna Berg and Principal Deputy Director of XYC Li Wei\n\n"
        "MS. BERG: The Xeno Yield Council and the Xylo Yard Commission met.\n"
    )
    conference = resolve(parse_transcript(text))
    assert "XYC" in {e.name for e in conference.entities if e.kind is Kind.ORGANIZATION}


def test_a_unit_named_with_a_well_known_acronym_gets_no_acronym_of_its_own():
    # Regression (corpus build exit 1): "the Narcotics Division of the FBI" was given
    # its whole name as an acronym, because its name spelled an acronym out.
    from cyberkg.parse import parse_transcript
    from cyberkg.relate import relate
    from cyberkg.resolve import resolve

    text = "Briefing on rivers\n\nMS. HALE:  The head of the Narcotics Division of the FBI spoke today.\n"
    conference = relate(resolve(parse_transcript(text)))
    for body in conference.organizations:
        assert all(len(a) <= 10 and " " not in a for a in body.acronyms), (body.name, body.acronyms)


# ---------------------------------------------------------------- counts of a known set, speech repair, scaled fractions


@pytest.mark.parametrize(
    ("said", "span"),
    [
        ("He asked all 50 provinces to send crews.", "50"),
        ("She met all of the 12 harbour masters.", "12"),
        ("Last week the five ports with the highest traffic got new cranes.", "five"),
        ("We thanked the three ports that have the most ships.", "three"),
    ],
)
def test_count_of_a_known_set_is_a_rejected_candidate(said, span):
    found = _figures(said)
    assert span not in {f.span.text for f in found.figures}
    assert (span, RejectReason.DEFINITE) in {(r.span.text, r.reason) for r in found.rejected}


def test_count_of_things_picked_otherwise_is_a_figure():
    assert [f.span.text for f in _figures("We saw the 12 ports with new cranes.").figures] == ["12 ports"]


def test_corrected_figure_keeps_only_the_correction():
    found = _figures("We now have 70 percent of ports — almost 70 percent, I should say, of ports that are open.")
    assert [f.span.text for f in found.figures] == ["almost 70 percent"]
    assert ("70", RejectReason.REPAIR) in {(r.span.text, r.reason) for r in found.rejected}


def test_same_value_said_twice_without_a_dash_is_two_figures():
    found = _figures("We built 70 bridges in May and 70 bridges in June.")
    assert len(found.figures) == 2


@pytest.mark.parametrize(("said", "value"), [("Nearly half a million Canadians came.", 500000), ("About a quarter of a billion tonnes moved.", 250000000)])
def test_fraction_of_a_scale_word_is_one_number(said, value):
    [figure] = _figures(said).figures
    assert figure.value == value


def test_plural_demonym_is_a_count_of_people():
    found = _figures("More than 200,000 Canadians came, with two Kenyan shipping firms.")
    units = {f.span.text: f.unit.key for f in found.figures}
    assert units == {"More than 200,000 Canadians": "person", "two Kenyan shipping firms": "firm"}


# ---------------------------------------------------------------- a plan may be a law; a forum with members is a body


def _kinds(said: str) -> dict[str, Kind]:
    conference = resolve(parse_transcript(_briefing(said)))
    return {e.name: e.kind for e in conference.entities}


def test_plan_passed_is_a_law_and_later_mentions_join_it():
    kinds = _kinds("We urge Congress to keep passing the Harbour Renewal Plan. Thanks to the Harbour Renewal Plan, ports reopened.")
    assert kinds.get("Harbour Renewal Plan") is Kind.LAW


def test_plan_released_is_a_document():
    assert _kinds("The bureau released the Harbour Renewal Plan today.").get("Harbour Renewal Plan") is Kind.DOCUMENT


def test_plan_with_no_cue_is_an_unresolved_mention_not_a_guess():
    conference = resolve(parse_transcript(_briefing("Thanks to the Harbour Renewal Plan, ports reopened.")))
    assert "Harbour Renewal Plan" not in {e.name for e in conference.entities}
    assert "Harbour Renewal Plan" in {u.evidence.span.text for u in conference.unresolved}


@pytest.mark.parametrize("name", ["Action Plan for Clean Harbours", "Harbour Action Plan"])
def test_kinds_of_plan_stay_documents_without_a_cue(name):
    assert _kinds(f"Thanks to the {name}, ports reopened.").get(name) is Kind.DOCUMENT


def test_forum_with_members_is_a_body():
    kinds = _kinds("Some of them are members of the Harbour Owners Forum, which meets in May.")
    assert kinds.get("Harbour Owners Forum") is Kind.ORGANIZATION


# ---------------------------------------------------------------- lengths of time that frame something else


@pytest.mark.parametrize(
    ("said", "span"),
    [
        ("And now, three years later, the harbour is open.", "three"),
        ("The pier closed two weeks ago.", "two"),
        ("For the first time in 15 years, the harbour exports more fish than it imports.", "15"),
        ("Traffic rose 12 percent, the biggest jump in more than 20 years.", "20"),
        ("Crews have laid 4,000 metres of pipe in 30 months.", "30"),
    ],
)
def test_time_frame_is_a_rejected_candidate(said, span):
    found = _figures(said)
    assert span not in {f.span.text for f in found.figures}
    assert (span, RejectReason.DATE) in {(r.span.text, r.reason) for r in found.rejected}


def test_a_length_of_time_on_its_own_is_a_figure():
    assert "six years" in {f.span.text for f in _figures("The works took six years.").figures}


def test_earlier_members_of_a_series_are_a_definite_set():
    found = _figures("The plans of past three councils did not reach the pier.")
    assert not found.figures
    assert ("three", RejectReason.DEFINITE) in {(r.span.text, r.reason) for r in found.rejected}


# ---------------------------------------------------------------- numbers and nouns


def test_whole_and_fraction_with_a_scale_is_one_number():
    [figure] = _figures("The port ships about three and a half million tonnes a year.").figures
    assert figure.span.text.startswith("about three and a half million") and figure.value == 3500000


def test_two_numbers_joined_by_and_are_both_kept():
    from cyberkg.extract.numbers import find_numbers

    assert [n.span.text for n in find_numbers("between two and three ships")] == ["two", "three"]


def test_a_counted_noun_ends_before_a_participle():
    [figure] = _figures("The yard has 800 jobs added since spring.").figures
    assert figure.span.text == "800 jobs" and figure.unit.key == "job"


def test_capitalised_group_of_people_is_counted_as_people():
    [figure] = _figures("Some 40 Democrats signed the letter.").figures
    assert figure.unit.key == "person"


def test_a_name_before_one_of_gives_no_unit():
    found = _figures("Ada Williams was one of the first builders of the pier.")
    assert not found.figures


def test_dotted_abbreviation_opens_a_body_name_and_ends_a_sentence():
    from cyberkg.extract.mentions import extract_mentions

    text = "Anna Berg:\n\nAsk the U.S. Coast Guard. We met the U.S. The harbour opened.\n"
    transcript = parse_transcript("Briefing on harbour works\n\n" + text)
    names = {m.span.text for t in transcript.turns for p in t.paragraphs for m in extract_mentions(transcript.text, p)}
    assert "U.S. Coast Guard" in names
    assert not any("The" in n for n in names)


def test_only_a_body_or_a_post_is_to_something():
    from cyberkg.extract.phrases import find_phrases

    text = "Anna Berg:\n\nWe sent the treaties with Ruritania and Freedonia to Parliament, and the Ambassador to Freedonia came.\n"
    transcript = parse_transcript("Briefing on harbour works\n\n" + text)
    names = {p.span.text for t in transcript.turns for para in t.paragraphs for p in find_phrases(transcript.text, para)}
    assert "Ruritania and Freedonia" in names and "Parliament" in names
    assert "Ambassador to Freedonia" in names


# ---------------------------------------------------------------- third round (fitted to tests/real_sample_third)


def test_definite_set_picked_by_a_relative_clause():
    found = _figures("The two envoys who were beside the mayor left early.")
    assert ("two", RejectReason.DEFINITE) in {(r.span.text, r.reason) for r in found.rejected}
    assert not found.figures


def test_dotted_abbreviation_inside_a_counted_noun_phrase():
    [figure] = _figures("We sent 120 U.S. support personnel to the harbour.").figures
    assert figure.span.text == "120 U.S. support personnel" and figure.unit.key == "person"


def test_acronym_after_in_is_a_name_of_its_own():
    from cyberkg.extract.phrases import find_phrases

    transcript = parse_transcript("Briefing on harbour works\n\nAnna Berg:\n\nHe spoke to Harbour Hour in ABC today.\n")
    names = {p.span.text for t in transcript.turns for para in t.paragraphs for p in find_phrases(transcript.text, para)}
    assert "ABC" in names and "Harbour Hour in ABC" not in names


@pytest.mark.parametrize(
    ("said", "person"),
    [
        ("Laura Peterson addressed this already.", "Laura Peterson"),
        ("We thank Kevin Albrecht and the crews.", "Kevin Albrecht"),
    ],
)
def test_person_named_by_a_given_name_without_title(said, person):
    from cyberkg.extract.mentions import extract_mentions

    transcript = parse_transcript(f"Briefing on harbour works\n\nAnna Berg:\n\n{said}\n")
    found = {(m.kind, m.span.text) for t in transcript.turns for p in t.paragraphs for m in extract_mentions(transcript.text, p)}
    assert (Kind.PERSON, person) in found


@pytest.mark.parametrize("said", ["The Laura Peterson Institute opened.", "Kevin Street is closed.", "George Mason University hosted it."])
def test_given_name_then_a_head_noun_is_no_person(said):
    from cyberkg.extract.mentions import extract_mentions

    transcript = parse_transcript(f"Briefing on harbour works\n\nAnna Berg:\n\n{said}\n")
    kinds = {m.kind for t in transcript.turns for p in t.paragraphs for m in extract_mentions(transcript.text, p)}
    assert Kind.PERSON not in kinds


def test_person_by_given_name_is_resolved_by_the_given_name_rule():
    from cyberkg.entities import Rule

    transcript = parse_transcript("Briefing on harbour works\n\nAnna Berg:\n\nLaura Peterson addressed this already.\n")
    conference = resolve(transcript)
    rules = {m.rule for m in conference.mentions if m.target == (Kind.PERSON, "laura peterson")}
    assert rules == {Rule.GIVEN_NAME}


def test_cents_are_a_hundredth_of_the_dollar_the_text_states():
    found = _figures("Fuel rose about 75 cents a gallon; the levy is 10 per cent.")
    by_text = {f.span.text: f for f in found.figures}
    assert by_text["about 75 cents"].value == Decimal("0.75") and by_text["about 75 cents"].unit.key == "USD"
    assert by_text["10 per cent"].unit.key == "percent"
    hk = _figures("Tickets cost HK$5, and stamps 50 cents.")
    assert {f.span.text: f.unit.key for f in hk.figures}["50 cents"] == "HKD"


# ---------------------------------------------------------------- fourth round (fitted to tests/real_sample_fourth)


def _mentions(said: str):
    from cyberkg.extract.mentions import extract_mentions

    transcript = parse_transcript(f"Briefing on harbour works\n\nAnna Berg:\n\n{said}\n")
    return {(m.kind, m.span.text) for t in transcript.turns for p in t.paragraphs for m in extract_mentions(transcript.text, p)}


def test_a_country_before_a_body_is_another_name_of_the_body():
    transcript = parse_transcript(
        "Briefing on harbour works\n\nAnna Berg:\n\nThe U.S. Department of Harbours spoke; the Department of Harbours agreed. The U.S. Embassy too.\n"
    )
    bodies = {e.name: e.aliases for e in resolve(transcript).of_kind(Kind.ORGANIZATION)}
    assert bodies["Department of Harbours"] == ("U.S. Department of Harbours",)
    assert "U.S. Embassy" in bodies


def test_person_then_in_the_body_is_two_names():
    found = _mentions("We thank Ada Lind in the Senate, and the Agency for Harbour Works in the Near East.")
    assert (Kind.ORGANIZATION, "Senate") in found
    assert not any("Lind in" in text for _, text in found)
    assert any(text.endswith("in the Near East") for _, text in found)


def test_a_title_of_something_is_no_body():
    found = _mentions("We heard Ada Lind, the former CEO of Harbourbank.")
    assert not any(kind is Kind.ORGANIZATION and "CEO" in text for kind, text in found)


def test_saint_opens_a_name():
    assert (Kind.EVENT, "St. Andrew's Day") in _mentions("We marked St. Andrew's Day at the pier.")


def test_capitalised_number_word_inside_a_name_is_no_figure():
    found = _figures("The crews of the Harbour Two yard met. Two crews left.")
    assert ("Two", RejectReason.NAME) in {(r.span.text, r.reason) for r in found.rejected}
    assert [f.span.text for f in found.figures] == ["Two crews"]


def test_figure_restated_after_or_keeps_the_correction():
    found = _figures("The pier has stood five decades, or more than five decades.")
    assert [f.span.text for f in found.figures] == ["more than five decades"]
    assert ("five", RejectReason.REPAIR) in {(r.span.text, r.reason) for r in found.rejected}


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("Over the four years — well, three years, the piers grew.", ["three years"]),
        ("We built 40 piers — actually 38 piers.", ["38 piers"]),
        ("Back then we had 40 piers — almost 38.", []),
        ("We built 40 piers — and the crews are coming.", ["40 piers"]),
    ],
)
def test_figure_taken_back_after_a_dash_and_a_word_of_correction(said, kept):
    found = _figures(said)
    assert [f.span.text for f in found.figures] == kept
    assert (RejectReason.REPAIR in {r.reason for r in found.rejected}) == (said.count("—") and "and" not in said)


def test_an_acronym_and_words_ending_in_a_law_head_are_one_law():
    found = _mentions("They passed the HARBOR and Pier Safety Act, and NATO and Ruritania agreed.")
    assert (Kind.LAW, "HARBOR and Pier Safety Act") in found
    assert (Kind.ORGANIZATION, "NATO") in found


def test_a_secretary_of_a_portfolio_leads_its_department():
    text = (
        "Press Briefing by Press Secretary Ana Reyes and Secretary of Fisheries Tom Hale\n\nMay 3, 2031\n\n"
        "MS. REYES:  Good afternoon.\n\nSECRETARY HALE:  The Department of Fisheries is open.\n\nQ    Thanks.\n"
    )
    conference = resolve(parse_transcript(text))
    bodies = {e.key: e.name for e in conference.organizations}
    assert sorted(bodies.values()) == ["Department of Fisheries"]
    hale = next(e.key for e in conference.people if e.name == "Tom Hale")
    assert {(p.title, bodies.get(p.organization)) for p in conference.posts if p.holder == hale} == {("secretary", "Department of Fisheries")}


def test_a_count_after_a_demonstrative_points_back_and_is_no_figure():
    found = _figures("We will keep two harbour missions. Crews will support those two missions.")
    assert [f.span.text for f in found.figures] == ["two harbour missions"]
    assert ("two", RejectReason.DEFINITE) in {(r.span.text, r.reason) for r in found.rejected}


def test_a_body_named_after_its_building_is_the_place_after_at_the():
    found = _mentions("We held a dinner at the Kremlin, and they came to the Pentagon.")
    assert not any(kind is Kind.ORGANIZATION for kind, _ in found)
    assert not any(kind is Kind.ORGANIZATION for kind, _ in _mentions("Guards patrol the Pentagon grounds and the Kremlin gates."))
    assert (Kind.ORGANIZATION, "Kremlin") in _mentions("The Kremlin said so.")


def test_the_members_of_a_well_known_body_as_a_group_are_a_body():
    found = _mentions("We met House Republicans, Senate Democrats and the Harbour Caucus; Republicans in the House agreed.")
    assert {(Kind.ORGANIZATION, "House Republicans"), (Kind.ORGANIZATION, "Senate Democrats"), (Kind.ORGANIZATION, "Harbour Caucus")} <= found
    assert (Kind.ORGANIZATION, "Republicans") not in found


# ---------------------------------------------------------------- sixth round: fitted to the sixth sample's errors


def test_mixed_case_line_in_a_short_text_labelled_in_capitals_is_no_turn():
    text = (
        "Press Briefing by Press Secretary Anna Berg\n\n"
        "MS. BERG: Good afternoon.\n\n"
        "DR. HALE: Thank you. The piers are safe.\n\n"
        "Next: are they open? They are.\n\n"
        "MS. BERG: Thanks.\n"
    )
    transcript = parse_transcript(text)
    assert [t.label.text for t in transcript.turns if t.label is not None] == ["MS. BERG", "DR. HALE", "MS. BERG"]


def test_mixed_case_labels_of_a_text_labelled_in_mixed_case_stay_turns():
    text = "Briefing on harbour works\n\nAnna Berg: Good afternoon.\n\nTom Hale: Thank you.\n\nANNA BERG: Thanks.\n"
    assert len([t for t in parse_transcript(text).turns if t.label is not None]) == 3


def test_honorific_between_title_and_name_is_no_name():
    said = "I am joined by Harbour Coordinator Dr. Tom Hale and by Director Dr. Hale's deputy."
    names = _person_names(said)
    assert "Dr" not in names and "Tom Hale" in names
    assert ("Tom Hale", "harbour coordinator", None) in _posts(_briefing(said))


def test_post_said_in_short_joins_the_post_it_is_short_for():
    said = "Chief Judge Tom Hale of the Harbour Court spoke. Later, Judge Hale and Chief Judge Hale met us."
    posts = {p for p in _posts(_briefing(said)) if p[0] == "Tom Hale"}
    assert posts == {("Tom Hale", "chief judge", "Harbour Court")}


def test_short_post_with_two_posts_it_could_be_short_for_stays_apart():
    said = "Chief Judge Tom Hale spoke. Deputy Judge Tom Hale had said so. Judge Hale agreed."
    titles = {p[1] for p in _posts(_briefing(said)) if p[0] == "Tom Hale"}
    assert titles == {"chief judge", "deputy judge", "judge"}


def _named_kinds(said: str) -> set[tuple[str, str]]:
    conference = resolve(parse_transcript(_briefing(said)))
    return {(e.kind.value, e.name) for e in conference.entities if e.kind is not Kind.PERSON}


def test_somebodys_plan_for_something_is_no_document():
    said = "He put forward an offer, and it is less than what the Speaker said was his plan for raising revenue."
    assert not [name for kind, name in _named_kinds(said) if kind == "document"]


def test_city_before_its_region_is_no_outlet():
    said = "We fly to Harbour News, Ontario, to see Harbour News Shipbuilding, a division of Lanmei Industries."
    kinds = _named_kinds(said)
    assert ("company", "Harbour News Shipbuilding") in kinds and ("company", "Lanmei Industries") in kinds
    assert not [name for kind, name in kinds if kind == "media"]


def test_headline_with_names_who_brief():
    text = (
        "Press Gaggle With Press Secretary Anna Berg, Director of the Harbour Council Tom Hale and Senior Advisor Li Wei\n\n"
        "MS. BERG: Good afternoon.\n"
    )
    assert _posts(text) >= {
        ("Anna Berg", "press secretary", None),
        ("Tom Hale", "director", "Harbour Council"),
        ("Li Wei", "senior advisor", None),
    }


@pytest.mark.parametrize(
    ("said", "fraction"),
    [
        ("Families with a third child get 40 vouchers.", False),
        ("We cut the cost by a third last year.", True),
        ("About a third said they agree.", True),
        ("A quarter of the 40 piers opened.", True),
    ],
)
def test_a_third_before_a_noun_counts_in_order(said, fraction):
    figures = _figures(said)
    assert any(f.value < 1 for f in figures.figures) is fraction


def test_first_end_of_a_range_takes_the_scale_after_the_second():
    values = sorted(f.value for f in _figures("It will cost $100-$120 billion in all.").figures)
    assert values == [Decimal("100000000000"), Decimal("120000000000")]
    values = sorted(f.value for f in _figures("They say it should be $70- to $90 billion.").figures)
    assert values == [Decimal("70000000000"), Decimal("90000000000")]
    numbers = [(n.span.text, n.value) for n in find_numbers("between 3 and 4 million, or 5 or 6 billion")]
    assert numbers == [("3", Decimal("3000000")), ("4 million", Decimal("4000000")), ("5", Decimal("5000000000")), ("6 billion", Decimal("6000000000"))]


def test_no_range_when_the_first_end_would_pass_the_second_or_words_stand_between():
    assert [n.value for n in find_numbers("100 to 20 million")] == [Decimal("100"), Decimal("20000000")]
    assert [n.value for n in find_numbers("5 and then 60 million")] == [Decimal("5"), Decimal("60000000")]


# ---------------------------------------------------------------- seventh round: fitted to the seventh sample's errors


def test_a_spaced_dash_ends_a_name_even_between_connectives():
    said = "Today the Bureau's Office of the -- the Harbour Bureau's Office of Pier Safety announced a fine."
    names = {name for _, name in _named_kinds(said)}
    assert "Office of Pier Safety" in names
    assert not [name for name in names if "-" in name or "–" in name]


def test_title_of_a_country_names_no_person():
    said = "Next week we welcome the Prime Minister of New Zealand and the President of Ruritania."
    assert _person_names(said) == {"Anna Berg"}


def test_headline_place_after_a_name_with_no_comma_is_no_part_of_it():
    text = "Gaggle by Press Secretary Anna Berg Delaware, 7/17/14\n\nMS. BERG: Good morning.\n"
    assert _posts(text) == {("Anna Berg", "press secretary", None)}


def test_a_named_program_is_a_body_and_no_person():
    said = "She was managing director of the Harbour Power Program and now runs the Pier Relief Program."
    assert _person_names(said) == {"Anna Berg"}
    assert ("organization", "Pier Relief Program") in _named_kinds(said)


def test_body_for_the_law_it_serves_is_two_names():
    kinds = _named_kinds("The Pier Oversight Commission for the HARBOUR Act reported.")
    assert {("organization", "Pier Oversight Commission"), ("law", "HARBOUR Act")} <= kinds
    assert ("organization", "Harbour Administration for Market Regulation") in _named_kinds(
        "The Harbour Administration for Market Regulation met."
    )


def test_a_few_updates_are_no_figure():
    figures = _figures("I have two scheduling updates and then 40 piers to announce.").figures
    assert [f.value for f in figures] == [Decimal(40)]


# ---------------------------------------------------------------- eighth round: fitted to the eighth sample's errors


def test_country_before_a_title_and_after_to_is_no_title_and_no_body():
    text = "Press Briefing by Press Secretary Anna Berg and U.S. Ambassador to Iceland Tom Hale\n\nMS. BERG: Hello.\n"
    assert ("Tom Hale", "ambassador", None) in _posts(text)
    assert not [name for kind, name in _named_kinds_of(text) if name == "Iceland"]


def _named_kinds_of(text: str) -> set[tuple[str, str]]:
    conference = resolve(parse_transcript(text))
    return {(e.kind.value, e.name) for e in conference.entities if e.kind is not Kind.PERSON}


def test_a_territory_that_reads_like_a_bank_is_a_place():
    assert not _named_kinds("The trip goes to Iceland, the West Bank and Norway.")


def test_the_before_two_titles_names_two_people():
    said = "The President and Prime Minister Li Wei met. Vice Premier and Minister Tom Hale spoke."
    posts = _posts(_briefing(said))
    assert {p for p in posts if p[0] == "Li Wei"} == {("Li Wei", "prime minister", None)}
    assert {p for p in posts if p[0] == "Tom Hale"} == {("Tom Hale", "vice premier", None), ("Tom Hale", "minister", None)}


def test_a_compound_word_is_no_outlet():
    text = "Briefing on harbour works\n\nAnna Berg:\n\nGo ahead.\n\nQ    News-of-the-day question: is the pier open?\n"
    assert not [name for kind, name in _named_kinds_of(text) if kind == "media"]


# ---------------------------------------------------------------- ninth round: fitted to the ninth sample's errors


def test_two_dozen_is_one_number():
    assert [(n.span.text, n.value) for n in find_numbers("more than two dozen piers")] == [("two dozen", Decimal("24"))]


@pytest.mark.parametrize(
    "said",
    [
        "A lot is packed into these three days and we built 40 piers.",
        "It grew over the last three or four years, and we built 40 piers.",
        "It is the first Harbour Summit in nearly two years, and we built 40 piers.",
    ],
)
def test_a_span_of_time_framing_the_talk_is_no_figure(said):
    assert [f.value for f in _figures(said).figures] == [Decimal(40)]


def test_a_length_of_time_that_is_the_news_is_still_a_figure():
    assert [f.value for f in _figures("The harbour closed for three days.").figures] == [Decimal(3)]


def test_first_in_a_while_is_no_edition():
    said = "It is the first Harbour Summit in two years. The first Harbour Summit that she attends."
    events = [e for e in resolve(parse_transcript(_briefing(said))).entities if e.kind is Kind.EVENT]
    assert [(e.name, e.edition) for e in events] == [("Harbour Summit", None)]


def test_formal_name_of_a_country_is_no_body():
    kinds = _named_kinds("We spoke with the Russian Federation and the Harbour Federation.")
    assert kinds == {("organization", "Harbour Federation")}


# ---------------------------------------------------------------- tenth round: fitted to the tenth sample's errors


def _speakers(text: str) -> set[str]:
    conference = resolve(parse_transcript(text))
    spoke = {t.speaker[1] for t in conference.turns if t.speaker is not None}
    return {e.name for e in conference.entities if e.key in spoke and e.kind is Kind.PERSON}


_NO_NAMES = "Briefing by the Harbour Response Team\n\n"


@pytest.mark.parametrize(
    "call",
    [
        "MR. OKAFOR: We start with the data. Over to Dr. Lund.\n\nDR. LUND: Good morning. Thanks, Tomas. Cases fell.\n",
        "MR. OKAFOR: We start with the data.\n\nQ    Tomas, when do the piers open?\n\nMR. OKAFOR: Soon.\n",
        "DR. LUND: Cases fell.\n\nTomas.\n\nMR. OKAFOR: The piers open soon.\n",
    ],
)
def test_a_speaker_known_by_surname_takes_the_first_name_others_call_him(call):
    assert "Tomas Okafor" in _speakers(_NO_NAMES + call)


@pytest.mark.parametrize(
    "call",
    [
        # two first names for one surname: neither is taken
        "MR. OKAFOR: Data.\n\nDR. LUND: Thanks, Tomas.\n\nMR. OKAFOR: More.\n\nDR. LUND: Thank you, Peter.\n",
        # a title, not a first name
        "MR. OKAFOR: Data.\n\nDR. LUND: Thanks, Secretary. Cases fell.\n",
        # the thanks opens a turn of the same speaker
        "MR. OKAFOR: Data.\n\nMR. OKAFOR: Thanks, Tomas.\n",
    ],
)
def test_no_first_name_is_taken_without_one_clear_call(call):
    assert not any(name.endswith(" Okafor") for name in _speakers(_NO_NAMES + call))


@pytest.mark.parametrize(
    "said",
    [
        "Flags flew at half-mast, and we built 40 piers.",
        "We mourned the victims in Half Moon Harbour, and we built 40 piers.",
        "It is the first major piece of harbour safety legislation\nin nearly 30 years, and we built 40 piers.",
        "We will halve the backlog in four years, and we built 40 piers.",
    ],
)
def test_a_number_word_that_states_no_amount_is_no_figure(said):
    assert [f.value for f in _figures(said).figures] == [Decimal(40)]


def test_the_period_of_a_change_is_no_figure_but_the_change_is():
    said = "We will cut the backlog in half in four years."
    assert [(f.span.text, f.value) for f in _figures(said).figures] == [("half", Decimal("0.5"))]


@pytest.mark.parametrize("for_", ["for", "For"])
def test_a_title_of_a_portfolio_for_a_field_is_one_title_in_its_department(for_):
    text = f"Press Briefing by Press Secretary Anna Berg and Under Secretary of Energy {for_} Harbour Safety Tom Hale\n\nMS. BERG: Welcome.\n"
    assert ("Tom Hale", "under secretary of energy for harbour safety", "Department of Energy") in _posts(text)


# ---------------------------------------------------------------- eleventh round: fitted to the eleventh sample's errors


@pytest.mark.parametrize(
    "said",
    [
        # a list of people, each with a title before the name
        "We have Director of Rivers Maria Lund, Acting Secretary of Harbours Peter Okafor, and others.\n\nMS. LUND: Thanks.",
        # a title that owns what follows it
        "We have Maria Lund, the president's harbour adviser.\n\nMS. LUND: Thanks.",
    ],
)
def test_the_words_after_a_speakers_name_give_her_no_post_of_someone_else(said):
    holders = {(holder, title) for holder, title, _ in _posts("Press Call on Harbours\n\nMS. BERG: " + said + "\n")}
    assert ("Maria Lund", "acting secretary") not in holders and ("Maria Lund", "president") not in holders


def test_the_post_said_right_after_a_speakers_name_is_still_hers():
    text = "Press Call on Harbours\n\nMS. BERG: We have Maria Lund, our Deputy Director for Piers.\n\nMS. LUND: Thanks.\n"
    assert ("Maria Lund", "deputy director for piers", None) in _posts(text)


@pytest.mark.parametrize(
    ("said", "laws"),
    [
        ("The Harbour Safety and Pier Renewal Act passed. The Pier Renewal Act works.", {"Harbour Safety and Pier Renewal Act"}),
        ("The Harbour Pier and Renewal Act passed. The Harbour Renewal Act works.", {"Harbour Pier and Renewal Act"}),
        ("The Renewable Harbour Act passed. The Harbour Act works.", {"Renewable Harbour Act", "Harbour Act"}),
        ("Rules for the Harbour Act came out. The Harbour Act works.", {"Harbour Act"}),
    ],
)
def test_a_law_said_in_part_is_the_law_it_shortens(said, laws):
    assert {name for kind, name in _named_kinds(said) if kind == "law"} >= laws
    assert len({name for kind, name in _named_kinds(said) if kind == "law"} - {"Rules for the Harbour Act"}) == len(laws)


def test_a_dotted_short_form_before_a_body_names_the_same_body():
    said = "We went to the United Nations Harbour Council. The U.N. Harbour Council agreed."
    assert {name for kind, name in _named_kinds(said) if kind == "organization"} == {"United Nations Harbour Council"}


def test_a_body_then_a_name_after_a_title_is_a_person_with_a_post_in_that_body():
    posts = _posts(_briefing("We welcome Director of the Office of Harbour Safety Maria Lund today."))
    assert ("Maria Lund", "director", "Office of Harbour Safety") in posts


@pytest.mark.parametrize(
    "said",
    [
        "Factories added more to growth than they have in 40 years, and we built 40 piers.",
        "In just 11 months, we built 40 piers.",
        "We had two objectives, and we built 40 piers.",
        "These are two separate quotes, and we built 40 piers.",
    ],
)
def test_a_span_compared_with_or_a_count_of_talk_is_no_figure(said):
    assert [f.value for f in _figures(said).figures] == [Decimal(40)]


def test_a_span_that_is_the_news_after_a_comma_is_still_a_figure():
    assert [f.value for f in _figures("After 128 days, the crews are home.").figures] == [Decimal(128)]


# ---------------------------------------------------------------- twelfth round: fitted to the twelfth sample's errors


def _headline(title: str) -> list[tuple[str, str]]:
    return [(s.name_text, s.title_text) for s in headline_speakers(parse_transcript(f"{title}\n\nMS. BERG: Welcome.\n"))]


@pytest.mark.parametrize(
    ("title", "speakers"),
    [
        ("Press Call by Senior Officials Previewing the Bilateral Visit of President Anna Berg and President Tom Hale of Ruritania", []),
        (
            "Briefing by Press Secretary Anna Berg and Tom Hale, Special Assistant to the President and Senior Director for Western Harbour Affairs",
            [
                ("Anna Berg", "press secretary"),
                ("Tom Hale", "special assistant to the president"),
                ("Tom Hale", "senior director for western harbour affairs"),
            ],
        ),
    ],
)
def test_the_headline_names_its_briefers_not_its_topic_nor_a_portfolio(title, speakers):
    assert _headline(title) == speakers


def test_an_and_closing_a_header_line_is_no_part_of_a_name():
    text = "Briefing by Press Secretary Anna Berg\n\nBY\nPRESS SECRETARY ANNA BERG\nAND\n\nMS. BERG: Welcome.\n"
    assert {s.name_text for s in headline_speakers(parse_transcript(text))} == {"Anna Berg"}


@pytest.mark.parametrize(
    "said",
    [
        "We pledged to build 40 piers over the subsequent three years.",
        "We pledged to build 40 piers. Two years on from that, the work goes well.",
        "We have built 40 piers. There are two causes for the delay.",
    ],
)
def test_a_period_of_a_pledge_a_time_since_or_a_count_of_causes_is_no_figure(said):
    assert [f.value for f in _figures(said).figures] == [Decimal(40)]


def test_a_country_put_before_an_event_name_is_dropped_in_its_short_form():
    said = "She went to the U.S.-Harbour Leaders Summit. At the 2022 Harbour Leaders Summit, we pledged more."
    assert {name for kind, name in _named_kinds(said) if kind == "event"} == {"U.S.-Harbour Leaders Summit"}


@pytest.mark.parametrize(
    ("said", "bodies"),
    [
        ("We welcome strong support for PRVs in Congress today.", {"United States Congress"}),
        ("We make our trip to New York for the Harbour Assembly.", {"Harbour Assembly"}),
    ],
)
def test_an_acronym_plural_or_a_place_ends_a_name_before_a_link(said, bodies):
    assert {name for kind, name in _named_kinds(said) if kind == "organization"} == bodies


def test_a_surname_takes_the_full_name_said_after_a_title():
    text = "Call on the Visit of President Tom Hale of Ruritania\n\nMS. BERG: President Hale arrives today.\n"
    people = {e.name for e in resolve(parse_transcript(text)).entities if e.kind is Kind.PERSON}
    assert "Tom Hale" in people and "Hale" not in people


# ---------------------------------------------------------------- thirteenth round: fitted to the thirteenth sample's errors


@pytest.mark.parametrize(
    "said",
    [
        "We fixed the so-called 834 forms, and we built 40 piers.",
        "In the first 100 days we built 40 piers.",
        "During her first two years in office, we built 40 piers.",
    ],
)
def test_a_number_naming_a_thing_or_a_first_span_is_no_figure(said):
    assert [f.value for f in _figures(said).figures] == [Decimal(40)]


def test_over_after_an_amount_is_the_period_of_it_not_more_than():
    assert [f.value for f in _figures("We will save another $3 trillion over 10 years.").figures] == [Decimal(3) * 10**12]


def test_a_name_after_a_title_and_its_country_may_have_three_words():
    posts = _posts(_briefing("Tomorrow Prime Minister of Iceland Lin Wei Ming will come to the harbour."))
    assert {(holder, title) for holder, title, _ in posts} >= {("Lin Wei Ming", "prime minister")}


def test_a_name_wrapped_over_two_lines_is_named_on_one():
    filler = "The crews have worked on the piers and the harbour walls all through\nthe winter, and the work goes on through the spring and the summer too.\n\n"
    text = (
        "Briefing on harbour works\n\nMS. BERG:  Good afternoon.\n\n" + filler * 3
        + "We are very, very happy to say that tomorrow the Minister of Rivers Tom\n"
        "Hale will come to see the new harbour and the piers we have built there.\n\n" + filler * 3
    )
    names = {e.name for e in resolve(parse_transcript(text)).entities}
    assert "Tom Hale" in names and not any("\n" in n for n in names)


def test_a_name_broken_off_and_said_again_is_no_body():
    said = "The Department of Rivers — of Harbours and Piers is announcing the funds."
    assert "Department of Rivers" not in {name for _, name in _named_kinds(said)}


def test_two_countries_put_before_an_event_name_are_dropped_in_its_short_form():
    said = "He hosted the U.S.-Iceland Harbour Forum. The Harbour Forum met again."
    assert {name for kind, name in _named_kinds(said) if kind == "event"} == {"U.S.-Iceland Harbour Forum"}


# ---------------------------------------------------------------- fourteenth round: fitted to the fourteenth sample's errors


def _speakers_and_people(said: str) -> set[str]:
    return {e.name for e in resolve(parse_transcript(_briefing(said))).entities if e.kind is Kind.PERSON}


def test_the_head_of_a_well_known_body_named_in_full_is_no_person():
    said = "The President will meet the Secretary-General of the United Nations, where they will talk."
    assert not [name for name in _speakers_and_people(said) if name != "Anna Berg"]


def test_a_word_broken_off_is_no_name():
    said = "He did it as President Ha- — at President Tom Hale's request."
    assert "Ha" not in _speakers_and_people(said)


def test_where_a_body_is_is_no_part_of_its_name():
    said = "He spoke at the University of Harbours in Harbour City today."
    assert {name for kind, name in _named_kinds(said) if kind == "organization"} == {"University of Harbours"}


def test_on_one_day_is_when_not_how_long():
    assert [f.value for f in _figures("He could not do all three on one day, and we built 40 piers.").figures] == [Decimal(40)]


def test_a_contact_group_is_a_body_not_a_company():
    kinds = _named_kinds("They will discuss the Harbour Defense Contact Group next month.")
    assert kinds == {("organization", "Harbour Defense Contact Group")}


@pytest.mark.parametrize(
    ("said", "names"),
    [
        ("We will host the Harbour Conference on Rivers, Piers, and Boats in May.", {"Harbour Conference on Rivers, Piers, and Boats"}),
        ("He met the Council of Europe, France, and Germany today.", {"Council of Europe"}),
    ],
)
def test_a_list_inside_a_name_after_on_stays_in_it_but_places_do_not(said, names):
    assert {name for kind, name in _named_kinds(said) if kind in ("event", "organization")} == names


# ---------------------------------------------------------------- fifteenth round: fitted to the fifteenth sample's errors


def test_a_travelling_place_line_is_the_place_not_a_roster_entry():
    text = (
        "Background Briefing aboard the Harbour Ship en route Harbour City\n\nAboard the Harbour Ship\n\n"
        "En Route Harbour City, Republic of Ruritania\n\n11:04 A.M. KST\n\nMS. BERG:  Welcome aboard.\n"
    )
    page = parse_transcript(text)
    assert "En Route Harbour City" in page.metadata.place.text
    assert "En Route Harbour City" not in {e.name for e in resolve(page).entities}


def test_a_speaker_referred_back_to_by_first_name_takes_it():
    call = "MS. OKAFOR: We start with the data.\n\nDR. LUND: Good morning. As Tomas just said, cases fell.\n"
    assert "Tomas Okafor" in _speakers(_NO_NAMES + call.replace("MS. OKAFOR", "MR. OKAFOR"))


def test_a_short_first_name_is_the_long_one_of_the_headline():
    text = (
        "Press Briefing by Press Secretary Anna Berg and Secretary of Rivers Ernest Hale\n\n"
        "MS. BERG: Joining me today is Rivers Secretary Ernie Hale. So, Secretary Hale.\n\nSECRETARY HALE: Thanks.\n"
    )
    people = {e.name for e in resolve(parse_transcript(text)).entities if e.kind is Kind.PERSON}
    assert people == {"Anna Berg", "Ernest Hale"}


def test_two_first_names_of_different_starts_stay_two_people():
    said = "We met Tom Hale and his sister Maria Hale today."
    people = {e.name for e in resolve(parse_transcript(_briefing(said))).entities if e.kind is Kind.PERSON}
    assert {"Tom Hale", "Maria Hale"} <= people


@pytest.mark.parametrize(("said", "values"), [
    ("We can never have 100 percent certainty, and we built 40 piers.", [Decimal(40)]),
    ("Some 100 percent of the piers are new.", [Decimal(100)]),
])
def test_a_hundred_percent_of_certainty_is_no_figure(said, values):
    assert [f.value for f in _figures(said).figures] == values


# ---------------------------------------------------------------- sixteenth round: fitted to the sixteenth and seventeenth samples' errors


@pytest.mark.parametrize(
    ("said", "post"),
    [
        ("Secretary of Energy Tom Hale came.", ("Tom Hale", "secretary", "Department of Energy")),
        ("Energy Secretary Tom Hale came.", ("Tom Hale", "secretary", "Department of Energy")),
        ("Acting Secretary of Labor Tom Hale came.", ("Tom Hale", "acting secretary", "Department of Labor")),
        ("Foreign Secretary Tom Hale came.", ("Tom Hale", "foreign secretary", None)),
        ("Industry Minister Tom Hale came.", ("Tom Hale", "minister", "Ministry of Industry")),
        ("Minister of Industry Tom Hale came.", ("Tom Hale", "minister", "Ministry of Industry")),
        ("Foreign Minister Tom Hale came.", ("Tom Hale", "minister", "Ministry of Foreign Affairs")),
        ("Ruritanian Deputy Foreign Minister Tom Hale came.", ("Tom Hale", "deputy minister", "Ministry of Foreign Affairs")),
        ("Prime Minister Tom Hale came.", ("Tom Hale", "prime minister", None)),
    ],
)
def test_a_portfolio_names_the_department_or_ministry_the_title_leads(said, post):
    assert post in _posts(_briefing(said))


def test_a_department_inferred_from_a_title_is_no_mention():
    conference = resolve(parse_transcript(_briefing("Energy Secretary Tom Hale came.")))
    [department] = [e for e in conference.entities if e.kind is Kind.ORGANIZATION]
    assert department.name == "Department of Energy"
    assert (Kind.ORGANIZATION, department.key) not in {m.target for m in conference.mentions}


def test_a_unit_named_after_a_title_and_a_body_is_no_person():
    said = "She was Assistant Director of NSA's Operations Directorate, and Director of Lasting Security Framework's work."
    assert _speakers_and_people(said) == {"Anna Berg"}
    assert ("organization", "Operations Directorate") in _named_kinds(said)


def test_a_standing_title_after_a_post_in_a_headline_is_a_second_post():
    text = "Press Briefing by Special Envoy for Harbour Peace Senator Tom Hale\n\nSENATOR HALE: Thanks.\n"
    assert {(s.name_text, s.title_text) for s in headline_speakers(parse_transcript(text))} == {
        ("Tom Hale", "special envoy for harbour peace"),
        ("Tom Hale", "senator"),
    }


def test_a_heading_in_capitals_goes_on_across_blank_lines():
    text = (
        "Press Briefing by Press Secretary Anna Berg, 02/10/2016\n\nPRESS BRIEFING\n\nBY PRESS SECRETARY ANNA BERG,\n\n"
        "DIRECTOR OF THE OFFICE OF RIVERS AND HARBOURS TOM HALE,\n\n"
        "AND DEPUTY HARBOUR ADVISOR FOR STRATEGIC PIERS ANN FOX\n\n1:02 P.M. EST\n\nMS. BERG: Hi.\n\nMR. HALE: Thanks.\n"
    )
    found = {(s.name_text, s.title_text, s.body_text) for s in headline_speakers(parse_transcript(text))}
    assert found == {
        ("Anna Berg", "press secretary", None),
        ("Tom Hale", "director", "Office of Rivers and Harbours"),
        ("Ann Fox", "deputy harbour advisor for strategic piers", None),
    }


def test_a_body_after_a_country_on_the_line_before_is_the_body():
    assert national_body_name("U.S.\nHarbour Service") == national_body_name("U.S. Harbour Service") == "Harbour Service"


def test_a_body_named_without_the_white_house_before_it_is_the_same_body():
    said = "She will meet the White House Harbour Council today. The Harbour Council was set up in July."
    assert {name for kind, name in _named_kinds(said) if kind == "organization"} == {"White House Harbour Council"}


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("Only the two men will be in the room, and we built 40 piers.", ["40 piers"]),
        ("Two weeks from today, we will open 40 piers.", ["40 piers"]),
        ("The average was 691 piers for those first three months.", ["691 piers"]),
        ("Talks resume after a hiatus of more than a year and a half on 40 piers.", ["40 piers"]),
        ("They cap what patients pay for a pier at $30 — at $35.", ["$35"]),
        ("It costs $100-$120 billion.", ["$100", "$120 billion"]),
        ("Prices rose from $30 - $35 last year.", ["$30", "$35"]),
    ],
)
def test_references_spans_and_slips_are_no_figures(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


def test_the_rest_of_a_name_said_again_after_a_dash_is_no_name():
    said = "We support the Pregnant Harbour Family — Fairness Act. She spoke at the ABC -- Anglers Board Council -- Pier Action Conference."
    names = {name for _, name in _named_kinds(said)}
    assert "Fairness Act" not in names and "Pier Action Conference" in names


# ---------------------------------------------------------------- seventeenth round: fitted to the eighteenth sample's errors


def test_a_summit_named_after_a_magazine_is_an_event():
    assert _named_kinds("She will speak at the Harbour Magazine Most Powerful Women’s Summit.") == {
        ("event", "Harbour Magazine Most Powerful Women’s Summit")
    }


def test_a_title_before_a_county_names_a_place_not_a_person():
    assert _speakers_and_people("He will visit Prince George’s County with Governor Tom Hale.") == {"Anna Berg", "Tom Hale"}


def test_a_title_with_no_name_before_a_body_is_part_of_its_name():
    said = (
        "Members of the President’s Harbour Recovery Board met. The Harbour Recovery Board will meet again. "
        "It is the President's Justice Department."
    )
    assert {name for kind, name in _named_kinds(said) if kind == "organization"} == {
        "President’s Harbour Recovery Board",
        "Department of Justice",
    }


def test_long_hard_wrapped_paragraphs_with_few_blank_lines_are_still_joined():
    words = ("the harbour works went on through the night and the new piers were built by crews " * 8).split()
    lines, line = [], ""
    for word in words:
        if len(line) + 1 + len(word) > 70:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    paragraph = "\n".join([*lines, line])
    text = f"---\ntitle: Press Briefing by Press Secretary Anna Berg\ndate: 2022-01-10\n---\n\nMS. BERG: {paragraph}\n\n{paragraph}\n\nQ Thanks.\n"
    assert len(parse_transcript(text).turns[0].paragraphs) == 2


# ---------------------------------------------------------------- eighteenth round: fitted to the nineteenth sample's errors


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("Most deaths were of people 50 years of age or older, and we built 40 piers.", ["40 piers"]),
        ("They cannot insist on 100 percent of everything they ask for, and we built 40 piers.", ["40 piers"]),
        ("It builds on reviews: one by Tom, one by Ann, and a third by Li.", []),
        ("A third of the piers are new.", ["A third"]),
        ("Costs fell by a third.", ["a third"]),
    ],
)
def test_ages_totalities_and_the_third_of_a_list_are_no_figures(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


def test_a_name_with_an_elided_particle_is_whole():
    assert "Jean Valmont d'Arcy" in _speakers_and_people("He met President Jean Valmont d'Arcy in May.")


def test_a_military_rank_in_a_label_is_a_post():
    text = "Press Briefing by Press Secretary Anna Berg\n\nMS. BERG: Over to the general.\n\nLIEUTENANT GENERAL HALE: Thank you.\n"
    assert ("Hale", "lieutenant general", None) in _posts(text)
    assert "Lieutenant General Hale" not in _speakers(text)


def test_a_person_after_a_bodys_possessive_and_a_post_is_a_person_of_that_body():
    said = "I work with the Harbour Board’s Senior Response Official Bob Hale, who is great."
    kinds = resolve(parse_transcript(_briefing(said))).entities
    assert {(e.kind.value, e.name) for e in kinds} == {("person", "Anna Berg"), ("organization", "Harbour Board"), ("person", "Bob Hale")}


def test_a_post_for_a_portfolio_before_a_full_name():
    said = (
        "We are joined by White House Coordinator for Harbour Safety Jack Hale and Senior Advisor "
        "to the President for International Pier Policy John Lind."
    )
    posts = _posts(_briefing(said))
    assert ("Jack Hale", "coordinator for harbour safety", "White House") in posts
    assert not [p for p in posts if p[1].startswith("president")]


# ---------------------------------------------------------------- nineteenth round: fitted to the twentieth sample's errors


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("Through the Lower Harbour Initiative, we work on rivers.", "organization"),
        ("He will attend the Harbour Global Initiative tomorrow.", "organization"),
        ("Ten countries launched the Pier Initiative.", "document"),
        ("We spoke of the Blue Initiative on Oceans, which has been endorsed by 14 countries.", "document"),
    ],
)
def test_an_initiative_is_a_text_only_where_the_text_says_so(said, kind):
    assert {k for k, _ in _named_kinds(said)} == {kind}


def test_a_building_named_here_in_and_a_venue_are_places():
    said = "Meetings are here in the White House, and a dinner at the Harbour Convention Center."
    assert not _named_kinds(said)


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("We want zero carbon emissions and 40 piers.", ["40 piers"]),
        ("The right number of civilian casualties is zero.", []),
        ("Inflation is zero percent.", ["zero percent"]),
    ],
)
def test_zero_of_anything_is_a_goal_not_a_count(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


# ---------------------------------------------------------------- twentieth round: fitted to the twenty-second sample's errors


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("Not wanting to read too much into one day's statistics, we built 40 piers.", ["40 piers"]),
        ("Saturday marked 12 years since the pier programme began.", []),
        ("The pier took 12 years to build.", ["12 years"]),
    ],
)
def test_a_length_of_time_that_qualifies_or_marks_is_no_figure(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


def test_a_name_before_summit_names_an_event_and_keeps_its_body():
    said = "The Harbour Agency convened a Pier Action Plan summit in May. After the G8 summit, we met."
    kinds = _named_kinds(said)
    assert ("event", "Pier Action Plan summit") in kinds and ("event", "G8 summit") in kinds
    assert not [name for kind, name in kinds if kind == "document"]


def test_a_nickname_that_ends_as_the_full_first_name_is_the_same_person():
    text = (
        "Press Briefing by Press Secretary Anna Berg and Dr. Anthony Lind\n\n"
        "MS. BERG: I am joined by Dr. Tony Lind of the Harbour Institute.\n\nDR. LIND: Thanks.\n"
    )
    people = {e.name for e in resolve(parse_transcript(text)).entities if e.kind is Kind.PERSON}
    assert people == {"Anna Berg", "Anthony Lind"}


# ---------------------------------------------------------------- twenty-first round: fitted to the twenty-fourth and twenty-fifth samples' errors


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("These programs cover <s>82 million piers and</s> nearly half of all piers, and 40 boats.", ["nearly half", "40 boats"]),
        ("They cover ~~82 million piers~~ 40 boats.", ["40 boats"]),
        ("These two institutions are the market today, and we built 40 piers.", ["40 piers"]),
        ("Two important effects -- we built 40 piers.", ["40 piers"]),
        ("Tips go to 911 call centers, and we built 40 piers.", ["40 piers"]),
        ("We built 911 piers.", ["911 piers"]),
    ],
)
def test_struck_words_references_and_service_numbers_are_no_figures(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


@pytest.mark.parametrize(
    ("said", "named"),
    [
        ("Mark Lind is the Senior Director at the National Security Council for Western Hemisphere Affairs.", {("organization", "National Security Council")}),
        ("She spoke to the U.S. Conference of Mayors.", {("organization", "U.S. Conference of Mayors")}),
        ("Medicaid and the Children’s Harbour Insurance Program will pay.", {("organization", "Children’s Harbour Insurance Program")}),
    ],
)
def test_bodies_named_with_a_portfolio_holders_or_a_possessive(said, named):
    assert {k for k in _named_kinds(said) if k[1] != "Medicaid"} == named


def test_a_portfolio_after_a_title_then_a_full_name_is_the_person():
    said = "We met Assistant to the President for Homeland Security and Counterterrorism John Lind today."
    assert _speakers_and_people(said) == {"Anna Berg", "John Lind"}
    assert not _named_kinds(said)


def test_a_headline_surname_is_the_full_name_the_transcript_gives():
    text = (
        "Press Briefing with Harbour Secretary Lind and Pier Chairman Berg\n\n"
        "MR. GIBBS: We have Tom Lind and Ana Berg here. As Ana Berg said, piers matter.\n\n"
        "SECRETARY LIND: Thanks.\n\nCHAIRMAN BERG: Thanks.\n"
    )
    assert {"Tom Lind", "Ana Berg"} <= _speakers(text)


# ---------------------------------------------------------------- twenty-second round: fitted to the twenty-sixth and twenty-seventh samples' errors


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("We are the world's two largest democracies, with 40 piers.", ["40 piers"]),
        ("Two guest workers and five west coast states came.", ["Two guest workers", "five west coast states"]),
        ("It was about nine days from when the storm hit, and we built 40 piers.", ["40 piers"]),
        ("I wrote these down, and they are 100 percent accurate.", []),
        ("There were two others, and 40 piers.", ["40 piers"]),
        ("It gives students up to $2,500 of aid each year for five years.", ["up to $2,500"]),
        ("It has been under 4 percent for 22 months in a row.", ["under 4 percent", "22 months"]),
    ],
)
def test_ranks_relative_times_and_periods_of_a_rate_are_no_figures(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


def test_portfolios_listed_after_the_secretaries_of_are_no_bodies():
    said = "The Vice President, with the Secretaries of State, Defense, Treasury, and Homeland Security, will go."
    assert not _named_kinds(said)


# ---------------------------------------------------------------- twenty-third round: fitted to the twenty-eighth and twenty-ninth samples' errors


def test_a_headline_list_ends_at_a_double_dash_before_the_place():
    text = "Press Briefing by Press Secretary Ana Reyes and Deputy Harbour Advisor for Strategic Piers Tom Hale -- Harbourtown, Northern Ireland\n\nMS. REYES: Hi.\n"
    assert [(s.name_text, s.title_text) for s in headline_speakers(parse_transcript(text))] == [
        ("Ana Reyes", "press secretary"),
        ("Tom Hale", "deputy harbour advisor for strategic piers"),
    ]


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("We are 24 hours closer to calamity, and we built 40 piers.", ["40 piers"]),
        ("The U.S. has delivered over a half-billion adult vaccines.", ["over a half-billion adult vaccines"]),
    ],
)
def test_a_time_closer_is_no_figure_and_a_half_billion_is_one_number(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


@pytest.mark.parametrize(
    ("said", "named"),
    [
        ("The President's Harbour Unity Agenda helps.", {("campaign", "Harbour Unity Agenda")}),
        ("Before the Memorial Day recess we met. Election Day is near.", {("event", "Election Day")}),
        ("It follows the President’s Task Force on 21st Century Piers.", {("organization", "President’s Task Force on 21st Century Piers")}),
        ("Text your ZIP Code to HARBOUR, or call.", set()),
    ],
)
def test_agendas_holidays_as_modifiers_ordinals_in_names_and_common_compounds(said, named):
    assert _named_kinds(said) == named


def test_a_title_after_a_list_of_names_is_no_title_of_the_next():
    said = "Senators Collins and King and Representative Pingree are traveling with us."
    assert ("Pingree", "representative", None) in _posts(_briefing(said))
    assert not [p for p in _posts(_briefing(said)) if p[1].startswith("king")]


def test_a_holidays_own_celebrations_still_name_it():
    said = "Attacks hit the Bastille Day celebrations, and over the Labor Day weekend, but not the Memorial Day recess."
    assert {name for kind, name in _named_kinds(said) if kind == "event"} == {"Bastille Day", "Labor Day"}


# ---------------------------------------------------------------- twenty-fourth round: fitted to the thirtieth and thirty-first samples' errors


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("Yesterday, a fourth U.N. convoy of 10 trucks arrived.", ["10 trucks"]),
        ("In just three weeks we have frozen $32 billion in assets.", ["$32 billion"]),
        ("This will be the first C5+1 summit. The C5+1 began in 2015.", []),
    ],
)
def test_an_ordinal_before_a_name_a_span_opening_a_clause_and_a_number_in_a_name(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


@pytest.mark.parametrize(
    ("said", "named"),
    [
        ("He urged passing the For the Harbour People Act.", {("law", "For the Harbour People Act")}),
        ("He urged passing the Tom Lind Justice in Piers Act.", {("law", "Tom Lind Justice in Piers Act")}),
        ("Jeff Lind is the Deputy Director of OMB for Management.", {("organization", "Office of Management and Budget")}),
        ("Lael Lind, Under Secretary of the Treasury for International Affairs, came.", set()),
        (
            "The Department of Rivers and Harbours and U.S. Department of Piers act.",
            {("organization", "Department of Rivers and Harbours"), ("organization", "Department of Piers")},
        ),
        ("We met at the Green Road Park Community Center.", set()),
    ],
)
def test_law_names_with_for_the_and_in_bodies_joined_by_and_venues(said, named):
    assert {k for k in _named_kinds(said)} == named


def test_a_speaker_takes_the_full_first_name_the_text_gives():
    text = (
        "Press Briefing by Press Secretary Ana Reyes and General Hale\n\n"
        "MS. REYES: We have General Stanley Hale here, our friend General Stan Hale. Like Stan Hale, I thank you.\n\n"
        "GENERAL HALE: Thanks.\n"
    )
    assert "Stanley Hale" in _speakers(text)


# ---------------------------------------------------------------- twenty-fifth round: fitted to the thirty-second and thirty-third samples' errors


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("It shares a half billion doses of vaccine.", ["a half billion doses"]),
        ("Before the first day is even half over, we built 40 piers.", ["40 piers"]),
        ("I have two subjects to raise, and 40 piers.", ["40 piers"]),
        ("Over the course of the past more than 10 years they have met.", ["more than 10 years"]),
    ],
)
def test_a_half_billion_half_over_and_subjects(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


@pytest.mark.parametrize(
    ("said", "named"),
    [
        ("Is the President planning a virtual COVID summit?", set()),
        ("The agency convened a Pier Action Plan summit in May.", {("event", "Pier Action Plan summit")}),
        ("She will visit Harbour Southern Railway Company.", {("company", "Harbour Southern Railway Company")}),
    ],
)
def test_a_summit_of_a_kind_and_a_company_named_company(said, named):
    assert {k for k in _named_kinds(said) if k[0] != "organization"} == named


# ---------------------------------------------------------------- twenty-sixth round: fitted to the thirty-fourth and thirty-fifth samples' errors


def test_a_ministry_inferred_from_a_title_is_one_countrys_or_one_ministers():
    said = (
        "Ruritanian Foreign Minister Tom Hale met Foreign Minister Ann Fox, and later Minister Hale met "
        "Ruritanian Defense Minister Li Wei. The Foreign Ministry spokesperson spoke."
    )
    conference = resolve(parse_transcript(_briefing(said)))
    orgs = {e.key: e for e in conference.entities if e.kind is Kind.ORGANIZATION}
    of = {p.holder: orgs[p.organization] for p in conference.posts if p.organization in orgs}
    assert of["tom hale"].name == of["ann fox"].name == "Ministry of Foreign Affairs"
    assert of["tom hale"].key != of["ann fox"].key  # two countries' ministries, never merged
    assert of["li wei"].name == "Ministry of Defense"
    assert {p.title for p in conference.posts if p.holder in of} == {"minister"}
    named = {m.target for m in conference.mentions}
    assert all((Kind.ORGANIZATION, of[h].key) not in named for h in of)
    assert "Foreign Ministry" in {e.name for e in orgs.values()}  # said by no minister: merged into neither


@pytest.mark.parametrize(
    ("said", "post"),
    [
        ("We met Harbour Resilience Coordinator Tom Hale.", ("Tom Hale", "harbour resilience coordinator", None)),
        ("Then Pier Safety Envoy Tom Hale spoke.", ("Tom Hale", "pier safety envoy", None)),
        ("We met Made in Harbour Director Tom Hale.", ("Tom Hale", "made in harbour director", None)),
        ("We met White House Pier Response Coordinator Tom Hale.", ("Tom Hale", "pier response coordinator", "White House")),
        ("We met Water Bureau Director Tom Hale.", ("Tom Hale", "director", "Water Bureau")),
    ],
)
def test_the_words_a_coordinator_is_for_are_the_titles(said, post):
    assert post in _posts(_briefing(said))


def test_a_headline_coordinator_keeps_the_words_of_the_title():
    text = "Press Briefing by Press Secretary Anna Berg and Pier Implementation Coordinator Tom Hale\n\nMS. BERG: Hi.\n\nMR. HALE: Thanks.\n"
    assert ("Tom Hale", "pier implementation coordinator", None) in {
        (s.name_text, s.title_text, s.body_text) for s in headline_speakers(parse_transcript(text))
    }


def test_a_press_assistant_is_a_post_and_no_outlet():
    said = "We welcome back our former Press Assistant, Tom Hale. Press Assistant Ann Fox joins us."
    assert "media" not in {kind for kind, _ in _named_kinds(said)}
    assert ("Ann Fox", "press assistant", None) in _posts(_briefing(said))


@pytest.mark.parametrize(("said", "values"), [
    ("And no filter, even a new filter, provides 100 percent protection; we built 40 piers.", [Decimal(40)]),
    ("You won’t get 100 percent of what you want, and we built 40 piers.", [Decimal(40)]),
    ("We would not have 100 percent of piers open today.", [Decimal(100)]),
])
def test_a_whole_a_clause_denies_is_no_figure(said, values):
    assert [f.value for f in _figures(said).figures] == values


def test_a_small_count_of_a_graded_adjectives_noun_is_small_talk():
    assert [f.span.text for f in _figures("Then we have two very busy days, and we built 40 piers.").figures] == ["40 piers"]


# ---------------------------------------------------------------- twenty-seventh round: fitted to the thirty-sixth and thirty-seventh samples' errors


def test_a_body_and_a_well_known_acronym_after_and_are_two_bodies():
    said = "The President called Department of Defense and FBI leadership."
    assert {name for kind, name in _named_kinds(said) if kind == "organization"} == {"Department of Defense", "Federal Bureau of Investigation"}


def test_a_headline_cut_after_a_first_name_names_the_speaker_the_text_gives_in_full():
    text = (
        "Press Briefing by Press Secretary Ann Lee and Harbour Commissioner Margaret\n\nBrady Room\n\n"
        "MS. LEE: With me is the Commissioner of Harbours, Margaret Holm. Over to Dr. Peggy Holm.\n\nDR. HOLM: Thanks.\n\nQ  Thanks.\n"
    )
    conference = resolve(parse_transcript(text))
    assert {e.name for e in conference.entities if e.kind is Kind.PERSON} == {"Ann Lee", "Margaret Holm"}
    assert ("Margaret Holm", "commissioner", None) in _posts(text)


def test_an_initial_opens_a_name():
    assert ("J. Todd Hale", "minority leader", None) in _posts(_briefing("He spoke with Harbour Minority Leader J. Todd Hale today."))


def test_a_greeting_is_no_part_of_a_days_name_and_a_period_after_to_the_deficit():
    assert ("event", "International Harbour Day") in _named_kinds("Happy International Harbour Day to all of you.")
    assert [f.span.text for f in _figures("The plan would add $3 trillion to the deficit over 10 years.").figures] == ["$3 trillion"]


# ---------------------------------------------------------------- twenty-eighth round: fitted to the thirty-eighth and thirty-ninth samples (windows)


@pytest.mark.parametrize(("said", "kept"), [
    ("In the last year, 2.1 million piers built: seven quarters of economic growth.", [("2.1 million piers", Decimal(2100000)), ("seven quarters", Decimal(7))]),
    ("We sent about a half a dozen nominees.", [("about a half a dozen nominees", Decimal(6))]),
    ("Access to piers is one of the issues.", []),
    ("When it came into power eight years previous, it built 40 piers.", [("40 piers", Decimal(40))]),
    ("Nearly 5.5 million jobs created over 32 straight months.", [("Nearly 5.5 million jobs", Decimal(5500000))]),
    ("We have delivered in the past 19, 20 months.", []),
    ("There are two major themes today.", []),
])
def test_quarters_a_half_dozen_one_of_and_spans_of_a_figure(said, kept):
    assert [(f.span.text, f.value) for f in _figures(said).figures] == kept


def test_a_convention_of_a_party_is_an_event_and_an_outlet_word_after_a_title_a_person():
    said = "He will speak at the Harbour Party National Convention, after Mayor Reuters spoke."
    assert ("event", "Harbour Party National Convention") in _named_kinds(said)
    assert "media" not in {kind for kind, _ in _named_kinds(said)}
    assert ("Reuters", "mayor", None) in _posts(_briefing(said))


def test_a_label_with_a_modifier_before_its_title_and_a_possessive_after_a_name():
    text = (
        "Press Briefing by Press Secretary Ann Lee and Acting Assistant Secretary for Piers Tom Hale\n\n"
        "MS. LEE: It is both President Fox's and Prime Minister Berg's last summit.\n\nACTING ASSISTANT SECRETARY HALE:Thanks.\n\nQ  Thanks.\n"
    )
    conference = resolve(parse_transcript(text))
    assert {e.name for e in conference.entities if e.kind is Kind.PERSON} == {"Ann Lee", "Tom Hale", "Fox", "Berg"}


def test_a_similar_strategy_for_something_names_no_text():
    said = "We released the rules. Would you consider some sort of similar strategy for domestic piers?"
    assert not [name for kind, name in _named_kinds(said) if kind == "document"]


# ---------------------------------------------------------------- twenty-ninth round: fitted to the fortieth and forty-first samples (windows)


@pytest.mark.parametrize(("said", "kept"), [
    ("Piers improved on the prior two months, and we built 40 piers.", ["40 piers"]),
    ("Our partnership as two states matters, as well as four new piers.", ["four new piers"]),
    ("We made progress in the seven years of his presidency.", []),
    ("There's two answers.", []),
    ("They are taping it one day in advance.", []),
    ("There is a risk of two significant nuclear powers and two countries with big fleets not agreeing.", []),
    ("We saw a couple of dozen workers a week, and several dozen piers, and a dozen boats.", ["a dozen boats"]),
])
def test_prior_spans_as_two_a_known_span_and_vague_dozens(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


def test_an_event_ends_before_where_it_was_held():
    assert ("event", "Summit of the Harbours") in _named_kinds("We attended the Summit of the Harbours in Port-Royal in 2009.")


# ---------------------------------------------------------------- thirtieth round: fitted to the forty-second and forty-third samples (windows)


@pytest.mark.parametrize(("said", "kept"), [
    ("And certainly three months [sic] isn't enough, but 40 piers are.", ["40 piers"]),
    ("He said this past almost two years were good for piers.", []),
])
def test_a_slip_marked_sic_and_this_past_almost_n_years(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


def test_a_former_country_is_no_body():
    assert not _named_kinds("Are you talking about Russia, the former Soviet Union, or wider?")


def test_a_body_whose_name_holds_an_outlet_word_is_a_body():
    said = "He was the Director of the Harbour Governmental Information Media Center."
    assert ("organization", "Harbour Governmental Information Media Center") in _named_kinds(said)
    assert "media" not in {kind for kind, _ in _named_kinds(said)}


# ---------------------------------------------------------------- thirty-first round: fitted to the forty-fourth and forty-fifth samples (windows)


@pytest.mark.parametrize("handoff", [
    "With that, I'll turn it over to Tom to take your questions.",
    "Thanks.  Tom, over to you.",
])
def test_a_hand_off_names_the_next_speaker_by_first_name(handoff):
    text = f"Press Call on Piers\n\nMS. BERG:  Welcome.\n\nSENIOR ADMINISTRATION OFFICIAL:  {handoff}\n\nMR. HALE:  Thanks.\n\nQ  Thanks.\n"
    people = {e.name for e in resolve(parse_transcript(text)).entities if e.kind is Kind.PERSON}
    assert "Tom Hale" in people and "Hale" not in people


def test_a_greeting_opening_a_question_is_no_first_name():
    text = (
        "Press Call on Piers\n\nMS. BERG:  Welcome.\n\nSENIOR ADMINISTRATION OFFICIAL:  Thank you, Robyn.  Hello all.\n\n"
        "Q  Hi, can you hear me?\n\nMS. BERG:  We can.\n"
    )
    people = {e.name for e in resolve(parse_transcript(text)).entities if e.kind is Kind.PERSON}
    assert "Robyn Berg" in people


# ---------------------------------------------------------------- thirty-second round: fitted to the forty-sixth and forty-seventh samples (windows)


def test_a_titled_surname_takes_a_full_name_written_surname_first():
    said = "They call Li Wenhao a friend. Later President Li spoke, and the Hale Harbour Group too."
    assert ("Li Wenhao", "president", None) in _posts(_briefing(said))
    assert "Li" not in _person_names(said)


def test_a_headline_surname_takes_the_first_name_the_next_speaker_thanks():
    text = (
        "Press Briefing by Press Secretary Ann Lee and Harbour Secretary Hale\n\nMS. LEE: Over to the Secretary.\n\n"
        "SECRETARY HALE: Thanks.\n\nSECRETARY FOX: Thank you, Tom.  As Tom has said, piers matter.\n\nQ  Thanks.\n"
    )
    assert "Tom Hale" in {e.name for e in resolve(parse_transcript(text)).entities if e.kind is Kind.PERSON}


def test_this_n_years_is_a_span():
    found = _figures("Exports grew four times over the course of this seven years.")
    assert "seven years" not in {f.span.text for f in found.figures}


# ---------------------------------------------------------------- thirty-third round: fitted to the forty-eighth and forty-ninth samples (windows)


def test_a_name_qualifying_a_noun_after_an_article_names_no_one():
    conference = resolve(parse_transcript(_briefing("President Hale spoke. It was the first time in the Hale administration.")))
    hale = [m for m in conference.mentions if m.target == (Kind.PERSON, "hale")]
    assert len(hale) == 1  # the titled mention, not the modifier
    assert any("qualifying a noun" in u.reason for u in conference.unresolved if u.kind == "person")  # counted, not lost


@pytest.mark.parametrize(("said", "kept"), [
    ("The President has offered $340 billion in cuts, in savings, over 10 years.", ["$340 billion"]),
    ("It exceeds the savings achieved in the plan in its first 10 years.", []),
    ("It was 96 percent effective after two doses.", ["96 percent"]),
])
def test_periods_after_a_list_of_what_an_amount_is_its_first_years_and_doses(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


# ---------------------------------------------------------------- thirty-fourth round: fitted to the fiftieth and fifty-first samples (windows)


@pytest.mark.parametrize(("said", "kept"), [
    ("If your child is five years and older, 40 piers are open to them.", ["40 piers"]),
    ("This is the first visit of a U.S. President in nearly 90 years.", []),
    ("Just two quick follow-ups.", []),
])
def test_ages_and_older_a_record_after_an_abbreviation_and_follow_ups(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


def test_a_contraction_opening_a_sentence_and_a_name_corrected_after_a_dash():
    said = "It's Congress's duty to act. And tomorrow, President Hals — Hale will be in Ohio."
    assert ("organization", "United States Congress") in _named_kinds(said)
    assert "Hals" not in _person_names(said)


# ---------------------------------------------------------------- thirty-fifth round: fitted to the fifty-second and fifty-third samples (windows)


def test_a_number_word_closing_a_name_is_no_count():
    assert not _figures("What has his part been in the Gang of Six talks?").figures


def test_a_plan_that_is_a_verb_names_no_text():
    said = "This week, the agency released toolkits to help schools plan for and implement screening."
    assert not [name for kind, name in _named_kinds(said) if kind == "document"]


# ---------------------------------------------------------------- thirty-sixth round: fitted to the fifty-eighth and fifty-ninth samples (windows)


@pytest.mark.parametrize(("said", "kept"), [
    ("Remember that three weeks and two days ago, this did not exist.", []),
    ("So, 18 months in, we hit the ground running with 40 piers.", ["40 piers"]),
])
def test_a_compound_time_ago_and_months_in(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


# ---------------------------------------------------------------- thirty-seventh round: fitted to the sixtieth and sixty-first samples (windows)


@pytest.mark.parametrize(("said", "kept"), [
    ("Chuck, where were you for the last three minutes of brilliance?", []),
    ("Each of the six branches of service sent 40 piers.", ["40 piers"]),
])
def test_the_last_minutes_and_each_of_a_known_set(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


def test_a_headline_modifier_before_a_two_word_title_stays_the_titles():
    text = "On-the-Record Press Call by Senior Deputy Advisor Tom Hale\n\nMR. HALE: Hi.\n\nQ  Thanks.\n"
    assert ("Tom Hale", "senior deputy advisor", None) in {(s.name_text, s.title_text, s.body_text) for s in headline_speakers(parse_transcript(text))}


# ---------------------------------------------------------------- thirty-eighth round: fitted to the samples sealed until then (21, 23, 54-57)


@pytest.mark.parametrize(("said", "kept"), [
    ("He holds a presser in the one o’clock hour, with 40 piers to show.", ["40 piers"]),
    ("If it's quarter to seven it's over, and 40 piers are open.", ["40 piers"]),
    ("The courage of those crews is one that will last. They built 40 piers.", ["40 piers"]),
    ("We saw one or two drones and two or three boats near 40 piers.", ["40 piers"]),
    ("We saw four or five boats.", ["five boats"]),
    ("Of the Fortune 500 companies, few built 40 piers.", ["40 piers"]),
    ("We gave the President 30 days to reply.", ["30 days"]),
])
def test_clock_times_a_pronoun_one_a_few_and_a_number_closing_a_list_name_are_no_figures(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


@pytest.mark.parametrize(("said", "quote", "value", "unit"), [
    ("The two leaders met for about an hour and 45 minutes.", "about an hour and 45 minutes", 105, "minute"),
    ("The works took a year and two months.", "a year and two months", 14, "month"),
])
def test_a_length_said_in_two_units_is_one_figure(said, quote, value, unit):
    (figure,) = _figures(said).figures
    assert (figure.span.text, figure.value, figure.unit.key) == (quote, value, unit)


def test_a_length_said_in_two_numbers_is_two_figures():
    assert [f.span.text for f in _figures("The record is 3 minutes and 42 seconds.").figures] == ["3 minutes", "42 seconds"]


def test_a_post_named_by_its_portfolio_names_no_body():
    conference = resolve(parse_transcript(_briefing("Secretary of Energy Ann Fox spoke. In 2006, the President nominated Tom Hale to be the Secretary of Energy.")))
    named = {m.target for m in conference.mentions}
    assert not [target for target in named if target[0] is Kind.ORGANIZATION]  # as for "the Energy Secretary"


def test_a_regnal_number_closes_a_royal_name():
    posts = _posts(_briefing("The President spoke with King Anders III and Queen Ingrid II today."))
    assert {("Anders III", "king", None), ("Ingrid II", "queen", None)} <= posts


def test_a_plan_on_this_names_no_text():
    said = "The Harbour Department put forward a plan on this. And it is going through a review."
    assert not [name for kind, name in _named_kinds(said) if kind == "document"]


def test_a_regional_title_keeps_its_word_and_a_regional_body_keeps_its_own():
    posts = _posts(_briefing("Our Region 4 Regional Administrator Tom Hale and Regional Pilots Association President Ann Fox came."))
    assert ("Tom Hale", "regional administrator") in {(name, title) for name, title, _ in posts}
    assert ("Ann Fox", "president", "Regional Pilots Association") in posts


def test_a_public_finance_corporation_is_a_body_and_a_steel_corporation_a_company():
    named = _named_kinds("The Harbour Development Finance Corporation lent to the Lanmei Steel Corporation.")
    assert ("organization", "Harbour Development Finance Corporation") in named
    assert ("company", "Lanmei Steel Corporation") in named


def test_a_legal_status_given_by_designation_names_no_body():
    said = "Today we designated the Kelpies as a Specially Designated Global Harbour Group. The Kelpie Group met."
    assert _named_kinds(said) == {("company", "Kelpie Group")}


def test_two_names_qualifying_a_noun_after_an_article_name_no_one():
    conference = resolve(parse_transcript(_briefing("President Hale spoke. Now, the Hale-Berg administration is at work. A Hale-led group met.")))
    hale = [m for m in conference.mentions if m.target == (Kind.PERSON, "hale")]
    assert len(hale) == 2  # the titled mention and "Hale-led", not the administration
    assert any("qualifying a noun" in u.reason for u in conference.unresolved if u.kind == "person")


def test_a_length_of_time_in_before_a_dash_is_a_time_frame():
    assert [f.span.text for f in _figures("We are less than two weeks in — there will be 40 piers.").figures] == ["40 piers"]


@pytest.mark.parametrize(("said", "kept"), [
    ("They have provided a billion dollars of that and are committing more — I'm sorry, almost 3 billion dollars.", ["almost 3 billion dollars"]),
    ("I have something on that. One minute, I thought I had 40 piers.", ["40 piers"]),
    ("It took one minute to open 40 piers.", ["one minute", "40 piers"]),
])
def test_a_figure_taken_back_later_in_the_sentence_and_a_pause_are_no_figures(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


# ---------------------------------------------------------------- thirty-ninth round: fitted to samples 62-65 (windows), after their unseen score


@pytest.mark.parametrize(("said", "kept"), [
    ("It was the first such visit in nearly 100 years, with 40 piers.", ["40 piers"]),
    ("That is the best 12 months of pier building in history.", []),
    ("Those were the two months when we built 40 piers.", ["40 piers"]),
    ("He met the 10 members — the 10 victims who died.", ["10 victims"]),
    ("Absolutely, 100 percent, it is better.", []),
    ("We discussed the 1967 lines and 40 piers.", ["40 piers"]),
    ("We have two deficits that we face. One is the deficit in the near term.", []),
    ("He set two central conditions: first, a halt to the works.", []),
    ("It ties our two democracies.", []),
])
def test_frames_a_restart_a_yes_a_year_naming_which_and_a_count_opening_a_list(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


def test_a_plural_honorific_before_two_surnames_names_both():
    text = "Press Briefing by Press Secretary Ann Hale\n\nMS. HALE: I am joined by Doctors Fox and Berg.\n\nDR. FOX: Thanks.\n\nQ Hi.\n\nDR. BERG: Hello.\n"
    conference = resolve(parse_transcript(text))
    assert {"Fox", "Berg"} <= {e.name for e in conference.people}
    assert not [e for e in conference.people if e.name.startswith("Doctors")]


def test_a_party_word_before_a_well_known_body_names_the_body():
    named = _named_kinds("Most Democratic Senate candidates agree, and a Republican House would not.")
    assert {n for _, n in named} == {"United States Senate", "House of Representatives"}


def test_companies_named_bare_in_a_list_a_plural_noun_opens_or_closes():
    said = "Since then, companies like Harbourcar, Pierline and Ferrix have invested, with Dockco and other firms."
    assert _named_kinds(said) == {("company", "Harbourcar"), ("company", "Pierline"), ("company", "Ferrix"), ("company", "Dockco")}


def test_an_acronym_in_a_company_list_is_read_by_the_initials_of_a_company_named_in_full():
    said = "Harbour Motors opened a plant. Automakers like Ferrix and HM have invested."
    named = resolve(parse_transcript(_briefing(said)))
    companies = {e.name: e for e in named.entities if e.kind is Kind.COMPANY}
    assert set(companies) == {"Harbour Motors", "Ferrix"}


def test_a_point_in_time_after_at_is_no_length_measured():
    said = "Two doses at 2 to 4 weeks or 10 to 14 weeks are still at 75 percent. We worked for six months."
    assert [f.span.text for f in _figures(said).figures] == ["75 percent", "six months"]


def test_a_laws_acronym_with_its_head_is_the_law_named_in_full():
    said = "Congress passed the Harbour Dredging Safety Act. The HDS Act lets us dredge. The Harbour Fishing Act and the FISA Act differ."
    laws = {e.name for e in resolve(parse_transcript(_briefing(said))).entities if e.kind is Kind.LAW}
    assert laws == {"Harbour Dredging Safety Act", "Harbour Fishing Act", "FISA Act"}


# ---------------------------------------------------------------- fortieth round: fitted to samples 66-69 (windows), after their unseen score


def test_particles_inside_a_name_are_the_names():
    posts = _posts(_briefing("He met Crown Prince Omar bin Tarek and President Ilse von der Berg."))
    assert {("Omar bin Tarek", "crown prince", None), ("Ilse von der Berg", "president", None)} <= posts


def test_a_plural_title_before_a_list_gives_each_name_the_title():
    posts = _posts(_briefing("He met the leaders -- Presidents Tusko and Juncka. Then Secretaries Hale and Fox came."))
    assert {(n, t) for n, t, _ in posts} >= {("Tusko", "president"), ("Juncka", "president"), ("Hale", "secretary"), ("Fox", "secretary")}
    assert not [n for n, _, _ in posts if n.startswith(("Presidents", "Secretaries"))]


def test_descriptive_words_before_commander_are_the_titles():
    assert ("Tom Hale", "supreme allied commander", None) in _posts(_briefing("The Supreme Allied Commander Tom Hale spoke."))


def test_a_first_name_said_to_close_the_turn_before_is_the_next_speakers():
    text = "Press Briefing by Press Secretary Ann Hale\n\nMS. HALE: Dr. Berg is here.\n\nDR. BERG: Thanks.\n\nQ Ann, on the plan?\n\nDR. BERG: We are not sure when, Rochelle.\n\nDR. FOX: Yes.\n"
    people = {e.name for e in resolve(parse_transcript(text)).people}
    assert "Rochelle Fox" in people
    assert "Ann Berg" not in people and "Berg" in people  # "Q  Ann, ..." asks the press secretary, whoever answers


def test_a_month_before_summit_names_no_event():
    assert not _named_kinds("At the June summit, leaders met.")


@pytest.mark.parametrize(("said", "kept"), [
    ("He met the 27 leaders of the European Union and 40 piers.", ["40 piers"]),
    ("He named the six members of the advisory board and 40 piers.", ["40 piers"]),
    ("He met 27 leaders of the European Union.", ["27 leaders"]),
])
def test_the_whole_membership_of_a_body_is_a_definite_set(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


# ---------------------------------------------------------------- forty-first round: fitted to samples 70-73 (windows), after their unseen score


def test_a_name_inside_a_facilitys_name_names_no_one_and_gives_no_first_name():
    said = "President Hale will speak at the Major Tom R. Ada Hale III National Guard Reserve Center today."
    conference = resolve(parse_transcript(_briefing(said)))
    assert {e.name for e in conference.people} == {"Anna Berg", "Hale"}


def test_a_ministry_named_by_a_demonym_alone_and_let_opening_a_sentence_name_no_body():
    assert _named_kinds("He met the Cuban Ministry. Let Secret Service answer that.") == {("organization", "Secret Service")}


@pytest.mark.parametrize(("said", "kept"), [
    ("Jobs stayed the same over the five years following the increase. We built 40 piers.", ["40 piers"]),
    ("Compare it with the 10 days preceding the storm. We built 40 piers.", ["40 piers"]),
    ("She earns six figures at the 40 piers.", ["40 piers"]),
    ("We have had the highest rating for a hundred years.", ["a hundred years"]),
])
def test_a_span_a_window_frames_and_six_figures_are_no_figures(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


# ---------------------------------------------------------------- forty-second round: fitted to samples 74-77 (windows), after their unseen score


@pytest.mark.parametrize(("said", "kept"), [
    ("He has proposed an $11 — or says he will propose a $12 wage.", ["$12"]),
    ("We went through the 15 executive actions — or highlights of them.", ["15 executive actions"]),
    ("I am half-Harbourian, and we built 40 piers.", ["40 piers"]),
    ("We met in Oslo, Bergen and Tromso. These are three communities that built 40 piers.", ["40 piers"]),
])
def test_a_broken_off_amount_a_hyphened_half_and_a_list_counted_again_are_no_figures(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


def test_a_reporter_of_an_outlet_is_a_person_and_the_outlet():
    named = resolve(parse_transcript(_briefing("Hi, this is Annie Linksey of the Harbour Daily. Thanks.")))
    assert {(e.kind.value, e.name) for e in named.entities} >= {("person", "Annie Linksey"), ("media", "Harbour Daily")}


def test_a_party_congress_is_a_gathering_with_or_without_an_edition():
    named = _named_kinds("At the Party Congress on Sunday he spoke. The Indian National Congress met.")
    assert named == {("event", "Party Congress"), ("organization", "Indian National Congress")}


# ---------------------------------------------------------------- forty-fourth round: fitted to samples 1-85 (78-85 read after their unseen score)


def test_a_weekday_after_on_ends_a_days_name():
    assert _named_kinds("We are celebrating Founders’ Day on Sunday, and Mother’s Day on Sunday too.") == {
        ("event", "Founders’ Day"),
        ("event", "Mother’s Day"),
    }


def test_two_acronyms_side_by_side_are_two_names_unless_a_name_goes_on():
    said = "We saw the AP FOIA request. Congress passed the HARBOR SAFE Act."
    named = _named_kinds(said)
    assert ("media", "AP") in named and not any(name.startswith("AP ") for _, name in named)
    assert ("law", "HARBOR SAFE Act") in named


def test_outlet_words_before_a_team_name_a_team_and_an_outlet_team_is_the_outlet():
    said = "I leave the details to our Communications and Press team. The Harbour Daily team asked, and the Reuters team too."
    assert {name for kind, name in _named_kinds(said) if kind == "media"} == {"Reuters"}


def test_kinds_of_text_alone_and_an_untold_plan_name_no_document():
    said = "She is Deputy Chief for Operations, Plans and Strategy. We want the Joint Plan of Action to stay in place."
    assert not {name for kind, name in _named_kinds(said) if kind == "document"}


def test_a_place_after_a_documents_topic_is_part_of_its_title():
    said = "The President adopted the Action Plan on Water and Health in the Americas, which starts now."
    assert ("document", "Action Plan on Water and Health in the Americas") in _named_kinds(said)


def test_a_fuller_name_of_a_known_law_is_a_form_of_it():
    said = "We focused on passing a Recovery Plan that works. The Ruritanian Recovery Plan cut poverty."
    conference = resolve(parse_transcript(_briefing(said)))
    [law] = [e for e in conference.entities if e.kind is Kind.LAW]
    assert (law.name, law.aliases) == ("Ruritanian Recovery Plan", ("Recovery Plan",))
    fuller = [m for m in conference.mentions if m.evidence.span.text == "Ruritanian Recovery Plan"]
    assert [m.rule.value for m in fuller] == ["short-form"]


def test_a_country_before_a_titles_own_words_and_a_peers_honorific():
    posts = _posts(_briefing("The British Foreign Secretary Lord Hale said so. Sir Tom Berg agreed."))
    assert ("Hale", "foreign secretary", None) in posts
    assert not {n for n, _, _ in posts if n.startswith(("Lord", "Sir"))}


@pytest.mark.parametrize(("said", "kept"), [
    ("Then an additional 50 several months from there.", []),
    ("We sent 40 more crews, and we want 5 more than that.", ["40 more crews"]),
])
def test_a_vague_determiner_after_a_number_counts_nothing_and_more_counts_the_noun(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


@pytest.mark.parametrize(("said", "kept"), [
    ("The rate of infection per 100,000 people fell by 12 percent.", ["12 percent"]),
    ("It is 80 percent of the harbour -- well, the port -- 80 percent, I believe, of the port is land.", ["80 percent"]),
    ("They added $3 trillion — or $2 trillion to the debt. It costs $3 trillion -- or $9,000 a family.", ["$2 trillion", "$3 trillion", "$9,000"]),
])
def test_a_rate_base_and_a_value_taken_back_are_no_figures(said, kept):
    found = _figures(said)
    assert [f.span.text for f in found.figures] == kept
    assert {r.reason for r in found.rejected} <= {RejectReason.RATE_BASE, RejectReason.REPAIR}


def test_a_year_before_a_noun_says_which_and_a_count_of_as_many_has_a_comma():
    found = _figures("A state based upon 1967 lines with swaps. We hired 1,967 people.")
    assert [f.span.text for f in found.figures] == ["1,967 people"]
    assert ("1967", RejectReason.DATE) in {(r.span.text, r.reason) for r in found.rejected}


@pytest.mark.parametrize(("said", "kept"), [
    ("We needed to put forward the Harbour Rescue Plan.", set()),
    ("They released the Harbour Rescue Plan.", {"Harbour Rescue Plan"}),
    ("The board will formulate a strategy for maximizing the harbour's reach.", set()),
    ("Crews work under the port rules, and we have laid out a clear strategy for repairing the piers.", set()),
    ("Guidelines were released on Friday, and those guidelines for harbour facilities allow more boats.", set()),
    ("The board issued an action plan for improving harbour services.", {"action plan for improving harbour services"}),
    ("The board is announcing a Notice of Funding Opportunity for port authorities.", set()),
])
def test_a_verb_said_of_bills_too_and_a_kind_of_text_after_a_name_no_document(said, kept):
    assert {name for kind, name in _named_kinds(said) if kind == "document"} == kept


def test_a_capitalised_ordinal_after_the_opens_the_name_and_gives_the_edition():
    said = "It is protected by the First Amendment. During the Second Global Harbour Summit, hosted here, we met. Ruritanians’ Second Amendment rights matter."
    conference = resolve(parse_transcript(_briefing(said)))
    named = {(e.kind.value, e.name, e.edition) for e in conference.entities if e.kind in (Kind.LAW, Kind.EVENT)}
    assert named == {("law", "First Amendment", None), ("law", "Second Amendment", None), ("event", "Second Global Harbour Summit", 2)}


def test_a_body_named_after_a_well_known_bodys_full_name_is_its_short_form_later():
    said = "Ruritania spoke at the U.N. Harbour Council. Later the Harbour Council voted."
    orgs = {e.name for e in resolve(parse_transcript(_briefing(said))).entities if e.kind is Kind.ORGANIZATION}
    assert "Harbour Council" not in orgs and "United Nations Harbour Council" in orgs


def test_capitol_hill_is_congress_by_its_short_form():
    said = "The bill went to Congress. We talked on Capitol Hill with lawmakers."
    conference = resolve(parse_transcript(_briefing(said)))
    [body] = [e for e in conference.entities if e.kind is Kind.ORGANIZATION]
    assert "Capitol Hill" in body.aliases and not conference.unresolved


def test_common_given_names_open_a_persons_name_without_a_title():
    assert {"Pete Harbourman", "Maxine Pierley"} <= _person_names("Then Pete Harbourman spoke, and Maxine Pierley answered.")


# ---------------------------------------------------------------- forty-fifth round: fitted to samples 86-93 (read after their unseen score)


def test_a_quote_read_out_under_a_name_is_no_turn_among_labels_in_capitals():
    said = "MS. BERG:  Here is what they said.\n\nAna Hale: “Default is default by another name.”\n\nTom Fox: “It is unworkable.”\n\nQ    And you?\n\nMS. BERG:  Yes.\n\nQ    Thanks.\n\nMS. BERG:  Sure.\n"
    transcript = parse_transcript("Press Briefing by Press Secretary Anna Berg\n\n" + said)
    assert [t.label.text for t in transcript.turns] == ["MS. BERG", "Q", "MS. BERG", "Q", "MS. BERG"]


def test_a_place_named_after_an_outlet_and_a_person_for_a_party_are_no_outlet_or_body():
    named = _named_kinds("Ana Reyes met us in Times Square. It is Joe Hale for the Harbour Party this time.")
    assert not any(kind == "media" for kind, _ in named)
    assert ("organization", "Harbour Party") in named and not any("Hale" in name for _, name in named)


def test_a_national_prefix_before_a_well_known_bodys_own_name_is_that_body():
    said = "He worked for USAID. He was an employee of the U.S. Agency for International Development in Bangladesh."
    orgs = [e for e in resolve(parse_transcript(_briefing(said))).entities if e.kind is Kind.ORGANIZATION]
    assert [(e.name, e.acronyms) for e in orgs] == [("United States Agency for International Development", ("USAID",))]


def test_a_list_before_a_laws_head_is_inside_the_name_and_a_represented_or_standing_forum_is_a_body():
    said = "He signed HR 12, the Harbour Access, Choice and Safety Act of 2014. The Harbour Roundtable, which represents 200 firms, agreed. This is a standing Pier CEO Forum."
    named = _named_kinds(said)
    assert ("law", "Harbour Access, Choice and Safety Act of 2014") in named
    assert {("organization", "Harbour Roundtable"), ("organization", "Pier CEO Forum")} <= named
    assert not any(kind == "event" for kind, _ in named)


# ---------------------------------------------------------------- forty-sixth round: fitted to samples 94-97 (read after their unseen score)


def test_a_surname_after_a_name_and_its_nickname_is_the_one_person_they_are():
    text = "Briefing on harbour works\n\nMS. BERG:  The President selected Mr. Joseph Hale as director.\n\nQ  Is Mr. Hale up to it?\n\nMS. BERG:  Mr. Hale is. Joe Hale is great.\n"
    conference = resolve(parse_transcript(text))
    assert [(e.name, e.aliases) for e in conference.people if "Hale" in e.name] == [("Joseph Hale", ("Joe Hale",))]
    assert not conference.unresolved


def test_a_well_known_body_after_on_the_and_an_event_spoken_for_are_bodies():
    said = "What is he taking to Camp David on the Supreme Court? He spoke on behalf of Harbour Roundtable."
    named = _named_kinds(said)
    assert ("organization", "Supreme Court") in named
    assert ("organization", "Harbour Roundtable") in named and not any("Camp David" in name for _, name in named)
    assert ("organization", "Pier Owners Forum") in _named_kinds("Some of them are leading the Pier Owners Forum or other groups.")


@pytest.mark.parametrize(("said", "kept"), [
    ("Families put money into 457 plans, and the town hired 457 teachers.", ["457 teachers"]),
    ("It revives the 2208 and 3407 programs, and 2500 people stay.", ["2500 people"]),
    ("The 4112 program will pay $1000 checks.", ["$1000"]),
])
def test_a_number_that_names_a_kind_of_thing_counts_nothing(said, kept):
    found = _figures(said)
    assert [f.span.text for f in found.figures] == kept
    assert RejectReason.NAME in {r.reason for r in found.rejected}


def test_a_conference_of_the_holders_of_a_title_is_a_body():
    named = _named_kinds("The Harbour Conference of Coastal Bishops met. The Conference of the Parties opened in the bay.")
    assert ("organization", "Harbour Conference of Coastal Bishops") in named
    assert ("event", "Conference of the Parties") in named


def test_a_name_broken_off_at_a_dash_and_said_anew_is_no_name():
    named = _named_kinds("What I can tell you is that the Department of Harbour — Harbour Safety has a plan. The Harbour Board — which met — agreed.")
    assert ("organization", "Department of Harbour") not in named
    assert ("organization", "Harbour Board") in named
    named = _named_kinds("The Department of Rivers — Rivers, Harbours, and Ports announced a goal.")
    assert ("organization", "Department of Rivers") in named


def test_a_body_named_after_a_day_keeps_the_day_and_a_facility_is_no_body():
    said = "He backed the bipartisan March 3rd Harbour Committee. On March 3 Congress passed it. He toured the Harbour Emergency Operations Center."
    named = _named_kinds(said)
    assert ("organization", "March 3rd Harbour Committee") in named
    assert ("organization", "United States Congress") in named
    assert not any("Operations Center" in name for _, name in named)


def test_on_ends_a_name_after_a_titled_person_and_before_where_it_is_at():
    said = (
        "We discussed getting Judge Hale on the Court. The President had the Global Harbour Summit on the West Coast, "
        "and a speech at the National Harbour University on Iceland. The Geneva Conference on Iceland opened."
    )
    named = _named_kinds(said)
    assert ("event", "Global Harbour Summit") in named and ("organization", "National Harbour University") in named
    assert ("event", "Geneva Conference on Iceland") in named
    assert not any(" on the " in name or name.endswith("University on Iceland") for _, name in named)


def test_and_straight_after_a_name_opens_a_clause_not_a_list():
    named = _named_kinds("It will be handled by the Department of Harbours, and I know that they care.")
    assert ("organization", "Department of Harbours") in named and len(named) == 1


def test_a_head_of_state_named_by_a_surname_is_not_another_holder_of_that_surname():
    conference = resolve(parse_transcript(_briefing("Secretary Ann Fox will travel. Were those calls made by President Fox?")))
    people = {e.name for e in conference.entities if e.kind is Kind.PERSON}
    assert {"Ann Fox", "Fox"} <= people


def test_a_decimal_may_open_with_its_point():
    found = _figures("It cuts growth by up to a point [.6%] and costs $.50 a gallon.")
    assert [(f.span.text, f.value) for f in found.figures] == [(".6%", Decimal("0.6")), ("$.50", Decimal("0.50"))]


@pytest.mark.parametrize(("said", "kept"), [
    ("I said three or four or five times that we will look, and it takes four or five hours.", ["five hours"]),
    ("It is not cooked up in a matter of 30 minutes; it took 30 minutes to read.", ["30 minutes"]),
    ("The other half would deal with it, and half of the crews left.", ["half"]),
])
def test_a_guess_at_a_few_and_the_rest_of_a_group_are_no_figures(said, kept):
    assert [f.span.text for f in _figures(said).figures] == kept


@pytest.mark.parametrize(("said", "kept"), [
    ("The plan does not account for a million and a half refugees.", [("a million and a half refugees", Decimal("1500000"))]),
    ("As we have said a hundred times, the port grew 40 percent.", [("40 percent", Decimal("40"))]),
])
def test_a_scale_and_a_half_is_one_number_and_a_hundred_times_said_is_no_count(said, kept):
    assert [(f.span.text, f.value) for f in _figures(said).figures] == kept


def test_a_place_before_for_and_an_alliance_after_its_acronym():
    named = _named_kinds("He is in Harbourville for the U.S.-EU Harbour Council. The NATO Alliance as a whole would decide. Like summit — like a summit?")
    assert named == {("organization", "U.S.-EU Harbour Council"), ("organization", "North Atlantic Treaty Organization")}


def test_a_country_designation_before_a_name_is_a_form_of_it():
    named = _named_kinds("On the National Day, the president spoke. He congratulated them on PRC National Day.")
    assert named == {("event", "PRC National Day")}


# ---------------------------------------------------------------- fiftieth round: fitted to samples 122-125 (read after their unseen score)


def test_a_well_known_short_form_wrapped_across_lines_is_that_body():
    from cyberkg.registry import Registry

    assert Registry().canonical_org("Treasury\nDepartment")[0] == "Department of the Treasury"
    assert Registry().canonical_org("the Harbour\nBoard")[0] == "Harbour Board"


def test_a_length_of_time_in_capitals_mid_sentence_is_a_title():
    found = _figures("She said in her 48 Hours interview that it took 48 hours.")
    assert [f.span.text for f in found.figures] == ["48 hours"]
    assert RejectReason.NAME in {r.reason for r in found.rejected}


def test_an_outlet_word_opening_a_hyphened_prefix_is_no_outlet():
    named = _named_kinds("You mean post-Soviet Iceland? Post-Soviet Iceland, yes. The Harbour Post reported it.")
    assert named == {("media", "Harbour Post")}


def test_an_event_said_without_the_acronym_of_the_body_holding_it_is_that_event():
    said = "We look to the ABC Reykjavik Summit. Will he go to the Reykjavik summit? The Harbour Reykjavik Summit is another."
    events = [e for e in resolve(parse_transcript(_briefing(said))).entities if e.kind is Kind.EVENT]
    assert sorted(e.name for e in events) == ["ABC Reykjavik Summit", "Harbour Reykjavik Summit"]
    said = "The Climate Summit is next week. At the U.N. Climate Summit, he will speak."
    assert [e.name for e in resolve(parse_transcript(_briefing(said))).entities if e.kind is Kind.EVENT] == ["U.N. Climate Summit"]


def test_the_same_count_said_again_after_or_with_another_noun_corrects_the_first():
    found = _figures("It was 15 towns that we named — or 15 districts that we named this week.")
    assert [f.span.text for f in found.figures] == ["15 districts"]
    assert RejectReason.REPAIR in {r.reason for r in found.rejected}
    assert [f.span.text for f in _figures("We named 15 towns, or 15 percent of them.").figures] == ["15 towns", "15 percent"]


def test_a_minus_sign_before_digits_makes_the_number_negative():
    found = _figures("Growth was -6.4 percent, the quarter before -- -5.5 percent, and 2009-2010 was worse by 3 percent.")
    assert [(f.span.text, f.value) for f in found.figures] == [
        ("-6.4 percent", Decimal("-6.4")), ("-5.5 percent", Decimal("-5.5")), ("3 percent", Decimal("3")),
    ]


def test_a_first_lady_is_a_title_and_not_the_president_of_her_surname():
    text = "Briefing on harbour works\n\nMS. BERG:  The President Fox is here. First Lady Ann Fox will host. President Fox spoke.\n"
    conference = resolve(parse_transcript(text))
    people = {e.name: [ev.span.text for ev in e.evidence] for e in conference.entities if e.kind is Kind.PERSON}
    assert people["Ann Fox"] == ["Ann Fox"] and people["Fox"] == ["Fox", "Fox"]
    assert ("first lady", "president") == (
        next(p.title for p in conference.posts if p.holder == "ann fox"), next(p.title for p in conference.posts if p.holder == "fox")
    )


def test_a_given_name_that_is_also_a_word_names_the_holder_after_a_post_and_what_it_is_for():
    conference = resolve(parse_transcript(_briefing("You remember our Under Secretary of State for Harbour Affairs Bill Fox.")))
    assert [(p.holder, p.title) for p in conference.posts if p.holder == "bill fox"] == [("bill fox", "under secretary of state for harbour affairs")]


def test_a_surname_said_with_a_title_names_the_one_of_that_surname_who_holds_it():
    conference = resolve(parse_transcript(_briefing("We will welcome President Ann Fox and First Lady Bea Fox. President Fox spoke.")))
    people = {e.name: [ev.span.text for ev in e.evidence] for e in conference.entities if e.kind is Kind.PERSON}
    assert people["Ann Fox"] == ["Ann Fox", "Fox"] and people["Bea Fox"] == ["Bea Fox"] and "Fox" not in people


def test_a_count_naming_a_whole_everyone_knows_is_no_figure():
    found = _figures("You cannot have 50 states making a patchwork, and 12 states refused.")
    assert [f.span.text for f in found.figures] == ["12 states"]
    assert RejectReason.DEFINITE in {r.reason for r in found.rejected}


def test_a_headline_post_said_in_full_after_the_name_in_the_text_is_that_post():
    text = (
        "Press Briefing by Press Secretary Jane Roe and Under Secretary Fox\n\n"
        "MS. ROE:  Today I have with me Ann Fox, Under Secretary of the Treasury for Harbour Affairs.  She will talk.\n\n"
        "UNDER SECRETARY FOX:  Thanks.\n"
    )
    conference = resolve(parse_transcript(text))
    assert [(p.title, p.organization) for p in conference.posts if p.holder == "ann fox"] == [
        ("under secretary of the treasury for harbour affairs", "department of treasury")
    ]
    text = (
        "Press Gaggle by Press Secretary Jane Roe and Deputy Pier Advisor for Strategic Piers Bea Lund\n\n"
        "MS. ROE:  With me is Bea Lund, Deputy Pier Advisor for Strategic Piers -- to help you out.\n\n"
        "MS. LUND:  Thanks.\n"
    )
    assert [p.title for p in resolve(parse_transcript(text)).posts if p.holder == "bea lund"] == ["deputy pier advisor for strategic piers"]


def test_an_envoys_remit_after_for_is_part_of_the_title_whatever_it_names():
    text = "Special Presidential Envoy for the Harbour Coalition to Counter Floods"
    post = parse_post(text, Span.of(text, 0, len(text)))
    assert (post.title_text, post.body) == ("special presidential envoy for the harbour coalition to counter floods", None)
    text = "Spokesperson for the Water Bureau"
    assert parse_post(text, Span.of(text, 0, len(text))).title_text == "spokesperson"
