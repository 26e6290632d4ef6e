"""Views: projections of the RDF graph into networkx graphs that tools can open.

This is the only module that imports networkx. It reads a cyberkg graph into
an index once, projects it into a :class:`~cyberkg.export.viewmodel.View`
(entities, org chart, co-mentions or speakers), lays the view out with a
seeded layout, and writes the formats networkx owns: GraphML, GEXF and
node-link JSON.

What a turn names comes from two places: ``ckg:mentions`` where the graph
states it, and the evidence of entities that lies inside a turn (an entity
whose evidence quotes words of a turn is named by that turn).
"""

from __future__ import annotations

import io
import json
import math
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from ..errors import InputError
from ..vocab import CKG, OA, ORG, PREFIXES, RDF, SCHEMA, SKOS
from .viewmodel import (
    DEFAULT_LABEL_PROPERTIES,
    ENTITY_KINDS,
    LABEL_PROPERTIES,
    LAYOUT_SEED,
    NODE_CLASSES,
    NODE_STYLES,
    SPEAKER_KINDS,
    VIEW_TITLES,
    EdgeKind,
    NodeKind,
    Quote,
    View,
    ViewEdge,
    ViewKind,
    ViewNode,
)

#: RDF syntaxes read by suffix.
RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".rdf": "xml", ".xml": "xml", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}

# A quote that joins two mentions in one turn is kept when it is at most this long.
_MAX_JOINED_QUOTE = 600
# Pixels of a typical edge in force layouts, and between leaves and rows of the org chart.
_UNIT = 160.0
# Components up to this size use the dense (numpy) force layout: fast, and n² memory.
_DENSE_MAX = 3000
_TREE_DX, _TREE_DY = 190.0, 150.0


# ---------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class Step:
    """One hop along a predicate, forwards or backwards (``^p``)."""

    predicate: URIRef
    inverse: bool = False


@dataclass(frozen=True, slots=True)
class Where:
    """A condition on the node at ``index`` of a path: it has (or has not) ``predicate value``."""

    index: int
    predicate: URIRef
    value: URIRef
    present: bool = True


#: ``EdgeRule.evidence`` value meaning "the quotes where the turn names the target".
MENTION_EVIDENCE = -1


@dataclass(frozen=True, slots=True)
class EdgeRule:
    """An edge kind read from a path of predicates between two nodes of a view.

    ``evidence`` is the index of the node on the path whose evidence the edge
    quotes (0 is the source), or :data:`MENTION_EVIDENCE`. ``detail`` reads a
    literal from a node on the path (index, predicates) to say more, such as
    the title of the post behind "holds post in".
    """

    kind: EdgeKind
    iri: URIRef
    path: tuple[Step, ...]
    evidence: int
    where: tuple[Where, ...] = ()
    detail: tuple[int, tuple[URIRef, ...]] | None = None


_QUESTION = Where(1, CKG.turnRole, CKG.JournalistRole)
_NOT_QUESTION = Where(1, CKG.turnRole, CKG.JournalistRole, present=False)

#: Edges of the entities view.
ENTITY_EDGES: tuple[EdgeRule, ...] = (
    EdgeRule(EdgeKind.HOLDS_POST_IN, ORG.holds, (Step(ORG.holds), Step(ORG.postIn)), 1, detail=(1, (ORG.role, SKOS.prefLabel))),
    EdgeRule(EdgeKind.PART_OF, ORG.unitOf, (Step(ORG.unitOf),), 0),
    EdgeRule(EdgeKind.MENTIONS, CKG.mentions, (Step(CKG.spokenBy, inverse=True), Step(CKG.mentions)), MENTION_EVIDENCE, (_NOT_QUESTION,)),
    EdgeRule(EdgeKind.ASKS, CKG.mentions, (Step(CKG.spokenBy, inverse=True), Step(CKG.mentions)), MENTION_EVIDENCE, (_QUESTION,)),
    EdgeRule(EdgeKind.ANSWERS, CKG.answers, (Step(CKG.spokenBy, inverse=True), Step(CKG.answers), Step(CKG.spokenBy)), 1),
)

#: Edges of the org chart, from a body down to its units and posts.
ORGCHART_EDGES: tuple[EdgeRule, ...] = (
    EdgeRule(EdgeKind.HAS_UNIT, ORG.unitOf, (Step(ORG.unitOf, inverse=True),), 1),
    EdgeRule(EdgeKind.HAS_POST, ORG.postIn, (Step(ORG.postIn, inverse=True),), 1, detail=(1, (ORG.role, SKOS.prefLabel))),
)

