"""Stage 4 — rdf: resolved conferences → one rdflib graph.

This is the only module that builds RDF. Every IRI comes from
:class:`~cyberkg.ids.Minter`; every term from :mod:`cyberkg.vocab`. No blank
nodes are made, so the Turtle written from the graph is the same bytes on
every run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from rdflib import Graph, Literal, URIRef

from .extract.figures import Figure, Qualifier, Subject
from .extract.numbers import decimal_text
from .extract.units import Unit, UnitKind
from .ids import Minter
from .model import Role, Span
from .periods import Granularity, Period
from .resolve import Conference
from .vocab import CKG, CUR, OA, ORG, PREFIXES, QB, RDF, RDFS, SCHEMA, SKOS, UNIT, XSD

#: The concept for each participant role (declared in the ontology).
ROLE_CONCEPTS = {
    Role.MODERATOR: CKG.ModeratorRole,
    Role.SPEAKER: CKG.SpeakerRole,
    Role.JOURNALIST: CKG.JournalistRole,
    Role.MENTIONED: CKG.MentionedRole,
}


#: The concept for each figure qualifier and period granularity (declared in ontology/figures.ttl).
QUALIFIER_CONCEPTS = {
    Qualifier.LOWER_BOUND: CKG.LowerBound,
    Qualifier.UPPER_BOUND: CKG.UpperBound,
    Qualifier.APPROXIMATE: CKG.Approximate,
}
GRANULARITY_CONCEPTS = {
    Granularity.YEAR: CKG.YearGranularity,
    Granularity.HALF_YEAR: CKG.HalfYearGranularity,
    Granularity.QUARTER: CKG.QuarterGranularity,
    Granularity.MONTH: CKG.MonthGranularity,
    Granularity.DAY: CKG.DayGranularity,
    Granularity.INTERVAL: CKG.IntervalGranularity,
}
_UNIT_NAMESPACES = {"unit": UNIT, "cur": CUR, "ckg": CKG}


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

    _add_figures(g, mint, c, ckey, evidence)

    for item in c.unresolved:
        node = mint.unresolved(sha, item.span)
        g.add((node, RDF.type, CKG.UnresolvedMention))
        g.add((node, RDFS.label, Literal(item.span.text)))
        g.add((node, CKG.mentionKind, Literal(item.kind)))
        g.add((node, CKG.reason, Literal(item.reason)))
        g.add((node, CKG.inConference, conf))
        evidence(node, [item.span])


def _add_figures(g: Graph, mint: Minter, c: Conference, ckey: str, evidence: Callable[[URIRef, Iterable[Span]], None]) -> None:
    """Figures as RDF Data Cube observations, with their series, rankings and fines.

    Each figure is a ``qb:Observation`` in the conference's ``qb:DataSet``:
    its value (``ckg:figureValue``, xsd:decimal), unit, measure concept,
    reference period, qualifier, subject, evidence and turn. See
    ``ontology/figures.ttl`` for the structure.
    """
    f = c.figures
    if not (f.figures or f.rankings):
        return
    sha = c.source.sha256
    conf = mint.conference(ckey)
    dataset = mint.figures(ckey)
    g.add((dataset, RDF.type, QB.DataSet))
    g.add((dataset, QB.structure, CKG.FiguresStructure))
    g.add((dataset, CKG.inConference, conf))
    g.add((dataset, RDFS.label, Literal(f"Figures stated at: {c.title.text}")))

    def unit_node(unit: Unit) -> URIRef:
        if unit.identifier is None:
            node = mint.count_unit(unit.key)
            g.add((node, RDF.type, CKG.CountUnit))
        else:
            prefix, local = unit.identifier.split(":", 1)
            node = _UNIT_NAMESPACES[prefix][local]
            if unit.kind is UnitKind.CURRENCY:
                g.add((node, RDF.type, CKG.Currency))
                g.add((node, SKOS.notation, Literal(unit.code)))
        g.add((node, RDF.type, CKG.Unit))
        g.add((node, SKOS.prefLabel, Literal(unit.key)))
        g.add((node, SKOS.inScheme, CKG.UnitScheme))
        return node

    def measure_node(label: str) -> URIRef:
        node = mint.measure(label.casefold())
        if (node, RDF.type, CKG.Measure) not in g:
            g.add((node, RDF.type, CKG.Measure))
            g.add((node, SKOS.prefLabel, Literal(label)))
            g.add((node, SKOS.inScheme, CKG.MeasureScheme))
        return node

    def period_node(period: Period, spans: Iterable[Span]) -> URIRef:
        node = mint.period(period.label)
        g.add((node, RDF.type, CKG.ReferencePeriod))
        g.add((node, RDFS.label, Literal(period.label)))
        g.add((node, CKG.periodStart, Literal(period.start, datatype=XSD.date)))
        g.add((node, CKG.periodEnd, Literal(period.end, datatype=XSD.date)))
        g.add((node, CKG.granularity, GRANULARITY_CONCEPTS[period.granularity]))
        evidence(node, spans)
        return node

    def subject(node: URIRef, who: Subject | None, link, name) -> None:
        if who is None:
            return
        if who.organization is not None:
            g.add((node, link, mint.organization(who.organization)))
        else:
            g.add((node, name, Literal(who.name)))

    observations: dict[Span, URIRef] = {}

    def observation(fig: Figure) -> URIRef:
        node = mint.observation(sha, fig.span)
        observations[fig.span] = node
        g.add((node, RDF.type, QB.Observation))
        g.add((node, QB.dataSet, dataset))
        g.add((node, CKG.figureValue, Literal(decimal_text(fig.value), datatype=XSD.decimal)))
        g.add((node, CKG.unit, unit_node(fig.unit)))
        g.add((node, CKG.measure, measure_node(fig.measure)))
        g.add((node, CKG.statedIn, mint.turn(ckey, fig.turn)))
        if fig.period is not None and fig.period_span is not None:
            g.add((node, CKG.refPeriod, period_node(fig.period, [fig.period_span])))
        if fig.qualifier is not None:
            g.add((node, CKG.qualifier, QUALIFIER_CONCEPTS[fig.qualifier]))
        if fig.share_of:
            g.add((node, CKG.shareOf, Literal(fig.share_of)))
        subject(node, fig.subject, CKG.refArea, CKG.refAreaName)
        evidence(node, [fig.span])
        return node

    for fig in f.figures:
        observation(fig)

    for series in f.series:
        node = mint.series(sha, series.span)
        g.add((node, RDF.type, CKG.FigureSeries))
        g.add((node, QB.sliceStructure, CKG.SeriesKey))
        g.add((node, CKG.measure, measure_node(series.measure)))
        for member in (series.start, series.end):
            g.add((node, QB.observation, observations[member.span]))
        g.add((node, CKG.seriesStart, observations[series.start.span]))
        g.add((node, CKG.seriesEnd, observations[series.end.span]))
        if series.change is not None:
            g.add((node, CKG.change, Literal(decimal_text(series.change), datatype=XSD.decimal)))
            g.add((node, CKG.unit, unit_node(series.start.unit)))
        g.add((node, CKG.statedIn, mint.turn(ckey, series.turn)))
        evidence(node, [series.span])

    for ranking in f.rankings:
        node = mint.ranking(sha, ranking.span)
        g.add((node, RDF.type, CKG.Ranking))
        g.add((node, CKG.rank, Literal(ranking.rank, datatype=XSD.integer)))
        g.add((node, CKG.measure, measure_node(ranking.measure)))
        if ranking.scope:
            g.add((node, CKG.rankingScope, Literal(ranking.scope)))
        subject(node, ranking.subject, CKG.refArea, CKG.refAreaName)
        g.add((node, CKG.statedIn, mint.turn(ckey, ranking.turn)))
        evidence(node, [ranking.span])

    for fine in f.fines:
        node = mint.fine(sha, fine.span)
        g.add((node, RDF.type, CKG.EnforcementAction))
        g.add((node, CKG.fineAmount, observations[fine.amount.span]))
        subject(node, fine.target, CKG.target, CKG.targetName)
        if fine.amount.period is not None and fine.amount.period_span is not None:
            g.add((node, CKG.refPeriod, period_node(fine.amount.period, [fine.amount.period_span])))
        g.add((node, CKG.statedIn, mint.turn(ckey, fine.turn)))
        evidence(node, [fine.span])
