"""The entity registry the resolve stage fills: drafts keyed by kind and normalised name.

It knows the names, forms as written and acronyms of every entity found so
far, spells bodies out in full ("ABC Unit" → "Unit of the <ABC spelled
out>"), adds nested bodies with their parents, and merges entities named only
by a short form into the one entity it is short for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .entities import Entity, Rule, normalise_key
from .extract.laws import short_law_name
from .extract.orgs import OrgName, is_acronym, is_org_name, split_nested, strip_article
from .extract.phrases import head_part
from .lexicon import lexicon, national_prefixes, nicknames, place_names, well_known_bodies, well_known_names, word_set
from .model import Evidence, Kind, Role, Span


@dataclass
class Draft:
    kind: Kind
    key: str
    name: str
    forms: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    parent: str | None = None
    honorific: str | None = None
    in_roster: bool = False
    spoke: bool = False
    block: Role | None = None
    edition: int | None = None
    editions_held: int | None = None
    scope: str | None = None  # a body known only by a name many share, and whose it is: "Ministry of Defense" of one country


def national_body_name(text: str) -> str | None:
    """The body's own name after a country written before it (``data/national_prefixes.txt``), or None.

    >>> national_body_name("U.S. Department of Harbours"), national_body_name("United Kingdom Harbour Board"), national_body_name("U.S. Embassy")
    ('Department of Harbours', 'Harbour Board', None)
    """
    text = " ".join(text.split())  # "U.S.\nForest Service", hard-wrapped
    for prefix in national_prefixes():
        if text.startswith(prefix + " "):
            rest = text[len(prefix) + 1 :].strip()
            if rest in well_known_bodies() or (len(rest.split()) >= 2 and is_org_name(rest)):
                return rest
    return None


def _national_well_known(own: str) -> str | None:
    """The well-known body whose full name is a country's name and then ``own``, or None."""
    return _national_well_known_names().get(own)


@cache
def _national_well_known_names() -> dict[str, str]:
    """Well-known full names that open with a country's name, by the rest: "Agency for X" → "United States Agency for X"."""
    out: dict[str, str] = {}
    for name in sorted(well_known_names()):
        for prefix in national_prefixes():
            if name.startswith(prefix + " "):
                out.setdefault(name[len(prefix) + 1 :], name)
    return out


_TITLE_POSSESSIVE_RE = re.compile(r"[A-Z][\w\-]*['’]s")  # "President's", of "the President's X Council"