#: Edges of the speakers view: speaker → what they named.
SPEAKER_EDGES: tuple[EdgeRule, ...] = tuple(r for r in ENTITY_EDGES if r.kind in (EdgeKind.MENTIONS, EdgeKind.ASKS))

# Predicates whose values are not shown among a node's properties.
_HIDDEN_PROPERTIES = frozenset({RDF.type, CKG.evidence, CKG.inConference})


# ---------------------------------------------------------------- reading


def read_graph(data: Path) -> Graph:
    """Read the RDF at ``data``: a build folder (its ``graph.ttl``) or an RDF file.

    Raises:
        InputError: the path is missing, or not RDF that rdflib can read.
    """
    path = data / "graph.ttl" if data.is_dir() else data
    if not path.is_file():
        raise InputError(str(path), "no such file (give a build folder or an RDF file)")
    fmt = RDF_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(str(path), f"unknown RDF syntax (use one of {', '.join(sorted(RDF_SUFFIXES))})")
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        raise InputError(str(path), f"cannot be read as RDF ({' '.join(str(exc).split())[:200]})") from None
    return graph


@dataclass
class GraphIndex:
    """The parts of a graph the views need, looked up by node."""

    out: dict[tuple[object, object], list[object]] = field(default_factory=lambda: defaultdict(list))
    inv: dict[tuple[object, object], list[object]] = field(default_factory=lambda: defaultdict(list))
    predicates: dict[object, list[object]] = field(default_factory=lambda: defaultdict(list))
    kinds: dict[URIRef, NodeKind] = field(default_factory=dict)
    classes: dict[URIRef, URIRef] = field(default_factory=dict)
    quotes: dict[URIRef, tuple[Quote, ...]] = field(default_factory=dict)
    mentions: dict[URIRef, dict[URIRef, list[Quote]]] = field(default_factory=dict)
    labels: dict[URIRef, str] = field(default_factory=dict)

    def objects(self, node: object, step: Step) -> list[object]:
        if step.predicate == CKG.mentions and not step.inverse:
            return list(self.mentions.get(node, {}))  # type: ignore[arg-type]
        table = self.inv if step.inverse else self.out
        return table.get((node, step.predicate), [])

    def value(self, node: object, predicate: URIRef) -> object | None:
        values = self.out.get((node, predicate))
        return min(values, key=_term_key) if values else None


def index_graph(graph: Graph) -> GraphIndex:
    """Index ``graph`` for the views: typed nodes, labels, evidence quotes and what each turn names."""
    ix = GraphIndex()
    types: dict[URIRef, set[object]] = defaultdict(set)
    for s, p, o in graph:
        if (s, p) not in ix.out:
            ix.predicates[s].append(p)
        ix.out[(s, p)].append(o)
        ix.inv[(o, p)].append(s)
        if p == RDF.type and isinstance(s, URIRef):
            types[s].add(o)
    for node, classes in types.items():
        for cls, kind in NODE_CLASSES:
            if cls in classes:
                ix.kinds[node] = kind
                ix.classes[node] = cls
                break
    evidence_quotes = {ev: q for ev in {o for (_, p), objs in ix.out.items() if p == CKG.evidence for o in objs} if (q := _evidence_quote(ix, ev))}
    for node in ix.kinds:
        ix.quotes[node] = tuple(sorted({evidence_quotes[ev] for ev in ix.out.get((node, CKG.evidence), ()) if ev in evidence_quotes}))
        ix.labels[node] = _label(ix, node)
    ix.mentions = _turn_mentions(ix)
    return ix


def _evidence_quote(ix: GraphIndex, ev: object) -> Quote | None:
    source = ix.value(ev, OA.hasSource)
    start = end = -1
    text = None
    for selector in ix.out.get((ev, OA.hasSelector), ()):
        if (v := ix.value(selector, OA.start)) is not None:
            start = _int(v)
        if (v := ix.value(selector, OA.end)) is not None:
            end = _int(v)
        if (v := ix.value(selector, OA.exact)) is not None:
            text = str(v)
    if text is None:
        return None
    return Quote(str(source) if source is not None else "", start, end, text)


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return -1


