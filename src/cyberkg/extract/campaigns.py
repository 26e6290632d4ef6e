"""Campaigns and special actions: quoted names followed by a campaign noun.

``the "Clean Web" campaign``, ``"A" and "B" special actions``. The nouns are in
``data/campaign_nouns.txt``; the name is the quoted words only.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import read_list
from ..model import Span

_QUOTED = r"[\"“](?P<{g}>[^\"“”\n]{{2,80}}?)[\"”]"


@cache
def _pattern() -> re.Pattern[str]:
    nouns = sorted(read_list("campaign_nouns"), key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    # one to three quoted names joined by "," / "and", then the noun
    return re.compile(
        _QUOTED.format(g="a")
        + r"(?:\s*(?:,|and|,\s*and)\s*"
        + _QUOTED.format(g="b")
        + r")?(?:\s*(?:,|and|,\s*and)\s*"
        + _QUOTED.format(g="c")
        + rf")?\s+(?:[a-z\-]+\s+){{0,2}}?(?P<noun>{alternatives})\b"
    )


def find_campaigns(source: str, paragraph: Span) -> list[Span]:
    """The quoted names of campaigns in a paragraph.

    >>> text = 'We launched the "Clean Web" and "Safe Kids" campaigns.'
    >>> [s.text for s in find_campaigns(text, Span.of(text, 0, len(text)))]
    ['Clean Web', 'Safe Kids']
    """
    out = []
    for m in _pattern().finditer(paragraph.text):
        for group in ("a", "b", "c"):
            if m.group(group):
                out.append(paragraph.sub(m.start(group), m.end(group)))
    return out
