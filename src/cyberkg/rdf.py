"""Stage 4 — rdf: resolved conferences → one rdflib graph.

This is the only module that builds RDF. Every IRI comes from
:class:`~cyberkg.ids.Minter`; every term from :mod:`cyberkg.vocab`. No blank
nodes are made, so the Turtle written from the graph is the same bytes on
every run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from rdflib import Graph, Literal, URIRef

from .entities import Conference, Entity, Rule
from .extract.figures import Figure, Qualifier, Subject
from .extract.numbers import decimal_text
from .extract.units import Unit, UnitKind
from .ids import Minter
from .model import Evidence, Kind, Role, Span
from .periods import Granularity, Period
from .vocab import CKG, CUR, OA, ORG, PREFIXES, QB, RDF, RDFS, SCHEMA, SKOS, UNIT, XSD

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


def conference_key(conference: Conference, *, distinct: bool = False) -> str:
    """The key of a conference: its date and title.

    With ``distinct``, the digest of its first page is added, which tells
    apart two conferences with the same title on the same day (or undated).
    """
    date = conference.held or conference.published
    key = f"{date[1].date.isoformat() if date else 'undated'} {conference.title.span.text}"
    return f"{key} {conference.sources[0].sha256[:12]}" if distinct else key


def conference_keys(conferences: Sequence[Conference]) -> list[str]:
    """The keys of ``conferences``, made distinct where two share a date and a title."""
    plain = [conference_key(c) for c in conferences]
    seen: dict[str, int] = {}
    for key in plain:
        seen[key] = seen.get(key, 0) + 1
    return [conference_key(c, distinct=seen[key] > 1) for c, key in zip(conferences, plain)]


def to_graph(conferences: Sequence[Conference], *, base: str, keys: Sequence[str] | None = None) -> Graph:
    """Map resolved conferences to RDF under the instance namespace ``base``.

    ``keys`` gives each conference's key (see :func:`conference_key`); by
    default they are :func:`conference_keys`.
    """
    graph = new_graph()
    graph.bind("id", base)
    mint = Minter(base)
    for conference, key in zip(conferences, keys if keys is not None else conference_keys(conferences)):
        _add_conference(graph, mint, conference, key)
    return graph


def _add_conference(g: Graph, mint: Minter, c: Conference, ckey: str) -> None:
    shas = [source.sha256 for source in c.sources]
    conf = mint.conference(ckey)
    described: set[URIRef] = set()  # evidence nodes already described, without asking the graph

    def evidence(node: URIRef, items: Iterable[Evidence]) -> None:
        for item in items:
            sha, span = shas[item.page], item.span
            ev = mint.evidence(sha, span)
            g.add((node, CKG.evidence, ev))
            if ev in described:
                continue
            described.add(ev)
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

    _add_figures(g, mint, c, ckey, nodes, evidence)

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


def _add_figures(
    g: Graph,
    mint: Minter,
    c: Conference,
    ckey: str,
    nodes: dict[tuple[Kind, str], URIRef],
    evidence: Callable[[URIRef, Iterable[Evidence]], None],
) -> None:
    """Figures as RDF Data Cube observations, with their series, rankings and fines.

    Each figure is a ``qb:Observation`` in the conference's ``qb:DataSet``:
    its value (``ckg:figureValue``, xsd:decimal), unit, measure concept,
    reference period, qualifier, subject, evidence and turn. See
    ``ontology/figures.ttl`` for the structure.
    """
    if not any(f.figures or f.rankings for f in c.figures):
        return
    conf = mint.conference(ckey)
    dataset = mint.figures(ckey)
    g.add((dataset, RDF.type, QB.DataSet))
    g.add((dataset, QB.structure, CKG.FiguresStructure))
    g.add((dataset, CKG.inConference, conf))
    g.add((dataset, RDFS.label, Literal(f"Figures stated at: {c.title.span.text}")))

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

    def period_node(period: Period, spans: Iterable[Evidence]) -> URIRef:
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
            g.add((node, link, nodes[who.organization]))
        else:
            g.add((node, name, Literal(who.name)))

    def observation(fig: Figure, page: int) -> URIRef:
        node = mint.observation(c.sources[page].sha256, fig.span)
        g.add((node, RDF.type, QB.Observation))
        g.add((node, QB.dataSet, dataset))
        g.add((node, CKG.figureValue, Literal(decimal_text(fig.value), datatype=XSD.decimal)))
        g.add((node, CKG.unit, unit_node(fig.unit)))
        g.add((node, CKG.measure, measure_node(fig.measure)))
        g.add((node, CKG.statedIn, mint.turn(ckey, fig.turn)))
        if fig.period is not None and fig.period_span is not None:
            g.add((node, CKG.refPeriod, period_node(fig.period, [Evidence(page, fig.period_span)])))
        if fig.qualifier is not None:
            g.add((node, CKG.qualifier, QUALIFIER_CONCEPTS[fig.qualifier]))
        if fig.share_of:
            g.add((node, CKG.shareOf, Literal(fig.share_of)))
        subject(node, fig.subject, CKG.refArea, CKG.refAreaName)
        evidence(node, [Evidence(page, fig.span)])
        return node

    for page, f in enumerate(c.figures):
        sha = c.sources[page].sha256
        observations: dict[Span, URIRef] = {fig.span: observation(fig, page) for fig in f.figures}

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
            evidence(node, [Evidence(page, series.span)])

        for ranking in f.rankings:
            node = mint.ranking(sha, ranking.span)
            g.add((node, RDF.type, CKG.Ranking))
            g.add((node, CKG.rank, Literal(ranking.rank, datatype=XSD.integer)))
            g.add((node, CKG.measure, measure_node(ranking.measure)))
            if ranking.scope:
                g.add((node, CKG.rankingScope, Literal(ranking.scope)))
            subject(node, ranking.subject, CKG.refArea, CKG.refAreaName)
            g.add((node, CKG.statedIn, mint.turn(ckey, ranking.turn)))
            evidence(node, [Evidence(page, ranking.span)])

        for fine in f.fines:
            node = mint.fine(sha, fine.span)
            g.add((node, RDF.type, CKG.EnforcementAction))
            g.add((node, CKG.fineAmount, observations[fine.amount.span]))
            subject(node, fine.target, CKG.target, CKG.targetName)
            if fine.amount.period is not None and fine.amount.period_span is not None:
                g.add((node, CKG.refPeriod, period_node(fine.amount.period, [Evidence(page, fine.amount.period_span)])))
            g.add((node, CKG.statedIn, mint.turn(ckey, fine.turn)))
            evidence(node, [Evidence(page, fine.span)])
