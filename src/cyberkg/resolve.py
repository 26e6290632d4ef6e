"""Stage 3 — resolve: mentions → entities, keyed and de-duplicated.

Merges the roster's people, posts and bodies across lines (a roster printed
twice gives each fact once, with both lines as evidence), turns nested body
names into units of their parents, links acronyms defined in parentheses to
the bodies they stand for, resolves turn labels and "Mr./Ms. Name" to people,
and keeps what it cannot resolve as :class:`Unresolved`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from .extract.figures import Figures, extract_figures
from .extract.orgs import is_acronym, split_nested, strip_article
from .extract.roster import RosterEntry, extract_roster
from .lexicon import lexicon
from .model import DateMention, LabelKind, Role, Source, Span, Transcript


def normalise_key(text: str) -> str:
    """A matching key for a name: case, accents, articles, punctuation and spacing folded.

    >>> normalise_key("the  Director-General’s Office")
    "director general's office"
    """
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?i)^the\s+", "", text.strip())
    text = re.sub(r"[\s\-–—_]+", " ", text)
    return text.strip(" .,;:").casefold()


@dataclass(frozen=True, slots=True)
class Organization:
    key: str
    name: str
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]
    parent: str | None
    is_outlet: bool
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    name: str
    honorific: str | None
    role: Role
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Post:
    key: str
    title: str
    holder: str
    organization: str | None
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class ResolvedTurn:
    order: int
    label: Span
    span: Span
    role: Role
    speaker: str | None  # a person or outlet key; None for an unnamed questioner
    speaker_kind: LabelKind


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A mention that looks like an entity but could not be resolved."""

    span: Span
    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class Conference:
    """Everything resolved from one transcript."""

    source: Source
    title: Span
    published: DateMention | None
    held: DateMention | None
    people: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    posts: tuple[Post, ...]
    turns: tuple[ResolvedTurn, ...]
    unresolved: tuple[Unresolved, ...]
    moderator: str | None
    figures: Figures = Figures()  # stated quantities, series, rankings, fines, rejected numbers


@dataclass
class _PersonDraft:
    """A person being gathered from several mentions."""

    name: str
    in_roster: bool
    block: Role | None = None
    honorific: str | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class _OrgTable:
    """Bodies by key, with the acronyms that point at them."""

    names: dict[str, str] = field(default_factory=dict)
    parents: dict[str, str | None] = field(default_factory=dict)
    evidence: dict[str, list[Span]] = field(default_factory=lambda: defaultdict(list))
    acronyms: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    by_acronym: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    outlets: set[str] = field(default_factory=set)

    def add_chain(self, span: Span) -> str:
        """Add a possibly nested body name; return the key of the outermost body.

        Acronyms already defined are spelled out, so "Bureau X of the ABC" and
        "Bureau X of the Agency for B C" are one body; the form as written
        is kept as an alias.
        """
        chain = split_nested(span)
        for link in chain:
            name = self.expand(link.name.text)
            key = normalise_key(name)
            self.names.setdefault(key, name)
            if name != link.name.text and not is_acronym(link.name.text):
                self.add_alias(key, link.name.text)
            parent = normalise_key(self.expand(link.parent.text)) if link.parent else None
            if self.parents.get(key) is None:
                self.parents[key] = parent
            self.evidence[key].append(link.name)
        return normalise_key(self.expand(chain[0].name.text))

    def expand(self, name: str) -> str:
        """Spell out the defined acronyms in ``name``."""
        if not self.by_acronym:
            return name
        words = "|".join(re.escape(a) for a in sorted(self.by_acronym, key=len, reverse=True))
        return re.sub(
            rf"(?<![\w-])(?:the\s+)?({words})(?![\w-])",
            lambda m: self.names[self.by_acronym[m.group(1)]] if m.start() == 0 else "the " + self.names[self.by_acronym[m.group(1)]],
            name,
        )

    def lookup(self, name: str) -> str | None:
        """The key of the body called ``name`` (full name, alias or acronym), if there is one."""
        text = strip_article(Span.of(name, 0, len(name))).text
        if text in self.by_acronym:
            return self.by_acronym[text]
        key = normalise_key(self.expand(text))
        if key in self.names and key not in self.outlets:
            return key
        return next((k for k, aliases in self.aliases.items() if key in map(normalise_key, aliases)), None)

    def add_alias(self, key: str, alias: str) -> None:
        if alias not in self.aliases[key]:
            self.aliases[key].append(alias)

    def define_acronym(self, acronym: str, expansion: Span) -> None:
        key = normalise_key(expansion.text)
        if key not in self.names:
            self.add_chain(expansion)
        if acronym not in self.acronyms[key]:
            self.acronyms[key].append(acronym)
        self.by_acronym.setdefault(acronym, key)

    def freeze(self) -> tuple[Organization, ...]:
        return tuple(
            Organization(
                key=key,
                name=self.names[key],
                acronyms=tuple(self.acronyms.get(key, ())),
                aliases=tuple(self.aliases.get(key, ())),
                parent=self.parents.get(key),
                is_outlet=key in self.outlets,
                evidence=tuple(sorted(set(self.evidence[key]))),
            )
            for key in self.names
        )


