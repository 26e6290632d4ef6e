"""Hypothesis strategies that generate press-conference transcripts, well formed and broken.

A transcript is drawn as a list of pieces: front matter, header lines (place,
clock times, END), a roster, speaker turns with labels of every style, and
body text with numbers, nested bodies and acronyms. Any piece can be spelled in
any Unicode normal form, carry control characters, or be broken (a label with
nothing after it, empty lines, a file of only furniture, a very long line).
Names and bodies are made up: nothing here comes from a real transcript.
"""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

GIVEN = ["Ana", "Tom", "José", "Zoë", "Li", "Wei", "Chloé", "Ngozi", "Søren", "Ali", "Ünal", "Mei"]
SURNAMES = ["Reyes", "Hale", "Ruiz", "Zhou", "Okafor", "Brontë", "Łukasz", "Nguyễn", "O'Neil", "Smith-Jones", "Müller"]
CJK_NAMES = ["李伟", "周敏", "王芳", "陈静"]
RTL_NAMES = ["سارة", "דוד", "\u202bמשה\u202c"]
TITLES = ["Secretary", "Director", "Press Secretary", "Minister", "Deputy Director", "Spokesperson", "Ambassador", "Vice Minister", "Commissioner", "Chairman"]
HONORIFICS = ["MR.", "MS.", "MRS.", "DR.", "GENERAL", "ADMIRAL", "SECRETARY", "AMBASSADOR", "SENATOR"]
BODY_KINDS = ["Ministry", "Bureau", "Office", "Department", "Commission", "Administration", "Agency", "Council", "Committee", "Institute"]
FIELDS = ["Water", "Rivers", "Cyberspace", "Trade", "Public Health", "Energy", "Foreign Affairs", "Ports", "Statistics"]
OUTLETS = ["Reuters", "China Daily", "Associated Press", "Xinhua", "CCTV", "Bloomberg", "The Daily Ledger"]
ROLE_LABELS = ["QUESTION", "MODERATOR", "SENIOR ADMINISTRATION OFFICIAL", "THE PRESIDENT", "PARTICIPANT", "OPERATOR", "AUDIENCE MEMBER", "THE VICE PRESIDENT"]
UNITS = ["percent", "%", "yuan", "dollars", "$", "tons", "kilometers", "km", "megawatts", "people", "cases", "hectares", "barrels a day"]
SCALES = ["", " million", " billion", " trillion", " thousand", " hundred", " lakh", "m", "bn", " 万", " 亿"]
PLACES = ["James S. Brady Press Briefing Room", "Beijing", "Rose Garden", "Via Teleconference", "Aboard Air Force One", "En Route Tucson, Arizona"]
FURNITURE = ["Share", "Home > Briefings", "THE WHITE HOUSE", "中文 | English", "Print", "Updated: March 18, 2025", "Briefing Room", "###", "- - -", "(Applause.)", "(Laughter.)"]
MONTHS = ["January", "Feb.", "March", "Apr.", "May", "June", "July", "Aug.", "September", "Oct.", "November", "Dec."]

# Characters that matter: typographic quotes and dashes, spaces of every width, zero-width and
# direction marks, combining marks, emoji (with joiners and modifiers), CJK, surrogate-free astral.
ODD = [
    "\u2018", "\u2019", "\u201c", "\u201d", "\u2014", "\u2013", "\u2026", "\u00a0", "\u2009", "\u202f", "\u3000",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069",
    "\u0301", "\u0308", "\u0327", "\u20dd", "\U0001f600", "\U0001f44d\U0001f3fd", "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\u4e2d\u6587", "\uff08", "\uff09", "\uff1a", "\u3001", "\u3002", "\U00020000", "\ufffd", "\u00ad", "\u2028", "\u2029", "\u0085",
    "&", "<", ">", '"', "'", "\\", "]]>", "<!--", "&amp;", "{", "}", "%", "#", "@", "`", "|", "^",
]  # fmt: skip
CONTROLS = ["\x0c", "\x0b", "\x00", "\x01", "\x07", "\x08", "\x1b", "\x1f", "\x7f", "\x80", "\x9f", "\r", "\t"]
NORMAL_FORMS = ["NFC", "NFD", "NFKC", "NFKD"]