def _term_key(term: object) -> tuple:
    """Sort key that prefers plain and English literals, then the smallest text."""
    lang = getattr(term, "language", None)
    return (lang not in (None, "en"), str(term), lang or "")


def _label(ix: GraphIndex, node: URIRef) -> str:
    kind = ix.kinds[node]
    for prop in LABEL_PROPERTIES.get(kind, DEFAULT_LABEL_PROPERTIES):
        values = [v for v in ix.out.get((node, prop), ()) if isinstance(v, Literal)]
        if values:
            text = " ".join(str(min(values, key=_term_key)).split())
            if kind is NodeKind.TURN and (order := ix.value(node, CKG.order)) is not None:
                return f"{order}. {text}"
            return text
    return _local_name(str(node))


def _local_name(iri: str) -> str:
    """The last segment of an IRI, for nodes with no label.

    >>> _local_name("https://example.org/id/law/data-act")
    'data-act'
    """
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def _turn_mentions(ix: GraphIndex) -> dict[URIRef, dict[URIRef, list[Quote]]]:
    """For each turn, the entities it names and the quotes where it names them.

    A turn names what it says ``ckg:mentions`` of, and every entity with
    evidence inside the turn's own evidence (after its speaker label).
    """
    turns = sorted(n for n, k in ix.kinds.items() if k is NodeKind.TURN)
    spans: dict[str, list[tuple[int, int, URIRef]]] = defaultdict(list)
    for turn in turns:
        for q in ix.quotes[turn]:
            if q.start >= 0:
                spans[q.source].append((q.start, q.end, turn))
    for items in spans.values():
        items.sort()
    starts = {source: [s for s, _, _ in items] for source, items in spans.items()}
    found: dict[URIRef, dict[URIRef, list[Quote]]] = defaultdict(lambda: defaultdict(list))
    for node, kind in ix.kinds.items():
        if kind not in ENTITY_KINDS:
            continue
        for q in ix.quotes[node]:
            if q.start < 0 or q.source not in spans:
                continue
            i = bisect_right(starts[q.source], q.start) - 1
            if i < 0:
                continue
            t_start, t_end, turn = spans[q.source][i]
            if t_start < q.start and q.end <= t_end:
                found[turn][node].append(q)
    for turn in turns:
        for entity in ix.out.get((turn, CKG.mentions), ()):
            if isinstance(entity, URIRef) and entity in ix.kinds:
                found[turn].setdefault(entity, [])
    return {turn: {e: sorted(qs) or list(ix.quotes[turn][:1]) for e, qs in sorted(named.items())} for turn, named in found.items()}


def source_names(ix: GraphIndex) -> dict[str, str]:
    """Transcript IRI → file name, to show beside quotes."""
    names = {}
    for transcript in ix.inv.get((CKG.Transcript, RDF.type), ()):
        name = ix.value(transcript, SCHEMA.name)
        names[str(transcript)] = str(name) if name is not None else _local_name(str(transcript))
    return names


# ---------------------------------------------------------------- projections


def project(graph: Graph | GraphIndex, kind: ViewKind | str) -> View:
    """Project ``graph`` (or its index) into the view ``kind``, laid out with a seeded layout."""
    ix = graph if isinstance(graph, GraphIndex) else index_graph(graph)
    kind = ViewKind(kind)
    if kind is ViewKind.ENTITIES:
        view = _entities(ix)
    elif kind is ViewKind.ORGCHART:
        view = _orgchart(ix)
    elif kind is ViewKind.COMENTION:
        view = _comention(ix)
    else:
        view = _speakers(ix)
    return _laid_out(view)


def _node(ix: GraphIndex, iri: URIRef, *, id: str | None = None, side: str = "", label: str | None = None) -> ViewNode:
    return ViewNode(
        id=id or str(iri),
        iri=str(iri),
        kind=ix.kinds[iri],
        cls=str(ix.classes[iri]),
        label=label if label is not None else ix.labels[iri],
        quotes=ix.quotes[iri],
        properties=_properties(ix, iri),
        side=side,
    )


