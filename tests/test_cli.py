"""The command line: exit codes, one-line errors, outputs, queries, determinism."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from cyberkg import cli as cli_module
from cyberkg.cli import main
from cyberkg.extract.confidence import figure_model
from cyberkg.resources import sample_file

from .conftest import FIXTURES


def run(args, capsys):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "out"
    assert main(["build", "--out", str(out), "--quiet"]) == 0
    return out


def test_build_sample_writes_graph_and_report(tmp_path, capsys):
    code, out, err = run(["build", "--out", str(tmp_path / "o")], capsys)
    assert code == 0, err
    assert "SHACL: conforms" in out and "people" in out and "Unresolved mentions:" in out and "Took" in out
    assert re.search(r"^Figures: 27 observations, \d+ rejected candidates$", out, flags=re.M)
    graph = Graph().parse(tmp_path / "o" / "graph.ttl")
    assert len(graph) > 500
    Graph().parse(tmp_path / "o" / "validation.ttl")


def test_build_is_byte_identical_across_processes(tmp_path):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "cyberkg.cli", "build", "-q", "--out", str(out)], check=True, env=env)
        outs.append(((out / "graph.ttl").read_bytes(), (out / "validation.ttl").read_bytes()))
    assert outs[0] == outs[1]


def test_build_several_inputs_and_a_folder(tmp_path, capsys):
    inputs = [str(p) for p in sorted(FIXTURES.glob("roster-*/input.txt"))][:2]
    code, out, err = run(["build", *inputs, "--out", str(tmp_path / "o")], capsys)
    assert code == 0, err
    assert re.search(r"conferences +2\n", out)
    folder = tmp_path / "talks"
    folder.mkdir()
    (folder / "a.txt").write_bytes(sample_file().read_bytes())
    code, out, err = run(["build", str(folder), "--out", str(tmp_path / "p")], capsys)
    assert code == 0, err


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "missing.txt: no such file or folder"),
        (lambda d: _write(d / "empty.txt", b""), "empty.txt: file is empty"),
        (lambda d: _write(d / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "image.txt: is a binary file"),
        (lambda d: _mkdir(d / "nothing"), "nothing: folder holds no transcript"),
        (lambda d: _write(d / "prose.txt", b"No speakers here.\n"), "prose.txt: holds a headline but no transcript text"),
        (lambda d: Path("/dev/zero"), "/dev/zero: is not a regular file (a device, pipe or socket)"),
        (lambda d: _fifo(d / "pipe.txt"), "pipe.txt: is not a regular file (a device, pipe or socket)"),
        (lambda d: _write(d / "latin.txt", b"Title\n\nJos\xe9: Hola.\n"), "latin.txt: is not UTF-8 text (bad byte at offset 10); name its encoding with --encoding"),
    ],
)
def test_build_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path, capsys, make, message):
    path = make(tmp_path)
    out = tmp_path / "out"
    code, stdout, err = run(["build", str(path), "--out", str(out)], capsys)
    assert code == 2
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not out.exists()


def test_bad_input_among_good_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    good = str(FIXTURES / "roster-blocks" / "input.txt")
    code, _, err = run(["build", good, str(tmp_path / "missing.txt"), "--out", str(out)], capsys)
    assert code == 2 and not out.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["build", "--bogus"],
        ["build", "--base", "not an iri"],
        ["build", "--min-figure-confidence", "1.5"],
        ["frobnicate"],
        ["query"],
        ["query", "people", "--format", "yaml"],
    ],
)
def test_usage_errors_exit_2_with_one_line(capsys, args):
    code, _, err = run(args, capsys)
    assert code == 2 and err.count("\n") == 1 and err.startswith("cyberkg: error:")


def test_build_out_is_a_file(tmp_path, capsys):
    target = _write(tmp_path / "file", b"x")
    code, _, err = run(["build", "--out", str(target)], capsys)
    assert code == 2 and "--out must be a folder" in err


def test_build_with_violations_exits_1_and_still_writes(tmp_path, capsys, monkeypatch):
    from rdflib import Graph as G

    from cyberkg import validate as validate_module

    strict = G().parse(data=validate_module.load_shapes().serialize(format="turtle"), format="turtle")
    strict.parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix schema: <https://schema.org/> .
        <urn:test:HonorificRequired> a sh:NodeShape ; sh:targetClass schema:Person ;
            sh:property [ sh:path schema:honorificPrefix ; sh:minCount 1 ; sh:message "honorific required" ] .
        """,
        format="turtle",
    )
    monkeypatch.setattr(validate_module, "load_shapes", lambda: strict)
    out = tmp_path / "o"
    code, stdout, _ = run(["build", "--out", str(out)], capsys)
    assert code == 1
    assert "violation" in stdout and "honorific required" in stdout and "evidence:" in stdout
    assert (out / "graph.ttl").stat().st_size > 0
    report = Graph().parse(out / "validation.ttl")
    assert "false" in report.serialize(format="nt")


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("people", ["name", "title", "organization", "role"]),
        ("organizations", ["name", "acronym", "parent"]),
        ("turns", ["order", "speaker", "role", "start", "end"]),
        ("figures", ["value", "unit", "measure", "period", "qualifier", "quote"]),
    ],
)
def test_bundled_query_columns(built, capsys, name, columns):
    code, out, err = run(["query", name, "--data", str(built), "--format", "csv"], capsys)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == columns and len(rows) > 1


