"""Take the README's screenshot of the explorer: ``python -m tests.screenshot docs/explorer.png``.

Builds the sample's views, opens the explorer in headless Chromium, selects
a speaker and saves the page as PNG.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from cyberkg.export.bundle import default_views
from cyberkg.parse import parse_bytes
from cyberkg.pipeline import build_graph
from cyberkg.resources import SAMPLE, sample_file

from .browser import Browser, find_chromium


def main(target: str) -> int:
    graph = build_graph([parse_bytes(sample_file().read_bytes(), name=SAMPLE)])[1]
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "explorer.html"
        page.write_bytes(dict(default_views(graph).files)["explorer.html"])
        executable = find_chromium()
        if executable is None:
            print("no Chromium found (apt-get install chromium)", file=sys.stderr)
            return 1
        browser = Browser(executable, width=1400, height=860)
        try:
            browser.open(page.as_uri())
            browser.evaluate("document.getElementById('search').focus()")
            browser.type_text("Niu")
            browser.press_enter()
            browser.settle(1.0)
            browser.evaluate("document.getElementById('search').blur()")
            Path(target).write_bytes(browser.screenshot())
        finally:
            browser.close()
    print(f"Wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/explorer.png"))