def resolve(transcript: Transcript) -> Conference:
    """Resolve the people, posts, bodies and turns of one parsed transcript."""
    entries = extract_roster(transcript)
    orgs = _OrgTable()

    # Acronyms first, so "the CAC" resolves wherever it appears in the roster.
    for entry in entries:
        for post in entry.posts:
            if post.acronym is not None:
                orgs.define_acronym(post.acronym.acronym.text, post.acronym.expansion)
                orgs.evidence[normalise_key(post.acronym.expansion.text)].append(post.acronym.acronym)

    people: dict[str, _PersonDraft] = {}
    posts: dict[str, Post] = {}
    for entry in entries:
        pkey = normalise_key(entry.name.text)
        person = people.setdefault(pkey, _PersonDraft(entry.name.text, in_roster=True, block=entry.block))
        person.evidence.append(entry.name)
        if entry.honorific is not None:
            person.honorific = person.honorific or _canonical_honorific(entry.honorific.text)
            person.evidence.append(Span.of(transcript.text, entry.honorific.start, entry.name.end))
        for mention in entry.posts:
            org_key = _resolve_body(orgs, mention.body) if mention.body is not None else None
            title = _normalise_title(mention.title.text)
            key = f"{pkey}|{title}|{org_key or ''}"
            old = posts.get(key)
            evidence = (old.evidence if old else ()) + (mention.span,)
            posts[key] = Post(key, mention.title.text.strip().lower(), pkey, org_key, evidence)

    unresolved: list[Unresolved] = []
    _honorifics(transcript, people, unresolved)
    turns = _turns(transcript, people, orgs, unresolved)
    moderator = _moderator(transcript, people, turns)

    frozen_people = []
    for key, p in people.items():
        role = Role.MODERATOR if key == moderator else Role.SPEAKER
        frozen_people.append(Person(key, p.name, p.honorific, role, tuple(sorted(set(p.evidence)))))
    turns = tuple(
        ResolvedTurn(t.order, t.label, t.span, Role.MODERATOR, t.speaker, t.speaker_kind)
        if moderator is not None and t.speaker == moderator
        else t
        for t in turns
    )
    return Conference(
        source=transcript.source,
        title=transcript.title,
        published=transcript.published,
        held=transcript.held,
        people=tuple(frozen_people),
        organizations=orgs.freeze(),
        posts=tuple(posts.values()),
        turns=turns,
        unresolved=tuple(sorted(unresolved, key=lambda u: (u.span.start, u.span.end, u.kind))),
        moderator=moderator,
        figures=extract_figures(transcript, lookup=orgs.lookup),
    )


def _normalise_title(title: str) -> str:
    return normalise_key(title)


def _resolve_body(orgs: _OrgTable, body: Span) -> str:
    text = strip_article(body).text
    if is_acronym(text) and text in orgs.by_acronym:
        key = orgs.by_acronym[text]
        orgs.evidence[key].append(strip_article(body))
        return key
    return orgs.add_chain(body)


def _name_variants(name: str) -> set[str]:
    """Short forms a speaker may be called by: the surname first (Chinese order) or last."""
    tokens = name.split()
    if len(tokens) < 2:
        return set()
    return {tokens[0].casefold(), tokens[-1].casefold()}


