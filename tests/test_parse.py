"""Stage 1: parsing text into title, dates, roster lines and turns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cyberkg.errors import InputError
from cyberkg.model import LabelKind, Role, Span
from cyberkg.parse import classify_label, is_name_like, parse_bytes, parse_transcript, read_transcript

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


# ---------------------------------------------------------------- real layouts (issue 9, issue 11 item 6)

FRONT = (
    "---\n"
    "date: '2024-05-02'\n"
    "source_url: https://example.org/briefings/2024/05/02/rivers/\n"
    'title: "Press Briefing by Press Secretary Ana\\_Reyes and Secretary of Rivers\\\n'
    '  \\ Tom Hale, May 2,\\_2024"\n'
    "---\n"
    "\n"
    "Riverside Briefing Room\n"
    "\n"
    "12:31 P.M. EDT\n"
    "\n"
    "MS. REYES:  Good afternoon.  I have one thing at the top before I hand it\n"
    "over to Secretary Hale, who will walk you through the new plan for the\n"
    "canals and ports.  The plan was drafted over the winter with the help of\n"
    "the river towns, the barge owners and the unions, and it was sent to the\n"
    "council last week.  It covers dredging, locks, cranes and the rail links\n"
    "that connect the ports to the farms and factories inland, and it sets out\n"
    "a schedule for each of them.\n"
    "\n"
    "Q    Thank you.  Will the plan need a vote?\n"
    "\n"
    "SECRETARY HALE:It will not.  The money was set aside last year.\n"
    "\n"
    "END 2:45 P.M. EDT\n"
)


def test_parse_front_matter_is_metadata_not_text():
    t = parse_transcript(FRONT)
    meta = t.metadata
    assert meta.front_matter is not None and meta.front_matter.start == 0
    assert meta.source_url.text == "https://example.org/briefings/2024/05/02/rivers/"
    assert meta.title.text == "Press Briefing by Press Secretary Ana Reyes and Secretary of Rivers Tom Hale, May 2, 2024"
    assert t.title.text.startswith("Press Briefing by") and "\\_" in t.title.text  # evidence is the source as written
    assert t.held.date == dt.date(2024, 5, 2) and t.published.date == dt.date(2024, 5, 2)
    assert (meta.place.text, meta.start_time.text, meta.end_time.text) == ("Riverside Briefing Room", "12:31 P.M. EDT", "2:45 P.M. EDT")
    assert all(span.start >= meta.front_matter.end for turn in t.turns for span in (turn.span, *turn.paragraphs))
    for _, span in meta.fields:
        assert FRONT[span.start : span.end] == span.text


@pytest.mark.parametrize("field", ['title: ""', "title: ''", 'title: "   "', "title:"])
def test_blank_front_matter_title_falls_back_to_the_first_line(field):
    # Found by fuzzing: an empty title field gave an empty schema:headline, a SHACL violation.
    text = f"---\n{field}\n---\n\nBriefing on the rivers\n\nMS. REYES:  Good afternoon.\n"
    t = parse_transcript(text)
    assert t.title.text == "Briefing on the rivers" and t.metadata.title.text == "Briefing on the rivers"


def test_parse_hard_wrapped_paragraphs_and_labels_of_the_white_house_kind():
    t = parse_transcript(FRONT)
    assert [(x.label.text, x.kind) for x in t.turns] == [
        ("MS. REYES", LabelKind.PERSON),
        ("Q", LabelKind.QUESTIONER),
        ("SECRETARY HALE", LabelKind.PERSON),
    ]
    first = t.turns[0].paragraphs
    assert len(first) == 1 and first[0].text.endswith("for each of them.") and "\n" in first[0].text
    assert t.folded[first[0].start : first[0].end] == first[0].text.replace("\n", " ")
    assert t.turns[2].paragraphs[0].text.startswith("It will not.")
    assert "END" not in t.turns[-1].span.text  # "END 2:45 P.M." is metadata, never a turn or a person


def test_parse_one_line_paragraphs_stay_apart_in_a_long_transcript():
    body = "".join(f"Li Si: Point {i} is made here.\nIt has a second line.\n" for i in range(30))
    t = parse_transcript("Title\n\n" + body)
    assert len(t.turns) == 30 and all(len(turn.paragraphs) == 2 for turn in t.turns)


def test_parse_obama_header_block():
    text = (
        "Briefing by Press Secretary Ana Reyes, 3/4/09\n\nTHE WHITE HOUSE\n\nOffice of the Press Secretary\n"
        "______________________\n\nFor Immediate Release\u00a0\u00a0\u00a0\u00a0 March 4, 2009\n\n"
        "PRESS BRIEFING\nBY\nPRESS SECRETARY ANA REYES\n\nRiverside Briefing Room\n\n2:24 P.M. EST\n\n"
        "MS. REYES:  Good afternoon.\n\nQ    A question.\n\nMS. REYES:  An answer.\n\nEND                  3:05 P.M. EST\n"
    )
    t = parse_transcript(text)
    assert t.title.text == "Briefing by Press Secretary Ana Reyes, 3/4/09"
    assert t.metadata.heading.text == "PRESS BRIEFING\nBY\nPRESS SECRETARY ANA REYES"
    assert t.published.date == t.held.date == dt.date(2009, 3, 4)  # the page's date, and so the conference's
    assert (t.metadata.place.text, t.metadata.start_time.text, t.metadata.end_time.text) == (
        "Riverside Briefing Room", "2:24 P.M. EST", "3:05 P.M. EST"
    )
    assert t.roster == () and [x.label.text for x in t.turns] == ["MS. REYES", "Q", "MS. REYES"]


@pytest.mark.parametrize(
    ("line", "label", "kind"),
    [
        ("Q    Is it true?", "Q", LabelKind.QUESTIONER),
        ("Q\u00a0\u00a0\u00a0 Is it true?", "Q", LabelKind.QUESTIONER),
        ("Q: Is it true?", "Q", LabelKind.QUESTIONER),
        ("A: It is.", "A", LabelKind.ANSWER),
        ("QUESTION: Is it true?", "QUESTION", LabelKind.QUESTIONER),
        ("MR. HALE:It is.", "MR. HALE", LabelKind.PERSON),
        ("ACTING ADMINISTRATOR HALE:  It is.", "ACTING ADMINISTRATOR HALE", LabelKind.PERSON),
        ("SENIOR ADMINISTRATION OFFICIAL:  It is.", "SENIOR ADMINISTRATION OFFICIAL", LabelKind.ROLE),
        ("MODERATOR:  Next question.", "MODERATOR", LabelKind.ROLE),
        ("Jose\u0301 Ruiz: It is.", "Jose\u0301 Ruiz", LabelKind.PERSON),
        ("River Daily: Is it true?", "River Daily", LabelKind.OUTLET),
    ],
)
def test_parse_label_grammar(line, label, kind):
    t = parse_transcript(f"Briefing on rivers\n\n{line}\n")
    assert [(x.label.text, x.kind) for x in t.turns] == [(label, kind)]


def test_parse_q_in_running_text_is_no_label():
    t = parse_transcript("Briefing\n\nLi Si: Sales rose in the second\nQ of the year.\n\nQ Why?\n")
    assert [x.label.text for x in t.turns] == ["Li Si", "Q"]


def test_parse_decomposed_label_keeps_offsets_into_the_original():
    text = "Briefing\n\nLi Si: Hello.\n\nJose\u0301 Ruiz: Hola.\n"
    t = parse_transcript(text)
    label = t.turns[1].label
    assert text[label.start : label.end] == label.text == "Jose\u0301 Ruiz"
    assert t.turns[1].paragraphs[0].text == "Hola."


def test_parse_moderator_block_label_still_opens_a_roster():
    t = parse_transcript("Briefing\n\nModerator: Mr. Bo Yuan, spokesperson of the Press Office\n\nBo Yuan: Welcome.\n")
    assert [r.block for r in t.roster] == [Role.MODERATOR] and [x.label.text for x in t.turns] == ["Bo Yuan"]


def test_parse_page_furniture_never_becomes_a_turn_or_roster_line():
    text = (
        "中文 | English\nHome > Press Room > Briefings\nRiver Office briefing on ports\n"
        "River OfficeMarch 18, 2025\nShare\nPrint\n\nUpdated: March 18, 2025\n\n"
        "Speakers:\nTan Bo, head of the Ports Administration\n\nDate:\nMarch 17, 2025\n\n"
        "/4    Tan Bo\n\nThe River Office holds a briefing on ports. [Photo by Li Wei/River Office]\n\n"
        "Tan Bo:\nPorts grew.\n\nMORE FROM River Office\n"
    )
    t = parse_transcript(text)
    assert t.title.text == "River Office briefing on ports"
    assert t.metadata.updated.date == dt.date(2025, 3, 18) and t.published.date == dt.date(2025, 3, 18)
    assert t.held.date == dt.date(2025, 3, 17)
    assert [r.span.text for r in t.roster] == ["Tan Bo, head of the Ports Administration"]
    assert [x.label.text for x in t.turns] == ["Tan Bo"]
    assert [p.text for p in t.turns[0].paragraphs] == ["Ports grew."]


def test_parse_narrative_is_one_unattributed_turn_with_a_note():
    text = (
        "Home > Briefings\nNoon briefing of the spokesperson\n\nTHURSDAY, 13 MARCH 2025\n\n"
        "RIVERS\n\nThe river council met today. It adopted two plans.\n\nThe council will meet again in May.\n"
    )
    t = parse_transcript(text, name="noon.txt")
    assert t.narrative and t.notes == ("noon.txt: no speaker label found; read as one unattributed narrative",)
    assert t.held.date == dt.date(2025, 3, 13)
    assert len(t.turns) == 1 and t.turns[0].label is None and t.turns[0].kind is LabelKind.NONE
    assert [p.text for p in t.turns[0].paragraphs] == [
        "RIVERS",
        "The river council met today. It adopted two plans.",
        "The council will meet again in May.",
    ]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("\ufeffBriefing\n\nLi Si: Hello.\n".encode("utf-16-le"), None),
        ("Briefing\n\nLi Si: Hello.\n".encode("utf-16"), None),
        ("Briefing\n\nLi Si: Hello.\n".encode("utf-8-sig"), None),
        ("简报\n\n李四：你好。\n".encode("gbk"), None),
        ("Briefing\n\nJosé: Hola.\n".encode("latin-1"), "latin-1"),
    ],
)
def test_parse_bytes_decodes_encodings(data, encoding):
    t = parse_bytes(data, name="x.txt", encoding=encoding)
    assert len(t.turns) == 1 and not t.text.startswith("\ufeff")


def test_read_transcript_refuses_what_is_not_a_regular_file(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(InputError) as info:
            read_transcript(path)
        assert str(info.value) == f"{path}: is not a regular file (a device, pipe or socket); give a transcript file"


def test_front_matter_escapes_decode_for_matching_and_keep_source_spans():
    from cyberkg.frontmatter import read_front_matter

    text = '---\ntitle: "By COVID-\\u206019 Response Coordinator Dr.\\_Ana Reyes"\n---\nbody\n'
    _, span, view = read_front_matter(text).fields[0]
    assert view.text == "By COVID-19 Response Coordinator Dr. Ana Reyes"
    start = view.text.index("Ana")
    assert view.span(text, start, start + 9) == Span.of(text, span.end - 9, span.end)
