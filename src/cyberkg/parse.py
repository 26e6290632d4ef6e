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

import codecs
import hashlib
import re
import stat
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .dates import find_dates
from .errors import InputError
from .frontmatter import read_front_matter
from .lexicon import lexicon, read_list, word_set
from .model import DateMention, LabelKind, Metadata, Role, RosterLine, Source, Span, TextView, Transcript, Turn
from .text import blank_struck, fold, unwrap

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
_LINE_RE = re.compile(r"[^\r\n]*")
_CAPS_LABEL_START_RE = re.compile(r" *(?:(?:Mr|Ms|Mrs|Dr)\. )?[A-Z][A-Z.'\- ]{1,60}: ")
_LEADING_TIME_RE = re.compile(r" *\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,4}\b)? +(?=\S)")
_BREADCRUMB_RE = re.compile(r"\s[>»›]\s|^\s*[>»›]")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# A question turn written "Q" and spaces, with no colon (matched on folded text: no-break spaces are spaces).
# One space is enough only before a capital, a digit, a bracket or a dash ("Q -- and"): "Q of 2021" in running text is no label.
_Q_RE = re.compile(r" *(?P<label>Q)(?: *[:.]|  +(?=\S)| (?=[A-Z0-9$(\[\"'\-.…])| *$)")
_TIME = r"\d{1,2}(?:[:.]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?|\s*[AaPp]\.\s?[Mm]\.)(?:\s+[A-Z]{2,4}\b)?"
_TIME_RE = re.compile(_TIME)
_TIME_LINE_RE = re.compile(_TIME)  # used with fullmatch: a header line that is only a time
_END_RE = re.compile(rf"(?i:end)\b[\s.:,-]*(?:{_TIME})?")


@dataclass(frozen=True, slots=True)
class _Line:
    span: Span  # the line without its line break, not stripped

    @property
    def text(self) -> str:
        return self.span.text


def read_transcript(path: Path, *, encoding: str | None = None) -> Transcript:
    """Read a transcript file and parse it.

    Args:
        path: a regular file; devices, FIFOs and sockets are refused, so
            ``/dev/zero`` or a pipe never hangs the build.
        encoding: the file's encoding; by default UTF-8 (with or without a
            byte order mark), UTF-16 with a byte order mark, or GB18030/GBK
            is detected.

    Raises:
        InputError: the path is missing, not a regular file, empty,
            binary, cannot be decoded, or holds no text.
    """
    return parse_bytes(read_file(path), name=path.name, where=str(path), encoding=encoding)


