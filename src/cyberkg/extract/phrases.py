"""Proper-name phrases in running text: runs of capitalised words.

"the Standing Committee of the National People's Congress" gives one phrase;
"the Data Law and the Water Law" gives two; a sentence-opening "Since" or
"The" is dropped from the front. Phrases are only candidates: the kind
extractors decide what, if anything, they name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..dates import MONTHS, WEEKDAYS
from ..lexicon import lexicon, place_names, read_list, well_known_bodies, word_set
from ..model import Span

# A word: letters, digits, inner hyphens and apostrophes ("Urban-Rural", "People's", "5G").
# A plural possessive keeps its apostrophe ("Senior Officials' Meeting").
# "U.S.-Ruritania" is one word: an abbreviation with dots joined by a hyphen opens the name;
# "U.S." and "U.N." alone are words too ("the U.S. Coast Guard" is one name), and so are "St.", "Mt."
# and "Ft." before a name ("St. Andrew's Day"), and an initial ("J. Todd Hale"); an unspaced "&"
# joins capitals into one word ("K&W", "R&D"), a spaced one is a connective
_WORD_RE = re.compile(r"(?:St|Mt|Ft)\.(?=\s+[A-Z])|(?:[A-Z]\.){2,}-[^\W_](?:[\w\-’']*[^\W_])?|(?:[A-Z]\.){2,}|(?<![\w.])[A-Z]\.(?=\s+[A-Z])|[^\W_](?:[\w\-’']*[^\W_])?(?:&[A-Z]+\b)?(?:(?<=s)['’](?!\w))?|&")
_PLACE_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|to|at|from)\s+$")
_TIME_PREFIX_RE = re.compile(r"(?i)(?:then|ex)-(?=[A-Z])")


def _after_time_prefix(word: str) -> int:
    """How many characters of a word are a "Then-" or "ex-" before a title ("Then-Senator"): 0 if none
    ("Ex-Im" is a name)."""
    m = _TIME_PREFIX_RE.match(word)
    if m is None or word[m.end() :].split("-")[0].lower() not in _title_first_words():
        return 0
    return m.end()


@cache
def _title_first_words() -> frozenset[str]:
    return frozenset(t.split()[0].lower() for t in read_list("person_titles"))
_CONNECTIVES = frozenset({"of", "the", "and", "for", "on", "in", "de", "&", "to"})
_ACRONYM_RE = re.compile(r"[A-Z]{2,}s?")
_ORDINAL_RE = re.compile(r"(?P<tok>(?P<num>\d{1,3})(?:st|nd|rd|th)|(?P<word>[a-z]+))\s+$")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A run of capitalised words and the ordinal written just before it, if any."""

    span: Span
    ordinal: int | None
    ordinal_span: Span | None

    @property
    def words(self) -> list[str]:
        return self.span.text.split()

    @property
    def head(self) -> str:
        """The last word, without a possessive."""
        return re.sub(r"['’]s$", "", self.words[-1])


@cache
def head_nouns() -> frozenset[str]:
    """Every head noun of every kind: a name ends at "and" after one of these."""
    return (
        word_set("law_heads")
        | word_set("event_heads")
        | word_set("document_heads")
        | word_set("org_heads")
        | word_set("media")
    )


@cache
def ordinal_values() -> dict[str, int]:
    return {w.split()[0]: int(w.split()[1]) for w in read_list("ordinal_words")}


_LINK_WORDS = frozenset({"of", "for", "on", "to", "in", "against", "with"})


def head_part(words: list[str]) -> list[str]:
    """The words of a name before its first lower-case link word: "Convention for X" → "Convention".

    >>> head_part("State Administration for Market Regulation".split())
    ['State', 'Administration']
    """
    for i, word in enumerate(words):
        if word in _LINK_WORDS:
            return words[:i]
    return words


def is_capitalised(word: str) -> bool:
    """A capitalised word, "d'Estaing" (an elided particle before a capital) included."""
    first = word[:1]
    return first.isupper() or (first.isdigit() and any(c.isupper() for c in word)) or (first in "dl" and _ELIDED_RE.match(word) is not None)


_ELIDED_RE = re.compile(r"[dl]['’][A-Z]")