def test_people_query_rows(built, capsys):
    _, out, _ = run(["query", "people", "--data", str(built), "--format", "json"], capsys)
    rows = _json_rows(out)
    participants = [r for r in rows if r["role"] != "mentioned"]
    assert len(participants) == 10  # 8 participants, one of them with three posts
    assert {r["role"] for r in rows} == {"speaker", "moderator", "mentioned"}
    # a mentioned person holds the posts of the titles before their name ("General Secretary X")
    assert {(r["name"], r["title"], r["organization"]) for r in rows if r["role"] == "mentioned"} == {
        ("Xi Jinping", "general secretary", "")
    }
    moderator = [r for r in rows if r["role"] == "moderator"]
    assert len(moderator) == 1 and moderator[0]["title"] == "spokesperson"


def test_turns_query_offsets_point_at_the_turns(built, capsys, sample_text):
    _, out, _ = run(["query", "turns", "--data", str(built / "graph.ttl"), "--format", "json"], capsys)
    rows = _json_rows(out)
    assert [(r["order"], r["speaker"], r["role"]) for r in rows] == [("1", "Shou Xiaoli", "moderator"), ("2", "Niu Yibing", "speaker")]
    for r in rows:
        assert sample_text[int(r["start"]) : int(r["end"])].startswith(r["speaker"] + ":")


def test_figures_query_rows(built, capsys, sample_text):
    _, out, _ = run(["query", "figures", "--data", str(built), "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 27
    assert rows[0] == {"value": "100", "unit": "activity", "measure": "themed publicity activities carried out", "period": "", "qualifier": "lower bound", "quote": "over 100 themed publicity activities"}
    fine = next(r for r in rows if r["measure"] == "fine")
    assert (fine["value"], fine["unit"], fine["period"]) == ("8206000000", "CNY", "2022-07")
    assert all(r["quote"] in sample_text for r in rows)


def test_query_from_file_and_text(built, tmp_path, capsys):
    rq = _write(tmp_path / "count.rq", b"SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/Person> }")
    code, out, _ = run(["query", str(rq), "--data", str(built), "--format", "csv"], capsys)
    assert code == 0 and out.splitlines()[0] == "n" and int(out.splitlines()[1]) >= 8
    code, out, _ = run(["query", "SELECT ?s WHERE { ?s a <https://schema.org/Person> } LIMIT 1", "--data", str(built)], capsys)
    assert code == 0 and "(1 row)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "nonsense"], "neither a bundled query"),
        (["query", "missing.rq"], "missing.rq: no such query file"),
        (["query", "SELECT ?x WHERE {", "--data", "{built}"], "query does not parse"),
        (["query", "people", "--data", "{built}/nope"], "no such file"),
    ],
)
def test_query_errors_exit_2(built, capsys, args, message):
    args = [a.replace("{built}", str(built)) for a in args]
    code, _, err = run(args, capsys)
    assert code == 2 and message in err and err.count("\n") == 1