def _form(text: str, form: str | None) -> str:
    return unicodedata.normalize(form, text) if form else text


@st.composite
def odd(draw, *, controls: bool = True) -> str:
    """A character or two that a parser may trip on."""
    if controls and draw(st.integers(0, 3)) == 0:
        # Form feed (pdftotext's page break) and vertical tab most often; the other C0/C1 controls too.
        return draw(st.sampled_from(["\x0c", "\x0b", "\x0c", "\x0b", *CONTROLS]))
    return draw(st.sampled_from(ODD))


@st.composite
def sprinkle(draw, text: str, *, controls: bool = True) -> str:
    """``text`` with odd characters put in at a few places (often none)."""
    n = draw(st.integers(0, 2))
    for _ in range(n):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(odd(controls=controls)) + text[at:]
    return text


@st.composite
def person_name(draw) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.sampled_from(CJK_NAMES))
    if kind == 1:
        return draw(st.sampled_from(RTL_NAMES))
    name = f"{draw(st.sampled_from(GIVEN))} {draw(st.sampled_from(SURNAMES))}"
    if kind == 2:
        name = f"{draw(st.sampled_from(GIVEN))} {draw(st.sampled_from('ABCDEFGH'))}. {draw(st.sampled_from(SURNAMES))}"
    return name


@st.composite
def body_name(draw) -> str:
    """A body, sometimes nested ("Bureau of the Office of the Ministry of ..."), sometimes with its acronym."""
    depth = draw(st.integers(1, 6)) if draw(st.booleans()) else 1
    parts = [f"{draw(st.sampled_from(BODY_KINDS))}" for _ in range(depth)]
    name = " of the ".join(parts) + f" of {draw(st.sampled_from(FIELDS))}"
    if draw(st.integers(0, 2)) == 0:
        name = "the " + name
    acronym = draw(st.integers(0, 4))
    if acronym == 0:
        name += " (" + "".join(w[0] for w in name.split() if w[0].isupper()) + ")"
    elif acronym == 1:
        name += " (" + draw(st.sampled_from(["ABC", "WB", "MOFA", "CAC", "NDRC", "U.N.", "", "(", "ABC)", "中文"])) + ")"
    elif acronym == 2:
        name += draw(st.sampled_from([", Ltd.", "; and the Office", ", the Office of Ports", " & Co.", " / Agency"]))
    return name


@st.composite
def roster(draw) -> list[str]:
    """Roster lines: "Name, post of Body", a block under Speakers:/Moderator:, or a one-line list."""
    style = draw(st.integers(0, 3))
    entries = [
        f"{draw(person_name())}{draw(st.sampled_from([', ', ' , ', ',', ' — ', ' - ', ', the ']))}"
        f"{draw(st.sampled_from(TITLES))}{draw(st.sampled_from([' of ', ' of the ', ', ', ' at ']))}{draw(body_name())}"
        for _ in range(draw(st.integers(0, 4)))
    ]
    if style == 0:
        return entries
    if style == 1:
        head = draw(st.sampled_from(["Speakers:", "Speaker:", "Moderator:", "SPEAKERS:", "Participants:", "Moderator：", "Speakers"]))
        lines = [head] + [draw(st.sampled_from(["", "  ", "\t", "- ", "• "])) + e for e in entries]
        if draw(st.booleans()):
            lines += [draw(st.sampled_from(["Moderator:", "Moderator: " + draw(person_name())]))]
        return lines
    if style == 2:
        return ["; ".join(entries)] if entries else ["Speakers: "]
    return [draw(st.sampled_from(["Speakers:", "Moderator:"]))] + [draw(person_name()) for _ in range(draw(st.integers(0, 3)))]


