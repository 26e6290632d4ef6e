"""Stage 1 — parse: plain text in, a :class:`~cyberkg.model.Transcript` out.

The parser never changes the text. It finds the title, the publication and
conference dates, the roster lines before the first turn, and the speaker
turns (a ``Name:`` label, then paragraphs up to the next label), each as
spans of the original text.

It recognises layouts rather than particular conferences: bare roster lines
or lines grouped under ``Speakers:`` / ``Chairperson:`` / ``Moderator:`` /
``Date:`` labels, indented or not, separated by one newline or several;
labels alone on their line or followed by the words on the same line.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .dates import find_dates
from .errors import InputError
from .lexicon import lexicon
from .model import DateMention, LabelKind, Role, RosterLine, Source, Span, Transcript, Turn
from .text import fold, unwrap

#: Labels that open a roster block instead of a speaker turn.
BLOCK_LABELS: dict[str, Role | None] = {
    "speakers": Role.SPEAKER,
    "speaker": Role.SPEAKER,
    "guests": Role.SPEAKER,
    "guest": Role.SPEAKER,
    "participants": Role.SPEAKER,
    "panelists": Role.SPEAKER,
    "briefers": Role.SPEAKER,
    "chairperson": Role.MODERATOR,
    "chair": Role.MODERATOR,
    "chairman": Role.MODERATOR,
    "chairwoman": Role.MODERATOR,
    "moderator": Role.MODERATOR,
    "host": Role.MODERATOR,
    "presided by": Role.MODERATOR,
    "date": None,
    "time": None,
    "venue": None,
    "location": None,
    "place": None,
}

# A label: a short run of capitalised words (or CJK) ended by a colon.
_LABEL_RE = re.compile(r"[ \t]*(?P<label>[^\s:：][^:：\n]{0,70}?)[ \t]*[:：](?P<rest>.*)")
_CONNECTIVES = frozenset({"of", "the", "and", "de", "da", "van", "von", "der", "al", "bin", "&", "for", "on"})
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_BINARY_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class _Line:
    span: Span  # the line without its line break, not stripped

    @property
    def text(self) -> str:
        return self.span.text


def read_transcript(path: Path) -> Transcript:
    """Read a UTF-8 transcript file and parse it.

    Raises:
        InputError: the path is missing, not a file, empty, binary, not
            UTF-8, or holds no speaker turn.
    """
    where = str(path)
    if not path.exists():
        raise InputError(where, "no such file")
    if path.is_dir():
        raise InputError(where, "is a folder, not a transcript file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(where, f"cannot be read ({exc.strerror or exc})") from None
    return parse_bytes(data, name=path.name, where=where)


def parse_bytes(data: bytes, *, name: str, where: str | None = None) -> Transcript:
    """Decode ``data`` as UTF-8 text and parse it; ``where`` names it in errors."""
    where = where or name
    if not data.strip():
        raise InputError(where, "file is empty")
    if b"\x00" in data:
        raise InputError(where, "is a binary file, not a text transcript")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"is not UTF-8 text (bad byte at offset {exc.start})") from None
    return parse_transcript(text, name=name, where=where)


def parse_transcript(text: str, *, name: str = "<text>", where: str | None = None) -> Transcript:
    """Parse transcript ``text`` into title, dates, roster and turns.

    Args:
        text: the whole transcript; it is kept unchanged and all offsets refer to it.
        name: a display name for the source (a file name).
        where: how errors name the input (defaults to ``name``).

    Raises:
        InputError: the text is blank, binary, or holds no speaker turn.
    """
    where = where or name
    if not text.strip():
        raise InputError(where, "file is empty")
    if _BINARY_RE.search(text):
        raise InputError(where, "is a binary file, not a text transcript")
    lines = [ln for ln in _split_lines(text) if ln.text.strip()]
    lex = lexicon()
    content = [ln for ln in lines if not lex.is_boilerplate(ln.text)]
    if not content:
        raise InputError(where, "holds no text, only page furniture")

    title = _title_span(content[0].span)
    labels = [(i, m) for i, ln in enumerate(content) if (m := _turn_label(ln)) is not None]
    if not labels:
        raise InputError(where, "no speaker turn found (expected a line starting 'Name:')")

    first_turn = labels[0][0]
    header_end = _header_end(content, first_turn)
    published = _first_date(text, content[1:header_end]) or _first_date(text, content[:1])
    roster, held, opening = _roster(text, content[header_end:first_turn])
    if held is None:  # no date line: a headline "... on May 5, 2023" gives the date
        held = _first_date(text, content[:1])
    if held is not None and published is not None and held.span == published.span:
        published = None
    turns = _turns(text, lines, labels, content, opening)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    folded = unwrap(fold(text), ((p.start, p.end) for turn in turns for p in turn.paragraphs if "\n" in p.text))
    return Transcript(
        source=Source(name=name, sha256=sha),
        text=text,
        folded=folded,
        title=title,
        published=published,
        held=held,
        roster=tuple(roster),
        turns=tuple(turns),
    )


def _split_lines(text: str) -> list[_Line]:
    out = []
    for m in re.finditer(r"[^\r\n]*", text):
        if m.start() == m.end() and m.start() > 0 and text[m.start() - 1] not in "\r\n":
            continue  # the empty match right after a line
        out.append(_Line(Span.of(text, m.start(), m.end())))
    return out


def _title_span(line: Span) -> Span:
    """The headline, without stray glyphs (icons, arrows) in front of it."""
    text = line.text
    start = next(
        (i for i, ch in enumerate(text) if ch.isascii() and ch.isalnum() or _CJK_RE.match(ch) or ch in "\"'“‘("),
        0,
    )
    return line.sub(start, len(text)).strip()


def _header_end(content: list[_Line], first_turn: int) -> int:
    """Index of the first line after the headline block (title, "Title | date" line)."""
    end = 1
    for i in range(1, min(first_turn, 4)):
        ln = content[i].text
        if "|" in ln and any(True for _ in find_dates(ln)):
            end = i + 1
    return end


def _first_date(text: str, lines: list[_Line]) -> DateMention | None:
    for ln in lines:
        for m, date in find_dates(text, ln.span.start, ln.span.end):
            return DateMention(Span.of(text, m.start(), m.end()), date)
    return None


def _date_line(text: str, ln: _Line) -> DateMention | None:
    """A line that is only a date (the conference date in a roster)."""
    stripped = ln.span.strip()
    for m, date in find_dates(text, stripped.start, stripped.end):
        rest = (text[stripped.start : m.start()] + text[m.end() : stripped.end]).strip(" \t,.;:()")
        if not rest or re.fullmatch(r"(?i)(date|time)?\W*", rest):
            return DateMention(Span.of(text, m.start(), m.end()), date)
    return None


def _roster(text: str, region: list[_Line]) -> tuple[list[RosterLine], DateMention | None, list[Span]]:
    """Roster lines, the conference date and unlabelled prose from the lines before the first turn."""
    roster: list[RosterLine] = []
    held: DateMention | None = None
    prose: list[Span] = []
    block: Role | None = None
    for ln in region:
        body = ln.span.strip()
        m = re.match(r"(?P<label>[A-Za-z][A-Za-z ]{1,20}?)\s*[:：]\s*", body.text)
        if m and m.group("label").strip().lower() in BLOCK_LABELS:
            block = BLOCK_LABELS[m.group("label").strip().lower()]
            body = body.sub(m.end(), len(body.text))
            if not body.text:
                continue
        date = _date_line(text, _Line(body))
        if date is not None:
            held = held or date
            continue
        if _looks_like_roster_entry(body.text):
            roster.append(RosterLine(body, block))
        elif _is_prose(body.text):
            prose.append(body)
    return roster, held, prose


def _is_prose(line: str) -> bool:
    """A sentence or more: several words ending in sentence punctuation."""
    return len(line.split()) >= 6 and line.rstrip()[-1:] in ".!?\"”)"


def _looks_like_roster_entry(line: str) -> bool:
    """``Name, post ...``: a name-like head, a comma, then a post title or "X of Y"."""
    head, sep, rest = line.partition(",")
    if not sep or not is_name_like(_drop_honorific(head.strip())):
        return False
    rest = rest.strip()
    return lexicon().match_title(rest) is not None or " of " in rest or lexicon().title_at_end(rest) is not None


def _drop_honorific(name: str) -> str:
    m = lexicon().honorific_re.match(name)
    return name[m.end() :].strip() if m else name


def is_name_like(label: str) -> bool:
    """Tell whether ``label`` reads as a name: a few capitalised words or CJK.

    >>> [is_name_like(s) for s in ["Zhao Lan", "MR SMITH", "China Daily", "First, the", "we said"]]
    [True, True, True, False, False]
    """
    label = label.strip()
    if not label or len(label) > 70 or _CJK_RE.fullmatch(label[0]) and len(label) > 12:
        return False
    tokens = label.split()
    if len(tokens) > 7:
        return False
    for i, tok in enumerate(tokens):
        if tok in _CONNECTIVES and 0 < i < len(tokens) - 1:
            continue
        if _CJK_RE.match(tok[0]):
            continue
        first = tok[0]
        if not (first.isupper() or first.isdigit() and i > 0):
            return False
        core = tok.rstrip(".")
        if not all(ch.isalnum() or ch in "-'’&." for ch in core) or not core:
            return False
        if "." in core and not re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", tok):
            return False
        if tok.endswith(".") and i > 0 and not re.fullmatch(r"(?:[A-Z]\.?)+|[A-Z][a-z]{1,3}\.", tok):
            return False
    return unicodedata.category(label[-1])[0] in "LN" or label[-1] in ".)"


def _turn_label(ln: _Line) -> Span | None:
    """The label span if the line opens a speaker turn."""
    m = _LABEL_RE.fullmatch(ln.text)
    if not m:
        return None
    label = m.group("label").strip()
    if label.lower() in BLOCK_LABELS or not is_name_like(label):
        return None
    if lexicon().honorific_re.fullmatch(label + " "):
        return None
    # "Name, post of X:" is a roster entry, never a label; a label has no comma.
    if "," in label:
        return None
    start = ln.span.start + m.start("label")
    return Span(start, start + len(label), label)


def classify_label(label: str) -> LabelKind:
    """Tell whether a turn label names a person, a media outlet or an unnamed questioner.

    >>> [classify_label(s).value for s in ["Zhao Lan", "Global Times", "QUESTION"]]
    ['person', 'outlet', 'questioner']
    """
    lex = lexicon()
    if label in lex.question_labels or label.upper() in lex.question_labels:
        return LabelKind.QUESTIONER
    words = set(re.split(r"[\s\-]+", label))
    if words & lex.media_words:
        return LabelKind.OUTLET
    return LabelKind.PERSON


def _turns(
    text: str, lines: list[_Line], labels: list[tuple[int, Span]], content: list[_Line], opening: list[Span]
) -> list[Turn]:
    lex = lexicon()
    content_starts = {ln.span.start for ln in content}
    label_at = {content[i].span.start: span for i, span in labels}
    turns: list[Turn] = []
    if opening:  # text before the first label: an announcement, or a page continuing a turn
        span = Span.of(text, opening[0].start, opening[-1].end)
        turns.append(Turn(order=1, label=None, kind=LabelKind.NONE, span=span, paragraphs=tuple(opening)))
    current: tuple[Span, list[Span]] | None = None

    def close() -> None:
        if current is None:
            return
        label, paras = current
        end = paras[-1].end if paras else label.end
        turns.append(
            Turn(
                order=len(turns) + 1,
                label=label,
                kind=classify_label(label.text),
                span=Span.of(text, label.start, end),
                paragraphs=tuple(paras),
            )
        )

    for ln in lines:
        if ln.span.start not in content_starts:
            continue  # page furniture
        label = label_at.get(ln.span.start)
        if label is not None:
            close()
            rest = ln.span.sub(label.end - ln.span.start, len(ln.text)).strip()
            rest = rest.sub(1, len(rest.text)).strip() if rest.text[:1] in ":：" else rest
            current = (label, [rest] if rest.text else [])
        elif current is not None and not lex.is_boilerplate(ln.text):
            current[1].append(ln.span.strip())
    close()
    return turns
