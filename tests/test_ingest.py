"""Reading inputs: every bad input gets a clear, numbered error naming it; the rest go on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from comity.errors import InputError
from comity.io.read import read_inputs, safe_name
from comity.records import Article

TEXT = "Japan and Australia signed a defence pact on Tuesday, officials said.\n"
HTML = (
    "<html><head><title>Pact signed</title><meta property='og:url' content='https://example.org/pact'>"
    "<meta name='date' content='2026-03-04'></head><body><article><h1>Pact signed</h1>"
    "<p>Japan and Australia signed a defence logistics pact in Canberra on Tuesday, letting their "
    "forces share fuel and repair yards, officials said after the ceremony ended.</p>"
    "<p>China's foreign ministry said the pact threatened regional stability and urged both "
    "governments to reconsider their plans for joint bases in the north.</p></article></body></html>"
)


def read(tmp_path: Path, name: str, data: bytes, published: date | None = None) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_inputs([str(path)], published))


def test_text_file(tmp_path: Path) -> None:
    [article] = read(tmp_path, "pact story.txt", TEXT.encode(), date(2026, 3, 4))
    assert isinstance(article, Article)
    assert article.id == "pact_story" and article.published == date(2026, 3, 4)
    assert article.text == TEXT


def test_html_file_takes_title_date_and_url_from_metadata(tmp_path: Path) -> None:
    [article] = read(tmp_path, "pact.html", HTML.encode())
    assert isinstance(article, Article)
    assert article.title == "Pact signed"
    assert article.published == date(2026, 3, 4)
    assert article.url == "https://example.org/pact"
    assert "defence logistics pact" in article.text and "<p>" not in article.text


def test_html_date_given_by_caller_wins(tmp_path: Path) -> None:
    [article] = read(tmp_path, "pact.html", HTML.encode(), date(2026, 3, 5))
    assert article.published == date(2026, 3, 5)


def test_jsonl(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a/1", "text": TEXT, "published": "2026-03-04", "title": "T", "url": "u"}),
        "",
        "{not json",
        json.dumps({"id": "b", "title": "no text"}),
        json.dumps({"id": "c", "text": TEXT}),
        json.dumps({"id": "d", "text": TEXT, "published": "yesterday"}),
    ]
    items = read(tmp_path, "feed.jsonl", "\n".join(lines).encode(), date(2026, 1, 1))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "InputError", "InputError", "Article", "InputError"]
    first, bad_json, no_text, third, bad_date = items
    assert first.id == "a_1" and first.published == date(2026, 3, 4) and first.title == "T"
    assert third.published == date(2026, 1, 1)
    assert bad_json.code == "E024" and "feed.jsonl:3" in str(bad_json)
    assert no_text.code == "E024" and "feed.jsonl:4" in str(no_text)
    assert bad_date.code == "E025" and "feed.jsonl:6" in str(bad_date)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "E021"),
        ("blank.txt", b"  \n\n ", "E021"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E022"),
        ("latin1.txt", "Der Minister äußerte sich".encode("latin-1"), "E023"),
        ("empty.html", b"<html><body></body></html>", "E026"),
    ],
)
def test_bad_inputs(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    [item] = read(tmp_path, name, data)
    assert isinstance(item, InputError)
    assert item.code == code and name in str(item)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path)]))
    assert [i.code for i in items] == ["E020", "E020"]
    assert "nope.txt" in str(items[0])


def test_batch_goes_on_after_a_bad_input(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"")
    items = list(read_inputs([str(tmp_path / "bad.txt"), str(tmp_path / "good.txt")]))
    assert isinstance(items[0], InputError) and isinstance(items[1], Article)


@pytest.mark.parametrize(
    ("raw", "safe"),
    [("reuters/2025/05/07 story", "reuters_2025_05_07_story"), ("../../etc/passwd", "etc_passwd"),
     ("ok-name_1.v2", "ok-name_1.v2"), ("", "article"), ("///", "article")],
)
def test_safe_name(raw: str, safe: str) -> None:
    assert safe_name(raw) == safe