def _lookup_person(people: dict[str, _PersonDraft], text: str) -> tuple[str | None, str]:
    """Find a person by full name or a unique short form; return (key, why-not)."""
    key = normalise_key(text)
    if key in people:
        return key, ""
    matches = [k for k, p in people.items() if key in _name_variants(p.name)]
    if len(matches) == 1:
        return matches[0], ""
    if matches:
        return None, f"ambiguous: {len(matches)} people are called {text!r}"
    return None, "no person of that name"


_NAME_TOKENS = r"(?:[A-Z][\w'’\-]*|[\u3400-\u9fff]+)"


def _honorifics(transcript: Transcript, people: dict[str, _PersonDraft], unresolved: list[Unresolved]) -> None:
    """Record "Mr./Ms. Name" for roster people; keep the others as unresolved."""
    lex = lexicon()
    text = transcript.text
    pattern = re.compile(rf"(?<!\w)({lex.honorific_re.pattern})\s+({_NAME_TOKENS}(?:\s+{_NAME_TOKENS}){{0,2}})")
    for m in pattern.finditer(text):
        hon = Span.of(text, m.start(1), m.end(1))
        words = list(re.finditer(r"\S+", m.group(2)))
        found = None
        for n in range(len(words), 0, -1):  # longest name first: "Li Weiming" before "Li Wei"
            name = Span.of(text, m.start(2), m.start(2) + words[n - 1].end())
            key, why = _lookup_person(people, name.text)
            if key is not None:
                found = (key, name)
                break
        if found is None:
            if people:  # only a roster gives us people to resolve against
                name = Span.of(text, m.start(2), m.start(2) + words[0].end())
                _, why = _lookup_person(people, name.text)
                unresolved.append(Unresolved(Span.of(text, hon.start, name.end), "person", why))
            continue
        key, name = found
        person = people[key]
        person.honorific = person.honorific or _canonical_honorific(hon.text)
        person.evidence.append(Span.of(text, hon.start, name.end))


def _canonical_honorific(text: str) -> str:
    """ "MR" → "Mr.", "Ms" → "Ms."; the stated form otherwise."""
    bare = text.rstrip(".")
    if bare.upper() in {"MR", "MS", "MRS", "DR", "PROF"}:
        return bare.capitalize() + "."
    return text


def _turns(
    transcript: Transcript, people: dict[str, _PersonDraft], orgs: _OrgTable, unresolved: list[Unresolved]
) -> list[ResolvedTurn]:
    out = []
    for turn in transcript.turns:
        speaker: str | None = None
        role = Role.SPEAKER
        if turn.kind is LabelKind.PERSON:
            label = turn.label.text
            m = lexicon().honorific_re.match(label)
            name = label[m.end() :].strip() if m else label
            key, _ = _lookup_person(people, name)
            if key is None:
                key = normalise_key(name)
                people[key] = _PersonDraft(name, in_roster=False)
            if m:
                people[key].honorific = people[key].honorific or _canonical_honorific(m.group(0).strip())
            people[key].evidence.append(turn.label)
            speaker = key
        elif turn.kind is LabelKind.OUTLET:
            key = normalise_key(turn.label.text)
            orgs.names.setdefault(key, turn.label.text)
            orgs.parents.setdefault(key, None)
            orgs.evidence[key].append(turn.label)
            orgs.outlets.add(key)
            speaker = key
            role = Role.JOURNALIST
        else:
            role = Role.JOURNALIST
        out.append(ResolvedTurn(turn.order, turn.label, turn.span, role, speaker, turn.kind))
    return out


def _moderator(transcript: Transcript, people: dict[str, _PersonDraft], turns: list[ResolvedTurn]) -> str | None:
    """The moderator: labelled in the roster, else the first speaker who introduces roster people."""
    for key, p in people.items():
        if p.block is Role.MODERATOR:
            return key
    if not turns or turns[0].speaker is None or turns[0].speaker_kind is not LabelKind.PERSON:
        return None
    first = turns[0]
    if not people[first.speaker].in_roster:
        return None
    others = [p.name for k, p in people.items() if k != first.speaker and p.in_roster]
    if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", first.span.text) for name in others):
        return first.speaker
    return None
