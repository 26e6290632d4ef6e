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

from ..lexicon import lexicon
from ..model import Role, RosterLine, Span, Transcript
from .orgs import AcronymDefinition, find_acronym_after, strip_article

_SEPARATOR_RE = re.compile(r"\s*(?:,\s*and\s+|;\s*|,\s*|\s+and\s+|\s*&\s*)")
_BODY_LINK_RE = re.compile(r"\s+(?:of|at|to|with)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PostMention:
    """A post as written: its title, and the body it is in (if stated)."""

    span: Span
    title: Span
    body: Span | None
    acronym: AcronymDefinition | None


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

    One line may hold several entries separated by semicolons.
    """
    entries: list[RosterEntry] = []
    for line in transcript.roster:
        for piece in _split_entries(line):
            entry = parse_entry(transcript.text, piece, block=line.block)
            if entry is not None:
                entries.append(entry)
    return tuple(entries)


def _split_entries(line: RosterLine) -> list[Span]:
    pieces = []
    start = 0
    for m in re.finditer(r";\s*", line.span.text):
        pieces.append(line.span.sub(start, m.start()))
        start = m.end()
    pieces.append(line.span.sub(start, len(line.span.text)))
    # A semicolon only separates entries when every piece opens with a name and a comma.
    if len(pieces) > 1 and all("," in p.text for p in pieces):
        return [p.strip() for p in pieces]
    return [line.span]


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
        if depth:
            continue
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


def parse_post(source: str, seg: Span) -> PostMention:
    lex = lexicon()
    m = lex.match_title(seg.text)
    if m:
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
        link = _BODY_LINK_RE.search(seg.text)
        end = lex.title_at_end(seg.text) if not link else None
        if end is not None:  # "State Department Spokesperson"
            body = seg.sub(end.start("body"), end.end("body"))
            if len(body.text.split()) == 1:  # "Department Spokesperson": the body is not named
                return PostMention(seg, seg.sub(end.start("title"), end.end("title")), None, None)
            return PostMention(seg, seg.sub(end.start("title"), end.end("title")), body, None)
        if not link:
            return PostMention(seg, seg, None, None)
        title = seg.sub(0, link.start())
        body_start = link.end()
    body = seg.sub(body_start, len(seg.text))
    acr = None
    paren = re.search(r"\s*\(([^()]*)\)\s*$", body.text)
    if paren:
        name = body.sub(0, paren.start())
        acr = find_acronym_after(source, strip_article(name))
        body = name
    return PostMention(seg, title, strip_article(body), acr)
