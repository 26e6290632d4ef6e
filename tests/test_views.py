"""Views of the graph: projections, formats that read back, pictures, the explorer page, determinism."""

from __future__ import annotations

import html.parser
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from cyberkg.cli import main
from cyberkg.export import pictures
from cyberkg.export.bundle import default_views, render_view
from cyberkg.export.explorer import csp_hash, explorer_html
from cyberkg.export.formats import Format, dot, render
from cyberkg.export.viewmodel import EdgeKind, NodeKind, ViewKind
from cyberkg.export.views import graph_date, project, read_graph
from cyberkg.parse import read_transcript
from cyberkg.pipeline import build_graph
from cyberkg.vocab import CKG, ORG, RDF, SCHEMA, SKOS

from .synthetic import big_transcript

TESTS = Path(__file__).parent
VIEW_FIXTURES = TESTS / "fixtures_views"
INJECTIONS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')
needs_graphviz = pytest.mark.skipif(not pictures.graphviz_available(), reason="Graphviz's dot is not installed")


@pytest.fixture(scope="module")
def sample_graph(sample_build) -> Graph:
    return sample_build[1]


@pytest.fixture(scope="module")
def terms_graph() -> Graph:
    return Graph().parse(VIEW_FIXTURES / "terms.ttl", format="turtle")


@pytest.fixture(scope="module")
def injection_graph() -> Graph:
    return build_graph([read_transcript(VIEW_FIXTURES / "injection" / "input.txt")])[1]


@pytest.fixture(scope="module")
def cjk_graph() -> Graph:
    return build_graph([read_transcript(VIEW_FIXTURES / "cjk" / "input.txt")])[1]


@pytest.fixture(scope="module")
def big_graph() -> Graph:
    from cyberkg.parse import parse_transcript

    return build_graph([parse_transcript(big_transcript(400), name="big.txt")])[1]


def _edges(view) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.kind.value) for e in view.edges}


# ---------------------------------------------------------------- projections


@pytest.mark.parametrize("kind", list(ViewKind))
def test_views_every_node_and_edge_carries_iri_type_label_and_evidence(sample_graph, terms_graph, kind):
    for graph in (sample_graph, terms_graph):
        view = project(graph, kind)
        assert view.nodes, kind
        for n in view.nodes:
            assert n.iri.startswith("http") and n.label and n.kind in NodeKind and n.cls.startswith("http")
            assert n.evidence_count >= 1 and n.first_quote is not None and n.first_quote.text
        for e in view.edges:
            assert e.iri.startswith("http") and e.label and e.weight >= 1
            assert e.evidence_count >= 1 and e.first_quote is not None and e.first_quote.text


@pytest.mark.parametrize("kind", list(ViewKind))
def test_views_quotes_equal_the_source_text(sample_text, sample_graph, kind):
    view = project(sample_graph, kind)
    quotes = [q for n in view.nodes for q in n.quotes] + [q for e in view.edges for q in e.quotes]
    assert quotes
    for q in quotes:
        assert sample_text[q.start : q.end] == q.text


def test_views_first_quote_is_the_earliest(sample_graph):
    for n in project(sample_graph, ViewKind.ENTITIES).nodes:
        assert n.first_quote == min(n.quotes)


def test_views_entities_of_the_sample(sample_graph):
    view = project(sample_graph, ViewKind.ENTITIES)
    kinds = {n.kind for n in view.nodes}
    assert kinds == {NodeKind.PERSON, NodeKind.BODY, NodeKind.COMPANY, NodeKind.LAW, NodeKind.DOCUMENT, NodeKind.CAMPAIGN, NodeKind.EVENT}
    assert len([n for n in view.nodes if n.kind is NodeKind.PERSON]) == len(set(sample_graph.subjects(RDF.type, SCHEMA.Person)))
    companies = set(sample_graph.subjects(RDF.type, CKG.Company))
    assert len([n for n in view.nodes if n.kind is NodeKind.BODY]) == len(set(sample_graph.subjects(RDF.type, ORG.Organization)) - companies)
    assert len([n for n in view.nodes if n.kind is NodeKind.LAW]) == len(set(sample_graph.subjects(RDF.type, CKG.Law)))
    by_label = {n.label: n.id for n in view.nodes}
    holds = {(e.source, e.target): e for e in view.edges if e.kind is EdgeKind.HOLDS_POST_IN}
    niu_cac = holds[(by_label["Niu Yibing"], by_label["Cyberspace Administration of China"])]
    assert niu_cac.weight == 2 and niu_cac.detail == "spokesperson; vice minister"
    # The moderator names the other speakers in her turn.
    mentioned = {e.target for e in view.edges if e.kind is EdgeKind.MENTIONS and e.source == by_label["Shou Xiaoli"]}
    others = ["Niu Yibing", "Yang Shuzhen", "Zhang Yongjun", "Sun Weimin", "Wang Song", "Qi Xiaoxia", "Zhang Yong"]
    assert {by_label[name] for name in others} <= mentioned
    laws = {e.target for e in view.edges if e.kind is EdgeKind.MENTIONS and e.source == by_label["Niu Yibing"]}
    assert by_label["Cybersecurity Law"] in laws  # what the speaker cited
    part_of = {(e.source, e.target) for e in view.edges if e.kind is EdgeKind.PART_OF}
    assert len(part_of) == len(set(sample_graph.subject_objects(ORG.unitOf)))