def find_phrases(source: str, paragraph: Span) -> list[Phrase]:
    """Every proper-name phrase in ``paragraph`` (offsets into ``source``)."""
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(paragraph.text)]
    starters = word_set("sentence_openers")
    particles = word_set("name_particles")
    phrases: list[Phrase] = []

    def opening_word(k: int) -> str:
        return paragraph.text[words[k][0] : words[k][1]]

    i = 0
    while i < len(words):
        start, end = words[i]
        word = paragraph.text[start:end]
        if not is_capitalised(word) and not _after_time_prefix(word):
            i += 1
            continue
        j = i
        last = i
        while j + 1 < len(words):
            gap = paragraph.text[words[j][1] : words[j + 1][0]]
            nxt = paragraph.text[words[j + 1][0] : words[j + 1][1]]
            if gap.strip() == "," and (listed := _listed_tail(paragraph.text, words, i, j)) is not None:
                j = last = listed  # "the Conference on Hunger, Nutrition, and Health": a list inside the name
                continue
            if gap.strip() == "," and (head := _law_after_list(paragraph.text, words, i, j)) is not None:
                j = last = head  # "the Veterans Access, Choice and Accountability Act": a list before a law's head
                continue
            if gap.strip() and gap != "-":
                break  # punctuation ends a name; a spaced dash ("X - Y", "X — Y") too
            if len(gap) > 1 and not gap.strip():
                break  # a run of spaces is layout ("Q    The Post"), not the inside of a name
            if is_capitalised(nxt):
                if paragraph.text[words[j][1] - 1] == "." and nxt in starters:
                    break  # "... with the U.S. The President said": the abbreviation ended a sentence
                if _two_acronyms(paragraph.text, words, j):
                    break  # "an ABC FOIA request": two acronyms side by side are two names
                j += 1
                last = j
                continue
            if nxt in particles:
                k = j + 1
                while k < len(words) and paragraph.text[words[k][0] : words[k][1]] in particles:
                    k += 1
                spaced = k < len(words) and not re.sub(r"[a-z]+", "", paragraph.text[words[j][1] : words[k][0]]).strip(" ")
                if spaced and is_capitalised(paragraph.text[words[k][0] : words[k][1]]):
                    j = last = k  # "Mohammed bin Salman", "Ursula von der Leyen": particles inside a person's name
                    continue
            if nxt.lower() in _CONNECTIVES and nxt.islower():
                # a connective joins two capitalised words, unless "and" follows a finished name
                k = j + 1
                while k + 1 < len(words) and paragraph.text[words[k + 1][0] : words[k + 1][1]].lower() in _CONNECTIVES:
                    k += 1
                if k + 1 >= len(words):
                    break
                if k == j + 1 and nxt == "the":
                    break  # "Added the Department of X": a bare "the" joins no name
                after = paragraph.text[words[k + 1][0] : words[k + 1][1]]
                gaps = paragraph.text[words[j][1] : words[k + 1][0]]
                ordinal_then_name = (  # "the Task Force on 21st Century Policing"
                    re.fullmatch(r"\d+(?:st|nd|rd|th)", after) is not None
                    and k + 2 < len(words)
                    and is_capitalised(paragraph.text[words[k + 2][0] : words[k + 2][1]])
                )
                if not (is_capitalised(after) or ordinal_then_name) or re.search(r"[^\s\w]", gaps.replace("-", "")) or re.search(r"\s-|-\s", gaps):
                    break
                if paragraph.text[start : words[last][1]] in place_names():
                    break  # "to New York for the Harbour Assembly": a place is a whole name
                if nxt == "in" and k == j + 1 and _law_follows(paragraph.text, words, k + 1):
                    j = k  # "the George Floyd Justice in Policing Act": "in" inside a law's name
                    continue
                current_head = re.sub(r"['’]s$", "", paragraph.text[words[last][0] : words[last][1]])
                acronym = current_head.isupper() or re.fullmatch(r"[A-Z]{2,}s", current_head) is not None  # "NGOs"
                if nxt in ("and", "in") and (current_head in head_nouns() or acronym):
                    if not (nxt == "and" and current_head.isupper() and _law_follows(paragraph.text, words, k + 1)):
                        break  # "the Water Law and the Sea Law", "the Water Forum in Xiamen", "NATO and Ruritania", "NGOs in Congress"
                if nxt == "in" and after.isupper() and len(after) > 1:
                    break  # "the X Show in ABC": an acronym after "in" is a name of its own
                if (
                    nxt == "in"
                    and any(w in word_set("event_heads") for w in paragraph.text[start : words[last][1]].split())
                    and not _law_follows(paragraph.text, words, k + 1)
                ):
                    break  # "the Summit of the Harbours in Port-Royal": an event, then where it was held
                if nxt == "on" and current_head.isupper() and len(current_head) > 1:
                    break  # "the ABC on the Water Board": an acronym is a whole name ("Committee on X" still joins)
                if nxt in ("and", "in", "on") and _ends_name_before_link(paragraph.text, words, i, last, after):
                    break  # "Republicans in Congress", "the Senate and the House", "President and Congress"
                if nxt == "on" and not _has_head_noun(paragraph.text, words, i, last) and _well_known_follows(paragraph.text, words, k + 1):
                    break  # "Camp David on the Supreme Court": what is named, then what it is about
                if nxt == "for" and _reads_as_a_persons_name(paragraph.text[words[i][0] : words[last][1]]):
                    break  # "Joe Hale for the Harbour Party": a person, then what they stand for
                if nxt == "for" and last == i and _PLACE_PREPOSITION_BEFORE_RE.search(paragraph.text, max(0, start - 6), start):
                    break  # "in Harbourville for the Harbour Council": a place, then what one is there for
                if nxt == "to" and current_head not in head_nouns() and not _is_title_word(current_head):
                    break  # "treaties with Ruritania and Freedonia to Parliament": only a body or a post is "to" something
                if after.lower().rstrip(".") in MONTHS or after.lower() in WEEKDAYS:
                    break  # "... for June", "Labour Day on Sunday": a day or month says when, no name goes on
                if nxt in ("and", "to") and paragraph.text[words[j + 1][1] : words[k + 1][0]].strip():
                    break  # "and the X": two names
                if nxt == "in" and paragraph.text[words[j + 1][1] : words[k + 1][0]].strip() and not _has_org_head(paragraph.text, words, i, last) and not _topic_of_a_document(paragraph.text, words, i, last):
                    break  # "Ada Lind in the Senate": two names; "the Agency for X in the Near East" is one
                if nxt == "in" and _place_follows(paragraph.text, words, k + 1) and not _topic_of_a_document(paragraph.text, words, i, last):
                    break  # "the University of Harbour in Harbour City": a body, then where it is ("the Plan on X in Y" is one title)
                j = k + 1
                last = j
                continue
            break
        # drop sentence-opening words and the article from the front
        first = i
        while first <= last and (
            (opening_word(first) in starters and not _ordinal_after_the(paragraph.text, words, first) and not _opens_a_title(paragraph.text, words, first, last))
            or not (is_capitalised(opening_word(first)) or _after_time_prefix(opening_word(first)))
        ):
            first += 1
        if first <= last:
            opening = words[first][0] + _after_time_prefix(opening_word(first))
            span = paragraph.sub(opening, words[last][1])  # "Then-Senator Hale": the phrase opens at the title
            span = _trim_possessive(span)
            ordinal, ordinal_span = _ordinal_before(source, span)
            if _ordinal_after_the(paragraph.text, words, first):  # "the Second Harbour Summit": the edition opens the name
                ordinal, ordinal_span = ordinal_values()[span.text.split()[0].lower()], paragraph.sub(*words[first])
            phrases.append(Phrase(span, ordinal, ordinal_span))
        i = last + 1
    return phrases


