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

    Walks dataclasses, tuples and lists; anything else is kept as is.
    Offsets never change, since folding keeps the length.

    >>> recut((Span.of("a'b", 0, 3), 1), "a’b")
    (Span(start=0, end=3, text='a’b'), 1)
    """
    kind = type(value)
    if kind is Span:
        return Span(value.start, value.end, source[value.start : value.end])  # type: ignore[attr-defined,return-value]
    if kind is tuple or kind is list:
        return kind(recut(v, source) for v in value)  # type: ignore[attr-defined,return-value,call-arg]
    names = _span_fields(kind)
    if not names:
        return value
    changes = {}
    for name in names:
        old = getattr(value, name)
        new = recut(old, source)
        if new is not old:
            changes[name] = new
    return dataclasses.replace(value, **changes) if changes else value  # type: ignore[type-var]


_FIELDS: dict[type, tuple[str, ...]] = {}


def _span_fields(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass type (none for any other type), looked up once per type."""
    names = _FIELDS.get(kind)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else ()
        _FIELDS[kind] = names
    return names
