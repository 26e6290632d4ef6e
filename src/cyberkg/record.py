"""A record of each build, as RDF: what the data set holds (VoID, DCAT) and how it was made (PROV).

:func:`build_record` describes one build:

* the data set (``void:Dataset`` and ``dcat:Dataset``): triples, subjects,
  properties, a class partition with the count of each class, the
  vocabularies used, the instance namespace, and a ``dcat:Distribution`` for
  each output file given, with its media type, size and SHA-256;
* the build (a ``prov:Activity``), which used each input transcript (the same
  IRI as the ``ckg:Transcript`` in the graph, with its SHA-256) and each
  ontology and shapes file (with its version and SHA-256), under the settings
  given, and was run by cyberkg at its version (a ``prov:SoftwareAgent``).

The record is deterministic: the build's IRI is a digest of the tool
version, settings and inputs, and no clock is read. A time is written only
when given (``build_time``); :func:`build_time_from_env` reads the
reproducible-builds convention ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from . import __version__
from .ids import Minter, slug
from .rdf import new_graph
from .resources import ontology_files, shapes_files
from .vocab import CKG, DCAT, DCTERMS, OWL, PROV, RDF, RDFS, SCHEMA, VOID, XSD

#: Media types of the files a build writes, by suffix (IANA registrations).
MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".jsonld": "application/ld+json",
    ".graphml": "application/xml",
    ".gexf": "application/xml",
    ".json": "application/json",
    ".html": "text/html",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".dot": "text/vnd.graphviz",
}

_RDF_TYPE = str(RDF.type)
_ONTOLOGY = URIRef("https://w3id.org/cyberkg/ontology")
_SOFTWARE = URIRef("https://w3id.org/cyberkg/software/cyberkg")


@dataclass(frozen=True, slots=True)
class GraphStats:
    """What VoID says of a graph: its size, and the count of each class."""

    triples: int
    subjects: int
    predicates: tuple[str, ...]  # sorted
    classes: tuple[tuple[str, int], ...]  # (class IRI, instances), sorted

    @classmethod
    def of(cls, graph: Graph) -> GraphStats:
        counts = Counter(str(o) for o in graph.objects(None, RDF.type))
        return cls(len(graph), len(set(graph.subjects())), tuple(sorted({str(p) for p in graph.predicates()})), tuple(sorted(counts.items())))


def graph_stats(path: Path) -> GraphStats:
    """The :class:`GraphStats` of an N-Quads file, read as a stream (the graph is never held).

    Every quad is counted as a triple: a cyberkg build writes each triple in one graph only.
    """
    import pyoxigraph as ox

    subjects: set[str] = set()
    predicates: set[str] = set()
    counts: Counter = Counter()
    triples = 0
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        triples += 1
        subjects.add(quad.subject.value)
        predicates.add(quad.predicate.value)
        if quad.predicate.value == _RDF_TYPE:
            counts[quad.object.value] += 1
    return GraphStats(triples, len(subjects), tuple(sorted(predicates)), tuple(sorted(counts.items())))


@dataclass(frozen=True, slots=True)
class FileFacts:
    """A file's size in bytes and SHA-256."""

    size: int
    sha256: str

    @classmethod
    def of(cls, data: bytes) -> FileFacts:
        return cls(len(data), hashlib.sha256(data).hexdigest())


@dataclass(frozen=True, slots=True)
class RecordedInput:
    """An input transcript: its file name and the SHA-256 of its text (as in the graph)."""

    name: str
    sha256: str

    def __post_init__(self) -> None:
        if len(self.sha256) != 64 or any(c not in "0123456789abcdef" for c in self.sha256):
            raise ValueError(f"a SHA-256 is 64 lower-case hex digits, got {self.sha256!r}")


def build_time_from_env(environ: Mapping[str, str]) -> datetime | None:
    """The build time set by ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC), or None.

    >>> build_time_from_env({"SOURCE_DATE_EPOCH": "1660867200"}).isoformat()
    '2022-08-19T00:00:00+00:00'
    >>> build_time_from_env({}) is None
    True
    """
    value = environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return None
    if not value.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, got {value!r}")
    return datetime.fromtimestamp(int(value), tz=UTC)


