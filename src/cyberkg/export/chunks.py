"""Triples as plain, picklable terms, and their Turtle blocks and N-Quads lines.

A corpus build never holds the whole graph: each conference is written as a
chunk of text in the map, and the reduce only concatenates chunks in a fixed
order. So terms travel between processes as plain values (an IRI is a
``str``, a literal a ``(lexical, language, datatype)`` tuple), and the writers
here turn them into the same Turtle that :func:`cyberkg.export.rdf.turtle`
writes for a whole graph, one subject block at a time, with a fixed set of
prefixes so that blocks written in different processes fit together.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import BinaryIO

from rdflib import Graph, Literal, URIRef

from ..vocab import PREFIXES, RDF, XSD
from .rdf import _CLASS_ORDER, _INTEGER_RE, _LOCAL_RE, _escape_iri, _natural, _quote

#: A term: an IRI as ``str``, or a literal as ``(lexical, language, datatype)`` ("" when absent).
Term = str | tuple[str, str, str]
Triple = tuple[str, str, Term]

TYPE = str(RDF.type)
_XSD_STRING, _XSD_INTEGER, _XSD_BOOLEAN = str(XSD.string), str(XSD.integer), str(XSD.boolean)
_RANK = {str(cls): i for i, cls in enumerate(_CLASS_ORDER)}


def plain(term: object) -> Term:
    """The plain form of an rdflib IRI or literal.

    >>> plain(Literal(3))
    ('3', '', 'http://www.w3.org/2001/XMLSchema#integer')
    """
    if isinstance(term, Literal):
        return (str(term), term.language or "", str(term.datatype) if term.datatype is not None else "")
    if isinstance(term, URIRef):
        return str(term)
    raise ValueError(f"cannot write {term!r}: cyberkg graphs have no blank nodes")


def plain_triples(graph: Graph) -> list[Triple]:
    """Every triple of ``graph`` in plain form."""
    return [(str(s), str(p), plain(o)) for s, p, o in graph]


def nt_term(term: Term) -> str:
    """A term in N-Triples / N-Quads syntax.

    >>> nt_term(("a\\nb", "", ""))
    '"a\\\\nb"'
    """
    if isinstance(term, str):
        return f"<{_iri_text(term)}>"
    lexical, language, datatype = term
    text = '"' + lexical.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'
    if language:
        return f"{text}@{language}"
    if datatype and datatype != _XSD_STRING:
        return f"{text}^^<{_escape_iri(datatype)}>"
    return text


def nquads(triples: Iterable[Triple], graph_iri: str | None) -> str:
    """N-Quads of ``triples`` in the named graph ``graph_iri`` (the default graph when ``None``), in a fixed order.

    The bytes are those pyoxigraph writes for the same quads (``tests/test_export_rdf.py`` holds the two
    together, every control character included). Written here because most terms recur (predicates,
    classes, shared nodes, the graph name): each is put in N-Quads form once, which on a conference of
    8,000 triples takes a third of the time of building pyoxigraph's quads and serializing them.

    >>> nquads([("http://x/s", "http://x/p", ("a\\tb", "", ""))], "http://x/g")
    '<http://x/s> <http://x/p> "a\\\\tb" <http://x/g> .\\n'
    """
    end = f" <{graph_iri}> .\n" if graph_iri else " .\n"
    written: dict[Term, str] = {}

    def form(term: Term) -> str:
        known = written.get(term)
        if known is None:
            known = written[term] = _nq_term(term)
        return known

    ordered = sorted(triples, key=lambda t: (t[0], t[1], t[2] if isinstance(t[2], str) else "\x00".join(t[2])))
    return "".join(f"{form(s)} {form(p)} {form(o)}{end}" for s, p, o in ordered)


def _nq_term(term: Term) -> str:
    if isinstance(term, str):
        return f"<{term}>"
    lexical, language, datatype = term
    text = '"' + _NQ_ESCAPE_RE.sub(_nq_escape, lexical) + '"'
    if language:
        return f"{text}@{language.lower()}"
    if datatype and datatype != _XSD_STRING:
        return f"{text}^^<{datatype}>"
    return text


# What pyoxigraph escapes in an N-Quads string: quote, backslash, the C0 controls, DEL and U+FFFE/U+FFFF.
_NQ_ESCAPE_RE = re.compile('[\x00-\x1f\x7f"\\\\\ufffe\uffff]')
_NQ_SHORT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _nq_escape(m: re.Match[str]) -> str:
    char = m.group()
    return _NQ_SHORT.get(char) or f"\\u{ord(char):04X}"


class TurtleBlocks:
    """Writes subject blocks of Turtle with cyberkg's prefixes and ``id:`` for the instance base."""

    def __init__(self, base: str) -> None:
        self.prefixes: tuple[tuple[str, str], ...] = (*((p, str(ns)) for p, ns in PREFIXES), ("id", base))
        self._by_length = sorted(self.prefixes, key=lambda item: -len(item[1]))
        self._names: dict[str, str] = {}  # IRIs recur (predicates, classes, shared nodes): write each once

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes) + "\n"

    def name(self, iri: str) -> str:
        known = self._names.get(iri)
        if known is not None:
            return known
        for prefix, ns in self._by_length:
            if iri.startswith(ns) and _LOCAL_RE.fullmatch(iri[len(ns) :]):
                written = f"{prefix}:{iri[len(ns):]}"
                break
        else:
            written = f"<{_iri_text(iri)}>"
        if len(self._names) < 100_000:
            self._names[iri] = written
        return written

    def term(self, term: Term) -> str:
        if isinstance(term, str):
            return self.name(term)
        lexical, language, datatype = term
        quoted = _quote(lexical)
        if language:
            return f"{quoted}@{language}"
        if not datatype or datatype == _XSD_STRING:
            return quoted
        if datatype == _XSD_INTEGER and _INTEGER_RE.fullmatch(lexical):
            return lexical
        if datatype == _XSD_BOOLEAN and lexical in ("true", "false"):
            return lexical
        return f"{quoted}^^{self.name(datatype)}"

    def block(self, subject: str, predicates: Mapping[str, Iterable[Term]]) -> str:
        """One subject with its predicates and objects, sorted as the whole-graph writer sorts them."""
        lines = []
        for p in sorted(predicates, key=lambda p: (p != TYPE, p)):
            objects = sorted(predicates[p], key=_object_key)
            verb = "a" if p == TYPE else self.name(p)
            lines.append(f"    {verb} " + ",\n        ".join(self.term(o) for o in objects))
        return self.name(subject) + "\n" + " ;\n".join(lines) + " .\n"

    def blocks(self, triples: Iterable[Triple], *, types: Mapping[str, Sequence[str]] | None = None) -> str:
        """Blocks of every subject in ``triples``, ordered by class (as :data:`_CLASS_ORDER`) then name.

        ``types`` gives the classes of subjects whose ``rdf:type`` is not among ``triples``.
        """
        subjects: dict[str, dict[str, list[Term]]] = {}
        for s, p, o in triples:
            subjects.setdefault(s, {}).setdefault(p, []).append(o)
        types = types or {}

        def rank(subject: str) -> tuple[int, list[str | int]]:
            classes = subjects[subject].get(TYPE) or types.get(subject, ())
            first = min((_RANK.get(t, len(_RANK)) for t in classes if isinstance(t, str)), default=len(_RANK) + 1)
            return (first, _natural(subject))

        return "\n".join(self.block(s, subjects[s]) for s in sorted(subjects, key=rank))


