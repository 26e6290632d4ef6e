"""Views as files: one view in one format, and the default set a build writes.

Pictures need Graphviz, which is optional: when it is missing, or fails on
a picture, the default set skips that picture and says so in a note instead
of failing the build.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from ..errors import CyberkgError
from .explorer import explorer_html
from .formats import SUFFIXES, Format, render
from .viewmodel import ViewKind
from .views import graph_date, index_graph, project, source_names

#: Folder of the default views, next to graph.ttl.
VIEWS_FOLDER = "views"

#: The views a build writes: (view, format). The explorer holds every view.
DEFAULT_VIEWS: tuple[tuple[ViewKind, Format], ...] = (
    (ViewKind.ENTITIES, Format.GRAPHML),
    (ViewKind.ENTITIES, Format.GEXF),
    (ViewKind.ORGCHART, Format.SVG),
)
EXPLORER_FILE = "explorer.html"


@dataclass(frozen=True, slots=True)
class ViewFiles:
    """Files to write (name → bytes, in order) and notes on what was skipped."""

    files: tuple[tuple[str, bytes], ...]
    notes: tuple[str, ...]


def view_file_name(kind: ViewKind | str, fmt: Format | str) -> str:
    """The file name of a view in a format.

    >>> view_file_name("orgchart", "svg")
    'orgchart.svg'
    """
    return f"{ViewKind(kind).value}.{SUFFIXES[Format(fmt)]}"


def render_view(graph: Graph, kind: ViewKind | str, fmt: Format | str) -> bytes:
    """The bytes of one view of ``graph`` in one format.

    Raises:
        MissingToolError: a picture was asked for and Graphviz is not installed.
    """
    ix = index_graph(graph)
    view = project(ix, kind)
    if Format(fmt) is Format.HTML:
        return explorer_html([view], sources=source_names(ix), title=f"cyberkg explorer: {view.kind.value}")
    return render(view, fmt, date=graph_date(graph))


def default_views(graph: Graph) -> ViewFiles:
    """The default views of a build: GraphML and GEXF of the entities, the org chart as SVG, and the explorer."""
    ix = index_graph(graph)
    views = {kind: project(ix, kind) for kind in ViewKind}
    date = graph_date(graph)
    files: list[tuple[str, bytes]] = []
    notes: list[str] = []
    for kind, fmt in DEFAULT_VIEWS:
        try:
            files.append((view_file_name(kind, fmt), render(views[kind], fmt, date=date)))
        except CyberkgError as exc:  # Graphviz missing, failing or too slow: the picture is optional
            notes.append(f"skipped {view_file_name(kind, fmt)}: {exc}")
    files.append((EXPLORER_FILE, explorer_html(list(views.values()), sources=source_names(ix))))
    return ViewFiles(tuple(files), tuple(notes))
