"""cyberkg query: every query form, the W3C results formats, parameters, union of graphs, federation off."""

from __future__ import annotations

import csv
import io
import socket
import threading

import pyoxigraph as ox
import pytest

from cyberkg.cli import main
from cyberkg.export.rdf import serialize, serialize_dataset
from cyberkg.parse import read_transcript
from cyberkg.pipeline import build_graph
from cyberkg.query import ResultKind, calls_service, format_result, parse_param, run_query
from cyberkg.rdf import conference_graphs
from cyberkg.vocab import DEFAULT_BASE

from .conftest import ENTITY_FIXTURES


def run(args, capsys):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def data(tmp_path_factory, sample_transcript):
    """The sample and a Foreign Ministry fixture as Turtle, N-Quads and TriG."""
    fm = read_transcript(ENTITY_FIXTURES / "fm-regular" / "input.txt")
    conferences, graph = build_graph([sample_transcript, fm])
    folder = tmp_path_factory.mktemp("data")
    parts = conference_graphs(conferences, base=DEFAULT_BASE)
    (folder / "graph.ttl").write_bytes(serialize(graph))
    (folder / "graph.nq").write_bytes(serialize_dataset(parts, "nquads"))
    (folder / "graph.trig").write_bytes(serialize_dataset(parts, "trig"))
    return folder


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


@pytest.mark.parametrize("name", ["graph.nq", "graph.trig"])
def test_quad_data_is_queried_as_the_union_of_its_graphs(data, name):
    turtle = run_query(COUNT, data=data / "graph.ttl").texts()
    assert int(turtle[0][0]) > 4000
    assert run_query(COUNT, data=data / name).texts() == turtle
    people = "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n"
    assert run_query(people, data=data / name).texts() == run_query(people, data=data / "graph.ttl").texts()


def test_every_query_form(data):
    path = data / "graph.ttl"
    assert run_query("ASK { ?p a schema:Person }", data=path).boolean is True
    assert run_query("ASK { ?p a ckg:NoSuchClass }", data=path).boolean is False
    construct = run_query("CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a schema:Person ; schema:name ?n }", data=path)
    assert construct.kind is ResultKind.GRAPH and len(construct.triples) > 8
    describe = run_query("DESCRIBE ?p WHERE { ?p schema:name 'Niu Yibing' }", data=path)
    assert describe.kind is ResultKind.GRAPH and any(t.predicate.value.endswith("#holds") for t in describe.triples)
    for fmt in ("turtle", "nt", "json-ld", "table"):
        assert format_result(describe, fmt)


def test_common_prefixes_are_declared_unless_the_query_declares_them(data):
    path = data / "graph.ttl"
    assert run_query("SELECT ?t WHERE { ?t a ckg:Turn }", data=path).rows
    own = run_query("PREFIX ckg: <urn:other#> SELECT ?t WHERE { ?t a ckg:Turn }", data=path)
    assert own.rows == ()


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_w3c_results_formats_parse_back_to_the_same_rows(data, fmt):
    result = run_query("people", data=data / "graph.ttl")
    payload = format_result(result, fmt)
    parsed = ox.parse_query_results(payload, format=getattr(ox.QueryResultsFormat, fmt.upper()))
    rows = [tuple(solution[c] for c in result.columns) for solution in parsed]
    assert [v.value for v in parsed.variables] == list(result.columns)
    assert rows == [tuple(r) for r in result.rows]


def test_csv_is_the_w3c_csv(data):
    result = run_query("figures", data=data / "graph.ttl")
    payload = format_result(result, "csv").decode("utf-8")
    assert "\r\n" in payload
    assert list(csv.reader(io.StringIO(payload)))[1:] == [list(r) for r in result.texts()]


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_ask_in_every_results_format(data, fmt):
    result = run_query("ASK { ?p a schema:Person }", data=data / "graph.ttl")
    payload = format_result(result, fmt)
    if fmt in ("json", "xml", "tsv"):
        assert bool(ox.parse_query_results(payload, format=getattr(ox.QueryResultsFormat, fmt.upper()))) is True
    assert b"true" in payload


def test_no_truncation_when_not_a_terminal(data, capsys):
    long = "SELECT ?q WHERE { ?s oa:exact ?q } ORDER BY DESC(STRLEN(?q)) LIMIT 1"
    code, out, _ = run(["query", long, "--data", str(data / "graph.ttl")], capsys)
    full = run_query(long, data=data / "graph.ttl").texts()[0][0]
    assert code == 0 and len(full) > 200 and " ".join(full.split()) in out and "…" not in out


