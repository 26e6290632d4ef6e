"""Roster lines → people with their posts, as mentions.

A roster line reads ``[Honorific] Name, post, post and post`` where a post is
``title [of|at] [the] Body [(ACR)]``. Posts are split only where the next
words open a known title (``data/titles.txt``), so bodies whose names hold
"and" or commas stay whole. A title without a body ("vice minister and
spokesperson of the X") takes the body of the post after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import lexicon, national_prefixes, word_set
from ..model import Role, RosterLine, Span, Transcript
from .matching import folded_span, recut
from .orgs import AcronymDefinition, find_acronym_after, is_acronym, is_org_name, strip_article
from .people import MODIFIERS, described_title, split_where

_SEPARATOR_RE = re.compile(r"\s*(?:,\s*and\s+|;\s*|,\s*|\s+and\s+|\s*&\s*)")
_BODY_LINK_RE = re.compile(r"\s+(?:of|at|to|with)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PostMention:
    """A post as written: its title, and the body it is in (if stated)."""

    span: Span
    title: Span
    body: Span | None
    acronym: AcronymDefinition | None
    modifier: Span | None = None  # "Acting" of "Acting ABC Director": part of the title, written before the body

    @property
    def title_text(self) -> str:
        """The title in lower case, with a modifier written before the body: "acting director"."""
        lead = self.modifier.text + " " if self.modifier is not None else ""
        return " ".join((lead + self.title.text).lower().split())


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One participant as the roster states them."""

    line: Span
    block: Role | None
    honorific: Span | None
    name: Span
    posts: tuple[PostMention, ...]


def extract_roster(transcript: Transcript) -> tuple[RosterEntry, ...]:
    """Read every roster line of ``transcript`` into a :class:`RosterEntry`.

    One line may hold several entries separated by semicolons. Lines are
    read on the folded text ("People’s Bank", a no-break space after a
    comma); every span is cut from the source.
    """
    entries: list[RosterEntry] = []
    folded = transcript.folded  # matched on the folded text; spans cut from the source below
    for line in transcript.roster:
        for piece in _split_entries(RosterLine(folded_span(folded, line.span), line.block)):
            entry = parse_entry(folded, piece, block=line.block)
            if entry is not None:
                entries.append(entry)
    return recut(tuple(entries), transcript.text)


def _split_entries(line: RosterLine) -> list[Span]:
    pieces = []
    start = 0
    for m in re.finditer(r";\s*", line.span.text):
        pieces.append(line.span.sub(start, m.start()))
        start = m.end()
    pieces.append(line.span.sub(start, len(line.span.text)))
    # A semicolon only separates entries when every piece opens with a name, a comma and a
    # title; a semicolon inside a body's name ("Office of Rivers; Lakes and Seas") does not.
    if len(pieces) > 1 and all(_opens_entry(p.strip().text) for p in pieces):
        return [p.strip() for p in pieces]
    return [line.span]


_NAME_RE = re.compile(r"[^\W\d_][\w.'’\-]*")
_NOT_IN_NAMES = frozenset({"and", "of", "the", "for", "on", "in", "at", "to"})


def _opens_entry(text: str) -> bool:
    """Whether ``text`` reads "[Honorific] Name, title ...": a roster entry of its own.

    >>> _opens_entry("Ms. Zhou Min, director of the Water Bureau"), _opens_entry("Lakes and Seas, director of X")
    (True, False)
    """
    lex = lexicon()
    head, comma, rest = text.partition(",")
    if not comma:
        return False
    m = lex.honorific_re.match(head)
    name = head[m.end() :] if m else head
    words = name.split()
    if not 1 <= len(words) <= 5 or any(w.lower() in _NOT_IN_NAMES or w in lex.org_heads or not _NAME_RE.fullmatch(w) for w in words):
        return False
    rest = rest.strip()
    return m is not None or lex.match_title(rest) is not None or lex.title_at_end(rest.split(",")[0].strip()) is not None