def read_file(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of a transcript file; devices, FIFOs and sockets are refused, never read.

    Raises:
        InputError: the path is missing, a folder, not a regular file, larger
            than ``max_bytes`` (see :func:`check_size`), or cannot be read.
    """
    where = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(where, "no such file") from None
    except OSError as exc:
        raise InputError(where, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(where, "is a folder, not a transcript file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(where, "is not a regular file (a device, pipe or socket); give a transcript file")
    check_size(where, info.st_size, max_bytes)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(where, f"cannot be read ({exc.strerror or exc})") from None


#: Memory a build needs for each MB of one transcript, measured (bench/bench_scaling.py --whole).
GB_PER_MB = 2

#: The largest transcript a build takes by default, in MB (10^6 bytes): some 30 times the longest
#: real briefing we know of, and about 8 GB of memory to build.
MAX_TRANSCRIPT_MB = 4.0


def check_size(where: str, size: int, max_bytes: int | None) -> None:
    """Refuse a transcript larger than ``max_bytes``: its graph would need about :data:`GB_PER_MB` GB per MB.

    Raises:
        InputError: naming the limit and the option that raises it.
    """
    if max_bytes is not None and size > max_bytes:
        raise InputError(
            where,
            f"is larger than the {max_bytes / 1e6:g} MB a transcript may have; one transcript needs "
            f"about {GB_PER_MB} GB of memory per MB to build: raise the limit with --max-transcript-mb if this machine has it",
        )


def parse_bytes(data: bytes, *, name: str, where: str | None = None, encoding: str | None = None) -> Transcript:
    """Decode ``data`` (see :func:`decode`) and parse it; ``where`` names it in errors."""
    where = where or name
    return parse_transcript(decode(data, where=where, encoding=encoding), name=name, where=where)


def decode(data: bytes, *, where: str, encoding: str | None = None) -> str:
    """Decode a transcript's bytes: ``encoding`` if given, else the one detected.

    Detected: a UTF-8 or UTF-16 byte order mark, then UTF-8, then GB18030
    (which covers GBK and GB2312) when the bytes read as Chinese text. The
    byte order mark is not part of the text.

    >>> decode("\ufeffLi:".encode("utf-16"), where="x"), decode("李:".encode("gbk"), where="x")
    ('Li:', '李:')

    Raises:
        InputError: the bytes are empty or binary, or cannot be decoded (the
            message gives the offset of the first bad byte).
    """
    if not data.strip():
        raise InputError(where, "file is empty")
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(where, f"unknown encoding {encoding!r} (given with --encoding)") from None
        bom = codecs.BOM_UTF8 if codec == "utf-8" and data.startswith(codecs.BOM_UTF8) else b""
        return _decode(data, len(bom), codec, where, hint="")
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data, 3, "utf-8", where)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, 0, "utf-16", where)
    if b"\x00" in data:
        raise InputError(where, "is a binary file, not a text transcript")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    chinese = _as_chinese(data)
    if chinese is not None:
        return chinese
    raise InputError(where, f"is not UTF-8 text (bad byte at offset {first_bad}); name its encoding with --encoding")


def _decode(data: bytes, skip: int, codec: str, where: str, *, hint: str = "; name its encoding with --encoding") -> str:
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(where, f"is not {codec.upper()} text (bad byte at offset {skip + exc.start}){hint}") from None
    return text[1:] if text.startswith("\ufeff") else text


def _as_chinese(data: bytes) -> str | None:
    """The text if ``data`` reads as GB18030 Chinese, else ``None``.

    Latin-1 bytes often decode as GB18030 too, but then an accented letter
    and the ASCII letter after it become one CJK character inside a word
    ("M" + "黮" + "ler"); real Chinese text has its characters between other
    CJK characters, punctuation or spaces.
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [i for i, ch in enumerate(text) if ord(ch) > 0x7F]
    cjk = [i for i in wide if _CJK_RE.match(text[i]) or "\u3000" <= text[i] <= "\u303f" or "\uff00" <= text[i] <= "\uffef"]
    if not wide or len(cjk) < 0.9 * len(wide):
        return None
    inside_words = sum(1 for i in cjk if 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalpha() and text[i + 1].isascii() and text[i + 1].isalpha())
    return text if inside_words <= 0.1 * len(cjk) else None


def parse_transcript(text: str, *, name: str = "<text>", where: str | None = None) -> Transcript:
    """Parse transcript ``text`` into metadata, title, dates, roster and turns.

    Args:
        text: the whole transcript; it is kept unchanged and all offsets refer to it.
        name: a display name for the source (a file name).
        where: how errors name the input (defaults to ``name``).

    A text with no speaker label is read as a narrative (a UN noon briefing,
    a readout): one unattributed turn over its body, ``narrative`` set and a
    note saying so.

    Raises:
        InputError: the text is blank, binary, or holds only page furniture.
    """
    where = where or name
    if not text.strip():
        raise InputError(where, "file is empty")
    if _BINARY_RE.search(text):
        raise InputError(where, "is a binary file, not a text transcript")
    folded = blank_struck(fold(text))  # struck-out words are never read: nothing in them is said
    front = read_front_matter(text)
    body_start = front.span.end if front is not None else 0
    all_lines = _split_lines(text, body_start)
    lines = [ln for ln in all_lines if ln.text.strip()]
    starts = _paragraph_starts(all_lines)
    after_blank = _after_blank(all_lines)

    # Page furniture, and dated lines that only date the page ("Updated: ...", "For Immediate
    # Release DATE", a site name glued to a date): their dates are metadata, never text.
    furniture: set[int] = set()
    dated: DateMention | None = None
    updated: DateMention | None = None
    for ln in lines:
        if _is_furniture(folded, ln):
            furniture.add(ln.span.start)
        elif (found := _dateline(text, folded, ln)) is not None:
            furniture.add(ln.span.start)
            if found[1]:
                updated = updated or found[0]
            else:
                dated = dated or found[0]
    # Everything above a breadcrumb ("Home > Briefings") is the site's header: its name, menus.
    crumb = next(
        (i for i, ln in enumerate(lines[:8]) if ln.span.start in furniture and _BREADCRUMB_RE.search(folded, ln.span.start, ln.span.end)),
        None,
    )
    if crumb is not None:
        furniture.update(ln.span.start for ln in lines[:crumb])
    content = [ln for ln in lines if ln.span.start not in furniture]
    if not content:
        raise InputError(where, "holds no text, only page furniture")

    title_field = front.field("title") if front is not None else None
    if title_field is not None and title_field[1].text.strip():  # a blank title is no title: the first line is
        title, view = title_field
        head = 0  # every body line may be header, roster or turn
    else:
        first = _title_index(folded, content)
        furniture.update(ln.span.start for ln in content[:first])  # section names above the headline
        content = content[first:]
        head = _title_lines(content, after_blank)
        title = Span.of(text, _title_span(content[0].span).start, content[head - 1].span.strip().end)
        view = TextView(folded[title.start : title.end].replace("\r", " ").replace("\n", " "), tuple(range(title.start, title.end + 1)))
    labels = [
        (i, found)
        for i, ln in enumerate(content)
        if i >= head and ln.span.start in starts and (found := _turn_label(text, folded, ln)) is not None
    ]
    labels = _one_label_style(text, labels)
    first_turn = labels[0][0] if labels else len(content)
    header, place, start_time, heading = _header(text, folded, lines, content, head, first_turn, after_blank)
    header_end = _header_end(text, content, head, first_turn)
    if place is None or start_time is None:
        place_found, time_found = _place_and_time(text, folded, content[head:header_end])
        place, start_time = place or place_found, start_time or time_found
    region = [ln for i, ln in enumerate(content[header_end:first_turn], header_end) if i not in header]
    published = _first_date(text, content[head:header_end])
    if published is None and front is not None:
        published = _field_date(text, front.field("date"))
    published = published or dated
    narrative = not labels
    notes: tuple[str, ...] = ()
    if narrative:
        roster, (held, opening) = [], _narrative(text, region, starts)
        if not opening:
            raise InputError(where, "holds a headline but no transcript text")
        notes = (f"{name}: no speaker label found; read as one unattributed narrative",)
    else:
        roster, held, opening = _roster(text, region, starts)
    if held is None:  # no date line: a headline "... on May 5, 2023" gives the date
        held = _view_date(text, view)
    if held is not None and published is not None and held.span == published.span:
        published = None
    if held is None:  # else the page's own date is the conference's
        held = published
    turns = _turns(text, lines, labels, content, opening, starts)
    end_time = _end_time(text, folded, lines, content[first_turn].span.start if labels else None)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    folded = unwrap(folded, ((p.start, p.end) for turn in turns for p in turn.paragraphs if "\n" in p.text))
    metadata = Metadata(
        front_matter=front.span if front is not None else None,
        fields=tuple((k, span) for k, span, _ in front.fields) if front is not None else (),
        title=view,
        date=held or published,
        updated=updated,
        place=place,
        start_time=start_time,
        end_time=end_time,
        source_url=front.field("source_url")[0] if front is not None and front.field("source_url") else None,
        heading=heading,
    )
    return Transcript(
        source=Source(name=name, sha256=sha),
        text=text,
        folded=folded,
        title=title,
        published=published,
        held=held,
        roster=tuple(roster),
        turns=tuple(turns),
        metadata=metadata,
        narrative=narrative,
        notes=notes,
    )


def _split_lines(text: str, pos: int = 0) -> list[_Line]:
    out = []
    for m in _LINE_RE.finditer(text, pos):
        if m.start() == m.end() and m.start() > pos and text[m.start() - 1] not in "\r\n":
            continue  # the empty match right after a line
        out.append(_Line(Span.of(text, m.start(), m.end())))
    return out


def _wrap_width(lines: list[_Line]) -> int | None:
    """The width a layout hard-wrapped its paragraphs at, or ``None`` for one line per paragraph.

    Hard-wrapped text (Markdown, e-mail) has most lines just under one width;
    text with a paragraph per line has lines of every length.
    """
    lengths = sorted(len(ln.text.rstrip()) for ln in lines)
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.95)]
    if not 40 <= width <= 100:
        return None
    near = sum(1 for n in lengths if n >= width - 15)
    return width if near >= 0.4 * len(lengths) else None


