"""Figures: every quantity stated in the turns, as a typed observation.

For each sentence of each turn, :func:`extract_figures` finds the numbers
(:mod:`.numbers`) and periods (:mod:`cyberkg.periods`), then decides for each
number whether it is a figure:

* ordinals, dates and times, counts inside short quoted names, compound
  modifiers ("a ten-year plan") and rhetorical counts ("in these six
  respects") are *rejected candidates*: never figures, but kept, with why,
  and written to the graph;
* a figure has a unit — a known unit ("%", "yuan", "kilowatts", "years"),
  people ("users"), or the thing it counts ("61 bridges") — found after or
  before the number, or taken from its context ("the number of car owners
  rose from 40 million to ...");
* it gets a qualifier ("over", "nearly", "about"), a measure (what is
  measured, normalised so that every mention of the same measure shares it),
  a reference period, and a subject where the text names one.

Patterns that carry more structure become their own facts: "rose from X in
2015 to Y in 2020" is a :class:`Series` of two figures with its change;
"leads the world in ...", "ranks third in ..." are :class:`Ranking` facts; "a
fine of N yuan on Company" is an :class:`EnforcementAction`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from functools import cache

from ..lexicon import read_list, word_set
from ..model import Kind, Span, Transcript
from ..periods import Period, PeriodMention, PeriodRole, find_periods
from .confidence import figure_model, judged
from .matching import folded_span, recut
from .numbers import NumberKind, NumberMention, find_numbers, vocabulary
from .units import Unit, UnitKind, is_demonym, is_people_group, unit_vocabulary


class Qualifier(StrEnum):
    """How exact a figure is, as the text says."""

    LOWER_BOUND = "lower bound"  # over, more than, exceeded
    UPPER_BOUND = "upper bound"  # nearly, almost, less than
    APPROXIMATE = "approximate"  # around, about, roughly


class RejectReason(StrEnum):
    """Why a number is not a figure."""

    ORDINAL = "ordinal"
    DATE = "date or time"
    RHETORICAL = "rhetorical count"
    NAME = "part of a name"
    MODIFIER = "compound modifier"
    RANK = "rank"
    NO_UNIT = "no unit"
    DEFINITE = "definite reference count"  # "all 50 states", "the five states with the highest rates"
    REPAIR = "speech repair"  # "70 percent of adults — almost 70 percent": the speaker corrected it
    AGE = "age"  # "people 50 years of age or older": who a group is, no measure of anything
    RATE_BASE = "rate base"  # "deaths per 100,000 people": what a rate is counted over, no figure of its own
    UNCERTAIN = "uncertain figure"  # kept by the rules, scored under the threshold of the confidence model


@dataclass(frozen=True, slots=True)
class Subject:
    """Who or what a figure is about, as named; ``organization`` is the (kind, key) of a body of the conference."""

    span: Span
    organization: tuple[Kind, str] | None = None

    @property
    def name(self) -> str:
        return self.span.text


@dataclass(frozen=True, slots=True)
class Figure:
    """One stated quantity. ``span`` is the figure phrase ("over 2.06 billion")."""

    span: Span
    value: Decimal
    unit: Unit
    measure: str
    turn: int
    qualifier: Qualifier | None = None
    period: Period | None = None
    period_span: Span | None = None
    subject: Subject | None = None
    share_of: str | None = None
    confidence: float | None = None  # the confidence model's probability, for a figure it judged

    def __post_init__(self) -> None:
        if not self.value.is_finite():
            raise ValueError(f"figure {self.span.text!r} has no finite value")
        if not self.measure.strip():
            raise ValueError(f"figure {self.span.text!r} has no measure")
        if (self.period is None) != (self.period_span is None):
            raise ValueError(f"figure {self.span.text!r}: a period needs the span that states it")
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"figure {self.span.text!r}: confidence {self.confidence!r} is not a probability")


@dataclass(frozen=True, slots=True)
class Series:
    """Two figures of one measure at two times: "rose from X (in 2015) to Y (in 2020)"."""

    span: Span
    measure: str
    start: Figure
    end: Figure
    turn: int

    @property
    def change(self) -> Decimal | None:
        """``end - start`` when both are in the same unit."""
        return self.end.value - self.start.value if self.start.unit == self.end.unit else None


@dataclass(frozen=True, slots=True)
class Ranking:
    """A rank stated for a subject in some measure: "leads the world in ...", "ranks third in ..."."""

    span: Span
    rank: int
    measure: str
    turn: int
    scope: str | None = None  # "world", "Asia"
    subject: Subject | None = None

    def __post_init__(self) -> None:
        if self.rank < 1:
            raise ValueError(f"rank {self.rank} in {self.span.text!r} is not a positive integer")


@dataclass(frozen=True, slots=True)
class EnforcementAction:
    """A fine: its amount (a figure), its target, and when it was imposed (the amount's period)."""

    span: Span
    amount: Figure
    target: Subject
    turn: int


@dataclass(frozen=True, slots=True)
class Rejected:
    """A number that is not a figure, and why; ``score`` is the confidence model's probability for an uncertain figure."""

    span: Span
    reason: RejectReason
    turn: int
    score: float | None = None

    def __post_init__(self) -> None:
        if self.score is not None and (self.reason is not RejectReason.UNCERTAIN or not 0.0 <= self.score <= 1.0):
            raise ValueError(f"rejected candidate {self.span.text!r}: score {self.score!r} needs the reason {RejectReason.UNCERTAIN.value!r} and 0 <= score <= 1")


@dataclass(frozen=True, slots=True)
class Figures:
    """Everything :func:`extract_figures` found in one transcript."""

    figures: tuple[Figure, ...] = ()
    series: tuple[Series, ...] = ()
    rankings: tuple[Ranking, ...] = ()
    fines: tuple[EnforcementAction, ...] = ()
    rejected: tuple[Rejected, ...] = ()


# ---------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Words:
    qualifiers_before: tuple[tuple[str, Qualifier], ...]
    qualifiers_after: tuple[tuple[str, Qualifier], ...]
    function: frozenset[str]
    rhetorical: frozenset[str]
    generic_counts: frozenset[str]  # "the two sides": generic nouns a small count in words is rhetoric about
    measure_nouns: tuple[str, ...]
    change_verbs_re: re.Pattern[str]
    abbreviations: frozenset[str]
    company_suffixes: tuple[str, ...]
    enforcement: frozenset[str]
    qualifier_words: frozenset[str]  # first words of qualifiers: they start a new figure
    verbs_re: str  # a past form: "-ed" or irregular ("took", "built")
    participles: dict[str, str]
    verb_forms: frozenset[str]  # every form in data/irregular_verbs.txt: a counted noun phrase ends before one  # "took" → "taken"
    qualifier_kinds: dict[str, Qualifier]
    qualifier_before_re: re.Pattern[str]
    qualifier_after_re: re.Pattern[str]
    measure_of_re: re.Pattern[str]  # "the <measure noun> of <what>"


@cache
def _words() -> _Words:
    before, after = [], []
    for line in read_list("qualifiers"):
        position, kind, phrase = (p.strip() for p in line.split("|"))
        (before if position == "before" else after).append((phrase, Qualifier(kind)))
    verbs = sorted(read_list("change_verbs"), key=len, reverse=True)
    return _Words(
        qualifiers_before=tuple(sorted(before, key=lambda q: -len(q[0]))),
        qualifiers_after=tuple(sorted(after, key=lambda q: -len(q[0]))),
        function=frozenset(w.lower() for w in read_list("function_words")),
        rhetorical=frozenset(w.lower() for w in read_list("rhetorical")),
        generic_counts=frozenset(w.lower() for w in read_list("generic_count_nouns")),
        measure_nouns=tuple(sorted(read_list("measure_nouns"), key=len, reverse=True)),
        change_verbs_re=re.compile(r"(?i)\b(?:" + "|".join(re.escape(v) for v in verbs) + r")\b"),
        abbreviations=frozenset(read_list("abbreviations")),
        company_suffixes=tuple(read_list("company_suffixes")) + tuple(read_list("company_heads")),
        enforcement=frozenset(w.lower() for w in read_list("enforcement")),
        qualifier_words=frozenset(phrase.split()[0].lower() for phrase, _ in before if len(phrase.split()[0]) > 3),
        verbs_re=r"(?:\w+ed|" + "|".join(sorted((v.split()[0] for v in read_list("irregular_verbs")), key=len, reverse=True)) + ")",
        participles={v.split()[0]: v.split()[-1] for v in read_list("irregular_verbs")},
        verb_forms=frozenset(w for v in read_list("irregular_verbs") for w in v.split()),
        qualifier_kinds={phrase.lower(): kind for phrase, kind in before + after},
        qualifier_before_re=re.compile(r"(?i)(?<![\w])(?:by\s+)?(?P<q>" + _phrases(p for p, _ in before) + r")\s*$"),
        qualifier_after_re=re.compile(r"(?i)\s+(?P<q>" + _phrases(p for p, _ in after) + r")\b"),
        measure_of_re=re.compile(
            r"(?i)(?P<noun>" + _phrases(read_list("measure_nouns")) + r")\s+of\s+(?:the\s+|its\s+|their\s+|our\s+)?(?P<what>.+)"
        ),
    )


def _phrases(phrases) -> str:
    """An alternation of phrases, longest first, any run of spaces between words."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=lambda p: (-len(p), p)))


# ---------------------------------------------------------------- sentences


def split_sentences(span: Span) -> list[Span]:
    """Split a paragraph into sentences, keeping "Co., Ltd.", "Mr." and decimals whole.

    >>> [s.text for s in split_sentences(Span.of("It fell 4.5%. Mr. Li said so. Fine.", 0, 35))]
    ['It fell 4.5%.', 'Mr. Li said so.', 'Fine.']
    """
    text = span.text
    abbreviations = _words().abbreviations
    out: list[Span] = []
    start = 0
    for m in re.finditer(r"[.!?][\"”’)]?(?=\s+[\"“‘(]?[A-Z0-9$€£¥])", text):
        word = re.search(r"\S*$", text[start : m.start() + 1])
        token = word.group(0) if word else ""
        if token in abbreviations or re.fullmatch(r"(?:[A-Z]\.)+", token):
            continue
        piece = span.sub(start, m.end()).strip()
        if piece.text:
            out.extend(_clauses(piece))
        start = m.end()
    last = span.sub(start, len(text)).strip()
    if last.text:
        out.extend(_clauses(last))
    return out


# A sentence longer than this is read in clauses of at most this length: the work per
# figure looks at its sentence, so a bounded sentence keeps the work linear in the text.
MAX_SENTENCE = 1000


def _clauses(sentence: Span) -> list[Span]:
    """A sentence cut after its last ";", "," or space within each ``MAX_SENTENCE`` characters.

    >>> [len(s.text) for s in _clauses(Span.of("a, " * 600, 0, 1800))]
    [998, 800]
    """
    out = []
    while len(sentence.text) > MAX_SENTENCE:
        window = sentence.text[:MAX_SENTENCE]
        cut = max(window.rfind(";"), window.rfind(","))
        if cut <= 0:
            cut = window.rfind(" ")
        cut = cut + 1 if cut > 0 else MAX_SENTENCE
        head = sentence.sub(0, cut).strip()
        if head.text:
            out.append(head)
        sentence = sentence.sub(cut, len(sentence.text)).strip()
    if sentence.text:
        out.append(sentence)
    return out


# ---------------------------------------------------------------- drafts


@dataclass
class _Draft:
    """A figure being built; frozen into :class:`Figure` at the end."""

    number: NumberMention
    start: int  # of the figure phrase (qualifier, currency sign)
    end: int  # of the figure phrase (unit, counted noun phrase)
    unit: Unit | None = None
    noun_words: list[str] = field(default_factory=list)
    noun_span: tuple[int, int] | None = None
    qualifier: Qualifier | None = None
    period: PeriodMention | None = None
    measure: str | None = None
    subject: Subject | None = None
    share_of: str | None = None
    series_with: _Draft | None = None
    series_first: bool = False
    scale: Decimal = Decimal(1)  # "75 cents": 0.75 of the dollar


@dataclass
class _Context:
    """What carries from sentence to sentence within a turn."""

    text: str
    held: dt.date | None
    turn: int
    lookup: Callable[[str], tuple[Kind, str] | None]
    dollar: Unit | None = None  # what a bare "$" stands for in this transcript (None: ambiguous)
    carry: PeriodMention | None = None  # the period the previous sentence set
    last_series: tuple[PeriodMention | None, PeriodMention | None] | None = None
    last_figure: _Draft | None = None
    last_subject: Subject | None = None
    figures: list[Figure] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    rankings: list[Ranking] = field(default_factory=list)
    fines: list[EnforcementAction] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def extract_figures(
    transcript: Transcript,
    *,
    lookup: Callable[[str], tuple[Kind, str] | None] | None = None,
    held: dt.date | None = None,
    first_turn: int = 1,
    min_confidence: float | None = None,
) -> Figures:
    """Find the figures, series, rankings, fines and rejected numbers of every turn.

    Args:
        transcript: the parsed transcript (one page of a conference).
        lookup: maps a name ("the CAC", "Ministry of Commerce") to the (kind,
            key) of a body of the conference, or None; subjects and fine
            targets that resolve are linked to that body.
        held: the conference date relative periods resolve against; by default
            the transcript's own conference date, or its publication date.
        first_turn: the conference-wide order of the page's first turn.
        min_confidence: the score a judged figure needs to stay one (see
            :mod:`cyberkg.extract.confidence`); by default the model's threshold,
            0 keeps every figure the rules find.
    """
    if held is None:
        date = transcript.held or transcript.published
        held = date.date if date else None
    # match on the folded text (typographic quotes, hard wraps), cut spans from the source at the end
    folded = transcript.folded
    out = _Context(folded, held, 0, lookup or (lambda name: None), unit_vocabulary().bare_dollar(folded))
    for turn in transcript.turns:
        out.turn = first_turn + turn.order - 1
        out.last_subject = None
        for paragraph in turn.paragraphs:
            out.carry = None
            out.last_series = None
            out.last_figure = None
            for sentence in split_sentences(folded_span(folded, paragraph)):
                _sentence(out, sentence)
    kept = _confident(folded, out, min_confidence)
    found = Figures(
        figures=tuple(kept),
        series=tuple(out.series),
        rankings=tuple(out.rankings),
        fines=tuple(out.fines),
        rejected=tuple(sorted(out.rejected, key=lambda r: (r.span.start, r.span.end))),
    )
    return recut(found, transcript.text)


def _confident(folded: str, ctx: _Context, threshold: float | None) -> list[Figure]:
    """The figures the confidence model scores at its threshold or above; the others become rejected candidates.

    A figure the model judges carries its score (``Figure.confidence``), kept or
    not (``Rejected.score``). A figure a series or a fine is built on stays
    whatever its score: the structure around it is the evidence.
    """
    model = figure_model()
    bar = model.threshold if threshold is None else threshold
    held = {id(f) for s in ctx.series for f in (s.start, s.end)} | {id(f.amount) for f in ctx.fines}
    kept = []
    scored: dict[int, Figure] = {}  # id of a judged figure that stays -> the figure with its score
    for f in ctx.figures:
        if not judged(folded[f.span.start : f.span.end], f.unit.key):
            kept.append(f)
            continue
        # The test of FigureModel.keeps, with the score computed once and kept.
        score = model.score(folded, f.span.start, f.span.end, f.value, f.unit.key)
        if id(f) in held or score >= bar:
            scored[id(f)] = replace(f, confidence=score)
            kept.append(scored[id(f)])
        else:
            ctx.rejected.append(Rejected(f.span, RejectReason.UNCERTAIN, f.turn, score))
    if scored:  # the series and fines built on a scored figure hold the same figure
        ctx.series = [replace(s, start=scored.get(id(s.start), s.start), end=scored.get(id(s.end), s.end)) for s in ctx.series]
        ctx.fines = [replace(a, amount=scored.get(id(a.amount), a.amount)) for a in ctx.fines]
    return kept


_TIME_RE = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b)|\b\d{1,2}:\d{2}\b", re.I)
_QUOTED_RE = re.compile(r"[\"“]([^\"“”]{1,40})[\"”]")
_WORD_RE = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9][\w'’/-]*")  # "U.S." is one word


def _sentence(ctx: _Context, sentence: Span) -> None:
    text, base = sentence.text, sentence.start
    periods = find_periods(text, ctx.held, offset=base, source=ctx.text)
    numbers = find_numbers(text, offset=base, source=ctx.text)
    rankings = _rankings(ctx, sentence)
    blocked = [(p.span.start, p.span.end) for p in periods if p.role is not PeriodRole.SAME_AS_BEFORE]
    blocked += [(m.start() + base, m.end() + base) for m in _TIME_RE.finditer(text)]
    ranked = [(r.span.start, r.span.end) for r in rankings]
    quoted = [(m.start(1) + base, m.end(1) + base) for m in _QUOTED_RE.finditer(text)]
    words = _words()
    vocab = unit_vocabulary()

    drafts: list[_Draft] = []
    taken_until = -1
    for number in numbers:
        s, e = number.span.start, number.span.end
        if s < taken_until:
            continue  # inside the counted noun phrase of the figure before
        if _inside(s, e, ranked):
            continue
        if _inside(s, e, blocked):
            # "half" in "the first half" names the period; "the last half century" spans time
            if number.kind is not NumberKind.FRACTION or _TIME_UNIT_AFTER_RE.match(ctx.text, e):
                ctx.rejected.append(Rejected(number.span, RejectReason.DATE, ctx.turn))
            continue
        if number.kind is NumberKind.ORDINAL:
            ctx.rejected.append(Rejected(number.span, RejectReason.ORDINAL, ctx.turn))
            continue
        reason = _not_a_figure(ctx.text, number, quoted, words)
        if reason is not None:
            ctx.rejected.append(Rejected(number.span, reason, ctx.turn))
            continue
        draft = _Draft(number, s, e)
        limit = min([a for a, _ in blocked if a >= e] + [n.span.start for n in numbers if n.span.start >= e] + [sentence.end])
        _unit(ctx.text, draft, sentence, vocab, words, limit, ctx.dollar)
        whole = _whole_duration(ctx.text, draft)
        if whole is not None:  # "an hour and 45 minutes": one length of time, in the smaller unit
            draft.number, draft.start = whole, whole.span.start
            if drafts and drafts[-1].start >= whole.span.start:
                drafts.pop()
        _qualifier(ctx.text, draft, sentence, words)
        if draft.noun_words and draft.noun_words[-1].lower() in words.rhetorical or _is_small_talk(ctx.text, draft, words) or _is_certainty(ctx.text, draft):
            ctx.rejected.append(Rejected(number.span, RejectReason.RHETORICAL, ctx.turn))
            continue
        if _opens_a_list(ctx.text, draft):
            ctx.rejected.append(Rejected(number.span, RejectReason.RHETORICAL, ctx.turn))
            continue
        if _is_definite_set(ctx.text, draft):
            ctx.rejected.append(Rejected(number.span, RejectReason.DEFINITE, ctx.turn))
            continue
        if _is_time_frame(ctx.text, draft, drafts[-1] if drafts else None):
            ctx.rejected.append(Rejected(number.span, RejectReason.DATE, ctx.turn))
            continue
        if draft.unit is not None and draft.unit.key == "year" and _AGE_AFTER_RE.match(ctx.text, draft.end):
            ctx.rejected.append(Rejected(number.span, RejectReason.AGE, ctx.turn))
            continue
        drafts.append(draft)
        taken_until = draft.end
    listed = list(drafts)
    for first, then in zip(listed, [*listed[1:], None]):
        if (then is not None and _is_repaired(ctx.text, first, then)) or _is_corrected(ctx.text, first, numbers):
            drafts.remove(first)
            ctx.rejected.append(Rejected(first.number.span, RejectReason.REPAIR, ctx.turn))

    _series(ctx, sentence, drafts)
    for draft in drafts:
        if draft.unit is None:
            _inherit_unit(ctx, sentence, draft, drafts, vocab)
    kept = []
    for draft in drafts:
        if draft.unit is None:
            ctx.rejected.append(Rejected(draft.number.span, RejectReason.NO_UNIT, ctx.turn))
        else:
            kept.append(draft)
    _periods(ctx, sentence, kept, periods)
    fines = _find_fines(ctx, sentence, kept)
    for draft, _, _ in fines:
        draft.measure = "fine"
    for draft in kept:
        _measure(ctx, sentence, draft, kept)
        _subject(ctx, sentence, draft)
    frozen = {id(d): _freeze(ctx, d) for d in kept}
    for draft in kept:
        ctx.figures.append(frozen[id(draft)])
        if draft.series_with is not None and draft.series_first and id(draft.series_with) in frozen:
            a, b = frozen[id(draft)], frozen[id(draft.series_with)]
            ctx.series.append(Series(Span.of(ctx.text, a.span.start, b.span.end), a.measure, a, b, ctx.turn))
    for draft, target, start in fines:
        amount = frozen[id(draft)]
        span = Span.of(ctx.text, min(start, target.start), max(amount.span.end, target.end))
        ctx.fines.append(EnforcementAction(span, amount, Subject(target, ctx.lookup(target.text)), ctx.turn))
    ctx.rankings.extend(rankings)
    if kept:
        ctx.last_figure = kept[-1]
    _update_carry(ctx, periods, kept)


_ALL_BEFORE_RE = re.compile(  # "all 50 states", "each of the six branches": every member of a set already known
    r"(?i)\b(?:all\s+(?:(?:the|of\s+the|our|these|those|its|their)\s+)?|(?:each|both|either|neither)\s+of\s+(?:the|our|these|those|its|their)\s+)$"
)
_THE_BEFORE_RE = re.compile(r"(?i)\bthe\s+$")
_WHOLE_OF_A_BODY_RE = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+)*(?:[A-Z][\w.&'’-]*)(?=[\s,.;:!?]|$)")
_SELECTED_BY_RANK_RE = re.compile(r"(?i)\s+(?:with|that\s+have|that\s+had|which\s+have|which\s+had)\s+the\s+(?:most|least|fewest|[a-z]+est)\b")
_RELATIVE_CLAUSE_RE = re.compile(r"\s+(?:that|who|whom)\s+(?:were|was|are|is|had|have|we|you|they|I|he|she)\b")  # "the two envoys who were beside him"
_OR_RATHER_RE = re.compile(r",\s+or(?:\s+rather)?\s+(?:(?:more|less|fewer)\s+than|over|under|nearly|almost|about|just)?\s*$")  # "five decades, or more than five decades"
_RESTART_RE = re.compile(r"(?:\s+--?\s+|\s*(?:--|[—–])\s*)(?:(?:at|of|for|about|around)\s+)?")  # "$30 — at $35", not "$100-$120"
_DASH_RE = re.compile(r"\s(?:-|--)\s|[—–]")  # matched on folded text, where dashes are "-"


_ORDER_BEFORE_RE = re.compile(r"(?i)\b(?:past|previous|prior|last|first|next)\s+$")  # "past three councils"
_DEMONSTRATIVE_BEFORE_RE = re.compile(r"(?i)\bthose\s+$")  # "those two missions": a set said before ("these 40 piers" often shows new data)
_RELATIVE_AFTER_RE = re.compile(  # "two years on from that", "two weeks from today"
    r"(?i)(?:\s+and\s+(?:a|an|one|two|three|four|five|six|\d+)\s+[a-z]+)?"  # "three weeks and two days ago"
    r"\s+(?:later|ago|earlier|previous(?:ly)?|prior|before|after|closer|nearer|sooner|from\s+(?:now|today|tomorrow|yesterday|when)"
    r"|on(?=\s+from\b|\s*,)|in(?=\s*[,;]|\s+(?:-|—|–)))\b"  # "18 months in, we hit the ground running", "two weeks in — there"
)
_OF_SOMEONES_RE = re.compile(r"(?i)\s+(?:of|in)\s+(?:his|her|their|our|my|your|its|this|that)\b")
_TIME_SPAN_BEFORE_RE = re.compile(  # "these three days", "over the course of this seven years", "over the last three or four years"
    r"(?i)\b(?:these|those|this|(?:last|past|next|previous|coming)\s+[\w-]+\s+(?:or|to))\s+$"
)
_NOT_SUPERLATIVE = "inter|re|pro|sugg|inv|cont|arr|harv|for|gu|ch|n|qu|t|w|r|l|v|manif|b?j"  # "-est" words no superlative: "interest", "request", "west"
_FRAME_BEFORE_RE = re.compile(  # "for the first time in 15 years", "the first summit in two years", "the biggest jump in more than 20 years"
    rf"(?i)\b(?:first|(?!(?:{_NOT_SUPERLATIVE})est\b)[a-z]+est|most|least|best|worst|than)"
    r"\b(?:[\w\s,'’-]|(?<=[A-Z])\.){0,60}?\bin\s+(?:(?:nearly|almost|about|roughly|some|over|more\s+than|just)\s+)?$"
)  # "more to growth than it has in 40 years" compares with a span too; "the first visit of a U.S. President in 90 years"
_OPENING_SPAN_RE = re.compile(  # "In just 11 months, we delivered ...": the span the clause is about
    r"(?:^|[.!?:;]\s+|\n\s*)(?:(?:And|So|But)\s+)?(?:In|Within)\s+(?:just\s+|only\s+|the\s+(?:last|past|first)\s+)?$"
)
_CHANGE_BEFORE_RE = re.compile(  # "halve the deficit in four years", "cut it in half in two years": the period of the change
    r"(?i)\b(?:halv(?:e[sd]?|ing)|doubl(?:e[sd]?|ing)|tripl(?:e[sd]?|ing)|quadrupl(?:e[sd]?|ing)|in\s+half)\b"
    r"[\w\s,'’-]{0,40}?\b(?:in|over|within)\s+(?:just\s+|only\s+|the\s+next\s+)?$"
)
_PERIOD_OF_BEFORE_RE = re.compile(  # "$2,500 each year for five years" too; "under 4 percent for 22 months" is news
    r"(?i)^(?:\s+(?:of|to\s+the)\s+[a-z]+(?:\s+[a-z]+)?)?(?:\s+in\s+[A-Z][a-z]+)?(?:,?\s+in\s+[a-z]+){0,2},?"
    r"(?:\s+(?:each|every|a|per)\s+(?:year|month|week|day)\s+for|(?:\s+(?:created|added|lost|cut|spent|invested|raised|saved))?\s+(?:in|over|within|during))\s+"
    r"(?:just\s+|only\s+|the\s+(?:past|last|first|next|following|subsequent|coming)\s+)?$"
)  # "$55 billion in Africa over the subsequent three years", "add $3 trillion to the deficit over 10 years",
# "5 million jobs created over 32 straight months", "$340 billion in cuts, in savings, over 10 years"


def _is_time_frame(text: str, draft: _Draft, before: _Draft | None) -> bool:
    """Whether a length of time frames something else rather than stating a figure.

    "five years later" and "two weeks ago" place a moment ("549 days since X" is
    left a figure: annotators take it as the news as often as not);
    "for the first time in 15 years" and "the biggest jump in more than 20 years"
    frame a record; "these three days" and "the last three or four years" are spans,
    and so is "In just 11 months," opening a clause;
    "4,000 metres of pipe in 30 months" gives the period of the figure before it,
    and "halve the deficit in four years" the period of the change.
    """
    if draft.unit is None or draft.unit.kind is not UnitKind.TIME:
        return False
    if _RELATIVE_AFTER_RE.match(text, draft.end) or re.match(r"['’]s\b", text[draft.end : draft.end + 3]):
        return True  # "two weeks ago"; "one day's statistics": the length of time qualifies a noun
    if not draft.number.digits and re.match(r"(?i)\s+in\s+advance\b", text[draft.end : draft.end + 12]):
        return True  # "taping it one day in advance": when; "at least 10 days in advance" in digits is kept, a statistic
    if re.search(r"(?i)\bmark(?:s|ed|ing)?\s+$", text[max(0, draft.start - 10) : draft.start]) and re.match(r"\s+since\b", text[draft.end : draft.end + 8]):
        return True  # "Saturday marked 12 years since the programme began": an anniversary
    n = draft.number
    if n.value == 1 and not n.digits and re.search(r"(?i)\b(?:on|in)\s+$", text[max(0, draft.start - 4) : draft.start]):
        return True  # "all three on one day": when, not how long
    if _FRAME_BEFORE_RE.search(text, max(0, draft.start - 80), draft.start) or _CHANGE_BEFORE_RE.search(text, max(0, draft.start - 60), draft.start):
        return True
    if _TIME_SPAN_BEFORE_RE.search(text, max(0, draft.start - 30), draft.start):
        return True
    if re.search(r"(?i)\bat\s+(?:[\w.]+\s+(?:to|or)\s+)?(?:[\w.]+\s+[a-z]+\s+or\s+(?:[\w.]+\s+to\s+)?)?$", text[max(0, draft.start - 40) : draft.start]):
        return True  # "effective at 2 to 4 weeks": a point in time after something, no length measured
    if re.search(r"(?i)\bthe\s+$", text[max(0, draft.start - 5) : draft.start]) and _OF_SOMEONES_RE.match(text, draft.end):
        return True  # "the seven years of his presidency": a span already known, named again
    opening = _OPENING_SPAN_RE.search(text, max(0, draft.start - 30), draft.start)
    if opening and (re.match(r"\s*,", text[draft.end : draft.end + 3]) or re.search(r"(?i)\b(?:just|only)\s+$", opening.group(0))):
        return True
    # matched up to the number: "$3 trillion over 10 years" reads "over" as the link, not as "more than"
    return before is not None and bool(_PERIOD_OF_BEFORE_RE.match(text[before.end : draft.number.span.start]))


def _is_certainty(text: str, draft: _Draft) -> bool:
    """Whether "100 percent" says how sure someone is, not a share: "100 percent certainty" (``data/certainty_words.txt``),
    or is a whole the clause denies: "no filter gives 100 percent protection"."""
    if draft.unit is None or draft.unit.kind is not UnitKind.PERCENT or draft.number.value != 100:
        return False
    nxt = re.match(r"\s+(?:of\s+)?([a-z]+)", text[draft.end : draft.end + 30])
    if nxt is not None and nxt.group(1) in word_set("certainty_words"):
        return True
    # "no vaccine provides 100 percent protection", "not get 100 percent of what we want": a whole denied in the
    # same clause (``data/negations.txt``); "we would not have 100 percent of schools open" still counts schools
    if re.match(r"\s+of\s+(?!what\b)", text[draft.end : draft.end + 30]):
        return False
    clause = re.split(r"[.;:?!—]|--", text[max(0, draft.number.span.start - 80) : draft.number.span.start])[-1]
    words = re.findall(r"[a-z]*n't|[a-z]+", clause.lower().replace("’", "'"))
    return any(w in word_set("negations") or w.endswith("n't") and "n't" in word_set("negations") for w in words)


_LIST_OPENS_RE = re.compile(r"[^.!?]{0,80}?(?:[.:;]|\s--?|[—–])\s+(?:The\s+first\s+(?:one\s+)?is\b|First(?:\s+of\s+all)?,|First\s+is\b|One\s+is\b|One,|Number\s+one\b)", re.I)


def _opens_a_list(text: str, draft: _Draft) -> bool:
    """ "We have two deficits. One is ...", "two central conditions: first, ...": the count announces a list, no data."""
    n = draft.number
    if n.digits or n.scaled or n.kind is not NumberKind.CARDINAL or n.span.text.lower() not in ("two", "three", "four", "five"):
        return False
    return draft.unit is not None and draft.unit.kind is UnitKind.COUNT and bool(_LIST_OPENS_RE.match(text, draft.end))


@cache
def _whole_sets() -> frozenset[tuple[str, str]]:
    """(number, noun) of ``data/whole_sets.txt``: "50 states"."""
    return frozenset((number, noun.lower()) for number, noun in (line.split(maxsplit=1) for line in read_list("whole_sets")))


def _is_definite_set(text: str, draft: _Draft) -> bool:
    """Whether a count names a set the listener already knows rather than stating a figure.

    "all 50 states" counts a whole everyone knows; "the five states with the
    highest case rates" picks members by rank; "those two missions" points back
    at a set said before, and so does "the two men" in words. None of them
    measures anything.
    """
    if draft.unit is None or draft.unit.kind not in (UnitKind.COUNT, UnitKind.PEOPLE) or not draft.noun_words:
        return False
    s = draft.number.span.start
    if _ALL_BEFORE_RE.search(text, max(0, s - 20), s) or _ORDER_BEFORE_RE.search(text, max(0, s - 20), s):
        return True
    if (str(draft.number.value), " ".join(text[draft.number.span.end : draft.end].split()).lower()) in _whole_sets():
        return True  # "you can't have 50 states making their own laws": the whole of a set everyone knows
    if _DEMONSTRATIVE_BEFORE_RE.search(text, max(0, s - 8), s):
        return True  # "those two missions": points back at a set already said, states nothing new
    if _SUPERLATIVE_AFTER_RE.match(text, draft.number.span.end):
        return True  # "the world's two largest democracies": picked by rank
    if re.search(r"(?i)\b(?:these|(?:these|those|they)\s+are)\s+$", text[max(0, s - 12) : s]) and not draft.number.digits and draft.number.span.text.lower() in _SMALL_WORD_COUNTS:
        # "these two institutions", in words: the two just named ("these 40 piers" may be news);
        # "Boston, Minneapolis and Los Angeles. These are three communities that ...": the list counted again
        return True
    if not _THE_BEFORE_RE.search(text, max(0, s - 6), s):
        return False
    if _WHOLE_OF_A_BODY_RE.match(text, draft.end) or (draft.noun_words[-1].lower() == "members" and re.match(r"\s+of\s+(?:the|its|their|our)\s+", text[draft.end : draft.end + 12])):
        return True  # "the 27 leaders of the European Union", "the six members of the board": a body's whole membership
    if not draft.number.digits and not draft.number.scaled and draft.number.span.text.lower() in _SMALL_WORD_COUNTS:
        return True  # "only the two men will be in the room": who or what is already known, counted again
    return bool(_SELECTED_BY_RANK_RE.match(text, draft.end) or _RELATIVE_CLAUSE_RE.match(text, draft.end))


def _is_repaired(text: str, first: _Draft, then: _Draft) -> bool:
    """Whether ``then`` restates ``first`` after a dash, as a speaker who corrects himself does.

    "70 percent of adults — almost 70 percent, I should say": the same value
    again, a few words later, after a dash; "at $30 — at $35": another value
    right after the dash. Only the corrected one is a figure.
    """
    if first.unit is not None and then.unit == first.unit and _RESTART_RE.fullmatch(text, first.end, then.start):
        # "capping it at $30 — at $35": said again at once, another value ("from $30 - $35" is a range)
        return not re.search(r"(?i)\b(?:from|between)\s+$", text[max(0, first.start - 9) : first.start])
    if first.unit is not None and then.unit == first.unit and _OR_INSTEAD_RE.fullmatch(text, first.end, then.start):
        # "added $3 trillion — or $2 trillion": another value of the same size at once, the first taken back
        small, large = sorted((abs(first.number.value), abs(then.number.value)))
        return small != large and small * 5 >= large
    if first.number.value != then.number.value or first.unit is None:
        return False
    if then.unit is not None and then.unit != first.unit:
        # "the 10 members — the 10 victims": the same count said again at once, the noun corrected
        # "15 towns that we named — or 15 districts": the same count again after "— or", the noun corrected
        counted = (UnitKind.COUNT, UnitKind.PEOPLE)
        gap = text[first.end : then.start]
        return first.unit.kind in counted and then.unit.kind in counted and bool(
            _RESTART_RE.fullmatch(text, first.end, then.start)
            or re.fullmatch(r"\s*(?:-|--|[—–])\s*the\s+", gap)
            or (len(gap) <= 40 and (said := _OR_INSTEAD_RE.search(gap)) is not None and said.end() == len(gap))
        )
    between = text[first.number.span.end : then.number.span.start]
    if len(between) <= 80 and _TAKEN_BACK_RE.search(between):
        return True  # "80 percent of the city -- well, the district -- 80 percent of it": said again after a correction
    return len(between) <= 40 and bool(_DASH_RE.search(between) or _OR_RATHER_RE.search(between))


_OR_INSTEAD_RE = re.compile(r"(?:\s+--?\s+|\s*(?:--|[—–])\s*)or\s+")
_TAKEN_BACK_RE = re.compile(r"(?i)(?:\s-|--|[—–])\s*(?:well|I mean|sorry|actually|or rather),?\s")


_CORRECTION_RE = re.compile(r"(?i)\s*(?:-|--|[—–])\s*(?:almost|nearly|well|actually|sorry|I mean|or rather|rather)\b")


def _is_corrected(text: str, first: _Draft, numbers: list[NumberMention]) -> bool:
    """Whether the speaker takes ``first`` back, a dash and a word of correction before another number.

    "the four years — well, three years": the first figure was a slip, whatever
    became of the second (a figure, or a number left without a unit).
    """
    if _LATER_CORRECTION_RE.match(text, first.end):
        return True  # "a billion dollars of that and more — I'm sorry, almost 3 billion"
    if not first.noun_words and re.match(r"\s*(?:-|--|[—–])\s*or\s+(?!\$?\d|about|around|more|less|so\b|two|three|four|five)[a-z]", text[first.end : first.end + 30]):
        return True  # "has proposed an $11 — or says he will propose": broken off, said again another way
    if not _CORRECTION_RE.match(text, first.end):
        return False
    return any(first.end < n.span.start <= first.end + 40 for n in numbers)


_LATER_CORRECTION_RE = re.compile(
    r"(?i)[^.?!]{0,60}?(?:-|--|[—–])\s*(?:I['’]m\s+|I\s+am\s+)?sorry,?\s+"
    r"(?:(?:almost|nearly|about|roughly|more\s+than|over|actually)\s+)?(?=\$?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)"
)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


_TIME_UNIT_AFTER_RE = re.compile(r"(?i)[\s-]+(?:an?\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|century|centuries)\b")
_HALF_AS_ADVERB_RE = re.compile(r"(?i)\s+(?:over|done|finished|gone|full|empty|way|right|true|joking|kidding|asleep|awake)\b")
_THIRD_AS_SHARE_RE = re.compile(r"(?i)\s+(?:of|more|less|fewer)\b|\s*[.,;:!?]")  # "a third of them", "a third more", "cut by a third."
_SERVICE_AFTER_RE = re.compile(r"(?i)\s+(?:calls?|call\s+centers?|lines?|lifeline|hotline|dispatch(?:ers)?|operators?|system)\b")
_SUPERLATIVE_AFTER_RE = re.compile(  # "the two largest", "the three most important"; not "two guest workers", "five west coast states"
    rf"\s+(?:(?!(?:{_NOT_SUPERLATIVE}|pri|cr|z|p|h|cons|contr|dig|imm)est\b)[a-z]+est|most|least)\b"
)
_AGE_AFTER_RE = re.compile(r"(?i)\s+(?:of\s+age|old|and\s+(?:older|up|over))\b")  # "50 years of age or older", "five years old", "five years and older"
_TIME_UNIT_AND_RE = re.compile(r"(?i)\b(?:hours?|days?|weeks?|months?|years?|decades?)\s+and\s+$")  # "a year and a half"
_SPAN_BEFORE_RE = re.compile(  # "over the last seven days", "his first two years in office", "the first 100 days", "the best 12 months"
    r"(?i)(?:\b(?:the|these|those|this)\s+(?:past|last|previous|prior|next|coming|first|best|worst|strongest|weakest)(?:\s+(?:almost|nearly|about|roughly|some))?|(?:['’]s|\bhis|\bher|\bits|\btheir|\bour|\bmy)\s+(?:first|last))\s+"
    r"(?:[\w-]+(?:,|\s+or|\s+to)\s+)?$"  # "in the past 19, 20 months": the second guess at the same span
)


_LARGER_UNIT = {"minute": ("hour", 60), "second": ("minute", 60), "month": ("year", 12), "day": ("week", 7)}


def _whole_duration(text: str, draft: _Draft) -> NumberMention | None:
    """ "an hour and 45 minutes", "a year and three months": the whole length, as one number of the smaller unit."""
    if draft.unit is None or draft.unit.key not in _LARGER_UNIT or draft.start != draft.number.span.start:
        return None
    larger, factor = _LARGER_UNIT[draft.unit.key]
    joined = re.search(rf"(?i)\ban?\s+{larger},?\s+and\s+$", text[max(0, draft.start - 40) : draft.start])
    if joined is None:  # "3 minutes and 42 seconds": two numbers said, two figures
        return None
    small = draft.number
    at = draft.start - len(joined.group(0))
    return NumberMention(Span.of(text, at, small.span.end), factor + small.value, NumberKind.CARDINAL, small.digits, False)


def _not_a_figure(text: str, number: NumberMention, quoted: list[tuple[int, int]], words: _Words) -> RejectReason | None:
    s, e = number.span.start, number.span.end
    if number.kind is NumberKind.FRACTION and number.span.text.lower() == "half" and _HALF_AS_ADVERB_RE.match(text, e):
        return RejectReason.RHETORICAL  # "before the day is even half over": how far along, no share of anything
    if number.kind is NumberKind.FRACTION and re.fullmatch(r"(?i)an?\s+third", number.span.text) and not _THIRD_AS_SHARE_RE.match(text, e):
        if not re.search(r"(?i)\b(?:by|than|about|around|nearly|almost|roughly|some|over|under|just)\s+$", text[max(0, s - 10) : s]):
            return RejectReason.ORDINAL  # "one by Lute, one by Mullen, and a third by Petraeus": the third one, no share
    if number.kind is NumberKind.FRACTION and (_TIME_UNIT_AFTER_RE.match(text, e) or _TIME_UNIT_AND_RE.search(text, max(0, s - 20), s)):
        return RejectReason.DATE  # "half an hour", "a year and a half": a length of time, no share of anything
    framing = _SPAN_BEFORE_RE.search(text, max(0, s - 30), s) or (
        (_WHEN_AFTER_RE.match(text, e) or re.match(r"[\s\w-]*?\s+since\b", text[e : e + 20])) and re.search(r"(?i)\bthe\s+$", text[max(0, s - 6) : s])
    )
    if framing and _TIME_UNIT_AFTER_RE.match(text, e):
        return RejectReason.DATE  # "over the last seven days", "in the two weeks since": the period other figures are about
    if _inside(s, e, quoted) and not number.scaled:
        return RejectReason.NAME
    if re.search(r"[A-Z]\d*\+$", text[max(0, s - 4) : s]):
        return RejectReason.NAME  # "the C5+1", "the P5+1": the number is part of a name
    if number.digits and number.span.text in word_set("service_numbers") and _SERVICE_AFTER_RE.match(text, e):
        return RejectReason.NAME  # "911 call centers", "the 988 lifeline": a service's number, no count
    if number.digits and not number.scaled and _names_a_kind(text, number):
        return RejectReason.NAME  # "457 plans", "the 2208 and 3407 programs": the number says which kind, no count
    if not number.digits and number.span.text[:1].isupper() and re.search(r"[A-Z][a-z]+ of $", text[max(0, s - 30) : s]):
        return RejectReason.NAME  # "the Gang of Six talks", "the Group of Seven": a number word closing a name
    if not number.digits and number.span.text[:1].isupper() and re.search(r"[A-Z][a-z]+ $", text[max(0, s - 30) : s]):
        if not re.search(r"[.!?:]\s*\S*\s*$", text[max(0, s - 30) : s]):
            return RejectReason.NAME  # "Harbour Two", "Pier Nine": a capitalised number word inside a name
    after = text[e : e + 30]
    before = text[max(0, s - 30) : s]
    if re.search(r"(?i)\bper\s+$", before):
        return RejectReason.RATE_BASE  # "infections per 100,000 people": the base of a rate
    if re.match(r"\s*\[sic\]", text[e:]) or re.match(r"[\w\s-]{0,20}?\s\[sic\]", text[e : e + 30]):
        return RejectReason.REPAIR  # "three months [sic]": the transcript marks it a slip of the tongue
    if number.span.text.lower() == "dozen" and re.search(r"(?i)\b(?:several|few|couple(?:\s+of)?)\s+$", before):
        return RejectReason.RHETORICAL  # "a couple of dozen", "several dozen": how many is left vague
    if number.span.text.lower() == "zero" and not re.match(r"(?i)\s*(?:percent|per\s+cent|%|percentage)", after):
        return RejectReason.RHETORICAL  # "zero emissions", "the right number of casualties is zero": a goal, no count
    if not number.digits and number.span.text[:1].isupper() and re.search(r"[a-z,] $", before) and re.match(r" [A-Z][a-z]", after):
        return RejectReason.NAME  # "in Half Moon Bay", "at Three Rivers": a capitalised number word opening a name mid-sentence
    if number.kind is NumberKind.CARDINAL and not number.scaled and re.match(r"-[A-Za-z]", after):
        return RejectReason.MODIFIER  # "a two-tier system", "a ten-year plan"
    if number.kind is NumberKind.FRACTION and not number.scaled and (hyphened := re.match(r"-([A-Za-z]+)", after)):
        if hyphened.group(1).lower() not in vocabulary().scales and not unit_vocabulary().match_after(text, e + 1):
            return RejectReason.MODIFIER  # "half-mast", "half-hearted": a word of its own, no share of anything
    if number.digits and not number.scaled and re.fullmatch(r"(?:19|20)\d\d", number.span.text):
        if not unit_vocabulary().match_after(text, e):
            # a year not caught as a period; "the 1967 lines", "upon 1967 lines", "2008 elections": the year says
            # which, counts nothing (a count of as many is written "1,967 lines")
            return RejectReason.DATE
    if number.digits and not number.scaled and (re.match(r"/\d", after) or re.search(r"\d/$", before)):
        return RejectReason.DATE  # "24/7", "3/15" not read as a fraction
    if re.search(r"(?i)\bso-called\s+$", before):
        return RejectReason.NAME  # "the so-called 834 forms": a number that names a thing
    if re.search(r"(?i)(?:\bno\.|#)\s*$", before):
        return RejectReason.RANK  # "No. 1", "#2"
    if number.digits and re.search(r"(?i)\b(?:type|phase|stage|tier|level|grade|category|article|section|chapter|title|gate|room)\s+$", before):
        return RejectReason.NAME  # "type 2 diabetes", "Phase 3", "Article 5"
    if number.digits and re.search(r"(?:^|\n)[ \t]*\(?$", before) and re.match(r"[.)]\s", after):
        return RejectReason.ORDINAL  # list numbering: "1. First, ..."
    if re.search(r"(?i)\btop\s+$", before):
        return RejectReason.RANK  # "among the top five"
    if re.search(r"(?i)\bfollowing\s+$", before):
        return RejectReason.RHETORICAL
    if not number.digits and re.match(r"(?i)\s+figures\b", after) and number.value in (5, 6, 7, 8, 9):
        return RejectReason.RHETORICAL  # "a six-figure sum", "six figures": a size of sum, no count
    if not number.digits and number.value == 1 and _ONE_MOMENT_RE.match(text, e) and _ASIDE_BEFORE_RE.search(before):
        return RejectReason.RHETORICAL  # "One minute, I thought I had it", "hold on one second.": a pause, no length of time
    if number.value == 100 and re.match(r"(?i)\s*(?:percent|per\s+cent|%)\s*[,.!;]", after) and _HUNDRED_PERCENT_AS_YES_RE.search(before):
        return RejectReason.RHETORICAL  # "Absolutely, 100 percent, it's better": wholly agreeing, no share of anything
    if _CLOCK_AFTER_RE.match(text, e) or _CLOCK_BEFORE_RE.search(before):
        return RejectReason.DATE  # "the one o'clock hour", "quarter to seven": a time of day, no length of time
    if not number.digits and number.value == 1 and _ONE_AS_PRONOUN_RE.search(before) and re.match(r"(?i)\s+(?:that|which|who)\b", after):
        return RejectReason.RHETORICAL  # "the bravery ... is one that will go down": "one" stands for a noun said before
    if not number.digits and (_VAGUE_PAIR_RE.match(text, s) or _VAGUE_PAIR_RE.search(text, max(0, s - 12), e)):
        return RejectReason.RHETORICAL  # "one or two drones", "two or three occasions": a few, no count
    if _in_a_chain_of_alternatives(text, s, e):
        return RejectReason.RHETORICAL  # "three or four or five times": a guess at a few, no count
    if not number.digits and re.fullmatch(r"(?i)an?\s+(?:hundred|thousand|million)", number.span.text) and re.match(r"(?i)\s+times\b", after):
        return RejectReason.RHETORICAL  # "as we've said a hundred times": said over and over, no count
    if re.search(r"(?i)\ba\s+matter\s+of\s+$", before):
        return RejectReason.RHETORICAL  # "in a matter of 30 minutes": how soon, said loosely
    if number.kind is NumberKind.FRACTION and re.search(r"(?i)\bother\s+$", before):
        return RejectReason.RHETORICAL  # "the other half would deal with it": the rest of a group, no share
    if number.digits and not number.scaled and re.search(r"[a-z,] $", before) and (unit := _TIME_UNIT_AFTER_RE.match(text, e)):
        if unit.group(0).strip()[:1].isupper():
            return RejectReason.NAME  # "her 60 Minutes interview": a length of time in capitals mid-sentence is a title
    if number.digits and not number.scaled and (named := _NUMBERED_NAME_BEFORE_RE.search(before)):
        if named.group(1).lower() not in _title_or_body_words() and re.match(r"\s+[a-z]+s\b", after):
            return RejectReason.NAME  # "the Fortune 500 companies": the number closes a list's name, no count
    return None


_NOUN_AFTER_RE = re.compile(r"\s+([a-z]+)\b")
_CURRENCY_BEFORE_RE = re.compile(r"[$€£¥]\s*$")
_LABEL_NUMBER_BEFORE_RE = re.compile(r"(?i)(?:\bthe|\b\d{4,}\s+(?:and|or)|\d{4,},)\s+$")


@cache
def _numbered_names() -> frozenset[tuple[str, str]]:
    return frozenset((number, noun) for number, noun in (line.split(maxsplit=1) for line in read_list("numbered_names")))


def _names_a_kind(text: str, number: NumberMention) -> bool:
    """Whether a number written in digits names a kind of thing ("457 plans", "the 3407 program"):
    one of ``data/numbered_names.txt``, or four digits and more with no separator (not a year, not an
    amount of money) after "the" or another such number, before a noun that is no unit; a count of as
    many is written "3,407 programs"."""
    s, e = number.span.start, number.span.end
    noun = _NOUN_AFTER_RE.match(text, e)
    if noun is None or _CURRENCY_BEFORE_RE.search(text, max(0, s - 2), s):
        return False
    word = noun.group(1)
    if {(number.span.text, word), (number.span.text, word.removesuffix("s"))} & _numbered_names():
        return True
    return (
        re.fullmatch(r"\d{4,}", number.span.text) is not None
        and re.fullmatch(r"(?:19|20)\d\d", number.span.text) is None
        and unit_vocabulary().match_after(text, e) is None
        and _LABEL_NUMBER_BEFORE_RE.search(text, max(0, s - 20), s) is not None
    )


_ONE_MOMENT_RE = re.compile(r"(?i)\s+(?:minute|second|sec|moment)\s*[,.!;]")
_ASIDE_BEFORE_RE = re.compile(r"(?i)(?:^|[.!?:;]\s+|\n\s*|\b(?:hold\s+on|wait|just|give\s+me|bear\s+with\s+me)\s+)$")
_WHEN_AFTER_RE = re.compile(  # "the two months when", "the five years following the increase", "the 10 days preceding it"
    r"(?i)[\s-]+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:when|during\s+which|in\s+which|following|after|before|preceding)\b"
)
_HUNDRED_PERCENT_AS_YES_RE = re.compile(r"(?i)(?:^|[.!?:;]\s+|\n\s*|\b(?:absolutely|yes|yeah|oh|no|and|I\s+mean),?\s+)$")
_CLOCK_AFTER_RE = re.compile(r"(?i)\s*o['’]clock\b")
_CLOCK_BEFORE_RE = re.compile(r"(?i)\b(?:quarter|half|ten|twenty|five)\s+(?:to|past|till|after)\s+$")
_ONE_AS_PRONOUN_RE = re.compile(r"(?i)\b(?:is|was|be|a|the|another|only)\s+$")
_VAGUE_CHAIN_RE = re.compile(r"(?i)\b(?:\w+\s+or\s+){2,}\w+\b")


def _in_a_chain_of_alternatives(text: str, start: int, end: int) -> bool:
    """Whether ``start``–``end`` is one of three numbers or more joined by "or" ("three or four or five")."""
    for m in _VAGUE_CHAIN_RE.finditer(text, max(0, start - 40), min(len(text), end + 40)):
        if m.start() <= start and end <= m.end():
            words = re.split(r"(?i)\s+or\s+", m.group(0))
            return len(words) >= 3 and all(w.isdigit() or w.lower() in vocabulary().words for w in words)
    return False


_VAGUE_PAIR_RE = re.compile(r"(?i)\b(?:one\s+or\s+two|two\s+or\s+three)\b")  # idioms for "a few"; "four or five hours" is kept
_NUMBERED_NAME_BEFORE_RE = re.compile(r"\bthe\s+([A-Z][a-z]+)\s+$")


@cache
def _title_or_body_words() -> frozenset[str]:
    """Words that may stand before a count as its holder ("giving the President 30 days")."""
    return frozenset(w.lower() for name in ("titles", "person_titles", "well_known_bodies", "org_heads", "country_names") for line in read_list(name) for w in line.split())


_SMALL_WORD_COUNTS = frozenset({"one", "two", "three", "four", "five", "both", "a", "an"})
_NEXT_WORDS_RE = re.compile(r"\s+([A-Za-z][\w'-]*)(?:\s+([A-Za-z][\w'-]*))?")  # the next word, and the one after it
_ONE_OF_RE = re.compile(r"(?i)\s+(?:of|more|another|or\s+two|or\s+the\s+other)\b")


def _is_small_talk(text: str, draft: _Draft, words: _Words) -> bool:
    """Whether a small count written in words is a way of speaking rather than data.

    "the two sides", "one trade deal", "one of them", "one more question",
    "one step": a count of one written as a word counts no data unless it
    has a unit ("one percent", "one year"); two or three of a generic noun
    (``data/generic_count_nouns.txt``), or of a graded adjective's noun ("two
    very busy days", ``data/intensifiers.txt``), are rhetoric.
    """
    n = draft.number
    if n.digits or n.scaled or n.kind is not NumberKind.CARDINAL:
        return False
    word = n.span.text.lower()
    if word not in _SMALL_WORD_COUNTS:
        return False
    if re.search(r"(?i)\bas\s+$", text[max(0, n.span.start - 4) : n.span.start]) and not re.search(
        r"(?i)\b(?:well|such|as|same)\s+as\s+$", text[max(0, n.span.start - 12) : n.span.start]
    ):
        return True  # "our partnership as two states": what they are to each other, no count
    graded = re.match(r"\s+([a-z]+)\s+[a-z]", text[n.span.end : n.span.end + 30])
    if graded and graded.group(1) in word_set("intensifiers"):
        return True  # "two very busy days": how the speaker sees them, no count of anything
    if n.value == 1 and _ONE_OF_RE.match(text, n.span.end):
        return True  # "one more question", "one of the 50 states", "access is one of the issues"
    if draft.unit is None:  # "the two sides agreed": the noun phrase ran on, the next word tells
        nxt = _NEXT_WORDS_RE.match(text, n.span.end)  # "two sides", "two main sides"
        return bool(nxt) and any((w or "").lower() in words.generic_counts for w in nxt.groups())
    counted = draft.unit.kind in (UnitKind.COUNT, UnitKind.PEOPLE)
    if n.value == 1 and counted:
        return True
    head = draft.noun_words[-1].lower() if draft.noun_words else ""
    return counted and head in words.generic_counts


_PARTICIPLE_RE = re.compile(r"[a-z]{2,}(?:ed|ing)")
_DOTTED_RE = re.compile(r"(?:[A-Z]\.){2,}")


def _noun_phrase(text: str, pos: int, limit: int, words: _Words) -> tuple[list[str], int, int] | None:
    """The counted noun phrase starting at ``pos``: its words, start and end (or None)."""
    vocab = unit_vocabulary()
    out: list[tuple[str, int, int]] = []
    i = pos
    while i < limit and len(out) < 7:
        m = re.match(r"[ \t]*", text[i:limit])
        j = i + (m.end() if m else 0)
        w = _WORD_RE.match(text, j, limit)
        if not w:
            break
        word = w.group(0)
        lower = word.lower()
        if lower in {"and", "or"} and out:
            nxt = _WORD_RE.match(text, w.end() + 1, limit) if w.end() < limit else None
            prev = out[-1][0]
            if nxt is None or nxt.group(0).lower() in words.function or nxt.group(0)[0].isdigit():
                break
            if vocab.is_plural(prev) and not vocab.is_plural(nxt.group(0)):
                break
            out.append((word, w.start(), w.end()))
            i = w.end()
            continue
        if lower == "more" and not out and not re.match(r"\s+than\b", text[w.end() : limit]):
            out.append((word, w.start(), w.end()))  # "40 more crews": more of the thing counted
            i = w.end()
            continue
        if lower in words.function or lower in words.qualifier_words or word[0].isdigit() and not re.search(r"[A-Za-z]", word):
            if lower == "of" and out and out[-1][0].lower() in vocab.partitives:
                out.append((word, w.start(), w.end()))
                i = w.end()
                continue
            break
        if word[0].isupper() and not out and not re.search(r"\d", word) and lower not in vocab.by_word and not is_demonym(word):
            if not is_people_group(word) and not _DOTTED_RE.fullmatch(word):  # "560 U.S. support staff"
                break  # "61 Nairobi ..." is not a counted thing; "61 Canadians", "two Canadian firms", "40 Democrats" are
        verb = _PARTICIPLE_RE.fullmatch(word) or lower in words.verb_forms
        if out and verb and vocab.is_plural(out[-1][0]) and lower not in vocab.by_word:
            break  # "800 jobs added since spring": the noun phrase ends, a reduced clause begins
        out.append((word, w.start(), w.end()))
        i = w.end()
        if is_people_group(word):
            break  # "Canadians" is the whole thing counted: a verb may follow
    while out and out[-1][0].lower() in {"and", "or", "of"}:
        out.pop()
    if not out:
        return None
    return [o[0] for o in out], out[0][1], out[-1][2]


def _unit(text: str, draft: _Draft, sentence: Span, vocab, words: _Words, limit: int, dollar: Unit | None) -> None:
    """The unit after (or the currency sign before) the number, or the thing it counts, up to ``limit``."""
    n = draft.number
    if n.kind is NumberKind.FRACTION:
        draft.unit = vocab.units["fraction"]
        return
    before = vocab.match_before(text, n.span.start)
    if before is not None and before[1] >= sentence.start:
        draft.unit, draft.start = before
        if text[before[1] : n.span.start].strip() == "$":  # a bare "$": the dollar the text states
            draft.unit = dollar
            if dollar is None:
                return
        after_scale = re.match(r"\s*-?\s*(million|billion|trillion|thousand|mn|bn)\b", text[n.span.end : limit], re.I)
        if after_scale and not n.scaled:
            draft.end = n.span.end + after_scale.end()
        return
    cents = _CENTS_RE.match(text, n.span.end)
    if cents and dollar is not None and cents.end() <= sentence.end:  # "75 cents": 0.75 of the dollar the text states
        draft.unit, draft.end, draft.scale = dollar, cents.end(), Decimal("0.01")
        return
    after = vocab.match_after(text, n.span.end)
    if after is not None and after[1] <= sentence.end:
        unit, end = after
        draft.unit, draft.end = unit, end
        if unit.kind is UnitKind.PEOPLE:
            draft.noun_words = text[n.span.end : end].split()
        return
    phrase = _noun_phrase(text, n.span.end, limit, words)
    if phrase is None:
        return
    noun, start, end = phrase
    if len(noun) == 1 and noun[0].lower() in words.function:
        return
    if noun[0].lower() in word_set("vague_determiners"):
        return  # "50 several months": a vague determiner opens a phrase the number does not count
    lowered = [w.lower() for w in noun]
    head = noun[lowered.index("of") - 1] if "of" in lowered else noun[-1]
    if not re.fullmatch(r"[A-Za-z][A-Za-z'’-]*", head) or head.lower().endswith("ing") and len(noun) == 1:
        return
    if not vocab.is_plural(head) and n.value != 1:
        known = vocab.by_word.get(head.lower())
        if known is None:
            return  # "8 billion illegal ..." stops before its noun; "100 related" is no count
    if n.value == 1 and not n.digits and n.kind is NumberKind.CARDINAL and head.lower() not in vocab.by_word:
        if not _ONE_THING_RE.match(text, n.span.end) or head.lower() in words.function:
            return
    unit = _count_unit(noun, vocab)
    draft.unit, draft.end = unit, end
    draft.noun_words, draft.noun_span = noun, (start, end)


_CENTS_RE = re.compile(r"[ \t]+cents?\b", re.I)
_ONE_THING_RE = re.compile(r"(?i)\s+(?:single|new|more|additional|of)?\s*\w+")


def _count_unit(noun: list[str], vocab) -> Unit:
    """The unit of a counted noun phrase, with coordinated heads ("websites and platforms") kept."""
    words = [w for w in noun]
    if "of" in [w.lower() for w in words]:
        i = [w.lower() for w in words].index("of")
        head = vocab.singular(words[i - 1])
        return Unit.count(f"{head} of {' '.join(w.lower() for w in words[i + 1 :])}")
    lowered = [w.lower() for w in words]
    for conj in ("and", "or"):
        if conj in lowered:
            i = lowered.index(conj)
            left, right = words[:i], words[i + 1 :]
            if left and right and vocab.is_plural(left[-1]) and vocab.is_plural(right[-1]):
                a, b = vocab.count_unit(left), vocab.count_unit(right)
                if a == b:
                    return a
                if a.kind is UnitKind.COUNT and b.kind is UnitKind.COUNT:
                    return Unit.count(f"{a.key} {conj} {b.key}")
            words = right or left
            break
    return vocab.count_unit(words)


def _qualifier(text: str, draft: _Draft, sentence: Span, words: _Words) -> None:
    """A qualifier right before the figure ("over", "nearly") or right after its unit ("and above")."""
    start = max(sentence.start, draft.start - 40)
    m = words.qualifier_before_re.search(text, start, draft.start)
    if m:
        draft.qualifier = words.qualifier_kinds[" ".join(m.group("q").lower().split())]
        draft.start = m.start("q")
    m = words.qualifier_after_re.match(text, draft.end, sentence.end)
    if m:
        draft.qualifier = draft.qualifier or words.qualifier_kinds[" ".join(m.group("q").lower().split())]
        draft.end = m.end()


# ---------------------------------------------------------------- series


_SERIES_GAP_RE = re.compile(r"^\s*(?:in\s+(?:the\s+(?:year\s+)?)?(?:19|20)\d\d\s*)?,?\s*to\s*$", re.I)


def _series(ctx: _Context, sentence: Span, drafts: list[_Draft]) -> None:
    """Pair "from X ... to Y" figures into series, copying a unit stated on one side to the other."""
    text = ctx.text
    for a, b in zip(drafts, drafts[1:]):
        lead = text[max(sentence.start, a.start - 12) : a.start]
        if not re.search(r"(?i)\bfrom\s*$", lead):
            continue
        gap = text[a.end : b.start]
        if not _SERIES_GAP_RE.match(gap):
            continue
        if a.unit is None and b.unit is not None and b.unit.kind is not UnitKind.COUNT:
            a.unit = b.unit
        if b.unit is None and a.unit is not None:
            b.unit = a.unit
        if a.unit is not None and b.unit is not None and a.unit.kind != b.unit.kind:
            continue
        a.series_with, a.series_first = b, True
        b.series_with = a


def _inherit_unit(ctx: _Context, sentence: Span, draft: _Draft, drafts: list[_Draft], vocab) -> None:
    """A unit from context: the series partner, "the number of X ...", "that figure", "X a day"."""
    text, words = ctx.text, _words()
    partner = draft.series_with
    if partner is not None and partner.unit is not None:
        draft.unit = partner.unit
        return
    head = text[sentence.start : draft.start]
    head = re.sub(r"(?i)\s*(?:from|to|by|at)?\s*$", "", head)
    head = re.sub(r"(?i)\s*(?:over|more than|nearly|about|around|some|just|only|almost|roughly)\s*$", "", head)
    if re.search(r"(?i)\b(?:that|this|the)\s+figure\s+(?:was|is|stood at|reached|came to)\s*(?:just|only)?\s*$", text[sentence.start : draft.start]):
        if ctx.last_figure is not None and ctx.last_figure.unit is not None:
            draft.unit = ctx.last_figure.unit
            draft.measure = ctx.last_figure.measure
            return
    subject = _subject_phrase(head, words)
    if subject:
        tokens = _WORD_RE.findall(subject)
        for noun in ("number of", "total number of"):
            m = re.search(rf"(?i)\b{noun}\s+(.+)$", subject)
            if m:
                tokens = _WORD_RE.findall(re.split(r"(?i)\s+(?:in|at|across|on)\s+", m.group(1))[0])
                break
        else:
            if tokens and not vocab.is_plural(tokens[-1]):
                tokens = []
        if tokens and tokens[-1][0].isupper() and not is_people_group(tokens[-1]):
            tokens = []  # "Ada Williams was one of ...": a name, not a counted thing
        if tokens and re.fullmatch(r"[A-Za-z][A-Za-z'-]*", tokens[-1]) and tokens[-1].lower() not in words.function:
            draft.unit = _count_unit(tokens, vocab)
            draft.measure = draft.measure or _normalise_measure(subject)
            return
    rate = _RATE_RE.match(text, draft.end, sentence.end)
    earlier = [d for d in drafts if d.start < draft.start and d.unit is not None and d.unit.kind in {UnitKind.COUNT, UnitKind.PEOPLE}]
    if rate and earlier:
        draft.unit = earlier[-1].unit
        draft.end += rate.end()


_RATE_RE = re.compile(r"(?i)\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b")


def _subject_phrase(head: str, words: _Words) -> str:
    """The noun phrase before the verb at the end of ``head`` ("the number of X grew")."""
    m = next(reversed(list(words.change_verbs_re.finditer(head))), None)  # the last verb
    if m is None or head[m.end() :].strip(" ,"):
        return ""
    before = head[: m.start()].rstrip()
    before = re.sub(r"(?i)\s+(?:has|have|had)(?:\s+been)?$", "", before)
    clause = re.split(r"[,;:]\s*|\b(?:while|whereas|but|and)\s+", before)[-1]
    clause = re.sub(r"(?i)^(?:which|that|of which|of this|of these)\s*", "", clause).strip()
    return clause


# ---------------------------------------------------------------- periods


def _periods(ctx: _Context, sentence: Span, drafts: list[_Draft], periods: list[PeriodMention]) -> None:
    """Give each figure its reference period: its own phrase, the sentence's, the series', or the one carried."""
    refs = [p for p in periods if p.role is PeriodRole.REFERENCE]
    same = [p for p in periods if p.role is PeriodRole.SAME_AS_BEFORE]
    clause_breaks = [m.start() + sentence.start for m in re.finditer(r"[,;:()—]|\b(?:while|whereas|but)\b", sentence.text)]
    for draft in drafts:
        chosen: PeriodMention | None = None
        partner = draft.series_with
        if partner is not None:
            chosen = _series_period(ctx, sentence, draft, partner, refs)
            if chosen is not None:
                draft.period = chosen
                continue
        after = [p for p in refs if p.span.start >= draft.end and p.span.start - draft.end <= 50]
        after = [p for p in after if not any(draft.end <= c < p.span.start for c in clause_breaks)]
        after = [p for p in after if not any(d is not draft and draft.end <= d.start < p.span.start for d in drafts)]
        if after:
            chosen = after[0]
        else:
            before = [p for p in refs if p.span.end <= draft.start]
            if before:
                chosen = before[-1]
            elif same and ctx.carry is not None:
                chosen = ctx.carry
            else:
                rest = [p for p in refs if p.span.start >= draft.end]
                if rest:
                    chosen = rest[0]
                elif same:
                    chosen = ctx.carry
                elif not (draft.unit is not None and draft.unit.is_duration):
                    chosen = ctx.carry
        draft.period = chosen


def _series_period(ctx: _Context, sentence: Span, draft: _Draft, partner: _Draft, refs: list[PeriodMention]) -> PeriodMention | None:
    """Series ends take "in 2015"/"in 2020" after them, else the ends of "from 2015 to 2020", else the previous series'."""
    own = [p for p in refs if p.span.start >= draft.end and p.span.start - draft.end <= 12 and p.bounds is None]
    if own:
        return own[0]
    first = draft.series_first
    intervals = [p for p in refs if p.bounds is not None and p.span.end <= max(draft.start, partner.start)]
    if intervals:
        interval = intervals[-1]
        bound = interval.bounds[0] if first else interval.bounds[1]
        return PeriodMention(interval.span, bound, PeriodRole.REFERENCE)
    if ctx.last_series is not None:
        return ctx.last_series[0 if first else 1]
    return None


def _update_carry(ctx: _Context, periods: list[PeriodMention], drafts: list[_Draft]) -> None:
    """The period a sentence sets for the sentences after it, within a paragraph."""
    in_series = [d for d in drafts if d.series_with is not None]
    if in_series:
        firsts = [d for d in in_series if d.series_first]
        if firsts:
            ctx.last_series = (firsts[-1].period, firsts[-1].series_with.period if firsts[-1].series_with else None)
        ctx.carry = None
        return
    refs = [p for p in periods if p.role is PeriodRole.REFERENCE]
    if refs:
        ctx.carry = refs[-1]


# ---------------------------------------------------------------- measures and subjects


def _normalise_measure(phrase: str) -> str:
    """What is measured, as a key shared by every mention of it.

    >>> _normalise_measure("the market size of its tea industry")
    'tea industry market size'
    >>> _normalise_measure("The number of bus riders in Kenya")
    'bus riders'
    """
    words = _words()
    text = " ".join(phrase.replace("’", "'").split()).strip(" ,.;:")
    text = re.sub(r"(?i)^(?:the|a|an|its|their|our|this|these|that|those)\s+", "", text)
    text = re.sub(r"(?i)\s+in\s+(?:[A-Z][\w'-]*\s*)+$", "", text) if re.search(r"\s+in\s+[A-Z]", text) else text
    m = words.measure_of_re.fullmatch(text)
    if m and not re.search(r"\b(?:in|of|for|on|at)\b", m.group("what")):
        noun = " ".join(m.group("noun").lower().split())
        text = m.group("what") if noun in {"number", "total number"} else f"{m.group('what')} {m.group('noun')}"
    else:
        m = re.fullmatch(r"(?i)(?:the\s+)?(?:total\s+)?number\s+of\s+(.+)", text)
        if m:
            text = m.group(1)
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = re.sub(r"(?i)\bas\s+a\s+(share|percentage|proportion)\s+of\s+(?:its|their|the)\s+", r"\1 of ", text).strip()
    first, _, rest = text.partition(" ")
    if first[:1].isupper() and first[1:].isalpha() and first[1:].islower() and not rest[:1].isupper():
        text = first.lower() + (" " + rest if rest else "")
    return text


_PARTICLES = r"(?:\s+(?:out|up|down|off|with|in|away|back))?"


def _measure(ctx: _Context, sentence: Span, draft: _Draft, drafts: list[_Draft]) -> None:
    """Name what a figure measures, from the sentence around it.

    In order: a share ("accounted for 30% of the total"), a change of the
    figure before ("up 3.4%"), a series' measure, what a duration is of ("held
    the fair for nine years"), the subject of the verb before the figure ("the
    number of car owners rose to ..."), the counted thing and its verb ("61
    bridges built"), what a sum of money is for ("deals worth ...").
    """
    if draft.measure:
        draft.measure = _normalise_measure(draft.measure)
        return
    text, words = ctx.text, _words()
    head = text[sentence.start : draft.start]
    tail = text[draft.end : sentence.end]
    share = re.match(r"(?i)\s+(?:of|in)\s+(?:the\s+|its\s+|their\s+|all\s+)?([\w'’-]+(?:\s+(?!(?:in|of|for|and|or|on|at|by|with|to|from|than|as)\b)[\w'’-]+){0,3})", tail)
    if share and draft.unit is not None and draft.unit.kind in {UnitKind.PERCENT, UnitKind.FRACTION}:
        draft.share_of = share.group(1).strip()
    if re.search(r"(?i)\bas\s+a\s+(?:share|percentage|proportion)\s+of\s+(?:its\s+|the\s+)?([\w-]+)", head):
        draft.share_of = re.search(r"(?i)\bas\s+a\s+(?:share|percentage|proportion)\s+of\s+(?:its\s+|the\s+)?([\w-]+)", head).group(1)
    share_verb = re.search(r"(?i)\b(?:accounting\s+for|accounted\s+for|accounts\s+for|account\s+for|made\s+up|making\s+up|makes\s+up|representing|represented)\s*$", head)
    if share_verb and draft.share_of:
        owner = _subject_phrase(head, words)
        if not owner or owner.lower() in {"which", "it", "this", "that"}:
            previous = [d for d in drafts if d.end <= draft.start and d is not draft]
            base = previous[-1] if previous else None
            owner = base.measure if base is not None and base.measure else ""
        if owner:
            draft.measure = f"{_normalise_measure(owner)} share of {draft.share_of}"
            return
    # "up 3.4% year on year", "an increase of 12.6%": the change of the figure just before
    change = re.search(r"(?i)(?:\b(up|down)\s+(?:by\s+)?|\ban?\s+(increase|rise|decrease|drop|decline|growth)\s+of\s+)$", head)
    earlier = [d for d in drafts if d.end <= draft.start and d is not draft]
    if change and draft.unit is not None and draft.unit.kind in {UnitKind.PERCENT, UnitKind.POINT}:
        base = earlier[-1] if earlier else ctx.last_figure
        if base is not None and base.measure:
            word = (change.group(1) or change.group(2)).lower()
            direction = "growth" if word in {"up", "increase", "rise", "growth"} else "decline"
            draft.measure = f"{base.measure} {direction}"
            return
    subject = _subject_phrase(re.sub(r"(?i)\s*(?:from|to|by|at)\s*$", "", head), words)
    if subject:
        if re.fullmatch(r"(?i)which|that|it|this", subject.strip()) or not subject.strip():
            subject = ""
        elif subject.lower().startswith(("which", "that")):
            subject = ""
    if not subject and re.search(r"(?i),\s*which\s+(?:has\s+)?\w+\s+(?:from\s+)?$", head):
        antecedent = re.split(r"(?i),\s*which\b", head)[0]
        m = re.search(r"(?i)\b(?:in|for|on|of|at|with|to|by)\s+((?:the|its|their)\s+.+)$", antecedent)
        subject = m.group(1) if m else ""
    if draft.series_with is not None and not draft.series_first and draft.series_with.measure:
        draft.measure = draft.series_with.measure
        return
    if draft.unit is not None and draft.unit.is_duration:
        m = re.search(r"(?i)\bfor\s*$", head)
        if m:
            clause = re.split(r"[,;]\s*", head[: m.start()])[-1]
            clause = re.sub(r"(?i)^(?:[\w'-]+\s+){1,3}?(?:have|has|had)\s+(?!been\b)(?:also\s+)?", "", clause.strip())
            clause = re.sub(r"(?i)\s+(?:has|have|had)\s+been\s+", " ", clause)
            draft.measure = _normalise_measure(clause) if clause else "duration"
            return
    if subject and not (draft.noun_words and subject.lower().rstrip().endswith(("we", "they", "it"))):
        draft.measure = _normalise_measure(subject)
        return
    if draft.noun_words:
        noun = " ".join(draft.noun_words)
        verb = re.search(rf"(?i)\b({words.verbs_re}){_PARTICLES}\s*$", re.sub(r"(?i)\s*(?:over|more than|nearly|about|around|some|almost|roughly|at least|up to|a total of)\s*$", "", head))
        if verb and verb.group(1).lower() not in {"need", "speed", "seed", "feed", "bed"}:
            phrase = verb.group(0).strip()
            first = phrase.split()[0]
            phrase = words.participles.get(first.lower(), first) + phrase[len(first) :]
            draft.measure = _normalise_measure(f"{noun} {phrase}")
            return
        after_verb = re.match(rf"(?i)\s+(?:have|has|had|were|was|are|is)\s+(?:been\s+)?(?:newly\s+)?(?P<verb>{words.verbs_re}{_PARTICLES})\b", tail)
        if after_verb:
            draft.measure = _normalise_measure(f"{noun} {after_verb.group('verb')}")
            return
        draft.measure = _normalise_measure(noun)
        return
    if draft.unit is not None and draft.unit.kind is UnitKind.CURRENCY:
        m = re.search(r"(?i)\b(?:worth|of|totaling|totalling)\s*$", head)
        thing = re.search(r"(?i)\b(?:an?\s+)?([\w-]+(?:\s+[\w-]+)?)\s+(?:worth|of|totaling|totalling)\s*$", head)
        if m and thing and thing.group(1).lower() not in words.function:
            draft.measure = _normalise_measure(thing.group(1))
            return
        spent = re.search(rf"(?i)\b(\w+ed|spent|paid|sold|raised|lost|won){_PARTICLES}\s+(?:a\s+record\s+)?$", head)
        if spent:
            draft.measure = _normalise_measure(f"amount {spent.group(0).strip()}")
            return
    draft.measure = draft.unit.key if draft.unit is not None else "quantity"


_NAME_RE = r"(?:[A-Z][\w'&.-]*|[A-Z]{2,}\w*)(?:\s+(?:of|and|for|the|&)?\s*(?:[A-Z][\w'&.-]*))*"
_SUBJECT_VERB_RE = re.compile(
    rf"^(?:[^,]{{0,60}},\s*)?(?P<name>{_NAME_RE})\s+(?:has\s+|have\s+|had\s+|is\s+|was\s+|remains\s+|also\s+)?(?:\w+ed|has|is|was|tops|ranks|leads|remains|holds|boasts|accounts|now)\b"
)


def _subject(ctx: _Context, sentence: Span, draft: _Draft) -> None:
    """The place or body a figure is about: "... riders in Kenya", or the sentence's named subject."""
    text = ctx.text
    region = text[sentence.start : draft.start]
    m = re.search(rf"\b(?:in|of)\s+(?P<name>{_NAME_RE})\s+(?:grew|rose|increased|fell|reached|was|were|stood|hit|totaled|dropped|declined)\b", region)
    span = None
    if m:
        span = Span.of(text, sentence.start + m.start("name"), sentence.start + m.end("name"))
    else:
        m = _SUBJECT_VERB_RE.match(region)
        if m and _is_proper_name(m.group("name")):
            span = Span.of(text, sentence.start + m.start("name"), sentence.start + m.end("name"))
        elif re.match(r"(?i)^(?:[^,]{0,60},\s*)?the\s+(?:country|nation)\b", region) and ctx.last_subject is not None:
            draft.subject = ctx.last_subject
            return
    if span is not None:
        draft.subject = Subject(span, ctx.lookup(span.text))
        ctx.last_subject = draft.subject


def _is_proper_name(name: str) -> bool:
    words = name.split()
    first = words[0].lower()
    if first in _words().function or first in {"we", "our", "it", "they", "this", "these", "there", "in", "since", "by", "last", "first", "second"}:
        return False
    if len(words) == 1:
        return not unit_vocabulary().is_plural(words[0]) and words[0].lower() not in unit_vocabulary().by_word
    return True


# ---------------------------------------------------------------- rankings and fines


_ORDINAL_VALUES = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
}  # fmt: skip
_ORD = r"(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
_SCOPE = r"(?:\s+(?:in\s+the\s+world|globally|worldwide|in\s+(?P<scope>[A-Z][\w]+)))?"
_MEASURE_END = r"(?=\s+for\s+(?:several|many|a\s+few|\w+\s+consecutive|\w+)\s+(?:years|months|decades)|\s+with\b|\s+and\s+(?:is|ranks|has|remains)\b|[,;.]|$)"
_RANKING_RES = [
    re.compile(rf"\b(?P<verb>tops|topped|top|leads|led|lead)\s+the\s+world\s+in\s+(?P<measure>.+?){_MEASURE_END}"),
    re.compile(rf"\b(?:ranks?|ranked|ranking|has\s+ranked|remained|remains|stands?|placed?)\s+{_ORD}{_SCOPE}(?:\s+for\s+[\w\s]+?)?(?:\s+in\s+the\s+world)?\s+in\s+(?P<measure>.+?){_MEASURE_END}"),
    re.compile(rf"\b(?:the\s+)?world'?s\s+(?:{_ORD}\s+)?(?:largest|biggest|highest|longest|greatest)\s+(?P<measure>.+?){_MEASURE_END}"),
    re.compile(rf"(?P<measure>\b[\w'’ -]+?)\s+(?:is|are|remains|remain)\s+the\s+(?:{_ORD}\s+)?(?:largest|biggest|highest)\s+in\s+the\s+world"),
]


