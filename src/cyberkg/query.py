"""Run SPARQL over a build with pyoxigraph: bundled queries, files or text.

This is the only module that imports pyoxigraph.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from .errors import QueryError
from .resources import bundled_query, bundled_query_names

#: RDF syntaxes read by suffix.
_SYNTAX_BY_SUFFIX = {
    ".ttl": "TURTLE",
    ".nt": "N_TRIPLES",
    ".rdf": "RDF_XML",
    ".xml": "RDF_XML",
    ".trig": "TRIG",
    ".nq": "N_QUADS",
    ".jsonld": "JSON_LD",
}


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Rows of a SELECT query, with its column names in order."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def query_text(query: str) -> str:
    """The SPARQL text of ``query``: a bundled query's name, a ``.rq`` file, or SPARQL itself.

    The rule is explicit, never guessed from the file system: a value ending
    in ``.rq`` is a file; a value that is a bundled name is that query;
    anything else is taken as SPARQL text.
    """
    if query.endswith(".rq"):
        path = Path(query)
        if not path.is_file():
            raise QueryError(f"{query}: no such query file")
        return path.read_text(encoding="utf-8")
    if query in bundled_query_names():
        return bundled_query(query).read_text(encoding="utf-8")
    if not any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        names = ", ".join(bundled_query_names())
        raise QueryError(f"{query!r} is neither a bundled query ({names}), a .rq file, nor SPARQL")
    return query


def data_file(data: Path) -> Path:
    """The RDF file to query: ``data`` itself, or ``graph.ttl`` in a build folder."""
    if data.is_dir():
        data = data / "graph.ttl"
    if not data.is_file():
        raise QueryError(f"{data}: no such file (give a build folder or an RDF file)")
    return data


def run_query(query: str, *, data: Path) -> QueryResult:
    """Run ``query`` (see :func:`query_text`) over the RDF at ``data``."""
    import pyoxigraph as ox

    sparql = query_text(query)
    path = data_file(data)
    syntax = _SYNTAX_BY_SUFFIX.get(path.suffix.lower())
    if syntax is None:
        raise QueryError(f"{path}: unknown RDF syntax (use one of {', '.join(sorted(_SYNTAX_BY_SUFFIX))})")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, syntax))
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{path}: cannot be read as RDF ({_one_line(exc)})") from None
    try:
        solutions = store.query(sparql)
    except SyntaxError as exc:
        raise QueryError(f"query does not parse: {_one_line(exc)}") from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("only SELECT queries can be printed as rows")
    columns = tuple(v.value for v in solutions.variables)
    rows = tuple(tuple(_text(solution[c]) for c in columns) for solution in solutions)
    return QueryResult(columns, rows)


def _text(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def format_result(result: QueryResult, fmt: str) -> str:
    """Render rows as ``table``, ``csv`` or ``json``."""
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
        return buf.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, row)) for row in result.rows], ensure_ascii=False, indent=2) + "\n"
    widths = [max([len(c), *(len(r[i]) for r in result.rows)]) for i, c in enumerate(result.columns)]
    widths = [min(w, 60) for w in widths]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(_cut(cell, w).ljust(w) for cell, w in zip(cells, widths)).rstrip()

    out = [line(result.columns), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in result.rows)
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