@dataclass
class Registry:
    """Entities by (kind, key), and the names and acronyms that point at them."""

    drafts: dict[tuple[Kind, str], Draft] = field(default_factory=dict)
    acronyms: dict[str, tuple[Kind, str]] = field(default_factory=dict)
    by_form: dict[str, tuple[Kind, str]] = field(default_factory=dict)  # every name as written
    by_name_part: dict[str, list[str]] = field(default_factory=dict)  # person keys by first or last name word
    by_owned_tail: dict[str, set[str]] = field(default_factory=dict)  # "White House X Council", "President's X Council": by "x council"

    def get(self, kind: Kind, key: str) -> Draft | None:
        return self.drafts.get((kind, key))

    def add(self, kind: Kind, key: str, name: str, evidence: Evidence | None, form: str | None = None) -> Draft:
        draft = self.drafts.get((kind, key))
        if draft is None:
            draft = self.drafts[(kind, key)] = Draft(kind, key, name)
            if kind is Kind.PERSON:
                for part in name_parts(name):
                    self.by_name_part.setdefault(part, []).append(key)
            elif kind is Kind.ORGANIZATION:
                words = name.split()
                for i in range(1, len(words) - 1):
                    owner = " ".join(words[:i])
                    if owner in well_known_bodies() or owner in well_known_names() or (i == 1 and _TITLE_POSSESSIVE_RE.fullmatch(owner) and lexicon().match_title(owner[:-2])):
                        self.by_owned_tail.setdefault(normalise_key(" ".join(words[i:])), set()).add(name)
        form = form if form is not None else name
        if form not in draft.forms:
            draft.forms.append(form)
            self.by_form.setdefault(normalise_key(form), (kind, key))
        if evidence is not None:
            draft.evidence.append(evidence)
        return draft

    def define_acronym(self, acronym: str, target: tuple[Kind, str]) -> None:
        draft = self.drafts[target]
        if acronym not in draft.acronyms:
            draft.acronyms.append(acronym)
        self.acronyms.setdefault(acronym, target)

    def org_acronym(self, acronym: str) -> Draft | None:
        target = self.acronyms.get(acronym)
        return self.drafts[target] if target and target[0] is Kind.ORGANIZATION else None

    # -- bodies

    def canonical_org(self, text: str) -> tuple[str, Rule]:
        """The full name of a body: acronyms spelled out, "ABC Unit" as "Unit of the <ABC>"."""
        text = strip_article(Span.of(text, 0, len(text))).text
        return self._canonical_chain(split_nested(Span.of(text, 0, len(text))))[0]

    def _canonical_chain(self, chain: tuple[OrgName, ...]) -> list[tuple[str, Rule]]:
        """The full name of each body of a nested name, outermost first.

        Built from the innermost body outwards, each from the one it is a
        unit of, so a chain of any depth takes time linear in its names.
        """
        out: list[tuple[str, Rule]] = []
        for link in reversed(chain):
            text = link.name.text
            key = " ".join(text.split())  # a name wrapped across lines is the same name
            full = well_known_bodies().get(key)
            if full is not None and self.org_acronym(key) is None:  # "the ABC" never defined in the text
                out.append((full, Rule.NAME if full == key else Rule.ACRONYM if is_acronym(key) else Rule.SHORT_FORM))
            elif link.parent is not None and out:
                canonical, rule = out[-1]
                prefix = text[: link.parent.start - link.name.start]
                if canonical != link.parent.text and prefix.endswith(" of "):
                    prefix += "the "  # "X of ABC" → "X of the Agency for B C"
                out.append((prefix + canonical, rule))
            else:
                out.append(self._canonical_leaf(key))
        return out[::-1]

    def _canonical_leaf(self, text: str) -> tuple[str, Rule]:
        own = national_body_name(text)
        if own is not None:  # "U.S. Department of Harbours" is the Department of Harbours
            national = _national_well_known(own)
            if national is not None:  # "U.S. Agency for X" is the well-known "United States Agency for X"
                return national, Rule.SHORT_FORM
            name, rule = self._canonical_leaf(own)
            return well_known_bodies().get(name, name), Rule.SHORT_FORM
        words = text.split()
        short = well_known_bodies().get(words[0]) if len(words) >= 2 and self.org_acronym(words[0]) is None else None
        if short is not None and short != words[0] and is_org_name(" ".join(words[1:])):
            # "U.N. Security Council" is the United Nations Security Council
            rest = " ".join(words[1:])
            known = well_known_bodies().get(rest, "")
            return (known if known.startswith(short + " ") else f"{short} {rest}"), Rule.SHORT_FORM
        if len(words) >= 2 and is_acronym(words[0]):
            owner = self.org_acronym(words[0]) or self.org_by_initials(words[0])
            if owner is not None and is_org_name(" ".join(words[1:])):
                return f"{' '.join(words[1:])} of the {owner.name}", Rule.SHORT_FORM
        owner = self._owned_by_known(text)
        if owner is not None:  # "the Competition Council", after the "White House Competition Council"
            return owner, Rule.SHORT_FORM
        expanded = self._expand(text)
        return expanded, (Rule.SHORT_FORM if expanded != text else Rule.NAME)

    def _owned_by_known(self, text: str) -> str | None:
        """The one body already named "<well-known body> <text>" ("White House Competition Council")
        or "<title>'s <text>" ("President's Export Council"), or None."""
        found = self.by_owned_tail.get(normalise_key(text), set())
        return next(iter(found)) if len(found) == 1 and len(text.split()) >= 2 and is_org_name(text) else None

    def org_by_initials(self, acronym: str) -> Draft | None:
        """The one known body whose initials spell an acronym never defined ("NPC")."""
        letters = acronym.lower()
        found = [
            d
            for (kind, _), d in self.drafts.items()
            if kind is Kind.ORGANIZATION and initials(d.name) == letters
        ]
        return found[0] if len(found) == 1 else None

    def _expand(self, text: str) -> str:
        def spell(m: re.Match[str]) -> str:
            owner = self.org_acronym(m.group(2))
            if owner is None:
                return m.group(0)
            return ("the " if m.group(1) else "") + owner.name

        return re.sub(r"(?<![\w-])(the\s+)?([A-Z][A-Za-z0-9&]+)(?![\w-])", spell, text)

    def add_org(self, span: Span, page: int, *, kind: Kind = Kind.ORGANIZATION) -> tuple[str, Rule]:
        """Add a possibly nested body name; return the key of the outermost body and the rule.

        Parents are added before their units, so a unit's parent is the body
        its full name ends with ("A of the B" → B), whether written out or not.
        """
        chain = split_nested(strip_article(span))
        canonical = self._canonical_chain(chain)
        key, rule = "", Rule.NAME
        for i in range(len(chain) - 1, -1, -1):
            link = chain[i]
            draft = self.org_acronym(link.name.text) if is_acronym(link.name.text) else None
            if draft is not None:
                draft.evidence.append(Evidence(page, link.name))
                key, rule = draft.key, Rule.ACRONYM
                continue
            name, rule = canonical[i]
            key = normalise_key(name)
            draft = self.add(kind if i == 0 else Kind.ORGANIZATION, key, name, Evidence(page, link.name), form=link.name.text)
            if rule is Rule.ACRONYM and is_acronym(link.name.text):  # a well-known acronym: later uses resolve to the same body
                self.define_acronym(link.name.text, (draft.kind, key))
            if draft.parent is None:
                if i + 1 < len(chain):  # the unit's full name ends with its parent's
                    parent_key = normalise_key(canonical[i + 1][0])
                else:
                    parent = split_nested(Span.of(name, 0, len(name)))[0].parent
                    parent_key = normalise_key(parent.text) if parent is not None else None
                if parent_key is not None and (Kind.ORGANIZATION, parent_key) in self.drafts and parent_key != key:
                    draft.parent = parent_key
        return key, rule

    def freeze(self, *, moderator: str | None) -> tuple[Entity, ...]:
        out = []
        for (kind, key), d in self.drafts.items():
            role = None
            if kind is Kind.PERSON:
                role = (
                    Role.MODERATOR
                    if key == moderator
                    else Role.SPEAKER
                    if d.in_roster or d.spoke
                    else Role.MENTIONED
                )
            name = d.name if kind in (Kind.ORGANIZATION, Kind.PERSON, Kind.MEDIA) else max(d.forms, key=len)
            if kind is Kind.LAW:
                name = short_law_name(name)
            name = " ".join(name.split())  # a name wrapped over two lines is one name ("Ana\nReyes"); its evidence keeps the break
            aliases = tuple(sorted({" ".join(f.split()) for f in d.forms if f not in d.acronyms} - {name}))
            out.append(
                Entity(
                    kind=kind,
                    key=key,
                    name=name,
                    aliases=aliases,
                    acronyms=tuple(d.acronyms),
                    evidence=outermost(d.evidence),
                    parent=d.parent if d.parent != key else None,
                    honorific=d.honorific,
                    role=role,
                    edition=d.edition,
                    editions_held=d.editions_held,
                )
            )
        return tuple(out)