# A word every match of the ranking pattern at the same place needs (case-sensitive, as the patterns are):
# the last pattern backtracks over every run of words, and few sentences say "world" or "rank".
_RANKING_CUES = [re.compile(cue) for cue in ("world", "rank|remain|stand|place", "world", "world")]


def _rankings(ctx: _Context, sentence: Span) -> list[Ranking]:
    text = sentence.text
    out: list[Ranking] = []
    taken: list[tuple[int, int]] = []
    for pattern, cue in zip(_RANKING_RES, _RANKING_CUES, strict=True):
        if cue.search(text) is None:
            continue
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            ordinal = (m.groupdict().get("ord") or "first").lower()
            rank = _ORDINAL_VALUES.get(ordinal) or int(re.sub(r"\D", "", ordinal) or 0)
            if rank < 1:
                continue
            measure = m.group("measure")
            measure = re.sub(r"(?i)^(?:the\s+)?(?:country'?s\s+|its\s+)?", "", measure.strip())
            scope = m.groupdict().get("scope") or ("world" if re.search(r"(?i)world|global", m.group(0)) else None)
            span = Span.of(ctx.text, sentence.start + m.start(), sentence.start + m.end())
            subject = _ranking_subject(ctx, sentence, m.start())
            out.append(Ranking(span, rank, _normalise_measure(measure), ctx.turn, scope, subject))
            taken.append(m.span())
    return sorted(out, key=lambda r: r.span.start)


