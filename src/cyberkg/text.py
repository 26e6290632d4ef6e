"""Matching text: the source folded for matching, at the same offsets.

Real transcripts write the same words in many ways: typographic quotes and
apostrophes ("Mao Ning’s"), non-breaking and zero-width spaces, en and em
dashes, lines hard-wrapped inside a paragraph. Matchers run on the *folded*
text, where each of these is replaced by its plain ASCII form **one character
for one character**, so an offset found in the folded text is the same offset
in the source, and every span is still cut from the unchanged source.

>>> fold("Mao Ning’s “Regular” — briefing\\u00a0today")
'Mao Ning\\'s "Regular" - briefing today'
>>> len(fold("a\\u200bb")) == len("a\\u200bb")
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# One character in, one character out: the length never changes.
_FOLD = str.maketrans(
    {
        # apostrophes and single quotes
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\uff07": "'",
        # double quotes
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\uff02": '"',
        # dashes and minus signs
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\ufe58": "-",
        "\ufe63": "-",
        "\uff0d": "-",
        # spaces of every width, and the invisible ones (kept as a space so offsets hold)
        "\u00a0": " ",
        "\u1680": " ",
        "\u2000": " ",
        "\u2001": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2004": " ",
        "\u2005": " ",
        "\u2006": " ",
        "\u2007": " ",
        "\u2008": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u205f": " ",
        "\u3000": " ",
        "\u200b": " ",
        "\u200c": " ",
        "\u200d": " ",
        "\u2060": " ",
        "\ufeff": " ",
        "\t": " ",
        # full-width colon, as in CJK labels
        "\uff1a": ":",
    }
)


def fold(text: str) -> str:
    """Return ``text`` with quotes, dashes and spaces in plain form, same length.

    Line breaks are kept: where a line break is a hard wrap inside a
    paragraph is a question of layout, answered by :func:`unwrap`.
    """
    return text.translate(_FOLD)


_STRUCK_RE = re.compile(r"(?is)<(s|del|strike)>.*?</\1>|~~[^~\n][^~]*?~~")


def blank_struck(folded: str) -> str:
    """Return ``folded`` with struck-out text ("<s>82 million people</s>", "~~said~~") as spaces.

    A transcript strikes what the speaker did not say or took back; nothing in it
    is named or stated. Line breaks are kept and the length never changes.

    >>> blank_struck("cover <s>82 piers and</s> half")
    'cover                     half'
    """
    return _STRUCK_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), folded)


def unwrap(folded: str, spans: Iterable[tuple[int, int]]) -> str:
    """Return ``folded`` with the line breaks inside each ``[start, end)`` turned into spaces.

    Use it on the paragraphs that a layout hard-wrapped: "48\\nbillion" is
    read as "48 billion". The length never changes, so offsets still hold.
    Linear in the text, whatever the number of spans.

    >>> unwrap("x\\n$48\\nbillion\\n", [(2, 13)])
    'x\\n$48 billion\\n'
    """
    out: list[str] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            start = last
        out.append(folded[last:start])
        out.append(folded[start:end].replace("\r", " ").replace("\n", " "))
        last = max(last, end)
    out.append(folded[last:])
    return "".join(out)