def name_parts(name: str) -> set[str]:
    """Short forms a person may be called by: the surname first (Chinese order) or last.

    >>> sorted(name_parts("Li Wei")), name_parts("Wei"), sorted(name_parts("Ana Ruiz-Soto"))
    (['li', 'wei'], set(), ['ana', 'ruiz soto'])
    """
    tokens = name.split()
    if len(tokens) < 2:
        return set()
    return {normalise_key(tokens[0]), normalise_key(tokens[-1])}  # "Ruiz-Soto" is found as "RUIZ-SOTO" is: "ruiz soto"


def initials_index(table: Registry) -> dict[str, list[tuple[Kind, str]]]:
    """Named things by the initials of their names and forms: how an acronym never defined is read.

    Bodies, companies, laws, documents and events count ("NSC" for a
    "National Security Council" said in the text). Built once, in one pass.
    """
    out: dict[str, list[tuple[Kind, str]]] = {}
    kinds = (Kind.ORGANIZATION, Kind.COMPANY, Kind.LAW, Kind.DOCUMENT, Kind.EVENT)
    for target, draft in table.drafts.items():
        if target[0] not in kinds:
            continue
        for name in {draft.name, *draft.forms}:
            letters = initials(name)
            if len(letters) >= 2 and target not in out.get(letters, []):
                out.setdefault(letters, []).append(target)
    return out


