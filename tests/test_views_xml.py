"""XML views stay well-formed whatever characters a name holds (issue 11, item 5)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from rdflib import Literal

from cyberkg.export import pictures
from cyberkg.export.formats import XML_FORMATS, Format, render, xml_text
from cyberkg.export.viewmodel import ViewKind
from cyberkg.export.views import project
from cyberkg.parse import parse_transcript
from cyberkg.pipeline import build_graph
from cyberkg.vocab import ORG, RDF, SCHEMA, SKOS

from .test_validate import copy

#: A form feed (pdftotext's page break), a vertical tab, and other characters XML 1.0 forbids.
CONTROLS = "\x0c\x0b\x00\x01\x1f\ufffe"


@pytest.fixture(scope="module")
def control_graph(sample_build):
    graph = copy(sample_build[1])
    for cls, prop in ((SCHEMA.Person, SCHEMA.name), (ORG.Organization, SKOS.prefLabel), (ORG.Post, SKOS.prefLabel)):
        for node in sorted(graph.subjects(RDF.type, cls))[:3]:
            name = graph.value(node, prop)
            graph.set((node, prop, Literal(f"{name[:3]}{CONTROLS}{name[3:]}")))
    return graph


@pytest.mark.parametrize("kind", list(ViewKind))
def test_graphml_and_gexf_parse_with_control_characters_in_names(control_graph, kind):
    view = project(control_graph, kind)
    graphml, gexf = render(view, Format.GRAPHML), render(view, Format.GEXF)
    for data in (graphml, gexf):
        ET.fromstring(data)
    back = nx.read_graphml(io.BytesIO(graphml), force_multigraph=view.multigraph)
    assert set(back.nodes) == {n.id for n in view.nodes}
    assert set(nx.read_gexf(io.BytesIO(gexf)).nodes) == {n.id for n in view.nodes}
    labels = " ".join(d.get("label", "") for _, d in back.nodes(data=True))
    assert not set(CONTROLS) & set(labels)


def test_views_of_a_transcript_with_a_form_feed_and_a_vertical_tab_parse():
    text = (
        "Press conference on invented bureaus\n\nSpeakers:\n"
        "Mr. Zhao Lan, director general of the Bureau\x0cof Invented Affairs\n"
        "Ms. Qian Mei, spokesperson of the Office\x0bof Made-up Studies\n\n"
        "Zhao Lan: We opened the Bureau\x0cof Invented Affairs today.\n"
        "Qian Mei: Thank you.\n"
    )
    graph = build_graph([parse_transcript(text, name="controls.txt")])[1]
    for kind in ViewKind:
        view = project(graph, kind)
        for fmt in (Format.GRAPHML, Format.GEXF):
            ET.fromstring(render(view, fmt))
        nx.read_graphml(io.BytesIO(render(view, Format.GRAPHML)), force_multigraph=view.multigraph)
        nx.read_gexf(io.BytesIO(render(view, Format.GEXF)))


@pytest.mark.skipif(not pictures.graphviz_available(), reason="Graphviz's dot is not installed")
def test_svg_parses_with_control_characters_in_names(control_graph):
    for kind in (ViewKind.ORGCHART, ViewKind.ENTITIES):
        ET.fromstring(render(project(control_graph, kind), Format.SVG))


def test_every_xml_format_is_made_safe():
    assert XML_FORMATS == {Format.GRAPHML, Format.GEXF, Format.SVG}
    assert xml_text("a\tb\nc\rd é 中") == "a\tb\nc\rd é 中"  # what XML allows is kept