def parse_entry(source: str, span: Span, *, block: Role | None = None) -> RosterEntry | None:
    """Parse one ``Name, post ...`` entry; ``None`` when it is not one."""
    lex = lexicon()
    head_end = span.text.find(",")
    if head_end < 0:
        return None
    head = span.sub(0, head_end).strip()
    lead = re.match(r"(?i)(?:by|and)\s+", head.text)  # a header block: "BY ANA REYES, post"
    if lead:
        head = head.sub(lead.end(), len(head.text))
    honorific = None
    m = lex.honorific_re.match(head.text)
    if m:
        honorific = head.sub(0, m.end())
        head = head.sub(m.end(), len(head.text)).strip()
    rest = span.sub(head_end + 1, len(span.text)).strip(" \t,.;")
    posts = _parse_posts(source, rest)
    if not head.text or not posts:
        return None
    return RosterEntry(line=span, block=block, honorific=honorific, name=head, posts=posts)


def _parse_posts(source: str, rest: Span) -> tuple[PostMention, ...]:
    lex = lexicon()
    text = rest.text
    # Cut points: a separator followed by a known title.
    cuts = [0]
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth or i < cuts[-1]:
            continue  # inside brackets, or inside the separator just cut (", and ")
        m = _SEPARATOR_RE.match(text, i)
        if m and m.end() > i and (i == 0 or text[i - 1] != " ") and lex.match_title(text, m.end()):
            cuts.append(i)
            cuts.append(m.end())
    cuts.append(len(text))
    segments = [rest.sub(cuts[k], cuts[k + 1]).strip() for k in range(0, len(cuts), 2)]
    segments = [s for s in segments if s.text]

    parsed = [parse_post(source, seg) for seg in segments]
    posts: list[PostMention] = []
    # A title with no body borrows the body of the next post that has one.
    for i, post in enumerate(parsed):
        if post.body is None:
            later = next((p for p in parsed[i + 1 :] if p.body is not None), None)
            if later is not None:
                post = PostMention(post.span, post.title, later.body, later.acronym)
        posts.append(post)
    return tuple(posts)


def _body_before_title(source: str, seg: Span) -> PostMention | None:
    """ "ABC Coordinator for Outreach", "Acting ABC Director": a body (after a modifier) written before the title.

    What stands before the title is read as in mentioned people
    (:func:`.people.split_where`); the title and any body after it as a post.
    """
    title = _title_word_re().search(seg.text)
    if title is None or title.start() == 0:
        return None
    modifier, _, body = split_where(seg.sub(0, title.start()).strip())
    if body is None:
        return None
    rest = parse_post(source, seg.sub(title.start(), len(seg.text)))
    return PostMention(seg, rest.title, rest.body or body, rest.acronym, modifier or rest.modifier)


_MODIFIER_RE = re.compile(rf"(?i:{MODIFIERS})")
_FOR_FIELD = r"\s+(?:for|For)\s+[A-Z][\w'’\-]*(?:,?\s+(?:and\s+)?[A-Z][\w'’\-]*)*"  # " for Strategic Communications"
_PORTFOLIO_FOR_RE = re.compile(rf"([A-Z][\w'’\-]*(?:\s+(?:and\s+)?[A-Z][\w'’\-]*)?){_FOR_FIELD}$")  # "State for Public Diplomacy"
_PORTFOLIO_TAIL_RE = re.compile(_FOR_FIELD)


def _portfolio_tail(text: str, end: int) -> re.Match[str] | None:
    """ "for Strategic Communications" after a title: a portfolio (not a body) the title is for."""
    tail = _PORTFOLIO_TAIL_RE.match(text, end)
    if tail is None:
        return None
    words = tail.group(0).split()[1:]
    if is_org_name(" ".join(words)) or is_acronym(words[0]):
        return None  # "Spokesperson for ABC", "Envoy for the Water Bureau": a body
    if any(_title_word_re().fullmatch(w) for w in words):
        return None  # "Spokesperson for Secretary-General Ana Reyes": for a person, no portfolio
    return tail