def initials(name: str) -> str:
    """ "National People's Congress" → "npc"."""
    return "".join(w[0].lower() for w in re.findall(r"[^\s\-]+", name) if w.lower() not in ("of", "the", "and", "for", "on"))



def known(table: Registry, text: str) -> tuple[tuple[Kind, str], Rule] | None:
    """The entity a name or acronym already stands for."""
    if text in table.acronyms:
        return table.acronyms[text], Rule.ACRONYM
    key = normalise_key(text)
    for kind in Kind:
        if (kind, key) in table.drafts:
            return (kind, key), Rule.NAME
    if key in table.by_form:  # a form as written ("ABC Central Committee")
        return table.by_form[key], Rule.NAME
    return None



def find_org(table: Registry, text: str) -> Draft | None:
    by_acronym = table.org_acronym(text)
    if by_acronym is not None:
        return by_acronym
    name, _ = table.canonical_org(text)
    return table.get(Kind.ORGANIZATION, normalise_key(name))



def lookup_body(table: Registry, name: str) -> tuple[Kind, str] | None:
    """The body, company or outlet a name stands for (by acronym, name, form as written), if any."""
    text = strip_article(Span.of(name, 0, len(name))).text
    hit = known(table, text)
    if hit is not None and hit[0][0] in (Kind.ORGANIZATION, Kind.COMPANY, Kind.MEDIA):
        return hit[0]
    found = find_org(table, text) if text else None
    return (Kind.ORGANIZATION, found.key) if found is not None else None



def short_forms(draft: Draft) -> set[str]:
    """Keys of the shorter names an entity may be called by once it has been named in full.

    A unit without its parent ("Department of X" for "Department of X of the Y
    Ministry"); a law, document or event without what follows its head
    ("Stockholm Convention" for "Stockholm Convention on Persistent Pollutants");
    "Foreign Ministry" for "Ministry of Foreign Affairs".
    """
    out: set[str] = set()
    if draft.scope is not None:  # one country's ministry: "Foreign Ministry" may be any other's
        return out
    name = draft.name if draft.kind is Kind.ORGANIZATION else max(draft.forms, key=len)
    words = name.split()
    if draft.kind is Kind.ORGANIZATION:
        parent = split_nested(Span.of(name, 0, len(name)))[0].parent
        if parent is not None:
            out.add(normalise_key(re.sub(r"\s+of(?:\s+the)?\s*$", "", name[: parent.start])))
        m = re.match(r"(\w+) of (\w+)", name)
        if m and m.group(1) in lexicon().org_heads:
            out.add(normalise_key(f"{m.group(2)} {m.group(1)}"))  # "Foreign Ministry"
    elif draft.kind in (Kind.LAW, Kind.DOCUMENT, Kind.EVENT):
        head = head_part(words)
        if 2 <= len(head) < len(words):
            out.add(normalise_key(" ".join(head)))
    return out



