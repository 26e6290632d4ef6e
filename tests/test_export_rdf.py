"""Every RDF syntax cyberkg writes: deterministic, and the same graph in rdflib and pyoxigraph."""

from __future__ import annotations

import json
import random

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from cyberkg.export.rdf import (
    DATASET_FORMATS,
    FORMATS,
    jsonld_context,
    nquads_graph,
    serialize,
    serialize_dataset,
    trig_graph,
    trig_header,
    trig_prefixes,
)
from cyberkg.parse import read_transcript
from cyberkg.pipeline import build_graph
from cyberkg.rdf import conference_graphs, split_by_conference
from cyberkg.vocab import DEFAULT_BASE, PREFIXES, RDFS

from .conftest import ENTITY_FIXTURES

RDFLIB = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld", "nquads": "nquads", "trig": "trig"}
OXIGRAPH = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}


@pytest.fixture(scope="module")
def two_conferences(sample_transcript):
    """The sample and a Foreign Ministry fixture: two conferences that share nothing but vocabulary."""
    fm = read_transcript(ENTITY_FIXTURES / "fm-regular" / "input.txt")
    conferences, graph = build_graph([sample_transcript, fm])
    # A literal with a line break, as a turn label or quote may hold.
    graph.add((URIRef(DEFAULT_BASE + "x"), RDFS.label, Literal('two\nlines "quoted" \\ back')))
    parts = list(conference_graphs(conferences, base=DEFAULT_BASE))
    parts[0][1].add((URIRef(DEFAULT_BASE + "x"), RDFS.label, Literal('two\nlines "quoted" \\ back')))
    return graph, parts


def _oxigraph_triples(data: bytes, fmt: str) -> Graph:
    """What pyoxigraph's parser reads, as an rdflib graph (graph names dropped), through N-Triples.

    The parser, not a Store: a Store keeps one of "1"^^xsd:nonNegativeInteger and 1
    on the same subject and predicate, as equal values.
    """
    quads = list(ox.parse(data, format=OXIGRAPH[fmt]))
    nt = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=nt.decode("utf-8"), format="nt")


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_graph_syntax_is_the_same_graph_in_rdflib_and_pyoxigraph(two_conferences, fmt):
    graph, _ = two_conferences
    data = serialize(graph, fmt)
    assert isomorphic(Graph().parse(data=data, format=RDFLIB[fmt]), graph)
    assert isomorphic(_oxigraph_triples(data, fmt), graph)


@pytest.mark.parametrize("fmt", DATASET_FORMATS)
def test_each_quad_syntax_has_one_named_graph_per_conference_whose_union_is_the_graph(two_conferences, fmt):
    graph, parts = two_conferences
    data = serialize_dataset(parts, fmt)
    dataset = Dataset()
    dataset.parse(data=data, format=RDFLIB[fmt])
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {name for name, _ in parts}
    for name, part in parts:
        assert isomorphic(dataset.graph(name), part)
    union = Graph()
    for quad in dataset.quads((None, None, None, None)):
        union.add(quad[:3])
    assert isomorphic(union, graph)
    assert isomorphic(_oxigraph_triples(data, fmt), graph)
    store = ox.Store()
    store.load(data, format=OXIGRAPH[fmt])
    assert {g.value for g in store.named_graphs()} == {str(name) for name, _ in parts}


@pytest.mark.parametrize("fmt", [*FORMATS, *DATASET_FORMATS])
def test_every_syntax_is_the_same_bytes_whatever_the_order_triples_were_added(two_conferences, fmt):
    graph, parts = two_conferences

    def shuffled(g: Graph, seed: int) -> Graph:
        triples = list(g)
        random.Random(seed).shuffle(triples)
        copy = Graph(bind_namespaces="none")
        for prefix, ns in g.namespaces():
            copy.bind(prefix, ns)
        for triple in triples:
            copy.add(triple)
        return copy

    if fmt in FORMATS:
        assert serialize(shuffled(graph, 1), fmt) == serialize(shuffled(graph, 2), fmt) == serialize(graph, fmt)
    else:
        once = serialize_dataset([(n, shuffled(g, 1)) for n, g in parts], fmt)
        assert once == serialize_dataset([(n, shuffled(g, 2)) for n, g in parts], fmt)


