"""Numbers written in English: digits, words, fractions, scale words, ordinals.

Pure functions over text. :func:`find_numbers` finds every number in a text
with its value as a :class:`~decimal.Decimal`; it does not decide whether the
number is a figure (that needs its unit and context, see
:mod:`cyberkg.extract.figures`).

>>> [(n.span.text, decimal_text(n.value), n.kind.value) for n in find_numbers(
...     "over 2.06 billion users, one-sixth of them, 48,000 apps, nine years, the 31st time")]
[('2.06 billion', '2060000000', 'cardinal'), ('one-sixth', '0.166667', 'fraction'), ('48,000', '48000', 'cardinal'), ('nine', '9', 'cardinal'), ('31st', '31', 'ordinal')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum
from functools import cache

from ..lexicon import read_list
from ..model import Span

#: Fractions that do not come out even are rounded to this many decimal places.
FRACTION_PLACES = 6


class NumberKind(StrEnum):
    CARDINAL = "cardinal"
    FRACTION = "fraction"
    ORDINAL = "ordinal"


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number as written ("2.06 billion", "one-sixth", "31st") and its value."""

    span: Span
    value: Decimal
    kind: NumberKind
    digits: bool  # written with digits rather than words
    scaled: bool  # a scale word ("million") is part of it

    def __post_init__(self) -> None:
        if not self.value.is_finite():
            raise ValueError(f"number {self.span.text!r} has no finite value")


@dataclass(frozen=True)
class _Vocabulary:
    words: dict[str, int]
    scales: dict[str, int]
    denominators: dict[str, int]
    ordinals: frozenset[str]
    digits_re: re.Pattern[str]
    words_re: re.Pattern[str]
    fraction_re: re.Pattern[str]
    fraction_scale_re: re.Pattern[str]
    mixed_re: re.Pattern[str]
    scale_mixed_re: re.Pattern[str]
    one_in_re: re.Pattern[str]
    ordinal_re: re.Pattern[str]
    small: tuple[str, ...]  # number words below 100, in lower case


def _pairs(name: str) -> dict[str, int]:
    out = {}
    for line in read_list(name):
        word, value = line.rsplit(None, 1)
        out[word.lower()] = int(value)
    return out


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@cache
def vocabulary() -> _Vocabulary:
    """Number words, scales, fraction and ordinal words from the data files, compiled."""
    words = _pairs("number_words")
    scales = {w: 10**e for w, e in _pairs("scales").items()}
    denominators = _pairs("fractions")
    ordinals = frozenset(_pairs("ordinal_words"))
    scale = rf"(?:\s*-?\s*(?P<scale>{_alt(scales)})\b)?"
    # a decimal may open with its point (".6%", "$.50"), never after a word or another point
    digits_re = re.compile(rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\w.])\.\d+)(?P<ord>st|nd|rd|th)?{scale}", re.I)
    word = _alt([*words, *scales])
    words_re = re.compile(rf"\b(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?:{word})(?:(?:\s+and\s+|\s*-\s*|\s+)(?:{word}))*\b", re.I)
    small = _alt([w for w, v in words.items() if v < 100])
    fraction_re = re.compile(rf"\b(?:(?P<num>{small}|an?)[\s-]+(?P<den>{_alt(denominators)})|(?P<half>half))\b", re.I)
    # "half a million", "a quarter of a billion", "a half-billion": a fraction of a scale word is one number
    scale_words = _alt(w for w in scales if len(w) > 3)
    fraction_scale_re = re.compile(rf"(?:\s+(?:of\s+)?an?\s+|-|\s+)(?P<scale>{scale_words})\b", re.I)  # "a half-billion", "a half billion" too
    # "four and a half million", "2 and a quarter years": a whole number and a fraction are one number
    mixed_re = re.compile(
        rf"\b(?P<whole>{small}|\d+)\s+and\s+(?:(?P<num>{small}|an?)[\s-]+(?P<den>{_alt(denominators)}))"
        rf"(?:\s+(?P<scale>{scale_words}))?\b",
        re.I,
    )
    # "a million and a half", "two billion and a quarter": a scale, then "and" and a fraction of it
    scale_mixed_re = re.compile(
        rf"\b(?:(?P<whole>an?|{small}|\d+)\s+)?(?P<scale>{scale_words})\s+and\s+(?P<num>an?|{small})[\s-]+(?P<den>{_alt(denominators)})\b",
        re.I,
    )
    one_in_re = re.compile(rf"\b(?P<num>{small}|\d+)\s+(?:in|out\s+of)\s+(?P<den>{small}|\d+)\b", re.I)
    tens = _alt([w for w, v in words.items() if 20 <= v < 100])
    ordinal_re = re.compile(rf"\b(?:(?:{tens})-)?(?:{_alt(ordinals)})\b", re.I)
    return _Vocabulary(
        words, scales, denominators, ordinals, digits_re, words_re, fraction_re, fraction_scale_re, mixed_re, scale_mixed_re, one_in_re,
        ordinal_re,
        tuple(w for w, v in words.items() if v < 100),
    )  # fmt: skip


