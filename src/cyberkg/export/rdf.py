"""Serialize graphs to RDF syntaxes, byte-identical for the same graph.

rdflib's Turtle writer sorts subjects, predicates and objects; with no blank
nodes and a fixed set of prefixes that makes its output deterministic.
"""

from __future__ import annotations

from rdflib import Graph

#: File suffix for each RDF syntax ``cyberkg build --format`` can write.
FORMATS = {"turtle": "ttl", "nt": "nt", "xml": "rdf", "json-ld": "jsonld", "trig": "trig"}


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """Serialize ``graph`` in ``fmt`` (a key of :data:`FORMATS`) as UTF-8 bytes."""
    if fmt == "nt":
        lines = sorted(graph.serialize(format="nt").splitlines())
        return ("\n".join(line for line in lines if line) + "\n").encode("utf-8")
    data = graph.serialize(format=fmt, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")
