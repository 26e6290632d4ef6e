"""Build outputs: every graph syntax, standard input and output, and the build record.

Every transcript here is a fixture of the project or invented in the test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from cyberkg.cli import EXIT_OK, EXIT_USAGE, EXIT_WRITE, cli, main
from cyberkg.pipeline import GRAPH_FILES
from cyberkg.resources import sample_file
from cyberkg.vocab import CKG, DCAT, PROV, RDF, SCHEMA, VOID

from .conftest import ENTITY_FIXTURES, FIXTURES

EXTRA = ("nt", "trig", "jsonld")
OX_FORMATS = {
    "graph.ttl": ox.RdfFormat.TURTLE,
    "graph.nt": ox.RdfFormat.N_TRIPLES,
    "graph.nq": ox.RdfFormat.N_QUADS,
    "graph.trig": ox.RdfFormat.TRIG,
    "graph.jsonld": ox.RdfFormat.JSON_LD,
}
RDFLIB_FORMATS = {"graph.ttl": "turtle", "graph.nt": "nt", "graph.nq": "nquads", "graph.trig": "trig", "graph.jsonld": "json-ld"}
QUADS = ("graph.nq", "graph.trig")
CYBERKG = (sys.executable, "-c", "import sys; from cyberkg.cli import main; sys.exit(main())")


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def fixture_inputs() -> list[Path]:
    """A small folder's worth of conferences: three fixtures of different layouts."""
    return [FIXTURES / "roster-blocks" / "input.txt", FIXTURES / "roster-mixed" / "input.txt", ENTITY_FIXTURES / "fm-regular" / "input.txt"]


def rdflib_graph(path: Path) -> Graph:
    """The triples of ``path`` in rdflib; the union of the named graphs for a quad syntax."""
    fmt = RDFLIB_FORMATS[path.name]
    if path.name in QUADS:
        dataset = Dataset(default_union=True)
        dataset.parse(path, format=fmt)
        union = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return Graph().parse(path, format=fmt)


def oxigraph_triples(path: Path) -> set:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=OX_FORMATS[path.name])}


@pytest.fixture(scope="module", params=["sample", "fixtures"])
def built(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param)
    inputs = []
    if request.param == "fixtures":  # a folder of three conferences
        folder = tmp_path_factory.mktemp("talks")
        for n, path in enumerate(fixture_inputs()):
            (folder / f"{n}.txt").write_bytes(path.read_bytes())
        inputs = [folder]
    code = main(["build", *map(str, inputs), "--out", str(out), "--no-views", "-j", "1", "--format", ",".join(EXTRA), "-q"])
    assert code in (0, 1)
    return out


@pytest.mark.parametrize("name", [GRAPH_FILES[f] for f in ("nt", "nquads", "trig", "jsonld")])
def test_every_syntax_holds_the_graph_of_graph_ttl_in_rdflib_and_oxigraph(built, name):
    turtle = built / "graph.ttl"
    assert isomorphic(rdflib_graph(built / name), rdflib_graph(turtle))
    assert oxigraph_triples(built / name) == oxigraph_triples(turtle)


