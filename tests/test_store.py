"""cyberkg load and serve: one named graph per conference, reloads replace, the served store answers SPARQL.

The Graph Store Protocol tests use the oxigraph server that ``.ci/run`` starts
(CYBERKG_SPARQL_ENDPOINT); the store and serve tests start their own server on
a free port and stop it by PID.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from cyberkg.cli import main
from cyberkg.export.rdf import serialize, serialize_dataset
from cyberkg.parse import read_transcript
from cyberkg.pipeline import build_graph
from cyberkg.query import format_result, run_query
from cyberkg.rdf import conference_graphs
from cyberkg.resources import bundled_query
from cyberkg.vocab import DEFAULT_BASE

from .conftest import ENTITY_FIXTURES

ENDPOINT = os.environ.get("CYBERKG_SPARQL_ENDPOINT")


def run(args, capsys):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def built(tmp_path_factory, sample_transcript):
    """The sample and a Foreign Ministry fixture as Turtle (a build folder) and as N-Quads."""
    fm = read_transcript(ENTITY_FIXTURES / "fm-regular" / "input.txt")
    conferences, graph = build_graph([sample_transcript, fm])
    folder = tmp_path_factory.mktemp("build")
    (folder / "graph.ttl").write_bytes(serialize(graph))
    nq = folder / "quads.nq"
    nq.write_bytes(serialize_dataset(conference_graphs(conferences, base=DEFAULT_BASE), "nquads"))
    return folder, [str(name) for name, _ in conference_graphs(conferences, base=DEFAULT_BASE)], len(graph)


def _graph_sizes(store_dir) -> dict[str, int]:
    store = ox.Store.read_only(str(store_dir))
    sizes = {g.value: len(list(store.quads_for_pattern(None, None, None, g))) for g in store.named_graphs()}
    default = len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    del store
    assert default == 0
    return sizes


@pytest.mark.parametrize("source", ["folder", "nquads"])
def test_load_into_a_store_gives_one_graph_per_conference_and_reloading_replaces(built, tmp_path, capsys, source):
    folder, names, _ = built
    path = folder if source == "folder" else folder / "quads.nq"
    store = tmp_path / "store"
    code, out, err = run(["load", str(path), "--store", str(store)], capsys)
    assert code == 0, err
    first = _graph_sizes(store)
    assert sorted(first) == sorted(names) and all(n > 1000 for n in first.values())
    code, _, err = run(["load", str(path), "--store", str(store)], capsys)
    assert code == 0, err
    assert _graph_sizes(store) == first
    assert "2 conference graph(s)" in out


def test_load_needs_exactly_one_target(built, capsys, tmp_path):
    for extra in ([], ["--store", str(tmp_path / "s"), "--endpoint", "http://127.0.0.1:9/store"]):
        code, _, err = run(["load", str(built[0]), *extra], capsys)
        assert code == 2 and err.count("\n") == 1


def test_load_endpoint_that_cannot_be_reached_is_one_line(built, capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, _, err = run(["load", str(built[0]), "--endpoint", f"http://127.0.0.1:{port}/store"], capsys)
    assert code == 2 and err.count("\n") == 1 and "cannot reach" in err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server stopped: {proc.stderr.read().decode(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not start")


def _post_query(url: str, sparql: str, **params: str) -> list[list[str]]:
    body = urllib.parse.urlencode({"query": sparql, **params}).encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return list(csv.reader(io.StringIO(response.read().decode("utf-8"))))


def test_serve_answers_the_bundled_queries_and_stops_by_pid(built, tmp_path, capsys):
    from cyberkg.errors import MissingToolError
    from cyberkg.store import oxigraph_program

    try:
        oxigraph_program()
    except MissingToolError:
        if os.environ.get("CI"):
            raise
        pytest.skip("the Oxigraph server (the serve extra) is not installed")
    folder, _, _ = built
    store = tmp_path / "store"
    assert run(["load", str(folder), "--store", str(store)], capsys)[0] == 0
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "cyberkg.cli", "serve", "--store", str(store), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for(port, proc)
        rows = _post_query(f"http://127.0.0.1:{port}/query", bundled_query("people").read_text(encoding="utf-8"))
        expected = list(csv.reader(io.StringIO(format_result(run_query("people", data=folder), "csv").decode("utf-8"))))
        assert rows == expected and len(rows) > 10
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), 0.5).close()


def test_serve_refuses_a_missing_store(tmp_path, capsys):
    code, _, err = run(["serve", "--store", str(tmp_path / "none")], capsys)
    assert code == 2 and err.count("\n") == 1 and "no such store" in err


# ---------------------------------------------------------------- a real server (CI)


@pytest.fixture(scope="module")
def endpoint():
    if not ENDPOINT:
        if os.environ.get("CI"):
            pytest.fail("CI must start the oxigraph server and set CYBERKG_SPARQL_ENDPOINT")
        pytest.skip("no SPARQL server: set CYBERKG_SPARQL_ENDPOINT (as .ci/run does)")
    return ENDPOINT.rstrip("/")


def _count(endpoint: str, graph: str) -> int:
    rows = _post_query(f"{endpoint}/query", f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(rows[1][0])


@pytest.mark.server
def test_load_over_the_graph_store_protocol_reload_and_query(endpoint, built, capsys):
    folder, names, _ = built
    try:
        code, _, err = run(["load", str(folder), "--endpoint", f"{endpoint}/store"], capsys)
        assert code == 0, err
        counts = {name: _count(endpoint, name) for name in names}
        assert all(n > 1000 for n in counts.values())
        code, _, err = run(["load", str(folder / "quads.nq"), "--endpoint", f"{endpoint}/store"], capsys)
        assert code == 0, err
        assert {name: _count(endpoint, name) for name in names} == counts
        query = bundled_query("people").read_text(encoding="utf-8")
        rows = _post_query(f"{endpoint}/query", query, **{"default-graph-uri": names[0]})
        assert len(rows) > 5
    finally:
        for name in names:
            urllib.request.urlopen(urllib.request.Request(f"{endpoint}/store?graph={urllib.parse.quote(name, safe='')}", method="DELETE"), timeout=30).read()


def test_load_of_a_corpus_build_folder_puts_its_shared_nodes_in_each_conference_graph(tmp_path, capsys):
    """A build's graph.nq keeps shared nodes in the default graph: loading gives each conference the ones it reaches."""
    out = tmp_path / "kg"
    inputs = [ENTITY_FIXTURES / "fm-regular" / "input.txt", ENTITY_FIXTURES.parent / "fixtures" / "roster-blocks" / "input.txt"]
    code, _, err = run(["build", *map(str, inputs), "--out", str(out), "--no-views", "-q", "-j", "1"], capsys)
    assert code in (0, 1), err
    store = tmp_path / "store"
    code, _, err = run(["load", str(out), "--store", str(store)], capsys)
    assert code == 0, err
    sizes = _graph_sizes(store)
    db = ox.Store.read_only(str(store))
    loaded = {q.triple for q in db}
    names = {q.graph_name.value for q in db}
    del db
    whole = {q.triple for q in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)}
    # Compared without literal datatypes: the Oxigraph store keeps an xsd:nonNegativeInteger as an xsd:integer.
    assert len(loaded) == len(whole)
    assert {(t.subject, t.predicate, t.object.value) for t in loaded} == {(t.subject, t.predicate, t.object.value) for t in whole}
    assert len(sizes) == len(names) == 2
    shared_people = {q.subject for q in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS) if isinstance(q.graph_name, ox.DefaultGraph) and q.object.value == "https://schema.org/Person"}
    assert shared_people  # people are shared nodes, in the build's default graph
    db = ox.Store.read_only(str(store))
    with_people = {q.graph_name.value for q in db if q.subject in shared_people and q.predicate.value.endswith("type")}
    del db
    assert with_people == names  # and each conference's graph has the people it names
    code, _, err = run(["load", str(out), "--store", str(store)], capsys)
    assert code == 0 and _graph_sizes(store) == sizes
