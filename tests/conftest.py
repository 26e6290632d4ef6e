"""Shared fixtures: the sample, the hand-written fixture transcripts, built graphs.

Run ``pytest --update-golden`` to rewrite the golden graphs from the current
code (then review the diff before committing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from cyberkg.parse import parse_bytes, read_transcript
from cyberkg.pipeline import build_graph
from cyberkg.resources import SAMPLE, sample_file

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
ENTITY_FIXTURES = TESTS / "fixtures_entities"
FIGURE_FIXTURES = TESTS / "fixtures_figures"
GOLDEN = TESTS / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden graphs from the current output")


@dataclass(frozen=True)
class FixtureCase:
    name: str
    input: Path
    expected: dict


def fixture_cases() -> list[FixtureCase]:
    """Every folder under tests/fixtures with an input.txt and an expected.json."""
    cases = []
    for folder in sorted(FIXTURES.iterdir()):
        if (folder / "input.txt").is_file() and (folder / "expected.json").is_file():
            expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
            cases.append(FixtureCase(folder.name, folder / "input.txt", expected))
    return cases


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def sample_text() -> str:
    return sample_file().read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_transcript():
    return parse_bytes(sample_file().read_bytes(), name=SAMPLE)


@pytest.fixture(scope="session")
def sample_build(sample_transcript):
    """(conferences, graph) of the bundled sample."""
    return build_graph([sample_transcript])


@pytest.fixture(scope="session")
def all_builds(sample_transcript):
    """(texts by SHA-256, graph) for the sample and every fixture transcript (pages built together)."""
    groups = [[sample_transcript]]
    groups += [[read_transcript(case.input)] for case in fixture_cases()]
    groups += [[read_transcript(path)] for path in sorted(FIGURE_FIXTURES.glob("*/input.txt"))]
    for folder in sorted(ENTITY_FIXTURES.iterdir()):
        if (folder / "expected.json").is_file():
            pages = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["pages"]
            groups.append([read_transcript(folder / page) for page in pages])
    return [({t.source.sha256: t.text for t in pages}, build_graph(pages, one_conference=True)[1]) for pages in groups]
