"""YAML front matter: the ``---`` ... ``---`` block some transcripts open with.

Its fields (title, date, source_url, published_time ...) describe the page;
they are not transcript text. Each value is read as a span of the source and
as a :class:`~cyberkg.model.TextView` with its escapes decoded, so a headline
written ``"Ana\\_Reyes"`` is matched as "Ana Reyes" while its evidence is the
source as written.

A small reader of ``key: value`` lines, not a YAML library: the front matter
of transcripts is a flat mapping of scalars, and what cyberkg needs are the
source offsets of each value, which YAML libraries do not give for decoded
scalars (PyYAML's marks give the raw extent only, and its type resolution
would turn dates into objects we would have to print again). Lines it does
not understand are skipped, never fatal.

>>> fm = read_front_matter('---\\ntitle: "A\\\\_B"\\ndate: \\'2021-01-20\\'\\n---\\nbody')
>>> fm.span.end, [(k, s.text, v.text) for k, s, v in fm.fields]
(41, [('title', 'A\\\\_B', 'A B'), ('date', '2021-01-20', '2021-01-20')])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Span, TextView
from .text import fold

_OPEN_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_KEY_RE = re.compile(r"^(?P<key>[A-Za-z_][\w\-]*)[ \t]*:(?:[ \t]+|$)", re.M)
_SIMPLE_ESCAPES = {"\\": "\\", '"': '"', "/": "/", "_": "\u00a0", " ": " ", "t": "\t", "\t": "\t",
                   "n": "\n", "r": "\r", "0": "\0", "N": "\u0085", "L": "\u2028", "P": "\u2029", "e": "\x1b"}  # fmt: skip
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The front matter block and its fields: (key, value as written, value decoded)."""

    span: Span
    fields: tuple[tuple[str, Span, TextView], ...]

    def field(self, key: str) -> tuple[Span, TextView] | None:
        """The value of field ``key`` as written and decoded, if there is one."""
        return next(((span, view) for k, span, view in self.fields if k == key), None)


def read_front_matter(text: str) -> FrontMatter | None:
    """Read the front matter that opens ``text``, or ``None`` when there is none."""
    opening = _OPEN_RE.match(text)
    if opening is None:
        return None
    closing = _CLOSE_RE.search(text, opening.end())
    if closing is None:
        return None
    end = closing.end()
    if text[end : end + 2] == "\r\n":
        end += 2
    elif text[end : end + 1] == "\n":
        end += 1
    keys = list(_KEY_RE.finditer(text, opening.end(), closing.start()))
    fields = []
    for i, key in enumerate(keys):
        value_end = keys[i + 1].start() if i + 1 < len(keys) else closing.start()
        raw = Span.of(text, key.end(), value_end).strip()
        if not raw.text:
            continue
        fields.append((key.group("key"), *_scalar(text, raw)))
    return FrontMatter(Span.of(text, 0, end), tuple(fields))


def _scalar(text: str, raw: Span) -> tuple[Span, TextView]:
    """The value inside its quotes, and its decoded, folded view."""
    quote = raw.text[0]
    if quote in "\"'" and raw.text.endswith(quote) and len(raw.text) >= 2:
        inner = raw.sub(1, len(raw.text) - 1)
        chars, starts = (_double if quote == '"' else _single)(inner)
    else:
        inner = raw
        chars, starts = _plain(inner)
    # invisible characters ("COVID-\u206019") are dropped from the view: it need not keep the length
    kept = [(ch, at) for ch, at in zip(chars, starts, strict=True) if ch not in _INVISIBLE]
    starts = [at for _, at in kept] + [inner.end]
    return inner, TextView(fold("".join(ch for ch, _ in kept)), tuple(starts))


def _double(span: Span) -> tuple[list[str], list[int]]:
    s, base = span.text, span.start
    chars: list[str] = []
    starts: list[int] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            nxt = s[i + 1]
            if nxt in "\r\n":  # an escaped line break: it and the next line's indentation vanish
                j = i + 1
                while j < len(s) and s[j] in "\r\n \t":
                    j += 1
                i = j  # the skipped characters count with the character before
                continue
            if nxt in _HEX_ESCAPES:
                n = _HEX_ESCAPES[nxt]
                digits = s[i + 2 : i + 2 + n]
                if len(digits) == n and all(c in "0123456789abcdefABCDEF" for c in digits):
                    chars.append(chr(int(digits, 16)))
                    starts.append(base + i)
                    i += 2 + n
                    continue
            if nxt in _SIMPLE_ESCAPES:
                chars.append(_SIMPLE_ESCAPES[nxt])
                starts.append(base + i)
                i += 2
                continue
        if ch in "\r\n":  # an unescaped line break folds into one space
            j = i
            while j < len(s) and s[j] in "\r\n \t":
                j += 1
            chars.append(" ")
            starts.append(base + i)
            i = j
            continue
        chars.append(ch)
        starts.append(base + i)
        i += 1
    return chars, starts


def _single(span: Span, *, quotes: bool = True) -> tuple[list[str], list[int]]:
    s, base = span.text, span.start
    chars: list[str] = []
    starts: list[int] = []
    i = 0
    while i < len(s):
        if quotes and s[i] == "'" and s[i + 1 : i + 2] == "'":
            chars.append("'")
            starts.append(base + i)
            i += 2
            continue
        if s[i] in "\r\n":
            j = i
            while j < len(s) and s[j] in "\r\n \t":
                j += 1
            chars.append(" ")
            starts.append(base + i)
            i = j
            continue
        chars.append(s[i])
        starts.append(base + i)
        i += 1
    return chars, starts


def _plain(span: Span) -> tuple[list[str], list[int]]:
    """A plain scalar: line breaks fold to one space, as in a single-quoted one, with no quote to undo."""
    return _single(span, quotes=False)
