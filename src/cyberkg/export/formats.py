"""Write a view in the format a tool opens: GraphML, GEXF, JSON, Cytoscape.js, DOT, SVG, PNG or HTML.

GraphML, GEXF and node-link JSON come from networkx (:mod:`.views`);
Cytoscape.js JSON and DOT are written here; SVG and PNG are DOT drawn by
Graphviz (:mod:`.pictures`); HTML is the explorer (:mod:`.explorer`).
Every format is the same bytes for the same graph.
"""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap
from enum import StrEnum

from .viewmodel import EDGE_STYLES, LAYOUT_SEED, NODE_STYLES, NodeKind, View, ViewKind


class Format(StrEnum):
    """Output formats of ``cyberkg view --format``."""

    GRAPHML = "graphml"
    GEXF = "gexf"
    JSON = "json"
    CYTOSCAPE = "cytoscape"
    DOT = "dot"
    SVG = "svg"
    PNG = "png"
    HTML = "html"


#: File suffix of each format.
SUFFIXES: dict[Format, str] = {
    Format.GRAPHML: "graphml",
    Format.GEXF: "gexf",
    Format.JSON: "json",
    Format.CYTOSCAPE: "cyjs",
    Format.DOT: "dot",
    Format.SVG: "svg",
    Format.PNG: "png",
    Format.HTML: "html",
}

#: Font families for pictures: a CJK font first, so Chinese names render.
PICTURE_FONT = "WenQuanYi Zen Hei,Noto Sans CJK SC,DejaVu Sans,sans-serif"

# Graph attributes of pictures: the org chart ranked top-down; other views laid
# out by neato from a fixed seed, with overlaps removed so labels stay legible.
_TREE_GRAPH = ", rankdir=TB, nodesep=0.25, ranksep=0.6, newrank=true"
_FORCE_GRAPH = f", start={LAYOUT_SEED}, overlap=prism, overlap_scaling=-4, sep=\"+6\", splines=true, outputorder=edgesfirst"
# Bigger views keep the seeded positions of the view, with straight edges:
# removing overlaps and routing splines takes Graphviz minutes from a few hundred nodes.
_PINNED_GRAPH = ", splines=false, outputorder=edgesfirst"
PICTURE_LAYOUT_MAX = 150
# Points per layout pixel when positions are kept.
_PINNED_SCALE = 1.5


def _pinned(view: View) -> bool:
    return view.kind is not ViewKind.ORGCHART and len(view.nodes) > PICTURE_LAYOUT_MAX


#: Formats written as XML 1.0, whose text cannot hold most control characters.
XML_FORMATS = frozenset({Format.GRAPHML, Format.GEXF, Format.SVG})

# Characters XML 1.0 forbids: C0 controls but tab, newline and return; lone
# surrogates; U+FFFE and U+FFFF. A form feed (pdftotext's page break) or a
# vertical tab reads as a space; the others are dropped.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_SPACES = {"\x0b": " ", "\x0c": " "}


def xml_text(text: str) -> str:
    r"""``text`` with every character XML 1.0 forbids replaced: a form feed or vertical tab by a space, others dropped.

    >>> xml_text("Office\x0cof the\x0bPress\x00 Secretary")
    'Office of the Press Secretary'
    """
    return _XML_FORBIDDEN.sub(lambda m: _XML_SPACES.get(m.group(), ""), text)


def xml_safe(view: View) -> View:
    """``view`` with :func:`xml_text` applied to every string in it (labels, quotes, properties, title)."""
    return _clean(view)