def _properties(ix: GraphIndex, node: URIRef) -> tuple[tuple[str, str], ...]:
    """What the graph says of ``node``: literals, and the labels of the nodes it links to."""
    props = []
    for p in ix.predicates.get(node, ()):
        if p in _HIDDEN_PROPERTIES:
            continue
        for o in ix.out[(node, p)]:
            if isinstance(o, Literal):
                props.append((_curie(p), str(o)))
            elif isinstance(o, URIRef):
                props.append((_curie(p), ix.labels.get(o) or _linked_label(ix, o)))
    return tuple(sorted(set(props)))


def _linked_label(ix: GraphIndex, node: URIRef) -> str:
    value = ix.value(node, SKOS.prefLabel)
    return str(value) if value is not None else _curie(node)


def _curie(iri: object) -> str:
    """A compact name for an IRI with one of cyberkg's prefixes.

    >>> _curie(URIRef("http://www.w3.org/ns/org#postIn"))
    'org:postIn'
    """
    text = str(iri)
    for prefix, ns in PREFIXES:
        if text.startswith(str(ns)) and len(text) > len(str(ns)):
            return f"{prefix}:{text[len(str(ns)):]}"
    return text


@dataclass
class _EdgeDraft:
    through: set[tuple[str, ...]] = field(default_factory=set)
    quotes: set[Quote] = field(default_factory=set)
    details: set[str] = field(default_factory=set)


def _follow(ix: GraphIndex, rule: EdgeRule, start: URIRef, targets: set[URIRef]) -> Iterable[tuple[URIRef, tuple[object, ...]]]:
    """Every path of ``rule`` from ``start`` to a node in ``targets``: (target, nodes on the path)."""
    paths: list[tuple[object, ...]] = [(start,)]
    for step in rule.path:
        paths = [(*p, o) for p in paths for o in ix.objects(p[-1], step)]
    for p in paths:
        end = p[-1]
        if end not in targets or end == start:
            continue
        if all((w.value in ix.out.get((p[w.index], w.predicate), ())) == w.present for w in rule.where):
            yield end, p  # type: ignore[misc]


def _edges(ix: GraphIndex, rules: Sequence[EdgeRule], sources: Iterable[URIRef], targets: set[URIRef], ids: dict[URIRef, str] | None = None, target_ids: dict[URIRef, str] | None = None) -> list[ViewEdge]:
    drafts: dict[tuple[str, str, EdgeRule], _EdgeDraft] = {}
    for rule in rules:
        for start in sorted(sources):
            for end, path in _follow(ix, rule, start, targets):
                key = ((ids or {}).get(start, str(start)), (target_ids or {}).get(end, str(end)), rule)
                draft = drafts.setdefault(key, _EdgeDraft())
                draft.through.add(tuple(str(n) for n in path[1:-1]))
                if rule.evidence == MENTION_EVIDENCE:
                    draft.quotes.update(ix.mentions.get(path[-2], {}).get(end, ()))  # type: ignore[call-overload]
                else:
                    draft.quotes.update(ix.quotes.get(path[rule.evidence], ()))  # type: ignore[call-overload]
                if rule.detail is not None:
                    index, props = rule.detail
                    node: object | None = path[index]
                    for prop in props:
                        node = ix.value(node, prop) if node is not None else None
                    if node is not None:
                        draft.details.add(str(node))
    edges = [
        ViewEdge(
            source=s,
            target=t,
            kind=rule.kind,
            iri=str(rule.iri),
            weight=len(d.through),
            quotes=tuple(sorted(d.quotes)),
            through=tuple(sorted({n for path in d.through for n in path})),
            detail="; ".join(sorted(d.details)),
        )
        for (s, t, rule), d in drafts.items()
    ]
    return edges


def _of_kinds(ix: GraphIndex, kinds: Iterable[NodeKind]) -> set[URIRef]:
    wanted = set(kinds)
    return {n for n, k in ix.kinds.items() if k in wanted}


def _entities(ix: GraphIndex) -> View:
    nodes = _of_kinds(ix, ENTITY_KINDS)
    edges = _edges(ix, ENTITY_EDGES, nodes, nodes)
    return _view(ViewKind.ENTITIES, [_node(ix, n) for n in nodes], edges, directed=True, multigraph=True)