def test_parameters_are_typed_and_bound(data, capsys):
    path = str(data / "graph.ttl")
    query = "SELECT ?p ?name WHERE { ?p schema:name ?name }"
    code, out, _ = run(["query", query, "--data", path, "-p", 'name="Niu Yibing"', "--format", "csv"], capsys)
    assert code == 0 and out.splitlines()[1:] == ["https://w3id.org/cyberkg/id/person/niu-yibing,Niu Yibing"]
    order = "SELECT ?t ?order WHERE { ?t ckg:order ?order }"
    code, out, _ = run(["query", order, "--data", path, "-p", "order=2", "--format", "csv"], capsys)
    assert code == 0 and len(out.splitlines()) == 3  # turn 2 of each of the two conferences
    code, out, _ = run(["query", order, "--data", path, "-p", "order=2^^xsd:integer", "--format", "csv"], capsys)
    assert code == 0 and len(out.splitlines()) == 3
    code, out, _ = run(["query", order, "--data", path, "-p", 'order="2"', "--format", "csv"], capsys)
    assert code == 0 and len(out.splitlines()) == 1  # a string is not the integer 2


@pytest.mark.parametrize(
    "value",
    ['x" } ?s ?p ?o { "', "x' } UNION { ?s ?p ?o } #", "} } SELECT * WHERE { ?s ?p ?o", '"} ?s ?p ?o {"', "<urn:x> } ?s ?p ?o {"],
)
def test_a_parameter_with_quotes_or_braces_cannot_change_the_query(data, capsys, value):
    query = "SELECT ?p ?name WHERE { ?p schema:name ?name }"
    code, out, err = run(["query", query, "--data", str(data / "graph.ttl"), "-p", f"name={value}", "--format", "csv"], capsys)
    assert (code == 0 and out.splitlines() == ["p,name"]) or (code == 2 and err.count("\n") == 1), (code, out, err)


def test_parameter_errors_are_one_line(data, capsys):
    path = str(data / "graph.ttl")
    for args in (["-p", "year=20x1^^xsd:integer"], ["-p", "noequals"], ["-p", "bad-name=1"], ["-p", "x=1", "-p", "x=2"], ["-p", "x=nope:thing^^nope:t"]):
        code, _, err = run(["query", "SELECT ?x WHERE { BIND(1 AS ?x) }", "--data", path, *args], capsys)
        assert code == 2 and err.count("\n") == 1 and err.startswith("cyberkg: error: --param"), (args, err)
    code, _, err = run(["query", "SELECT ?s WHERE { ?s ?p ?x }", "--data", path, "-p", "x=1"], capsys)
    assert code == 2 and "SELECT clause" in err and err.count("\n") == 1


def test_parse_param_forms():
    assert parse_param("x", "<https://example.org/a>").value == "https://example.org/a"
    assert parse_param("x", "ckg:Turn").value == "https://w3id.org/cyberkg/ontology#Turn"
    assert parse_param("x", '"Wort"@de').language == "de"
    assert parse_param("x", "1.5").datatype.value.endswith("#decimal")
    assert parse_param("x", "true").datatype.value.endswith("#boolean")
    assert parse_param("x", "2022-08-19").datatype.value.endswith("#date")
    assert parse_param("x", "hello world").datatype.value.endswith("#string")


def test_bad_sparql_is_one_line_with_line_and_column(data, capsys):
    code, _, err = run(["query", "SELECT * WHERE {\n ?s ?p ?o .\n FILTER(?s = ) }", "--data", str(data / "graph.ttl")], capsys)
    assert code == 2 and err.count("\n") == 1 and "line 3, column" in err and "\\u{" not in err
    code, _, err = run(["query", "SELECT * WHERE { ?s a nope:Thing }", "--data", str(data / "graph.ttl")], capsys)
    assert code == 2 and err.count("\n") == 1 and "line 1, column" in err


def test_a_query_file_that_is_not_utf8_is_one_line(tmp_path, data, capsys):
    rq = tmp_path / "latin1.rq"
    rq.write_bytes("SELECT ?x WHERE { ?x rdfs:label 'café' }".encode("latin-1"))
    code, _, err = run(["query", str(rq), "--data", str(data / "graph.ttl")], capsys)
    assert code == 2 and err.count("\n") == 1 and "not UTF-8" in err


@pytest.mark.parametrize("base", ["https://x/%zz/", "https://x/a[b]/", "https://x/a b/"])
def test_base_must_be_a_valid_iri(tmp_path, capsys, base):
    code, _, err = run(["build", "--base", base, "--out", str(tmp_path / "o"), "--no-views"], capsys)
    assert code == 2 and err.count("\n") == 1 and "--base" in err and not (tmp_path / "o").exists()