def _paragraph_starts(all_lines: list[_Line]) -> set[int]:
    """Offsets of the lines that open a paragraph.

    A line opens one after a blank line, or when the line before it was
    not full: in a hard-wrapped layout a line was broken only because the
    next word did not fit in the width. With one line per paragraph, every
    line opens one.
    """
    content = [ln for ln in all_lines if ln.text.strip()]
    blank = len(all_lines) - len(content)
    # hard-wrapped layouts separate their paragraphs with blank lines (one in ten lines at
    # least: paragraphs of a briefing's opening run to eight lines and more)
    width = _wrap_width(content) if blank >= max(2, 0.1 * len(content)) else None
    starts: set[int] = set()
    prev: _Line | None = None
    for ln in all_lines:
        if not ln.text.strip():
            prev = None
            continue
        if prev is None or width is None or not _continues(prev.text, ln.text, width):
            starts.add(ln.span.start)
        prev = ln
    return starts


def _continues(prev: str, line: str, width: int) -> bool:
    """Tell whether ``line`` goes on the paragraph of ``prev`` (``prev`` was wrapped)."""
    words = line.split(maxsplit=1)
    if not words or _Q_RE.match(fold(line)):
        return False
    if prev.rstrip()[-1:] in ".?!\"”)" and _CAPS_LABEL_START_RE.match(fold(line)):
        return False  # a label in capitals after a finished sentence: a new turn, with no blank line
    return len(prev.rstrip()) + 1 + len(words[0]) > width - 2


