"""Properties that hold for any input: a transcript or a clear error, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cyberkg.errors import InputError
from cyberkg.parse import parse_bytes, parse_transcript
from cyberkg.pipeline import build_graph
from cyberkg.rdf import to_graph
from cyberkg.resolve import resolve

NAMES = st.sampled_from(["Li Wei", "Zhou Min", "MR SMITH", "Ana Ruiz", "China Daily", "QUESTION", "Reuters"])
WORDS = st.sampled_from(
    ["director", "of", "the", "Bureau", "Ministry", "Office", "(ABC)", "and", "spokesperson", ",", "Mr.", "2021", "Aug. 1, 2022", ":", "|", "\n", "  "]
)
LINES = st.lists(
    st.one_of(
        NAMES.map(lambda n: n + ":"),
        st.builds(lambda n, w: f"{n}, {' '.join(w)}", NAMES, st.lists(WORDS, max_size=8)),
        st.lists(WORDS, max_size=12).map(" ".join),
        st.text(max_size=40),
    ),
    max_size=14,
)


def all_spans(t):
    yield t.title
    for d in (t.published, t.held):
        if d is not None:
            yield d.span
    for line in t.roster:
        yield line.span
    for turn in t.turns:
        if turn.label is not None:
            yield turn.label
        yield turn.span
        yield from turn.paragraphs


def check(text: str) -> None:
    try:
        t = parse_transcript(text, name="x.txt")
    except InputError as exc:
        assert str(exc).startswith("x.txt: ") and "\n" not in str(exc)
        return
    assert t.text == text
    for span in all_spans(t):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    conference = resolve(t)
    evidence = [ev for entity in conference.entities for ev in entity.evidence]
    evidence += [ev for post in conference.posts for ev in post.evidence]
    evidence += [m.evidence for m in conference.mentions] + [u.evidence for u in conference.unresolved]
    for ev in evidence:
        assert ev.page == 0 and text[ev.span.start : ev.span.end] == ev.span.text
    to_graph([conference], base="https://example.org/")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gives_a_transcript_or_a_clear_error(text):
    check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES, st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_transcript_like_text_keeps_every_offset_inside_the_text(lines, sep):
    check("Title of a briefing" + sep + sep.join(lines))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_a_transcript_or_a_clear_error(data):
    try:
        parse_bytes(data, name="b.txt")
    except InputError as exc:
        assert str(exc).startswith("b.txt: ") and "\n" not in str(exc)


@settings(max_examples=30, deadline=None)
@given(LINES)
def test_graph_of_any_parsed_text_has_no_blank_nodes(lines):
    try:
        t = parse_transcript("Title\n\n" + "\n".join(lines))
    except InputError:
        return
    _, graph = build_graph([t])
    assert all(not term.__class__.__name__ == "BNode" for triple in graph for term in triple)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=5))
def test_turtle_round_trips_any_text(values):
    from rdflib import Graph, Literal, URIRef
    from rdflib.compare import isomorphic

    from cyberkg.export.rdf import turtle

    graph = Graph()
    for i, value in enumerate(values):
        graph.add((URIRef(f"https://example.org/s{i}"), URIRef("https://schema.org/name"), Literal(value)))
    assert isomorphic(Graph().parse(data=turtle(graph).decode("utf-8"), format="turtle"), graph)


_BRIEFING_WORDS = st.sampled_from(
    ["the", "Law", "Regulations on", "Water", "Forum", "Ministry of", "Co., Ltd.", "(ABC)", "ABC", '"Clean" campaign',
     "Mr.", "Premier", "Li Wei", "opinions on", "issued", "2021", "1.5 billion", "yuan", "percent",
     "first half of this year", "in July", "for eight years in a row", "18th", "Congress", "and", ",", ".",
     "Reuters:", "QUESTION:", "MR LEE:", "\n", "Li Wei, director of the Water Bureau (WB)\n"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(NAMES.map(lambda n: n + ":"), st.lists(_BRIEFING_WORDS, max_size=25).map(" ".join)), max_size=12))
def test_graph_of_any_briefing_like_text_conforms(lines):
    from cyberkg.validate import format_result, validate

    try:
        t = parse_transcript("Briefing on water | May 2, 2024\n\n" + "\n".join(lines))
    except InputError:
        return
    report = validate(build_graph([t])[1])
    assert report.conforms, [format_result(r) for r in report.results][:3]


# Real layouts (issue 9): front matter with escapes, labels in capitals and in any Unicode form,
# Q turns without a colon, header times, END lines, furniture, hard-wrapped lines.
REAL_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "MS. REYES:  Good afternoon.",
                "MR. HALE:It will not.",
                "SECRETARY HALE:  Yes.",
                "Q\u00a0\u00a0\u00a0 Will it pass?",
                "Q    (Inaudible) -- and then?",
                "A: None today.",
                "SENIOR ADMINISTRATION OFFICIAL:  On background.",
                "MODERATOR:  Next question.",
                "Jose\u0301 Ruiz: Hola.",
                "END 2:45 P.M. EDT",
                "12:31 P.M. EDT",
                "Updated: March 18, 2025",
                "中文 | English",
                "Home > Briefings",
                "Share",
                "THE WHITE HOUSE",
                "PRESS BRIEFING BY PRESS SECRETARY ANA REYES",
                "the plan for the canals and ports was drafted over the winter with the",
                "",
            ]
        ),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    ),
    max_size=16,
)
FRONT_MATTER = st.sampled_from(
    [
        "",
        '---\ntitle: "Press Briefing by Press Secretary Ana\\_Reyes and Secretary of Rivers\\\n  \\ Tom Hale, May 2,\\_2024"\ndate: \'2024-05-02\'\n---\n',
        "---\ntitle: Briefing\nsource_url: https://example.org/x\n---\n",
        "---\ntitle: \"unclosed\n---\n",
        "---\nno end\n",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FRONT_MATTER, REAL_LINES, st.sampled_from(["\n", "\n\n"]))
def test_real_layouts_keep_every_offset_inside_the_text(front, lines, sep):
    text = front + "Press Briefing by Press Secretary Ana Reyes" + sep + sep.join(lines)
    check(text)
    try:
        t = parse_transcript(text, name="x.txt")
    except InputError:
        return
    meta = t.metadata
    for span in (meta.front_matter, meta.place, meta.start_time, meta.end_time, meta.source_url, meta.heading):
        if span is not None:
            assert text[span.start : span.end] == span.text
    for _, span in meta.fields:
        assert text[span.start : span.end] == span.text
    view = meta.title
    assert len(view.starts) == len(view.text) + 1 and all(0 <= a <= b <= len(text) for a, b in zip(view.starts, view.starts[1:]))
