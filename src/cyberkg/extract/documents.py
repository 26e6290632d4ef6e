"""Policy documents: plans, opinions, guidelines, white papers, initiatives.

Capitalised names end in a word of ``data/document_heads.txt`` ("Global
Water Initiative"). Lower-case names — "opinions on strengthening X", "the
14th five-year plan for X" — are taken only when a cue earlier in the
sentence ("issued", "including", ``data/document_cues.txt``) shows a document
is being named, and end where the topic ends (a comma, "to <verb>", "and the").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import read_list, word_set
from ..model import Span
from .phrases import head_part


def is_document_name(words: list[str]) -> bool:
    """Tell whether capitalised ``words`` name a policy document.

    >>> is_document_name("Global Water Initiative".split()), is_document_name(["Plan"])
    (True, False)
    >>> is_document_name("Action Plan for Clean Rivers".split())
    True
    """
    head = head_part(words)
    if len(words) < 2 or not head or head[-1] not in word_set("document_heads"):
        return False
    heads = word_set("document_heads")
    return any(w.removesuffix("s") not in heads and w not in heads and w not in ("and", "&") for w in words)  # "Plans and Strategy": kinds alone name no text


@dataclass(frozen=True, slots=True)
class DocumentMention:
    span: Span
    ordinal: Span | None


@cache
def _pattern() -> re.Pattern[str]:
    kinds = sorted(read_list("document_kinds"), key=len, reverse=True)
    alternatives = "|".join(re.escape(k).replace(r"\-", "[- ]").replace(r"\ ", r"\s+") for k in kinds)
    return re.compile(
        rf"(?P<ordinal>\b\d{{1,3}}(?:st|nd|rd|th)\s+)?(?P<kind>\b(?:{alternatives}))\s+(?P<link>on|for|of)\s+(?P<topic>[^,.;:()!?\"“”]+)",
        re.IGNORECASE,
    )


@cache
def _cue_re() -> re.Pattern[str]:
    cues = sorted(read_list("document_cues"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


@cache
def _participle_re() -> re.Pattern[str]:
    """ "... issued by the X": a cue in the past after the topic ends it."""
    cues = [c for c in read_list("document_cues") if c.endswith("ed") or " " in c]
    return re.compile(r"\s+(?:" + "|".join(re.escape(c) for c in cues) + r")\b")


# The topic of a document ends before these words.
_TOPIC_END_RE = re.compile(
    r"\s+(?:(?:last|this|next)\s+(?:year|month|week)\b|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|to\s+(?!the\b|a\b|an\b)[a-z]+|and\s+(?:the|a|an)\b|and\s+(?=(?:opinions|guidelines|plans?|notices?)\b)|which\b|that\b|so\s+as\b|in\s+order\b|were\b|was\b|have\b|has\b|had\b|will\b|is\b|are\b)",
)
_MAX_TOPIC_WORDS = 14
_POSSESSIVE_BEFORE_RE = re.compile(r"(?i)\b(?:my|your|his|her|its|our|their|this|that|these|those)\s+$")
_VERB_BEFORE_RE = re.compile(r"(?i)\b(?:to|help(?:s|ing)?|will|would|can|could|should|must|may|might)\s+(?:[a-z]+\s+)?$")
_POINTING_WORDS = frozenset({"this", "that", "it", "these", "those", "them", "which", "what"})
INDEFINITE_ARTICLE_BEFORE_RE = re.compile(r"(?i)\ban?\s+$")  # "a strategy for X", "a Notice of X": a kind of text, no name
_ARTICLE_AND_WORD_BEFORE_RE = re.compile(r"(?i)\ban?\s+(?:[a-z]+\s+)?$")
_INDEFINITE_BEFORE_RE = re.compile(r"(?i)\b(?:any|some|similar|such|another)\s+$")


def find_documents(source: str, paragraph: Span) -> list[DocumentMention]:
    """Lower-case document names in a paragraph, after a cue in the same sentence."""
    out = []
    text = paragraph.text
    pos = 0
    while (m := _pattern().search(text, pos)) is not None:
        topic = m.group("topic")
        ends = [e.start() for e in (_TOPIC_END_RE.search(topic), _participle_re().search(topic)) if e]
        topic = topic[: min(ends)] if ends else topic
        stop = m.start("topic") + len(topic.rstrip())
        pos = max(stop, m.start("kind") + 1)  # the next document may start inside this match
        if m.group("kind")[0].isupper() and not _sentence_start(text, m.start("kind")):
            continue  # capitalised names are found as phrases
        if _POSSESSIVE_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "his plan for X": somebody's intention; "those guidelines for X": the text said before, no name
        if _VERB_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "toolkits to help schools plan for X": "plan" is a verb there
        if _INDEFINITE_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "some sort of similar strategy for X", "any plan for X": no text of that name
        if " " not in m.group("kind").strip() and _ARTICLE_AND_WORD_BEFORE_RE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "formulate a (clear) strategy for X": a text of that kind, not yet one with a name ("an action plan for X" is)
        sentence_start = max((text.rfind(end, 0, m.start()) for end in (". ", "; ", "? ", "! ")), default=-1) + 1
        if not _cue_re().search(text, sentence_start, m.start()):
            continue
        words = topic.split()
        if not words or len(words) > _MAX_TOPIC_WORDS:
            continue
        if words[0].lower() in _POINTING_WORDS:
            continue  # "put forward a plan on this": the topic points back, the plan has no name
        start = m.start("ordinal") if m.group("ordinal") else m.start("kind")
        ordinal = paragraph.sub(m.start("ordinal"), m.end("ordinal")).strip() if m.group("ordinal") else None
        out.append(DocumentMention(paragraph.sub(start, stop), ordinal))
    return out


def _sentence_start(text: str, pos: int) -> bool:
    end = pos
    while end > 0 and text[end - 1].isspace():  # no copy of the text before pos
        end -= 1
    return end == 0 or text[end - 1] in ".!?:\"“"