def test_views_new_terms_show_when_present(terms_graph):
    view = project(terms_graph, ViewKind.ENTITIES)
    kind_of = {n.label: n.kind for n in view.nodes}
    assert kind_of == {
        "Ana Berg": NodeKind.PERSON,
        "Harbour Herald": NodeKind.OUTLET,
        "Data Harbour Act": NodeKind.LAW,
        "Plan for Quiet Ports": NodeKind.DOCUMENT,
        "Clean Quays": NodeKind.CAMPAIGN,
        "Port Week": NodeKind.EVENT,
        "Dock Works Ltd": NodeKind.COMPANY,
        "Ministry of Ports": NodeKind.BODY,
        "Bureau of Quays": NodeKind.BODY,
    }
    ids = {n.label: n.id for n in view.nodes}
    edges = {(next(k for k, v in ids.items() if v == s), next(k for k, v in ids.items() if v == t), kind) for s, t, kind in _edges(view)}
    assert edges == {
        ("Ana Berg", "Bureau of Quays", "holds post in"),
        ("Bureau of Quays", "Ministry of Ports", "part of"),
        ("Harbour Herald", "Data Harbour Act", "asks"),
        ("Harbour Herald", "Clean Quays", "asks"),
        ("Ana Berg", "Data Harbour Act", "mentions"),
        ("Ana Berg", "Plan for Quiet Ports", "mentions"),
        ("Ana Berg", "Port Week", "mentions"),
        ("Ana Berg", "Dock Works Ltd", "mentions"),
        ("Ana Berg", "Harbour Herald", "answers"),
    }
    quote = {(e.source, e.kind): e.first_quote.text for e in view.edges}
    # A mention is quoted where the turn names it; a question is answered by the whole answer turn.
    assert quote[(ids["Ana Berg"], EdgeKind.MENTIONS)] in {"Data Harbour Act", "Port Week", "Dock Works Ltd", "Plan for Quiet Ports"}
    assert quote[(ids["Ana Berg"], EdgeKind.ANSWERS)].startswith("Ana Berg:\nThe Data Harbour Act")


def test_views_comention_weights_count_turns(terms_graph):
    view = project(terms_graph, ViewKind.COMENTION)
    label = {n.id: n.label for n in view.nodes}
    weights = {frozenset((label[e.source], label[e.target])): e.weight for e in view.edges}
    assert weights[frozenset(("Data Harbour Act", "Clean Quays"))] == 1
    assert weights[frozenset(("Data Harbour Act", "Port Week"))] == 1
    assert frozenset(("Clean Quays", "Port Week")) not in weights
    assert not view.directed and all(e.kind is EdgeKind.NAMED_WITH for e in view.edges)
    joined = next(e for e in view.edges if {label[e.source], label[e.target]} == {"Data Harbour Act", "Port Week"})
    assert joined.first_quote.text == "Data Harbour Act starts in Port Week"


def test_views_comention_counts_each_shared_turn(big_graph):
    view = project(big_graph, ViewKind.COMENTION)
    assert view.edges and max(e.weight for e in view.edges) >= 1
    for e in view.edges:
        assert e.weight == len(e.through)


