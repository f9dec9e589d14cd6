"""The web explorer's JSON API and pages through the framework's test client, over a store coded in
the test (the real coder) from the demo article and articles written here: answers, filters, limits,
404s, escaping of hostile article text, security headers, the read-only store and ``comity serve``."""

from __future__ import annotations

import atexit
import csv
import io
import json
import shutil
import tempfile
from datetime import date
from functools import cache
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from comity.records import Article

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "japan-australia-defence-pact.txt"
HOSTILE = "<script>window.__xss = 1; document.title = 'owned'</script>"
HANDLER = "<img src=x onerror='window.__xss = 2'>"

# Articles written for these tests (not from any outlet). The last one carries hostile markup in its
# title, its text (inside a quote and beside an event) and a javascript: URL.
WRITTEN = [
    ("cr-jan", "2025-01-16", "Russia and China sign a grain deal", "https://example.org/cr-jan",
     "Russian Prime Minister Mikhail Mishustin visited Beijing on Wednesday and met Chinese Premier Li "
     "Qiang.\n\nChina and Russia signed an agreement on grain exports on Wednesday, officials said."),
    ("cr-mar", "2025-03-12", "Wang Yi and Lavrov meet", "https://example.org/cr-mar",
     "Chinese Foreign Minister Wang Yi held talks with Russian Foreign Minister Sergei Lavrov in Beijing on "
     "Tuesday, the two ministries said.\n\nChina and Russia agreed to expand their cooperation on energy, "
     "according to a joint statement released after the meeting."),
    ("cr-mar-b", "2025-03-13", "Lavrov in Beijing", "https://news.example.net/lavrov-beijing",
     "Russian Foreign Minister Sergei Lavrov held talks with Chinese Foreign Minister Wang Yi in Beijing on "
     "Tuesday, the Russian ministry said."),
    ("cr-jul", "2025-07-21", "Joint drills in the Sea of Japan", "https://example.org/cr-jul",
     "China and Russia began joint naval exercises in the Sea of Japan on Sunday, the Chinese defence "
     "ministry said.\n\nRussian President Vladimir Putin met Chinese President Xi Jinping in Moscow on "
     "Saturday to discuss trade."),
    ("hostile", "2025-05-06", f"Sanctions {HOSTILE} on Moscow", "javascript:alert(1)",
     "Germany sanctioned Russian banks on Monday, the German government said.\n\n"
     f"\"We will not accept Russia's aggression {HANDLER},\" German Foreign Minister Annalena Baerbock "
     f"said on Monday.\n\nRussia accused Germany of hostility {HOSTILE} on Tuesday, the Kremlin said."),
]


def _demo() -> Article:
    published = json.loads(DEMO.with_suffix("").with_suffix(".gold.json").read_text())["published"]
    return Article(id="demo", text=DEMO.read_text(encoding="utf-8"), title="Japan and Australia sign a "
                   "defence logistics pact", url="https://example.org/japan-australia",
                   published=date.fromisoformat(published), source="examples")


@cache
def web_store() -> Path:
    """A store coded once per test run (shared by the web test modules) with the real coder."""
    from comity.corpus.corpus import Corpus
    from comity.pipeline import default_coder

    folder = Path(tempfile.mkdtemp(prefix="comity-web-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    articles = [_demo(), *(Article(id=i, text=t, title=title, url=url, published=date.fromisoformat(day),
                                   source="tests") for i, day, title, url, t in WRITTEN)]
    db = folder / "web.duckdb"
    with Corpus(db) as corpus:
        summary = corpus.ingest_items(articles, coder=default_coder())
    assert summary.coded == len(articles), summary
    return db


def stored_id(db: Path, title_start: str) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT id FROM articles WHERE title LIKE ?", [f"{title_start}%"]).fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def db() -> Path:
    return web_store()


@pytest.fixture(scope="module")
def client(db: Path):
    from starlette.testclient import TestClient

    from comity.web.app import create_app

    with TestClient(create_app(db)) as test_client:
        yield test_client


def test_the_network_has_the_demo_dyads_and_names_its_nodes(client) -> None:
    data = client.get("/api/network").json()
    edges = {(e["actor"], e["recipient"]): e for e in data["edges"]}
    assert ("JPN", "AUS") in edges and ("AUS", "JPN") in edges and ("CHN", "RUS") in edges
    assert edges[("CHN", "AUS")]["material_conflict"] >= 1
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["JPN"]["name"] == "Japan" and nodes["AUS"]["kind"] == "country"
    assert set(nodes) == {side for edge in edges for side in edge}


