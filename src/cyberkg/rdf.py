"""Stage 4 — rdf: resolved conferences → one rdflib graph.

This is the only module that builds RDF. Every IRI comes from
:class:`~cyberkg.ids.Minter`; every term from :mod:`cyberkg.vocab`. No blank
nodes are made, so the Turtle written from the graph is the same bytes on
every run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rdflib import Graph, Literal, URIRef

from .ids import Minter
from .model import Evidence, Kind, Role
from .resolve import Conference, Entity, Rule
from .vocab import CKG, OA, ORG, PREFIXES, RDF, RDFS, SCHEMA, SKOS, XSD

#: The concept for each participant role (declared in the ontology).
ROLE_CONCEPTS = {
    Role.MODERATOR: CKG.ModeratorRole,
    Role.SPEAKER: CKG.SpeakerRole,
    Role.JOURNALIST: CKG.JournalistRole,
    Role.MENTIONED: CKG.MentionedRole,
}

#: The classes of each kind of entity, most general first.
KIND_CLASSES = {
    Kind.PERSON: (SCHEMA.Person,),
    Kind.ORGANIZATION: (ORG.Organization,),
    Kind.COMPANY: (ORG.Organization, CKG.Company),
    Kind.MEDIA: (ORG.Organization, CKG.MediaOutlet),
    Kind.LAW: (CKG.Law,),
    Kind.DOCUMENT: (CKG.PolicyDocument,),
    Kind.CAMPAIGN: (CKG.Campaign,),
    Kind.EVENT: (CKG.NamedEvent,),
}

#: The concept for each resolution rule (declared in the ontology).
RULE_CONCEPTS = {
    Rule.NAME: CKG.SameNameRule,
    Rule.ACRONYM: CKG.AcronymRule,
    Rule.SHORT_FORM: CKG.ShortFormRule,
    Rule.COUNTRY_SUFFIX: CKG.CountrySuffixRule,
    Rule.SURNAME: CKG.SurnameRule,
    Rule.TITLE: CKG.TitleRule,
    Rule.LABEL: CKG.LabelRule,
}


def new_graph() -> Graph:
    """An empty graph with cyberkg's prefixes bound."""
    graph = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES:
        graph.bind(prefix, ns)
    return graph


def conference_key(conference: Conference) -> str:
    """The key of a conference: its date and title."""
    date = conference.held or conference.published
    return f"{date[1].date.isoformat() if date else 'undated'} {conference.title.span.text}"


def to_graph(conferences: Sequence[Conference], *, base: str) -> Graph:
    """Map resolved conferences to RDF under the instance namespace ``base``."""
    graph = new_graph()
    graph.bind("id", base)
    mint = Minter(base)
    for conference in conferences:
        _add_conference(graph, mint, conference)
    return graph


