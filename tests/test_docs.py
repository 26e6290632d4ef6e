"""The README and the code agree (datasette-style documentation tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph

from cyberkg.resources import bundled_query, bundled_query_names

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def readme_query_table() -> dict[str, list[str]]:
    rows = re.findall(r"^\| `(\w+)` \| ([a-z, ]+) \|$", README, flags=re.M)
    return {name: [c.strip() for c in cols.split(",")] for name, cols in rows}


def test_readme_lists_every_bundled_query_with_its_columns():
    documented = readme_query_table()
    assert set(documented) == set(bundled_query_names())
    for name, columns in documented.items():
        result = pyoxigraph.Store().query(bundled_query(name).read_text(encoding="utf-8"))
        assert [v.value for v in result.variables] == columns, name


def test_readme_gives_the_two_commands_and_ci_runs_the_test_command():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)
    assert "python -m pip install -e . && cyberkg build" in blocks
    test_command = "python -m pip install -e '.[test]' && python -m pytest"
    assert test_command in blocks
    ci = (Path(__file__).parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1] == test_command


def test_readme_turtle_examples_are_valid_turtle():
    blocks = re.findall(r"```turtle\n(.*?)\n```", README, flags=re.S)
    assert blocks
    for block in blocks:
        store = pyoxigraph.Store()
        store.load(block.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
        assert len(store) > 5


def test_readme_lists_the_exit_codes_the_cli_uses():
    from cyberkg import cli

    for code in (
        cli.EXIT_OK, cli.EXIT_VIOLATIONS, cli.EXIT_USAGE, cli.EXIT_REJECTED, cli.EXIT_WRITE,
        cli.EXIT_REFUSED, cli.EXIT_INTERNAL, cli.EXIT_TERMINATED,
    ):  # fmt: skip
        assert re.search(rf"^\| {code} \| ", README, flags=re.M), code