def _reads_as_a_persons_name(run: str) -> bool:
    """Two or three words that open with a common given name and hold no head noun: "Ana Reyes"."""
    words = run.split()
    return 2 <= len(words) <= 3 and words[0] in word_set("given_names") and not any(w in head_nouns() for w in words)


def _opens_a_title(text: str, words: list[tuple[int, int]], at: int, last: int) -> bool:
    """Whether word ``at``, a sentence opener, opens a post title of more words: "First Lady Ana Reyes"."""
    title = lexicon().match_title(text, words[at][0])
    return at < last and title is not None and title.end() > words[at][1]


def _ordinal_after_the(text: str, words: list[tuple[int, int]], at: int) -> bool:
    """Whether word ``at`` is a capitalised ordinal after "the", which opens the name: "the First Amendment"."""
    word = text[words[at][0] : words[at][1]]
    return word.lower() in ordinal_values() and re.search(r"(?i)\bthe\s+$", text[max(0, words[at][0] - 5) : words[at][0]]) is not None


def _two_acronyms(text: str, words: list[tuple[int, int]], at: int) -> bool:
    """Whether words ``at`` and ``at + 1`` are two acronyms with no name going on after them
    ("the USA FREEDOM Act" is one name), in a text not set in capitals."""
    pair = [text[a:b] for a, b in words[at : at + 2]]
    if not all(_ACRONYM_RE.fullmatch(w) for w in pair) or text.isupper():
        return False
    if at + 2 < len(words) and not text[words[at + 1][1] : words[at + 2][0]].strip():
        return not is_capitalised(text[words[at + 2][0] : words[at + 2][1]])
    return True