def merge_short_forms(table: Registry) -> dict[tuple[Kind, str], tuple[Kind, str]]:
    """Merge entities named only by a short form into the one entity it is short for."""
    by_short: dict[tuple[Kind, str], list[tuple[Kind, str]]] = {}
    for target, draft in table.drafts.items():
        for short in short_forms(draft):
            by_short.setdefault((draft.kind, short), []).append(target)
    by_last: dict[tuple[Kind, str], list[tuple[tuple[Kind, str], list[str], list[str]]]] = {}  # names by kind and last word
    for target, draft in table.drafts.items():
        if draft.kind in _SAID_IN_PART:
            words = _name_words(draft.name)
            by_last.setdefault((draft.kind, words[-1]), []).append((target, words, re.split(r"[\s-]+", draft.name.strip())))
    redirect: dict[tuple[Kind, str], tuple[Kind, str]] = {}
    for target, draft in list(table.drafts.items()):
        longer = (
            [t for t in by_short.get((draft.kind, draft.key), []) if t != target]
            or _spelled_by(table, target)
            or [t for t in _said_in_part(draft, by_last) if t in table.drafts]
        )
        if len(longer) != 1 or draft.edition is not None and table.drafts[longer[0]].edition != draft.edition:
            continue
        into = table.drafts[longer[0]]
        if longer == _spelled_by(table, target):  # "ABC" from a headline, "Alpha Beta Council" in the text
            table.define_acronym(draft.name, longer[0])
        for form in draft.forms:
            if form not in into.forms:
                into.forms.append(form)
        into.evidence.extend(draft.evidence)
        into.acronyms.extend(a for a in draft.acronyms if a not in into.acronyms)
        into.parent = into.parent or draft.parent
        into.editions_held = into.editions_held or draft.editions_held
        redirect[target] = longer[0]
        del table.drafts[target]
    for draft in table.drafts.values():
        if draft.parent is not None and (Kind.ORGANIZATION, draft.parent) in redirect:
            draft.parent = redirect[(Kind.ORGANIZATION, draft.parent)][1]
    for acronym, target in list(table.acronyms.items()):
        table.acronyms[acronym] = redirect.get(target, target)
    return redirect



def _name_words(name: str) -> list[str]:
    """The words of a name in lower case, a hyphen splitting them too ("U.S.-Harbour" is "u.s." and "harbour")."""
    return re.split(r"[\s-]+", name.lower().strip())


_SAID_IN_PART = (Kind.LAW, Kind.DOCUMENT, Kind.EVENT)


@cache
def _dropped_before() -> frozenset[str]:
    """Countries and national prefixes, lower case: words a short form drops from the front ("U.S.-Ruritania")."""
    return frozenset(p.lower() for p in (*national_prefixes(), *place_names()))


def _said_in_part(
    draft: Draft, by_last: dict[tuple[Kind, str], list[tuple[tuple[Kind, str], list[str], list[str]]]]
) -> list[tuple[Kind, str]]:
    """The laws, documents or events whose name holds every word of a shorter one, in order, with the same last word.

    "the Recovery Act" after "the American Reinvestment and Recovery Act";
    merged only when a single longer name holds it (:func:`merge_short_forms`).
    The words dropped are the part before an "and", or words in between
    ("Harbour Act" for "Harbour Safety and Pier Act"), or a country or the acronym of
    the body that holds it put before ("the Reykjavik summit" for "the ABC
    Reykjavik Summit"); a name with a word put
    before it is another ("Harbour Act", "Inner Harbour Act"), and so is a name
    the longer one is about ("Rules for the Harbour Act").
    """
    if draft.kind not in _SAID_IN_PART:
        return []
    words = _name_words(draft.name)
    if len(words) < 2:
        return []
    out = []
    for t, longer, written in by_last.get((draft.kind, words[-1]), ()):
        if len(longer) <= len(words):
            continue
        rest = iter(longer[:-1])
        if not all(w in rest for w in words[:-1]):  # each word found after the one before
            continue
        first = longer.index(words[0])
        before = longer[first - 1] if first else None
        joined = before == "and"  # "Patient Safety and Harbour Act": the part after "and"
        gapped = longer[first : first + len(words) - 1] != words[:-1] or longer[first + len(words) - 1 :] != words[-1:]
        held = first == 1 and (is_acronym(written[0]) or written[0] in well_known_bodies())  # "the ABC Reykjavik Summit": the body that holds it
        if (joined or gapped or held or before in _dropped_before()) and before not in ("of", "on", "for", "to", "under", "the"):
            out.append(t)  # "the Harbour Leaders Summit" for "the U.S.-Harbour Leaders Summit": a country put before is dropped too
    return out