def test_trig_has_one_named_graph_per_conference_and_the_shared_nodes_in_the_default_graph(built):
    quads = list(ox.parse(path=str(built / "graph.trig"), format=ox.RdfFormat.TRIG))
    names = {q.graph_name.value for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    conferences = {str(s) for s in Graph().parse(built / "graph.ttl").subjects(RDF.type, CKG.PressConference)}
    assert names == conferences
    assert {(q.triple, str(q.graph_name)) for q in quads} == {(q.triple, str(q.graph_name)) for q in ox.parse(path=str(built / "graph.nq"), format=ox.RdfFormat.N_QUADS)}


def test_jsonld_is_compacted_with_the_shipped_context(built):
    import json

    document = json.loads((built / "graph.jsonld").read_text(encoding="utf-8"))
    assert document["@context"]["ckg"] == str(CKG)
    assert any(node["@id"].startswith("id:") for node in document["@graph"])


def test_every_file_is_byte_identical_for_any_jobs_and_input_order(tmp_path, capsys):
    inputs = fixture_inputs()
    files = [*GRAPH_FILES.values(), "validation.ttl", "record.ttl"]
    results = []
    for n, (jobs, order) in enumerate(((1, inputs), (2, inputs[::-1]))):
        out = tmp_path / f"o{n}"
        code, stdout, err = run(["build", *order, "--out", out, "-j", jobs, "--no-cache", "--format", "nt", "--format", "trig,jsonld"], capsys)
        assert code in (0, 1), stdout + err
        results.append({name: (out / name).read_bytes() for name in files})
    assert results[0] == results[1]


def test_a_rebuild_without_a_format_removes_its_stale_file(tmp_path, capsys):
    out = tmp_path / "o"
    assert run(["build", "--out", out, "--no-views", "-f", "trig", "-q"], capsys)[0] == EXIT_OK
    assert (out / "graph.trig").is_file()
    assert run(["build", "--out", out, "--no-views", "-q"], capsys)[0] == EXIT_OK
    assert not (out / "graph.trig").exists()
    assert (out / "graph.ttl").is_file() and (out / "graph.nq").is_file()


def test_an_unknown_format_exits_2_and_writes_nothing(tmp_path, capsys):
    code, _, err = run(["build", "--out", tmp_path / "o", "-f", "rdfxml"], capsys)
    assert code == EXIT_USAGE and "rdfxml" in err
    assert not (tmp_path / "o" / "graph.ttl").exists()


# ---------------------------------------------------------------- standard input and output


def test_stdin_is_an_input_named_stdin_and_hashed_like_a_file(tmp_path, capsys):
    data = sample_file().read_bytes()
    result = CliRunner().invoke(cli, ["build", "-", "--out", str(tmp_path / "in"), "--no-views", "-j", "1"], input=data)
    assert result.exit_code == EXIT_OK, result.output
    assert "Built <stdin>" in result.output
    assert run(["build", sample_file(), "--out", tmp_path / "file", "--no-views", "-j", "1", "-q"], capsys)[0] == EXIT_OK
    from_stdin, from_file = Graph().parse(tmp_path / "in" / "graph.ttl"), Graph().parse(tmp_path / "file" / "graph.ttl")
    transcripts = set(from_stdin.subjects(RDF.type, CKG.Transcript))
    assert transcripts == set(from_file.subjects(RDF.type, CKG.Transcript))  # minted from the same digest
    assert {str(from_stdin.value(t, SCHEMA.name)) for t in transcripts} == {"<stdin>"}
    assert "<stdin>" in (tmp_path / "in" / "record.ttl").read_text(encoding="utf-8")


def test_stdin_given_twice_exits_2(tmp_path):
    result = CliRunner().invoke(cli, ["build", "-", "-", "--out", str(tmp_path / "o")], input=b"x")
    assert result.exit_code != 0


def test_graph_to_stdout_in_one_syntax_writes_nothing_else(tmp_path):
    command = [*CYBERKG, "build", "-", "--format", "nt", "--out", "-", "-j", "1"]
    done = subprocess.run(command, input=sample_file().read_bytes(), capture_output=True, cwd=tmp_path, timeout=300)
    assert done.returncode == EXIT_OK, done.stderr.decode()
    assert list(tmp_path.iterdir()) == []
    graph = Graph().parse(data=done.stdout.decode("utf-8"), format="nt")
    assert (None, RDF.type, CKG.PressConference) in graph
    assert "SHACL: conforms" in done.stderr.decode()
    reference = subprocess.run([*CYBERKG, "build", "-", "--out", str(tmp_path / "ref"), "--no-views", "-f", "nt", "-q", "-j", "1"], input=sample_file().read_bytes(), capture_output=True, timeout=300)
    assert reference.returncode == EXIT_OK
    assert isomorphic(graph, Graph().parse(tmp_path / "ref" / "graph.ttl"))
    assert done.stdout == (tmp_path / "ref" / "graph.nt").read_bytes()


def test_stdout_takes_one_format(tmp_path, capsys):
    code, out, err = run(["build", "--out", "-", "-f", "nt,trig"], capsys)
    assert code == EXIT_USAGE and out == "" and "one --format" in err


def test_stdout_quiet_prints_the_turtle_graph_alone(built, capsys):
    code, out, err = run(["build", "--out", "-", "-q", "-j", "1"], capsys)
    assert code == EXIT_OK and err == ""
    assert out.startswith("@prefix")
    if built.name.startswith("sample"):  # the bundled sample is what --out - builds here
        assert out.encode("utf-8") == (built / "graph.ttl").read_bytes()


# ---------------------------------------------------------------- the build record


def test_record_parses_and_lists_every_input_file_and_class(built):
    record = Graph().parse(built / "record.ttl")
    graph = Graph().parse(built / "graph.ttl")
    transcripts = {(s, str(o)) for s, o in graph.subject_objects(CKG.sha256) if (s, RDF.type, CKG.Transcript) in graph}
    used = set(record.objects(None, PROV.used))
    assert transcripts and {s for s, _ in transcripts} <= used
    assert {(s, str(o)) for s, _ in transcripts for o in record.objects(s, CKG.sha256)} == transcripts
    store = ox.Store()
    store.load(path=str(built / "record.ttl"), format=ox.RdfFormat.TURTLE)
    query = "SELECT ?n WHERE { ?d a void:Dataset ; void:triples ?n }"
    triples = next(iter(store.query(query, prefixes={"void": str(VOID)})))["n"].value
    assert int(triples) == len(graph)
    written = {str(o) for d in record.objects(None, DCAT.distribution) for o in record.objects(d, DCAT.byteSize)}
    assert str((built / "graph.ttl").stat().st_size) in written
    settings = {str(o) for o in record.objects(None, CKG.settingName)}
    assert "base" in settings and "jobs" not in settings


def test_record_time_only_from_source_date_epoch(tmp_path, capsys, monkeypatch):
    out = tmp_path / "o"
    assert run(["build", "--out", out, "--no-views", "-q"], capsys)[0] == EXIT_OK
    assert "startedAtTime" not in (out / "record.ttl").read_text(encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1660867200")
    assert run(["build", "--out", out, "--no-views", "-q"], capsys)[0] == EXIT_OK
    assert "2022-08-19T00:00:00Z" in (out / "record.ttl").read_text(encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert run(["build", "--out", out, "--no-views", "-q"], capsys)[0] == EXIT_USAGE


def test_a_closed_stdout_exits_4_with_one_line(tmp_path):
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([*CYBERKG, "build", "--out", "-", "-q", "-j", "1"], stdout=write, stderr=subprocess.PIPE, cwd=tmp_path, timeout=300)
    finally:
        os.close(write)
    assert done.returncode == EXIT_WRITE
    assert done.stderr.decode().strip() == "cyberkg: error: cannot write <stdout>: Broken pipe"
    assert list(tmp_path.iterdir()) == []


def test_stdin_over_the_size_limit_exits_2_and_writes_nothing(tmp_path):
    data = sample_file().read_bytes()
    command = [*CYBERKG, "build", "-", "--out", str(tmp_path / "o"), "--max-transcript-mb", str(len(data) / 2e6)]
    done = subprocess.run(command, input=data, capture_output=True, timeout=300)
    assert done.returncode == EXIT_USAGE and not (tmp_path / "o").exists()
    err = done.stderr.decode()
    assert err.count("\n") == 1 and "-: is larger than the" in err and "--max-transcript-mb" in err