def test_the_network_filters_by_quad_type_and_dates(client) -> None:
    conflict = client.get("/api/network", params={"quad": 4}).json()["edges"]
    assert conflict and all(e["material_conflict"] == e["events"] for e in conflict)
    assert all(e["verbal_cooperation"] == 0 for e in conflict)
    sanctions = client.get("/api/network", params={"type": "SANCTION"}).json()["edges"]
    assert ("DEU", "RUS") in {(e["actor"], e["recipient"]) for e in sanctions}
    early = client.get("/api/network", params={"since": "2025-01-01", "until": "2025-02-28"}).json()["edges"]
    assert {(e["actor"], e["recipient"]) for e in early} <= {("CHN", "RUS"), ("RUS", "CHN")}
    assert len(client.get("/api/network", params={"limit": 2}).json()["edges"]) == 2


def test_a_dyad_series_and_one_periods_evidence(client) -> None:
    ties = client.get("/api/ties/chn/rus", params={"by": "month"}).json()
    assert (ties["a"], ties["b"]) == ("CHN", "RUS")
    months = {p["period"]: p for p in ties["periods"]}
    assert {"2025-01", "2025-03", "2025-07"} <= set(months)
    march = client.get("/api/evidence/CHN/RUS", params={"by": "month", "period": "2025-03"}).json()
    assert march["total"] == len(march["events"]) >= 1
    assert all(e["period"] == "2025-03" for e in march["events"])
    assert any("Lavrov" in e["sentence"] for e in march["events"])
    first = march["events"][0]
    assert first["published"] == "2025-03-12"
    # the talks are one occasion reported by two outlets: one shown, the other folded under it
    outlets = {first["outlet"], *(r["outlet"] for r in first["reports"])}
    assert outlets == {"example.org", "news.example.net"} and first["n_reports"] == 2
    assert first["url"] == "https://example.org/cr-mar"


@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_the_dyad_series_is_the_ties_frame(db: Path, by: str) -> None:
    from comity.corpus.corpus import Corpus

    with Corpus(db, read_only=True) as corpus:
        for a, b in (("CHN", "RUS"), ("JPN", "AUS"), ("CHN", "AUS"), ("DEU", "RUS"), ("AUS", "XXX")):
            slow, fast = corpus.ties(a, b, by=by), corpus.browse.series(a, b, by=by)
            assert list(fast.columns) == list(slow.columns) and fast.attrs == slow.attrs
            assert fast.astype(object).where(fast.notna(), None).values.tolist() == \
                slow.astype(object).where(slow.notna(), None).values.tolist()


def test_the_quotes_each_side_speaks_about_the_other(client) -> None:
    quotes = client.get("/api/dyad-quotes/DEU/RUS").json()
    assert any("Baerbock" in q["speaker"] for q in quotes["ab"])
    assert all(q["side"] == "ab" for q in quotes["ab"]) and all(q["side"] == "ba" for q in quotes["ba"])


def test_an_article_with_every_record(client, db: Path) -> None:
    data = client.get(f"/api/article/{stored_id(db, 'Japan')}").json()
    records = data["records"]
    assert data["article"]["title"].startswith("Japan") and data["article"]["outlet"] == "example.org"
    assert records["events"] and records["quotes"] and records["times"] and records["figures"]
    assert any(s["name"] == "Kenji Moriyama" for s in records["speakers"])


def test_speakers_by_name_and_a_profile(client) -> None:
    found = client.get("/api/speakers", params={"q": "moriya"}).json()
    assert [s["name"] for s in found] == ["Kenji Moriyama"]
    data = client.get("/api/speaker", params={"name": "Kenji Moriyama"}).json()
    assert data["profile"]["country"] == "JPN" and data["profile"]["title"]
    assert len(data["quotes"]) >= 2 and all(q["published"] == "2026-03-04" for q in data["quotes"])


def test_search_pages_and_downloads_hold_the_same_rows(client) -> None:
    params = {"actor": "CHN", "limit": 3}
    shown = client.get("/api/events", params=params).json()["events"]
    assert len(shown) == 3 and all(e["actor_code"] == "CHN" for e in shown)
    page = client.get("/search", params=params).text
    assert page.count("<tr><td>") == 3
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv", params=params).text)))
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in shown]
    download = client.get("/api/events.json", params=params)
    assert "attachment" in download.headers["content-disposition"]
    assert [e["event_id"] for e in download.json()] == [e["event_id"] for e in shown]
    following = client.get("/api/events", params={**params, "offset": 3}).json()["events"]
    assert not {e["event_id"] for e in following} & {e["event_id"] for e in shown}


