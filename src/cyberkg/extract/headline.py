"""The spokesperson named in a headline.

Foreign Ministry transcripts have no roster; the headline names who briefs:
"<Body> Spokesperson <Name>'s Regular Press Conference on <date>".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span

_HEADLINE_RE = re.compile(
    r"(?P<body>[A-Z][\w'’\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’\-]*){0,6})\s+"
    r"(?P<title>[Ss]pokes(?:person|man|woman))\s+"
    r"(?P<name>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})['’]s\s+"
    r"(?:[Rr]egular\s+)?(?:[Pp]ress\s+(?:[Cc]onference|[Bb]riefing)|[Bb]riefing)"
)


@dataclass(frozen=True, slots=True)
class HeadlineSpeaker:
    """The person a headline says briefs, with their title and body."""

    name: Span
    title: Span
    body: Span


def headline_speaker(title: Span) -> HeadlineSpeaker | None:
    """Find "<Body> Spokesperson <Name>'s Regular Press Conference" in a headline.

    >>> t = "Foreign Ministry Spokesperson Lin Qiao's Regular Press Conference on March 7, 2025"
    >>> s = headline_speaker(Span.of(t, 0, len(t)))
    >>> s.name.text, s.title.text, s.body.text
    ('Lin Qiao', 'Spokesperson', 'Foreign Ministry')
    """
    m = _HEADLINE_RE.search(title.text)
    if m is None:
        return None
    return HeadlineSpeaker(
        name=title.sub(m.start("name"), m.end("name")),
        title=title.sub(m.start("title"), m.end("title")),
        body=title.sub(m.start("body"), m.end("body")),
    )