def _ends_name_before_link(text: str, words: list[tuple[int, int]], first: int, last: int, after: str) -> bool:
    """Whether the words so far are complete on their own, so "and"/"in"/"on" starts another name.

    They are when they end in a word for a group of people ("Democrats"), or
    are a well-known short form of a body ("Senate", "White House") or a bare
    title ("President") not joined to another title ("State Councilor and
    Foreign Minister Li Wei" is one name; ``after`` is the word after the link).
    """
    last_word = text[words[last][0] : words[last][1]]
    if last_word in word_set("group_words"):
        return True
    for start in range(max(first, last - 2), last + 1):
        run = text[words[start][0] : words[last][1]]
        if run in well_known_bodies():
            return True
        if run in word_set("person_titles"):
            return after not in _title_openers()
    return False


def _law_follows(text: str, words: list[tuple[int, int]], at: int) -> bool:
    """Whether the capitalised words from ``at`` end in the head of a law: "ABC and Water Act" is one law."""
    n = at
    while n + 1 < len(words) and not text[words[n][1] : words[n + 1][0]].strip() and is_capitalised(text[words[n + 1][0] : words[n + 1][1]]):
        n += 1
    return text[words[n][0] : words[n][1]] in word_set("law_heads")


def _listed_tail(text: str, words: list[tuple[int, int]], first: int, at: int) -> int | None:
    """Where a list of single capitalised words closed by "and" ends, when it goes on a name's "on"/"of"/"for".

    "Conference on Hunger, Nutrition, and Health": the name so far has a head
    noun, then "on", "of" or "for" and one capitalised word; the list after the
    comma holds one word between commas and ends in "and" and one word, with
    no capitalised word after it. Returns the index of that last word.
    """
    so_far = [text[s:e] for s, e in words[first : at + 1]]
    if len(so_far) < 3 or so_far[-2] not in ("on", "of", "for") or not set(so_far[:-2]) & head_nouns() or so_far[-1] in place_names():
        return None  # "the Council of Europe, France, and Germany": places listed after a name
    n = at
    while n + 2 < len(words):
        comma = text[words[n][1] : words[n + 1][0]]
        word = text[words[n + 1][0] : words[n + 1][1]]
        if word == "and" and n > at and comma.strip() in ("", ","):  # ", and Health" or " and Health", after a listed word
            # (", and" straight after the name opens a clause: "the Department of Justice, and I know")
            last = text[words[n + 2][0] : words[n + 2][1]]
            if is_capitalised(last) and last != "I" and last not in place_names() and not text[words[n + 1][1] : words[n + 2][0]].strip():
                after = words[n + 3] if n + 3 < len(words) else None
                if after is None or not is_capitalised(text[after[0] : after[1]]) or text[words[n + 2][1] : after[0]].strip():
                    return n + 2
            return None
        if comma.strip() != "," or not is_capitalised(word) or word in head_nouns() or word in place_names():
            return None
        n += 1
    return None