@st.composite
def label(draw) -> str:
    """A speaker label of any style, with its colon (or spaces) and the space after, or not."""
    kind = draw(st.integers(0, 8))
    if kind == 0:
        text = draw(person_name()) + ":"
    elif kind == 1:
        text = f"{draw(st.sampled_from(HONORIFICS))} {draw(st.sampled_from(SURNAMES)).upper()}:"
    elif kind == 2:
        return "Q" + draw(st.sampled_from([" ", "  ", "    ", "\u00a0\u00a0\u00a0 ", "\t"]))
    elif kind == 3:
        text = draw(st.sampled_from(["Q:", "A:", "Q.", "A.", "Q：", "Question:", "Answer:"]))
    elif kind == 4:
        text = draw(st.sampled_from(OUTLETS)) + draw(st.sampled_from([":", " reporter:", "：", " (in English):"]))
    elif kind == 5:
        text = draw(st.sampled_from(ROLE_LABELS)) + ":"
    elif kind == 6:
        text = f"{draw(st.sampled_from(TITLES))} {draw(person_name())}:"
    elif kind == 7:
        text = f"{draw(st.sampled_from(HONORIFICS))} {draw(st.sampled_from(SURNAMES)).upper()}" + draw(st.sampled_from([":", ": ", ":  ", ":\u00a0"]))
        return text
    else:
        text = draw(st.sampled_from(CJK_NAMES)) + draw(st.sampled_from(["：", ":"]))
    return text + draw(st.sampled_from(["", " ", "  ", "\u00a0", "\t"]))


@st.composite
def number(draw) -> str:
    """A number with a unit and a scale word, in words or digits, sometimes malformed."""
    value = draw(
        st.one_of(
            st.integers(0, 10**15).map(str),
            st.integers(0, 10**9).map(lambda n: f"{n:,}"),
            st.floats(0, 1e6, allow_nan=False).map(lambda f: f"{f:.2f}"),
            st.sampled_from(["one", "two", "ten", "a dozen", "half", "1/2", "3.5.6", "1,2,3", "0.0", "-4", "+7", "1e9", "１２３", "٣", "Ⅻ", "99.9999999999999999"]),
        )
    )
    unit = draw(st.sampled_from(UNITS))
    scale = draw(st.sampled_from(SCALES))
    if unit == "$":
        return f"${value}{scale}"
    return f"{value}{scale} {unit}"


@st.composite
def date_text(draw) -> str:
    return draw(
        st.one_of(
            st.builds(lambda m, d, y: f"{m} {d}, {y}", st.sampled_from(MONTHS), st.integers(0, 40), st.integers(1, 3000)),
            st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32)),
            st.sampled_from(["in July", "first half of this year", "2021", "last year", "Q3 2022", "FY2024", "the 1990s", "2022年8月19日"]),
        )
    )


@st.composite
def sentence(draw) -> str:
    pieces = st.one_of(
        st.sampled_from(["the", "plan", "was", "drafted", "with", "and", "by", "we", "will", "announce", "rose", "fell", "to", "from", "in", ",", ".", "?", "--", "(inaudible)", "(crosstalk)"]),
        number(),
        date_text(),
        body_name(),
        person_name(),
        st.sampled_from(TITLES),
        st.sampled_from(["the Law on " + f for f in FIELDS] + ["Regulations on Water", "the 18th Congress", '"Clean" campaign']),
    )
    return " ".join(draw(st.lists(pieces, min_size=1, max_size=14)))


