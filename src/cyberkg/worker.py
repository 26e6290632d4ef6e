"""What a map worker process loads before its first conference (see :func:`cyberkg.corpus._pool_context`).

Imported once by the server process that workers are forked from, so each
worker starts with cyberkg's modules, the shapes and the word lists in memory.
"""

from __future__ import annotations

from . import corpus, pipeline  # noqa: F401 - loaded for the workers
from .validate import load_ontology, load_shapes

load_shapes()
load_ontology()