def test_views_speakers_are_bipartite(terms_graph, sample_graph):
    for graph in (terms_graph, sample_graph):
        view = project(graph, ViewKind.SPEAKERS)
        side = {n.id: n.side for n in view.nodes}
        assert set(side.values()) == {"speaker", "named"}
        assert all(side[e.source] == "speaker" and side[e.target] == "named" for e in view.edges)
        g = nx.Graph((e.source, e.target) for e in view.edges)
        assert nx.is_bipartite(g)
    view = project(terms_graph, ViewKind.SPEAKERS)
    kinds = {(e.source.split(":", 1)[0], e.kind) for e in view.edges}
    assert kinds == {("speaker", EdgeKind.ASKS), ("speaker", EdgeKind.MENTIONS)}


def test_views_orgchart_is_a_forest_of_bodies_and_posts(sample_graph, terms_graph):
    view = project(sample_graph, ViewKind.ORGCHART)
    assert {n.kind for n in view.nodes} == {NodeKind.BODY, NodeKind.POST}
    assert len([n for n in view.nodes if n.kind is NodeKind.POST]) == 11  # one held by a mentioned person
    g = nx.DiGraph([(e.source, e.target) for e in view.edges])
    assert nx.is_forest(g.to_undirected()) and all(d <= 1 for _, d in g.in_degree())
    assert any(n.label == "Niu Yibing — vice minister" for n in view.nodes)
    # Rows go down: every child is below its parent.
    y = {n.id: n.y for n in view.nodes}
    assert all(y[e.target] > y[e.source] for e in view.edges)
    terms = project(terms_graph, ViewKind.ORGCHART)
    assert "Harbour Herald" not in {n.label for n in terms.nodes}  # an outlet with no units or posts


def test_views_layout_is_seeded_and_spreads_nodes(big_graph):
    view = project(big_graph, ViewKind.ENTITIES)
    assert len(view.nodes) >= 500
    again = project(big_graph, ViewKind.ENTITIES)
    assert [(n.x, n.y) for n in view.nodes] == [(n.x, n.y) for n in again.nodes]
    assert len({(n.x, n.y) for n in view.nodes}) == len(view.nodes)


def test_views_read_graph_errors(tmp_path):
    from cyberkg.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        read_graph(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <", encoding="utf-8")
    with pytest.raises(InputError, match="cannot be read as RDF"):
        read_graph(bad)
    odd = tmp_path / "graph.csv"
    odd.write_text("a,b", encoding="utf-8")
    with pytest.raises(InputError, match="unknown RDF syntax"):
        read_graph(odd)


# ---------------------------------------------------------------- formats


def _same_graph(original: nx.Graph, back: nx.Graph) -> None:
    assert set(original.nodes) == set(back.nodes)
    for n, attrs in original.nodes(data=True):
        assert back.nodes[n] == attrs, n

    def edges(g):
        return sorted((u, v, json.dumps(d, sort_keys=True)) for u, v, d in g.edges(data=True))

    assert edges(original) == edges(back)


@pytest.mark.parametrize("kind", list(ViewKind))
def test_views_graphml_reads_back_with_the_same_nodes_and_edges(sample_graph, terms_graph, kind):
    from cyberkg.export.views import to_networkx

    for graph in (sample_graph, terms_graph):
        view = project(graph, kind)
        back = nx.read_graphml(io.BytesIO(render(view, Format.GRAPHML)), force_multigraph=view.multigraph)
        original = to_networkx(view)
        assert back.is_directed() == view.directed
        _same_graph(original, back)
        for _, attrs in back.nodes(data=True):
            assert None not in attrs.values()
            assert isinstance(attrs["evidence"], int) and isinstance(attrs["quote"], str)


@pytest.mark.parametrize("kind", list(ViewKind))
def test_views_gexf_reads_back_with_the_same_nodes_and_edges(sample_graph, kind):
    view = project(sample_graph, kind)
    back = nx.read_gexf(io.BytesIO(render(view, Format.GEXF)))
    assert set(back.nodes) == {n.id for n in view.nodes}
    if view.directed:
        assert sorted((u, v) for u, v in back.edges()) == sorted((e.source, e.target) for e in view.edges)
    assert sorted(tuple(sorted((u, v))) for u, v in back.edges()) == sorted(tuple(sorted((e.source, e.target))) for e in view.edges)
    labels = {n: d["label"] for n, d in back.nodes(data=True)}
    assert labels == {n.id: n.label for n in view.nodes}
    for _, d in back.nodes(data=True):
        assert d["iri"] and d["kind"] and isinstance(d["evidence"], int) and d["quote"]
        assert "position" in d["viz"] and "color" in d["viz"]


def test_views_gexf_date_comes_from_the_graph_not_the_clock(sample_graph, terms_graph):
    data = render(project(terms_graph, ViewKind.ENTITIES), Format.GEXF, date=graph_date(terms_graph))
    assert b'lastmodifieddate="2024-03-05"' in data
    assert b"lastmodifieddate" not in render(project(terms_graph, ViewKind.ENTITIES), Format.GEXF)
    assert graph_date(sample_graph) == "2022-09-06"  # published after it was held


@pytest.mark.parametrize("kind", list(ViewKind))
def test_views_node_link_json_reads_back(sample_graph, kind):
    from cyberkg.export.views import to_networkx

    view = project(sample_graph, kind)
    back = nx.node_link_graph(json.loads(render(view, Format.JSON)), edges="edges")
    _same_graph(to_networkx(view), back)


def test_views_cytoscape_json_has_elements_with_positions(terms_graph):
    view = project(terms_graph, ViewKind.ENTITIES)
    data = json.loads(render(view, Format.CYTOSCAPE))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert [n["data"]["id"] for n in nodes] == [n.id for n in view.nodes]
    assert all({"x", "y"} <= set(n["position"]) for n in nodes)
    ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges) == len(view.edges)