def _orgchart(ix: GraphIndex) -> View:
    bodies = _of_kinds(ix, (NodeKind.BODY,))
    others = _of_kinds(ix, (NodeKind.COMPANY, NodeKind.OUTLET))
    # A company or outlet is in the chart only when it has units or posts of its own.
    bodies |= {o for o in others if ix.inv.get((o, ORG.unitOf)) or ix.inv.get((o, ORG.postIn))}
    posts = _of_kinds(ix, (NodeKind.POST,))
    nodes = [_node(ix, b) for b in bodies]
    for post in posts:
        holders = sorted(ix.labels.get(h, _local_name(str(h))) for h in ix.inv.get((post, ORG.holds), ()) if isinstance(h, URIRef))
        role = ix.value(post, ORG.role)
        title = str(ix.value(role, SKOS.prefLabel)) if role is not None and ix.value(role, SKOS.prefLabel) is not None else ix.labels[post]
        label = f"{', '.join(holders)} — {title}" if holders else title
        nodes.append(_node(ix, post, label=label))
    edges = _edges(ix, ORGCHART_EDGES, bodies, bodies | posts)
    return _view(ViewKind.ORGCHART, nodes, edges, directed=True, multigraph=False)


def _comention(ix: GraphIndex) -> View:
    entity_kinds = set(ENTITY_KINDS)
    drafts: dict[tuple[URIRef, URIRef], _EdgeDraft] = {}
    named: set[URIRef] = set()
    for turn, entities in sorted(ix.mentions.items()):
        members = [e for e in entities if ix.kinds.get(e) in entity_kinds]
        named.update(members)
        turn_quote = next((q for q in ix.quotes.get(turn, ()) if q.start >= 0), None)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                draft = drafts.setdefault((a, b), _EdgeDraft())
                draft.through.add((str(turn),))
                joined = _joined_quote(turn_quote, entities[a], entities[b])
                # Mentions too far apart to quote together are quoted one by one.
                draft.quotes.update([joined] if joined else [*entities[a][:1], *entities[b][:1]])
    edges = [
        ViewEdge(str(a), str(b), EdgeKind.NAMED_WITH, str(CKG.mentions), len(d.through), tuple(sorted(d.quotes)), tuple(sorted(t for (t,) in d.through)))
        for (a, b), d in drafts.items()
    ]
    return _view(ViewKind.COMENTION, [_node(ix, n) for n in named], edges, directed=False, multigraph=False)


def _joined_quote(turn: Quote | None, a: Sequence[Quote], b: Sequence[Quote]) -> Quote | None:
    """The shortest stretch of a turn that holds a mention of each of two entities."""
    if turn is None:
        return None
    best: tuple[int, int, int] | None = None
    for qa in a:
        for qb in b:
            if min(qa.start, qb.start) < turn.start or max(qa.end, qb.end) > turn.end or qa.source != turn.source or qb.source != turn.source:
                continue
            lo, hi = min(qa.start, qb.start), max(qa.end, qb.end)
            if best is None or (hi - lo, lo) < (best[0], best[1]):
                best = (hi - lo, lo, hi)
    if best is None or best[0] > _MAX_JOINED_QUOTE:
        return None
    _, lo, hi = best
    return Quote(turn.source, lo, hi, turn.text[lo - turn.start : hi - turn.start])


def _speakers(ix: GraphIndex) -> View:
    speakers = {s for s in _of_kinds(ix, SPEAKER_KINDS) if ix.inv.get((s, CKG.spokenBy))}
    named = {e for entities in ix.mentions.values() for e in entities if ix.kinds.get(e) in set(ENTITY_KINDS)}
    speaker_ids = {s: f"speaker:{s}" for s in speakers}
    named_ids = {e: f"named:{e}" for e in named}
    edges = _edges(ix, SPEAKER_EDGES, speakers, named, speaker_ids, named_ids)
    # A speaker who names something they say themselves is still two nodes: one on each side.
    nodes = [_node(ix, s, id=speaker_ids[s], side="speaker") for s in speakers]
    nodes += [_node(ix, e, id=named_ids[e], side="named") for e in named]
    return _view(ViewKind.SPEAKERS, nodes, edges, directed=True, multigraph=True)


def _view(kind: ViewKind, nodes: list[ViewNode], edges: list[ViewEdge], *, directed: bool, multigraph: bool) -> View:
    ids = {n.id for n in nodes}
    kept = sorted((e for e in edges if e.source in ids and e.target in ids), key=lambda e: (e.source, e.kind.value, e.target))
    return View(kind, VIEW_TITLES[kind], directed, multigraph, tuple(sorted(nodes, key=lambda n: n.id)), tuple(kept))


