"""Mint every instance IRI, in one place, from normalised keys.

IRIs are ``BASE + kind + "/" + slug``; the same key always gives the same IRI,
so builds are deterministic and entities merge across transcripts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from rdflib import URIRef

from .errors import UsageError
from .model import Span


def slug(key: str) -> str:
    """Turn a key into an IRI path segment: lower case, words joined by "-".

    Letters outside ASCII (Chinese names) are kept; IRIs allow them.

    >>> slug("Office of the Central  Commission (OCC)")
    'office-of-the-central-commission-occ'
    >>> slug("王毅")
    '王毅'
    """
    text = unicodedata.normalize("NFKC", key).casefold().replace("'", "").replace("’", "")
    parts = re.findall(r"\w+", text)
    return "-".join(parts) or "_"


def check_base(base: str) -> str:
    """Return ``base`` if it can prefix instance IRIs, else raise :class:`UsageError`.

    >>> check_base("https://example.org/kg/")
    'https://example.org/kg/'
    >>> check_base("example")
    Traceback (most recent call last):
    ...
    cyberkg.errors.UsageError: --base 'example' must be an absolute http(s) IRI ending in '/' or '#'
    >>> check_base("https://x/%zz/")
    Traceback (most recent call last):
    ...
    cyberkg.errors.UsageError: --base 'https://x/%zz/' is not a valid IRI (Invalid IRI percent encoding '%zz')
    """
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+[/#]", base):
        raise UsageError(f"--base {base!r} must be an absolute http(s) IRI ending in '/' or '#'")
    # The full RFC 3987 grammar, as the stores that load the graph apply it:
    # pyoxigraph's IRI parser (rdflib accepts any string).
    from pyoxigraph import NamedNode

    try:
        NamedNode(base + "x")
    except ValueError as exc:
        raise UsageError(f"--base {base!r} is not a valid IRI ({' '.join(str(exc).split())})") from None
    return base


@dataclass(frozen=True)
class Minter:
    """Mints instance IRIs under one base."""

    base: str

    def _iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    def transcript(self, sha256: str) -> URIRef:
        return self._iri("transcript", sha256[:16])

    def conference(self, key: str) -> URIRef:
        return self._iri("conference", _short(key))

    def turn(self, conference_key: str, order: int) -> URIRef:
        return self._iri("conference", _short(conference_key), "turn", str(order))

    def person(self, key: str) -> URIRef:
        return self._iri("person", slug(key))

    def organization(self, key: str) -> URIRef:
        return self._iri("org", _short(key))

    def post(self, key: str) -> URIRef:
        return self._iri("post", _short(key))

    def entity(self, kind: str, key: str) -> URIRef:
        """A law, document, campaign, event, company or media outlet."""
        return self._iri(kind, _short(key))

    def mention(self, sha256: str, span: Span, target: URIRef) -> URIRef:
        digest = hashlib.sha1(str(target).encode("utf-8")).hexdigest()[:8]
        return self._iri("mention", sha256[:16], f"{span.start}-{span.end}-{digest}")

    def role(self, title: str) -> URIRef:
        return self._iri("role", slug(title))

    def evidence(self, sha256: str, span: Span) -> URIRef:
        return self._iri("evidence", sha256[:16], f"{span.start}-{span.end}")

    def selector(self, sha256: str, span: Span, kind: str) -> URIRef:
        return self._iri("evidence", sha256[:16], f"{span.start}-{span.end}", kind)

    def unresolved(self, sha256: str, span: Span) -> URIRef:
        return self._iri("unresolved", sha256[:16], f"{span.start}-{span.end}")

    def rejected_candidate(self, sha256: str, span: Span) -> URIRef:
        """A number said in a turn that is not recorded as a figure."""
        return self._iri("rejected", sha256[:16], f"{span.start}-{span.end}")

    def figures(self, conference_key: str) -> URIRef:
        """The data set of the figures stated at a conference."""
        return self._iri("conference", _short(conference_key), "figures")

    def observation(self, sha256: str, span: Span) -> URIRef:
        return self._iri("figure", sha256[:16], f"{span.start}-{span.end}")

    def series(self, sha256: str, span: Span) -> URIRef:
        return self._iri("series", sha256[:16], f"{span.start}-{span.end}")

    def ranking(self, sha256: str, span: Span) -> URIRef:
        return self._iri("ranking", sha256[:16], f"{span.start}-{span.end}")

    def fine(self, sha256: str, span: Span) -> URIRef:
        return self._iri("fine", sha256[:16], f"{span.start}-{span.end}")

    def measure(self, key: str) -> URIRef:
        return self._iri("measure", _short(key))

    def count_unit(self, key: str) -> URIRef:
        """The unit counting a named thing, such as ``…/unit/website``."""
        return self._iri("unit", _short(key))

    def period(self, label: str) -> URIRef:
        return self._iri("period", slug(label))

    def merge(self, node: str) -> URIRef:
        """The record of a node stated by several conferences and merged by key."""
        return self._iri("merge", _short(node.removeprefix(self.base)))

    def validation_report(self) -> URIRef:
        return self._iri("validation")

    def validation_result(self, n: int) -> URIRef:
        return self._iri("validation", f"result-{n}")


def _short(key: str) -> str:
    """A readable slug, cut and suffixed with a digest when the key is long.

    >>> _short("a b")
    'a-b'
    >>> len(_short("word " * 40)) <= 72
    True
    """
    s = slug(key)
    if len(s) <= 60:
        return s
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return s[:60].rstrip("-") + "-" + digest