@pytest.mark.parametrize("text", ['plain', 'quote " inside', "back\\slash \\N", "line\nbreak"])
def test_views_dot_escapes_labels(text):
    from cyberkg.export.formats import dot_string

    quoted = dot_string(text)
    assert quoted.startswith('"') and quoted.endswith('"')
    inner = quoted[1:-1]
    assert "\n" not in inner and not re.search(r'(?<!\\)"', inner.replace("\\\\", ""))


# ---------------------------------------------------------------- pictures


def _svg_node_texts(svg: bytes) -> list[str]:
    """The text of each node of a Graphviz SVG, its wrapped lines joined by spaces."""
    ns = {"svg": "http://www.w3.org/2000/svg"}
    root = ET.fromstring(svg)
    texts = []
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        if g.get("class") == "node":
            texts.append(" ".join(t.text or "" for t in g.findall("svg:text", ns)))
    return texts


@needs_graphviz
def test_views_orgchart_picture_shows_every_body_of_the_sample(sample_graph):
    svg = render_view(sample_graph, ViewKind.ORGCHART, Format.SVG)
    shown = {" ".join(t.split()) for t in _svg_node_texts(svg)}
    bodies = {
        str(sample_graph.value(b, SKOS.prefLabel))
        for b in sample_graph.subjects(RDF.type, ORG.Organization)
        if (b, RDF.type, CKG.MediaOutlet) not in sample_graph and (b, RDF.type, CKG.Company) not in sample_graph
    }
    assert len(bodies) == 13  # the 12 of the roster and the bureau named in speech
    assert bodies <= shown, bodies - shown


@needs_graphviz
@pytest.mark.parametrize("kind", list(ViewKind))
def test_views_pictures_draw_every_view(sample_graph, kind):
    svg = render_view(sample_graph, kind, Format.SVG)
    assert len(_svg_node_texts(svg)) == len(project(sample_graph, kind).nodes)
    png = render_view(sample_graph, kind, Format.PNG)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000


@needs_graphviz
def test_views_pictures_render_chinese_names(cjk_graph):
    svg = render_view(cjk_graph, ViewKind.ORGCHART, Format.SVG)
    texts = " ".join(_svg_node_texts(svg))
    for name in ("王小明", "李华", "陈静"):
        assert name in texts
    assert b"WenQuanYi Zen Hei" in svg


@needs_graphviz
def test_views_pictures_keep_injected_text_as_text(injection_graph):
    for kind in (ViewKind.ORGCHART, ViewKind.ENTITIES):
        svg = render_view(injection_graph, kind, Format.SVG)
        root = ET.fromstring(svg)  # well-formed XML
        tags = {el.tag.split("}")[-1] for el in root.iter()}
        assert not tags & {"script", "foreignObject", "iframe", "image", "a"}
        assert not any(name.lower().startswith("on") for el in root.iter() for name in el.attrib)
        assert b"<script" not in svg and b"<img" not in svg
    assert any("<script>alert(1)</script>" in t for t in _svg_node_texts(render_view(injection_graph, ViewKind.ORGCHART, Format.SVG)))