def _ranking_subject(ctx: _Context, sentence: Span, pos: int) -> Subject | None:
    region = sentence.text[:pos]
    m = re.match(rf"^(?:[^,]{{0,60}},\s*)?(?P<name>{_NAME_RE})\s+(?:has\s+|have\s+|is\s+|also\s+|now\s+)?", region)
    if m and _is_proper_name(m.group("name")) and m.end() >= len(region.rstrip()) - 40:
        span = Span.of(ctx.text, sentence.start + m.start("name"), sentence.start + m.end("name"))
        subject = Subject(span, ctx.lookup(span.text))
        ctx.last_subject = subject
        return subject
    if re.match(r"(?i)^(?:[^,]{0,60},\s*)?the\s+(?:country|nation)\b", region) or re.search(r"(?i)\band\s+$", region):
        return ctx.last_subject
    return None


def _company(text: str) -> re.Match[str] | None:
    return _company_re().match(text)


@cache
def _company_re() -> re.Pattern[str]:
    """A capitalised name at the start of a text, with any legal suffixes after it."""
    suffixes = "|".join(re.escape(s.rstrip(".")) + r"\.?" for s in sorted(_words().company_suffixes, key=len, reverse=True))
    return re.compile(rf"(?:(?:a|an|the)\s+)?(?:[A-Z][\w&'-]*\.?)(?:\s+(?:[A-Z][\w&'-]*\.?|of|and|&))*(?:,?\s+(?:{suffixes})(?![\w]))*")