@pytest.mark.parametrize(("url", "status"), [
    ("/api/ties/XXX/AUS", 404), ("/api/evidence/JPN/ZZZ", 404), ("/api/article/nope", 404),
    ("/api/speaker?name=Nobody%20Here", 404), ("/api/events?limit=501", 422), ("/api/network?limit=301", 422),
    ("/api/network?quad=7", 400), ("/api/events?since=2025-05-01&until=2025-01-01", 400),
    ("/api/ties/CHN/RUS?by=year", 422), (f"/api/events?text={'x' * 201}", 422),
])
def test_bad_or_unknown_requests_get_a_clear_json_error(client, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["detail"]


@pytest.mark.parametrize("url", ["/dyad/XXX/AUS", "/article/nope", "/speaker?name=Nobody", "/no/such/page"])
def test_unknown_pages_get_a_404_page(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html") and "404" in response.text


def test_every_answer_carries_the_security_headers(client) -> None:
    for url in ("/", "/api/network", "/static/app.css", "/article/nope"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "default-src 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_hostile_article_text_is_escaped_everywhere(client, db: Path) -> None:
    hostile = stored_id(db, "Sanctions")
    pages = [client.get(f"/article/{hostile}").text, client.get("/dyad/DEU/RUS").text,
             client.get("/search", params={"actor": "DEU"}).text,
             client.get("/speaker", params={"name": "Annalena Baerbock"}).text]
    for page in pages:
        assert "<script>window" not in page and "<img" not in page and "onerror='" not in page
        assert "javascript:" not in page
    assert "&lt;script&gt;window.__xss = 1" in pages[0] and ">None<" not in pages[0]
    assert "onerror=&#39;window.__xss = 2&#39;" in pages[0]
    assert "&lt;img src=x" in pages[1]  # the quote, in the dyad page's list of what Germany says of Russia


def test_the_api_is_described_by_its_openapi_schema_and_no_cdn_page(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/network", "/api/ties/{a}/{b}", "/api/evidence/{a}/{b}", "/api/article/{article_id}",
            "/api/speakers", "/api/speaker", "/api/events", "/api/events.csv"} <= set(paths)
    assert not any(not p.startswith("/api/") for p in paths)
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN
    assert "/api/network" in client.get("/api").text


def test_assets_are_shipped_and_nothing_loads_from_elsewhere() -> None:
    web = ROOT / "src" / "comity" / "web"
    for name in ("d3.min.js", "plot.umd.min.js", "LICENSE-d3.txt", "LICENSE-plot.txt", "README.md"):
        assert (web / "static" / "vendor" / name).stat().st_size > 500
    for path in [*web.glob("templates/*.html"), *web.glob("static/*.js"), *web.glob("static/*.css")]:
        text = path.read_text(encoding="utf-8")
        assert "//cdn" not in text and 'src="http' not in text and "url(http" not in text, path


def test_another_host_header_is_refused(client) -> None:
    assert client.get("/api/types", headers={"host": "attacker.example"}).status_code == 400


def test_the_store_is_opened_read_only(client, db: Path) -> None:
    reader = client.app.state.reader
    with pytest.raises(duckdb.Error, match="read-only"):
        reader(lambda corpus: corpus.con.execute("CREATE TABLE scribble (i INTEGER)"))


def test_article_marks_nest_and_cover_the_text() -> None:
    from comity.web.marks import Mark, pieces

    text = "Japan said hello to Australia."
    cut = pieces(text, [Mark("quote", 11, 29, "q"), Mark("actor", 0, 5, "a"), Mark("actor", 20, 29, "b")])
    assert "".join(p.text for p in cut) == text
    assert [(p.text, p.classes) for p in cut] == [
        ("Japan", "m-actor"), (" said ", ""), ("hello to ", "m-quote"), ("Australia", "m-quote m-actor"),
        (".", "")]


def test_serve_refuses_another_host_without_the_flag(db: Path) -> None:
    from comity.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--allow-remote" in result.output


def test_serve_warns_when_allowed_on_another_host(db: Path, monkeypatch) -> None:
    import uvicorn

    from comity.cli import app
    from comity.cli.serve import is_loopback

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda web, host, port, **_: seen.update(host=host, port=port))
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "8123",
                                      "--allow-remote"])
    assert result.exit_code == 0, result.output
    assert seen == {"host": "0.0.0.0", "port": 8123} and "warning" in result.output
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")


def test_serve_fails_in_one_line_on_a_missing_store(tmp_path: Path) -> None:
    from comity.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such database" in result.output