# ---------------------------------------------------------------- layout


def _laid_out(view: View) -> View:
    if not view.nodes:
        return view
    positions = _tree_layout(view) if view.kind is ViewKind.ORGCHART else _force_layout(view)
    nodes = tuple(replace(n, x=round(positions[n.id][0], 1), y=round(positions[n.id][1], 1)) for n in view.nodes)
    return replace(view, nodes=nodes)


def _tree_layout(view: View) -> dict[str, tuple[float, float]]:
    """Top-down tree: roots in a row, each parent centred over its children (units before posts)."""
    labels = {n.id: n.label for n in view.nodes}
    kinds = {n.id: n.kind for n in view.nodes}
    children: dict[str, list[str]] = defaultdict(list)
    has_parent: set[str] = set()
    for e in view.edges:
        children[e.source].append(e.target)
        has_parent.add(e.target)
    order = lambda n: (kinds[n] is NodeKind.POST, labels[n].casefold(), n)  # noqa: E731
    roots = sorted((n for n in labels if n not in has_parent), key=order)
    # Nodes on a cycle of org:unitOf have a parent each; start from the first of them.
    placed: dict[str, tuple[float, float]] = {}
    next_leaf = [0.0]

    def place(node: str, depth: int) -> float:
        kids = [c for c in sorted(set(children[node]), key=order) if c not in placed]
        placed[node] = (0.0, 0.0)
        xs = [place(c, depth + 1) for c in kids if c not in placed]
        if xs:
            x = (xs[0] + xs[-1]) / 2
        else:
            x = next_leaf[0]
            next_leaf[0] += 1
        placed[node] = (x * _TREE_DX, depth * _TREE_DY)
        return x

    for root in roots:
        place(root, 0)
    for node in sorted(labels, key=order):
        if node not in placed:
            place(node, 0)
    return placed


