"""Bodies named in running text: organizations, companies and media outlets.

Organizations are phrases whose head is a body noun (``data/org_heads.txt``);
companies end in a legal suffix (``data/company_suffixes.txt``: "Co., Ltd.",
"Inc."); media outlets hold an outlet word (``data/media.txt``: "Daily",
"News", "TV").
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import lexicon, read_list, word_set
from ..model import Span
from .orgs import is_org_name
from .phrases import head_part


@cache
def _company_re() -> re.Pattern[str]:
    suffixes = sorted(read_list("company_suffixes"), key=len, reverse=True)
    alternatives = "|".join(re.escape(s).replace(r"\ ", r"\s*") + _dot(s) for s in suffixes)
    name_word = r"(?:[A-Z][\w&'’\-]*|&)"
    return re.compile(rf"(?P<name>{name_word}(?:\s+{name_word}){{0,6}}),?\s+(?P<suffix>(?:{alternatives}))(?![\w])")


def _dot(suffix: str) -> str:
    """The dot an abbreviated suffix may take ("Inc.", "Co."); after a whole word ("Corporation.") it ends the sentence."""
    return "" if re.fullmatch(r"[A-Z][a-z]{4,}", suffix) else r"\.?"


def find_companies(source: str, paragraph: Span, *, skip: frozenset[str] = frozenset()) -> list[Span]:
    """Company names with their legal suffix, without sentence-opening words in ``skip``.

    >>> text = "It fined Blue River Technology Co., Ltd. last year."
    >>> [s.text for s in find_companies(text, Span.of(text, 0, len(text)))]
    ['Blue River Technology Co., Ltd.']
    """
    out = []
    for m in _company_re().finditer(paragraph.text):
        words = list(re.finditer(r"\S+", m.group("name")))
        while words and words[0].group(0) in skip:
            words.pop(0)
        if not words:
            continue
        out.append(paragraph.sub(m.start("name") + words[0].start(), m.end("suffix")))
    return out


_LIST_ITEM = r"[A-Z][\w&'’.\-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.\-]*){0,2}"


@cache
def _listed_companies_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = "|".join(re.escape(c) for c in sorted(read_list("company_list_cues"), key=len, reverse=True))
    before = re.compile(
        rf"\b(?i:{cues})\s+(?:like|such\s+as|including)\s+(?P<items>{_LIST_ITEM}(?:,\s+(?:and\s+|or\s+)?{_LIST_ITEM})*(?:,?\s+(?:and|or)\s+{_LIST_ITEM})?)"
    )
    after = re.compile(rf"(?P<items>{_LIST_ITEM}(?:,\s+{_LIST_ITEM})*(?:,?\s+(?:and|or)\s+{_LIST_ITEM})?)\s+and\s+other\s+(?:{cues})\b")
    return before, after


def find_listed_companies(source: str, paragraph: Span) -> list[Span]:
    """Companies named bare in a list a plural noun opens or closes.

    >>> text = "Automakers like Harbourcar, Pierline and Ferrix have invested, with Dockco and other firms."
    >>> [s.text for s in find_listed_companies(text, Span.of(text, 0, len(text)))]
    ['Harbourcar', 'Pierline', 'Ferrix', 'Dockco']
    """
    out = []
    text = paragraph.text
    for pattern in _listed_companies_re():
        for m in pattern.finditer(text):
            for item in re.finditer(_LIST_ITEM, m.group("items")):
                start = m.start("items") + item.start()
                if re.match(r"(?:and|or)\b", item.group(0)):
                    continue
                out.append(paragraph.sub(start, start + len(item.group(0).rstrip("."))))
    return sorted(set(out), key=lambda s: s.start)


def is_media_name(words: list[str]) -> bool:
    """Tell whether ``words`` name a media outlet.

    >>> is_media_name(["Harbour", "Daily"]), is_media_name(["Water", "Bureau"])
    (True, False)
    """
    return bool(set(re.split(r"[\s\-]+", " ".join(words))) & lexicon().media_words)


def is_outlet_name(words: list[str]) -> bool:
    """Tell whether capitalised ``words`` in running text name a media outlet.

    An outlet word that is a common noun ("Post", "TV") names an outlet only
    with a name before it; a phrase about the press ("Press Briefing", "Press
    Secretary") names none.

    >>> [is_outlet_name(w.split()) for w in ["Harbour Daily", "TV", "Press Briefing", "Reuters", "Harbour Media Center", "Post-Soviet Iceland"]]
    [True, False, False, True, False, False]
    """
    parts = re.split(r"[\s\-_]+", " ".join(words))
    if not is_media_name(parts) or set(parts) & word_set("not_outlet_words"):
        return False
    if any("-" in w and any(p[:1].islower() for p in w.split("-")) for w in words):
        return False  # "News-of-the-day": a compound word, no outlet's name
    if re.match(r"([A-Z][a-z]+)-", words[0]) and words[0].split("-")[0] in word_set("media_generic"):
        return False  # "Post-Soviet Russia", "Press-ganged": a prefix, no outlet's name
    if len(parts) > 1 and parts[-1] in word_set("org_heads") and parts[-1] not in word_set("media"):
        return False  # "the Harbour Information Media Center": a body whose name holds an outlet word
    if len(parts) > 1 and parts[-1] in word_set("place_heads"):
        return False  # "Times Square", "the Press Building": a place named after an outlet
    if len(parts) == 1:
        return parts[0] not in word_set("media_generic")
    return True


def is_company_name(words: list[str]) -> bool:
    """Tell whether ``words`` name a company without a legal suffix ("Shenhai Marine Group").

    >>> is_company_name("Lanmei Steel Group".split()), is_company_name("Central Leading Group".split())
    (True, False)
    """
    return (
        len(words) >= 2
        and words[-1] in word_set("company_heads")
        and words[-2] not in word_set("org_group_words")
        and not any(w in ("of", "for", "on") for w in words)
    )


def is_body_name(words: list[str]) -> bool:
    """Tell whether capitalised ``words`` (two or more) name a body.

    >>> is_body_name(["Water", "Bureau"]), is_body_name(["Bureau"]), is_body_name(["Water", "Week"])
    (True, False, False)
    """
    head = head_part(words)
    return len(words) >= 2 and bool(head) and (is_org_name(" ".join(head)) or is_org_name(" ".join(words)))


@cache
def _suffix_re() -> re.Pattern[str]:
    suffixes = sorted(read_list("company_suffixes"), key=len, reverse=True)
    alternatives = "|".join(re.escape(x).replace(r"\ ", r"\s*") + _dot(x) for x in suffixes)
    return re.compile(rf",?\s+(?:{alternatives})$")


def company_key_name(name: str) -> str:
    """A company's name without its legal suffix: the name companies are merged by.

    >>> company_key_name("Blue River Technology Co., Ltd.")
    'Blue River Technology'
    """
    return _suffix_re().sub("", name)