def _add_conference(g: Graph, mint: Minter, c: Conference) -> None:
    shas = [source.sha256 for source in c.sources]
    ckey = conference_key(c)
    conf = mint.conference(ckey)

    def evidence(node: URIRef, items: Iterable[Evidence]) -> None:
        for item in items:
            sha, span = shas[item.page], item.span
            ev = mint.evidence(sha, span)
            g.add((node, CKG.evidence, ev))
            if (ev, RDF.type, CKG.Evidence) in g:
                continue
            position = mint.selector(sha, span, "position")
            quote = mint.selector(sha, span, "quote")
            g.add((ev, RDF.type, CKG.Evidence))
            g.add((ev, OA.hasSource, mint.transcript(sha)))
            g.add((ev, OA.hasSelector, position))
            g.add((ev, OA.hasSelector, quote))
            g.add((position, RDF.type, OA.TextPositionSelector))
            g.add((position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
            g.add((position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
            g.add((quote, RDF.type, OA.TextQuoteSelector))
            g.add((quote, OA.exact, Literal(span.text)))

    for number, source in enumerate(c.sources, start=1):
        transcript = mint.transcript(source.sha256)
        g.add((transcript, RDF.type, CKG.Transcript))
        g.add((transcript, SCHEMA.name, Literal(source.name)))
        g.add((transcript, SCHEMA.headline, Literal(c.title.span.text)))
        g.add((transcript, CKG.sha256, Literal(source.sha256)))
        g.add((transcript, CKG.pageNumber, Literal(number, datatype=XSD.integer)))
        g.add((conf, CKG.transcript, transcript))
    if c.published is not None:
        g.add((mint.transcript(shas[c.published[0]]), SCHEMA.datePublished, Literal(c.published[1].date, datatype=XSD.date)))

    g.add((conf, RDF.type, CKG.PressConference))
    g.add((conf, SCHEMA.name, Literal(c.title.span.text)))
    evidence(conf, [c.title])
    if c.held is not None:
        g.add((conf, SCHEMA.startDate, Literal(c.held[1].date, datatype=XSD.date)))
        evidence(conf, [Evidence(c.held[0], c.held[1].span)])

    nodes: dict[tuple[Kind, str], URIRef] = {(e.kind, e.key): entity_iri(mint, e.kind, e.key) for e in c.entities}
    for entity in c.entities:
        _add_entity(g, c, conf, nodes, entity)
        evidence(nodes[(entity.kind, entity.key)], entity.evidence)

    names = {(e.kind, e.key): e.name for e in c.entities}
    for post in c.posts:
        node = mint.post(post.key)
        role = mint.role(post.title)
        g.add((node, RDF.type, ORG.Post))
        g.add((node, ORG.role, role))
        g.add((role, RDF.type, ORG.Role))
        g.add((role, SKOS.prefLabel, Literal(post.title)))
        g.add((nodes[(Kind.PERSON, post.holder)], ORG.holds, node))
        label = post.title
        if post.organization is not None:
            body = (Kind.ORGANIZATION, post.organization)
            g.add((node, ORG.postIn, nodes[body]))
            label = f"{post.title}, {names[body]}"
        g.add((node, SKOS.prefLabel, Literal(label)))
        evidence(node, post.evidence)

    turn_nodes = {}
    for turn in c.turns:
        node = turn_nodes[turn.order] = mint.turn(ckey, turn.order)
        g.add((node, RDF.type, CKG.Turn))
        g.add((node, CKG.inConference, conf))
        g.add((node, CKG.order, Literal(turn.order, datatype=XSD.integer)))
        if turn.label is not None:
            g.add((node, CKG.speakerLabel, Literal(turn.label.text)))
        g.add((node, CKG.turnRole, ROLE_CONCEPTS[turn.role]))
        if turn.speaker is not None:
            speaker = nodes[turn.speaker]
            g.add((node, CKG.spokenBy, speaker))
            if turn.speaker[0] is not Kind.PERSON:
                g.add((conf, CKG.hasQuestioner, speaker))
        evidence(node, [Evidence(turn.page, turn.span)])

    for answer, question in c.answers:
        g.add((turn_nodes[answer], CKG.answers, turn_nodes[question]))

    for mention in c.mentions:
        sha = shas[mention.evidence.page]
        node = mint.mention(sha, mention.evidence.span, nodes[mention.target])
        target = nodes[mention.target]
        g.add((node, RDF.type, CKG.Mention))
        g.add((node, CKG.inTurn, turn_nodes[mention.turn]))
        g.add((node, CKG.refersTo, target))
        g.add((node, CKG.resolvedBy, RULE_CONCEPTS[mention.rule]))
        g.add((turn_nodes[mention.turn], CKG.mentions, target))
        evidence(node, [mention.evidence])

    for item in c.unresolved:
        node = mint.unresolved(shas[item.evidence.page], item.evidence.span)
        g.add((node, RDF.type, CKG.UnresolvedMention))
        g.add((node, RDFS.label, Literal(item.evidence.span.text)))
        g.add((node, CKG.mentionKind, Literal(item.kind)))
        g.add((node, CKG.reason, Literal(item.reason)))
        g.add((node, CKG.inConference, conf))
        if item.turn is not None:
            g.add((node, CKG.inTurn, turn_nodes[item.turn]))
        evidence(node, [item.evidence])


def entity_iri(mint: Minter, kind: Kind, key: str) -> URIRef:
    """The IRI of an entity of ``kind`` with ``key``."""
    if kind is Kind.PERSON:
        return mint.person(key)
    if kind is Kind.ORGANIZATION:
        return mint.organization(key)
    return mint.entity(kind.value, key)


def _add_entity(g: Graph, c: Conference, conf: URIRef, nodes: dict, e: Entity) -> None:
    node = nodes[(e.kind, e.key)]
    for cls in KIND_CLASSES[e.kind]:
        g.add((node, RDF.type, cls))
    if e.kind is Kind.PERSON:
        g.add((node, SCHEMA.name, Literal(e.name)))
        if e.honorific:
            g.add((node, SCHEMA.honorificPrefix, Literal(e.honorific)))
        if e.role is Role.MODERATOR:
            g.add((conf, CKG.hasModerator, node))
        elif e.role is Role.SPEAKER:
            g.add((conf, CKG.hasSpeaker, node))
        for alias in e.aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
        return
    g.add((node, SKOS.prefLabel, Literal(e.name)))
    for alias in (*e.acronyms, *e.aliases):
        g.add((node, SKOS.altLabel, Literal(alias)))
    for acronym in e.acronyms:
        g.add((node, CKG.acronym, Literal(acronym)))
    if e.parent is not None:
        g.add((node, RDF.type, ORG.OrganizationalUnit))
        g.add((node, ORG.unitOf, nodes[(Kind.ORGANIZATION, e.parent)]))
    if e.edition is not None:
        g.add((node, CKG.edition, Literal(e.edition, datatype=XSD.integer)))
    if e.editions_held is not None:
        g.add((node, CKG.editionsHeld, Literal(e.editions_held, datatype=XSD.integer)))
