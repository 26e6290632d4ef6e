"""The document model: a transcript and stand-off annotations on its text.

A :class:`Transcript` holds the unchanged text of one source file. Everything
found in it is a :class:`Span` — character offsets into that text plus the
exact words between them — so every fact can point back to its evidence.
All classes are frozen: stages build new values, they never edit old ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Offsets ``[start, end)`` into a source text and the text they cover.

    Build spans with :meth:`Span.of`, which checks the offsets against the
    text, so a span's ``text`` always equals ``source[start:end]``.

    >>> Span.of("Mr. Li spoke", 4, 6)
    Span(start=4, end=6, text='Li')
    >>> Span.of("abc", 2, 5)
    Traceback (most recent call last):
    ...
    ValueError: span [2, 5) is outside a text of length 3
    """

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"span [{self.start}, {self.end}) has bad offsets")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span [{self.start}, {self.end}) does not match its text {self.text!r}")

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """Return the span of ``source[start:end]``, checking the offsets."""
        if not (0 <= start <= end <= len(source)):
            raise ValueError(f"span [{start}, {end}) is outside a text of length {len(source)}")
        return cls(start, end, source[start:end])

    def sub(self, start: int, end: int) -> Span:
        """Return the span of ``self.text[start:end]``, in source offsets.

        >>> Span.of("xx hello", 3, 8).sub(1, 3)
        Span(start=4, end=6, text='el')
        """
        if not (0 <= start <= end <= len(self.text)):
            raise ValueError(f"sub-span [{start}, {end}) is outside {self.text!r}")
        return Span(self.start + start, self.start + end, self.text[start:end])

    def strip(self, chars: str | None = None) -> Span:
        """Return the span without leading and trailing whitespace (or ``chars``).

        >>> Span.of(" a b ", 0, 5).strip()
        Span(start=1, end=4, text='a b')
        """
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        if right <= left:
            return self.sub(left, left)
        return self.sub(left, right)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar date stated in the text."""

    span: Span
    date: dt.date


class Role(StrEnum):
    """The part a person or outlet plays at a conference."""

    MODERATOR = "moderator"
    SPEAKER = "speaker"
    JOURNALIST = "journalist"
    MENTIONED = "mentioned"


class LabelKind(StrEnum):
    """What a speaker label names."""

    PERSON = "person"
    OUTLET = "outlet"
    QUESTIONER = "questioner"
    NONE = "none"  # an unlabelled opening or a page that continues the last turn


class Kind(StrEnum):
    """The kinds of things cyberkg finds named in what is said."""

    LAW = "law"
    DOCUMENT = "document"
    CAMPAIGN = "campaign"
    EVENT = "event"
    ORGANIZATION = "organization"
    COMPANY = "company"
    MEDIA = "media"
    PERSON = "person"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """A span of one page of a conference: page 0 is the first input."""

    page: int
    span: Span


@dataclass(frozen=True, slots=True)
class Source:
    """Where a transcript came from: a display name and the digest of its text."""

    name: str
    sha256: str


@dataclass(frozen=True, slots=True)
class RosterLine:
    """One line of the participants' roster, as printed.

    ``block`` is the label of the roster block the line stands under
    (``Role.SPEAKER`` for "Speakers:", ``Role.MODERATOR`` for "Moderator:" or
    "Chairperson:"), or ``None`` for a bare list.
    """

    span: Span
    block: Role | None


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker turn: a label, then the paragraphs up to the next label.

    ``label`` is ``None`` for text before the first label (a Foreign Ministry
    opening announcement, or a page that continues the last turn of the
    page before); such a turn has kind ``LabelKind.NONE``.
    """

    order: int
    label: Span | None
    kind: LabelKind
    span: Span
    paragraphs: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Transcript:
    """A parsed transcript: unchanged text plus its structure as spans.

    ``folded`` is the text to match on: the same length as ``text``, with
    quotes, dashes and spaces in plain form and the hard wraps inside each
    paragraph turned into spaces (see :mod:`cyberkg.text`). Offsets found in
    it are offsets in ``text``; spans are always cut from ``text``.
    """

    source: Source
    text: str = field(repr=False)
    folded: str = field(repr=False)
    title: Span
    published: DateMention | None
    held: DateMention | None
    roster: tuple[RosterLine, ...]
    turns: tuple[Turn, ...]
