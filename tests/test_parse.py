"""Stage 1: parsing text into title, dates, roster lines and turns."""

from __future__ import annotations

import datetime as dt

import pytest

from cyberkg.errors import InputError
from cyberkg.model import LabelKind, Role
from cyberkg.parse import classify_label, is_name_like, parse_bytes, parse_transcript

BLOCKS = """Briefing on river transport

Speakers:
Mr. Ren Guohua, vice minister of the Ministry of Rivers (MOR)
Ms. Lei Fang, director general of the Department of Ports of the MOR
Chairperson: Mr. Bo Yuan, spokesperson of the Press Office
Date: May 4, 2023

Bo Yuan:
Good morning. Today Mr. Ren Guohua and Ms. Lei Fang are with us.

Ren Guohua:
Thank you.
Ports grew.

Harbour Daily:
A question on ports.

Lei Fang: We will answer inline.
"""

INDENTED = (
    "Briefing on forests\n"
    "Briefing on forests | June 2, 2021\n"
    "    Du Ming, director of the Forest Bureau\n"
    "\tKe Lan, spokesperson of the Information Office\n"
    "June 1, 2021\n"
    "Ke Lan:\n"
    "Welcome. Du Ming will brief you.\n"
    "Du Ming:\n"
    "Forests grew.\n"
    "1  2  3  >\n"
)


def test_parse_sample_header(sample_transcript):
    t = sample_transcript
    assert t.title.text.startswith("Publicity Department of CPC Central Committee holds press conference")
    assert t.title.text == t.text[t.title.start : t.title.end]
    assert t.held is not None and t.held.date == dt.date(2022, 8, 19)
    assert t.published is not None and t.published.date == dt.date(2022, 9, 6)


def test_parse_sample_roster_and_turns(sample_transcript):
    t = sample_transcript
    assert len(t.roster) == 8
    assert [turn.label.text for turn in t.turns] == ["Shou Xiaoli", "Niu Yibing"]
    assert [turn.order for turn in t.turns] == [1, 2]
    last = t.turns[-1].paragraphs[-1]
    assert last.text.endswith("Thank you all.")  # the pagination line is not part of the turn
    assert len(t.turns[1].paragraphs) == 13


def test_parse_blocks_layout():
    t = parse_transcript(BLOCKS)
    assert t.title.text == "Briefing on river transport"
    assert t.held.date == dt.date(2023, 5, 4) and t.published is None
    assert [(r.block, r.span.text.split(",")[0]) for r in t.roster] == [
        (Role.SPEAKER, "Mr. Ren Guohua"),
        (Role.SPEAKER, "Ms. Lei Fang"),
        (Role.MODERATOR, "Mr. Bo Yuan"),
    ]
    assert [(x.label.text, x.kind) for x in t.turns] == [
        ("Bo Yuan", LabelKind.PERSON),
        ("Ren Guohua", LabelKind.PERSON),
        ("Harbour Daily", LabelKind.OUTLET),
        ("Lei Fang", LabelKind.PERSON),
    ]
    assert [p.text for p in t.turns[1].paragraphs] == ["Thank you.", "Ports grew."]
    assert [p.text for p in t.turns[3].paragraphs] == ["We will answer inline."]


def test_parse_indented_single_newline_layout():
    t = parse_transcript(INDENTED)
    assert t.published.date == dt.date(2021, 6, 2)
    assert t.held.date == dt.date(2021, 6, 1)
    assert [r.span.text for r in t.roster] == [
        "Du Ming, director of the Forest Bureau",
        "Ke Lan, spokesperson of the Information Office",
    ]
    assert [x.label.text for x in t.turns] == ["Ke Lan", "Du Ming"]
    assert t.turns[-1].span.text == "Du Ming:\nForests grew."


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_parse_keeps_offsets_with_other_line_breaks(newline):
    text = INDENTED.replace("\n", newline)
    t = parse_transcript(text)
    assert [x.label.text for x in t.turns] == ["Ke Lan", "Du Ming"]
    for turn in t.turns:
        for span in (turn.label, turn.span, *turn.paragraphs):
            assert text[span.start : span.end] == span.text


def test_parse_byte_order_mark_and_title_glyph():
    t = parse_bytes("\ufeffㄑ Briefing on water\n\nLi Si:\nHello.\n".encode(), name="x.txt")
    assert t.title.text == "Briefing on water"


def test_parse_headline_date_is_conference_date():
    t = parse_transcript("Spokesperson Lin Bo's Regular Press Conference on March 3, 2024\n\nLin Bo: Good afternoon.\n")
    assert t.held.date == dt.date(2024, 3, 3)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "file is empty"),
        (b"  \n\n\t", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"\xfa\xfb text", "is not UTF-8 text (bad byte at offset 0); name its encoding with --encoding"),
        (b"Title\n\nLi: caf\xe9 ok\n", "is not UTF-8 text (bad byte at offset 14)"),
        (b"\xff\xfeL\x00i\x00:\x00 \x00\x00\xd8", "is not UTF-16 text (bad byte at offset 10)"),
        (b"1  2  3  >\n", "page furniture"),
    ],
)
def test_parse_rejects_bad_input_with_one_line(data, problem):
    with pytest.raises(InputError) as info:
        parse_bytes(data, name="bad.txt")
    message = str(info.value)
    assert message.startswith("bad.txt: ") and problem in message and "\n" not in message


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Zhao Lijian", True),
        ("MR PRICE", True),
        ("Agence France-Presse", True),
        ("Mr. Niu", True),
        ("Relevant documents include", False),
        ("In 2021, we said", False),
        ("the ministry", False),
    ],
)
def test_is_name_like(label, expected):
    assert is_name_like(label) is expected


@pytest.mark.parametrize(
    ("label", "kind"),
    [("Reuters", LabelKind.OUTLET), ("China News Service", LabelKind.OUTLET), ("QUESTION", LabelKind.QUESTIONER), ("Wang Bo", LabelKind.PERSON)],
)
def test_classify_label(label, kind):
    assert classify_label(label) is kind


def test_parse_does_not_take_a_sentence_with_a_colon_as_a_turn():
    t = parse_transcript("Title\n\nLi Si:\nWe did three things: first, we built roads.\nThe plan reads as follows:\nmore roads.\n")
    assert len(t.turns) == 1 and len(t.turns[0].paragraphs) == 3