@cache
def _remit_re() -> re.Pattern[str]:
    """ " for the Harbour Coalition to Counter Floods": a remit, with no body after it ("... of the Water Bureau")."""
    return re.compile(r"\s+for\s+(?:(?!\s+(?:of|at|with)\s+).)+", re.S)


@cache
def _title_word_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])" + lexicon().title_re.pattern)


@cache
def _national_title_re() -> re.Pattern[str]:
    """A country written before a title (``data/national_prefixes.txt``): "U.S. Ambassador"."""
    return re.compile(r"(?:" + "|".join(re.escape(p) for p in national_prefixes()) + r")\s+(?=[A-Z])")


def parse_post(source: str, seg: Span) -> PostMention:
    lex = lexicon()
    national = _national_title_re().match(seg.text)
    if national and lex.match_title(seg.text[national.end() :]):
        seg = seg.sub(national.end(), len(seg.text))  # "U.S. Ambassador to X": the title is "Ambassador"
    m = lex.match_title(seg.text)
    if m and m.group(0).split()[-1].lower() in word_set("remit_titles") and _remit_re().fullmatch(seg.text, m.end()):
        return PostMention(seg, seg, None, None)  # "Special Envoy for the Harbour Coalition": the remit is the title's
    if m:
        portfolio = _portfolio_tail(seg.text, m.end())
        if portfolio is not None:  # "Coordinator for Strategic Communications": the portfolio is part of the title
            m = portfolio
        link = _BODY_LINK_RE.match(seg.text, m.end())
        if not link:
            # "chief scientist of X": a known title word followed by more lower-case title words.
            later = _BODY_LINK_RE.search(seg.text, m.end())
            if later and re.fullmatch(r"[a-z\s\-]+", seg.text[m.end() : later.start()]):
                link = later
        if not link:
            return PostMention(seg, seg.sub(0, m.end()), None, None)
        title = seg.sub(0, link.start())
        body_start = link.end()
    else:
        lead = _body_before_title(source, seg)
        if lead is not None:
            return lead
        link = _BODY_LINK_RE.search(seg.text)
        end = lex.title_at_end(seg.text) if not link else None
        if end is not None:  # "State Department Spokesperson"
            body = seg.sub(end.start("body"), end.end("body"))
            described = described_title(body, end.group("title"))
            if described is not None:  # "Harbour Resilience Coordinator": the words are the title's
                body, words = described
                return PostMention(seg, seg.sub(words.start - seg.start, end.end("title")), body, None)
            if len(body.text.split()) == 1:  # "Department Spokesperson": the body is not named
                if _MODIFIER_RE.fullmatch(body.text + " "):  # "Senior Deputy Advisor": a modifier of the title
                    return PostMention(seg, seg.sub(end.start("body"), end.end("title")), None, None)
                return PostMention(seg, seg.sub(end.start("title"), end.end("title")), None, None)
            return PostMention(seg, seg.sub(end.start("title"), end.end("title")), body, None)
        if not link:
            return PostMention(seg, seg, None, None)
        title = seg.sub(0, link.start())
        body_start = link.end()
    body = seg.sub(body_start, len(seg.text))
    article = re.match(r"the\s+", body.text)
    served = _PORTFOLIO_FOR_RE.match(body.text, article.end() if article else 0)
    if served is not None and all(w in word_set("portfolio_words") for w in served.group(1).split() if w != "and"):
        # "Under Secretary of State for Public Diplomacy", "... of the Treasury for X": the title is all of it,
        # in the Department of State, of the Treasury
        return PostMention(seg, seg, body.sub(served.start(1), served.end(1)), None)
    acr = None
    paren = re.search(r"\s*\(([^()]*)\)\s*$", body.text)
    if paren:
        name = body.sub(0, paren.start())
        acr = find_acronym_after(source, strip_article(name))
        body = name
    return PostMention(seg, title, strip_article(body), acr)