def _is_furniture(folded: str, ln: _Line) -> bool:
    """A whole line of page furniture: pagination, share links, menus, header times, END."""
    line = folded[ln.span.start : ln.span.end].strip()
    if lexicon().is_boilerplate(line) or _TIME_LINE_RE.fullmatch(line) or _END_RE.fullmatch(line):
        return True
    tokens = [t for t in re.split(r"[\s|/·•,]+", line) if t]
    languages = word_set("languages")
    return bool(tokens) and all(t.casefold() in languages for t in tokens)


@cache
def _date_label_re() -> re.Pattern[str]:
    words = sorted(read_list("date_labels"), key=len, reverse=True)
    return re.compile(r"(?i)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b")


def _dateline(text: str, folded: str, ln: _Line) -> tuple[DateMention, bool] | None:
    """The date of a line that only dates the page: "Updated: DATE", "For Immediate Release DATE",
    or a site name glued to a date ("Site NameMarch 14, 2024"); and whether it is an update date."""
    stripped = ln.span.strip()
    if len(stripped.text) > 120 or not _YEAR_RE.search(stripped.text):
        return None  # a dateline is short and has a year
    for m, date in find_dates(folded, stripped.start, stripped.end):
        before = folded[stripped.start : m.start()]
        after = _TIME_RE.sub("", folded[m.end() : stripped.end]).strip(" \t,.;:|-()[]")
        label = _date_label_re().match(before.strip())
        glued = before[-1:].isalpha() and re.fullmatch(r"[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}", before.strip())
        if after or not (label and not before.strip()[label.end() :].strip(" \t:|-") or glued):
            return None
        return DateMention(Span.of(text, m.start(), m.end()), date), bool(label and "updat" in label.group(0).lower())
    return None


def _title_span(line: Span) -> Span:
    """The headline, without stray glyphs (icons, arrows) in front of it."""
    text = line.text
    start = next(
        (i for i, ch in enumerate(text) if ch.isascii() and ch.isalnum() or _CJK_RE.match(ch) or ch in "\"'“‘("),
        0,
    )
    return line.sub(start, len(text)).strip()


def _header_end(text: str, content: list[_Line], head: int, first_turn: int) -> int:
    """Index of the first line after the headline block: the title, then a "Title | date"
    or "Place | 10 a.m. DATE" line, or a line that only dates the page ("2025-10-14 20:06")."""
    end = head
    for i in range(head, min(first_turn, head + 3)):
        ln = content[i].text
        if "|" in ln and any(True for _ in find_dates(ln)):
            end = i + 1
        elif i == head and _date_line(text, content[i]) is not None and any(ch.isdigit() for ch in ln):
            end = i + 1
    return end


