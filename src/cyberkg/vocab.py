"""RDF vocabulary: the namespaces cyberkg writes and the terms of its ontology.

Constants are spelled like the ontology's local names (``CKG.Turn`` is
``ckg:Turn``) so one grep finds a term in code, ontology and shapes.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

CKG = Namespace("https://w3id.org/cyberkg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")
QB = Namespace("http://purl.org/linked-data/cube#")
UNIT = Namespace("http://qudt.org/vocab/unit/")  # QUDT units; currencies are unit:CCY_XXX
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")

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