def _law_after_list(text: str, words: list[tuple[int, int]], first: int, at: int) -> int | None:
    """Where a law's name ends when a comma splits the words before its head: "the Veterans Access, Choice
    and Accountability Act" (after "the"; no head noun or place before the comma; capitalised words,
    one "and" among them, then a law's head within six words). Returns the index of the head."""
    so_far = [text[s:e] for s, e in words[first : at + 1]]
    if not re.search(r"(?i)\bthe\s+$", text[max(0, words[first][0] - 5) : words[first][0]]):
        return None
    if set(so_far) & head_nouns() or " ".join(so_far) in place_names():
        return None
    laws = word_set("law_heads")
    for n in range(at + 1, min(at + 7, len(words))):
        word = text[words[n][0] : words[n][1]]
        if n > at + 1 and text[words[n - 1][1] : words[n][0]].strip():
            return None  # punctuation again: not one name
        if word in laws and n > at + 1:
            return n
        if word != "and" and not is_capitalised(word):
            return None
    return None


def _capitalised_run(text: str, words: list[tuple[int, int]], at: int) -> int:
    """The index of the last word of the run of capitalised words from ``at``, spaces only between them."""
    n = at
    while n + 1 < len(words) and not text[words[n][1] : words[n + 1][0]].strip() and is_capitalised(text[words[n + 1][0] : words[n + 1][1]]):
        n += 1
    return n


def _place_follows(text: str, words: list[tuple[int, int]], at: int) -> bool:
    """Whether the capitalised words from ``at`` name a place: a region or country, or end in "City", "County"."""
    n = _capitalised_run(text, words, at)
    run = text[words[at][0] : words[n][1]]
    return run in place_names() or (n > at and text[words[n][0] : words[n][1]] in word_set("place_heads"))


def _topic_of_a_document(text: str, words: list[tuple[int, int]], first: int, last: int) -> bool:
    """Whether the words so far are a document's head and the start of its topic ("Action Plan on Health")."""
    run = [text[a:b] for a, b in words[first : last + 1]]
    head = head_part(run)
    return 0 < len(head) < len(run) and head[-1] in word_set("document_heads")


def _has_org_head(text: str, words: list[tuple[int, int]], first: int, last: int) -> bool:
    heads = word_set("org_heads")
    return any(text[words[n][0] : words[n][1]] in heads for n in range(first, last + 1))


@cache
def _title_words() -> frozenset[str]:
    return frozenset(t.split()[-1] for t in read_list("person_titles"))


def _has_head_noun(text: str, words: list[tuple[int, int]], first: int, last: int) -> bool:
    return any(re.sub(r"['’]s$", "", text[words[n][0] : words[n][1]]) in head_nouns() for n in range(first, last + 1))


def _well_known_follows(text: str, words: list[tuple[int, int]], at: int) -> bool:
    """Whether the capitalised words from ``at`` are a well-known body's name: "the Supreme Court"."""
    return text[words[at][0] : words[_capitalised_run(text, words, at)][1]] in well_known_bodies()


def _is_title_word(word: str) -> bool:
    """Whether ``word`` ends a title written before a name ("Ambassador", "Envoy")."""
    return word in _title_words()


@cache
def _title_openers() -> frozenset[str]:
    """First words of titles, and their modifiers: "and Foreign Minister" joins two titles."""
    return frozenset(t.split()[0] for t in read_list("person_titles")) | {"Deputy", "Vice", "Acting", "Assistant", "Former"}


def _trim_possessive(span: Span) -> Span:
    m = re.search(r"['’]s$|(?<=s)['’]$", span.text)  # "Li Wei's", "the Gates'"
    return span.sub(0, m.start()) if m else span


def _ordinal_before(source: str, span: Span) -> tuple[int | None, Span | None]:
    """An edition written just before a name: "the 18th X", "the fifth X"."""
    window_start = max(0, span.start - 20)
    m = _ORDINAL_RE.search(source, window_start, span.start)
    if not m or m.end() != span.start:
        return None, None
    value = int(m.group("num")) if m.group("num") else ordinal_values().get(m.group("word"))
    if value is None:
        return None, None
    return value, Span.of(source, m.start("tok"), m.end("tok"))
