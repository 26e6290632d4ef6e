"""Run SPARQL over a build with pyoxigraph: bundled queries, files or text.

SELECT, ASK, CONSTRUCT and DESCRIBE are all run. Data in TriG or N-Quads is
queried as the union of its graphs. Common prefixes are declared unless the
query declares them itself. Parameters are bound by pyoxigraph (SEP-0007
substitution), never pasted into the query text. Federation is off: a query
with a ``SERVICE`` clause is refused unless it is explicitly allowed, so a
shared ``.rq`` file cannot reach a host.

Every query cyberkg runs goes through this module; :mod:`cyberkg.store` loads
and serves stores.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from .errors import QueryError, QueryRefusedError, UsageError
from .resources import bundled_query, bundled_query_names
from .vocab import DCAT, PREFIXES, SDMX_MEASURE, VOID

#: RDF syntaxes read by suffix.
SYNTAX_BY_SUFFIX = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
}

#: Files of a build folder that ``--data`` reads, first found first.
BUILD_GRAPH_FILES = ("graph.ttl", "graph.nq", "graph.trig", "graph.nt", "graph.jsonld")

#: Prefixes every query may use without declaring them. A query's own PREFIX wins.
COMMON_PREFIXES: dict[str, str] = {
    **{prefix: str(ns) for prefix, ns in PREFIXES},
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "sdmx-measure": str(SDMX_MEASURE),
    "void": str(VOID),
    "dcat": str(DCAT),
    "time": "http://www.w3.org/2006/time#",
    "qudt": "http://qudt.org/schema/qudt/",
    "foaf": "http://xmlns.com/foaf/0.1/",
}

_XSD = "http://www.w3.org/2001/XMLSchema#"


class ResultKind(StrEnum):
    SELECT = "select"
    ASK = "ask"
    GRAPH = "graph"  # CONSTRUCT and DESCRIBE


#: Output formats, by kind of result. ``table`` is the aligned table for people.
RESULT_FORMATS = {
    ResultKind.SELECT: ("table", "json", "xml", "csv", "tsv"),
    ResultKind.ASK: ("table", "json", "xml", "csv", "tsv"),
    ResultKind.GRAPH: ("table", "turtle", "nt", "json-ld"),
}
ALL_FORMATS = ("table", "json", "xml", "csv", "tsv", "turtle", "nt", "json-ld")


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer to a query: rows of a SELECT, the truth of an ASK, or the triples of a CONSTRUCT or DESCRIBE."""

    kind: ResultKind
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = field(default=())

    def texts(self) -> tuple[tuple[str, ...], ...]:
        """The rows as plain strings: an IRI or a literal's lexical form, "" when unbound."""
        return tuple(tuple(_text(term) for term in row) for row in self.rows)


def query_text(query: str) -> str:
    """The SPARQL text of ``query``: a bundled query's name, a ``.rq`` file, or SPARQL itself.

    The rule is explicit, never guessed from the file system: a value ending
    in ``.rq`` is a file; a value that is a bundled name is that query;
    anything else is taken as SPARQL text.

    Raises:
        QueryError: the file is missing or not UTF-8, or the value is none of the three.
    """
    if query.endswith(".rq"):
        path = Path(query)
        if not path.is_file():
            raise QueryError(f"{query}: no such query file")
        data = path.read_bytes()
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise QueryError(f"{query}: not UTF-8 text (byte {exc.start} cannot be decoded)") from None
    if query in bundled_query_names():
        return bundled_query(query).read_text(encoding="utf-8")
    if not any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        names = ", ".join(bundled_query_names())
        raise QueryError(f"{query!r} is neither a bundled query ({names}), a .rq file, nor SPARQL")
    return query


