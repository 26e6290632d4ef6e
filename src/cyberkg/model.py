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
    ANSWER = "answer"  # "A:" in a Q/A transcript: the spokesperson the headline names
    ROLE = "role"  # a role, not a person: MODERATOR, SENIOR ADMINISTRATION OFFICIAL
    NONE = "none"  # an unlabelled opening, a narrative, or a page that continues the last turn


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
class TextView:
    """Text to match on, with the source offset of each of its characters.

    A value read from front matter has escapes (``\\_``, ``\\u2019``, a
    backslash line continuation) that decode to fewer characters than the
    source holds; matching runs on ``text`` and :meth:`span` maps a match
    back to the source, so evidence is still cut from the unchanged text.
    ``starts`` has one entry per character of ``text`` plus the end offset.

    >>> v = TextView.identity("ab cd", 1, 4)
    >>> v.text, v.span("ab cd", 1, 3)
    ('b c', Span(start=2, end=4, text=' c'))
    """

    text: str
    starts: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.starts) != len(self.text) + 1:
            raise ValueError(f"a view of {len(self.text)} characters needs {len(self.text) + 1} offsets")

    @classmethod
    def identity(cls, matched: str, start: int, end: int) -> TextView:
        """The view of ``matched[start:end]`` (a folded source), offsets unchanged."""
        return cls(matched[start:end], tuple(range(start, end + 1)))

    def span(self, source: str, start: int, end: int) -> Span:
        """The source span of ``self.text[start:end]``."""
        return Span.of(source, self.starts[start], self.starts[end])


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about the transcript, outside its turns; every value a span.

    ``front_matter`` is the whole YAML front matter block (it is not
    transcript text) and ``fields`` its ``key: value`` lines, values
    without their quotes. ``title`` is the headline's view for matching.
    ``heading`` is a header block that repeats the headline in capitals
    ("PRESS BRIEFING / BY PRESS SECRETARY ..."). Times are as written.
    """

    front_matter: Span | None = None
    fields: tuple[tuple[str, Span], ...] = ()
    title: TextView | None = None
    date: DateMention | None = None
    updated: DateMention | None = None  # "Updated: DATE" above the text
    place: Span | None = None
    start_time: Span | None = None
    end_time: Span | None = None
    source_url: Span | None = None
    heading: Span | None = None

    def field(self, key: str) -> Span | None:
        """The value of front matter field ``key``, if the page has one."""
        return next((span for k, span in self.fields if k == key), None)


@dataclass(frozen=True, slots=True)
class Transcript:
    """A parsed transcript: unchanged text plus its structure as spans.

    ``folded`` is the text to match on: the same length as ``text``, with
    quotes, dashes and spaces in plain form and the hard wraps inside each
    paragraph turned into spaces (see :mod:`cyberkg.text`). Offsets found in
    it are offsets in ``text``; spans are always cut from ``text``.

    ``metadata`` is what the page says about itself (front matter, header
    block). A ``narrative`` transcript had no speaker label: its one turn,
    unlabelled, covers the body text. ``notes`` are warnings about how the
    text was read, for the caller to show.
    """

    source: Source
    text: str = field(repr=False)
    folded: str = field(repr=False)
    title: Span
    published: DateMention | None
    held: DateMention | None
    roster: tuple[RosterLine, ...]
    turns: tuple[Turn, ...]
    metadata: Metadata = Metadata()
    narrative: bool = False  # no speaker label: one unattributed turn over the body text
    notes: tuple[str, ...] = ()  # warnings about how the text was read