def test_streaming_pieces_concatenate_to_the_whole_file(two_conferences):
    _, parts = two_conferences
    assert b"".join(nquads_graph(n, g) for n, g in parts) == serialize_dataset(parts, "nquads")
    prefixes = trig_prefixes(DEFAULT_BASE)
    streamed = trig_header(prefixes) + b"".join(trig_graph(n, g, prefixes) for n, g in parts)
    assert streamed == serialize_dataset(parts, "trig")


def test_split_by_conference_recovers_the_named_graphs(two_conferences):
    graph, parts = two_conferences
    extra = URIRef(DEFAULT_BASE + "x")  # the fixture's extra node belongs to no conference
    split = dict(split_by_conference(graph))
    assert len(split) == len(parts) == 2
    for name, part in parts:
        expected = Graph()
        for triple in part:
            if triple[0] != extra:
                expected.add(triple)
        assert isomorphic(split[name], expected)


def test_jsonld_uses_the_context_shipped_in_the_package(two_conferences):
    assert jsonld_context() == {p: str(ns) for p, ns in PREFIXES}
    document = json.loads(serialize(two_conferences[0], "json-ld"))
    assert {k: v for k, v in document["@context"].items() if k != "id"} == jsonld_context()
    assert document["@context"]["id"] == DEFAULT_BASE
    assert any(key.startswith("ckg:") for node in document["@graph"] for key in node)


def test_unknown_syntax_is_refused(two_conferences):
    with pytest.raises(ValueError, match="unknown RDF syntax"):
        serialize(two_conferences[0], "nquads")
    with pytest.raises(ValueError, match="unknown RDF syntax"):
        serialize_dataset(two_conferences[1], "turtle")


# Every character pyoxigraph escapes in an N-Quads string, and neighbours it does not.
_AWKWARD = "".join(chr(i) for i in range(0x80)) + "\x85\xa0\u2028\u2029\ufeff\ufffd\ufffe\uffff\U0001f600 é"


@pytest.mark.parametrize("graph_iri", ["https://x.org/id/conference/a", None])
def test_chunk_nquads_are_the_bytes_pyoxigraph_writes(graph_iri):
    from cyberkg.export.chunks import nquads

    xsd = "http://www.w3.org/2001/XMLSchema#"
    triples = [
        ("https://x.org/id/b", "http://schema.org/name", (_AWKWARD, "", "")),
        ("https://x.org/id/b", "http://schema.org/name", ("plain", "", xsd + "string")),
        ("https://x.org/id/a", "http://www.w3.org/2000/01/rdf-schema#label", ("quote \" and \\ back", "en", "")),
        ("https://x.org/id/a", "https://x.org/p", ("42", "", xsd + "integer")),
        ("https://x.org/id/a", "https://x.org/p", "https://x.org/id/b"),
        ("https://x.org/id/a", "https://x.org/p", ("2024-01-02", "", xsd + "date")),
    ]
    graph = ox.NamedNode(graph_iri) if graph_iri else ox.DefaultGraph()

    def node(term):
        if isinstance(term, str):
            return ox.NamedNode(term)
        lexical, language, datatype = term
        if language:
            return ox.Literal(lexical, language=language)
        return ox.Literal(lexical, datatype=ox.NamedNode(datatype) if datatype else None)

    ordered = sorted(triples, key=lambda t: (t[0], t[1], t[2] if isinstance(t[2], str) else "\x00".join(t[2])))
    expected = ox.serialize([ox.Quad(node(s), node(p), node(o), graph) for s, p, o in ordered], format=ox.RdfFormat.N_QUADS)
    assert nquads(reversed(triples), graph_iri).encode("utf-8") == expected
    assert nquads([], graph_iri) == ""
