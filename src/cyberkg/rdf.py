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
from .model import Role, Span
from .resolve import Conference
from .vocab import CKG, OA, ORG, PREFIXES, RDF, RDFS, SCHEMA, SKOS, XSD

#: The concept for each participant role (declared in the ontology).
ROLE_CONCEPTS = {
    Role.MODERATOR: CKG.ModeratorRole,
    Role.SPEAKER: CKG.SpeakerRole,
    Role.JOURNALIST: CKG.JournalistRole,
    Role.MENTIONED: CKG.MentionedRole,
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
    return f"{date.date.isoformat() if date else 'undated'} {conference.title.text}"


def to_graph(conferences: Sequence[Conference], *, base: str) -> Graph:
    """Map resolved conferences to RDF under the instance namespace ``base``."""
    graph = new_graph()
    graph.bind("id", base)
    mint = Minter(base)
    for conference in conferences:
        _add_conference(graph, mint, conference)
    return graph


def _add_conference(g: Graph, mint: Minter, c: Conference) -> None:
    sha = c.source.sha256
    transcript = mint.transcript(sha)
    ckey = conference_key(c)
    conf = mint.conference(ckey)

    def evidence(node: URIRef, spans: Iterable[Span]) -> None:
        for span in spans:
            ev = mint.evidence(sha, span)
            g.add((node, CKG.evidence, ev))
            if (ev, RDF.type, CKG.Evidence) in g:
                continue
            position = mint.selector(sha, span, "position")
            quote = mint.selector(sha, span, "quote")
            g.add((ev, RDF.type, CKG.Evidence))
            g.add((ev, OA.hasSource, transcript))
            g.add((ev, OA.hasSelector, position))
            g.add((ev, OA.hasSelector, quote))
            g.add((position, RDF.type, OA.TextPositionSelector))
            g.add((position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
            g.add((position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
            g.add((quote, RDF.type, OA.TextQuoteSelector))
            g.add((quote, OA.exact, Literal(span.text)))

    g.add((transcript, RDF.type, CKG.Transcript))
    g.add((transcript, SCHEMA.name, Literal(c.source.name)))
    g.add((transcript, SCHEMA.headline, Literal(c.title.text)))
    g.add((transcript, CKG.sha256, Literal(c.source.sha256)))
    if c.published is not None:
        g.add((transcript, SCHEMA.datePublished, Literal(c.published.date, datatype=XSD.date)))

    g.add((conf, RDF.type, CKG.PressConference))
    g.add((conf, SCHEMA.name, Literal(c.title.text)))
    g.add((conf, CKG.transcript, transcript))
    evidence(conf, [c.title])
    if c.held is not None:
        g.add((conf, SCHEMA.startDate, Literal(c.held.date, datatype=XSD.date)))
        evidence(conf, [c.held.span])

    org_names = {org.key: org.name for org in c.organizations}
    person_keys = {person.key for person in c.people}
    for org in c.organizations:
        node = mint.organization(org.key)
        g.add((node, RDF.type, ORG.Organization))
        if org.is_outlet:
            g.add((node, RDF.type, CKG.MediaOutlet))
        g.add((node, SKOS.prefLabel, Literal(org.name)))
        for alias in (*org.acronyms, *org.aliases):
            g.add((node, SKOS.altLabel, Literal(alias)))
        for acronym in org.acronyms:
            g.add((node, CKG.acronym, Literal(acronym)))
        if org.parent is not None:
            g.add((node, RDF.type, ORG.OrganizationalUnit))
            g.add((node, ORG.unitOf, mint.organization(org.parent)))
        evidence(node, org.evidence)

    for person in c.people:
        node = mint.person(person.key)
        g.add((node, RDF.type, SCHEMA.Person))
        g.add((node, SCHEMA.name, Literal(person.name)))
        if person.honorific:
            g.add((node, SCHEMA.honorificPrefix, Literal(person.honorific)))
        g.add((conf, CKG.hasModerator if person.role is Role.MODERATOR else CKG.hasSpeaker, node))
        evidence(node, person.evidence)

    for post in c.posts:
        node = mint.post(post.key)
        role = mint.role(post.title)
        g.add((node, RDF.type, ORG.Post))
        g.add((node, ORG.role, role))
        g.add((role, RDF.type, ORG.Role))
        g.add((role, SKOS.prefLabel, Literal(post.title)))
        g.add((mint.person(post.holder), ORG.holds, node))
        label = post.title
        if post.organization is not None:
            g.add((node, ORG.postIn, mint.organization(post.organization)))
            label = f"{post.title}, {org_names[post.organization]}"
        g.add((node, SKOS.prefLabel, Literal(label)))
        evidence(node, post.evidence)

    for turn in c.turns:
        node = mint.turn(ckey, turn.order)
        g.add((node, RDF.type, CKG.Turn))
        g.add((node, CKG.inConference, conf))
        g.add((node, CKG.order, Literal(turn.order, datatype=XSD.integer)))
        g.add((node, CKG.speakerLabel, Literal(turn.label.text)))
        g.add((node, CKG.turnRole, ROLE_CONCEPTS[turn.role]))
        if turn.speaker is not None:
            is_person = turn.speaker in person_keys
            speaker = mint.person(turn.speaker) if is_person else mint.organization(turn.speaker)
            g.add((node, CKG.spokenBy, speaker))
            if not is_person:
                g.add((conf, CKG.hasQuestioner, speaker))
        evidence(node, [turn.span])

    for item in c.unresolved:
        node = mint.unresolved(sha, item.span)
        g.add((node, RDF.type, CKG.UnresolvedMention))
        g.add((node, RDFS.label, Literal(item.span.text)))
        g.add((node, CKG.mentionKind, Literal(item.kind)))
        g.add((node, CKG.reason, Literal(item.reason)))
        g.add((node, CKG.inConference, conf))
        evidence(node, [item.span])