def decimal_text(value: Decimal) -> str:
    """The canonical xsd:decimal form of ``value``: no exponent, no trailing zeros.

    >>> [decimal_text(Decimal(s)) for s in ["2.06E+9", "17.30", "100", "0.5"]]
    ['2060000000', '17.3', '100', '0.5']
    """
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


_NOT_COUNTED_AFTER = frozenset({"more", "less", "fewer", "again", "off"})


_FRACTION_OF_WORD_RE = re.compile(r"(?:\s+(?:of\s+)?an?\s+|\s+)(?P<word>[A-Za-z]+)\b")  # "half a dozen"


def _ordinal_after_a(text: str, pos: int) -> bool:
    """Whether "a third" ending at ``pos`` counts in order: "a third child", "a fourth term".

    It does when a plain lower-case word follows that is no function word
    ("of", "this"), no verb ("said", "voted"), and no comparison ("more"):
    "cut by a third last year" and "a third said yes" stay fractions.
    """
    if re.match(r"\s+(?:[A-Z]\.){2,}|\s+[A-Z]{2,}\b", text[pos : pos + 12]):
        return True  # "a fourth U.N. convoy": an ordinal before a name
    m = re.match(r"[ \t]+([a-z]+)\b(?!['’-])", text[pos : pos + 40])
    if m is None:
        return False
    word = m.group(1)
    return not (word in _NOT_COUNTED_AFTER or word.endswith("ed") or word in _not_counted_words())


@cache
def _not_counted_words() -> frozenset[str]:
    """Function words, and verbs of a past or a saying, that may follow a fraction ("a third said")."""
    words = {w.lower() for w in read_list("function_words")}
    words |= {w for line in read_list("irregular_verbs") for w in line.split()}
    return frozenset(words | {"say", "says", "said"})


def _fraction(numerator: int, denominator: int) -> Decimal:
    value = Decimal(numerator) / Decimal(denominator)
    return value.quantize(Decimal(1).scaleb(-FRACTION_PLACES), rounding=ROUND_HALF_EVEN).normalize()


def words_value(text: str) -> Decimal | None:
    """The value of a number written in words, or None if the words do not make one.

    >>> [words_value(s) for s in ["twenty-five", "one hundred and twenty", "two million", "a dozen", "two dozen", "five five"]]
    [Decimal('25'), Decimal('120'), Decimal('2000000'), Decimal('12'), Decimal('24'), None]
    """
    vocab = vocabulary()
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
    total, current, last = 0, 0, None
    for token in tokens:
        if token in {"a", "an"}:
            current = 1 if current == 0 else current
            last = "a"
            continue
        if token == "hundred":
            current = (current or 1) * 100
        elif token in vocab.scales:
            total += (current or 1) * vocab.scales[token]
            current = 0
        elif token in vocab.words:
            value = vocab.words[token]
            if token != "dozen" and last in vocab.words and last not in {"hundred", "dozen"} and (vocab.words[last] < 20 or value >= 10):
                return None  # "five five", "twenty thirty": two numbers, not one
            if token == "dozen":
                current = (current or 1) * 12
            else:
                current += value
        else:
            return None
        last = token
    return Decimal(total + current)


def parse_number(text: str) -> Decimal:
    """The value of one number phrase: digits, words, a fraction, an optional scale word.

    >>> [decimal_text(parse_number(s)) for s in ["2.06 billion", "12.8 trillion", "48,000", "two-sevenths", "nine", "one in four"]]
    ['2060000000', '12800000000000', '48000', '0.285714', '9', '0.25']
    >>> parse_number("many")
    Traceback (most recent call last):
    ...
    ValueError: not a number: 'many'
    """
    found = find_numbers(text)
    if len(found) != 1 or found[0].span.text != text.strip():
        raise ValueError(f"not a number: {text!r}")
    return found[0].value


# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into it
# (dotted capital I, dotless i, long s): with one of them in the text, the substring test could miss a match.
_CASE_TRAPS = frozenset("\u0130\u0131\u017f")
_DIGIT_RE = re.compile(r"\d")


