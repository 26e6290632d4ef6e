"""Stage 3 — resolve: mentions → entities, keyed and de-duplicated.

One conference may span several pages (transcripts). Resolution merges what
the pages state: roster people with their posts and bodies, bodies nested in
"A of the B" names, acronyms defined in parentheses, the speaker of each turn,
and everything the turns name (laws, documents, campaigns, events, bodies,
companies, media, people). Every mention records the :class:`Rule` that
resolved it; what cannot be resolved is kept as :class:`Unresolved`.

Entities are keyed by kind and normalised name, so two things with the same
name but different kinds stay apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from functools import cache, lru_cache

from .dates import MONTHS, parse_clock
from .entities import Conference, Mention, Post, ResolvedTurn, Rule, Unresolved, display_name, normalise_key
from .extract.bodies import company_key_name
from .extract.figures import extract_figures
from .extract.headline import HeadlineSpeaker, caps_display, headline_speakers
from .extract.laws import law_key_name, short_law_name
from .extract.mentions import EntityMention, extract_mentions
from .extract.orgs import expansion_of, is_acronym, is_org_name
from .extract.people import MODIFIERS, is_portfolio, person_in_phrase, singular_title, title_words
from .extract.phrases import Phrase, head_nouns
from .extract.roster import PostMention, extract_roster, parse_post
from .lexicon import demonyms, lexicon, ministry_portfolios, place_names, portfolio_heads, well_known_bodies, word_set
from .model import DateMention, Evidence, Kind, LabelKind, Role, Span, Transcript
from .parse import role_of
from .registry import (
    Registry,
    find_org,
    first_name_forms,
    heads_someone_else,
    initials_index,
    known,
    lookup_body,
    merge_first_name_forms,
    merge_short_forms,
    merge_surnames,
    name_parts,
    one_person_by_first_name,
)
from .text import fold


def resolve(pages: Transcript | Sequence[Transcript], *, min_figure_confidence: float | None = None) -> Conference:
    """Resolve one conference from its pages (a single transcript, or pages 1..N in order).

    ``min_figure_confidence``: the score a figure the confidence model judges needs to stay a figure
    (see :func:`cyberkg.extract.figures.extract_figures`; None: the model's own threshold, 0: the rules alone).
    """
    if isinstance(pages, Transcript):
        pages = [pages]
    if not pages:
        raise ValueError("a conference needs at least one transcript")
    table = Registry()
    posts: dict[str, Post] = {}
    unresolved: list[Unresolved] = []
    paragraphs = _paragraph_mentions(pages)

    # 1. Acronyms defined in the roster and in what is said, so later uses resolve.
    entries = [(p, e) for p, page in enumerate(pages) for e in extract_roster(page)]
    for p, entry in entries:
        for post in entry.posts:
            if post.acronym is not None:
                _define_org_acronym(table, p, post.acronym.acronym, post.acronym.expansion)
    for (p, _), mentions in paragraphs:
        for m in mentions:
            if m.acronym is None:
                continue
            expansion = expansion_of(m.acronym.text, m.span)
            if m.kind is Kind.ORGANIZATION or (expansion != m.span and is_org_name(expansion.text)):
                _define_org_acronym(table, p, m.acronym, expansion)

    # 2. The roster: people, their posts and bodies.
    portfolios = []
    for p, entry in entries:
        pkey = normalise_key(entry.name.text)
        person = table.add(Kind.PERSON, pkey, display_name(entry.name.text), Evidence(p, entry.name))
        person.in_roster = True
        person.block = person.block or entry.block
        if entry.honorific is not None:
            person.honorific = person.honorific or _canonical_honorific(entry.honorific.text)
            person.evidence.append(Evidence(p, Span.of(pages[p].text, entry.honorific.start, entry.name.end)))
        for mention in entry.posts:
            if mention.body is not None and (mention.body.text.islower() or _is_portfolio(mention.title.text, mention.body.text)):
                portfolios.append((p, pkey, mention))
                continue
            org_key = table.add_org(mention.body, p)[0] if mention.body is not None else None
            _add_post(posts, pkey, mention.title_text, org_key, Evidence(p, mention.span))
    for p, pkey, mention in portfolios:
        org_key = _portfolio_body(table, p, mention.title.text, mention.body)
        _add_post(posts, pkey, mention.title.text, org_key, Evidence(p, mention.span))

    # 3. The people the headline names, with their posts (no roster in such transcripts).
    # The first names others call each surname-labelled speaker by, read once per page.
    addressed = [_addressed_first_names(page) for page in pages]
    headline_keys = [_add_headline_speaker(table, posts, pages[0], sp, addressed[0]) for sp in headline_speakers(pages[0])]
    headline_key = headline_keys[0] if headline_keys else None

    # 4. Turns and who speaks in them.
    turns = _turns(pages, table, posts, headline_key, addressed)

    # 5. What each turn names.
    mentions: list[Mention] = []
    turn_of = {(t.page, t.span.start): t.order for t in turns}
    for (p, turn_start), found in paragraphs:
        order = turn_of[(p, turn_start)]
        for m in found:
            if m.kind is not Kind.UNKNOWN:
                _resolve_typed(table, posts, pages[p].text, p, order, m, mentions)
    by_initials = initials_index(table)
    for (p, turn_start), found in paragraphs:
        order = turn_of[(p, turn_start)]
        for m in found:
            if m.kind is Kind.UNKNOWN:
                _resolve_unknown(table, pages[p].text, p, order, m, mentions, unresolved, by_initials)
    paragraphs_of = {(p, t.span.start): t.paragraphs for p, page in enumerate(pages) for t in page.turns}
    for t in turns:
        for paragraph in paragraphs_of[(t.page, t.span.start)]:
            _honorifics(table, pages[t.page], t.page, t.order, paragraph, mentions, unresolved)

    redirect = merge_short_forms(table)
    if redirect:
        posts, mentions = _redirect(redirect, posts, mentions)
    redirect = merge_first_name_forms(table)  # "Ernie Moniz" and the headline's "Ernest Moniz"
    if redirect:
        posts, mentions = _redirect(redirect, posts, mentions, rule=Rule.SHORT_FORM)
    _name_surnames(table, pages)
    titles: dict[str, set[str]] = defaultdict(set)
    for post in posts.values():
        titles[post.holder].add(post.title)
    redirect = merge_surnames(table, titles)
    if redirect:
        posts, mentions = _redirect(redirect, posts, mentions, rule=Rule.SURNAME)

    moderator = _moderator(table, turns)
    published = _first_date(pages, "published")
    held = _first_date(pages, "held")
    date = held or published
    first_turns = [min((t.order for t in turns if t.page == p), default=1) for p in range(len(pages))]
    figures = tuple(
        extract_figures(
            page,
            lookup=lambda name: lookup_body(table, name),
            held=date[1].date if date else None,
            first_turn=first,
            min_confidence=min_figure_confidence,
        )
        for page, first in zip(pages, first_turns, strict=True)
    )
    turns = [
        ResolvedTurn(t.order, t.page, t.label, t.span, Role.MODERATOR, t.speaker, t.speaker_kind)
        if moderator is not None and t.speaker == (Kind.PERSON, moderator)
        else t
        for t in turns
    ]
    return Conference(
        sources=tuple(page.source for page in pages),
        title=Evidence(0, pages[0].title),
        published=published,
        held=held,
        entities=table.freeze(moderator=moderator),
        posts=tuple(_placed_posts(posts).values()),
        turns=tuple(turns),
        mentions=_dedupe(mentions),
        unresolved=_one_per_span(unresolved),
        moderator=moderator,
        figures=figures,
        **_page_metadata(pages),
    )


def _page_metadata(pages: Sequence[Transcript]) -> dict:
    """What the pages say about themselves: the headline as read, place, times, source URL, update date."""
    first = pages[0].metadata
    headline = first.title.text if first.title is not None else pages[0].title.text
    out: dict = {"headline": " ".join(headline.split())}
    for p, page in enumerate(pages):
        meta = page.metadata
        if meta.place is not None:
            out.setdefault("place", Evidence(p, meta.place))
        for name, span in (("start_time", meta.start_time), ("end_time", meta.end_time)):
            clock = parse_clock(fold(span.text)) if span is not None else None
            if clock is not None:
                out.setdefault(name, (Evidence(p, span), clock))
        if meta.source_url is not None and _is_web_address(meta.source_url.text):
            out.setdefault("source_url", (p, meta.source_url.text.strip()))
        if meta.updated is not None:
            out.setdefault("updated", (p, meta.updated))
    return out


def _is_web_address(text: str) -> bool:
    """An absolute http(s) address with nothing an IRI cannot hold."""
    return re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", text.strip()) is not None


def _paragraph_mentions(pages: Sequence[Transcript]) -> list[tuple[tuple[int, int], list[EntityMention]]]:
    """Typed mentions of every turn, keyed by (page, turn start)."""
    out = []
    for p, page in enumerate(pages):
        for turn in page.turns:
            found = [m for paragraph in turn.paragraphs for m in extract_mentions(page.text, paragraph, folded=page.folded)]
            out.append(((p, turn.span.start), found))
    return out


def _add_headline_speaker(
    table: Registry, posts: dict[str, Post], page: Transcript, sp: HeadlineSpeaker, addressed: dict[str, Span]
) -> str:
    """Add a person the headline names, with the post it gives them; return their key.

    A headline that gives a surname only ("HUD Secretary Hale") names the person the
    transcript calls by a full name ("Tom Hale"), or by a first name around their
    turns ("MR. HALE" thanked with "Thank you, Tom."), when it does.
    """
    name = sp.name_text
    if len(name.split()) == 1:
        given = addressed.get(name.lower())
        name = _full_name(page, name) or _named_in_full(page, name) or (f"{given.text} {name}" if given else name)
    key = normalise_key(name)
    person = table.add(Kind.PERSON, key, name, Evidence(0, sp.name))
    person.spoke = True
    org_key = None
    # "Ambassador to Ruritania": a country is no body; the post is the title alone
    if sp.body is not None and sp.body_text and sp.body_text not in demonyms():
        if _is_portfolio(sp.title_text, sp.body_text):  # "Secretary of Agriculture Ana Reyes": the Department of Agriculture
            org_key = _portfolio_body(table, 0, sp.title_text, sp.body, sp.body_text)
        elif sp.body.text == sp.body_text:
            org_key = table.add_org(sp.body, 0)[0]
        else:  # the headline's words differ from the source (escapes): name the body as read
            org_key = table.add(Kind.ORGANIZATION, normalise_key(sp.body_text), sp.body_text, Evidence(0, sp.body), form=sp.body_text).key
    _add_post(posts, key, sp.title_text, org_key, Evidence(0, sp.post))
    for post in _appositive_posts(page, name):
        # "Under Secretary Ana Reyes" in the headline, "Ana Reyes, Under Secretary of the Treasury for Rivers" in
        # the text: the post in full (the headline's joins it, :func:`_placed_posts`)
        if _title_text(post.title_text).startswith(_title_text(sp.title_text) + " "):
            title, body = _title_and_body(table, 0, post.title, post.body, holder=key)
            _add_post(posts, key, title, body, Evidence(0, post.span))
    return key


def _define_org_acronym(table: Registry, page: int, acronym: Span, expansion: Span) -> None:
    key, _ = table.add_org(expansion, page)
    table.define_acronym(acronym.text, (Kind.ORGANIZATION, key))
    table.drafts[(Kind.ORGANIZATION, key)].evidence.append(Evidence(page, acronym))


def _title_text(title: str) -> str:
    """A post's title as kept: folded, lower case, one space between words ("vice\u00a0minister" is "vice minister")."""
    return re.sub(r"\s+", " ", fold(title).strip().lower())


def _add_post(
    posts: dict[str, Post], holder: str, title: str, org_key: str | None, evidence: Evidence, *, country: str | None = None
) -> None:
    title = _title_text(title)
    key = f"{holder}|{normalise_key(title)}|{org_key or ''}" + (f"|{normalise_key(country)}" if country else "")
    old = posts.get(key)
    posts[key] = Post(key, old.title if old else title, holder, org_key, (old.evidence if old else ()) + (evidence,), country)


def _is_portfolio(title: str, body: str) -> bool:
    """Whether the words after "<title> of" name a portfolio, not a body: "Secretary of Agriculture".

    They do when the title leads a body of its portfolio (``data/portfolio_heads.txt``) and
    every word is a portfolio word, none a well-known body ("Secretary of the Treasury" is
    the Treasury's).

    >>> _is_portfolio("Secretary", "Homeland Security"), _is_portfolio("Secretary", "the Water Board")
    (True, False)
    """
    return _title_head(title) in portfolio_heads() and is_portfolio(body) and " ".join(body.split()) not in well_known_bodies()


def _title_head(title: str) -> str:
    """The word a title ends on before what it is of or for: "under secretary of state for x" → "secretary"."""
    words = re.split(r"(?i)\s+(?:of|for)\s+", title.strip(), maxsplit=1)[0].split()
    return words[-1].lower() if words else ""


def _portfolio_body(table: Registry, page: int, title: str, body: Span, body_text: str | None = None, *, scope: str | None = None) -> str:
    """The body a portfolio title leads: "minister of natural resources" → the Ministry of Natural Resources.

    A body of that name already known is the one ("Secretary of Agriculture" and "the
    Department of Agriculture"); otherwise the body is named by the title's head
    (``data/portfolio_heads.txt``), or by the words as written when the title has none.
    ``scope`` keeps apart bodies that share a name and no more: the ministries of
    foreign affairs of two countries, or, when the text gives no country, of two
    ministers ("Ministry of Foreign Affairs", keyed by the country or the holder).
    """
    text = " ".join((body_text or body.text).split())
    head = portfolio_heads().get(_title_head(title))
    name = f"{head} of {text.title() if text.islower() else text}" if head else text
    if scope is not None:
        draft = table.add(Kind.ORGANIZATION, f"{normalise_key(name)} ({scope})", name, Evidence(page, body), form=text)
        draft.scope = scope
        return draft.key
    wanted = " of " + normalise_key(text)
    lead = normalise_key(head) + " of " if head else ""
    found = sorted(
        k
        for (kind, k) in table.drafts
        if kind is Kind.ORGANIZATION and k.endswith(wanted) and k.startswith(lead) and len(k.split(" of ")) == 2
    )
    if len(found) == 1:
        table.drafts[(Kind.ORGANIZATION, found[0])].evidence.append(Evidence(page, body))
        return found[0]
    return table.add(Kind.ORGANIZATION, normalise_key(name), name, Evidence(page, body), form=text).key


def _canonical_honorific(text: str) -> str:
    """ "MR" → "Mr.", "Ms" → "Ms."; the stated form otherwise."""
    bare = text.strip().rstrip(".")
    if bare.upper() in {"MR", "MS", "MRS", "DR", "PROF"}:
        return bare.capitalize() + "."
    return text.strip()


def _lookup_person(table: Registry, text: str) -> tuple[str | None, Rule | None, str]:
    """Find a person by full name or a unique short form: (key, rule, why-not)."""
    key = normalise_key(text)
    if table.get(Kind.PERSON, key) is not None:
        return key, Rule.NAME, ""
    matches = sorted(k for k in table.by_name_part.get(key, ()) if (Kind.PERSON, k) in table.drafts)
    if len(matches) == 1:
        return matches[0], Rule.SURNAME, ""
    if len(matches) == 2:  # "Mr. Hale" after "Joseph Hale" and "Joe Hale": one person, merged later by first-name forms
        kept, other = first_name_forms([table.drafts[(Kind.PERSON, k)] for k in matches])
        if one_person_by_first_name(kept, other):
            return kept.key, Rule.SURNAME, ""
    if matches:
        return None, None, f"ambiguous: {len(matches)} people are called {text!r}"
    return None, None, "no person of that name"


def _turns(
    pages: Sequence[Transcript], table: Registry, posts: dict[str, Post], headline_key: str | None, addressed_by_page: list[dict[str, Span]]
) -> list[ResolvedTurn]:
    out: list[ResolvedTurn] = []
    for p, page in enumerate(pages):
        addressed = addressed_by_page[p]
        for turn in page.turns:
            order = len(out) + 1
            speaker: tuple[Kind, str] | None = None
            role = Role.SPEAKER
            kind = turn.kind
            if turn.kind is LabelKind.NONE:
                # an opening announcement is the headline's spokesperson's; a page that
                # starts without a label continues the last turn of the page before;
                # a narrative has no speaker
                if p > 0 and out:
                    speaker, role = out[-1].speaker, out[-1].role
                elif headline_key is not None and not page.narrative:
                    speaker = (Kind.PERSON, headline_key)
            elif turn.kind is LabelKind.ANSWER:
                if headline_key is not None:
                    speaker = (Kind.PERSON, headline_key)
                    table.drafts[speaker].evidence.append(Evidence(p, turn.label))
            elif turn.kind is LabelKind.ROLE:
                role = role_of(turn.label.text) or Role.SPEAKER
            elif turn.kind is LabelKind.PERSON:
                key = _label_speaker(table, posts, page, p, turn.label, addressed)
                if key is None:  # a title alone, "THE PRESIDENT", held by no one named here
                    kind = LabelKind.ROLE
                else:
                    speaker = (Kind.PERSON, key)
            elif turn.kind is LabelKind.OUTLET:
                key = normalise_key(turn.label.text)
                table.add(Kind.MEDIA, key, turn.label.text, Evidence(p, turn.label))
                speaker = (Kind.MEDIA, key)
                role = Role.JOURNALIST
            else:
                role = Role.JOURNALIST
            out.append(ResolvedTurn(order, p, turn.label, turn.span, role, speaker, kind))
    return out


def _label_speaker(
    table: Registry, posts: dict[str, Post], page: Transcript, p: int, label: Span, addressed: dict[str, Span] | None = None
) -> str | None:
    """The person a turn label names: "MS. REYES" is the Ana Reyes of the headline.

    An honorific and titles before the name are dropped ("SECRETARY BLINKEN",
    "ACTING ADMINISTRATOR SLAVITT"); the rest is looked up as a full name or a
    surname among the people known so far, then as the surname of a full name
    said in the transcript ("... said Tom Hale"), then with the first name
    others call them by around their turns ("MR. HALE" thanked with "Thanks,
    Tom." is Tom Hale, ``addressed``). A title the label states
    becomes a post when the person holds none with that title. A label that
    is only a title ("THE PRESIDENT") is the one person holding that title,
    or no one.
    """
    honorific, title, name = _label_parts(label.text)
    if not name:
        holders = sorted({post.holder for post in posts.values() if post.title == title})
        return holders[0] if len(holders) == 1 else None
    key, _, _ = _lookup_person(table, name)
    if key is None:
        full = _full_name(page, name)
        given = (addressed or {}).get(name.lower()) if full is None else None
        if given is not None:
            full = f"{given.text} {caps_display(name)}"
        if full is not None:
            key, _, _ = _lookup_person(table, full)
            if key is None:
                key = normalise_key(full)
                table.add(Kind.PERSON, key, full, Evidence(p, given) if given is not None else None)
                for post in _appositive_posts(page, full):
                    _add_post(posts, key, post.title_text, None, Evidence(p, post.span))
    if key is None:
        key = normalise_key(name)
        table.add(Kind.PERSON, key, caps_display(name), None)
    person = table.drafts[(Kind.PERSON, key)]
    person.spoke = True
    if honorific:
        person.honorific = person.honorific or _canonical_honorific(honorific.group(0))
    person.evidence.append(Evidence(p, label))
    if title and not any(post.holder == key and title in post.title for post in posts.values()):
        _add_post(posts, key, title, None, Evidence(p, label))
    return key


_FIRST_NAME = r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
_THANKS_RE = re.compile(  # "Good morning. Thanks, Jeff." opening the turn after the speaker's
    rf"[\s:.]*(?:[^.!?\n]{{0,30}}[.!]\s+)?(?i:thanks|thank\s+you)(?:\s+(?i:so|very)\s+much)?,\s+{_FIRST_NAME}\s*[.!,;]"
)
_CALLED_RE = re.compile(rf"[\s:.]*{_FIRST_NAME},\s")  # "Q  Jeff, on the budget ...": the question put to the speaker after it
_AS_SAID_RE = re.compile(rf"\b(?i:as)\s+{_FIRST_NAME}\s+(?:just\s+)?(?i:said|mentioned|noted)\b")  # "As Kate just said", early in the next turn
_HANDOFF_RE = re.compile(  # "... over to Jeff." or a paragraph "Jeff." closing the turn before the speaker's
    rf"(?:\n[ \t\xa0]*|\b(?i:over\s+to|hand\s+it\s+to|turn\s+to)\s+){_FIRST_NAME}\.[\s\xa0]*$"
)
_HANDOFF_THEN_RE = re.compile(  # "... over to Jeff to take your questions." closing the turn before
    rf"\b(?i:over\s+to|hand\s+it\s+to|turn\s+to)\s+{_FIRST_NAME}\s+(?i:to|for|who)\b[^.!?]{{0,60}}[.!][\s\xa0]*$"
)
_VOCATIVE_END_RE = re.compile(  # "... when that is going to happen, Rochelle." closing the turn before
    rf"(?<=\w),\s+{_FIRST_NAME}[.?!][\s\xa0]*$"
)
_OVER_TO_YOU_RE = re.compile(  # "Jeff, over to you." closing the turn before
    rf"(?<![\w'’]){_FIRST_NAME},\s+(?i:over\s+to\s+you|go\s+ahead|the\s+floor\s+is\s+yours)[.!][\s\xa0]*$"
)


def _addressed_first_names(page: Transcript) -> dict[str, Span]:
    """The first name others call a speaker whose label gives only a surname, by that surname.

    Four ways of calling someone by a first name around their turn: the next
    speaker thanks them ("MR. HALE: ..." then "DR. ORTIZ: Thanks, Tom.") or
    refers back to them early on ("As Tom just said"), a question put to them
    opens with it ("Q  Tom, on the budget ..." then "MR. HALE: ..."), or the
    turn before hands over to them ("... Tom.", "... over to Tom to take your
    questions.", "Tom, over to you." then "MR. HALE: ..."). Kept
    only when every call gives the same first name, and the word is no title,
    honorific, month, demonym or common word.
    """
    lex = lexicon()
    stop = word_set("function_words") | word_set("sentence_openers")
    found: dict[str, set[str]] = defaultdict(set)
    spans: dict[str, Span] = {}
    # the first names of the people the headline names in full: "Q  Karine, ..." asks her, whoever answers
    headline_firsts = {
        sp.name_text.split()[0]: sp.name_text.split()[-1].lower() for sp in headline_speakers(page) if len(sp.name_text.split()) > 1
    }

    def call(name: str, m: re.Match[str] | None) -> None:
        if m is None:
            return
        first = m.group(1)
        if first.lower() == name.lower():
            return
        if headline_firsts.get(first, name.lower()) != name.lower():
            return  # the first name of another speaker the headline names
        if first.lower() in stop or first in stop or first in title_words() or first in demonyms() or first.lower() in MONTHS:
            return
        if lex.honorific_re.match(first + " ") or lex.match_title(first):
            return
        found[name.lower()].add(first)
        spans.setdefault(name.lower(), Span.of(page.text, m.start(1), m.end(1)))

    for before, turn, after in zip([None, *page.turns], page.turns, [*page.turns[1:], None]):
        if turn.kind is not LabelKind.PERSON or turn.label is None:
            continue
        _, _, name = _label_parts(turn.label.text)
        if not name or " " in name:
            continue  # a full name, or a title alone: nothing to complete
        if after is not None and after.label is not None and after.label.text != turn.label.text:
            call(name, _THANKS_RE.match(page.folded, after.label.end))
            call(name, _AS_SAID_RE.search(page.folded, after.label.end, min(after.span.end, after.label.end + 400)))
        if before is not None and before.kind is LabelKind.QUESTIONER and before.label is not None:
            call(name, _CALLED_RE.match(page.folded, before.label.end))
        if before is not None and (before.label is None or before.label.text != turn.label.text):
            # the hand-off closes the turn before: only its last words are read, not the whole turn
            call(name, _HANDOFF_RE.search(page.folded, max(before.span.start, turn.label.start - 120), turn.label.start))
            for handoff in (_HANDOFF_THEN_RE, _OVER_TO_YOU_RE, _VOCATIVE_END_RE):
                call(name, handoff.search(page.folded, max(before.span.start, turn.label.start - 120), turn.label.start))
    return {surname: spans[surname] for surname, firsts in found.items() if len(firsts) == 1}


def _label_parts(label: str) -> tuple[re.Match[str] | None, str, str]:
    """(honorific, title, name) of a turn label: "MS. ACTING DIRECTOR HALE" → ("MS.", "acting director", "HALE")."""
    text = unicodedata.normalize("NFC", label)
    honorific = lexicon().honorific_re.match(text)
    title, name = _split_title(text[honorific.end() :].strip() if honorific else text)
    return honorific, title, name


def _split_title(label: str) -> tuple[str, str]:
    """(title, name) of a label: "ACTING ADMINISTRATOR SLAVITT" → ("acting administrator", "SLAVITT").

    >>> _split_title("SECRETARY BLINKEN"), _split_title("THE PRESIDENT"), _split_title("Zhao Lan")
    (('secretary', 'BLINKEN'), ('president', ''), ('', 'Zhao Lan'))
    >>> _split_title("ACTING ASSISTANT SECRETARY HALE")
    ('acting assistant secretary', 'HALE')
    """
    lex = lexicon()
    rest = re.sub(r"(?i)^the\s+", "", label.strip())
    lead = re.match(rf"(?i:{MODIFIERS})", rest)  # "ACTING ASSISTANT SECRETARY HALE": a modifier before any title
    m = lex.match_title(rest) or lex.match_title(rest, lead.end())
    if m is None or (rest[m.end() : m.end() + 1] not in ("", " ")):
        return "", label.strip()
    return " ".join(rest[: m.end()].lower().split()), rest[m.end() :].strip()


def _appositive_posts(page: Transcript, name: str) -> list[PostMention]:
    """The post said right after a full name: "Ana Reyes, our Assistant Secretary for Rivers".

    Not a title that owns what follows ("Ana Reyes, the president's adviser"),
    nor the post of the next person in a list ("Ana Reyes, Deputy Director Tom
    Hale, ...").
    """
    out = []
    pattern = rf"{re.escape(name)},\s+(?:(?:our|the|my|your)\s+)?((?:(?!\s*(?:--|[—–]|\s-\s))[^,.;:()]){{3,120}})"
    for m in re.finditer(pattern, page.folded):
        title = lexicon().match_title(m.group(1))
        if title is None or m.group(1)[title.end() :].startswith("'s"):
            continue
        phrase = Span.of(page.text, m.start(1), m.end(1)).strip()
        if person_in_phrase(Phrase(phrase, None, None), heads=head_nouns()) is not None:
            continue
        out.append(parse_post(page.text, phrase))
        break
    return out


def _full_name(page: Transcript, surname: str) -> str | None:
    """The full name the transcript gives someone it calls by ``surname`` ("Tom Hale" for "HALE")."""
    counts: dict[str, int] = {}
    for name, _ in _full_names(page, surname):
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(sorted(counts), key=lambda n: counts[n])
    first = best.split()[0]
    # "Stan McChrystal" and "General Stanley McChrystal": the full first name, not the short one
    longer = sorted(n for n in counts if len(n.split()[0]) > len(first) and n.split()[0].startswith(first))
    return max(longer, key=len) if longer else best


def _named_in_full(page: Transcript, given: str) -> str | None:
    """The one full name the transcript gives someone a headline names by a first name alone.

    A headline cut short ("... and Harbour Commissioner Margaret") names a speaker
    the text then calls "Margaret Holm"; only a first name of ``data/given_names.txt``,
    and only when the text writes one surname after it, with no blank line between.
    """
    if given not in word_set("given_names"):
        return None
    stop = word_set("function_words") | word_set("sentence_openers")
    found = {
        m.group(1)
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(given)}[ \t]*\n?[ \t]*([A-Z][a-z][\w'’-]*)\b", page.folded)
        if m.group(1) not in stop and not lexicon().match_title(m.group(1)) and m.group(1) not in demonyms()
    }
    return f"{given} {found.pop()}" if len(found) == 1 else None


def _full_names(page: Transcript, surname: str, *, strict: bool = False) -> list[tuple[str, Span]]:
    """Each "First Surname" the page writes for ``surname``, with its span.

    ``strict`` keeps the surname's case and skips a "first name" that is a
    title, demonym, month or portfolio word, or that runs on from the
    capitalised words before it ("National Intelligence Hale").
    """
    if " " in surname.strip() or len(surname) < 2:
        return []
    stop = word_set("function_words") | word_set("sentence_openers")
    out = []
    for first, start, second in _word_pairs(page.folded).get(surname.lower(), ()):
        end = second + len(surname)
        if strict and page.folded[second:end] != surname:
            continue
        if first.lower() in stop or first in stop or lexicon().match_title(first) or lexicon().honorific_re.match(first + " "):
            continue
        if "-" in first and lexicon().match_title(first.rsplit("-", 1)[1]):
            continue  # "Then-Senator Hale": a title, no first name
        if singular_title(first) != first:
            continue  # "Presidents Tusk and Juncker": a title each holds, no first name
        if strict and _not_a_first_name(page.folded, start, first, stop):
            continue
        out.append((f"{first} {page.text[second:end]}", Span.of(page.text, start, end)))
    return out


_PAIR_RE = re.compile(r"(?<![\w'\-])(?=([A-Z][a-z][\w'\-]*)\s+([\w'\-]+))")


@lru_cache(maxsize=4)
def _word_pairs(folded: str) -> dict[str, list[tuple[str, int, int]]]:
    """Every capitalised word followed by another word, by the second word (lower case): one pass over the text.

    The second word is also filed under each of its beginnings that ends at a
    hyphen or apostrophe ("Ruiz" of "Ruiz-Soto"), as a word boundary ends it
    there. Values: (first word, start of the first, start of the second).
    """
    out: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for m in _PAIR_RE.finditer(folded):
        first, second = m.group(1), m.group(2)
        entry = (first, m.start(1), m.start(2))
        keys = {second.lower()} | {second[:i].lower() for i, c in enumerate(second) if c in "-'" and i}
        for key in keys:
            out[key].append(entry)
    return dict(out)


def _not_a_first_name(text: str, start: int, first: str, stop: frozenset[str]) -> bool:
    if first in title_words() or first in demonyms() or first.lower() in MONTHS or first in word_set("portfolio_words"):
        return True
    before = re.search(r"([A-Z][\w'\-]*\.?)\s+$", text[max(0, start - 40) : start])  # "Joseph R. Beau Biden": "R." runs on too
    if before is None or before.group(1) in title_words():
        return False  # "President Joko Widodo": a title before a full name
    return before.group(1) not in stop and before.group(1).lower() not in stop


def _name_surnames(table: Registry, pages: list[Transcript]) -> None:
    """Give a person called by a surname alone ("Governor Hale") the full name the text says once or more ("Tom Hale"),
    or, failing that, the full name written surname first ("President Li", then "Li Wei").

    Only when every full name the conference writes with that surname is the
    same one, and no one by that surname is known yet; the surname is then
    merged into it (:func:`merge_surnames`).
    """
    people = [d for (kind, _), d in table.drafts.items() if kind is Kind.PERSON]
    parts = {part for d in people for part in name_parts(d.name)}
    for d in people:
        if len(d.name.split()) != 1 or d.in_roster or d.spoke or normalise_key(d.name) in parts:
            continue
        found = [(p, name, span) for p, page in enumerate(pages) for name, span in _full_names(page, d.name, strict=True)]
        if not found:  # "President Xi", and "Xi Jinping" said once: the surname first
            found = [(p, name, span) for p, page in enumerate(pages) for name, span in _given_names_after(page, d.name)]
        if len({name for _, name, _ in found}) != 1:
            continue
        p, name, span = found[0]
        table.add(Kind.PERSON, normalise_key(name), name, Evidence(p, span))


_SURNAME_FIRST_RE = re.compile(r"(?<![\w'’.-])(?=([A-Z][\w'’-]*)[ \t]+([A-Z][a-z]+)\b(?![ \t]+[A-Z]|['’-]))")


@lru_cache(maxsize=4)
def _pairs_by_first(folded: str) -> dict[str, list[tuple[str, int, int]]]:
    """Every "Word Name" pair no capitalised word follows, by its first word: one pass over the text."""
    out: dict[str, list[tuple[str, int, int]]] = {}
    for m in _SURNAME_FIRST_RE.finditer(folded):
        out.setdefault(m.group(1), []).append((m.group(2), m.start(), m.start(2) + len(m.group(2))))
    return out


def _given_names_after(page: Transcript, surname: str) -> list[tuple[str, Span]]:
    """Each "Surname Given" the page writes for ``surname`` (a name in Chinese order: "Li Wei" for "President Li").

    The word after the surname is a name: no common, title, body, place or outlet
    word, and no capitalised word follows it ("Li Wei Harbour Group" is a name of its own).
    """
    if " " in surname or len(surname) < 2:
        return []
    stop = word_set("function_words") | word_set("sentence_openers") | title_words() | head_nouns()
    out = []
    for given, start, end in _pairs_by_first(page.folded).get(surname, ()):
        if given in stop or given.lower() in stop or given in demonyms() or given in place_names() or given.lower() in MONTHS:
            continue
        if lexicon().match_title(given) or given in word_set("given_names"):
            continue  # "Hale Tom" is no name order of English
        out.append((f"{page.text[start : start + len(surname)]} {given}", Span.of(page.text, start, end)))
    return out


def _resolve_typed(table: Registry, posts: dict[str, Post], text: str, page: int, turn: int, m: EntityMention, out: list[Mention]) -> None:
    ev = Evidence(page, m.span)
    if m.kind is Kind.PERSON:
        key, rule, _ = _lookup_person(table, m.span.text)
        if key is not None and rule is Rule.SURNAME and m.title is not None:
            if heads_someone_else({_title_text(m.title.text)}, {post.title for post in posts.values() if post.holder == key}):
                key = None  # "President Fox" after "Secretary Ann Fox": someone else of that surname
        if key is None:
            key, rule = normalise_key(m.span.text), Rule.TITLE if m.title is not None else Rule.GIVEN_NAME
            table.add(Kind.PERSON, key, m.span.text, None)
        table.drafts[(Kind.PERSON, key)].evidence.append(ev)
        out.append(Mention(turn, (Kind.PERSON, key), ev, rule))
        if m.title is not None:
            _mentioned_posts(table, posts, text, page, key, m)
        return
    if m.kind is Kind.COMPANY:
        short = company_key_name(m.span.text)
        key = normalise_key(short)
        draft = table.add(Kind.COMPANY, key, m.span.text, ev)
        if m.acronym is not None:
            table.define_acronym(m.acronym.text, (Kind.COMPANY, key))
        out.append(Mention(turn, (Kind.COMPANY, key), ev, Rule.NAME if short == m.span.text else Rule.SHORT_FORM))
        return
    if m.kind is Kind.ORGANIZATION:
        key, rule = table.add_org(m.span, page, kind=m.kind)
        target = (Kind.ORGANIZATION, key)
        if m.owner is not None:
            owner = find_org(table, m.owner.text)
            draft = table.drafts[target]
            if owner is not None and draft.parent is None and owner.key != draft.key:
                draft.parent = owner.key
        out.append(Mention(turn, target, ev, rule))
        return
    if m.kind is Kind.MEDIA:
        key = normalise_key(m.span.text)
        table.add(Kind.MEDIA, key, m.span.text, ev)
        out.append(Mention(turn, (Kind.MEDIA, key), ev, Rule.NAME))
        return
    name, rule = m.span.text, Rule.NAME
    if m.kind is Kind.LAW:
        short = law_key_name(name)
        key = normalise_key(short)
        rule = Rule.COUNTRY_SUFFIX if short_law_name(name) != name else Rule.SHORT_FORM if short != name else Rule.NAME
    elif m.kind is Kind.EVENT:
        canonical, rule = table.canonical_org(name) if is_org_name(name) else (name, Rule.NAME)
        key = normalise_key(canonical) + (f" #{m.ordinal}" if m.ordinal else "")
    else:
        key = normalise_key(name)
    draft = table.add(m.kind, key, name, ev)
    if m.kind is Kind.EVENT:
        draft.edition = m.ordinal
        if m.ordinal_span is not None:
            draft.evidence.append(Evidence(page, m.ordinal_span))
        if m.editions is not None:
            draft.editions_held = max(draft.editions_held or 0, m.editions)
            draft.evidence.append(Evidence(page, m.editions_span))
    if m.acronym is not None and expansion_of(m.acronym.text, m.span) == m.span:
        table.define_acronym(m.acronym.text, (m.kind, key))
        draft.evidence.append(Evidence(page, m.acronym))
    out.append(Mention(turn, (m.kind, key), ev, rule))


def _mentioned_posts(table: Registry, posts: dict[str, Post], text: str, page: int, holder: str, m: EntityMention) -> None:
    """The posts a title before a name gives: "ABC Director Li Wei" holds director in the ABC.

    A title naming two posts ("State Councilor and Foreign Minister") gives
    two; the body or country stated with the title goes with each. The
    evidence runs from the body or title to the name or body after it.
    """
    parts = [s for s in (m.title_modifier, m.title, m.span, m.body) if s is not None]
    evidence = Evidence(page, Span.of(text, min(s.start for s in parts), max(s.end for s in parts)))
    lead = m.title_modifier.text + " " if m.title_modifier is not None else ""
    titles = m.title.strip()
    for joint in re.finditer(r"(?s)(?:^|\s+and\s+)(.+?)(?=\s+and\s+|$)", titles.text):
        title = titles.sub(joint.start(1), joint.end(1))
        if title.text.lower() in word_set("address_titles"):  # "Comrade X" holds no post
            continue
        title_text, org_key = _title_and_body(table, page, title, m.body, holder=holder, country=m.country)
        _add_post(posts, holder, lead + singular_title(title_text), org_key, evidence, country=m.country)


def _title_and_body(
    table: Registry, page: int, title: Span, body: Span | None, *, holder: str, country: str | None = None
) -> tuple[str, str | None]:
    """A mentioned person's title and the key of the body it is in.

    A portfolio names the department or ministry a title of ``data/portfolio_titles.txt``
    leads, before the title or after its "of" ("Energy Secretary", "Secretary of Energy":
    secretary, in the Department of Energy; "Defense Minister": minister, in the Ministry of
    Defense); that body is no body the text names, so no mention of it is made. A ministry
    is one country's: it is keyed by the country stated with the title, else by its
    minister (:func:`_portfolio_body`). A portfolio adjective names the ministry's
    portfolio (``data/ministry_portfolios.txt``: "Foreign Minister" leads the Ministry
    of Foreign Affairs), and is the title's otherwise ("Foreign Secretary"). Other
    titles keep their portfolio. Any other body is the one written.
    """
    head = _title_head(title.text)
    head_only = head in word_set("portfolio_titles")
    ministry = portfolio_heads().get(head) == "Ministry"
    scope = (normalise_key(country) if country else holder) if ministry else None
    if body is not None:
        if is_portfolio(body.text) and not head_only:  # "Industry Chancellor": the portfolio is the title's
            return f"{' '.join(body.text.split())} {title.text}", None
        if _is_portfolio(title.text, body.text):
            return title.text, _portfolio_body(table, page, title.text, body, scope=scope)
        return title.text, table.add_org(body, page)[0]
    of = re.search(r"(?i)\s+of\s+(?:the\s+)?", title.text)
    if head_only and of is not None and _is_portfolio(title.text[: of.start()], title.text[of.end() :]):
        return title.text[: of.start()], _portfolio_body(table, page, title.text, title.sub(of.end(), len(title.text)), scope=scope)
    words = re.match(rf"(?P<lead>{MODIFIERS})(?P<portfolio>.+?)\s+(?P<head>\S+)$", title.text)
    if ministry and of is None and words is not None:  # "Foreign Minister", "Defense Minister": in that ministry
        written = words.group("portfolio")
        portfolio = ministry_portfolios().get(written) or (written if is_portfolio(written) else None)
        if portfolio is not None:
            where = title.sub(words.start("portfolio"), words.end("portfolio"))
            return words.group("lead") + words.group("head"), _portfolio_body(table, page, title.text, where, portfolio, scope=scope)
    return title.text, None


def _qualifies_a_noun(source: str, span: Span) -> bool:
    """Whether a name stands between an article and a lower-case noun ("the Hale administration")."""
    return bool(_DETERMINER_BEFORE_RE.search(source[max(0, span.start - 8) : span.start]) and re.match(r"\s[a-z]", source[span.end : span.end + 3]))


_DETERMINER_BEFORE_RE = re.compile(r"(?i)\b(?:the|a|an|this|that|these|those|his|her|their|our|its|another|any)\s+$")


def _resolve_unknown(
    table: Registry,
    source: str,
    page: int,
    turn: int,
    m: EntityMention,
    out: list[Mention],
    unresolved: list[Unresolved],
    by_initials: dict[str, list[tuple[Kind, str]]],
) -> None:
    whole = known(table, m.span.text)
    person = whole if whole is not None and " " not in m.span.text.strip() else None
    found = [(m.span, whole)] if whole else []
    if whole is None and "-" in m.span.text and " " not in m.span.text:  # "ABC-led"
        head = m.span.sub(0, m.span.text.index("-"))
        hit = known(table, head.text)
        found = [(head, hit)] if hit else []
        if m.span.text[len(head.text) + 1 : len(head.text) + 2].isupper():
            person = hit  # "the Hale-Berg administration": two names, as one
    if person is not None and person[0][0] is Kind.PERSON and _qualifies_a_noun(source, m.span):
        # "the Hale administration", "the Hale-Berg draft": the name qualifies a noun, it names no one here
        unresolved.append(Unresolved(Evidence(page, m.span), "person", "a person's name qualifying a noun after an article: no mention of the person", turn))
        return
    if not found:
        for piece in _pieces(m.span):
            # drop leading words one by one: "Welcome Li Wei" → "Li Wei"
            words = list(re.finditer(r"\S+", piece.text))
            for w in words:
                part = piece.sub(w.start(), len(piece.text))
                hit = known(table, part.text)
                if hit is not None:
                    found.append((part, hit))
                    break
    for part, (target, rule) in found:
        if _fuller_name(m.span, part, target):
            # "the American Rescue Plan" after "a Rescue Plan": the same text by its fuller name, a form of it
            table.add(target[0], target[1], m.span.text, None)
            part, rule = m.span, Rule.SHORT_FORM
        ev = Evidence(page, part)
        table.drafts[target].evidence.append(ev)
        out.append(Mention(turn, target, ev, rule))
    if found or m.weak:
        return
    ev = Evidence(page, m.span)
    if is_acronym(m.span.text):
        if m.span.text in word_set("acronym_stoplist"):
            return
        spelled = by_initials.get(m.span.text.lower().replace("&", ""), [])
        if len(spelled) == 1:  # used as a name: the initials of the one thing the text names so
            table.define_acronym(m.span.text, spelled[0])
            table.drafts[spelled[0]].evidence.append(ev)
            out.append(Mention(turn, spelled[0], ev, Rule.ACRONYM))
            return
        why = f"acronym not defined in the text, and the initials of {len(spelled)} names" if spelled else "acronym not defined in the text"
        unresolved.append(Unresolved(ev, "acronym", why, turn))
        return
    unresolved.append(Unresolved(ev, "unknown", "no kind could be told from its words, and it matches no known name", turn))


_TEXT_KINDS = frozenset({Kind.LAW, Kind.DOCUMENT, Kind.EVENT, Kind.CAMPAIGN})


def _fuller_name(whole: Span, part: Span, target: tuple[Kind, str]) -> bool:
    """Whether ``whole`` is a law's, document's, event's or campaign's fuller name ending in its known
    name ``part``: the words before it are name words, no title, body, party or sentence opener."""
    if target[0] not in _TEXT_KINDS or part.start <= whole.start or part.end != whole.end:
        return False
    lead = whole.text[: part.start - whole.start].split()
    if any(w[:1].islower() for w in lead) or " ".join(lead) in well_known_bodies():
        return False
    stop = word_set("sentence_openers") | word_set("party_adjectives") | title_words()
    return not any(w in stop or lexicon().match_title(w) for w in lead)


def _pieces(span: Span) -> list[Span]:
    """The names a phrase may join with "and": "Li Wei and Zhou Min"."""
    pieces = []
    start = 0
    for sep in re.finditer(r"\s+and\s+", span.text):
        pieces.append(span.sub(start, sep.start()))
        start = sep.end()
    pieces.append(span.sub(start, len(span.text)))
    return pieces


_NAME_TOKENS = r"(?:[A-Z][\w'’\-]*|[\u3400-\u9fff]+)"


@cache
def _honorific_name_re() -> re.Pattern[str]:
    """ "Mr./Ms." and up to three name words after it."""
    return re.compile(rf"(?<!\w)({lexicon().honorific_re.pattern})\s+({_NAME_TOKENS}(?:\s+{_NAME_TOKENS}){{0,2}})")


def _honorifics(
    table: Registry,
    page_text: Transcript,
    page: int,
    turn: int,
    paragraph: Span,
    mentions: list[Mention],
    unresolved: list[Unresolved],
) -> None:
    """ "Mr./Ms. Name": record the honorific and the mention; keep what does not resolve.

    Matched on the folded text ("Mr.\u00a0Li Wei"); spans are cut from the source.
    """
    text = page_text.text
    for m in _honorific_name_re().finditer(page_text.folded, paragraph.start, paragraph.end):
        if _ends_a_title(page_text.folded, m.start(1), m.end(1)):
            continue  # "First Lady Ana Reyes": "Lady" ends her title, which the mentions read
        honorific = Span.of(text, m.start(1), m.end(1))
        words = list(re.finditer(r"\S+", m.group(2)))
        found = None
        for n in range(len(words), 0, -1):  # longest name first: "Li Weiming" before "Li Wei"
            name = Span.of(text, m.start(2), m.start(2) + words[n - 1].end())
            key, rule, _ = _lookup_person(table, name.text)
            if key is not None:
                found = (key, name, rule)
                break
        plural = honorific.text.rstrip(".") in _PLURAL_HONORIFICS
        if found is None:
            name = Span.of(text, m.start(2), m.start(2) + words[min(len(words), 2) - 1].end())
            if not plural and len(name.text.split()) >= 2 and not any(w in lexicon().org_heads for w in name.text.split()):
                key = normalise_key(name.text)
                table.add(Kind.PERSON, key, name.text, None)
                found = (key, name, Rule.NAME)
            else:
                _, _, why = _lookup_person(table, words[0].group(0))
                ev = Evidence(page, Span.of(text, honorific.start, m.start(2) + words[0].end()))
                unresolved.append(Unresolved(ev, "person", why, turn))
                continue
        key, name, rule = found
        person = table.drafts[(Kind.PERSON, key)]
        if not plural:
            person.honorific = person.honorific or _canonical_honorific(honorific.text)
        ev = Evidence(page, Span.of(text, honorific.start, name.end))
        person.evidence.append(ev)
        mentions.append(Mention(turn, (Kind.PERSON, key), ev, rule))
        other = re.match(rf"\s+and\s+({_NAME_TOKENS})", page_text.folded[name.end : name.end + 40]) if plural else None
        if other is not None:  # "Doctors Fauci and Walensky": the honorific is each one's
            second = Span.of(text, name.end + other.start(1), name.end + other.end(1))
            key, rule, why = _lookup_person(table, second.text)
            if key is None:
                unresolved.append(Unresolved(Evidence(page, second), "person", why, turn))
            else:
                table.drafts[(Kind.PERSON, key)].evidence.append(Evidence(page, second))
                mentions.append(Mention(turn, (Kind.PERSON, key), Evidence(page, second), rule))


def _ends_a_title(folded: str, start: int, end: int) -> bool:
    """Whether the honorific at ``start:end`` is the last word of a title begun by the word before ("First Lady")."""
    before = re.search(r"(\S+)[ \t]+$", folded[max(0, start - 40) : start])
    if before is None:
        return False
    title = lexicon().match_title(folded, start - len(before.group(0)))
    return title is not None and title.end() >= end


_PLURAL_HONORIFICS = frozenset({"Doctors", "Drs", "Messrs"})  # "Doctors Fauci and Walensky": two people, each a doctor


def _moderator(table: Registry, turns: list[ResolvedTurn]) -> str | None:
    """The moderator: labelled in the roster, else the first speaker who introduces roster people."""
    for (kind, key), d in table.drafts.items():
        if kind is Kind.PERSON and d.block is Role.MODERATOR:
            return key
    first = next((t for t in turns if t.label is not None), None)
    if first is None or first.speaker is None or first.speaker[0] is not Kind.PERSON:
        return None
    draft = table.drafts[first.speaker]
    if not draft.in_roster:
        return None
    others = [d.name for (kind, k), d in table.drafts.items() if kind is Kind.PERSON and d.in_roster and k != draft.key]
    if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", first.span.text) for name in others):
        return draft.key
    return None


def _redirect(
    redirect: dict[tuple[Kind, str], tuple[Kind, str]],
    posts: dict[str, Post],
    mentions: list[Mention],
    *,
    rule: Rule = Rule.SHORT_FORM,
) -> tuple[dict[str, Post], list[Mention]]:
    """Point posts and mentions of merged entities at the entity they were merged into."""
    new_posts: dict[str, Post] = {}
    for post in posts.values():
        org = redirect.get((Kind.ORGANIZATION, post.organization), (None, post.organization))[1] if post.organization else None
        holder = redirect.get((Kind.PERSON, post.holder), (None, post.holder))[1]
        post = Post(post.key, post.title, holder, org, post.evidence, post.country)
        key = f"{post.holder}|{normalise_key(post.title)}|{org or ''}" + (f"|{normalise_key(post.country)}" if post.country else "")
        old = new_posts.get(key)
        new_posts[key] = Post(key, post.title, post.holder, org, (old.evidence if old else ()) + post.evidence, post.country)
    new_mentions = [
        Mention(m.turn, redirect[m.target], m.evidence, rule) if m.target in redirect else m
        for m in mentions
    ]
    return new_posts, new_mentions


def _placed_posts(posts: dict[str, Post]) -> dict[str, Post]:
    """A post said in short joins the one post of its holder it is short for.

    Short means without the body or country ("Coordinator Ana Reyes" after
    "Harbour Response Coordinator Ana Reyes"), or with the last words of the
    title only ("Judge Reyes" after "Chief Judge Ana Reyes"), or without what it is
    for or of ("the Deputy Adviser, Ana Reyes" after "Deputy Adviser for Rivers Ana
    Reyes"). With two posts it could be short for, it stays apart.
    """
    out = dict(posts)
    by_holder: dict[str, list[str]] = defaultdict(list)  # only a holder's own posts are compared: no scan of all
    for key in sorted(posts):
        by_holder[posts[key].holder].append(key)
    for keys in by_holder.values():
        for key in keys:
            post = out[key]
            if post.organization or post.country:
                continue
            into = [
                k
                for k in keys
                if k != key and k in out
                and (
                    (out[k].title == post.title and (out[k].organization or out[k].country))
                    or out[k].title.endswith(" " + post.title)
                    or out[k].title.startswith((post.title + " for ", post.title + " of "))
                )
            ]
            if len(into) == 1:
                target = out[into[0]]
                out[into[0]] = Post(target.key, target.title, target.holder, target.organization, target.evidence + post.evidence, target.country)
                del out[key]
    return out


def _one_per_span(unresolved: list[Unresolved]) -> tuple[Unresolved, ...]:
    """One unresolved mention per span: the most specific kind ("person" before "unknown")."""
    rank = {"person": 0, "acronym": 1}
    best: dict[Evidence, Unresolved] = {}
    for u in sorted(set(unresolved), key=lambda u: (u.evidence, rank.get(u.kind, 2), u.kind, u.reason)):
        best.setdefault(u.evidence, u)
    return tuple(best[e] for e in sorted(best))


def _first_date(pages: Sequence[Transcript], which: str) -> tuple[int, DateMention] | None:
    for p, page in enumerate(pages):
        date = getattr(page, which)
        if date is not None:
            return p, date
    return None


def _dedupe(mentions: list[Mention]) -> tuple[Mention, ...]:
    """One mention per turn, target and place: "Mr. Li Wei" and "Li Wei" inside it are one."""
    ordered = sorted(set(mentions), key=lambda m: (m.turn, m.evidence.page, m.evidence.span.start, -m.evidence.span.end, m.target))
    out: list[Mention] = []
    for m in ordered:
        if any(
            o.turn == m.turn
            and o.target == m.target
            and o.evidence.page == m.evidence.page
            and o.evidence.span.start <= m.evidence.span.start
            and m.evidence.span.end <= o.evidence.span.end
            for o in out[-8:]
        ):
            continue
        out.append(m)
    return tuple(out)
