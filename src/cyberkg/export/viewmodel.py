"""What a view is, and the tables that decide what goes into one.

A view is a projection of the RDF graph onto nodes and edges that a person
can look at. Which RDF classes become which kind of node, which properties
give a node its label, and how each kind is drawn are data in the tables
below: a new class in the ontology needs a row here, not new code.

Every node and edge keeps its way back to the evidence: the IRI it stands
for and the quotes (:class:`Quote`) of the transcript that state it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rdflib import URIRef

from ..vocab import CKG, ORG, RDFS, SCHEMA, SKOS


class ViewKind(StrEnum):
    """The views ``cyberkg view --kind`` can make."""

    ENTITIES = "entities"
    ORGCHART = "orgchart"
    COMENTION = "comention"
    SPEAKERS = "speakers"


class NodeKind(StrEnum):
    """What a node of a view is."""

    PERSON = "person"
    BODY = "body"
    COMPANY = "company"
    OUTLET = "outlet"
    LAW = "law"
    DOCUMENT = "document"
    CAMPAIGN = "campaign"
    EVENT = "event"
    UNRESOLVED = "unresolved"
    POST = "post"
    CONFERENCE = "conference"
    TURN = "turn"


class EdgeKind(StrEnum):
    """What an edge of a view says; the value is its label."""

    HOLDS_POST_IN = "holds post in"
    PART_OF = "part of"
    MENTIONS = "mentions"
    ASKS = "asks"
    ANSWERS = "answers"
    HAS_UNIT = "has unit"
    HAS_POST = "has post"
    NAMED_WITH = "named with"


#: Seed of every layout, so the same graph is drawn the same way on every run.
LAYOUT_SEED = 7

#: RDF class → node kind, most specific first: a node takes the kind of the
#: first row whose class it has (a media outlet is also an org:Organization).
NODE_CLASSES: tuple[tuple[URIRef, NodeKind], ...] = (
    (CKG.MediaOutlet, NodeKind.OUTLET),
    (CKG.Company, NodeKind.COMPANY),
    (SCHEMA.Person, NodeKind.PERSON),
    (ORG.OrganizationalUnit, NodeKind.BODY),
    (ORG.Organization, NodeKind.BODY),
    (CKG.Law, NodeKind.LAW),
    (CKG.PolicyDocument, NodeKind.DOCUMENT),
    (CKG.Campaign, NodeKind.CAMPAIGN),
    (CKG.NamedEvent, NodeKind.EVENT),
    (CKG.UnresolvedMention, NodeKind.UNRESOLVED),
    (ORG.Post, NodeKind.POST),
    (CKG.PressConference, NodeKind.CONFERENCE),
    (CKG.Turn, NodeKind.TURN),
)

#: Kinds of things a turn can name: the nodes of the entities, comention and speakers views.
ENTITY_KINDS: tuple[NodeKind, ...] = (
    NodeKind.PERSON,
    NodeKind.BODY,
    NodeKind.COMPANY,
    NodeKind.OUTLET,
    NodeKind.LAW,
    NodeKind.DOCUMENT,
    NodeKind.CAMPAIGN,
    NodeKind.EVENT,
)

#: Kinds that can speak a turn (``ckg:spokenBy``).
SPEAKER_KINDS: tuple[NodeKind, ...] = (NodeKind.PERSON, NodeKind.OUTLET, NodeKind.BODY, NodeKind.COMPANY)

#: Properties that give a node its label, tried in order; the first with a value wins.
LABEL_PROPERTIES: dict[NodeKind, tuple[URIRef, ...]] = {
    NodeKind.PERSON: (SCHEMA.name, SKOS.prefLabel, RDFS.label),
    NodeKind.CONFERENCE: (SCHEMA.name, SKOS.prefLabel, RDFS.label),
    NodeKind.TURN: (CKG.speakerLabel, RDFS.label),
}
DEFAULT_LABEL_PROPERTIES: tuple[URIRef, ...] = (SKOS.prefLabel, SCHEMA.name, RDFS.label)


@dataclass(frozen=True, slots=True)
class Style:
    """How a kind of node is drawn: legend text, colour, and a shape in Cytoscape.js and Graphviz.

    Shapes differ as well as colours, so the kinds stay apart for readers who
    do not tell the colours apart.
    """

    legend: str
    colour: str
    shape: str
    dot_shape: str


#: Colours from the Okabe–Ito palette (safe for colour-blind readers), then greys.
NODE_STYLES: dict[NodeKind, Style] = {
    NodeKind.PERSON: Style("person", "#0072B2", "ellipse", "ellipse"),
    NodeKind.BODY: Style("body", "#E69F00", "round-rectangle", "box"),
    NodeKind.COMPANY: Style("company", "#D55E00", "rectangle", "box3d"),
    NodeKind.OUTLET: Style("media outlet", "#CC79A7", "diamond", "diamond"),
    NodeKind.LAW: Style("law", "#009E73", "hexagon", "hexagon"),
    NodeKind.DOCUMENT: Style("policy document", "#56B4E9", "tag", "note"),
    NodeKind.CAMPAIGN: Style("campaign", "#F0E442", "star", "star"),
    NodeKind.EVENT: Style("named event", "#7F3C8D", "triangle", "triangle"),
    NodeKind.UNRESOLVED: Style("unresolved mention", "#999999", "vee", "invtriangle"),
    NodeKind.POST: Style("post", "#8FB8DE", "round-tag", "box"),
    NodeKind.CONFERENCE: Style("press conference", "#444444", "octagon", "octagon"),
    NodeKind.TURN: Style("turn", "#BBBBBB", "barrel", "cds"),
}


#: How each kind of edge is drawn: colour and line style (solid, dashed, dotted).
EDGE_STYLES: dict[EdgeKind, tuple[str, str]] = {
    EdgeKind.HOLDS_POST_IN: ("#0072B2", "solid"),
    EdgeKind.PART_OF: ("#E69F00", "solid"),
    EdgeKind.MENTIONS: ("#888888", "dashed"),
    EdgeKind.ASKS: ("#CC79A7", "dashed"),
    EdgeKind.ANSWERS: ("#009E73", "solid"),
    EdgeKind.HAS_UNIT: ("#E69F00", "solid"),
    EdgeKind.HAS_POST: ("#0072B2", "solid"),
    EdgeKind.NAMED_WITH: ("#888888", "solid"),
}


@dataclass(frozen=True, slots=True, order=True)
class Quote:
    """Words of a transcript that state a node or edge: source IRI, offsets ``[start, end)`` and the words.

    Offsets are -1 where the graph gives none. Quotes sort by source, then
    position, so "the first quote" is the same on every run.
    """

    source: str
    start: int
    end: int
    text: str


class _Evidenced:
    """How many quotes state a node or edge, and the first of them."""

    __slots__ = ()
    quotes: tuple[Quote, ...]

    @property
    def evidence_count(self) -> int:
        return len(self.quotes)

    @property
    def first_quote(self) -> Quote | None:
        return self.quotes[0] if self.quotes else None


@dataclass(frozen=True, slots=True)
class ViewNode(_Evidenced):
    """A node of a view: what it stands for, how it is labelled, and its evidence."""

    id: str
    iri: str
    kind: NodeKind
    cls: str
    label: str
    quotes: tuple[Quote, ...]
    properties: tuple[tuple[str, str], ...] = ()
    side: str = ""
    x: float = 0.0
    y: float = 0.0


@dataclass(frozen=True, slots=True)
class ViewEdge(_Evidenced):
    """An edge of a view: its kind, the predicate it follows, how often it holds, and its evidence.

    ``through`` lists the IRIs of the nodes the edge was read through (the
    post of "holds post in", the turns of "mentions"), sorted.
    """

    source: str
    target: str
    kind: EdgeKind
    iri: str
    weight: int
    quotes: tuple[Quote, ...]
    through: tuple[str, ...] = ()
    detail: str = ""

    @property
    def key(self) -> str:
        return self.kind.value

    @property
    def label(self) -> str:
        return self.kind.value


@dataclass(frozen=True, slots=True)
class View:
    """A projection of the graph: nodes and edges sorted by id, with a seeded layout."""

    kind: ViewKind
    title: str
    directed: bool
    multigraph: bool
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]


VIEW_TITLES: dict[ViewKind, str] = {
    ViewKind.ENTITIES: "Entities: people, bodies, laws, documents, campaigns, events and outlets",
    ViewKind.ORGCHART: "Organization chart: bodies, their units, and people in their posts",
    ViewKind.COMENTION: "Co-mentions: entities named in the same turn",
    ViewKind.SPEAKERS: "Speakers and what they named",
}
