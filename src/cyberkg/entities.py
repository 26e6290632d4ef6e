"""The resolved model: what the resolve stage makes of a conference.

Entities (people, bodies, laws, documents, campaigns, events, companies,
media), the posts people hold, the turns and who spoke them, the mentions
that tie turns to entities with the :class:`Rule` that resolved each one, and
what could not be resolved. All frozen; built by :mod:`cyberkg.resolve`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from .extract.figures import Figures
from .model import DateMention, Evidence, Kind, LabelKind, Role, Source, Span


class Rule(StrEnum):
    """How a mention was resolved to its entity."""

    NAME = "name"  # the same name, once case, articles, spacing and hyphens are folded
    ACRONYM = "acronym"  # an acronym defined in parentheses after the full name
    SHORT_FORM = "short-form"  # "ABC Central Committee" = "Central Committee of the <ABC spelled out>"
    COUNTRY_SUFFIX = "country-suffix"  # "X Law of the People's Republic of China" = "X Law"
    SURNAME = "surname"  # "Mr. Li" = the one person called Li
    TITLE = "title"  # a person named after a title: "Premier Zhou Wen"
    GIVEN_NAME = "given-name"  # a person named with no title, by a common given name: "Laura Peterson"
    LABEL = "label"  # the label of a turn


def normalise_key(text: str) -> str:
    """A matching key for a name: case, accents, articles, punctuation and spacing folded.

    >>> normalise_key("the  Director-General’s Office of the Bureau")
    "director general's office of bureau"
    """
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?i)\bthe\s+", "", text.strip())
    text = re.sub(r"[\s\-–—_]+", " ", text)
    return text.strip(" .,;:").casefold()


def display_name(name: str) -> str:
    """A person's name for display: an all-capitals label such as "PARKS" becomes "Parks".

    >>> display_name("PARKS"), display_name("Li Wei")
    ('Parks', 'Li Wei')
    """
    return name.title() if name.isupper() and len(name) > 3 else name


# ---------------------------------------------------------------- resolved values


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, body or named thing, with every form it is called by and its evidence."""

    kind: Kind
    key: str
    name: str
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    parent: str | None = None  # bodies: the key of the body it is a unit of
    honorific: str | None = None  # people
    role: Role | None = None  # people
    edition: int | None = None  # events: "the 18th ..."
    editions_held: int | None = None  # events: "for eight years in a row"


@dataclass(frozen=True, slots=True)
class Post:
    key: str
    title: str
    holder: str
    organization: str | None
    evidence: tuple[Evidence, ...]
    country: str | None = None  # a post of a country, named by a demonym: "Icelandic Foreign Minister"


@dataclass(frozen=True, slots=True)
class ResolvedTurn:
    order: int
    page: int
    label: Span | None
    span: Span
    role: Role
    speaker: tuple[Kind, str] | None  # a person or media outlet; None for an unnamed questioner
    speaker_kind: LabelKind


@dataclass(frozen=True, slots=True)
class Mention:
    """A turn names an entity at a span, resolved by a rule."""

    turn: int
    target: tuple[Kind, str]
    evidence: Evidence
    rule: Rule


@dataclass(frozen=True, slots=True)
class Unresolved:
    """Words that look like an entity but could not be resolved."""

    evidence: Evidence
    kind: str
    reason: str
    turn: int | None = None


@dataclass(frozen=True, slots=True)
class Conference:
    """Everything resolved from the pages of one conference."""

    sources: tuple[Source, ...]
    title: Evidence
    published: tuple[int, DateMention] | None
    held: tuple[int, DateMention] | None
    entities: tuple[Entity, ...]
    posts: tuple[Post, ...]
    turns: tuple[ResolvedTurn, ...]
    mentions: tuple[Mention, ...]
    unresolved: tuple[Unresolved, ...]
    moderator: str | None
    headline: str = ""  # the title as read: front-matter escapes decoded, spacing folded
    place: Evidence | None = None  # the header's place line
    start_time: tuple[Evidence, dt.time] | None = None  # "12:31 P.M. EDT"
    end_time: tuple[Evidence, dt.time] | None = None  # "END 2:45 P.M. EDT"
    source_url: tuple[int, str] | None = None  # (page, URL) from the front matter
    updated: tuple[int, DateMention] | None = None  # "Updated: DATE" above the text
    answers: tuple[tuple[int, int], ...] = ()  # (answer turn, question turn), set by relate
    figures: tuple[Figures, ...] = ()  # per page: stated quantities, series, rankings, fines, rejected numbers

    @property
    def people(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind is Kind.PERSON)

    @property
    def organizations(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind in (Kind.ORGANIZATION, Kind.COMPANY, Kind.MEDIA))

    def of_kind(self, kind: Kind) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind is kind)