def test_service_detection_ignores_strings_iris_comments_and_names():
    assert calls_service("SELECT * WHERE { SERVICE SILENT <http://x/> { ?s ?p ?o } }")
    assert calls_service("select * where { service ?endpoint { ?s ?p ?o } }")
    assert calls_service("SELECT * WHERE {\n# a comment\nSERVICE<http://x/>{?s ?p ?o}}")
    assert not calls_service('SELECT ?service WHERE { ?service <http://x/SERVICE> "SERVICE" . } # SERVICE <http://x/>')
    assert not calls_service("PREFIX service: <http://x/> SELECT * WHERE { ?s service:p ex:SERVICE }")
    assert not calls_service("SELECT * WHERE { ?s ?p '''a\nSERVICE <http://x/> { }''' }")
    assert calls_service("SELECT * WHERE { ?s ?p ?o .SERVICE <http://x/> { ?s ?p ?o } }")
    assert calls_service("SELECT * WHERE { ?s ex:p ex:o.SERVICE <http://x/> { ?s ?p ?o } }") is False  # one prefixed name
    assert calls_service("SELECT * WHERE { ?s ?p ?o }SERVICE SILENT<http://x/>{}")
    assert not calls_service("SELECT * WHERE { ?s :SERVICE ?o ; ex:a.b.SERVICE ?x ; <urn:SERVICE> $SERVICE }")


def test_every_service_query_pyoxigraph_accepts_is_caught():
    """Variants that pyoxigraph parses as a SERVICE call (checked by hand: it then connects) are all refused."""
    variants = [
        "SELECT * WHERE { ?s ?p ?o .SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * WHERE {{ ?s ?p ?o }SERVICE SILENT<http://127.0.0.1:9/>{ ?s ?p ?o }}",
        "SELECT * WHERE { ?s ?p ?o #x\n SeRvIcE\tSILENT\n<http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * WHERE { BIND(<http://127.0.0.1:9/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
        "PREFIX e: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE e:x { ?s ?p ?o } }",
    ]
    for query in variants:
        assert calls_service(query), query


class _CountingServer:
    """A local TCP socket that counts the connections made to it and closes them."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.sock.close()


@pytest.fixture
def counting_server():
    server = _CountingServer()
    yield server
    server.close()


@pytest.mark.parametrize("silent", ["", "SILENT "])
def test_service_is_refused_and_no_connection_is_made(data, capsys, counting_server, silent, tmp_path):
    query = f"SELECT * WHERE {{ SERVICE {silent}<http://127.0.0.1:{counting_server.port}/sparql> {{ ?s ?p ?o }} }}"
    rq = tmp_path / "federated.rq"
    rq.write_text(query, encoding="utf-8")
    for q in (query, str(rq)):
        code, out, err = run(["query", q, "--data", str(data / "graph.ttl")], capsys)
        assert code == 5 and out == "" and err.count("\n") == 1 and "--allow-service" in err
    assert counting_server.connections == 0


def test_allow_service_does_connect(data, capsys, counting_server):
    """The counting server sees the connection that --allow-service lets through (so the test above can fail)."""
    query = f"SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{counting_server.port}/sparql> {{ ?s ?p ?o }} }}"
    run(["query", query, "--data", str(data / "graph.ttl"), "--allow-service"], capsys)
    assert counting_server.connections >= 1


def test_internal_error_has_its_own_exit_code_and_debug_shows_the_traceback(data, capsys, monkeypatch):
    from cyberkg import query as query_module

    def boom(*args, **kwargs):
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(query_module, "run_query", boom)
    code, _, err = run(["query", "people", "--data", str(data / "graph.ttl")], capsys)
    assert code == 70 and err.count("\n") == 1 and "internal error" in err and "--debug" in err and "Traceback" not in err
    with pytest.raises(RuntimeError):
        main(["--debug", "query", "people", "--data", str(data / "graph.ttl")])


def test_any_text_parameter_is_one_string_literal_and_matches_only_itself(data):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cyberkg.query import execute, load_data

    store = load_data([data / "graph.ttl"])
    query = "SELECT ?p ?name WHERE { ?p schema:name ?name }"

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
    def check(text):
        term = parse_param("name", f'"{text}"')
        assert term.value == text
        result = execute(store, query, params={"name": f'"{text}"'})
        assert all(row[1] == text for row in result.texts())

    check()
