"""The dashboard in a real browser: Debian's chromium driven by Playwright, against a server on
127.0.0.1. Skips without chromium on a user's machine; under CI=true it must run."""
import json
import os
import shutil
import socket
import threading
import time

import pytest

from parley.cli import main

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    exe = shutil.which("chromium")
    if not exe:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("chromium is missing under CI (.ci/run installs Debian's chromium)")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    return exe


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from parley.web import create_app

    d = tmp_path_factory.mktemp("browser")
    demo = os.path.join(os.path.dirname(__file__), "..", "parley", "data", "demo", "wikinews-demo.jsonl")
    src = d / "demo5.jsonl"
    with open(demo, encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
        for line in list(fh)[:5]:
            out.write(json.dumps(json.loads(line)) + "\n")
    db = str(d / "p.duckdb")
    assert main(["ingest", str(src), "--db", db, "--quiet"]) == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", d
    srv.should_exit = True
    t.join(timeout=5)


def test_dashboard_navigation_in_chromium(server):
    exe = _chromium()
    from playwright.sync_api import sync_playwright

    base, d = server
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=FLAGS)
        page = browser.new_page()
        page.goto(base + "/")
        assert page.locator("h1").first.inner_text() == "Overview"
        assert "5" in page.locator(".stats div").first.inner_text()
        page.click("text=Events")
        page.wait_for_url(base + "/events")
        assert page.locator("h1").first.inner_text().startswith("Events")
        page.click("text=Positions")
        page.fill("input[name=at]", "2020-12-31")
        page.click("button")
        page.wait_for_url("**/positions?at=2020-12-31**")
        page.screenshot(path=str(d / "positions.png"))
        browser.close()
    assert (d / "positions.png").stat().st_size > 1000
