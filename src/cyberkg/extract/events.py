"""Named events: conferences, summits, forums, weeks, congresses — and their editions.

An event's name ends in a word of ``data/event_heads.txt``. Its edition is
the ordinal written before it ("the 5th X Forum"); how often it has been held
comes from "for eight years in a row" / "for five consecutive years" after it.
"""

from __future__ import annotations

import re

from ..lexicon import word_set
from ..model import Span
from .numbers import vocabulary
from .phrases import head_part


def names_a_gathering(head: list[str]) -> bool:
    """Whether a name's head is a convention or congress people gather at, no treaty or body:
    "the Democratic National Convention" (``data/gathering_conventions.txt``), "the Party Congress"."""
    if len(head) < 2:
        return False
    if head[-1] == "Congress":  # "the Party Congress" (``data/gathering_congresses.txt``)
        return head[-2] in word_set("gathering_congresses")
    return head[-1] == "Convention" and head[-2] in word_set("gathering_conventions")


def is_event_name(words: list[str], *, ordinal: int | None) -> bool:
    """Tell whether capitalised ``words`` name an event.

    A head that can also name a body ("Congress") makes an event only with
    an edition: "the 20th National Congress" is an event, "the National
    People's Congress" a body.

    >>> is_event_name(["Digital", "Expo"], ordinal=None), is_event_name(["People's", "Congress"], ordinal=None)
    (True, False)
    >>> is_event_name("National Congress of the Workers Party".split(), ordinal=20)
    True
    """
    head = head_part(words)
    if names_a_gathering(head):
        return True
    if len(words) < 2 or not head or head[-1] not in word_set("event_heads"):
        return False
    return head[-1] not in word_set("org_heads") or ordinal is not None


_HELD_RE = re.compile(
    r"[^.;!?]*?\bfor\s+(?P<n>\d+|[a-z]+)\s+(?:(?P<consecutive>consecutive|straight|successive)\s+)?years?"
    r"(?:\s+(?P<tail>in\s+a\s+row|straight|running|in\s+succession))?",
)


def editions_held(source: str, after: Span) -> tuple[int, Span] | None:
    """How many times an event has been held, from "for N years in a row" after it.

    >>> text = "We held the Water Expo for six years in a row."
    >>> n, span = editions_held(text, Span.of(text, 12, 22))
    >>> n, span.text
    (6, 'for six years in a row')
    """
    m = _HELD_RE.match(source, after.end)
    if not m or not (m.group("consecutive") or m.group("tail")):
        return None
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else vocabulary().words.get(raw)
    if not n:
        return None
    start = m.start() + m.group(0).index("for " + raw)
    return n, Span.of(source, start, m.end())