def test_views_pictures_without_graphviz_raise_an_install_hint(sample_graph, monkeypatch):
    from cyberkg.errors import MissingToolError

    monkeypatch.setattr(pictures.shutil, "which", lambda name: None)
    with pytest.raises(MissingToolError, match="apt-get install graphviz"):
        render_view(sample_graph, ViewKind.ORGCHART, Format.SVG)
    files = default_views(sample_graph)
    names = [name for name, _ in files.files]
    assert "orgchart.svg" not in names and "explorer.html" in names
    assert len(files.notes) == 1 and "orgchart.svg" in files.notes[0] and "graphviz" in files.notes[0].lower()


def test_views_dot_ranks_the_orgchart_and_seeds_other_layouts(sample_graph):
    assert "rankdir=TB" in dot(project(sample_graph, ViewKind.ORGCHART))
    assert "start=" in dot(project(sample_graph, ViewKind.ENTITIES))


# ---------------------------------------------------------------- the explorer page


class _Attributes(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attrs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _page(graph: Graph) -> str:
    return render_view(graph, ViewKind.ENTITIES, Format.HTML).decode("utf-8")


def test_explorer_has_no_external_url_in_any_src_or_href(sample_graph):
    page = dict(default_views(sample_graph).files)["explorer.html"].decode("utf-8")
    parser = _Attributes()
    parser.feed(page)
    linked = [(tag, k, v) for tag, k, v in parser.attrs if k in ("src", "href", "action", "srcset", "poster", "data")]
    assert linked == []
    assert parser.tags.count("script") == 3 and "link" not in parser.tags and "iframe" not in parser.tags
    assert not re.search(r"url\(|@import", page.split("<script")[0])  # the style fetches nothing
    assert "default-src 'none'" in page and "connect-src 'none'" in page


def test_explorer_content_security_policy_allows_exactly_its_inline_code(sample_graph):
    page = _page(sample_graph)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    parser = _Attributes()
    parser.feed(page)
    library, app = parser.scripts[1], parser.scripts[2]
    assert f"script-src {csp_hash(library)} {csp_hash(app)};" in csp
    style = re.search(r"<style[^>]*>(.*?)</style>", page, flags=re.S).group(1)
    assert f"style-src {csp_hash(style)};" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_explorer_embeds_transcript_text_as_escaped_json(injection_graph):
    page = _page(injection_graph)
    for payload in INJECTIONS:
        assert payload not in page
    assert "<img" not in page and page.count("<script") == 3
    parser = _Attributes()
    parser.feed(page)
    data = json.loads(parser.scripts[0])
    labels = {n["label"] for n in data["views"][0]["nodes"]}
    assert any(INJECTIONS[0] in label for label in labels) and any(INJECTIONS[1] in label for label in labels)


def test_explorer_escapes_line_separators_and_placeholders():
    from cyberkg.export.explorer import embed_json

    text = embed_json({"a": "x\u2028y\u2029z & __APP__ </script>"})
    assert "\u2028" not in text and "\u2029" not in text and "<" not in text and "&" not in text
    assert json.loads(text)["a"] == "x\u2028y\u2029z & __APP__ </script>"


def test_explorer_holds_every_view_of_a_build(sample_graph):
    page = dict(default_views(sample_graph).files)["explorer.html"].decode("utf-8")
    parser = _Attributes()
    parser.feed(page)
    data = json.loads(parser.scripts[0])
    assert [v["kind"] for v in data["views"]] == [k.value for k in ViewKind]
    assert data["sources"] and all(name.endswith(".txt") for name in data["sources"].values())


def test_explorer_ships_the_cytoscape_licence():
    from importlib.resources import files

    licence = (files("cyberkg.export") / "static" / "cytoscape.LICENSE").read_text(encoding="utf-8")
    assert "Cytoscape Consortium" in licence and "Permission is hereby granted" in licence
    with pytest.raises(ValueError):
        explorer_html([])


# ---------------------------------------------------------------- determinism, CLI, build


_DETERMINISM_SCRIPT = """
import sys
from pathlib import Path
from cyberkg.export.bundle import render_view
from cyberkg.export.views import read_graph
graph = read_graph(Path(sys.argv[1]))
out = Path(sys.argv[2])
for kind in ("entities", "orgchart", "comention", "speakers"):
    for fmt in sys.argv[3:]:
        (out / f"{kind}.{fmt}").write_bytes(render_view(graph, kind, fmt))
"""


def test_views_are_byte_identical_across_processes(tmp_path):
    data = VIEW_FIXTURES / "terms.ttl"
    formats = ["graphml", "gexf", "json", "cytoscape", "dot", "html"] + (["svg", "png"] if pictures.graphviz_available() else [])
    runs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", _DETERMINISM_SCRIPT, str(data), str(out), *formats], check=True, env=env)
        runs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert len(runs[0]) == 4 * len(formats)
    assert runs[0] == runs[1]


@pytest.mark.parametrize(("fmt", "check"), [
    ("graphml", lambda b: b.startswith(b"<?xml") and b"graphml" in b[:400]),
    ("gexf", lambda b: b"<gexf" in b[:400]),
    ("json", lambda b: "nodes" in json.loads(b)),
    ("cytoscape", lambda b: "elements" in json.loads(b)),
    ("dot", lambda b: b.startswith(b"digraph")),
    ("html", lambda b: b.startswith(b"<!DOCTYPE html>")),
])
def test_view_command_writes_each_format(tmp_path, capsys, fmt, check):
    graph = tmp_path / "build"
    assert main(["build", "--out", str(graph), "--quiet", "--no-views"]) == 0
    out = tmp_path / f"view.{fmt}"
    code = main(["view", "--kind", "entities", "--format", fmt, "--data", str(graph), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert f"Wrote {out}" in captured.out and check(out.read_bytes())


def test_view_command_default_out_and_rdf_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = main(["view", "--kind", "comention", "--format", "gexf", "--data", str(VIEW_FIXTURES / "terms.ttl")])
    assert code == 0 and (tmp_path / "comention.gexf").is_file()


@pytest.mark.parametrize(("args", "message"), [
    (["view", "--data", "{tmp}/missing"], "no such file"),
    (["view", "--kind", "nope"], "Invalid value for '--kind'"),
    (["view", "--format", "pdf"], "Invalid value for '--format'"),
])
def test_view_command_errors_exit_2(tmp_path, capsys, args, message):
    code = main([a.replace("{tmp}", str(tmp_path)) for a in args])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1


def test_view_command_without_graphviz_exits_2_with_a_hint(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(pictures.shutil, "which", lambda name: None)
    code = main(["view", "--kind", "orgchart", "--format", "svg", "--data", str(VIEW_FIXTURES / "terms.ttl"), "--out", str(tmp_path / "o.svg")])
    err = capsys.readouterr().err
    assert code == 2 and "apt-get install graphviz" in err and not (tmp_path / "o.svg").exists()


def test_build_writes_default_views_and_says_where(tmp_path, capsys):
    out = tmp_path / "o"
    code = main(["build", "--out", str(out)])
    stdout = capsys.readouterr().out
    assert code == 0
    views = out / "views"
    expected = {"entities.graphml", "entities.gexf", "explorer.html"} | ({"orgchart.svg"} if pictures.graphviz_available() else set())
    assert {p.name for p in views.iterdir()} == expected
    assert f"Views in {views}: open explorer.html in a browser" in stdout
    for name in expected:
        assert f"Wrote {views / name}" in stdout
    back = nx.read_graphml(views / "entities.graphml", force_multigraph=True)
    assert back.number_of_nodes() == len(project(Graph().parse(out / "graph.ttl"), ViewKind.ENTITIES).nodes)


def test_build_without_graphviz_still_conforms_and_notes_the_skip(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(pictures.shutil, "which", lambda name: None)
    code = main(["build", "--out", str(tmp_path / "o")])
    stdout = capsys.readouterr().out
    assert code == 0
    assert "Note: skipped orgchart.svg" in stdout and not (tmp_path / "o" / "views" / "orgchart.svg").exists()


def test_build_no_views_writes_only_the_graph(tmp_path):
    assert main(["build", "--out", str(tmp_path / "o"), "--quiet", "--no-views"]) == 0
    assert not (tmp_path / "o" / "views").exists()


def test_readme_documents_every_view_and_format_and_shows_the_explorer():
    readme = (TESTS.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Graph views", 1)[1].split("\n## ", 1)[0]
    for kind in ViewKind:
        assert f"| `{kind.value}` |" in section, kind
    for fmt in Format:
        assert f"`{fmt.value}`" in section, fmt
    assert "](docs/explorer.png)" in section and (TESTS.parent / "docs" / "explorer.png").is_file()