def _clean(value):
    if isinstance(value, str) and not isinstance(value, StrEnum):
        return xml_text(value)
    if isinstance(value, tuple):
        return tuple(_clean(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _clean(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init})
    return value


def render(view: View, fmt: Format | str, *, date: str | None = None) -> bytes:
    """The bytes of ``view`` in ``fmt``; ``date`` stamps the GEXF header.

    XML formats (GraphML, GEXF, SVG) get :func:`xml_safe` text, so they are
    well-formed whatever characters the transcript's names hold.

    Raises:
        MissingToolError: SVG or PNG was asked for and Graphviz is not installed.
    """
    fmt = Format(fmt)
    if fmt in XML_FORMATS:
        view = xml_safe(view)
    if fmt in (Format.GRAPHML, Format.GEXF, Format.JSON):
        from . import views

        if fmt is Format.GRAPHML:
            return views.graphml(view)
        if fmt is Format.GEXF:
            return views.gexf(view, date=date)
        return views.node_link(view)
    if fmt is Format.CYTOSCAPE:
        return (json.dumps(cytoscape_elements(view), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    if fmt is Format.DOT:
        return dot(view).encode("utf-8")
    if fmt in (Format.SVG, Format.PNG):
        from .pictures import draw

        engine = "dot" if view.kind is ViewKind.ORGCHART else "neato"
        return draw(dot(view), fmt.value, engine=engine, pinned=_pinned(view))
    from .explorer import explorer_html

    return explorer_html([view])


def cytoscape_elements(view: View) -> dict[str, object]:
    """The view as Cytoscape.js JSON (``cy.json()`` shape; Cytoscape desktop imports it too)."""
    from .views import edge_attributes, node_attributes

    nodes = []
    for n in view.nodes:
        data = {"id": n.id, **node_attributes(n)}
        data.pop("x"), data.pop("y")
        nodes.append({"data": data, "position": {"x": n.x, "y": n.y}})
    edges = [
        {"data": {"id": f"e{i}", "source": e.source, "target": e.target, **edge_attributes(e)}}
        for i, e in enumerate(view.edges)
    ]
    return {
        "format_version": "1.0",
        "generated_by": "cyberkg",
        "target_cytoscapejs_version": "~3",
        "data": {"name": view.title, "view": view.kind.value, "directed": view.directed},
        "elements": {"nodes": nodes, "edges": edges},
    }


def dot_string(text: str) -> str:
    r"""Quote ``text`` as a DOT string whose escapes Graphviz shows literally.

    >>> dot_string('say "hi" \\N')
    '"say \\"hi\\" \\\\N"'
    """
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", " ").replace("\n", "\\n") + '"'


def _wrapped(label: str, width: int) -> str:
    """``label`` broken into centred lines of about ``width`` characters."""
    lines = textwrap.wrap(" ".join(label.split()), width=width, break_long_words=True, break_on_hyphens=False) or [""]
    return dot_string("\n".join(lines))


def dot(view: View) -> str:
    """The view in Graphviz DOT: the org chart ranked top-down; small views laid out by neato
    from a fixed seed, bigger ones at the seeded positions of the view."""
    tree = view.kind is ViewKind.ORGCHART
    pinned = _pinned(view)
    arrow = "->" if view.directed else "--"
    out = [
        f"{'digraph' if view.directed else 'graph'} {dot_string('cyberkg ' + view.kind.value)} {{",
        f"  graph [charset=\"UTF-8\", fontname={dot_string(PICTURE_FONT)}, fontsize=14, label={dot_string(view.title)},"
        f" labelloc=t, bgcolor=\"white\", pad=0.3{_TREE_GRAPH if tree else _PINNED_GRAPH if pinned else _FORCE_GRAPH}];",
        f"  node [fontname={dot_string(PICTURE_FONT)}, fontsize=10, style=filled, penwidth=1.2, margin=\"0.08,0.04\"];",
        f"  edge [fontname={dot_string(PICTURE_FONT)}, fontsize=8, arrowsize=0.6, penwidth=0.8];",
    ]
    for n in view.nodes:
        style = NODE_STYLES[n.kind]
        attrs = {
            "label": _wrapped(n.label, 28) if n.kind is not NodeKind.POST else dot_string(n.label.replace(" — ", "\n")),
            "shape": style.dot_shape,
            "color": dot_string(style.colour),
            "fillcolor": dot_string(style.colour + "40"),
        }
        if style.dot_shape == "box":
            attrs["style"] = '"filled,rounded"'
        if n.kind is NodeKind.POST:
            attrs["fontsize"] = "9"
        if pinned:
            attrs["pos"] = dot_string(f"{n.x * _PINNED_SCALE:.1f},{-n.y * _PINNED_SCALE:.1f}!")
        out.append(f"  {dot_string(n.id)} [{', '.join(f'{k}={v}' for k, v in attrs.items())}];")
    for e in view.edges:
        colour, line = EDGE_STYLES[e.kind]
        attrs = {"color": dot_string(colour), "style": line}
        if not tree:
            attrs["label"] = dot_string(e.label if e.weight <= 1 else f"{e.label} ×{e.weight}")
            attrs["fontcolor"] = dot_string(colour)
        if not view.directed and e.weight > 1:
            attrs["penwidth"] = f"{min(0.8 + 0.6 * e.weight, 5):.1f}"
        out.append(f"  {dot_string(e.source)} {arrow} {dot_string(e.target)} [{', '.join(f'{k}={v}' for k, v in attrs.items())}];")
    out.append("}")
    return "\n".join(out) + "\n"
