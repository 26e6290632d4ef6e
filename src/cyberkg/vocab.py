"""RDF vocabulary: the namespaces cyberkg writes and the terms of its ontology.

Constants are spelled like the ontology's local names (``CKG.Turn`` is
``ckg:Turn``) so one grep finds a term in code, ontology and shapes.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD


class _Namespace(Namespace):
    """An rdflib namespace that makes each of its terms once.

    rdflib's builds and checks a new ``URIRef`` on every attribute access,
    and the RDF stage asks for the same few dozen terms some 10,000 times
    per conference.
    """

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term  # found by ordinary lookup from now on, without calling __getattr__
        return term


CKG = _Namespace("https://w3id.org/cyberkg/ontology#")
ORG = _Namespace("http://www.w3.org/ns/org#")
SCHEMA = _Namespace("https://schema.org/")
OA = _Namespace("http://www.w3.org/ns/oa#")
SH = _Namespace("http://www.w3.org/ns/shacl#")
QB = _Namespace("http://purl.org/linked-data/cube#")
UNIT = _Namespace("http://qudt.org/vocab/unit/")  # QUDT units; currencies are unit:CCY_XXX
SDMX_MEASURE = _Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
VOID = _Namespace("http://rdfs.org/ns/void#")
DCAT = _Namespace("http://www.w3.org/ns/dcat#")

#: Default namespace for instance data; ``--base`` replaces it.
DEFAULT_BASE = "https://w3id.org/cyberkg/id/"

#: Prefixes bound in every graph cyberkg writes, in this order.
PREFIXES: tuple[tuple[str, Namespace], ...] = (
    ("ckg", CKG),
    ("org", ORG),
    ("schema", SCHEMA),
    ("oa", OA),
    ("prov", PROV),
    ("skos", SKOS),
    ("dcterms", DCTERMS),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
    ("sh", SH),
    ("qb", QB),
    ("unit", UNIT),
)

__all__ = ["CKG", "DCAT", "DCTERMS", "QB", "SDMX_MEASURE", "UNIT", "VOID", "DEFAULT_BASE", "OA", "ORG", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA", "SH", "SKOS", "XSD"]
