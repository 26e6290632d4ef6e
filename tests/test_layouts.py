"""Layouts of other offices: how each is read (title, date, metadata, turns, participants, furniture).

Each folder of ``tests/fixtures_layouts/`` holds a hand-written ``input.txt`` that
reproduces the structure of one office's real pages, and an ``expected.json``.
This test checks what the parse stage and the speaker resolution own; what the
extractors find in the text (bodies of mentioned people's posts, figures,
named things) is scored by ``python -m tests.scorer``.

Where an ``expected.json`` names a role label ("SENIOR ADMINISTRATION OFFICIAL")
as a participant, the test reads it as a role-only speaker: a role is not a
person, so it is never a participant.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cyberkg.model import Kind, LabelKind
from cyberkg.parse import read_transcript, role_of
from cyberkg.relate import relate
from cyberkg.resolve import resolve
from cyberkg.text import fold

LAYOUTS = Path(__file__).parent / "fixtures_layouts"
CASES = sorted(p for p in LAYOUTS.iterdir() if (p / "expected.json").is_file()) if LAYOUTS.is_dir() else []


def _norm(text: str | None) -> str | None:
    return " ".join(fold(text).split()) if text is not None else None


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_layout_is_read(folder: Path) -> None:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    pages = [read_transcript(folder / name) for name in expected["pages"]]
    conference = relate(resolve(pages))
    page = pages[0]

    assert _norm(page.metadata.title.text) == _norm(expected["title"])
    held = conference.held[1].date.isoformat() if conference.held else None
    assert held == expected["held"]
    assert page.narrative is expected["narrative"]
    meta = page.metadata
    got_meta = {
        "place": meta.place.text if meta.place else None,
        "start_time": meta.start_time.text if meta.start_time else None,
        "end_time": meta.end_time.text if meta.end_time else None,
        "source_url": meta.source_url.text if meta.source_url else None,
        "updated": meta.updated.date.isoformat() if meta.updated else None,
    }
    assert got_meta == {k: _norm(v) if k != "updated" else v for k, v in expected["metadata"].items()}

    names = {(e.kind, e.key): e.name for e in conference.entities}
    got_turns = []
    for turn in conference.turns:
        if turn.speaker is not None:
            speaker = names[turn.speaker]
        elif turn.speaker_kind is LabelKind.ROLE:
            speaker = turn.label.text.title()
        else:
            speaker = None
        got_turns.append({"speaker": speaker, "role": turn.role.value})
    want_turns = [
        {"speaker": t["speaker"].title() if t["speaker"] and role_of(t["speaker"]) else t["speaker"], "role": t["role"]}
        for t in expected["turns"]
    ]
    assert got_turns == want_turns

    people = {e.name: e for e in conference.people}
    participants = {(e.name, e.role.value) for e in conference.people if e.role is not None and e.role.value in ("speaker", "moderator")}
    want = {(p["name"], p["role"]) for p in expected["participants"] if role_of(p["name"]) is None}
    assert participants == want
    titles = {name: {p.title for p in conference.posts if p.holder == e.key} for name, e in people.items()}
    for post in expected["posts"]:
        if (post["person"], "speaker") in want or (post["person"], "moderator") in want:
            assert post["title"] in titles[post["person"]], (post, titles[post["person"]])

    text = page.text
    spans = [(text.find(line), text.find(line) + len(line)) for line in expected["furniture"]]
    assert all(start >= 0 for start, _ in spans)
    spoke = {t.speaker for t in conference.turns if t.speaker is not None}
    for start, end in spans:
        for turn in page.turns:
            assert all(p.end <= start or p.start >= end for p in turn.paragraphs), text[start:end]
        for e in conference.entities:
            if (e.kind, e.key) in spoke and e.kind in (Kind.PERSON, Kind.MEDIA):
                assert all(not (start <= ev.span.start < end) for ev in e.evidence if ev.page == 0), (e.name, text[start:end])


def test_header_metadata_reaches_the_graph() -> None:
    """Place, start and end times with their zone, the source address and the decoded headline are in the graph."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    from cyberkg.pipeline import build_graph
    from cyberkg.vocab import CKG, SCHEMA

    folder = LAYOUTS / "wh-transcript"
    _, graph = build_graph([read_transcript(folder / "input.txt")])
    conference = next(graph.subjects(CKG.transcript, None))
    transcript = graph.value(conference, CKG.transcript)
    assert graph.value(conference, CKG.startTime) == Literal("12:31:00-04:00", datatype=XSD.time)
    assert graph.value(conference, CKG.endTime) == Literal("14:45:00-04:00", datatype=XSD.time)
    assert str(graph.value(conference, SCHEMA.location)) == "James S. Brady Press Briefing Room"
    assert isinstance(graph.value(transcript, SCHEMA.url), URIRef)
    assert str(graph.value(transcript, SCHEMA.url)).startswith("https://www.whitehouse.gov/briefing-room/")
    assert "\\" not in str(graph.value(transcript, SCHEMA.headline))
