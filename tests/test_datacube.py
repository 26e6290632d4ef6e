"""The figures cube passes the W3C RDF Data Cube integrity constraints IC-1 to IC-21.

The constraints are the ASK queries of the Data Cube Recommendation
(https://www.w3.org/TR/vocab-data-cube/, section 11), each true when the
constraint is broken. They are run, as the Recommendation says, on the
normalized cube (section 10): the graph, the ontology (which holds the data
structure definition) and the closure that types component properties and
pushes attached values down to observations.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from cyberkg.export.rdf import serialize
from cyberkg.parse import read_transcript
from cyberkg.pipeline import build_graph
from cyberkg.validate import load_ontology

from .conftest import FIGURE_FIXTURES

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""

# Section 10.1 (type and property closure) and 10.2 (pushing down attachment levels).
NORMALIZE = [
    "INSERT { ?o rdf:type qb:Observation } WHERE { [] qb:observation ?o }",
    "INSERT { ?o rdf:type qb:Observation } WHERE { ?o qb:dataSet [] }",
    "INSERT { ?s rdf:type qb:Slice } WHERE { [] qb:slice ?s }",
    "INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:DimensionProperty } WHERE { ?cs qb:dimension ?p }",
    "INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:MeasureProperty } WHERE { ?cs qb:measure ?p }",
    "INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:AttributeProperty } WHERE { ?cs qb:attribute ?p }",
    """INSERT { ?obs ?comp ?value } WHERE {
        ?spec qb:componentProperty ?comp ; qb:componentAttachment qb:DataSet .
        ?dataset qb:structure [ qb:component ?spec ] ; ?comp ?value .
        ?obs qb:dataSet ?dataset }""",
    """INSERT { ?obs ?comp ?value } WHERE {
        ?spec qb:componentProperty ?comp ; qb:componentAttachment qb:Slice .
        ?dataset qb:structure [ qb:component ?spec ] ; qb:slice ?slice .
        ?slice ?comp ?value ; qb:observation ?obs }""",
    """INSERT { ?obs ?comp ?value } WHERE {
        ?spec qb:componentProperty ?comp .
        ?comp a qb:DimensionProperty .
        ?dataset qb:structure [ qb:component ?spec ] ; qb:slice ?slice .
        ?slice ?comp ?value ; qb:observation ?obs }""",
]

# Each query is true when its constraint is broken.
CONSTRAINTS = {
    "IC-1 unique data set": """ASK {
        { ?obs a qb:Observation . FILTER NOT EXISTS { ?obs qb:dataSet ?d1 } }
        UNION { ?obs a qb:Observation ; qb:dataSet ?d1, ?d2 . FILTER (?d1 != ?d2) } }""",
    "IC-2 unique DSD": """ASK {
        { ?ds a qb:DataSet . FILTER NOT EXISTS { ?ds qb:structure ?dsd } }
        UNION { ?ds a qb:DataSet ; qb:structure ?dsd1, ?dsd2 . FILTER (?dsd1 != ?dsd2) } }""",
    "IC-3 DSD includes a measure": """ASK {
        ?dsd a qb:DataStructureDefinition .
        FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty [ a qb:MeasureProperty ] ] } }""",
    "IC-4 dimensions have a range": """ASK {
        ?dim a qb:DimensionProperty . FILTER NOT EXISTS { ?dim rdfs:range [] } }""",
    "IC-5 concept dimensions have a code list": """ASK {
        ?dim a qb:DimensionProperty ; rdfs:range skos:Concept . FILTER NOT EXISTS { ?dim qb:codeList [] } }""",
    "IC-6 only attributes may be optional": """ASK {
        ?dsd qb:component ?spec .
        ?spec qb:componentRequired "false"^^xsd:boolean ; qb:componentProperty ?component .
        FILTER NOT EXISTS { ?component a qb:AttributeProperty } }""",
    "IC-7 slice keys belong to a DSD": """ASK {
        ?key a qb:SliceKey . FILTER NOT EXISTS { [ a qb:DataStructureDefinition ] qb:sliceKey ?key } }""",
    "IC-8 slice key properties are components of the DSD": """ASK {
        ?key a qb:SliceKey ; qb:componentProperty ?p .
        ?dsd qb:sliceKey ?key .
        FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty ?p ] } }""",
    "IC-9 unique slice structure": """ASK {
        { ?slice a qb:Slice . FILTER NOT EXISTS { ?slice qb:sliceStructure ?key } }
        UNION { ?slice a qb:Slice ; qb:sliceStructure ?k1, ?k2 . FILTER (?k1 != ?k2) } }""",
    "IC-10 slice dimensions complete": """ASK {
        ?slice qb:sliceStructure [ qb:componentProperty ?dim ] .
        FILTER NOT EXISTS { ?slice ?dim [] } }""",
    "IC-11 all dimensions required": """ASK {
        ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
        ?dim a qb:DimensionProperty .
        FILTER NOT EXISTS { ?obs ?dim [] } }""",
    "IC-12 no duplicate observations": """ASK {
        FILTER (?allEqual)
        { SELECT (MIN(?equal) AS ?allEqual) WHERE {
            ?obs1 qb:dataSet ?dataset . ?obs2 qb:dataSet ?dataset . FILTER (?obs1 != ?obs2)
            ?dataset qb:structure/qb:component/qb:componentProperty ?dim .
            ?dim a qb:DimensionProperty .
            ?obs1 ?dim ?v1 . ?obs2 ?dim ?v2 .
            BIND (?v1 = ?v2 AS ?equal)
          } GROUP BY ?obs1 ?obs2 } }""",
    "IC-13 required attributes": """ASK {
        ?obs qb:dataSet/qb:structure/qb:component ?spec .
        ?spec qb:componentRequired "true"^^xsd:boolean ; qb:componentProperty ?attr .
        FILTER NOT EXISTS { ?obs ?attr [] } }""",
    "IC-14 all measures present": """ASK {
        ?obs qb:dataSet/qb:structure ?dsd .
        FILTER NOT EXISTS { ?dsd qb:component/qb:componentProperty qb:measureType }
        ?dsd qb:component/qb:componentProperty ?measure .
        ?measure a qb:MeasureProperty .
        FILTER NOT EXISTS { ?obs ?measure [] } }""",
    "IC-15 measure dimension consistent": """ASK {
        ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure .
        ?dsd qb:component/qb:componentProperty qb:measureType .
        FILTER NOT EXISTS { ?obs ?measure [] } }""",
    "IC-16 single measure on measure-dimension observation": """ASK {
        ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure ; ?other [] .
        ?dsd qb:component/qb:componentProperty qb:measureType ; qb:component/qb:componentProperty ?other .
        ?other a qb:MeasureProperty .
        FILTER (?other != ?measure) }""",
    "IC-17 all measures present in measure-dimension cube": """ASK {
        { SELECT ?numMeasures (COUNT(?obs2) AS ?count) WHERE {
            { SELECT ?dsd (COUNT(?m) AS ?numMeasures) WHERE {
                ?dsd qb:component/qb:componentProperty ?m . ?m a qb:MeasureProperty .
              } GROUP BY ?dsd }
            ?obs1 qb:dataSet/qb:structure ?dsd ; qb:dataSet ?dataset ; qb:measureType ?m1 .
            ?obs2 qb:dataSet ?dataset ; qb:measureType ?m2 .
            FILTER NOT EXISTS {
              ?dsd qb:component/qb:componentProperty ?dim . FILTER (?dim != qb:measureType)
              ?dim a qb:DimensionProperty . ?obs1 ?dim ?v1 . ?obs2 ?dim ?v2 . FILTER (?v1 != ?v2) }
          } GROUP BY ?obs1 ?numMeasures HAVING (?count != ?numMeasures) } }""",
    "IC-18 consistent data set links": """ASK {
        ?dataset qb:slice ?slice . ?slice qb:observation ?obs .
        FILTER NOT EXISTS { ?obs qb:dataSet ?dataset } }""",
    "IC-19 codes from code list": """ASK {
        { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
          ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a skos:ConceptScheme .
          ?obs ?dim ?v . FILTER NOT EXISTS { ?v a skos:Concept ; skos:inScheme ?list } }
        UNION
        { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
          ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a skos:Collection .
          ?obs ?dim ?v . FILTER NOT EXISTS { ?v a skos:Concept . ?list skos:member+ ?v } } }""",
}

# IC-20 and IC-21 are templates over each hierarchical code list's parent-child property ($p).
IC20_PROPERTIES = "SELECT ?p WHERE { ?h a qb:HierarchicalCodeList ; qb:parentChildProperty ?p . FILTER (isIRI(?p)) }"
IC20 = """ASK {
    ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
    ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a qb:HierarchicalCodeList .
    ?obs ?dim ?v . FILTER NOT EXISTS { ?list qb:hierarchyRoot/<$p>* ?v } }"""
IC21_PROPERTIES = """SELECT ?p WHERE { ?h a qb:HierarchicalCodeList ; qb:parentChildProperty ?pcp .
    FILTER (isBlank(?pcp)) ?pcp owl:inverseOf ?p . FILTER (isIRI(?p)) }"""
IC21 = """ASK {
    ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
    ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a qb:HierarchicalCodeList .
    ?obs ?dim ?v . FILTER NOT EXISTS { ?list qb:hierarchyRoot/(^<$p>)* ?v } }"""


def normalized_cube(graph_turtle: bytes, ontology_turtle: bytes) -> ox.Store:
    store = ox.Store()
    store.load(graph_turtle, format=ox.RdfFormat.TURTLE)
    store.load(ontology_turtle, format=ox.RdfFormat.TURTLE)
    for update in NORMALIZE:
        store.update(PREFIXES + update)
    return store


def broken_constraints(store: ox.Store) -> list[str]:
    broken = [name for name, ask in CONSTRAINTS.items() if store.query(PREFIXES + ask)]
    for name, properties, template in (("IC-20", IC20_PROPERTIES, IC20), ("IC-21", IC21_PROPERTIES, IC21)):
        for row in store.query(PREFIXES + properties):
            if store.query(PREFIXES + template.replace("$p", row["p"].value)):
                broken.append(f"{name} hierarchical code list over {row['p'].value}")
    return broken


@pytest.fixture(scope="module")
def ontology_turtle() -> bytes:
    return load_ontology().serialize(format="turtle", encoding="utf-8")


CASES = ["sample", *sorted(p.parent.name for p in FIGURE_FIXTURES.glob("*/input.txt"))]


@pytest.mark.parametrize("case", CASES)
def test_figures_cube_passes_the_w3c_integrity_constraints(case, sample_build, ontology_turtle):
    graph = sample_build[1] if case == "sample" else build_graph([read_transcript(FIGURE_FIXTURES / case / "input.txt")])[1]
    store = normalized_cube(serialize(graph), ontology_turtle)
    assert len(list(store.quads_for_pattern(None, ox.NamedNode("http://purl.org/linked-data/cube#dataSet"), None))) > 20
    assert broken_constraints(store) == []


def test_ic12_catches_duplicates_when_the_measure_is_the_only_dimension(sample_build, ontology_turtle):
    """With the old structure (ckg:measure as the only dimension) the sample broke IC-12."""
    store = normalized_cube(serialize(sample_build[1]), ontology_turtle)
    store.update(PREFIXES + """
        DELETE { ?dsd qb:component ?spec . } WHERE {
          ?dsd qb:component ?spec . ?spec qb:dimension ?dim .
          FILTER (?dim != <https://w3id.org/cyberkg/ontology#measure>) }""")
    assert broken_constraints(store) == ["IC-12 no duplicate observations"]
