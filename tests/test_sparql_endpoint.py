"""The graph loads into a real SPARQL server (oxigraph) and the bundled queries run there.

``.ci/run`` starts ``oxigraph serve`` on 127.0.0.1 and sets CYBERKG_SPARQL_ENDPOINT.
Without that variable the test is skipped on a developer machine, and fails in CI.
"""

from __future__ import annotations

import csv
import io
import os
import urllib.parse
import urllib.request

import pytest

from cyberkg.export.rdf import serialize
from cyberkg.parse import read_transcript
from cyberkg.pipeline import build_graph
from cyberkg.query import format_result, run_query
from cyberkg.resources import bundled_query, bundled_query_names

from .conftest import ENTITY_FIXTURES

ENDPOINT = os.environ.get("CYBERKG_SPARQL_ENDPOINT")

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def endpoint():
    if not ENDPOINT:
        if os.environ.get("CI"):
            pytest.fail("CI must start the oxigraph server and set CYBERKG_SPARQL_ENDPOINT")
        pytest.skip("no SPARQL server: set CYBERKG_SPARQL_ENDPOINT (as .ci/run does)")
    return ENDPOINT.rstrip("/")


def _http(method: str, url: str, *, data: bytes | None = None, headers: dict | None = None) -> bytes:
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


@pytest.fixture(scope="module")
def data(sample_transcript):
    """The sample and a Foreign Ministry fixture, so every bundled query has rows."""
    fm = read_transcript(ENTITY_FIXTURES / "fm-regular" / "input.txt")
    return serialize(build_graph([sample_transcript, fm])[1])


@pytest.mark.parametrize("name", bundled_query_names())
def test_bundled_queries_give_the_same_rows_on_the_server(endpoint, data, tmp_path, name):
    graph_iri = f"urn:cyberkg:test:{name}"
    store = f"{endpoint}/store?graph={urllib.parse.quote(graph_iri, safe='')}"
    _http("PUT", store, data=data, headers={"Content-Type": "text/turtle"})
    try:
        body = urllib.parse.urlencode({"query": bundled_query(name).read_text(), "default-graph-uri": graph_iri}).encode()
        answer = _http(
            "POST",
            f"{endpoint}/query",
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"},
        )
    finally:
        _http("DELETE", store)
    server_rows = list(csv.reader(io.StringIO(answer.decode("utf-8"))))
    local = tmp_path / "graph.ttl"
    local.write_bytes(data)
    expected = list(csv.reader(io.StringIO(format_result(run_query(name, data=local), "csv").decode("utf-8"))))
    assert server_rows == expected
    assert len(server_rows) > 1
