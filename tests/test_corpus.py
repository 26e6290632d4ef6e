"""Corpus builds: conference identity, map/reduce merges, jobs, cache, outputs, rejected inputs, write safety.

Every transcript here is invented in the test.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef

from cyberkg.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_WRITE, main
from cyberkg.corpus import PageHead, group_heads
from cyberkg.export import outputs as outputs_module
from cyberkg.pipeline import build
from cyberkg.validate import load_ontology, load_shapes
from cyberkg.vocab import CKG, RDF, SH, SKOS

from .conftest import ENTITY_FIXTURES, FIXTURES

MULTIPAGE = ENTITY_FIXTURES / "multipage"
SURNAMES = ("Lin", "Gao", "Pan", "Tao", "Ruan", "Fei")
GIVEN = ("Aoran", "Beihan", "Chenxi", "Dongyu", "Enlai", "Fanrong")


def briefing(n: int, *, date: str | None, title: str = "Briefing on the work of the Harbour Bureau", post: str = "director general") -> str:
    """An invented briefing: a title, maybe a date, a roster line and two turns."""
    name = f"{SURNAMES[n % 6]} {GIVEN[(n // 6) % 6]}"
    head = [title] + ([date] if date else []) + ["", f"{name}, {post} of the Harbour Bureau", ""]
    turns = [f"{name}:", "", f"Good morning. Today the Harbour Bureau opened pier number {n + 1}.", "", "Xinhua News Agency:", "", "How many ships came?", ""]
    return "\n".join(head + turns)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def conferences(out: Path) -> set[str]:
    graph = Graph().parse(out / "graph.ttl")
    return {str(s) for s in graph.subjects(RDF.type, CKG.PressConference)}


def no_temporaries(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.startswith((".cyberkg-staging-", ".tmp-"))]


# ---------------------------------------------------------------- conference identity


def test_same_headline_on_different_days_gives_one_conference_each(tmp_path, capsys):
    folder = tmp_path / "talks"
    for n, day in enumerate(("May 3, 2023", "May 4, 2023", "June 9, 2023", "June 10, 2023")):
        write(folder, f"{n}.txt", briefing(n, date=day))
    write(folder, "undated-a.txt", briefing(10, date=None))
    write(folder, "undated-b.txt", briefing(11, date=None))
    code, out, err = run(["build", folder, "--out", tmp_path / "o", "--no-views", "-j", "1"], capsys)
    assert code == EXIT_OK, out + err
    assert len(conferences(tmp_path / "o")) == 6


def test_same_title_and_date_without_marker_share_a_conference_key_but_not_an_iri(tmp_path, capsys):
    folder = tmp_path / "talks"
    write(folder, "a.txt", briefing(1, date="May 3, 2023", title="Press gaggle"))
    write(folder, "b.txt", briefing(2, date="May 3, 2023", title="Press gaggle").replace("Briefing", "Gaggle"))
    undated = [write(folder, f"u{n}.txt", briefing(n, date=None, title="Press gaggle")) for n in (3, 4)]
    code, out, err = run(["build", *undated, "--out", tmp_path / "u", "--no-views", "-j", "1"], capsys)
    assert code == EXIT_OK, out + err
    assert len(conferences(tmp_path / "u")) == 2  # two undated briefings with one title: two IRIs


def test_multipage_fixture_is_one_conference_whatever_the_order(tmp_path, capsys):
    pages = [MULTIPAGE / "input.txt", MULTIPAGE / "page2.txt", MULTIPAGE / "page3.txt"]
    outs = []
    for n, order in enumerate((pages, pages[::-1], [pages[1], pages[0], pages[2]])):
        out = tmp_path / str(n)
        code, stdout, err = run(["build", *order, "--out", out, "--no-views", "-j", "1", "--no-cache"], capsys)
        assert code == EXIT_OK, stdout + err
        assert len(conferences(out)) == 1
        outs.append((out / "graph.ttl").read_bytes())
    assert outs[0] == outs[1] == outs[2]


@pytest.mark.parametrize(
    ("heads", "expected"),
    [
        # the same title and date: pages of one conference
        ([("t", "2023-05-03", False, None), ("t", "2023-05-03", False, None)], [[0, 1]]),
        # the same title, other days: two conferences
        ([("t", "2023-05-03", False, None), ("t", "2023-05-04", False, None)], [[0], [1]]),
        # a continuation page joins the one conference with its title, whatever the order
        ([("t", None, True, 2), ("t", "2023-05-03", False, None)], [[1, 0]]),
        # a continuation page with two candidate conferences stays alone
        ([("t", "2023-05-03", False, None), ("t", "2023-05-04", False, None), ("t", None, True, None)], [[0], [1], [2]]),
        # undated pages that do not say they continue are conferences of their own
        ([("t", None, False, None), ("t", None, False, None)], [[0], [1]]),
    ],
)
def test_group_heads(heads, expected):
    made = [PageHead(*h) for h in heads]
    groups, _ = group_heads(made, [f"p{i}.txt" for i in range(len(made))])
    assert sorted(groups) == sorted(expected)


def test_duplicate_inputs_are_built_once_with_a_note(tmp_path, capsys):
    folder = tmp_path / "talks"
    a = write(folder, "a.txt", briefing(1, date="May 3, 2023"))
    b = write(folder, "copy-of-a.txt", a.read_text(encoding="utf-8"))
    code, out, err = run(["build", a, b, a, "--out", tmp_path / "o", "--no-views", "-j", "1"], capsys)
    assert code == EXIT_OK, out + err
    assert "same bytes as" in out and len(conferences(tmp_path / "o")) == 1


# ---------------------------------------------------------------- the reduce


def test_shared_nodes_get_one_label_and_a_merge_record(tmp_path, capsys):
    folder = tmp_path / "talks"
    write(folder, "a.txt", briefing(1, date="May 3, 2023", post="director-general"))
    write(folder, "b.txt", briefing(2, date="May 4, 2023", post="director general"))
    write(folder, "c.txt", briefing(3, date="May 5, 2023", post="director general"))
    code, out, err = run(["build", folder, "--out", tmp_path / "o", "--no-views", "-j", "1"], capsys)
    assert code == EXIT_OK, out + err
    graph = Graph().parse(tmp_path / "o" / "graph.ttl")
    roles = [r for r in graph.subjects(RDF.type, URIRef("http://www.w3.org/ns/org#Role"))]
    assert len(roles) == 1
    assert list(graph.objects(roles[0], SKOS.prefLabel)) == [Literal("director general")]  # two of three say so
    assert Literal("director-general") in set(graph.objects(roles[0], SKOS.altLabel))
    merges = {graph.value(m, CKG.mergedNode): set(graph.objects(m, CKG.mergedFrom)) for m in graph.subjects(RDF.type, CKG.CorpusMerge)}
    assert roles[0] in merges and len(merges[roles[0]]) == 3
    bureau = next(node for node in merges if "harbour-bureau" in str(node))
    assert all(graph.value(m, CKG.mergeRule) == CKG.SameKeyRule for m in graph.subjects(RDF.type, CKG.CorpusMerge))
    assert len(set(graph.objects(bureau, SKOS.prefLabel))) == 1


def test_corpus_terms_are_declared_and_shaped(tmp_path, capsys):
    folder = tmp_path / "talks"
    for n in range(3):
        write(folder, f"{n}.txt", briefing(n, date=f"May {n + 3}, 2023"))
    assert run(["build", folder, "--out", tmp_path / "o", "--no-views", "-j", "1"], capsys)[0] == EXIT_OK
    graph = Graph().parse(tmp_path / "o" / "graph.ttl")
    ontology, shapes = load_ontology(), load_shapes()
    declared = set(ontology.subjects())
    targeted = set(shapes.objects(None, SH.targetClass))
    paths = set(shapes.objects(None, SH.path))
    for cls in set(graph.objects(None, RDF.type)) & {CKG.CorpusMerge}:
        assert cls in declared and cls in targeted
    for p in {CKG.mergedNode, CKG.mergedFrom, CKG.mergeRule}:
        assert (None, p, None) in graph and p in declared and p in paths


def test_rejected_figure_candidates_stay_in_their_conferences_graph(tmp_path, capsys):
    """A candidate is a node of one conference, as an unresolved mention is: never a shared node of the reduce."""
    folder = tmp_path / "talks"
    for n in range(2):
        write(folder, f"{n}.txt", briefing(n, date=f"May {n + 3}, 2023") + "\nThis is the 3rd pier the bureau opened.\n")
    assert run(["build", folder, "--out", tmp_path / "o", "--no-views", "-j", "1"], capsys)[0] == EXIT_OK
    store = pyoxigraph.Store()
    store.load(path=str(tmp_path / "o" / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    kind = pyoxigraph.NamedNode(str(CKG.RejectedFigureCandidate))
    candidates = {q.subject for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(str(RDF.type)), kind)}
    assert len(candidates) >= 2
    for candidate in candidates:
        graphs = {q.graph_name for q in store.quads_for_pattern(candidate, None, None)}
        assert len(graphs) == 1 and graphs != {pyoxigraph.DefaultGraph()}, (candidate, graphs)
        (conference,) = store.quads_for_pattern(candidate, pyoxigraph.NamedNode(str(CKG.inConference)), None)
        assert conference.object == conference.graph_name


def test_nquads_hold_the_same_triples_as_turtle_one_named_graph_per_conference(tmp_path, capsys):
    folder = tmp_path / "talks"
    for n in range(3):
        write(folder, f"{n}.txt", briefing(n, date=f"May {n + 3}, 2023"))
    assert run(["build", folder, "--out", tmp_path / "o", "--no-views", "-j", "1"], capsys)[0] == EXIT_OK
    store = pyoxigraph.Store()
    store.load(path=str(tmp_path / "o" / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    ttl = pyoxigraph.Store()
    ttl.load(path=str(tmp_path / "o" / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert {q.triple for q in store} == {q.triple for q in ttl}
    named = {str(g.value) for g in store.named_graphs()}
    assert named == conferences(tmp_path / "o")
    shared = [q for q in store if isinstance(q.graph_name, pyoxigraph.DefaultGraph)]
    assert shared and all("/conference/" not in q.subject.value for q in shared)


def test_record_figures_from_the_map_equal_those_read_from_the_nquads(tmp_path, capsys):
    from cyberkg.record import graph_stats
    from cyberkg.vocab import DEFAULT_BASE, VOID

    folder = tmp_path / "talks"
    for n in range(3):  # three conferences that share a bureau and a post; one fixture with figures and bodies
        write(folder, f"{n}.txt", briefing(n, date=f"May {n + 3}, 2023"))
    inputs = [folder, ENTITY_FIXTURES / "fm-regular" / "input.txt"]
    assert run(["build", *inputs, "--out", tmp_path / "o", "--no-views", "-j", "1"], capsys)[0] == EXIT_OK
    stats = graph_stats(tmp_path / "o" / "graph.nq")
    record = Graph().parse(tmp_path / "o" / "record.ttl")
    dataset = URIRef(DEFAULT_BASE + "dataset")
    assert int(record.value(dataset, VOID.triples)) == stats.triples
    assert int(record.value(dataset, VOID.distinctSubjects)) == stats.subjects
    assert int(record.value(dataset, VOID.properties)) == len(stats.predicates)
    partitions = {str(record.value(p, VOID["class"])): int(record.value(p, VOID.entities)) for p in record.objects(dataset, VOID.classPartition)}
    assert partitions == dict(stats.classes)


# ---------------------------------------------------------------- jobs, order and cache


def test_output_is_byte_identical_for_any_jobs_and_input_order(tmp_path, capsys):
    inputs = [FIXTURES / "roster-blocks" / "input.txt", FIXTURES / "roster-mixed" / "input.txt", ENTITY_FIXTURES / "fm-regular" / "input.txt"]
    inputs += [write(tmp_path / "talks", f"{n}.txt", briefing(n, date=f"May {n + 3}, 2023")) for n in range(3)]
    results = []
    for n, (jobs, order) in enumerate(((1, inputs), (2, inputs[::-1]), (2, inputs[2:] + inputs[:2]))):
        out = tmp_path / f"o{n}"
        code, stdout, err = run(["build", *order, "--out", out, "--no-views", "-j", jobs, "--no-cache"], capsys)
        assert code in (0, 1), stdout + err
        results.append(tuple((out / name).read_bytes() for name in ("graph.ttl", "graph.nq", "validation.ttl")))
    assert results[0] == results[1] == results[2]


def test_rebuild_after_one_change_maps_only_that_conference(tmp_path):
    folder = tmp_path / "talks"
    files = [write(folder, f"{n}.txt", briefing(n, date=f"May {n + 3}, 2023")) for n in range(4)]
    first = build([folder], out=tmp_path / "o", views=False)
    assert first.mapped == 4 and (tmp_path / "o" / ".cyberkg-cache").is_dir()
    again = build([folder], out=tmp_path / "o", views=False)
    assert again.mapped == 0
    files[2].write_text(briefing(2, date="May 5, 2023").replace("pier", "berth"), encoding="utf-8")
    third = build([folder], out=tmp_path / "o", views=False)
    assert third.mapped == 1
    fresh = build([folder], out=tmp_path / "fresh", views=False, use_cache=False)
    assert (tmp_path / "o" / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()
    assert not (tmp_path / "fresh" / ".cyberkg-cache").exists() and fresh.mapped == 4


def test_cache_option_puts_the_cache_elsewhere(tmp_path):
    build([], out=tmp_path / "o", views=False, cache=tmp_path / "c")
    assert any((tmp_path / "c").rglob("*.pickle")) and not (tmp_path / "o" / ".cyberkg-cache").exists()


@pytest.mark.skipif(not os.environ.get("CYBERKG_DASK_SCHEDULER"), reason="needs the Dask scheduler and worker that .ci/run starts")
def test_dask_build_is_byte_identical_to_the_local_one(tmp_path):
    inputs = [FIXTURES / "roster-blocks" / "input.txt", ENTITY_FIXTURES / "fm-regular" / "input.txt", *(MULTIPAGE / p for p in ("input.txt", "page2.txt"))]
    build(inputs, out=tmp_path / "local", views=False, jobs=1, use_cache=False)
    build(inputs, out=tmp_path / "dask", views=False, scheduler=os.environ["CYBERKG_DASK_SCHEDULER"], use_cache=False)
    for name in ("graph.ttl", "graph.nq", "validation.ttl"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name


# ---------------------------------------------------------------- rejected inputs


def test_one_bad_transcript_does_not_sink_the_corpus(tmp_path, capsys):
    folder = tmp_path / "talks"
    for n in range(2):
        write(folder, f"{n}.txt", briefing(n, date=f"May {n + 3}, 2023"))
    write(folder, "prose.txt", "No speakers here.\n")
    code, out, err = run(["build", folder, "--out", tmp_path / "o", "--no-views", "-j", "2"], capsys)
    assert code == EXIT_REJECTED, out + err
    assert "Rejected: 1 input(s)" in out and "prose.txt: holds a headline but no transcript text" in out
    assert len(conferences(tmp_path / "o")) == 2


def test_a_transcript_that_trips_a_bug_is_rejected_with_the_reason(tmp_path, capsys, monkeypatch):
    import importlib

    resolve_module = importlib.import_module("cyberkg.resolve")
    real = resolve_module.resolve

    def fragile(pages, **options):
        if "pier number 2." in pages[0].text:
            raise ValueError("invented failure")
        return real(pages, **options)

    monkeypatch.setattr(resolve_module, "resolve", fragile)
    folder = tmp_path / "talks"
    for n in range(3):
        write(folder, f"{n}.txt", briefing(n, date=f"May {n + 3}, 2023"))
    code, out, _ = run(["build", folder, "--out", tmp_path / "o", "--no-views", "-j", "1"], capsys)
    assert code == EXIT_REJECTED and "1.txt: internal error while building it (ValueError: invented failure)" in out
    assert len(conferences(tmp_path / "o")) == 2


def test_a_bad_transcript_alone_exits_2_and_writes_nothing(tmp_path, capsys):
    bad = write(tmp_path, "prose.txt", "No speakers here.\n")
    code, _, err = run(["build", bad, "--out", tmp_path / "o"], capsys)
    assert code == EXIT_USAGE and err.count("\n") == 1 and "prose.txt: holds a headline but no transcript text" in err
    assert not (tmp_path / "o").exists()


# ---------------------------------------------------------------- progress


def test_progress_is_logged_on_stderr_unless_quiet(tmp_path, capsys):
    folder = tmp_path / "talks"
    for n in range(3):
        write(folder, f"{n}.txt", briefing(n, date=f"May {n + 3}, 2023"))
    code, _, err = run(["build", folder, "--out", tmp_path / "o", "--no-views", "-j", "1"], capsys)
    assert code == EXIT_OK and "cyberkg: 3/3 conferences" in err
    code, out, err = run(["build", folder, "--out", tmp_path / "q", "--no-views", "-j", "1", "--quiet"], capsys)
    assert code == EXIT_OK and out == "" and err == ""


# ---------------------------------------------------------------- write safety


@pytest.mark.parametrize(
    "make_out",
    [
        lambda d: Path("/proc/cyberkg-test/out"),
        lambda d: write(d, "a-file", "x") / "out",
    ],
    ids=["proc", "under-a-file"],
)
def test_unwritable_out_gives_one_line_and_exit_4(tmp_path, capsys, make_out):
    out = make_out(tmp_path)
    code, _, err = run(["build", "--out", out, "--no-views"], capsys)
    assert code == EXIT_WRITE and err.count("\n") == 1 and err.startswith("cyberkg: error: cannot write")
    assert "Traceback" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_out_gives_exit_4(tmp_path, capsys):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        code, _, err = run(["build", "--out", out, "--no-views"], capsys)
    finally:
        out.chmod(0o755)
    assert code == EXIT_WRITE and err.count("\n") == 1


def test_views_existing_as_a_file_gives_exit_4_and_moves_nothing(tmp_path, capsys):
    out = tmp_path / "o"
    write(out, "views", "not a folder")
    code, _, err = run(["build", "--out", out], capsys)
    assert code == EXIT_WRITE and err.count("\n") == 1 and "views" in err
    assert not (out / "graph.ttl").exists() and not no_temporaries(out)


def test_full_disk_gives_exit_4_and_keeps_the_previous_build(tmp_path, capsys, monkeypatch):
    out = tmp_path / "o"
    assert run(["build", "--out", out, "--no-views"], capsys)[0] == EXIT_OK
    before = (out / "graph.ttl").read_bytes()

    class FullDisk:
        def __init__(self, path, mode):
            self.fh = open(path, mode)  # noqa: SIM115 - closed in __exit__

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(outputs_module, "open", FullDisk, raising=False)
    code, _, err = run(["build", FIXTURES / "roster-blocks" / "input.txt", "--out", out, "--no-views"], capsys)
    assert code == EXIT_WRITE and err.count("\n") == 1 and "No space left on device" in err
    assert (out / "graph.ttl").read_bytes() == before and not no_temporaries(out)


def test_rebuild_without_views_leaves_no_stale_views(tmp_path, capsys):
    out = tmp_path / "o"
    assert run(["build", "--out", out], capsys)[0] == EXIT_OK
    assert (out / "views" / "explorer.html").is_file()
    assert run(["build", "--out", out, "--no-views"], capsys)[0] == EXIT_OK
    assert not (out / "views").exists() and not no_temporaries(out)


def test_failing_graphviz_skips_the_picture_with_a_note(tmp_path, capsys, monkeypatch):
    bin_dir = tmp_path / "bin"
    dot = write(bin_dir, "dot", "#!/bin/sh\necho 'dot: invented crash' >&2\nexit 3\n")
    dot.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    code, out, err = run(["build", "--out", tmp_path / "o"], capsys)
    assert code == EXIT_OK, err
    assert "Note: skipped orgchart.svg" in out and "invented crash" in out
    assert not (tmp_path / "o" / "views" / "orgchart.svg").exists()
    assert (tmp_path / "o" / "views" / "explorer.html").is_file()


def _cli(*args: object) -> list[str]:
    return [sys.executable, "-m", "cyberkg.cli", "build", *map(str, args)]


def test_sigterm_leaves_no_temporary(tmp_path):
    folder = tmp_path / "talks"
    for n in range(8):
        write(folder, f"{n}.txt", briefing(n, date=f"May {n + 3}, 2023"))
    out = tmp_path / "o"
    proc = subprocess.Popen(_cli(folder, "--out", out, "--no-views", "-j", "1", "-q"), stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and not list((out / ".cyberkg-cache").rglob("*.pickle")):
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, 128 + signal.SIGTERM), err
    assert b"Traceback" not in err
    assert not no_temporaries(tmp_path)


def test_staggered_builds_into_one_folder_do_not_mix(tmp_path):
    out = tmp_path / "o"
    first = subprocess.Popen(_cli("--out", out, "-q", "-j", "1"))
    time.sleep(0.3)
    second = subprocess.Popen(_cli(FIXTURES / "roster-blocks" / "input.txt", "--out", out, "-q", "-j", "1"))
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0
    graph = Graph().parse(out / "graph.ttl")
    nq = pyoxigraph.Store()
    nq.load(path=str(out / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    assert len(nq) == len(graph)
    iris = {str(s) for s in graph.subjects()}
    graphml = (out / "views" / "entities.graphml").read_text(encoding="utf-8")
    ids = [line.split('id="', 1)[1].split('"', 1)[0] for line in graphml.splitlines() if "<node id=" in line]
    assert ids and all(i in iris for i in ids)
    assert not no_temporaries(out)


def test_help_tells_where_the_cache_is_and_the_exit_codes(capsys):
    code, out, _ = run(["build", "--help"], capsys)
    assert code == 0 and ".cyberkg-cache" in out and "--jobs" in out and "--scheduler" in out
    assert "3 when" in out and "4 when" in out



def test_shapes_that_span_conferences_run_on_the_merged_nodes():
    from cyberkg.corpus import SharedTable, merge_shared, validate_merged
    from cyberkg.vocab import ORG

    base = "https://example.org/id/"
    x, y = f"{base}org/x", f"{base}org/y"
    label = str(SKOS.prefLabel)

    def body(node, name, parent):
        return [(node, str(RDF.type), str(ORG.Organization)), (node, str(RDF.type), str(ORG.OrganizationalUnit)),
                (node, label, (name, "", "")), (node, str(ORG.unitOf), parent)]

    table = SharedTable()
    table.add(f"{base}conference/a", body(x, "Office X", y) + [(y, str(RDF.type), str(ORG.Organization)), (y, label, ("Office Y", "", ""))])
    table.add(f"{base}conference/b", body(y, "office Y", x) + [(x, str(RDF.type), str(ORG.Organization)), (x, label, ("Office X", "", ""))])
    merged = merge_shared(table, base)
    assert merged.merged_nodes == {x, y} and merged.relabelled == 1
    report = validate_merged(merged)
    assert not report.conforms  # each conference alone is fine; together the bodies are units of each other
    assert {r.focus for r in report.violations} <= {x, y} and any("unit of itself" in r.message for r in report.violations)


def test_label_results_on_shared_nodes_are_decided_again_after_the_merge():
    from cyberkg.corpus import reconciled_results, restore_quotes
    from cyberkg.validate import Severity, ValidationReport, ValidationResult

    base = "https://example.org/id/"
    label = str(SKOS.prefLabel)
    shared = ValidationResult(f"{base}org/x", label, "one label", "s", Severity.VIOLATION, None, "Office X")
    local = ValidationResult(f"{base}conference/c/turn/1", str(CKG.order), "order", "s", Severity.VIOLATION, None, None)
    kept, aside = reconciled_results([ValidationReport(False, (shared, local))], base)
    assert aside == [shared] and kept[0].results == (local,) and not kept[0].conforms
    found_again = ValidationReport(False, (ValidationResult(shared.focus, label, "one label", "s", Severity.VIOLATION, None, None),))
    assert restore_quotes(found_again, aside).results[0].quote == "Office X"


def test_transcript_over_the_size_limit_is_rejected_unread_with_the_option_to_raise_it(tmp_path, capsys):
    folder = tmp_path / "talks"
    write(folder, "small.txt", briefing(1, date="May 3, 2023"))
    write(folder, "large.txt", briefing(2, date="May 4, 2023") + "Xinhua News Agency:\n\nWhy?\n\n" * 2000)
    code, out, err = run(["build", folder / "large.txt", "--out", tmp_path / "o", "--no-views", "--max-transcript-mb", "0.01"], capsys)
    assert code == EXIT_USAGE and not (tmp_path / "o").exists()
    assert err.count("\n") == 1 and "large.txt: is larger than the 0.01 MB" in err and "--max-transcript-mb" in err
    code, out, err = run(["build", folder, "--out", tmp_path / "o", "--no-views", "--max-transcript-mb", "0.01"], capsys)
    assert code == EXIT_REJECTED and "large.txt: is larger than the 0.01 MB" in out
    assert len(conferences(tmp_path / "o")) == 1
    code, out, err = run(["build", folder, "--out", tmp_path / "o2", "--no-views"], capsys)
    assert code == EXIT_OK and len(conferences(tmp_path / "o2")) == 2


@pytest.mark.parametrize("batch", [1, 7])
def test_merged_nodes_validated_in_batches_give_the_results_of_one_graph(batch):
    """Batching the reduce's validation (to bound its memory) must not change a single result."""
    from dataclasses import replace

    from cyberkg.corpus import Page, Settings, SharedTable, map_conference, merge_shared, validate_merged
    from cyberkg.vocab import ORG, SCHEMA

    base = "https://example.org/id/"
    table = SharedTable()
    for n in range(8):
        text = briefing(n % 3, date=f"May {n + 1}, 2023", post=("director general", "deputy director general")[n % 2])
        result = map_conference([Page(f"b{n}.txt", f"b{n}.txt", text.encode())], Settings(base))
        table.add(result.iri, result.shared)
    merged = merge_shared(table, base)
    people = sorted(s for s, p, o in merged.triples if p == str(RDF.type) and o == str(SCHEMA.Person) and s in merged.merged_nodes)
    bodies = sorted(s for s, p, o in merged.triples if p == str(RDF.type) and o == str(ORG.Organization) and s in merged.merged_nodes)
    assert len(people) >= 2 and bodies
    # Break it where a shape reads more than one node: a second name, a cycle of units through a node no merge
    # touched, a post held twice.
    posts = sorted({o for s, p, o in merged.triples if p == str(ORG.holds) and s in people})
    broken = merged.triples + (
        (people[0], str(SCHEMA.name), ("Another Name", "", "")),
        (bodies[0], str(ORG.unitOf), f"{base}org/elsewhere"),
        (f"{base}org/elsewhere", str(ORG.unitOf), bodies[0]),
        (people[1], str(ORG.holds), posts[0]),
    )
    merged = replace(merged, triples=broken)
    whole = validate_merged(merged, batch_triples=10**9)
    batched = validate_merged(merged, batch_triples=batch)
    found = {(r.focus, r.message) for r in whole.violations}
    assert (bodies[0], "A body cannot be a unit of itself, directly or through its parents.") in found
    assert (posts[0], "A post is held by exactly one person.") in found
    assert any(focus == people[0] and "one name" in message for focus, message in found)
    assert batched.results == whole.results