def _spelled_by(table: Registry, target: tuple[Kind, str]) -> list[tuple[Kind, str]]:
    """The bodies whose initials a body named only by an acronym spells ("NSC" → "National Security Council")."""
    draft = table.drafts[target]
    name = draft.name
    if target[0] is Kind.LAW and (headed := re.fullmatch(r"([A-Z]{2,6})\s+(\w+)", name)):
        # "the FISA Act", "the HDS Act": the acronym of a law named in full, and its head said again
        letters, head = headed.group(1).lower(), headed.group(2).lower()
        return [
            t
            for t, d in table.drafts.items()
            if t[0] is Kind.LAW and t != target and d.name.split()[-1].lower() == head
            and initials(d.name) in (letters, letters + head[0])
        ]
    if target[0] is not Kind.ORGANIZATION or not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
        return []
    return [
        t
        for t, d in table.drafts.items()
        if t[0] is Kind.ORGANIZATION and t != target and len(d.name.split()) > 1 and initials(d.name) == name.lower()
    ]


def same_first_name(first_a: str, first_b: str) -> bool:
    """Whether two first names (lower case) may be one: "ernie" of "ernest", "tony" of "anthony", or a
    short form in ``data/nicknames.txt`` ("peggy" of "margaret", "joe" of "joseph")."""
    long, short = sorted((first_a, first_b), key=len, reverse=True)
    # the short form begins as the long one, or ends as it after its first letter
    alike = first_a[:3] == first_b[:3] or (len(short) >= 4 and len(long) > len(short) and long.endswith(short[1:]))
    return alike or long in nicknames().get(short, ())


def first_name_forms(same: list[Draft]) -> tuple[Draft, Draft]:
    """Two people of one surname as (the one kept, the other): who spoke or stands in the roster, else the longer name."""
    a, b = sorted(same, key=lambda d: (not (d.spoke or d.in_roster), -len(d.name), d.key))
    return a, b


def one_person_by_first_name(kept: Draft, other: Draft) -> bool:
    """Whether ``other`` is ``kept`` named with another form of the first name ("Joe Hale", "Joseph Hale"):
    the same surname, first names that :func:`same_first_name` joins, and not both of them speakers."""
    a, b = kept.name.split(), other.name.split()
    if len(a) != 2 or len(b) != 2 or normalise_key(a[1]) != normalise_key(b[1]):
        return False
    first_a, first_b = a[0].lower(), b[0].lower()
    if first_a == first_b or len(first_b) < 3 or not same_first_name(first_a, first_b):
        return False
    return not ((other.spoke or other.in_roster) and (kept.spoke or kept.in_roster))


