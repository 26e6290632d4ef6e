"""Match on the folded text, cut evidence from the source.

Extractors find names and numbers in :attr:`Transcript.folded` (quotes,
dashes, odd spaces and hard wraps in plain form, same length as the source),
so "Mao Ning’s", "$48⏎billion" and NBSP-spaced names read as they are meant.
What they return holds spans cut from the folded text; :func:`recut` gives the
same values with every span cut again from the unchanged source, so each
evidence quote equals the source between its offsets.
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

from ..model import Span

T = TypeVar("T")


def folded_span(folded: str, span: Span) -> Span:
    """The span at the same offsets, cut from the folded text.

    >>> folded_span("a'b", Span.of("a’b", 0, 3)).text
    "a'b"
    """
    return Span.of(folded, span.start, span.end)


def recut(value: T, source: str) -> T:
    """Return ``value`` with every :class:`Span` in it cut again from ``source``.

    Walks frozen dataclasses, tuples and lists; anything else is kept as is.
    Offsets never change, since folding keeps the length.

    >>> recut((Span.of("a'b", 0, 3), 1), "a’b")
    (Span(start=0, end=3, text='a’b'), 1)
    """
    if isinstance(value, Span):
        return Span.of(source, value.start, value.end)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(recut(v, source) for v in value)  # type: ignore[return-value]
    if isinstance(value, list):
        return [recut(v, source) for v in value]  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = recut(old, source)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