def test_one_job_maps_a_long_corpus_in_a_worker_that_is_replaced(tmp_path):
    """With -j 1 the build's own heap must not grow with the corpus: past one worker's share, the map leaves the process."""
    from cyberkg.corpus import TASKS_PER_WORKER, _run

    def pids(calls: int, *, isolate: bool) -> set[int]:
        seen: dict[int, int] = {}
        _run(os.getpid, [()] * calls, {}, jobs=1, scheduler=None, finish=seen.__setitem__, isolate=isolate)
        assert sorted(seen) == list(range(calls))
        return set(seen.values())

    assert pids(TASKS_PER_WORKER, isolate=True) == {os.getpid()}  # a small build stays here: no process to start
    assert pids(TASKS_PER_WORKER + 1, isolate=False) == {os.getpid()}  # the scan of pages is cheap and stays here
    workers = pids(2 * TASKS_PER_WORKER + 1, isolate=True)
    assert os.getpid() not in workers and len(workers) == 3  # one worker at a time, replaced after its share
    folder = tmp_path / "talks"
    for n in range(TASKS_PER_WORKER + 2):
        write(folder, f"{n}.txt", briefing(n, date=f"May {n + 1}, 2023"))
    one = build([folder], out=tmp_path / "one", views=False, jobs=1, use_cache=False)
    two = build([folder], out=tmp_path / "two", views=False, jobs=2, use_cache=False)
    assert one.mapped == two.mapped == TASKS_PER_WORKER + 2
    for name in ("graph.ttl", "graph.nq", "validation.ttl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_record_gives_the_size_and_digest_of_every_file_as_written(tmp_path):
    """The digests are taken while the files are written: they must equal the files on disk."""
    import hashlib

    from cyberkg.vocab import DCAT, RDFS

    folder = tmp_path / "talks"
    for n in range(3):
        write(folder, f"{n}.txt", briefing(n, date=f"May {n + 1}, 2023"))
    build([folder], out=tmp_path / "o", views=True, formats=("nt", "trig", "jsonld"))
    record = Graph().parse(tmp_path / "o" / "record.ttl", format="turtle")
    dists = list(record.subjects(RDF.type, DCAT.Distribution))
    assert len(dists) >= 7  # graph.ttl, graph.nq, three syntaxes, validation.ttl, views
    for dist in dists:
        data = (tmp_path / "o" / str(record.value(dist, RDFS.label))).read_bytes()
        assert int(record.value(dist, DCAT.byteSize)) == len(data)
        assert str(record.value(dist, CKG.sha256)) == hashlib.sha256(data).hexdigest()
