"""The explorer in a real browser: headless Chromium over the DevTools protocol.

Skipped when no Chromium is installed, except in CI (``CI=true``), where a
missing browser fails the run: ``.ci/run`` installs Debian's ``chromium``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cyberkg.export.bundle import default_views, render_view
from cyberkg.export.viewmodel import NodeKind, ViewKind
from cyberkg.export.views import project
from cyberkg.parse import parse_transcript, read_transcript
from cyberkg.pipeline import build_graph

from .browser import Browser, colour_census, find_chromium, in_ci
from .synthetic import big_transcript

pytestmark = pytest.mark.browser

VIEW_FIXTURES = Path(__file__).parent / "fixtures_views"


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        if in_ci():
            pytest.fail("Chromium is not installed, and CI must run the browser tests (.ci/run installs Debian's chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    pytest.importorskip("websocket", reason="websocket-client is in the test extra")
    b = Browser(executable)
    yield b
    b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory, sample_build):
    """Explorer pages: the sample's (every view), the injection fixture's, a Chinese one, and a big one."""
    folder = tmp_path_factory.mktemp("explorer")
    out = {}
    out["sample"] = folder / "sample.html"
    out["sample"].write_bytes(dict(default_views(sample_build[1]).files)["explorer.html"])
    for name in ("injection", "cjk"):
        graph = build_graph([read_transcript(VIEW_FIXTURES / name / "input.txt")])[1]
        out[name] = folder / f"{name}.html"
        out[name].write_bytes(dict(default_views(graph).files)["explorer.html"])
    big = build_graph([parse_transcript(big_transcript(400), name="big.txt")])[1]
    out["big"] = folder / "big.html"
    out["big"].write_bytes(render_view(big, "entities", "html"))
    return out


def _open(browser: Browser, page: Path) -> None:
    browser.events.clear()
    browser.open(page.as_uri())
    browser.settle(0.4)


def _node_point(browser: Browser, label: str) -> tuple[float, float]:
    """Where on screen the node labelled ``label`` is drawn."""
    return tuple(
        browser.evaluate(
            "(function (label) {"
            " var cy = cyberkgExplorer.cy();"
            " var node = cy.nodes().filter(function (n) { return n.data('label') === label; })[0];"
            " var p = node.renderedPosition(); var r = document.getElementById('graph').getBoundingClientRect();"
            " return [p.x + r.left, p.y + r.top]; })(" + _js_string(label) + ")"
        )
    )


def _js_string(text: str) -> str:
    import json

    return json.dumps(text)


def _details(browser: Browser) -> str:
    return browser.evaluate("document.getElementById('details').textContent")


def test_explorer_browser_sample_renders_without_errors(browser, pages, tmp_path, sample_build):
    _open(browser, pages["sample"])
    assert browser.errors() == []
    assert browser.dialogs() == []
    assert browser.requests() == [pages["sample"].as_uri()]  # nothing fetched but the page itself
    png = browser.screenshot()
    (tmp_path / "explorer.png").write_bytes(png)
    box = browser.evaluate("(function () { var r = document.getElementById('graph').getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom].map(Math.round); })()")
    colours, drawn = colour_census(png, tuple(box))
    assert colours > 50 and drawn > 0.02, (colours, drawn)
    expected = len(project(sample_build[1], ViewKind.ENTITIES).nodes)
    assert browser.evaluate("cyberkgExplorer.cy().nodes().length") == expected
    assert f"{expected} nodes" in browser.evaluate("document.getElementById('counts').textContent")


def test_explorer_browser_search_finds_a_person(browser, pages):
    _open(browser, pages["sample"])
    browser.evaluate("document.getElementById('search').focus()")
    browser.type_text("niu")
    browser.settle(0.2)
    assert "Niu Yibing" in browser.evaluate("document.getElementById('results').textContent")
    browser.press_enter()
    browser.settle(0.5)
    details = _details(browser)
    assert details.startswith("Niu Yibing") and "Evidence (" in details and "Mr. Niu Yibing" in details
    assert browser.evaluate("cyberkgExplorer.cy().$(':selected').data('label')") == "Niu Yibing"
    assert browser.errors() == []


def test_explorer_browser_click_shows_properties_and_evidence(browser, pages):
    _open(browser, pages["sample"])
    x, y = _node_point(browser, "Cyberspace Administration of China")
    browser.click(x, y)
    browser.settle(0.3)
    details = _details(browser)
    assert details.startswith("Cyberspace Administration of China")
    assert "ckg:acronym" in details and "CAC" in details and "Evidence (" in details and "characters" in details


def test_explorer_browser_filter_and_view_switch(browser, pages, sample_build):
    view = project(sample_build[1], ViewKind.ENTITIES)
    not_bodies = len([n for n in view.nodes if n.kind is not NodeKind.BODY])
    _open(browser, pages["sample"])
    browser.evaluate("document.querySelector('#node-kinds input[data-kind=\"body\"]').click()")
    browser.settle(0.2)
    assert browser.evaluate("cyberkgExplorer.cy().nodes().filter(function (n) { return n.visible(); }).length") == not_bodies
    browser.evaluate("var s = document.getElementById('view-select'); s.value = '1'; s.dispatchEvent(new Event('change'))")
    browser.settle(0.3)
    assert browser.evaluate("cyberkgExplorer.cy().nodes('[kind = \"post\"]').length") == 11  # ten held by participants, one by a mentioned person
    assert browser.errors() == []


def test_explorer_browser_injected_names_run_nothing(browser, pages):
    _open(browser, pages["injection"])
    browser.evaluate("document.getElementById('search').focus()")
    browser.type_text("script")
    browser.settle(0.2)
    results = browser.evaluate("document.getElementById('results').textContent")
    assert "<script>alert(1)</script>" in results  # shown as text
    browser.press_enter()
    browser.settle(0.4)
    assert "<script>alert(1)</script>" in _details(browser)
    browser.evaluate("document.getElementById('fit').click()")
    browser.settle(0.4)
    x, y = _node_point(browser, 'Office of "><img src=x onerror=alert(1)> Studies')
    browser.click(x, y)
    browser.settle(0.4)
    assert '"><img src=x onerror=alert(1)>' in _details(browser)
    for view in range(4):  # every view draws the same names
        browser.evaluate(f"cyberkgExplorer.showView({view})")
        browser.settle(0.2)
    assert browser.dialogs() == []
    assert browser.evaluate("document.getElementsByTagName('img').length") == 0
    assert browser.evaluate("document.scripts.length") == 3
    assert browser.errors() == []
    assert browser.requests() == [pages["injection"].as_uri()]


def test_explorer_browser_chinese_names(browser, pages):
    _open(browser, pages["cjk"])
    browser.evaluate("document.getElementById('search').focus()")
    browser.type_text("王小明")
    browser.press_enter()
    browser.settle(0.3)
    assert _details(browser).startswith("王小明")
    assert browser.errors() == []


def test_explorer_browser_big_graph_is_usable(browser, pages):
    _open(browser, pages["big"])
    assert browser.evaluate("cyberkgExplorer.cy().nodes().length") >= 500
    # Zoomed out, labels give way so the graph stays readable; a search still finds anyone.
    browser.evaluate("document.getElementById('search').focus()")
    browser.type_text("Lin Aoran")
    browser.press_enter()
    browser.settle(0.5)
    assert _details(browser).startswith("Lin Aoran")
    png = browser.screenshot()
    colours, drawn = colour_census(png)
    assert colours > 50 and drawn > 0.05
    assert browser.errors() == []