def _force_layout(view: View) -> dict[str, tuple[float, float]]:
    """Seeded Fruchterman–Reingold per connected component; components packed in rows, largest first."""
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(n.id for n in view.nodes)
    simple.add_edges_from((e.source, e.target) for e in view.edges)
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    boxes = []
    for members in components:
        if len(members) == 1:
            local = {members[0]: (0.0, 0.0)}
        else:
            sub = nx.Graph()
            sub.add_nodes_from(members)
            sub.add_edges_from(sorted(tuple(sorted(e)) for e in simple.subgraph(members).edges()))
            if len(members) <= _DENSE_MAX:
                raw = _spring(members, sub.edges(), iterations=200 if len(members) <= 150 else 60)
            else:
                raw = nx.spring_layout(sub, seed=LAYOUT_SEED, iterations=50, method="force")
            lengths = sorted(math.dist(raw[a], raw[b]) for a, b in sub.edges())
            scale = _UNIT / max(lengths[len(lengths) // 2], 1e-6)
            local = {n: (float(p[0]) * scale, float(p[1]) * scale) for n, p in raw.items()}
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        boxes.append((local, min(xs), min(ys), max(xs) - min(xs) + _UNIT, max(ys) - min(ys) + _UNIT))
    width = max(max(b[3] for b in boxes), math.sqrt(sum(b[3] * b[4] for b in boxes)) * 1.3)
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for local, min_x, min_y, w, h in boxes:
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (px, py) in local.items():
            positions[n] = (x + px - min_x, y + py - min_y)
        x += w
        row_height = max(row_height, h)
    return positions


def _spring(members: list[str], edges: Iterable[tuple[str, str]], iterations: int = 60) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold on a dense distance matrix with numpy, from seeded random positions.

    The algorithm of ``networkx.spring_layout`` for small graphs, which
    networkx switches to a slower sparse method from 500 nodes on.
    """
    import numpy as np

    n = len(members)
    index = {m: i for i, m in enumerate(members)}
    adjacency = np.zeros((n, n))
    for a, b in edges:
        adjacency[index[a], index[b]] = adjacency[index[b], index[a]] = 1.0
    pos = np.random.RandomState(LAYOUT_SEED).rand(n, 2)
    k = math.sqrt(1.0 / n)
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, np.newaxis, :] - pos[np.newaxis, :, :]
        distance = np.clip(np.sqrt((delta**2).sum(axis=-1)), 0.01, None)
        displacement = np.einsum("ijk,ij->ik", delta, k * k / distance**2 - adjacency * distance / k)
        length = np.clip(np.sqrt((displacement**2).sum(axis=-1)), 0.01, None)
        pos += displacement * (t / length)[:, np.newaxis]
        t -= dt
    return {m: (float(pos[i, 0]), float(pos[i, 1])) for m, i in index.items()}


# ---------------------------------------------------------------- networkx graphs and their formats


def to_networkx(view: View):  # -> nx.Graph; networkx is imported only here
    """The view as a networkx graph whose attributes are strings, integers and floats (never None)."""
    import networkx as nx

    cls = {(True, True): nx.MultiDiGraph, (True, False): nx.DiGraph, (False, True): nx.MultiGraph, (False, False): nx.Graph}
    graph = cls[(view.directed, view.multigraph)](name=view.title, view=view.kind.value)
    for n in view.nodes:
        graph.add_node(n.id, **node_attributes(n))
    for i, e in enumerate(view.edges):
        attrs = edge_attributes(e)
        if view.multigraph:
            graph.add_edge(e.source, e.target, key=f"e{i}", **attrs)
        else:
            graph.add_edge(e.source, e.target, **attrs)
    return graph


def _evidence_attributes(count: int, q: Quote | None) -> dict[str, str | int | float]:
    """How many quotes, and the first one with its source and offsets (-1 where there is none)."""
    return {
        "evidence": count,
        "quote": q.text if q else "",
        "quote_source": q.source if q else "",
        "quote_start": q.start if q else -1,
        "quote_end": q.end if q else -1,
    }


def node_attributes(n: ViewNode) -> dict[str, str | int | float]:
    """The flat attributes every format writes for a node."""
    attrs: dict[str, str | int | float] = {
        "iri": n.iri,
        "kind": n.kind.value,
        "class": n.cls,
        "label": n.label,
        **_evidence_attributes(n.evidence_count, n.first_quote),
        "colour": NODE_STYLES[n.kind].colour,
        "x": n.x,
        "y": n.y,
    }
    if n.side:
        attrs["side"] = n.side
        attrs["bipartite"] = 0 if n.side == "speaker" else 1
    return attrs


def edge_attributes(e: ViewEdge) -> dict[str, str | int | float]:
    """The flat attributes every format writes for an edge."""
    return {
        "iri": e.iri,
        "kind": e.kind.value,
        "label": e.label,
        "weight": e.weight,
        **_evidence_attributes(e.evidence_count, e.first_quote),
        "detail": e.detail,
        "through": " ".join(e.through),
    }


def graphml(view: View) -> bytes:
    """GraphML (Gephi, yEd, Cytoscape); networkx reads it back with the same nodes, edges and attributes."""
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml_xml(to_networkx(view), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def gexf(view: View, *, date: str | None = None) -> bytes:
    """GEXF 1.2 (Gephi), with positions, colours and sizes; ``date`` replaces the writer's clock."""
    import networkx as nx

    graph = to_networkx(view)
    for n in view.nodes:
        r, g, b = (int(NODE_STYLES[n.kind].colour[i : i + 2], 16) for i in (1, 3, 5))
        graph.nodes[n.id]["viz"] = {
            "position": {"x": n.x, "y": -n.y, "z": 0.0},
            "color": {"r": r, "g": g, "b": b, "a": 1.0},
            "size": round(6.0 + 2.0 * math.log1p(n.evidence_count), 2),
        }
    buf = io.BytesIO()
    nx.write_gexf(graph, buf, encoding="utf-8", prettyprint=True, version="1.2draft")
    data = buf.getvalue()
    # networkx stamps today's date; a build must be the same bytes every day.
    stamp = f'lastmodifieddate="{date}"'.encode() if date else b""
    return re.sub(rb'\s*lastmodifieddate="[^"]*"', (b" " + stamp) if stamp else b"", data, count=1)


def node_link(view: View) -> bytes:
    """networkx node-link JSON (``networkx.node_link_graph`` reads it back; D3 draws it)."""
    import networkx as nx

    data = nx.node_link_data(to_networkx(view), edges="edges")
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def graph_date(graph: Graph) -> str | None:
    """The latest date the graph states for a conference or transcript (for the GEXF header)."""
    dates = [str(o) for p in (SCHEMA.startDate, SCHEMA.datePublished) for o in graph.objects(None, p) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(o))]
    return max(dates) if dates else None