@st.composite
def front_matter(draw) -> str:
    if draw(st.integers(0, 2)):
        return ""
    fields = []
    if draw(st.booleans()):
        title = draw(st.sampled_from(["Briefing", 'Press Briefing by "Ana" Reyes', "title: nested", "Ana\\_Reyes, May 2,\\_2024", "", "'quoted'", "多语言 \u00e9"]))
        fields.append(f'title: "{title}"' if draw(st.booleans()) else f"title: {title}")
    if draw(st.booleans()):
        fields.append(f"date: {draw(st.sampled_from(['2024-05-02', chr(39) + '2021-03-04' + chr(39), '2024-13-45', 'tomorrow', '']))}")
    if draw(st.booleans()):
        fields.append(f"source_url: {draw(st.sampled_from(['https://example.org/x', 'not a url', 'https://example.org/a b<c>', 'javascript:alert(1)', '']))}")
    end = draw(st.sampled_from(["---\n", "---\n", "...\n", ""]))
    return "---\n" + "\n".join(fields) + "\n" + end


@st.composite
def header(draw) -> list[str]:
    lines = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(PLACES)))
    if draw(st.booleans()):
        h = draw(st.integers(0, 13))
        m = draw(st.integers(0, 61))
        lines.append(f"{h}:{m:02d} {draw(st.sampled_from(['P.M.', 'A.M.', 'p.m.', 'PM', '']))} {draw(st.sampled_from(['EDT', 'EST', 'CST', 'UTC', '', 'XYZ']))}".strip())
    if draw(st.booleans()):
        lines.append(draw(date_text()))
    return lines


@st.composite
def end_line(draw) -> list[str]:
    if draw(st.booleans()):
        return []
    h, m = draw(st.integers(0, 13)), draw(st.integers(0, 61))
    return [f"END {h}:{m:02d} {draw(st.sampled_from(['P.M.', 'A.M.', 'P.M. EDT', '']))}".strip()]


@st.composite
def turn(draw) -> list[str]:
    first = draw(label())
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return [first.rstrip()]  # a label with nothing after it
    if kind == 1:
        return [first, ""]
    paragraphs = [draw(sentence()) for _ in range(draw(st.integers(1, 3)))]
    lines = [first + paragraphs[0]] + [p for para in paragraphs[1:] for p in (draw(st.sampled_from(["", " "])), para)]
    return lines


@st.composite
def transcripts(draw, *, controls: bool = True) -> str:
    """A whole transcript as text, in some Unicode form, with odd characters and broken structure at times."""
    title = draw(
        st.one_of(
            st.builds(lambda a, b: f"Press Briefing by {a} and {b}", person_name(), person_name()),
            st.builds(lambda b, d: f"Press conference of the {b} | {d}", body_name(), date_text()),
            st.sampled_from(["", "Briefing", "   ", "PRESS BRIEFING BY PRESS SECRETARY ANA REYES"]),
        )
    )
    shape = draw(st.integers(0, 9))
    if shape == 0:  # only furniture
        lines = draw(st.lists(st.sampled_from(FURNITURE + [""]), min_size=1, max_size=8))
    else:
        lines = [title, ""] + draw(header()) + [""] + draw(roster()) + [""]
        for _ in range(draw(st.integers(0, 6))):
            lines += draw(turn())
            if draw(st.integers(0, 5)) == 0:
                lines.append(draw(st.sampled_from(FURNITURE)))
        lines += draw(end_line())
    if draw(st.integers(0, 7)) == 0:  # a very long line
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, " ".join([draw(sentence())] * draw(st.integers(20, 200))))
    if draw(st.integers(0, 5)) == 0:  # empty lines anywhere
        for _ in range(draw(st.integers(1, 5))):
            lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["", " ", "\t", "\u00a0"])))
    if draw(st.integers(0, 2)) == 0:
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        lines[i:i + 1] = [draw(sprinkle(line, controls=controls)) for line in lines[i:i + 1]]
    if draw(st.integers(0, 9)) == 0:
        lines.append(draw(st.text(max_size=40)))
    sep = draw(st.sampled_from(["\n", "\n", "\r\n", "\n\n", "\r"]))
    text = draw(front_matter()) + sep.join(lines)
    return _form(text, draw(st.sampled_from([None, None, *NORMAL_FORMS])))
