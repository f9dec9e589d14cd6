"""The web explorer's speed: every view and API call of ``comity serve`` timed on a store of real
articles, against the same questions asked of :class:`comity.Corpus` directly (the baseline: what
the CLI's ``comity network`` / ``ties`` / ``events`` pay).

The store is built once (kept at ``--db``) from the first ``--articles`` international articles
(every section but US politics) of ``../shared/data/news/corpus.jsonl.gz``; later runs reuse it.
Each request runs ``--repeat`` times through the app in process (Starlette's test client, no
network); the median and the worst are reported. Budget: every view under 300 ms.

    python benchmarks/web.py [--db /tmp/comity-web-bench.duckdb] [--articles 500] [--repeat 7]
                             [--screenshots out/bench]    # needs /usr/bin/chromium
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "news" / "corpus.jsonl.gz"
BUDGET_MS = 300.0


def articles(count: int) -> Iterator:
    """The first ``count`` articles of the shared corpus outside the US politics section."""
    from comity.records import Article
    from comity.text.normalize import as_date

    taken = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("section") == "politics":
                continue
            yield Article(id=record["id"], text=record["text"], title=record.get("title"),
                          url=record.get("url"), published=as_date(record.get("published")),
                          source=f"corpus.jsonl.gz:{record['id']}")
            taken += 1
            if taken >= count:
                return


def build(db: Path, count: int) -> None:
    """Code and store ``count`` corpus articles in ``db`` (skipped when it holds that many)."""
    from comity.corpus.corpus import Corpus

    if db.exists():
        with Corpus(db, read_only=True) as corpus:
            if corpus.counts()["articles"] >= count:
                return
    start = time.perf_counter()
    with Corpus(db) as corpus:
        summary = corpus.ingest_items(articles(count))
    print(f"built {db}: {summary} in {time.perf_counter() - start:.0f} s", file=sys.stderr)


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and worst wall time of ``run`` in milliseconds (after one warm-up call)."""
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def busiest(corpus) -> tuple[str, str, str, str, str]:
    """The busiest dyad, its busiest month, an article of it, and the most quoted speaker."""
    top = corpus.network(limit=1).iloc[0]
    a, b = str(top["actor"]), str(top["recipient"])
    ties = corpus.ties(a, b, by="month")
    month = str(ties.sort_values("events", ascending=False).iloc[0]["period"])
    article = str(corpus.evidence(a, b, by="month", period=month).iloc[0]["article_id"])
    speaker = str(corpus.quotes()["speaker"].dropna().value_counts().index[0])
    return a, b, month, article, speaker


def views(a: str, b: str, month: str, article: str, speaker: str) -> list[tuple[str, list[str]]]:
    """Each view and the requests its page makes (the page, then the API calls its script sends)."""
    from urllib.parse import quote

    s = quote(speaker)
    return [
        ("network", ["/", "/api/network?limit=60"]),
        ("dyad", [f"/dyad/{a}/{b}", f"/api/ties/{a}/{b}?by=month"]),
        ("dyad: click a period", [f"/api/evidence/{a}/{b}?by=month&period={month}"]),
        ("article", [f"/article/{article}"]),
        ("speaker", [f"/speaker?name={s}", f"/api/speaker?name={s}"]),
        ("speaker search", [f"/speakers?q={quote(speaker[:4])}"]),
        ("speakers, most quoted", ["/speakers"]),
        ("event search", [f"/search?actor={a}"]),
        ("event search: CSV", [f"/api/events.csv?actor={a}"]),
    ]


def baseline(corpus, a: str, b: str, month: str) -> list[tuple[str, Callable[[], object]]]:
    return [
        ("Corpus.network(limit=60)", lambda: corpus.network(limit=60)),
        ("Corpus.ties(a, b)", lambda: corpus.ties(a, b, by="month")),
        ("Corpus.evidence(a, b, month)", lambda: corpus.evidence(a, b, by="month", period=month)),
        ("Corpus.events(actor=a, limit=200)", lambda: corpus.events(actor=a, limit=200)),
    ]


def screenshots(db: Path, folder: Path, a: str, b: str, month: str) -> None:
    """The network and the busiest dyad (with one month's events) in Chromium, saved as PNG files."""
    import threading

    import uvicorn
    from playwright.sync_api import sync_playwright

    from comity.web.app import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=8765, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    folder.mkdir(parents=True, exist_ok=True)
    args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=args)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto("http://127.0.0.1:8765/?limit=40")
            page.wait_for_selector("#network svg a.edge")
            page.locator("#network").scroll_into_view_if_needed()
            page.screenshot(path=str(folder / "web-network.png"))
            page.goto(f"http://127.0.0.1:8765/dyad/{a}/{b}")
            page.locator(f'rect.period[data-period="{month}"]').click()
            page.wait_for_selector("#evidence-list blockquote")
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(folder / "web-dyad.png"))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    print(f"screenshots: {folder / 'web-network.png'}, {folder / 'web-dyad.png'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/comity-web-bench.duckdb"))
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--screenshots", type=Path, help="Also save the network and dyad views here (PNG).")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: nothing to measure", file=sys.stderr)
        return 1
    build(args.db, args.articles)

    from starlette.testclient import TestClient

    from comity.corpus.corpus import Corpus
    from comity.web.app import create_app

    with Corpus(args.db, read_only=True) as corpus:
        counts = corpus.counts()
        picked = busiest(corpus)
        print(f"store: {counts['articles']} articles, {counts['events']} events, {counts['quotes']} quotes; "
              f"dyad {picked[0]}-{picked[1]}, month {picked[2]}, speaker {picked[4]!r}")
        print("\nbaseline (Corpus in process)                                 median ms   worst ms")
        for name, run in baseline(corpus, *picked[:3]):
            median, worst = timed(run, args.repeat)
            print(f"  {name:60s} {median:9.1f} {worst:10.1f}")
    slow = []
    with TestClient(create_app(args.db)) as client:
        print("\nweb explorer (app in process)       median ms   worst ms   (view: sum of medians)")
        for view, urls in views(*picked):
            total = 0.0
            for url in urls:
                def get(url: str = url) -> None:
                    response = client.get(url)
                    assert response.status_code == 200, (url, response.status_code)

                median, worst = timed(get, args.repeat)
                total += median
                print(f"  {url[:60]:60s} {median:9.1f} {worst:10.1f}")
            print(f"  = {view:58s} {total:9.1f}")
            if total > BUDGET_MS:
                slow.append(view)
    if args.screenshots:
        screenshots(args.db, args.screenshots, *picked[:3])
    verdict = f"OVER for {', '.join(slow)}" if slow else "all within"
    print(f"\nbudget {BUDGET_MS:.0f} ms per view: {verdict}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