def data_file(data: Path) -> Path:
    """The RDF file to query: ``data`` itself, or the graph file of a build folder."""
    if data.is_dir():
        found = next((data / name for name in BUILD_GRAPH_FILES if (data / name).is_file()), None)
        if found is None:
            raise QueryError(f"{data}: no graph file in this folder ({', '.join(BUILD_GRAPH_FILES)})")
        data = found
    if not data.is_file():
        raise QueryError(f"{data}: no such file (give a build folder or an RDF file)")
    return data


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF syntax of ``path``, by its suffix."""
    syntax = SYNTAX_BY_SUFFIX.get(path.suffix.lower())
    if syntax is None:
        raise QueryError(f"{path}: unknown RDF syntax (use one of {', '.join(sorted(SYNTAX_BY_SUFFIX))})")
    return syntax


def load_data(paths: Iterable[Path]) -> ox.Store:
    """An in-memory store holding the RDF at ``paths`` (build folders or RDF files), graphs kept apart."""
    store = ox.Store()
    for data in paths:
        path = data_file(data)
        try:
            store.bulk_load(path=str(path), format=rdf_format(path))
        except (SyntaxError, ValueError, OSError) as exc:
            raise QueryError(f"{path}: cannot be read as RDF ({_one_line(exc)})") from None
    return store


def run_query(
    query: str,
    *,
    data: Path | Sequence[Path],
    params: Mapping[str, str] | None = None,
    allow_service: bool = False,
) -> QueryResult:
    """Run ``query`` (see :func:`query_text`) over the RDF at ``data``.

    ``params`` maps variable names to values written as :func:`parse_param`
    reads them; each is bound by pyoxigraph, and the variable must be named
    in the SELECT clause. The default graph is the union of every graph in
    the data.

    Raises:
        QueryError: the query or the data cannot be read or run.
        QueryRefusedError: the query calls a remote service and ``allow_service`` is false.
        UsageError: a parameter is malformed.
    """
    sparql = query_text(query)
    paths = [data] if isinstance(data, Path) else list(data)
    store = load_data(paths)
    return execute(store, sparql, params=params, allow_service=allow_service)


def execute(
    store: ox.Store,
    sparql: str,
    *,
    params: Mapping[str, str] | None = None,
    allow_service: bool = False,
) -> QueryResult:
    """Run SPARQL text over ``store``; see :func:`run_query`."""
    if not allow_service and calls_service(sparql):
        raise QueryRefusedError("the query calls a remote SERVICE; federation is off (pass --allow-service to allow it)")
    terms = {name: parse_param(name, value) for name, value in (params or {}).items()}  # checks each name first
    substitutions = {ox.Variable(name): term for name, term in terms.items()}
    try:
        answer = store.query(
            sparql,
            prefixes=COMMON_PREFIXES,
            use_default_graph_as_union=True,
            substitutions=substitutions or None,
        )
    except SyntaxError as exc:
        raise QueryError(f"query does not parse: {_syntax_message(exc)}") from None
    except RuntimeError as exc:
        if "projection" in str(exc):
            names = ", ".join(f"?{n}" for n in sorted(params or {}))
            raise QueryError(f"a parameter ({names}) must be named in the query's SELECT clause (SELECT * may not)") from None
        raise QueryError(f"query failed: {_one_line(exc)}") from None
    except OSError as exc:
        raise QueryError(f"query failed: {_one_line(exc)}") from None
    try:
        if isinstance(answer, ox.QuerySolutions):
            columns = tuple(v.value for v in answer.variables)
            rows = tuple(tuple(solution[c] for c in columns) for solution in answer)
            return QueryResult(ResultKind.SELECT, columns=columns, rows=rows)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult(ResultKind.ASK, boolean=bool(answer))
        return QueryResult(ResultKind.GRAPH, triples=tuple(answer))
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"query failed: {_one_line(exc)}") from None


# ---------------------------------------------------------------- federation

# What a SPARQL query holds besides keywords: strings (long ones first), IRIs,
# comments, variables and prefixed names. They are blanked out before looking
# for the SERVICE keyword, so that "SERVICE" inside a string, an IRI or a
# comment, or as part of a name (?service, ex:SERVICE, service:x), does not
# count, while the keyword counts wherever it stands ("}SERVICE", ".SERVICE").
_NOT_KEYWORDS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n]*"
    r"|[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+"
    r"|(?:[A-Za-z\u00c0-\uffff][\w\-.\u00b7]*)?:(?:[\w\-:%\u00b7]|\\.|\.(?=[\w\-:%]))*",
    re.S,
)
_SERVICE = re.compile(r"(?<![\w])SERVICE(?![\w])", re.I)


def calls_service(sparql: str) -> bool:
    """Whether ``sparql`` holds a ``SERVICE`` clause (federated query).

    >>> calls_service("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
    True
    >>> calls_service('SELECT ?service WHERE { ?s <http://x/SERVICE> "SERVICE" } # SERVICE')
    False
    """
    return bool(_SERVICE.search(_NOT_KEYWORDS.sub(" ", sparql)))


# ---------------------------------------------------------------- parameters

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CHECKS = {
    "integer": re.compile(r"[+-]?\d+"),
    "decimal": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    "double": re.compile(r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|NaN)"),
    "boolean": re.compile(r"true|false|1|0"),
    "date": re.compile(r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d{2}:\d{2})?"),
    "gYear": re.compile(r"-?\d{4,}(Z|[+-]\d{2}:\d{2})?"),
}


def parse_param(name: str, value: str) -> ox.NamedNode | ox.Literal:
    """The RDF term a ``--param name=value`` stands for.

    The value is typed as written, or else by its form:

    * ``<https://…>`` or ``prefix:local`` (a common prefix) is an IRI;
    * ``"text"`` or ``"text"@en`` is a string;
    * ``lexical^^xsd:type`` or ``lexical^^<datatype IRI>`` has that datatype,
      checked for the XSD numbers, booleans and dates;
    * otherwise ``2021`` is an xsd:integer, ``1.5`` an xsd:decimal, ``true`` an
      xsd:boolean, ``2022-08-19`` an xsd:date, and anything else an xsd:string.

    >>> parse_param("year", "2021").datatype.value
    'http://www.w3.org/2001/XMLSchema#integer'
    >>> parse_param("year", '"2021"').datatype.value
    'http://www.w3.org/2001/XMLSchema#string'
    >>> parse_param("who", 'a "quoted" } name').value
    'a "quoted" } name'
    >>> parse_param("year", "20x1^^xsd:integer")
    Traceback (most recent call last):
    ...
    cyberkg.errors.UsageError: --param year: '20x1' is not a valid xsd:integer
    """
    if not _NAME.fullmatch(name):
        raise UsageError(f"--param {name!r}: a parameter is named like a SPARQL variable (letters, digits, _)")
    try:
        if value.startswith("<") and value.endswith(">"):
            return ox.NamedNode(value[1:-1])
        quoted = re.fullmatch(r'"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?', value, re.S)
        if quoted:
            return ox.Literal(quoted.group(1), language=quoted.group(2)) if quoted.group(2) else ox.Literal(quoted.group(1))
        if "^^" in value:
            lexical, datatype = value.rsplit("^^", 1)
            iri = _expand(datatype, name) if not datatype.startswith("<") else datatype[1:-1]
            local = iri[len(_XSD) :] if iri.startswith(_XSD) else None
            if local in _CHECKS and not _CHECKS[local].fullmatch(lexical):
                raise UsageError(f"--param {name}: {lexical!r} is not a valid xsd:{local}")
            return ox.Literal(lexical, datatype=ox.NamedNode(iri))
        prefixed = re.fullmatch(r"([A-Za-z][\w\-.]*):(\S*)", value)
        if prefixed and prefixed.group(1) in COMMON_PREFIXES:
            return ox.NamedNode(_expand(value, name))
    except ValueError as exc:
        raise UsageError(f"--param {name}: {value!r} is not a valid RDF term ({_one_line(exc)})") from None
    for local in ("integer", "decimal", "boolean", "date"):
        if _CHECKS[local].fullmatch(value) and not (local == "boolean" and value in ("0", "1")):
            return ox.Literal(value, datatype=ox.NamedNode(_XSD + local))
    return ox.Literal(value)


def _expand(curie: str, name: str) -> str:
    prefix, _, local = curie.partition(":")
    if prefix not in COMMON_PREFIXES:
        raise UsageError(f"--param {name}: unknown prefix {prefix!r} in {curie!r} (write the IRI in <>)")
    return COMMON_PREFIXES[prefix] + local


def parse_params(items: Iterable[str]) -> dict[str, str]:
    """``name=value`` strings, as given on the command line, into a mapping.

    >>> parse_params(["year=2021", "who=a=b"])
    {'year': '2021', 'who': 'a=b'}
    """
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep:
            raise UsageError(f"--param {item!r}: write it as name=value")
        if name in out:
            raise UsageError(f"--param {name}: given twice")
        out[name] = value
    return out


# ---------------------------------------------------------------- output


def format_result(result: QueryResult, fmt: str, *, width: int | None = None) -> bytes:
    """Render a result in ``fmt``, one of :data:`RESULT_FORMATS` for its kind.

    SELECT and ASK results: the W3C SPARQL 1.1 results formats (``json``,
    ``xml``, ``csv``, ``tsv``) or an aligned ``table``. CONSTRUCT and DESCRIBE
    results: ``turtle`` (also for ``table``), ``nt`` or ``json-ld``. In a
    table, cells are cut to ``width`` characters only when ``width`` is given
    (the CLI gives it when printing to a terminal).

    pyoxigraph serializes results only straight from a query; cyberkg keeps
    the rows (for the table and for library callers) and writes the four
    small W3C formats from them.
    """
    if fmt not in RESULT_FORMATS[result.kind]:
        kinds = {ResultKind.SELECT: "SELECT", ResultKind.ASK: "ASK", ResultKind.GRAPH: "CONSTRUCT and DESCRIBE"}
        raise UsageError(f"--format {fmt} does not fit a {kinds[result.kind]} query (use {', '.join(RESULT_FORMATS[result.kind])})")
    if result.kind is ResultKind.GRAPH:
        return _graph(result.triples, "turtle" if fmt == "table" else fmt)
    if result.kind is ResultKind.ASK:
        return _boolean(bool(result.boolean), fmt)
    if fmt == "json":
        return _json(result)
    if fmt == "xml":
        return _xml(result)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(result.columns)
        writer.writerows(result.texts())
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{c}" for c in result.columns)]
        lines += ["\t".join("" if term is None else str(term) for term in row) for row in result.rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    return _table(result.columns, result.texts(), width)


def _table(columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...], width: int | None) -> bytes:
    def cell(text: str) -> str:
        text = " ".join(text.split())
        return text if width is None or len(text) <= width else text[: width - 1] + "…"

    cells = [tuple(cell(c) for c in row) for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in cells)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return ("\n".join(out) + "\n").encode("utf-8")


def _boolean(value: bool, fmt: str) -> bytes:
    text = "true" if value else "false"
    if fmt == "json":
        return (json.dumps({"head": {}, "boolean": value}) + "\n").encode("utf-8")
    if fmt == "xml":
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head></head><boolean>{text}</boolean></sparql>\n"
        ).encode()
    return (text + "\n").encode("utf-8")


def _json_term(term: object) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _json(result: QueryResult) -> bytes:
    bindings = [{c: _json_term(t) for c, t in zip(result.columns, row) if t is not None} for row in result.rows]
    document = {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _xml_term(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(_xml_text(term.value))}</literal>"
        if term.datatype.value != _XSD + "string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(_xml_text(term.value))}</literal>"
        return f"<literal>{escape(_xml_text(term.value))}</literal>"
    return f"<literal>{escape(_xml_text(str(term)))}</literal>"


def _xml_text(text: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped: write them as U+FFFD."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", text)


def _xml(result: QueryResult) -> bytes:
    head = "".join(f"<variable name={quoteattr(c)}/>" for c in result.columns)
    rows = []
    for row in result.rows:
        bindings = "".join(f"<binding name={quoteattr(c)}>{_xml_term(t)}</binding>" for c, t in zip(result.columns, row) if t is not None)
        rows.append(f"<result>{bindings}</result>")
    body = "\n".join(rows)
    return (
        '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
        f"<head>{head}</head>\n<results>\n{body}\n</results>\n</sparql>\n"
    ).encode()


def _graph(triples: Sequence[ox.Triple], fmt: str) -> bytes:
    from rdflib import Graph

    from .export.rdf import serialize
    from .rdf import new_graph

    nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    graph: Graph = new_graph()
    graph.parse(data=nt, format="nt")
    try:
        return serialize(graph, fmt)
    except ValueError:
        # A DESCRIBE or CONSTRUCT may give blank nodes, which cyberkg's writers refuse.
        return sorted_ntriples(nt) if fmt == "nt" else graph.serialize(format=fmt, encoding="utf-8")


def sorted_ntriples(nt: str) -> bytes:
    lines = sorted(line for line in nt.splitlines() if line)
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _text(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _syntax_message(exc: SyntaxError) -> str:
    """pyoxigraph's parse error cut to where it is: "error at 3:17", and what was expected when short.

    >>> _syntax_message(SyntaxError("error at 1:26: expected one of LATERAL, SERVICE, [_]"))
    'error at line 1, column 26: expected one of LATERAL, SERVICE, [_]'
    >>> _syntax_message(SyntaxError("error at 2:5: expected one of " + "x, " * 100))
    'error at line 2, column 5'
    """
    text = _one_line(exc)
    match = re.match(r"error at (\d+):(\d+)(?::\s*(.*))?", text)
    if not match:
        return text[:200]
    where = f"error at line {match.group(1)}, column {match.group(2)}"
    detail = match.group(3) or ""
    return f"{where}: {detail}" if detail and len(detail) <= 80 else where
