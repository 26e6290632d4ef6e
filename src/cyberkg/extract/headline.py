"""The people a headline names, each with the post it gives them.

Two headline shapes name who briefs:

- "<Body> Spokesperson <Name>'s Regular Press Conference on <date>"
  (Foreign Ministry transcripts have no roster);
- "Press Briefing by <Post> <Name>[, <Post> <Name>] and <Post> <Name>[, date]",
  where a post is a known title (``data/titles.txt``) with the words around
  it ("Deputy National Security Advisor for Cyber and Emerging Technology",
  "Secretary of Energy", "White House Press Secretary").

A header block that repeats the headline in capitals ("PRESS BRIEFING / BY
PRESS SECRETARY ... / AND SECRETARY OF AGRICULTURE ...") is read the same way
and adds the people the headline leaves out.

Matching runs on the headline's :class:`~cyberkg.model.TextView` (folded,
escapes decoded); every span is cut from the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..entities import normalise_key
from ..lexicon import lexicon, place_names, well_known_bodies, word_set
from ..model import Span, TextView, Transcript
from .roster import parse_post

_SPOKESPERSON_RE = re.compile(
    r"(?P<body>[A-Z][\w'\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'\-]*){0,6})\s+"
    r"(?P<title>[Ss]pokes(?:person|man|woman))\s+"
    r"(?P<name>[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3})'s\s+"
    r"(?:[Rr]egular\s+)?(?:[Pp]ress\s+(?:[Cc]onference|[Bb]riefing)|[Bb]riefing)"
)
_BY_RE = re.compile(r"\b(?:by|BY|By|with|WITH|With)\s+")
# Where the list of briefers ends: a date, a place or topic ("on", "aboard", "en route"), a dash.
_TAIL_END_RE = re.compile(
    r",\s*(?=\d|[A-Z][a-z]+\.?\s+\d)|\s+(?i:on|aboard|en\s+route|following|after|regarding|about|at|in|via)\s+"
    r"|\s+(?i:(?:to\s+)?(?:preview|discuss|announce|highlight|mark|outline|review|launch|unveil|welcome)(?:ing)?)\s+"
    r"|\s+(?:--?|[|—–])\s+|\s*\(|\s*$"
)
_SEPARATOR_RE = re.compile(r"\s*,\s*(?:(?:and|AND)\s+)?|\s+(?:and|AND)(?:\s+|\s*$)|\s*&\s*")
_TOKEN_RE = re.compile(r"\S+")
_PARTICLES = frozenset({"de", "da", "van", "von", "der", "al", "bin", "la", "le", "du"})
_NAME_TOKEN_RE = re.compile(r"(?:[^\W\d_][\w'\-]*\.?|[A-Z]\.)")
_LINKS = frozenset({"for", "of", "to", "at", "on", "in", "and", "the"})


@dataclass(frozen=True, slots=True)
class HeadlineSpeaker:
    """A person a headline names: spans in the source, names as read."""

    name: Span
    name_text: str
    post: Span
    title: Span
    title_text: str
    body: Span | None
    body_text: str | None


def headline_speakers(transcript: Transcript) -> tuple[HeadlineSpeaker, ...]:
    """The people the headline (and a header block in capitals) names, in order."""
    text = transcript.text
    view = transcript.metadata.title or TextView.identity(transcript.folded, transcript.title.start, transcript.title.end)
    found = list(read_headline(text, view))
    heading = transcript.metadata.heading
    if heading is not None:
        seen = {_surname(s.name_text) for s in found}
        flat = TextView(transcript.folded[heading.start : heading.end].replace("\n", " "), tuple(range(heading.start, heading.end + 1)))
        for speaker in read_headline(text, flat):
            if _surname(speaker.name_text) not in seen:
                found.append(speaker)
                seen.add(_surname(speaker.name_text))
    return tuple(found)


def headline_speaker(title: Span) -> HeadlineSpeaker | None:
    """The first person a headline names, read from ``title`` alone.

    >>> t = "Foreign Ministry Spokesperson Lin Qiao’s Regular Press Conference on March 7, 2025"
    >>> s = headline_speaker(Span.of(t, 0, len(t)))
    >>> s.name.text, s.title.text, s.body.text
    ('Lin Qiao', 'Spokesperson', 'Foreign Ministry')
    >>> t = "Press Briefing by Press Secretary Ana Reyes and Secretary of Rivers Tom Hale, May 2, 2024"
    >>> [(s.name_text, s.title_text, s.body_text) for s in read_headline(t, TextView.identity(t, 0, len(t)))]
    [('Ana Reyes', 'press secretary', None), ('Tom Hale', 'secretary', 'Rivers')]
    >>> t = "Noon Briefing by Élise Morin, Spokesperson for the Secretary-General"
    >>> [(s.name_text, s.title_text) for s in read_headline(t, TextView.identity(t, 0, len(t)))]
    [('Élise Morin', 'spokesperson')]
    """
    from ..text import fold

    found = read_headline(title.text, TextView(fold(title.text), tuple(range(len(title.text) + 1))))
    if not found:
        return None
    s = found[0]
    shift = title.start
    move = lambda sp: Span(sp.start + shift, sp.end + shift, sp.text) if sp is not None else None  # noqa: E731
    return HeadlineSpeaker(move(s.name), s.name_text, move(s.post), move(s.title), s.title_text, move(s.body), s.body_text)


def read_headline(source: str, view: TextView) -> tuple[HeadlineSpeaker, ...]:
    """The people a headline's ``view`` names; spans are cut from ``source``."""
    m = _SPOKESPERSON_RE.search(view.text)
    if m is not None:
        return (
            HeadlineSpeaker(
                name=view.span(source, m.start("name"), m.end("name")),
                name_text=m.group("name"),
                post=view.span(source, m.start("body"), m.end("title")),
                title=view.span(source, m.start("title"), m.end("title")),
                title_text=m.group("title").lower(),
                body=view.span(source, m.start("body"), m.end("body")),
                body_text=m.group("body"),
            ),
        )
    by = _BY_RE.search(view.text)
    if by is None:
        return ()
    tail_end = _TAIL_END_RE.search(view.text, by.end()).start()
    out: list[HeadlineSpeaker] = []
    start = by.end()
    pending: tuple[int, int] | None = None  # a bare name whose post follows: "Ana Reyes, Spokesperson for X"
    named: tuple[int, int] | None = None  # the name of the speaker before, while "and" may add a post of theirs
    for sep in [*_SEPARATOR_RE.finditer(view.text, by.end(), tail_end), None]:
        end = sep.start() if sep is not None else tail_end
        found = _person_in(view.text, start, end)
        if found is None and pending is not None and _title_search_re().match(view.text, start):
            speaker = _speaker(source, view, start, end, *pending)
            if speaker is not None:
                out.append(speaker)
                named = pending
            pending = None
            if sep is not None:
                start = sep.end()
            continue
        if found is None and named is not None and _title_search_re().match(view.text, start):
            # "Ana Reyes, Special Assistant and Senior Director for Rivers": a second post of hers
            speaker = _speaker(source, view, start, end, *named)
            if speaker is not None:
                out.append(speaker)
            if sep is not None:
                start = sep.end()
            continue
        named = None
        if found is None:
            if sep is not None and _title_search_re().match(view.text, sep.end()):
                pending = _bare_name(view.text, start, end)
                start = sep.end()  # "Ana Reyes, Ambassador Tom Hale": a name before, its post after or none
            continue  # else the separator is inside a post: "for Cyber and Emerging Technology"
        pending = None
        post_start, post_end, name_start, name_end = found
        for a, b in _posts_in(view.text, post_start, post_end):
            speaker = _speaker(source, view, a, b, name_start, name_end)
            if speaker is not None:
                out.append(speaker)
        if sep is not None:
            start = sep.end()
    return tuple(out)