def build_record(
    graph: Graph | GraphStats,
    *,
    base: str,
    inputs: Sequence[RecordedInput],
    settings: Mapping[str, str],
    files: Mapping[str, bytes | FileFacts] | None = None,
    build_time: datetime | None = None,
    tool_version: str = __version__,
) -> Graph:
    """The VoID, DCAT and PROV record of a build of ``graph`` under ``base``.

    Args:
        graph: the knowledge graph built, or its :class:`GraphStats` (from :func:`graph_stats`).
        base: the instance namespace (``--base``) it was built under.
        inputs: the input transcripts, in the order read.
        settings: the build's settings by name, as given (``{"one_conference": "false"}``).
        files: the output files by name (``{"graph.ttl": b"..."}``, or their :class:`FileFacts`), each made a distribution.
        build_time: when the build ran, if it is to be recorded (timezone-aware).
        tool_version: cyberkg's version.

    Returns:
        A graph with no blank nodes, the same for the same arguments.
    """
    if build_time is not None and build_time.tzinfo is None:
        raise ValueError("build_time must be timezone-aware")
    mint = Minter(base)
    record = new_graph()
    record.bind("id", base)
    record.bind("void", VOID)
    record.bind("dcat", DCAT)

    digest = hashlib.sha256()
    digest.update(tool_version.encode("utf-8"))
    for name in sorted(settings):
        digest.update(f"\0{name}={settings[name]}".encode())
    for item in inputs:
        digest.update(f"\0{item.sha256}".encode())
    build = URIRef(f"{base}build/{digest.hexdigest()[:16]}")
    dataset = URIRef(f"{base}dataset")

    def add(s: URIRef, p: URIRef, o: object) -> None:
        record.add((s, p, o if isinstance(o, URIRef | Literal) else Literal(o)))

    # ---- the data set
    for cls in (VOID.Dataset, DCAT.Dataset, PROV.Entity):
        add(dataset, RDF.type, cls)
    add(dataset, RDFS.label, "cyberkg knowledge graph")
    add(dataset, DCTERMS.title, "cyberkg knowledge graph")
    add(dataset, DCTERMS.conformsTo, _ONTOLOGY)
    add(dataset, VOID.uriSpace, base)
    stats = graph if isinstance(graph, GraphStats) else GraphStats.of(graph)
    add(dataset, VOID.triples, Literal(stats.triples, datatype=XSD.integer))
    add(dataset, VOID.distinctSubjects, Literal(stats.subjects, datatype=XSD.integer))
    add(dataset, VOID.properties, Literal(len(stats.predicates), datatype=XSD.integer))
    classes = {URIRef(c): n for c, n in stats.classes}
    add(dataset, VOID.classes, Literal(len(classes), datatype=XSD.integer))
    for cls, count in sorted(classes.items(), key=lambda item: str(item[0])):
        part = URIRef(f"{dataset}/class/{slug(_local(cls))}-{hashlib.sha1(str(cls).encode()).hexdigest()[:6]}")
        add(dataset, VOID.classPartition, part)
        add(part, RDF.type, VOID.Dataset)
        add(part, RDFS.label, f"{_local(cls)}: {count}")
        add(part, VOID["class"], cls)
        add(part, VOID.entities, Literal(count, datatype=XSD.integer))
    for namespace in sorted({_namespace(URIRef(p)) for p in stats.predicates} | {_namespace(c) for c in classes}):
        if not namespace.startswith(base):
            add(dataset, VOID.vocabulary, URIRef(namespace))
    for name, data in sorted((files or {}).items()):
        facts = data if isinstance(data, FileFacts) else FileFacts.of(data)
        dist = URIRef(f"{dataset}/distribution/{slug(name)}")
        add(dataset, DCAT.distribution, dist)
        add(dist, RDF.type, DCAT.Distribution)
        add(dist, RDFS.label, name)
        add(dist, DCTERMS.title, name)
        suffix = name[name.rfind(".") :] if "." in name else ""
        if suffix in MEDIA_TYPES:
            add(dist, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[suffix]}"))
        add(dist, DCAT.byteSize, Literal(facts.size, datatype=XSD.nonNegativeInteger))
        add(dist, CKG.sha256, facts.sha256)
    add(dataset, PROV.wasGeneratedBy, build)

    # ---- the build
    add(build, RDF.type, PROV.Activity)
    add(build, RDFS.label, f"cyberkg {tool_version} build")
    add(build, PROV.wasAssociatedWith, _SOFTWARE)
    add(_SOFTWARE, RDF.type, PROV.SoftwareAgent)
    add(_SOFTWARE, RDFS.label, "cyberkg")
    add(_SOFTWARE, SCHEMA.softwareVersion, tool_version)
    if build_time is not None:
        stamp = build_time.astimezone(UTC).isoformat().replace("+00:00", "Z")
        add(build, PROV.startedAtTime, Literal(stamp, datatype=XSD.dateTime, normalize=False))
    for name, value in sorted(settings.items()):
        setting = URIRef(f"{build}/setting/{slug(name)}")
        add(build, CKG.setting, setting)
        add(setting, RDF.type, CKG.BuildSetting)
        add(setting, RDFS.label, f"{name}={value}")
        add(setting, CKG.settingName, name)
        add(setting, RDF.value, str(value))
    for item in inputs:
        transcript = mint.transcript(item.sha256)
        add(build, PROV.used, transcript)
        add(transcript, RDF.type, PROV.Entity)
        add(transcript, RDFS.label, item.name)
        add(transcript, CKG.sha256, item.sha256)
    for kind, folder in (("ontology", ontology_files()), ("shapes", shapes_files())):
        for file in folder:
            data = file.read_bytes()
            used = URIRef(f"{build}/{kind}/{slug(file.name)}")
            add(build, PROV.used, used)
            add(used, RDF.type, PROV.Entity)
            add(used, RDFS.label, f"{kind}/{file.name}")
            add(used, CKG.sha256, hashlib.sha256(data).hexdigest())
            if kind == "ontology":
                module = Graph().parse(data=data.decode("utf-8"), format="turtle")
                for ontology in sorted(module.subjects(RDF.type, OWL.Ontology), key=str):
                    add(used, PROV.specializationOf, ontology)
                    version = module.value(ontology, OWL.versionInfo)
                    if version is not None:
                        add(used, OWL.versionInfo, str(version))
    return record


def _local(iri: URIRef) -> str:
    text = str(iri)
    return text[max(text.rfind("#"), text.rfind("/")) + 1 :] or text


def _namespace(iri: URIRef) -> str:
    text = str(iri)
    return text[: max(text.rfind("#"), text.rfind("/")) + 1]