def _find_fines(ctx: _Context, sentence: Span, drafts: list[_Draft]) -> list[tuple[_Draft, Span, int]]:
    """Fines among the figures: "a fine of N on X", "fined X N", "X was fined N".

    Returns each fine's amount, its target and where the fine phrase starts.
    """
    text = ctx.text
    enforcement = _words().enforcement
    found = []
    for draft in drafts:
        if draft.unit is None or draft.unit.kind is not UnitKind.CURRENCY:
            continue
        head = text[sentence.start : draft.start]
        tail = text[draft.end : sentence.end]
        target: Span | None = None
        start = draft.start
        m = re.search(r"(?i)\b(?:a|an)?\s*(?P<w>fines?|penalty|penalties)\s+(?:of|totaling|totalling|worth|amounting\s+to)\s+$", head)
        if m and m.group("w").lower() in enforcement:
            on = re.match(r"\s+(?:on|against|to)\s+", tail)
            if on:
                company = _company(tail[on.end() :])
                if company:
                    s = draft.end + on.end() + company.start()
                    target = Span.of(text, s, s + len(company.group(0).rstrip(", ")))
            verb = re.search(r"(?i)\b(?:imposed|levied|issued|handed\s+down|announced)\s+(?:a\s+|an\s+)?$", head[: m.start("w")])
            start = sentence.start + (verb.start() if verb else m.start("w"))
        else:
            m = re.search(r"(?i)\b(?P<w>fined|penali[sz]ed)\s+(?P<target>.+?)\s+$", head)
            if m and m.group("w").lower() in enforcement and len(m.group("target")) <= 80:
                target = Span.of(text, sentence.start + m.start("target"), sentence.start + m.end("target"))
                start = sentence.start + m.start("w")
            else:
                m = re.search(r"(?i)\b(?:was|were|has\s+been|had\s+been|got|been)\s+(?P<w>fined|penali[sz]ed)\s+$", head)
                if m:
                    name = re.search(rf"(?P<name>{_NAME_RE})$", head[: m.start()].rstrip())
                    if name and _is_proper_name(name.group("name")):
                        target = Span.of(text, sentence.start + name.start("name"), sentence.start + name.end("name"))
                        start = target.start
        if target is None:
            continue
        target = target.strip(" ,")
        if target.text:
            found.append((draft, target, start))
    return found


def _freeze(ctx: _Context, draft: _Draft) -> Figure:
    period = draft.period
    return Figure(
        span=Span.of(ctx.text, draft.start, draft.end),
        value=draft.number.value if draft.scale == 1 else (draft.number.value * draft.scale).normalize(),
        unit=draft.unit,
        measure=draft.measure or "quantity",
        turn=ctx.turn,
        qualifier=draft.qualifier,
        period=period.period if period is not None else None,
        period_span=period.span if period is not None else None,
        subject=draft.subject,
        share_of=draft.share_of,
    )