def test_help_explains_commands(capsys):
    code, out, _ = run(["--help"], capsys)
    assert code == 0 and "build" in out and "query" in out
    code, out, _ = run(["build", "--help"], capsys)
    assert code == 0 and "--out" in out and "--base" in out and "Exits 0" in out
    code, out, _ = run(["query", "--help"], capsys)
    assert code == 0 and "people" in out and "organizations" in out and "turns" in out and "figures" in out


def test_console_script_is_declared():
    import tomllib

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["cyberkg"] == "cyberkg.cli:main"
    assert callable(cli_module.main)


def _json_rows(out: str) -> list[dict[str, str]]:
    """Rows of W3C SPARQL JSON results as plain dicts, "" for an unbound variable."""
    document = json.loads(out)
    columns = document["head"]["vars"]
    return [{c: b[c]["value"] if c in b else "" for c in columns} for b in document["results"]["bindings"]]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


TALK = "Briefing on rivers\n\nJosé Ruiz: Rivers grew.\n\nQ   What about ports?\n\nJosé Ruiz: Ports grew.\n"


@pytest.mark.parametrize(
    ("data", "args"),
    [
        (TALK.encode("utf-16"), []),
        (TALK.encode("utf-8-sig"), []),
        (TALK.encode("latin-1"), ["--encoding", "latin-1"]),
        (TALK.replace("José Ruiz", "李伟").encode("gb18030"), []),
    ],
)
def test_build_decodes_other_encodings(tmp_path, capsys, data, args):
    path = _write(tmp_path / "talk.txt", data)
    code, out, err = run(["build", str(path), "--out", str(tmp_path / "o"), "--no-views", *args], capsys)
    assert code == 0, err
    assert re.search(r"turns +3\n", out)


def test_build_unknown_encoding_exits_2_with_one_line(tmp_path, capsys):
    path = _write(tmp_path / "talk.txt", TALK.encode())
    code, _, err = run(["build", str(path), "--out", str(tmp_path / "o"), "--encoding", "klingon"], capsys)
    assert code == 2 and err.count("\n") == 1 and "unknown encoding 'klingon' (given with --encoding)" in err


def test_build_narrative_builds_with_a_note(tmp_path, capsys):
    text = "Noon briefing of the spokesperson\n\nThe spokesperson said the river council met today. It adopted two plans.\n"
    path = _write(tmp_path / "noon.txt", text.encode())
    code, out, err = run(["build", str(path), "--out", str(tmp_path / "o"), "--no-views"], capsys)
    assert code == 0, err
    assert "Note: noon.txt: no speaker label found; read as one unattributed narrative" in out
    assert re.search(r"turns +1\n", out)


def test_min_figure_confidence_keeps_or_drops_the_judged_figures_and_is_recorded(tmp_path, capsys):
    talk = _write(tmp_path / "talk.txt", b"Briefing on harbour works\n\nAnna Berg:\n\nIt has been 25 years since we changed the rules, and we built 40 piers.\n")
    counts = {}
    for given in (None, "0", "1"):
        out = tmp_path / f"out-{given}"
        code, stdout, err = run(["build", str(talk), "--out", str(out), "--no-views", "--cache", str(tmp_path / "cache"), *(["--min-figure-confidence", given] if given else [])], capsys)
        assert code == 0, err
        counts[given] = re.search(r"^Figures: (\d+) observations, (\d+) rejected candidates$", stdout, flags=re.M).groups()
        record = Graph().parse(out / "record.ttl")
        assert any(str(o) == (given or format(figure_model().threshold, "g")) for o in record.objects()), "the threshold used is in the record"
    assert counts == {None: ("1", "1"), "0": ("2", "0"), "1": ("1", "1")}  # one cache: the setting is part of its key
