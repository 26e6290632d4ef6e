"""The record of a build: VoID and DCAT for the data set, PROV for the build; deterministic."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, datetime

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from cyberkg.export.rdf import serialize
from cyberkg.record import RecordedInput, build_record, build_time_from_env
from cyberkg.resources import SAMPLE, ontology_files, shapes_files
from cyberkg.vocab import CKG, DCAT, DEFAULT_BASE, PROV, RDF, VOID, XSD

SETTINGS = {"base": DEFAULT_BASE, "one_conference": "false"}


@pytest.fixture(scope="module")
def record(sample_build, sample_transcript):
    _, graph = sample_build
    files = {"graph.ttl": serialize(graph)}
    inputs = [RecordedInput(SAMPLE, sample_transcript.source.sha256)]
    return graph, files, inputs, build_record(graph, base=DEFAULT_BASE, inputs=inputs, settings=SETTINGS, files=files)


def _ask(graph, sparql: str) -> bool:
    store = ox.Store()
    store.load(serialize(graph), format=ox.RdfFormat.TURTLE)
    return bool(store.query(sparql, prefixes={"void": str(VOID), "dcat": str(DCAT), "prov": str(PROV), "ckg": str(CKG)}))


def test_record_is_the_same_bytes_every_time_and_has_no_clock(record):
    graph, files, inputs, first = record
    again = build_record(graph, base=DEFAULT_BASE, inputs=inputs, settings=dict(reversed(SETTINGS.items())), files=files)
    assert serialize(first) == serialize(again)
    assert (None, PROV.startedAtTime, None) not in first
    assert not any(isinstance(term, BNode) for triple in first for term in triple)


def test_record_counts_every_class_of_the_graph(record):
    graph, _, _, rec = record
    counts = Counter(graph.objects(None, RDF.type))
    partitions = {rec.value(p, VOID["class"]): int(rec.value(p, VOID.entities)) for p in rec.objects(None, VOID.classPartition)}
    assert partitions == dict(counts)
    dataset = URIRef(DEFAULT_BASE + "dataset")
    assert int(rec.value(dataset, VOID.triples)) == len(graph)
    assert (dataset, RDF.type, DCAT.Dataset) in rec and (dataset, RDF.type, VOID.Dataset) in rec


def test_record_names_inputs_files_ontology_and_shapes_with_digests(record):
    _, files, inputs, rec = record
    build = rec.value(URIRef(DEFAULT_BASE + "dataset"), PROV.wasGeneratedBy)
    used = set(rec.objects(build, PROV.used))
    digests = {str(rec.value(u, CKG.sha256)) for u in used}
    assert inputs[0].sha256 in digests
    for file in (*ontology_files(), *shapes_files()):
        assert hashlib.sha256(file.read_bytes()).hexdigest() in digests, file.name
    (dist,) = rec.objects(None, DCAT.distribution)
    assert str(rec.value(dist, CKG.sha256)) == hashlib.sha256(files["graph.ttl"]).hexdigest()
    assert int(rec.value(dist, DCAT.byteSize)) == len(files["graph.ttl"])
    assert _ask(rec, "ASK { ?b a prov:Activity ; prov:wasAssociatedWith [ a prov:SoftwareAgent ] ; ckg:setting [ ckg:settingName 'base' ] }")
    assert _ask(rec, "ASK { ?o prov:specializationOf <https://w3id.org/cyberkg/ontology> ; <http://www.w3.org/2002/07/owl#versionInfo> ?v }")


def test_build_time_only_when_injected(record):
    graph, files, inputs, _ = record
    when = build_time_from_env({"SOURCE_DATE_EPOCH": "1660867200"})
    rec = build_record(graph, base=DEFAULT_BASE, inputs=inputs, settings=SETTINGS, files=files, build_time=when)
    assert set(rec.objects(None, PROV.startedAtTime)) == {Literal("2022-08-19T00:00:00Z", datatype=XSD.dateTime, normalize=False)}
    with pytest.raises(ValueError):
        build_record(graph, base=DEFAULT_BASE, inputs=inputs, settings=SETTINGS, build_time=datetime(2022, 8, 19))
    with pytest.raises(ValueError):
        build_time_from_env({"SOURCE_DATE_EPOCH": "yesterday"})
    assert build_time_from_env({"SOURCE_DATE_EPOCH": "0"}) == datetime(1970, 1, 1, tzinfo=UTC)


def test_recorded_input_checks_its_digest():
    with pytest.raises(ValueError, match="SHA-256"):
        RecordedInput("a.txt", "not-a-digest")


def test_record_terms_are_declared(record):
    from cyberkg.validate import load_ontology

    from .test_rdf_graph import _vocabularies

    rec = record[3]
    declared = set(load_ontology().subjects()) | set(_vocabularies().subjects())
    ours = {t for triple in rec for t in (triple[1], triple[2] if triple[1] == RDF.type else None) if t is not None and str(t).startswith(str(CKG))}
    assert ours and ours <= declared
