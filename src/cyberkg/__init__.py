"""cyberkg: press-conference transcripts → a validated RDF knowledge graph.

>>> from cyberkg import parse_transcript
>>> t = parse_transcript("Briefing on rivers\\n\\nZhao Lan:\\nGood morning.\\n")
>>> [(turn.label.text, turn.paragraphs[0].text) for turn in t.turns]
[('Zhao Lan', 'Good morning.')]
"""

from __future__ import annotations

from .errors import CyberkgError, InputError, QueryError, UsageError
from .model import Span, Transcript
from .parse import parse_transcript, read_transcript
from .pipeline import build, build_graph
from .resolve import resolve

__version__ = "0.1.0"

__all__ = [
    "CyberkgError",
    "InputError",
    "QueryError",
    "Span",
    "Transcript",
    "UsageError",
    "__version__",
    "build",
    "build_graph",
    "parse_transcript",
    "read_transcript",
    "resolve",
]