def _place_and_time(text: str, folded: str, lines: list[_Line]) -> tuple[Span | None, Span | None]:
    """Place and start time from a header line "Beijing | 10 a.m. March 17, 2025"."""
    place = time = None
    for ln in lines:
        for part in re.finditer(r"[^|]+", folded[ln.span.start : ln.span.end]):
            span = Span.of(text, ln.span.start + part.start(), ln.span.start + part.end()).strip()
            has_date = any(True for _ in find_dates(folded, span.start, span.end))
            t = _TIME_RE.search(folded, span.start, span.end)
            if has_date and t is not None and "|" in ln.text:
                time = time or Span.of(text, t.start(), t.end()).strip()
            elif not has_date and "|" in ln.text and 0 < len(span.text.split()) <= 4 and span.text[:1].isupper():
                place = place or span
    return place, time


def _after_blank(all_lines: list[_Line]) -> set[int]:
    """Offsets of the lines that follow a blank line (or open the text)."""
    out: set[int] = set()
    blank = True
    for ln in all_lines:
        if not ln.text.strip():
            blank = True
            continue
        if blank:
            out.add(ln.span.start)
        blank = False
    return out


def _title_index(folded: str, content: list[_Line]) -> int:
    """Index of the headline: the line above the page's date when only short section
    names ("Briefing Room", "Statements and Releases") stand above it."""
    for k, ln in enumerate(content[:6]):
        line = folded[ln.span.start : ln.span.end].strip()
        if any(True for _ in find_dates(line)):
            if k < 2 or len(line.split()) > 8:
                return 0
            above = [c.text.strip() for c in content[: k - 1]]
            short = all(len(a.split()) <= 5 and a[-1:] not in ".!?:" for a in above)
            if _is_caps(content[k - 1].text) and _is_caps(content[k - 2].text):
                return 0  # a headline in capitals over several lines
            return k - 1 if short else 0
    return 0


def _title_lines(content: list[_Line], after_blank: set[int]) -> int:
    """How many lines the headline takes: one, or a block of lines in capitals with no blank line."""
    n = 1
    if not _is_caps(content[0].text):
        return n
    while n < len(content) and n < 6 and content[n].span.start not in after_blank and _is_caps(content[n].text):
        n += 1
    return n


