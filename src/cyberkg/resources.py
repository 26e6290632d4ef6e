"""Files that ship with cyberkg: ontology, shapes, bundled queries and sample."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

#: The transcript ``cyberkg build`` reads when given no input.
SAMPLE = "scio-2022-08-19-cyberspace-p1.txt"


def _top_level(folder: str) -> Traversable:
    """The repository's top-level ``ontology/`` or ``shapes/`` folder.

    Wheels carry them as ``cyberkg/ontology`` and ``cyberkg/shapes``; an
    editable install from a checkout reads them where they stand.
    """
    packaged = files("cyberkg") / folder
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / folder


def _turtle_files(folder: str) -> tuple[Traversable, ...]:
    return tuple(sorted((p for p in _top_level(folder).iterdir() if p.name.endswith(".ttl")), key=lambda p: p.name))


def ontology_files() -> tuple[Traversable, ...]:
    """Every module of the ontology (``ontology/*.ttl``), ``cyberkg.ttl`` among them."""
    return _turtle_files("ontology")


def shapes_files() -> tuple[Traversable, ...]:
    """Every file of SHACL shapes (``shapes/*.ttl``)."""
    return _turtle_files("shapes")


def sample_file() -> Traversable:
    return files("cyberkg") / "samples" / SAMPLE


def bundled_query(name: str) -> Traversable:
    return files("cyberkg") / "queries" / f"{name}.rq"


def bundled_query_names() -> tuple[str, ...]:
    folder = files("cyberkg") / "queries"
    return tuple(sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq")))