def find_numbers(text: str, *, offset: int = 0, source: str | None = None) -> list[NumberMention]:
    """Every number in ``text``, leftmost first, none overlapping.

    Digits glued to letters ("5G", "IPv6", "COVID-19") are names, not numbers,
    and are skipped. Spans are offsets into ``source`` where ``text`` starts
    at ``offset`` (by default into ``text`` itself).
    """
    source = text if source is None else source
    vocab = vocabulary()
    found: list[tuple[int, int, Decimal, NumberKind, bool, bool]] = []
    # Most sentences hold no number word: a word pattern runs only when one of its words is in the
    # sentence (a substring test on the lower-cased text, far cheaper than the case-insensitive pattern).
    lowered = text.lower() if _CASE_TRAPS.isdisjoint(text) else None

    def holds(words: Iterable[str]) -> bool:
        return lowered is None or any(w in lowered for w in words)

    fractions = vocab.fraction_re.finditer(text) if holds(vocab.denominators) or holds(("half",)) else ()
    for m in fractions:
        if m.group("half"):
            numerator, denominator = 1, 2
            value = Decimal("0.5")
        else:
            num = m.group("num").lower()
            numerator = 1 if num in {"a", "an"} else vocab.words[num]
            denominator = vocab.denominators[m.group("den").lower()]
            if numerator > 1 and not m.group("den").lower().endswith("s") and denominator != 2:
                continue  # "two third": not a fraction
            if numerator >= denominator:
                continue  # "seven quarters of growth", "two halves": a count of them, no fraction of a whole
            if numerator == 1 and denominator > 2 and _ordinal_after_a(text, m.end()):
                continue  # "a third child", "a fourth term": an ordinal, not a fraction
            value = _fraction(numerator, denominator)
        scale = vocab.fraction_scale_re.match(text, m.end())
        if scale:  # "half a million": a cardinal, as "500,000" is
            value = _fraction(numerator * vocab.scales[scale.group("scale").lower()], denominator)
            found.append((m.start(), scale.end(), value, NumberKind.CARDINAL, False, True))
            continue
        of_many = _FRACTION_OF_WORD_RE.match(text, m.end())
        many = vocab.words.get(of_many.group("word").lower(), 0) if of_many else 0
        if many >= 12:  # "half a dozen", "a half dozen": six, a cardinal
            found.append((m.start(), of_many.end(), _fraction(numerator * many, denominator), NumberKind.CARDINAL, False, False))
            continue
        found.append((m.start(), m.end(), value, NumberKind.FRACTION, False, False))
    mixed = vocab.mixed_re.finditer(text) if " and " in text and (holds(vocab.denominators)) else ()
    for m in mixed:
        whole_text, num = m.group("whole").lower(), m.group("num").lower()
        whole = int(whole_text) if whole_text.isdigit() else vocab.words.get(whole_text, 0)
        numerator = 1 if num in {"a", "an"} else vocab.words.get(num, 0)
        denominator = vocab.denominators[m.group("den").lower()]
        if not 0 < numerator < denominator:
            continue  # "two and five halves": no mixed number
        value = Decimal(whole) + Decimal(numerator) / Decimal(denominator)
        if m.group("scale"):
            value *= vocab.scales[m.group("scale").lower()]
        value = value.quantize(Decimal(1).scaleb(-FRACTION_PLACES), rounding=ROUND_HALF_EVEN).normalize()
        found.append((m.start(), m.end(), value, NumberKind.CARDINAL, whole_text.isdigit(), bool(m.group("scale"))))
    for m in vocab.scale_mixed_re.finditer(text) if " and " in text else ():
        # "a million and a half refugees": one and a half million, one number
        whole_text, num = (m.group("whole") or "1").lower(), m.group("num").lower()
        whole = int(whole_text) if whole_text.isdigit() else 1 if whole_text in {"a", "an"} else vocab.words.get(whole_text, 0)
        numerator = 1 if num in {"a", "an"} else vocab.words.get(num, 0)
        denominator = vocab.denominators[m.group("den").lower()]
        if whole and 0 < numerator < denominator:
            value = (Decimal(whole) + Decimal(numerator) / Decimal(denominator)) * vocab.scales[m.group("scale").lower()]
            found.append((m.start(), m.end(), value.normalize(), NumberKind.CARDINAL, whole_text.isdigit(), True))
    one_in = vocab.one_in_re.finditer(text) if holds(vocab.small) or _DIGIT_RE.search(text) else ()
    for m in one_in:
        num, den = (g.lower() for g in m.group("num", "den"))
        a = int(num) if num.isdigit() else vocab.words.get(num, 0)
        b = int(den) if den.isdigit() else vocab.words.get(den, 0)
        if 0 < a < b:
            found.append((m.start(), m.end(), _fraction(a, b), NumberKind.FRACTION, num.isdigit(), False))
    for m in vocab.digits_re.finditer(text):
        start, end = m.span()
        before = text[start - 1] if start else ""
        if before.isalnum() or before == "_" or (before == "-" and start > 1 and text[start - 2].isalpha()):
            continue  # "IPv6", "G20", "COVID-19"
        if before == "." and start > 1 and text[start - 2].isdigit():
            continue
        num_end = m.end("ord") if m.group("ord") else m.end("num")
        after = text[num_end : num_end + 1]
        if not m.group("scale") and (after.isalpha() and not m.group("ord") or after == "_"):
            end = num_end  # "5G": a name; "10km": the unit follows (checked by the caller)
            if not _attached_unit(text, num_end):
                continue
        if m.group("ord"):
            found.append((start, num_end, Decimal(m.group("num").replace(",", "")), NumberKind.ORDINAL, True, False))
            continue
        value = Decimal(m.group("num").replace(",", ""))
        if m.group("scale"):
            value *= vocab.scales[m.group("scale").lower()]
        if before in "-−" and before and (start == 1 or text[start - 2] in " \t\n(["):
            start, value = start - 1, -value  # "growth was -6.4 percent": a minus sign, not a dash
        found.append((start, end, value, NumberKind.CARDINAL, True, bool(m.group("scale"))))
    for m in vocab.words_re.finditer(text) if holds(vocab.words) or holds(vocab.scales) else ():
        phrase = m.group(0)
        if phrase.split()[0].lower() in vocab.scales or phrase.lower() in {"a", "an"}:
            continue
        for start, end, value in _word_numbers(phrase, m.start()):
            scaled = any(t in vocab.scales for t in re.split(r"[\s-]+", text[start:end].lower()))
            found.append((start, end, value, NumberKind.CARDINAL, False, scaled))
    for m in vocab.ordinal_re.finditer(text) if holds(vocab.ordinals) else ():
        found.append((m.start(), m.end(), Decimal(0), NumberKind.ORDINAL, False, False))

    kept: list[NumberMention] = []
    taken_until = -1
    rank = {NumberKind.FRACTION: 0, NumberKind.CARDINAL: 1, NumberKind.ORDINAL: 2}
    for start, end, value, kind, digits, scaled in sorted(found, key=lambda f: (f[0], -f[1], rank[f[3]])):
        if start < taken_until:
            continue
        kept.append(NumberMention(Span.of(source, offset + start, offset + end), value, kind, digits, scaled))
        taken_until = end
    return _share_scales(kept, source)