def _is_caps(line: str) -> bool:
    letters = [ch for ch in re.sub(r"\b(?:Mc|Mac|La|Le|De|Di)(?=[A-Z])", "", line) if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _header(
    text: str, folded: str, lines: list[_Line], content: list[_Line], head: int, first_turn: int, after_blank: set[int]
) -> tuple[set[int], Span | None, Span | None, Span | None]:
    """Header lines between the headline and the first turn: (their indices in ``content``,
    place, start time, heading).

    The heading is a block of lines in capitals that repeats the headline
    ("PRESS BRIEFING / BY PRESS SECRETARY ..."); a line in parentheses is a
    header note; the place is the line or two just above the start time.
    """
    header: set[int] = set()
    limit = content[first_turn].span.start if first_turn < len(content) else len(text)
    start_time = next(
        (_time_span(text, folded, ln) for ln in lines if ln.span.start < limit and _time_only(folded, ln)), None
    )
    heading: list[int] = []
    # a heading opens the header (after a parenthesised note at most), and only above turns
    for i in range(head, min(first_turn, head + 8) if first_turn < len(content) else head):
        if not heading and i > head + 1:
            break
        line = content[i].text.strip()
        # the headline's list of people goes on after a blank line: "BY ...," / "AND ..."
        goes_on = bool(heading) and (content[heading[-1]].text.rstrip().endswith(",") or re.match(r"(?i)(?:by|and)\s", line) is not None)
        if (
            _is_caps(line)
            and (not _looks_like_roster_entry(line) or re.match(r"(?i)(?:by|and)\s", line) or goes_on)
            and _date_line(text, content[i]) is None
        ):
            if heading and (heading[-1] != i - 1 or (content[i].span.start in after_blank and not goes_on)):
                break
            heading.append(i)
        elif heading:
            break
    header.update(heading)
    for i in range(head, first_turn):
        line = content[i].text.strip()
        if line.startswith("(") and line.endswith(")") and len(line) < 100:
            header.add(i)
    place: list[int] = []
    if start_time is not None:
        before = [i for i in range(head, first_turn) if content[i].span.start < start_time.start and i not in header]
        for i in reversed(before[-3:]):
            line = content[i].text.strip()
            travelling = any(line.startswith(w + " ") for w in word_set("place_openers"))  # "En Route X, Y"
            if not travelling and (_is_prose(line) or _looks_like_roster_entry(line) or len(line) > 80 or not line[:1].isupper()):
                break
            place.insert(0, i)
    header.update(place)
    place_span = Span.of(text, content[place[0]].span.strip().start, content[place[-1]].span.strip().end) if place else None
    heading_span = (
        Span.of(text, content[heading[0]].span.strip().start, content[heading[-1]].span.strip().end) if heading else None
    )
    return header, place_span, start_time, heading_span


def _time_only(folded: str, ln: _Line) -> bool:
    return _TIME_LINE_RE.fullmatch(folded[ln.span.start : ln.span.end].strip()) is not None


def _time_span(text: str, folded: str, ln: _Line) -> Span | None:
    m = _TIME_RE.search(folded, ln.span.start, ln.span.end)
    return Span.of(text, m.start(), m.end()).strip() if m else None


def _end_time(text: str, folded: str, lines: list[_Line], first_label: int | None) -> Span | None:
    """The time of the last "END 2:45 P.M." or time-only line after the first turn."""
    if first_label is None:
        return None
    after: _Line | None = None  # the line below: a zone a wrap put on its own line ("1:10 P.M." / "EST")
    for ln in reversed(lines):
        if ln.span.start <= first_label:
            return None
        line = folded[ln.span.start : ln.span.end].strip()
        if _END_RE.fullmatch(line) or _time_only(folded, ln):
            span = _time_span(text, folded, ln)
            zone = folded[after.span.start : after.span.end].strip() if after is not None else ""
            if span is not None and re.fullmatch(r"[A-Z]{2,4}", zone) and span.end == ln.span.start + len(folded[ln.span.start : ln.span.end].rstrip()):
                return Span.of(text, span.start, after.span.start + folded[after.span.start : after.span.end].rindex(zone) + len(zone))
            return span
        if line:
            after = ln
    return None


def _first_date(text: str, lines: list[_Line]) -> DateMention | None:
    for ln in lines:
        for m, date in find_dates(text, ln.span.start, ln.span.end):
            return DateMention(Span.of(text, m.start(), m.end()), date)
    return None


def _field_date(text: str, field: tuple[Span, TextView] | None) -> DateMention | None:
    if field is None:
        return None
    span = field[0]
    for m, date in find_dates(text, span.start, span.end):
        return DateMention(Span.of(text, m.start(), m.end()), date)
    return None


def _view_date(text: str, view: TextView) -> DateMention | None:
    """The first date in a headline, with its span in the source."""
    for m, date in find_dates(view.text):
        return DateMention(view.span(text, m.start(), m.end()), date)
    return None


def _date_line(text: str, ln: _Line) -> DateMention | None:
    """A line that is only a date (the conference date in a roster)."""
    stripped = ln.span.strip()
    for m, date in find_dates(text, stripped.start, stripped.end):
        rest = _TIME_RE.sub("", text[stripped.start : m.start()] + text[m.end() : stripped.end]).strip(" \t,.;:()")
        if not rest or re.fullmatch(r"(?i)(date|time|(?:mon|tues|wednes|thurs|fri|satur|sun)day)?\W*", rest):
            return DateMention(Span.of(text, m.start(), m.end()), date)
    return None


def _narrative(text: str, region: list[_Line], starts: set[int]) -> tuple[DateMention | None, list[Span]]:
    """The date and the paragraphs of a text with no speaker label ("THURSDAY, 13 MARCH 2025" is a date line)."""
    held = None
    body = []
    for ln in region:
        date = _date_line(text, ln)
        if date is not None and len(ln.text.split()) <= 6:
            held = held or date
        else:
            body.append(ln)
    return held, _paragraphs(text, body, starts)


def _groups(region: list[_Line], starts: set[int]) -> list[list[_Line]]:
    """The lines of ``region`` grouped into paragraphs."""
    groups: list[list[_Line]] = []
    for ln in region:
        if groups and ln.span.start not in starts:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


def _joined(text: str, group: list[_Line]) -> Span:
    return Span.of(text, group[0].span.strip().start, group[-1].span.strip().end)


def _paragraphs(text: str, region: list[_Line], starts: set[int]) -> list[Span]:
    return [_joined(text, group) for group in _groups(region, starts)]


def _roster(
    text: str, region: list[_Line], starts: set[int]
) -> tuple[list[RosterLine], DateMention | None, list[Span]]:
    """Roster lines, the conference date and unlabelled prose from the lines before the first turn."""
    roster: list[RosterLine] = []
    held: DateMention | None = None
    prose: list[Span] = []
    block: Role | None = None
    for group in _groups(region, starts):
        if len(group) > 1:  # a hard-wrapped paragraph: prose, never a roster line
            para = _joined(text, group)
            if _is_prose(para.text):
                prose.append(para)
            continue
        ln = group[0]
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


def _nfc(line: str) -> tuple[str, list[int]]:
    """``line`` in NFC, with the offset in ``line`` of each character (and the end)."""
    out: list[str] = []
    starts: list[int] = []
    i = 0
    while i < len(line):
        j = i + 1
        while j < len(line) and unicodedata.combining(line[j]):
            j += 1
        for ch in unicodedata.normalize("NFC", line[i:j]):
            out.append(ch)
            starts.append(i)
        i = j
    starts.append(len(line))
    return "".join(out), starts


def _turn_label(text: str, folded: str, ln: _Line) -> tuple[Span, LabelKind] | None:
    """The label span and its kind, if the line opens a speaker turn.

    Matched on the folded line in NFC (a label written "José" with a
    combining accent is still a label); the span is cut from ``text``.
    """
    line = folded[ln.span.start : ln.span.end]
    q = _Q_RE.match(line)
    if q:
        start = ln.span.start + q.start("label")
        return Span.of(text, start, start + 1), LabelKind.QUESTIONER
    lead = _LEADING_TIME_RE.match(line)  # "12:15 P.M. EST  MR. X: ..." on one line
    if lead is not None:
        ln = _Line(ln.span.sub(lead.end(), len(ln.text)))
        line = line[lead.end() :]
    view, starts = (line, None) if line.isascii() else _nfc(line)
    m = _LABEL_RE.fullmatch(view)
    if not m:
        return None
    label = m.group("label").strip()
    rest = m.group("rest").strip()
    if label[-1:].isdigit() and rest[:1].isdigit():
        return None  # a time, "10:30"
    role = role_of(label)
    if label.lower() in BLOCK_LABELS:
        # "Moderator: Mr. X, post" opens a roster block; "MODERATOR: Thank you all" is a turn
        if role is None or not rest:
            return None
        post = rest.partition(",")[2].strip()
        if _looks_like_roster_entry(rest) and not (label.isupper() and lexicon().match_title(post) is None):
            return None
        if is_name_like(rest) and (len(rest.split()) >= 2 or not label.isupper()):
            return None
    elif role is None and not is_name_like(label):
        return None
    if role is None and (lexicon().honorific_re.fullmatch(label + " ") or "," in label):
        # "Name, post of X:" is a roster entry, never a label; a label has no comma.
        return None
    a = m.start("label")
    b = a + len(label)
    if starts is not None:
        a, b = starts[a], starts[b]
    span = Span.of(text, ln.span.start + a, ln.span.start + b)
    return span, LabelKind.ROLE if role is not None else classify_label(label)


def _one_label_style(text: str, labels: list[tuple[int, tuple[Span, LabelKind]]]) -> list[tuple[int, tuple[Span, LabelKind]]]:
    """Drop mixed-case "labels" from a transcript whose speakers are labelled in capitals.

    Where nearly every label is in capitals ("MS. PSAKI:"), a line such as
    "Next: are they effective?" or a quoted "Ana Reyes: ..." is text, not a turn.
    Three labels in capitals set the style of a short text, if one at most is not.
    Whatever the share, a mixed-case "label" that opens a quotation ('Ana Reyes:
    "We will ..."') among labels in capitals is a quote read out, not a turn.
    """
    named = [span for _, (span, kind) in labels if kind in (LabelKind.PERSON, LabelKind.ROLE)]
    caps = [span for span in named if _caps_label(span.text)]
    if len(caps) < 3:
        return labels  # too few labels to know the style
    if len(named) - len(caps) > max(1, 0.1 * len(named)):  # two styles in use: only quotes read out go
        return [(i, (span, kind)) for i, (span, kind) in labels if kind is not LabelKind.PERSON or _caps_label(span.text) or not _QUOTE_AFTER_LABEL_RE.match(text, span.end)]
    return [(i, (span, kind)) for i, (span, kind) in labels if kind is not LabelKind.PERSON or _caps_label(span.text)]


_QUOTE_AFTER_LABEL_RE = re.compile(r"[ \t]*[:：][ \t]*[“\"]")


def _caps_label(label: str) -> bool:
    """A label in capitals, after an honorific: "MS. PSAKI", "Mr. KIRBY", "SECRETARY LaHOOD"."""
    m = lexicon().honorific_re.match(label)
    rest = label[m.end() :] if m else label
    rest = re.sub(r"\b(?:Mc|Mac|La|Le|De|Di|Da|Van|Von)(?=[A-Z])", "", rest)
    return rest.isupper()


@cache
def _role_labels() -> tuple[tuple[re.Pattern[str], Role], ...]:
    out = []
    for entry in read_list("role_labels"):
        pattern, _, role = entry.rpartition("\t")
        out.append((re.compile(pattern.strip()), Role(role.strip())))
    return tuple(out)


def role_of(label: str) -> Role | None:
    """The role a label names when it names no person ("MODERATOR", "SENIOR ADMINISTRATION OFFICIAL").

    >>> role_of("MODERATOR"), role_of("Senior Administration Official #2"), role_of("MS. PSAKI")
    (<Role.MODERATOR: 'moderator'>, <Role.SPEAKER: 'speaker'>, None)
    """
    key = " ".join(unicodedata.normalize("NFC", label).upper().split())
    return next((role for pattern, role in _role_labels() if pattern.fullmatch(key)), None)


def classify_label(label: str) -> LabelKind:
    """Tell whether a turn label names a person, a media outlet, an unnamed questioner or the answerer.

    >>> [classify_label(s).value for s in ["Zhao Lan", "Global Times", "QUESTION", "A"]]
    ['person', 'outlet', 'questioner', 'answer']
    """
    lex = lexicon()
    if label in lex.question_labels or label.upper() in lex.question_labels:
        return LabelKind.QUESTIONER
    if label in word_set("answer_labels"):
        return LabelKind.ANSWER
    words = set(re.split(r"[\s\-]+", label))
    if words & lex.media_words or any(len(w) > 2 and w.isupper() and w.endswith("TV") for w in words):
        return LabelKind.OUTLET  # a media word, or a channel's call sign ("NTV", "KTV")
    return LabelKind.PERSON


def _turns(
    text: str,
    lines: list[_Line],
    labels: list[tuple[int, tuple[Span, LabelKind]]],
    content: list[_Line],
    opening: list[Span],
    starts: set[int],
) -> list[Turn]:
    content_starts = {ln.span.start for ln in content}
    label_at = {content[i].span.start: found for i, found in labels}
    first = min(label_at) if label_at else None
    turns: list[Turn] = []
    if opening:  # text before the first label: an announcement, a narrative, or a page continuing a turn
        span = Span.of(text, opening[0].start, opening[-1].end)
        turns.append(Turn(order=1, label=None, kind=LabelKind.NONE, span=span, paragraphs=tuple(opening)))
    # paragraphs as [start, end] offsets, cut into spans once a turn closes: a hard-wrapped
    # paragraph grows line by line, and cutting it at every line would be quadratic
    current: tuple[Span, LabelKind, list[list[int]]] | None = None

    def close() -> None:
        if current is None:
            return
        label, kind, bounds = current
        paras = tuple(Span.of(text, a, b) for a, b in bounds)
        end = paras[-1].end if paras else label.end
        turns.append(
            Turn(
                order=len(turns) + 1,
                label=label,
                kind=kind,
                span=Span.of(text, label.start, end),
                paragraphs=paras,
            )
        )

    for ln in lines:
        if first is None or ln.span.start < first or ln.span.start not in content_starts:
            continue  # before the first turn, or page furniture
        found = label_at.get(ln.span.start)
        body = ln.span.strip()
        if found is not None:
            close()
            label, kind = found
            rest = ln.span.sub(label.end - ln.span.start, len(ln.text)).strip()
            rest = rest.sub(1, len(rest.text)).strip() if rest.text[:1] and rest.text[:1] in ":：" else rest
            current = (label, kind, [[rest.start, rest.end]] if rest.text else [])
        elif current is not None:
            bounds = current[2]
            if ln.span.start in starts or not bounds:
                bounds.append([body.start, body.end])
            else:  # a hard-wrapped line goes on the paragraph
                bounds[-1][1] = body.end
    close()
    return turns
