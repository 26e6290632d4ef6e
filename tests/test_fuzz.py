"""Fuzzing the whole build (issue 11, item 8): generated transcripts in, parseable conforming outputs out.

The default run is short and derandomized, so CI is deterministic. A long run
sits behind an environment variable:

    CYBERKG_FUZZ_EXAMPLES=10000 python -m pytest -q tests/test_fuzz.py -p no:cacheprovider

It then draws that many cases per test, with a random seed (pass
``--hypothesis-seed=N`` to split the run into several of different seeds).
"""

from __future__ import annotations

import os
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph

from cyberkg.errors import CyberkgError
from cyberkg.parse import decode
from cyberkg.pipeline import build
from cyberkg.vocab import CKG, OA, RDF

from .strategies import transcripts

LONG = int(os.environ.get("CYBERKG_FUZZ_EXAMPLES", "0") or 0)
_common = dict(deadline=None, suppress_health_check=list(HealthCheck), print_blob=True)
settings.register_profile("fuzz-short", max_examples=40, derandomize=True, database=None, **_common)
settings.register_profile("fuzz-long", max_examples=max(LONG, 1), derandomize=False, **_common)
PROFILE = settings.get_profile("fuzz-long" if LONG else "fuzz-short")
# Views (layouts, explorer) cost most of a build: the long run draws them on one case in VIEWS_EVERY.
VIEWS_EVERY = int(os.environ.get("CYBERKG_FUZZ_VIEWS_EVERY", "5")) if LONG else 1


def _build(data: bytes, out: Path, *, views: bool):
    source = out.parent / "talk.txt"
    source.write_bytes(data)
    try:
        return build([source], out=out, views=views, use_cache=False)
    except CyberkgError:
        return None


def _evidence_quotes_equal_the_source(graph: Graph, text: str) -> int:
    checked = 0
    for ev in graph.subjects(RDF.type, CKG.Evidence):
        selectors = list(graph.objects(ev, OA.hasSelector))
        start = next(int(graph.value(s, OA.start)) for s in selectors if graph.value(s, OA.start) is not None)
        end = next(int(graph.value(s, OA.end)) for s in selectors if graph.value(s, OA.end) is not None)
        exact = next(str(graph.value(s, OA.exact)) for s in selectors if graph.value(s, OA.exact) is not None)
        assert text[start:end] == exact, (ev, start, end, exact)
        checked += 1
    return checked


def check_outputs(out: Path, text: str, *, views: bool) -> None:
    """Every file the build wrote parses, in every parser that reads it; quotes equal the source."""
    ttl, nq = out / "graph.ttl", out / "graph.nq"
    graph = Graph().parse(ttl, format="turtle")
    Dataset().parse(nq, format="nquads")
    for path, fmt in ((ttl, pyoxigraph.RdfFormat.TURTLE), (nq, pyoxigraph.RdfFormat.N_QUADS)):
        list(pyoxigraph.parse(path=str(path), format=fmt))
    Graph().parse(out / "validation.ttl", format="turtle")
    _evidence_quotes_equal_the_source(graph, text)
    folder = out / "views"
    if not views:
        assert not folder.exists()
        return
    assert (folder / "explorer.html").is_file()
    for path in sorted(folder.iterdir()):
        if path.suffix == ".graphml":
            ET.parse(path)
            nx.read_graphml(path)
        elif path.suffix == ".gexf":
            ET.parse(path)
            nx.read_gexf(path)


@PROFILE
@given(transcripts(), st.integers(0, max(VIEWS_EVERY - 1, 0)))
def test_build_of_any_transcript_writes_parseable_conforming_outputs(text, draw_views):
    views = draw_views == 0
    data = text.encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory(prefix="cyberkg-fuzz-") as tmp:
        out = Path(tmp) / "out"
        result = _build(data, out, views=views)
        if result is None:
            assert not out.exists() or not any(out.iterdir())
            return
        assert result.conforms, [r for r in result.report.results][:3]
        check_outputs(out, decode(data, where="talk.txt"), views=views)


@settings(PROFILE, max_examples=max(PROFILE.max_examples // 8, 5))
@given(transcripts())
def test_same_transcript_builds_byte_identical_outputs(text):
    data = text.encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory(prefix="cyberkg-fuzz-") as tmp:
        first, second = Path(tmp) / "a" / "out", Path(tmp) / "b" / "out"
        first.parent.mkdir()
        second.parent.mkdir()
        if _build(data, first, views=False) is None:
            assert _build(data, second, views=False) is None
            return
        assert _build(data, second, views=False) is not None
        names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
        assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
        for name in names:
            assert (first / name).read_bytes() == (second / name).read_bytes(), name