# Between the two ends of a range: "100-120 billion", "$3 to $4 billion", "50 or 60 million",
# "$100- to $150 billion" (a hyphen left hanging for the scale word to come).
_RANGE_GAP_RE = re.compile(r"\s*(?:[-–](?:\s*(?:to|and|or)\b)?|to|and|or)\s*[$€£¥]?\s*")


def _share_scales(numbers: list[NumberMention], source: str) -> list[NumberMention]:
    """The first end of a range takes the scale word written after the second: "$100-$120 billion".

    Only when nothing but the range's link stands between them, and the first,
    scaled, is no larger than the second ("100 to 20 million" is no range).
    """
    vocab = vocabulary()
    out = list(numbers)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind is not NumberKind.CARDINAL or b.kind is not NumberKind.CARDINAL or a.scaled or not b.scaled:
            continue
        if not _RANGE_GAP_RE.fullmatch(source, a.span.end, b.span.start):
            continue
        scales = [vocab.scales[w] for w in re.findall(r"[a-z]+", b.span.text.lower()) if w in vocab.scales]
        if not scales or a.value * scales[-1] > b.value:
            continue
        out[i] = NumberMention(a.span, a.value * scales[-1], a.kind, a.digits, True)
    return out


def _word_numbers(phrase: str, start: int) -> list[tuple[int, int, Decimal]]:
    """The numbers a run of number words makes: one ("one hundred and twenty"), or one per
    part when the run joins two numbers ("between two and three", "five five").

    >>> [(s, e, str(v)) for s, e, v in _word_numbers("two and three", 0)]
    [(0, 3, '2'), (8, 13, '3')]
    """
    value = words_value(phrase)
    if value is not None:
        return [(start, start + len(phrase), value)]
    parts = list(re.finditer(r"(?i)(?<!\S)(?!and\b)\S+(?:\s+(?!and\b)\S+)*", phrase))  # the runs between "and"s
    if len(parts) == 1:
        parts = list(re.finditer(r"\S+", phrase))  # "five five": each word on its own
    out = []
    for part in parts:
        if part.group(0).lower() in {"a", "an"}:
            continue
        value = words_value(part.group(0))
        if value is not None:
            out.append((start + part.start(), start + part.end(), value))
    return out


_LETTERS_RE = re.compile(r"[A-Za-z²³·]+")

def _attached_unit(text: str, pos: int) -> bool:
    """Whether the letters glued to a number at ``pos`` are a unit symbol ("10km", "5GW")."""
    from .units import unit_vocabulary

    m = _LETTERS_RE.match(text, pos)
    return bool(m) and m.group(0) in unit_vocabulary().symbols