def merge_first_name_forms(table: Registry) -> dict[tuple[Kind, str], tuple[Kind, str]]:
    """Merge a person named with a short form of a first name into the one person it shortens.

    "Ernie Moniz" is the Ernest Moniz of the headline: the same surname and a
    first name that begins with the same three letters as the other's, one
    of them longer, or that ends as the longer one does after its first letter
    ("Tony" of "Anthony", "Drew" of "Andrew"), or is a short form of it in ``data/nicknames.txt``
    ("Peggy" of "Margaret"). Only when one person so matches; who spoke or stands in
    the roster keeps their entity, else the longer name does.
    """
    people = [d for (kind, _), d in table.drafts.items() if kind is Kind.PERSON and len(d.name.split()) == 2]
    by_surname: dict[str, list[Draft]] = {}
    for d in people:
        by_surname.setdefault(normalise_key(d.name.split()[-1]), []).append(d)
    redirect: dict[tuple[Kind, str], tuple[Kind, str]] = {}
    for same in by_surname.values():
        if len(same) != 2:
            continue
        a, b = first_name_forms(same)
        if not one_person_by_first_name(a, b):
            continue
        _merge_person(table, b, a, [b.name, *b.forms], redirect)
        if len(b.name.split()[0]) > len(a.name.split()[0]):
            if a.name not in a.forms:
                a.forms.append(a.name)
            a.name = b.name  # the speaker "Stan Hale" is named in full, "Stanley Hale", as the text also calls him
    return redirect


def merge_surnames(table: Registry, titles: dict[str, set[str]] | None = None) -> dict[tuple[Kind, str], tuple[Kind, str]]:
    """Merge a person named only by a surname into the one person of the conference with that surname.

    "President Fox" and "Ann Fox" are one person when no one else is called
    Fox; people who spoke or stand in the roster keep their own entity (their
    turns point at it). A head of state or government named by a surname is
    not the one of that surname who holds other posts (``titles``: holder key →
    titles held; "Secretary Ann Fox", then "President Fox"). Among several people
    of that surname, a surname said with a title names the one who holds it.
    """
    people = [d for (kind, _), d in table.drafts.items() if kind is Kind.PERSON]
    by_part: dict[str, list[Draft]] = {}
    for d in people:
        for part in name_parts(d.name):
            by_part.setdefault(part, []).append(d)
    redirect: dict[tuple[Kind, str], tuple[Kind, str]] = {}
    for d in people:
        if len(d.name.split()) != 1 or d.in_roster or d.spoke:
            continue
        full = by_part.get(normalise_key(d.name), [])
        said = (titles or {}).get(d.key, set())
        if len(full) > 1 and said:  # "President Fox" among Ann Fox, president, and Bea Fox, first lady: the president
            full = [f for f in full if said & (titles or {}).get(f.key, set())]
        if len(full) != 1:
            continue
        if heads_someone_else((titles or {}).get(d.key, set()), (titles or {}).get(full[0].key, set())):
            continue
        _merge_person(table, d, full[0], [d.name], redirect)
    return redirect


def heads_someone_else(said: set[str], held: set[str]) -> bool:
    """Whether a surname said with the titles ``said`` names someone else than the person of that surname
    who holds ``held``: a head of state or government ("President Fox", ``data/head_titles.txt``)
    and a person holding other posts only ("Secretary Ann Fox") are two people of one surname."""
    heads = said & word_set("head_titles")
    return bool(heads) and bool(held) and not heads & held


def _merge_person(table: Registry, d: Draft, into: Draft, forms: list[str], redirect: dict[tuple[Kind, str], tuple[Kind, str]]) -> None:
    """Fold person ``d`` into ``into``: its evidence, honorific and the ``forms`` it was called by; note the redirect."""
    into.evidence.extend(d.evidence)
    into.honorific = into.honorific or d.honorific
    for form in forms:
        if form not in into.forms:
            into.forms.append(form)
    redirect[(Kind.PERSON, d.key)] = (Kind.PERSON, into.key)
    del table.drafts[(Kind.PERSON, d.key)]


def outermost(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    """Evidence without spans inside another of the same entity: "Li Wei" within "Mr. Li Wei"."""
    unique = sorted(set(evidence), key=lambda e: (e.page, e.span.start, -e.span.end))
    out: list[Evidence] = []
    for ev in unique:
        if out and out[-1].page == ev.page and out[-1].span.start <= ev.span.start and ev.span.end <= out[-1].span.end:
            continue
        out.append(ev)
    return tuple(sorted(out))
