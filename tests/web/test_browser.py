"""In a real browser: Playwright driving Debian's Chromium (`apt-get install chromium`) against a
live server on 127.0.0.1. Skipped where Chromium or Playwright is absent. With
ONRECORD_SCREENSHOTS=DIR the article and person pages are saved there as PNG (docs/ holds the
README's)."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from onrecord.web import create_app

from .conftest import PASSWORD, XSS_QUOTE, XSS_TITLE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed (apt-get install chromium)")]


@pytest.fixture
def server(ledger):
    import uvicorn
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(ledger[0], secret="browser"), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", ledger[1]
    srv.should_exit = True
    thread.join(10)


@pytest.fixture
def page():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1100, "height": 900})
        errors: list[str] = []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.errors = errors
        yield pg
        browser.close()


def _shot(page, name: str) -> None:
    folder = os.environ.get("ONRECORD_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name), full_page=True)


def _resolve(page, base: str, fid: int, outcome: str, evidence: str, on: str) -> None:
    page.goto(f"{base}/forecasts/{fid}")
    page.check(f"input[name=outcome][value={outcome}]")
    page.fill("input[name=evidence]", evidence)
    page.fill("input[name=on]", on)
    page.click("form.resolve button")
    page.wait_for_selector("ol.history .badge.status")


def _sign_in(page, base: str) -> None:
    page.goto(base + "/login")
    page.fill("input[name=name]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button")
    page.wait_for_selector("span.me")


def test_article_page_shows_a_highlighted_quote_with_its_speaker(server, page):
    base, ids = server
    page.goto(f"{base}/articles/{ids['port']}")
    quote = page.locator("article.text span.quote.speech").first
    assert quote.inner_text() == "Prices will fall within a year"
    assert quote.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    who = page.locator("article.text a.badge.who").first
    assert who.inner_text() == "Mara Quist"
    who.click()
    page.wait_for_url(f"**/people/{ids['quist']}")
    assert page.locator("h1").inner_text() == "Mara Quist"
    assert page.errors == []


def test_editor_resolves_a_forecast_and_the_score_and_plot_appear(server, page):
    base, ids = server
    page.goto(f"{base}/people/{ids['quist']}")
    assert "No resolved forecast yet" in page.content() and page.locator("svg.calibration").count() == 0
    _sign_in(page, base)
    for fid, outcome in ((ids["forecasts"][1], "no"), (ids["forecasts"][0], "yes")):
        _resolve(page, base, fid, outcome, "https://news.example/later", "2024-07-01")
    page.goto(f"{base}/people/{ids['quist']}")
    assert page.locator("dl.score dd").first.inner_text() == "0.080"
    plot = page.locator("svg.calibration")
    assert plot.is_visible() and plot.locator("circle.bin").count() == 2 and plot.locator("line.diagonal").count() == 1
    assert page.errors == []


def test_a_form_posted_without_its_csrf_token_is_refused(server, page):
    base, ids = server
    _sign_in(page, base)
    page.goto(f"{base}/forecasts/{ids['forecasts'][1]}")
    page.evaluate("document.querySelector('form.resolve input[name=csrf]').remove()")
    page.check("input[name=outcome][value=no]")
    page.fill("input[name=evidence]", "forged")
    page.click("form.resolve button")
    page.wait_for_load_state()
    assert "CSRF token is missing" in page.content()
    page.goto(f"{base}/forecasts/{ids['forecasts'][1]}")
    assert "not resolved" in page.content()


def test_xss_payloads_in_an_article_show_as_text(server, page):
    base, ids = server
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base}/articles/{ids['xss']}")
    assert page.locator("h1").inner_text() == XSS_TITLE
    assert XSS_QUOTE in page.locator("article.text").inner_text()
    assert page.locator("article.text img").count() == 0 and page.locator("main script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert dialogs == []


def test_walkthrough_on_the_bundled_example(tmp_path, page, nlp):
    """The README's screenshots: the bundled made-up article, analysed, with Teresa Malvik's two
    forecasts resolved by an editor in the browser."""
    import uvicorn

    from onrecord.ledger import store
    from onrecord.ledger.db import open_ledger
    from onrecord.ledger.ingest import ingest
    from onrecord.web import users

    root = Path(__file__).resolve().parents[2]
    db = str(tmp_path / "walkthrough.db")
    ingest([str(root / "examples" / "harbour-strike-outlook.txt")], db, published="2024-03-06")
    with open_ledger(db).begin() as s:
        users.add(s, "editor", PASSWORD)
    with open_ledger(db)() as s:
        malvik = [r for r in store.forecasts(s) if r["owner"] == "Teresa Malvik"]
    assert len(malvik) >= 2
    malvik = malvik[:2]  # two resolutions in two probability bins
    with socket.socket() as so:
        so.bind(("127.0.0.1", 0))
        port = so.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db, secret="walk"), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    try:
        page.goto(f"{base}/articles/1")
        assert page.locator("article.text span.quote").count() >= 4
        assert "Teresa Malvik" in page.locator("article.text a.badge.who").all_inner_texts()
        _shot(page, "article.png")
        _sign_in(page, base)
        for row, outcome in zip(malvik, ("no", "yes")):
            _resolve(page, base, row["id"], outcome, "https://news.example/valmora-port-reopens", "2024-12-31")
        page.goto(f"{base}/people/{malvik[0]['owner_id']}")
        assert page.locator("svg.calibration circle.bin").count() == 2
        _shot(page, "person.png")
    finally:
        srv.should_exit = True
        thread.join(10)