def _posts_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The posts a headline writes before one name: a standing title ends a post before it.

    >>> t = "Special Envoy for Peace Senator "
    >>> [t[a:b].strip() for a, b in _posts_in(t, 0, len(t))]
    ['Special Envoy for Peace', 'Senator']
    >>> t = "Chairman of the Council of Economic Advisers "
    >>> [t[a:b].strip() for a, b in _posts_in(t, 0, len(t))]
    ['Chairman of the Council of Economic Advisers']
    """
    last = re.search(r"(?<=\s)(\S+)\s*$", text[start:end])
    if last is None or last.group(1) not in word_set("standing_titles"):
        return [(start, end)]
    cut = start + last.start(1)
    before = text[start:cut].split()
    if not before or before[-1].lower() in _LINKS or not before[-1][:1].isupper() or not _title_search_re().search(text, start, cut):
        return [(start, end)]
    return [(start, cut), (cut, end)]


def _bare_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of ``text[start:end]`` when it is only a name of two to four words."""
    tokens = list(_TOKEN_RE.finditer(text, start, end))
    if not 2 <= len(tokens) <= 4 or not all(_NAME_TOKEN_RE.fullmatch(t.group(0)) for t in tokens):
        return None
    if any(lexicon().match_title(t.group(0)) for t in tokens):
        return None
    if not all(t.group(0)[:1].isupper() or t.group(0) in _PARTICLES for t in tokens) or not tokens[0].group(0)[:1].isupper():
        return None
    return tokens[0].start(), tokens[-1].end()


@cache
def _title_search_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])" + lexicon().title_re.pattern)


