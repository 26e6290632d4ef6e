"""The competency questions: bundled queries that answer an analyst's questions, each on the sample or a fixture."""

from __future__ import annotations

import pytest

from cyberkg.parse import read_transcript
from cyberkg.pipeline import build_graph
from cyberkg.query import execute, load_data
from cyberkg.resources import bundled_query

from .conftest import ENTITY_FIXTURES
from .test_docs import readme_query_table

COMPETENCY = {
    # name: (what must be in the answer (column, value), the data it needs)
    "posts_held": ({"person": "Niu Yibing", "title": "vice minister", "body": "Cyberspace Administration of China", "date": "2022-08-19"}, "sample"),
    "measure_over_time": ({"measure": "internet users", "period": "2012", "value": "564000000", "unit": "people"}, "sample"),
    "laws_cited": ({"speaker": "Niu Yibing", "law": "Data Security Law", "turns": "1"}, "sample"),
    "questions_answered": ({"outlet": "Reuters", "answerer": "Gao Ruiming", "date": "2024-10-15"}, "fm-regular"),
    "speaking_time": ({"speaker": "Shou Xiaoli", "role": "moderator", "turns": "1"}, "sample"),
    "body_hierarchy": ({"unit": "Office of the Central Cyberspace Affairs Commission", "top": "Central Cyberspace Affairs Commission"}, "sample"),
    "named_together": ({"first": "Cybersecurity Law", "second": "Data Security Law"}, "sample"),
    "fines": ({"target": "Didi Global Inc", "amount": "8206000000", "currency": "CNY", "period": "2022-07"}, "sample"),
    "rankings": ({"rank": "2", "measure": "IPv6 addresses", "scope": "world"}, "sample"),
    "conferences": ({"date": "2022-08-19", "moderator": "Shou Xiaoli", "turns": "2", "figures": "27"}, "sample"),
    "where_named": ({"name": "Data Security Law", "words": "Data Security Law", "rule": "same name", "speaker": "Niu Yibing"}, "sample"),
    "unresolved": ({"words": "IPv6", "kind": "acronym"}, "sample"),
    "rejected": ({"turn": "1", "words": "22nd", "reason": "ordinal", "confidence": ""}, "sample"),
    "event_editions": ({"event": "CPC National Congress", "edition": "18"}, "sample"),
    "acronyms": ({"acronym": "CAC", "name": "Cyberspace Administration of China"}, "sample"),
}


@pytest.fixture(scope="module")
def stores(tmp_path_factory, sample_build):
    from cyberkg.export.rdf import serialize

    folder = tmp_path_factory.mktemp("cq")
    (folder / "sample.ttl").write_bytes(serialize(sample_build[1]))
    fm = build_graph([read_transcript(ENTITY_FIXTURES / "fm-regular" / "input.txt")])[1]
    (folder / "fm-regular.ttl").write_bytes(serialize(fm))
    return {name: load_data([folder / f"{name}.ttl"]) for name in ("sample", "fm-regular")}


def test_at_least_twelve_competency_questions_are_bundled_and_documented():
    documented = readme_query_table()
    assert len(COMPETENCY) >= 12
    assert set(COMPETENCY) <= set(documented)


@pytest.mark.parametrize("name", sorted(COMPETENCY))
def test_competency_question_answers(stores, name):
    expected, data = COMPETENCY[name]
    result = execute(stores[data], bundled_query(name).read_text(encoding="utf-8"))
    rows = [dict(zip(result.columns, row)) for row in result.texts()]
    assert rows, name
    assert any(all(row[k] == v for k, v in expected.items()) for row in rows), (name, rows[:5])


def test_a_measure_over_time_narrowed_by_a_parameter(stores):
    query = bundled_query("measure_over_time").read_text(encoding="utf-8")
    result = execute(stores["sample"], query, params={"measure": '"internet users"'})
    rows = [dict(zip(result.columns, row)) for row in result.texts()]
    assert [(r["period"], r["value"]) for r in rows] == [("2012", "564000000"), ("2021", "1030000000")]


def test_query_and_serve_help_name_every_bundled_query(capsys):
    from cyberkg.cli import main
    from cyberkg.resources import bundled_query_names

    for command in ("query", "serve"):
        assert main([command, "--help"]) == 0
        text = " ".join(capsys.readouterr().out.split())
        for name in bundled_query_names():
            assert name in text, (command, name)