_PLAIN_IRI_RE = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')


def _iri_text(iri: str) -> str:
    """``iri`` escaped for ``<...>``: most IRIs need nothing, and a regular expression tells it fast."""
    return iri if _PLAIN_IRI_RE.fullmatch(iri) else _escape_iri(iri)


def _object_key(term: Term) -> tuple[bool, str, str]:
    if isinstance(term, str):
        return (False, term, "")
    return (True, term[0], term[2])


def plain_from_nquads(data: bytes) -> list[Triple]:
    """The triples of N-Quads (or N-Triples) text in plain form, graph names dropped."""
    import pyoxigraph as ox

    triples: list[Triple] = []
    for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        o = quad.object
        obj: Term = o.value if isinstance(o, ox.NamedNode) else (o.value, o.language or "", "" if o.language else o.datatype.value)
        triples.append((quad.subject.value, quad.predicate.value, obj))
    return triples


class JsonLdWriter:
    """Writes a JSON-LD document one group of triples at a time, compacted with cyberkg's context.

    Each :meth:`write` adds the node objects of the subjects in its triples to
    ``@graph``, sorted as :func:`cyberkg.export.rdf.jsonld` sorts them. A
    subject written by two calls (a shared node with evidence in a conference)
    is two node objects with the same ``@id``, which JSON-LD merges. So a
    corpus is written conference by conference, never as one graph.
    """

    def __init__(self, out: BinaryIO, base: str) -> None:
        from .rdf import jsonld_context

        self.out = out
        self.context = {**jsonld_context(), "id": base}
        self._by_length = sorted(self.context.items(), key=lambda item: -len(item[1]))
        self._first = True
        context = json.dumps(self.context, ensure_ascii=False, indent=1).replace("\n", "\n ")
        out.write(('{\n "@context": ' + context + ',\n "@graph": [').encode("utf-8"))

    def compact(self, iri: str) -> str:
        for prefix, ns in self._by_length:
            local = iri[len(ns) :]
            if iri.startswith(ns) and local and not local.startswith("//"):
                return f"{prefix}:{local}"
        return iri

    def _value(self, term: Term) -> object:
        if isinstance(term, str):
            return {"@id": self.compact(term)}
        lexical, language, datatype = term
        if language:
            return {"@value": lexical, "@language": language}
        if not datatype or datatype == _XSD_STRING:
            return lexical
        return {"@value": lexical, "@type": self.compact(datatype)}

    def write(self, triples: Iterable[Triple]) -> None:
        subjects: dict[str, dict[str, list[Term]]] = {}
        for s, p, o in triples:
            subjects.setdefault(s, {}).setdefault(p, []).append(o)
        parts = []
        for subject in sorted(subjects, key=_natural):
            node: dict[str, object] = {"@id": self.compact(subject)}
            for p in sorted(subjects[subject]):
                objects = subjects[subject][p]
                if p == TYPE:
                    node["@type"] = sorted(self.compact(o) for o in objects if isinstance(o, str))
                    continue
                values = [self._value(o) for o in objects]
                node[self.compact(p)] = sorted(values, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
            parts.append("  " + json.dumps(node, ensure_ascii=False, indent=1).replace("\n", "\n  "))
        if parts:
            self.out.write(((",\n" if not self._first else "\n") + ",\n".join(parts)).encode("utf-8"))
            self._first = False

    def close(self) -> None:
        self.out.write(b"\n ]\n}\n")