def _person_in(text: str, start: int, end: int) -> tuple[int, int, int, int] | None:
    """(post start, post end, name start, name end) of "<Post> <Name>" in ``text[start:end]``,
    or of "<Name> <Post>" when the name after the post is the post's object
    ("MIREILLE OKONJO SPOKESPERSON FOR SECRETARY-GENERAL TOMAS VELLANDER")."""
    titles = list(_title_search_re().finditer(text, start, end))
    if not titles:
        return None
    before_last = text[start : titles[-1].start()].split()
    if before_last and before_last[-1].lower() in _LINKS:
        lead = [(t.start(), t.end(), t.group(0)) for t in _TOKEN_RE.finditer(text, start, titles[0].start())]
        if 2 <= len(lead) <= 3 and all(_NAME_TOKEN_RE.fullmatch(t[2]) and t[2][:1].isupper() for t in lead):
            return titles[0].start(), end, lead[0][0], lead[-1][1]
    after = titles[-1].end()
    tokens = [(t.start(), t.end(), t.group(0)) for t in _TOKEN_RE.finditer(text, after, end)]
    honorific = lexicon().honorific_re
    post_end = tokens[0][0] if tokens else end
    if tokens and tokens[0][2].lower() not in _LINKS and tokens[0][2][:1].isupper():
        name = tokens
        while name and (h := honorific.match(name[0][2] + " ")) is not None and h.end() == len(name[0][2]):
            name = name[1:]  # "Dr. Ana Reyes"
        if len(name) > 4:
            name = name[:3] if re.fullmatch(r"[A-Z]\.", name[1][2]) else name[:2]
    else:  # "Secretary of Rivers Tom Hale": the name is the last words, after the body
        caps = [t for t in tokens if t[2].lower() not in _LINKS]
        n = 3 if len(caps) >= 4 and re.fullmatch(r"[A-Z]\.", caps[-2][2]) else 2
        if len(caps) < n + 1:
            return None
        name = caps[-n:]
        post_end = name[0][0]
    name = _without_place(name)
    if not name or not all(_NAME_TOKEN_RE.fullmatch(t[2]) and (t[2][:1].isupper() or t[2] in _PARTICLES) for t in name):
        return None
    if not name[0][2][:1].isupper():
        return None
    if any(lexicon().match_title(t[2]) is not None and len(lexicon().match_title(t[2]).group(0)) == len(t[2]) for t in name):
        return None  # "White House Press Secretary" is a post with no name
    if any(t[2] in word_set("portfolio_words") for t in name):
        return None  # "Senior Director for Western Hemisphere Affairs": the portfolio, no name
    return start, post_end, name[0][0], name[-1][1]


def _without_place(name: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A name without the place a headline writes after it with no comma: "Ana Reyes Ontario, 7/17/14".

    The place is a region (``data/regions.txt``) or a country; two words of name are kept.
    """
    places = place_names()
    for n in (2, 1):
        if len(name) >= n + 2 and " ".join(t[2] for t in name[-n:]).rstrip(",") in places:
            return name[:-n]
    return name


def _speaker(
    source: str, view: TextView, post_start: int, post_end: int, name_start: int, name_end: int
) -> HeadlineSpeaker | None:
    text = view.text
    while post_end > post_start and text[post_end - 1] in " ,":
        post_end -= 1
    while post_start < post_end and text[post_start] in " ,":
        post_start += 1
    words = text[post_start:post_end]
    if re.match(r"(?i)the\s+", words):  # "by the Press Secretary Ana Reyes"
        post_start += re.match(r"(?i)the\s+", words).end()
    if text[post_start:post_end].isupper():  # a heading in capitals: read the post as a headline writes it
        text = text[:post_start] + _caps_case(text[post_start:post_end]) + text[post_end:]
    mention = parse_post(text, Span.of(text, post_start, post_end))
    name_text = caps_display(" ".join(text[name_start:name_end].split()))
    body = mention.body
    return HeadlineSpeaker(
        name=view.span(source, name_start, name_end),
        name_text=name_text,
        post=view.span(source, post_start, post_end),
        title=view.span(source, mention.title.start, mention.title.end),
        title_text=mention.title_text,
        body=view.span(source, body.start, body.end) if body is not None else None,
        body_text=" ".join(body.text.split()) if body is not None else None,
    )


def _caps_case(text: str) -> str:
    """Words in capitals cased as a headline writes them, spacing and length kept; an
    acronym (no vowel, dots, or a well-known short form) keeps its capitals.

    >>> _caps_case("DIRECTOR OF THE RIVER BOARD"), _caps_case("STAFF OF THE  NSC")
    ('Director of the River Board', 'Staff of the  NSC')
    """

    def case(m: re.Match[str]) -> str:
        w = m.group(0)
        if m.start() and w.lower() in _LINKS:
            return w.lower()
        if "." in w or not re.search(r"[AEIOUY]", w) or w in well_known_bodies() or len(w.capitalize()) != len(w):
            return w
        return w.capitalize()

    return re.sub(r"\S+", case, text)


def caps_display(name: str) -> str:
    """A name written in capitals, for display: "ROSA McALLISTER" → "Rosa McAllister".

    >>> caps_display("SAINT-CLAIR"), caps_display("McALLISTER"), caps_display("Li Wei")
    ('Saint-Clair', 'McAllister', 'Li Wei')
    """
    if not re.sub(r"\b(?:Mc|Mac|La|Le|De|Di)(?=[A-Z])", "", name).isupper():
        return name
    return re.sub(
        r"\b(Mc|Mac|La|Le|De|Di)?([^\W\d_])([^\W\d_']*)", lambda m: (m.group(1) or "") + m.group(2) + m.group(3).lower(), name
    )


def _surname(name: str) -> str:
    return normalise_key(name.split()[-1]) if name.split() else ""
