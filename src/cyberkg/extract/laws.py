"""Laws and regulations: named legal instruments.

"Water Resources Law", "River Navigation Treaty", "Regulations on the
Protection of X", "Measures for X". The words that end or open such names
are in ``data/law_heads.txt`` and ``data/law_openers.txt``.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import read_list, word_set
from .events import names_a_gathering
from .phrases import head_part


def is_law_name(words: list[str]) -> bool:
    """Tell whether capitalised ``words`` name a legal instrument.

    The head — the words before any "of/for/on" — ends in a law word, or is
    a single opener such as "Regulations" ("Regulations on X").

    >>> is_law_name("Water Resources Law".split()), is_law_name("Regulations on Water Safety".split())
    (True, True)
    >>> is_law_name("Convention for the Protection of Rivers".split()), is_law_name("Law Enforcement Bureau".split())
    (True, False)
    >>> is_law_name("State Administration for Market Regulation".split()), is_law_name(["Law"])
    (False, False)
    """
    if len(words) < 2:
        return False
    head = head_part(words)
    if not head:
        return False
    if names_a_gathering(head):
        return False  # "the Democratic National Convention": a gathering, an event
    if head[-1] in word_set("law_heads"):
        return True
    if "in" in words and words[-1] in word_set("law_heads") and all(w[:1].isupper() for w in words if w != "in"):
        return True  # "Justice in Policing Act", "Truth in Lending Act": "in" inside the name
    return len(head) == 1 and head[0] in word_set("law_openers") and len(words) > 2


@cache
def _country_suffix_re() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(s) for s in sorted(read_list("country_suffixes"), key=len, reverse=True))
    return re.compile(rf"\s+(?:{alternatives})$")


def short_law_name(name: str) -> str:
    """The name without the country it belongs to: the key laws are merged by.

    >>> short_law_name("Water Law of the People's Republic of China")
    'Water Law'
    """
    return _country_suffix_re().sub("", name)


_LAW_ON_RE = re.compile(r"^Law on (?:the )?(?P<what>.+?) of (?P<of>.+)$")


def law_key_name(name: str) -> str:
    """The name laws are merged by: no country, and "Law on the A of B" as "B A Law".

    >>> law_key_name("Law on the Prevention and Control of Water Pollution")
    'Water Pollution Prevention and Control Law'
    >>> law_key_name("Water Law of the People's Republic of China")
    'Water Law'
    """
    name = short_law_name(name)
    m = _LAW_ON_RE.match(name)
    return f"{m.group('of')} {m.group('what')} Law" if m else name
