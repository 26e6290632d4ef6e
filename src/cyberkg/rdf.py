"""Stage 4 — rdf: resolved conferences → one rdflib graph.

This is the only module that builds RDF. Every IRI comes from
:class:`~cyberkg.ids.Minter`; every term from :mod:`cyberkg.vocab`. No blank
nodes are made, so the Turtle written from the graph is the same bytes on
every run. Every node the graph describes has an ``rdfs:label`` (beside its
``schema:name`` or ``skos:prefLabel``), the label generic RDF browsers show.
Terms of other vocabularies (QUDT units, the ontology's own concepts) are
linked to, never described.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_DOWN, Decimal

from rdflib import Graph, Literal, URIRef

from .entities import Conference, Entity, Rule
from .extract.figures import Figure, Qualifier, RejectReason, Subject
from .extract.numbers import decimal_text
from .extract.units import Unit
from .ids import Minter
from .model import Evidence, Kind, Role, Span
from .periods import Granularity, Period
from .vocab import CKG, OA, ORG, PREFIXES, QB, RDF, RDFS, SCHEMA, SKOS, UNIT, XSD

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
_UNIT_NAMESPACES = {"unit": UNIT, "ckg": CKG}

#: The concept for each reason a number is not a figure (declared in ontology/figures.ttl, ckg:RejectReasonScheme).
REJECT_REASON_CONCEPTS = {
    RejectReason.ORDINAL: CKG.OrdinalReason,
    RejectReason.DATE: CKG.DateOrTimeReason,
    RejectReason.RHETORICAL: CKG.RhetoricalCountReason,
    RejectReason.NAME: CKG.PartOfANameReason,
    RejectReason.MODIFIER: CKG.CompoundModifierReason,
    RejectReason.RANK: CKG.RankReason,
    RejectReason.NO_UNIT: CKG.NoUnitReason,
    RejectReason.DEFINITE: CKG.DefiniteReferenceCountReason,
    RejectReason.REPAIR: CKG.SpeechRepairReason,
    RejectReason.AGE: CKG.AgeReason,
    RejectReason.RATE_BASE: CKG.RateBaseReason,
    RejectReason.UNCERTAIN: CKG.UncertainFigureReason,
}

#: The concept for each resolution rule (declared in the ontology).
RULE_CONCEPTS = {
    Rule.NAME: CKG.SameNameRule,
    Rule.ACRONYM: CKG.AcronymRule,
    Rule.SHORT_FORM: CKG.ShortFormRule,
    Rule.COUNTRY_SUFFIX: CKG.CountrySuffixRule,
    Rule.SURNAME: CKG.SurnameRule,
    Rule.TITLE: CKG.TitleRule,
    Rule.GIVEN_NAME: CKG.GivenNameRule,
    Rule.LABEL: CKG.LabelRule,
}


def new_graph(*, store: str = "default") -> Graph:
    """An empty graph with cyberkg's prefixes bound, in rdflib's ``store`` (a store plugin name)."""
    graph = Graph(store=store, bind_namespaces="none")
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
    # SimpleMemory: the graph is written once and read by triple patterns only, and rdflib's
    # default store spends a quarter of each add on bookkeeping for named graphs it never has.
    graph = new_graph(store="SimpleMemory")
    graph.bind("id", base)
    mint = Minter(base)
    for conference, key in zip(conferences, keys if keys is not None else conference_keys(conferences)):
        _add_conference(graph, mint, conference, key)
    return graph


def conference_graphs(conferences: Sequence[Conference], *, base: str) -> tuple[tuple[URIRef, Graph], ...]:
    """Each conference's own graph, named by the conference's IRI, in the order given.

    The union of the graphs is :func:`to_graph` of the same conferences; what
    two conferences share (a person, a unit, a measure) is in both.
    """
    mint = Minter(base)
    out = []
    for conference, key in zip(conferences, conference_keys(conferences)):
        graph = new_graph()
        graph.bind("id", base)
        _add_conference(graph, mint, conference, key)
        out.append((mint.conference(key), graph))
    return tuple(out)


def split_by_conference(graph: Graph) -> tuple[tuple[URIRef, Graph], ...]:
    """Split a whole cyberkg graph into one graph per conference, named by its IRI.

    For graphs read back from a triple syntax, where the conference of each
    triple is not recorded. A node belongs to a conference when its evidence
    lies in one of the conference's transcripts, when it is in the conference
    (``ckg:inConference``), or when it has no evidence of its own and a node of
    the conference links to it (a role, a measure, a unit, a transcript, a
    selector). A node of several conferences (a person) is in each of them.
    """
    conferences = sorted(set(graph.subjects(RDF.type, CKG.PressConference)), key=str)
    parts = []
    for conf in conferences:
        transcripts = set(graph.objects(conf, CKG.transcript))
        evidence = {ev for t in transcripts for ev in graph.subjects(OA.hasSource, t)}
        members = {conf} | transcripts | evidence
        members |= {s for ev in evidence for s in graph.subjects(CKG.evidence, ev)}
        members |= set(graph.subjects(CKG.inConference, conf))
        frontier = set(members)
        while frontier:
            reached = {
                o
                for s in frontier
                for o in graph.objects(s)
                if isinstance(o, URIRef) and o not in members and (o, CKG.evidence, None) not in graph and (o, None, None) in graph
            }
            members |= reached
            frontier = reached
        part = new_graph()
        for prefix, ns in graph.namespaces():
            part.bind(prefix, ns, override=False)
        for s in members:
            for p, o in graph.predicate_objects(s):
                part.add((s, p, o))
        parts.append((conf, part))
    return tuple(parts)


def _add_conference(g: Graph, mint: Minter, c: Conference, ckey: str) -> None:
    shas = [source.sha256 for source in c.sources]
    transcripts = [mint.transcript(sha) for sha in shas]  # minted once: every evidence node points to one
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
            where = f"{span.start}-{span.end} of {c.sources[item.page].name}"
            g.add((ev, RDF.type, CKG.Evidence))
            g.add((ev, RDFS.label, Literal(f"characters {where}")))
            g.add((position, RDFS.label, Literal(f"position {where}")))
            g.add((quote, RDFS.label, Literal(f"quote {where}")))
            g.add((ev, OA.hasSource, transcripts[item.page]))
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
        g.add((transcript, RDFS.label, Literal(source.name)))
        g.add((transcript, SCHEMA.headline, Literal(c.headline or c.title.span.text)))
        g.add((transcript, CKG.sha256, Literal(source.sha256)))
        g.add((transcript, CKG.pageNumber, Literal(number, datatype=XSD.integer)))
        g.add((conf, CKG.transcript, transcript))
    if c.published is not None:
        g.add((mint.transcript(shas[c.published[0]]), SCHEMA.datePublished, Literal(c.published[1].date, datatype=XSD.date)))

    if c.source_url is not None:
        g.add((mint.transcript(shas[c.source_url[0]]), SCHEMA.url, URIRef(c.source_url[1])))
    if c.updated is not None:
        g.add((mint.transcript(shas[c.updated[0]]), SCHEMA.dateModified, Literal(c.updated[1].date, datatype=XSD.date)))

    g.add((conf, RDF.type, CKG.PressConference))
    g.add((conf, SCHEMA.name, Literal(c.headline or c.title.span.text)))
    g.add((conf, RDFS.label, Literal(c.headline or c.title.span.text)))
    evidence(conf, [c.title])
    if c.held is not None:
        g.add((conf, SCHEMA.startDate, Literal(c.held[1].date, datatype=XSD.date)))
        evidence(conf, [Evidence(c.held[0], c.held[1].span)])
    if c.place is not None:
        g.add((conf, SCHEMA.location, Literal(" ".join(c.place.span.text.split()))))
        evidence(conf, [c.place])
    for prop, clock in ((CKG.startTime, c.start_time), (CKG.endTime, c.end_time)):
        if clock is not None:
            g.add((conf, prop, Literal(clock[1].isoformat(), datatype=XSD.time)))
            evidence(conf, [clock[0]])

    nodes: dict[tuple[Kind, str], URIRef] = {(e.kind, e.key): entity_iri(mint, e.kind, e.key) for e in c.entities}
    for entity in c.entities:
        _add_entity(g, c, conf, nodes, entity)
        evidence(nodes[(entity.kind, entity.key)], entity.evidence)

    names = {(e.kind, e.key): e.name for e in c.entities}
    # Titles spelled apart ("director-general", "director general") are one role: one label, the others alternative.
    spellings: dict[URIRef, set[str]] = {}
    for post in c.posts:
        spellings.setdefault(mint.role(post.title), set()).add(post.title)
    for role, titles in spellings.items():
        preferred, *others = sorted(titles)
        g.add((role, RDF.type, ORG.Role))
        g.add((role, SKOS.prefLabel, Literal(preferred)))
        g.add((role, RDFS.label, Literal(preferred)))
        for other in others:
            g.add((role, SKOS.altLabel, Literal(other)))
    for post in c.posts:
        node = mint.post(post.key)
        role = mint.role(post.title)
        g.add((node, RDF.type, ORG.Post))
        g.add((node, ORG.role, role))
        g.add((nodes[(Kind.PERSON, post.holder)], ORG.holds, node))
        label = post.title
        if post.organization is not None:
            body = (Kind.ORGANIZATION, post.organization)
            g.add((node, ORG.postIn, nodes[body]))
            label = f"{post.title}, {names[body]}"
        if post.country is not None:
            g.add((node, CKG.country, Literal(post.country)))
            label = f"{label}, {post.country}" if post.organization is not None else f"{post.title}, {post.country}"
        g.add((node, SKOS.prefLabel, Literal(label)))
        g.add((node, RDFS.label, Literal(label)))
        evidence(node, post.evidence)

    turn_nodes = {}
    for turn in c.turns:
        node = turn_nodes[turn.order] = mint.turn(ckey, turn.order)
        g.add((node, RDF.type, CKG.Turn))
        g.add((node, CKG.inConference, conf))
        g.add((node, CKG.order, Literal(turn.order, datatype=XSD.integer)))
        if turn.label is not None:
            g.add((node, CKG.speakerLabel, Literal(turn.label.text)))
        g.add((node, RDFS.label, Literal(f"turn {turn.order}" + (f": {turn.label.text}" if turn.label is not None else ""))))
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
    _add_rejected_candidates(g, mint, c, ckey, evidence)

    for mention in c.mentions:
        sha = shas[mention.evidence.page]
        node = mint.mention(sha, mention.evidence.span, nodes[mention.target])
        target = nodes[mention.target]
        g.add((node, RDF.type, CKG.Mention))
        g.add((node, RDFS.label, Literal(mention.evidence.span.text)))
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
    g.add((node, RDFS.label, Literal(e.name)))
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
    reference period, qualifier, subject, evidence and turn, and the
    confidence model's score where it judged the figure. See
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
        if unit.identifier is not None:
            # A QUDT unit or currency, or a unit the ontology declares: linked, not described.
            prefix, local = unit.identifier.split(":", 1)
            return _UNIT_NAMESPACES[prefix][local]
        node = mint.count_unit(unit.key)
        known = g.value(node, SKOS.prefLabel)
        if known is not None:
            # Keys spelled apart that mint one IRI: the first label stays, the others are alternative.
            if str(known) != unit.key:
                g.add((node, SKOS.altLabel, Literal(unit.key)))
            return node
        g.add((node, RDF.type, CKG.CountUnit))
        g.add((node, RDF.type, CKG.Unit))
        g.add((node, SKOS.prefLabel, Literal(unit.key)))
        g.add((node, RDFS.label, Literal(unit.key)))
        g.add((node, SKOS.inScheme, CKG.UnitScheme))
        return node

    def measure_node(label: str) -> URIRef:
        node = mint.measure(label.casefold())
        if (node, RDF.type, CKG.Measure) not in g:
            g.add((node, RDF.type, CKG.Measure))
            g.add((node, SKOS.prefLabel, Literal(label)))
            g.add((node, RDFS.label, Literal(label)))
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
        g.add((node, RDFS.label, Literal(f"{fig.measure}: {decimal_text(fig.value)} {fig.unit.key}")))
        g.add((node, CKG.unit, unit_node(fig.unit)))
        g.add((node, CKG.measure, measure_node(fig.measure)))
        g.add((node, CKG.statedIn, mint.turn(ckey, fig.turn)))
        if fig.period is not None and fig.period_span is not None:
            g.add((node, CKG.refPeriod, period_node(fig.period, [Evidence(page, fig.period_span)])))
        if fig.qualifier is not None:
            g.add((node, CKG.qualifier, QUALIFIER_CONCEPTS[fig.qualifier]))
        if fig.share_of:
            g.add((node, CKG.shareOf, Literal(fig.share_of)))
        if fig.confidence is not None:
            g.add((node, CKG.confidence, confidence_literal(fig.confidence)))
        subject(node, fig.subject, CKG.refArea, CKG.refAreaName)
        evidence(node, [Evidence(page, fig.span)])
        return node

    for page, f in enumerate(c.figures):
        sha = c.sources[page].sha256
        observations: dict[Span, URIRef] = {fig.span: observation(fig, page) for fig in f.figures}

        for series in f.series:
            node = mint.series(sha, series.span)
            g.add((node, RDF.type, CKG.FigureSeries))
            g.add((node, RDFS.label, Literal(f"series: {series.measure}")))
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
            g.add((node, RDFS.label, Literal(f"rank {ranking.rank}: {ranking.measure}")))
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
            g.add((node, RDFS.label, Literal(f"fine: {fine.span.text}")))
            g.add((node, CKG.fineAmount, observations[fine.amount.span]))
            subject(node, fine.target, CKG.target, CKG.targetName)
            if fine.amount.period is not None and fine.amount.period_span is not None:
                g.add((node, CKG.refPeriod, period_node(fine.amount.period, [Evidence(page, fine.amount.period_span)])))
            g.add((node, CKG.statedIn, mint.turn(ckey, fine.turn)))
            evidence(node, [Evidence(page, fine.span)])


def _add_rejected_candidates(
    g: Graph, mint: Minter, c: Conference, ckey: str, evidence: Callable[[URIRef, Iterable[Evidence]], None]
) -> None:
    """Every number of the conference that is not a figure, with why, so nothing is lost silently.

    Each is a ``ckg:RejectedFigureCandidate``: its words, its reason (a concept
    of ``ckg:RejectReasonScheme``), its conference and turn, its evidence, and
    the confidence model's score when the model judged it. A conference with
    no figures still has its candidates.
    """
    conf = mint.conference(ckey)
    for page, found in enumerate(c.figures):
        sha = c.sources[page].sha256
        for candidate in found.rejected:
            node = mint.rejected_candidate(sha, candidate.span)
            g.add((node, RDF.type, CKG.RejectedFigureCandidate))
            g.add((node, RDFS.label, Literal(candidate.span.text)))
            g.add((node, CKG.rejectedAs, REJECT_REASON_CONCEPTS[candidate.reason]))
            g.add((node, CKG.inConference, conf))
            g.add((node, CKG.inTurn, mint.turn(ckey, candidate.turn)))
            if candidate.score is not None:
                g.add((node, CKG.confidence, confidence_literal(candidate.score)))
            evidence(node, [Evidence(page, candidate.span)])


def confidence_literal(score: float) -> Literal:
    """A model's probability as an xsd:decimal rounded down to three places, so every machine writes the same text.

    Rounded down, a written score is under a threshold of three places (the
    shipped model's is 0.8) exactly when the score itself is: 0.8249 is written 0.824,
    not 0.825, so a query comparing scores with the threshold agrees with the model.

    >>> [str(confidence_literal(p)) for p in (0.91289, 0.8999, 0.82499, 0.825, 1.0, 0.0004)]
    ['0.912', '0.899', '0.824', '0.825', '1', '0']
    """
    # repr: the shortest decimal that reads back as the same float, ordered as the floats are
    return Literal(decimal_text(Decimal(repr(score)).quantize(Decimal("0.001"), rounding=ROUND_DOWN)), datatype=XSD.decimal)
