"""How likely a figure candidate is one a careful reader would record: a small model over its context.

The rules of :mod:`cyberkg.extract.figures` decide what a number is (a date, an
ordinal, a count of something, an amount of money...). Whether such a quantity
is data or a passing phrase ("over four months", "our two democracies",
"the two decades since") is a judgement the rules make well only on the phrasings
they were written for: on briefings they had not seen, about one figure in
eight was one the annotators leave out, most of them lengths of time and counts
written in words. This module scores the figures of those kinds the rules keep
(lengths of time; counts, people and fractions written in words) with a logistic
model over general features of their context (the unit's kind, digits or words,
size, the function words around, other numbers in the sentence), and those
scored under the model's threshold become rejected candidates with the reason
"uncertain figure", never dropped silently. The score of every judged figure,
kept or rejected, is written to the graph (``ckg:confidence``). Amounts of
money, shares, physical measures and counts in digits are not judged: blind
annotators keep 0.96-0.99 of those the rules keep, on text of every office.

The weights and the threshold live in ``data/figure_confidence.json``, trained by
``bench/train_figure_confidence.py`` on figure candidates of real briefings as the
code of the day produced them before their errors were read, labelled against
blind annotations. The features name no word but the closed-class words the
model file lists: any other word is ``W``, any number ``#``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files

from .units import UnitKind, unit_vocabulary

_TOKEN_RE = re.compile(r"[a-z]+|\d+|[^\sa-z\d]")
_SENTENCE_END_RE = re.compile(r"[.!?]\s")
_OTHER_AMOUNT_RE = re.compile(r"\$|\bpercent\b|%")
_QUESTION_RE = re.compile(r"(?:^|\n)\s*Q(?:\s|:)")
_LABEL_RE = re.compile(r"\n[A-Z][A-Z .'-]+:")
CONTEXT = 80  # characters either side of the figure that the features read


@dataclass(frozen=True)
class FigureModel:
    """A logistic model: a bias, one weight per feature, and the threshold a kept figure reaches."""

    words: frozenset[str]
    weights: dict[str, float]
    bias: float
    threshold: float

    def keeps(self, text: str, start: int, end: int, value: Decimal, unit_key: str, threshold: float | None = None) -> bool:
        """Whether the figure at ``text[start:end]`` stays a figure: not judged, or scored at the threshold or above."""
        if not judged(text[start:end], unit_key):
            return True
        return self.score(text, start, end, value, unit_key) >= (self.threshold if threshold is None else threshold)

    def score(self, text: str, start: int, end: int, value: Decimal, unit_key: str) -> float:
        """The model's probability that the figure at ``text[start:end]`` is one to record."""
        return self.probability(features(text, start, end, value, unit_key, self.words))

    def probability(self, feats: list[str]) -> float:
        """The model's probability for a figure with these features (summed in sorted order: the same on every machine)."""
        total = self.bias
        for feature in sorted(set(feats)):
            total += self.weights.get(feature, 0.0)
        return 1.0 / (1.0 + math.exp(-total))


@cache
def figure_model() -> FigureModel:
    """The model shipped with cyberkg (``data/figure_confidence.json``)."""
    data = json.loads((files("cyberkg") / "data" / "figure_confidence.json").read_text(encoding="utf-8"))
    return FigureModel(frozenset(data["words"]), dict(data["weights"]), float(data["bias"]), float(data["threshold"]))


@cache
def unit_kind(key: str) -> UnitKind:
    """The kind of the unit named ``key``; a unit the vocabulary does not list counts things."""
    unit = unit_vocabulary().units.get(key)
    return unit.kind if unit is not None else UnitKind.COUNT


_JUDGED_IN_WORDS = frozenset({UnitKind.COUNT, UnitKind.PEOPLE, UnitKind.FRACTION})


def judged(phrase: str, unit_key: str) -> bool:
    """Whether the model judges a figure: a length of time, or a count, people or a fraction written in words."""
    kind = unit_kind(unit_key)
    return kind is UnitKind.TIME or (kind in _JUDGED_IN_WORDS and not any(c.isdigit() for c in phrase))


def _tokens(text: str, words: frozenset[str]) -> list[str]:
    """Closed-class words as they are, any other word ``W``, any number ``#``, punctuation as it is."""
    out = []
    for t in _TOKEN_RE.findall(text.lower()):
        out.append(t if t in words else "#" if t.isdigit() else "W" if t.isalpha() else t)
    return out


def _magnitude(value: Decimal) -> str:
    v = abs(value)
    return "lt10" if v < 10 else "lt100" if v < 100 else "lt1e4" if v < 10_000 else "big"


def features(text: str, start: int, end: int, value: Decimal, unit_key: str, words: frozenset[str]) -> list[str]:
    """The features of the figure at ``text[start:end]`` (folded text: plain quotes and dashes)."""
    kind = unit_kind(unit_key).value
    phrase = text[start:end]
    form = "digit" if any(c.isdigit() for c in phrase) else "word"
    out = [f"k={kind}", f"kf={kind}/{form}", f"m={kind}/{_magnitude(value)}"]
    own = _tokens(phrase, words)
    if own and own[0] in words:
        out.append(f"q={own[0]}")  # "more than", "about", "over", "another"
    out.append(f"len={min(len(own), 5)}")
    before_text = text[max(0, start - CONTEXT) : start]
    after_text = text[end : end + CONTEXT]
    before = _tokens(before_text, words)[-2:]
    after = _tokens(after_text, words)[:2]
    if before:
        out += [f"b1={before[-1]}", f"kb1={kind}/{before[-1]}"]
    if len(before) > 1:
        out.append(f"b2={before[0]} {before[1]}")
    if after:
        out += [f"a1={after[0]}", f"ka1={kind}/{after[0]}"]
    if len(after) > 1:
        out.append(f"a2={after[0]} {after[1]}")
    sentence = _SENTENCE_END_RE.split(before_text)[-1] + " " + _SENTENCE_END_RE.split(after_text)[0]
    if _OTHER_AMOUNT_RE.search(sentence):
        out.append("other_amount")  # a sum or a share beside it: a length of time often frames it
    if any(c.isdigit() for c in sentence):
        out.append("other_digits")
    if _QUESTION_RE.search(before_text) and not _LABEL_RE.search(before_text):
        out.append("in_question")
    return out
