"""The interactive explorer: one self-contained HTML page that draws views in a browser.

The page inlines everything it needs: the template, its style, the app
(``static/explorer.js``) and Cytoscape.js (``static/cytoscape.min.js``,
MIT licence in ``static/cytoscape.LICENSE``). It fetches nothing, and its
Content Security Policy forbids fetching: scripts and styles run only if
their SHA-256 hash is listed, so nothing injected could run either.

Text from transcripts is data, never markup: the views travel as JSON in a
``<script type="application/json">`` element with ``<``, ``>``, ``&`` and
U+2028/U+2029 escaped, and the app shows them with ``textContent`` only.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

from .viewmodel import EDGE_STYLES, NODE_STYLES, Quote, View

#: Quotes embedded per node or edge; the count of all of them is shown too.
MAX_QUOTES = 12
#: IRIs of the nodes an edge was read through, embedded per edge.
MAX_THROUGH = 30

_PLACEHOLDER_RE = re.compile(r"__(CSP|TITLE|STYLE|DATA|LIBRARY|APP)__")
_UNSAFE_IN_SCRIPT_RE = re.compile(r"</script|<!--|<script", re.IGNORECASE)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def embed_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&``, no JS line breaks.

    >>> embed_json({"name": "</script><img src=x>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def csp_hash(text: str) -> str:
    """The CSP source expression that allows an inline element with this exact content.

    >>> csp_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@cache
def _static(name: str) -> str:
    text = (files("cyberkg.export") / "static" / name).read_text(encoding="utf-8")
    if name.endswith(".js") and _UNSAFE_IN_SCRIPT_RE.search(text):
        raise ValueError(f"static/{name} cannot be inlined: it holds '</script', '<script' or '<!--'")
    return text


def explorer_data(views: Sequence[View], sources: dict[str, str] | None = None) -> dict[str, object]:
    """What the page embeds: the views, how to draw each kind, and names of the sources."""

    def quotes(items: tuple[Quote, ...]) -> list[dict[str, object]]:
        return [{"s": q.source, "a": q.start, "b": q.end, "t": q.text} for q in items[:MAX_QUOTES]]

    return {
        "views": [
            {
                "kind": view.kind.value,
                "title": view.title,
                "directed": view.directed,
                "nodes": [
                    {
                        "id": n.id,
                        "iri": n.iri,
                        "kind": n.kind.value,
                        "cls": n.cls,
                        "label": n.label,
                        "side": n.side,
                        "x": n.x,
                        "y": n.y,
                        "evidence": n.evidence_count,
                        "quotes": quotes(n.quotes),
                        "props": [list(p) for p in n.properties],
                    }
                    for n in view.nodes
                ],
                "edges": [
                    {
                        "id": f"e{i}",
                        "source": e.source,
                        "target": e.target,
                        "kind": e.kind.value,
                        "iri": e.iri,
                        "weight": e.weight,
                        "detail": e.detail,
                        "evidence": e.evidence_count,
                        "quotes": quotes(e.quotes),
                        "through": list(e.through[:MAX_THROUGH]),
                    }
                    for i, e in enumerate(view.edges)
                ],
            }
            for view in views
        ],
        "nodeKinds": {k.value: {"legend": s.legend, "colour": s.colour, "shape": s.shape} for k, s in NODE_STYLES.items()},
        "edgeKinds": {k.value: {"colour": c, "line": line} for k, (c, line) in EDGE_STYLES.items()},
        "sources": dict(sorted((sources or {}).items())),
    }


def explorer_html(views: Sequence[View], *, sources: dict[str, str] | None = None, title: str = "cyberkg explorer") -> bytes:
    """One HTML page that draws ``views`` (a menu switches between them), with no external resource.

    ``sources`` maps transcript IRIs to the names shown beside quotes.
    """
    if not views:
        raise ValueError("the explorer needs at least one view")
    style, library, app = _static("explorer.css"), _static("cytoscape.min.js"), _static("explorer.js")
    csp = "; ".join(
        (
            "default-src 'none'",
            f"script-src {csp_hash(library)} {csp_hash(app)}",
            f"style-src {csp_hash(style)}",
            "img-src data:",
            "font-src 'none'",
            "connect-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    values = {
        "CSP": csp,
        "TITLE": html.escape(title),
        "STYLE": style,
        "DATA": embed_json(explorer_data(views, sources)),
        "LIBRARY": library,
        "APP": app,
    }
    # One pass, so nothing inserted (such as a name that reads "__APP__") is replaced again.
    page = _PLACEHOLDER_RE.sub(lambda m: values[m.group(1)], _static("explorer.html"))
    return page.encode("utf-8")
