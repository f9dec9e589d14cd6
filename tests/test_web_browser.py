"""The web explorer in a real browser: Debian's Chromium driven by Playwright for Python (launched by its
executable path; nothing downloads a browser), against ``comity serve``'s app on 127.0.0.1 over the
store that ``test_web_api`` codes. One server and one browser for the module; screenshots go to
``out/test-artefacts/web/``.

Clicks through network → dyad → period → evidence → article; loads the speaker and search views;
shows that script tags and event handlers inside an article's text never run."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from test_web_api import ROOT, stored_id, web_store

CHROMIUM = Path(os.environ.get("COMITY_CHROMIUM", "/usr/bin/chromium"))
ARTEFACTS = ROOT / "out" / "test-artefacts" / "web"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT_MS = 15_000

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (make test installs it)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """``comity serve``'s app in a thread on 127.0.0.1, stopped (bounded wait) after the module."""
    import uvicorn

    from comity.web.app import create_app

    port = free_port()
    app = create_app(web_store())
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    run = uvicorn.Server(config)
    thread = threading.Thread(target=run.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not run.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    run.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=30_000)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server: str):
    """A fresh page whose script errors, dialogs and blocked resources are recorded in ``page.seen``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server,
                                  accept_downloads=True)
    opened = context.new_page()
    opened.set_default_timeout(WAIT_MS)
    opened.seen = {"errors": [], "dialogs": [], "console": []}
    opened.on("pageerror", lambda error: opened.seen["errors"].append(str(error)))
    opened.on("console", lambda message: opened.seen["console"].append(message.text))

    def dialog(d) -> None:
        opened.seen["dialogs"].append(d.message)
        d.dismiss()

    opened.on("dialog", dialog)
    yield opened
    context.close()


def shot(page, name: str, whole: bool = False) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=whole)
    assert path.stat().st_size > 10_000
    return path


def point_on(page, selector: str) -> tuple[float, float]:
    """A point on an SVG path (its middle, or near it) where a click reaches that path's link, in page
    coordinates: a curve's box centre is off the curve, and a node may sit on the curve's middle."""
    found = page.evaluate("""selector => {
        const path = document.querySelector(selector), link = path.closest("a");
        for (const share of [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74]) {
            const at = path.getPointAtLength(path.getTotalLength() * share);
            const point = path.ownerSVGElement.createSVGPoint();
            point.x = at.x; point.y = at.y;
            const screen = point.matrixTransform(path.getScreenCTM());
            const hit = document.elementFromPoint(screen.x, screen.y);
            if (hit && hit.closest("a") === link) return [screen.x, screen.y];
        }
        return null;
    }""", selector)
    assert found, f"no point of {selector} can be clicked"
    return tuple(found)


def test_click_through_network_dyad_period_evidence_article(page) -> None:
    page.goto("/")
    page.wait_for_selector("#network svg a.edge")
    assert page.locator("#network a.node").count() >= 5
    labels = page.locator("#network a.node text").all_text_contents()
    assert {"JPN", "AUS", "CHN", "RUS"} <= set(labels)
    assert page.locator("#edges tbody tr").count() == page.locator("#network a.edge").count()
    shot(page, "network")

    page.locator("#network").scroll_into_view_if_needed()
    page.mouse.click(*point_on(page, 'a.edge[data-actor="CHN"][data-recipient="RUS"] path.line'))
    page.wait_for_url("**/dyad/CHN/RUS")
    page.wait_for_selector("#ties svg rect.period")
    assert "China" in page.locator("h1").inner_text() and "Russia" in page.locator("h1").inner_text()
    assert page.locator("#ties svg g[aria-label='bar'] rect").count() >= 3
    assert page.locator("#scale svg").count() == 1

    page.locator('rect.period[data-period="2025-03"]').click()
    page.wait_for_selector("#evidence-list li blockquote")
    assert page.locator("#period-label").inner_text() == "2025-03"
    items = page.locator("#evidence-list li")
    assert "Lavrov" in items.first.inner_text() and "example." in items.first.inner_text()
    assert "published 2025-03-12" in items.first.inner_text()
    folded = page.locator("#evidence-list details.reports")  # the talks, reported by two outlets
    assert folded.count() >= 1 and "2 reports in 2 articles, 2 sources" in folded.first.inner_text()
    folded.first.locator("summary").click()
    assert "Lavrov" in folded.first.locator("blockquote").first.inner_text()
    shot(page, "dyad", whole=True)

    items.first.locator("a", has_text="Wang Yi and Lavrov meet").click()
    page.wait_for_url("**/article/*")
    assert page.locator("h1").inner_text() == "Wang Yi and Lavrov meet"
    assert page.locator("#article-text .m-trigger").count() >= 1
    assert page.locator("#article-text .m-actor").count() >= 4
    assert page.locator("#events li").count() >= 2
    assert not page.seen["errors"], page.seen["errors"]


def test_the_demo_article_marks_actors_events_quotes_times_and_figures(page, server: str) -> None:
    page.goto(f"/article/{stored_id(web_store(), 'Japan')}")
    text = page.locator("#article-text")
    for kind in ("actor", "event", "trigger", "quote", "time", "figure"):
        assert text.locator(f".m-{kind}").count() >= 1, kind
    quote = text.locator(".m-quote", has_text="This is not an alliance on paper").first
    assert "speaker: Kenji Moriyama" in quote.get_attribute("title")
    quote.hover()
    assert page.locator("li.lit").count() == 1  # the quote's record beside the text lights up
    shot(page, "article")


def test_script_tags_and_event_handlers_in_article_text_never_run(page) -> None:
    hostile = stored_id(web_store(), "Sanctions")
    views = [f"/article/{hostile}", "/dyad/DEU/RUS", "/search?actor=RUS",
             f"/speaker?name={quote('Annalena Baerbock')}"]
    for url in views:
        response = page.goto(url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        if url.startswith("/dyad/"):
            page.wait_for_selector("rect.period")  # its script has drawn the series
        assert page.evaluate("() => window.__xss") is None, url
        assert page.title() != "owned" and page.locator("script:not([src])").count() == 0
        assert page.locator("main img").count() == 0
    page.goto("/dyad/RUS/DEU")
    page.wait_for_selector("rect.period")
    page.locator("rect.period").first.click()  # the evidence sentence holds the script tag: drawn as text
    page.wait_for_selector("#evidence-list blockquote")
    assert "<script>window.__xss = 1" in page.locator("#evidence-list").inner_text()
    page.goto(f"/article/{hostile}")
    assert "<script>window.__xss = 1" in page.locator("#article-text").inner_text()
    assert "onerror='window.__xss = 2'" in page.locator("#article-text").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("() => window.__xss") is None
    assert not page.seen["dialogs"] and not page.seen["errors"]
    shot(page, "hostile-article")


def test_the_speaker_view_search_profile_and_quotes_over_time(page) -> None:
    page.goto("/speakers")
    page.fill("input[name=q]", "Moriya")
    page.click("form.filters button")
    page.wait_for_url("**/speakers?q=Moriya")
    page.click("#speaker-list a:has-text('Kenji Moriyama')")
    page.wait_for_selector("#speaker-chart svg")
    profile = page.locator("dl.profile").inner_text()
    assert "Senior Vice-Minister" in profile and "Defense" in profile and "JPN" in profile
    assert page.locator("#speaker-quotes li").count() >= 2
    shot(page, "speaker")


def test_the_event_search_and_its_csv_download(page, tmp_path: Path) -> None:
    page.goto("/search")
    page.fill("input[name=actor]", "CHN")
    page.select_option("select[name=type]", "SANCTION")
    page.click("form.filters button")
    page.wait_for_url("**/search?*actor=CHN*")
    rows = page.locator("#results tbody tr")
    assert rows.count() >= 1 and all("SANCTION" in r for r in rows.all_inner_texts())
    with page.expect_download() as caught:
        page.click("#download-csv")
    saved = tmp_path / "events.csv"
    caught.value.save_as(saved)
    lines = saved.read_text(encoding="utf-8").strip().splitlines()
    assert len(lines) == rows.count() + 1 and lines[0].startswith("event_id,")
    shot(page, "search")


def test_an_unknown_actor_shows_a_404_page(page) -> None:
    response = page.goto("/dyad/XXX/RUS")
    assert response.status == 404
    assert "No stored event has the actor" in page.locator(".message").inner_text()
