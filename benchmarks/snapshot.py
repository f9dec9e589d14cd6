"""Code every evaluation set into one JSON file per article, so two versions of comity can be diffed.

    python benchmarks/snapshot.py OUT_DIR            # code every set into OUT_DIR
    python benchmarks/snapshot.py --compare OLD NEW  # every file the same, but for the coder version

Used to show that a refactoring changes no prediction: run it before and after,
and compare the folders byte for byte, or with ``--compare``, which masks
``coder_version`` (it hashes the knowledge files, so a change to their
documentation changes it without changing any record) and lists every file
that differs otherwise. The sets are the project's own
``examples/`` and ``tests/data/*`` gold files, and, where ``../shared`` is
present, its example, the PolNeAR dev split, the real-news dev set and the
PLOVER gold-standard sentences. Only the public API is used (``comity.Coder``,
``comity.to_json``, ``comity.records.Article``), so the script runs on any
version of the code.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import comity
from comity.records import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _published(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _gold_articles(folder: Path) -> list[Article]:
    out = []
    for gold_path in sorted(folder.rglob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = gold.get("text_file") or ""
        for place in (gold_path.parent / name, gold_path.parent.parent / "text" / name):
            if name and place.is_file():
                out.append(Article(id=gold_path.name[: -len(".gold.json")],
                                   text=place.read_text(encoding="utf-8"),
                                   published=_published(gold.get("published"))))
                break
    return out


def _gsr_articles(path: Path) -> list[Article]:
    records = json.loads(path.read_text(encoding="utf-8"))
    return [Article(id=f"gsr-{i:04d}", text=r["text"], published=_published(r.get("date")))
            for i, r in enumerate(records) if r.get("text")]


def sets() -> dict[str, list[Article]]:
    found = {"examples": _gold_articles(ROOT / "examples")}
    for folder in sorted((ROOT / "tests" / "data").iterdir()):
        if folder.is_dir():
            found[f"tests-{folder.name}"] = _gold_articles(folder)
    if SHARED.is_dir():
        found["shared-examples"] = _gold_articles(SHARED / "examples")
        found["polnear-dev"] = _gold_articles(SHARED / "data" / "polnear" / "gold-dev")
        found["news-dev"] = _gold_articles(SHARED / "data" / "news" / "dev")
        gsr = SHARED / "data" / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
        if gsr.is_file():
            found["plover-gsr"] = _gsr_articles(gsr)
    return found


def main(out: Path) -> None:
    coder = comity.Coder()
    for name, articles in sets().items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for article, result in coder.code_many(articles):
            body = comity.to_json(result) if not isinstance(result, Exception) else {"error": str(result)}
            (folder / f"{article.id}.json").write_text(
                json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        print(f"{name}: {len(articles)} articles", file=sys.stderr)


def _masked(path: Path) -> bytes:
    return re.sub(rb'"coder_version": "[^"]*"', b'"coder_version": ""', path.read_bytes())


def compare(old: Path, new: Path) -> int:
    """Print each file that differs (masking the coder version); the number that differ."""
    names = sorted({p.relative_to(top) for top in (old, new) for p in top.rglob("*.json")})
    differ = [n for n in names if not (old / n).is_file() or not (new / n).is_file()
              or _masked(old / n) != _masked(new / n)]
    for name in differ:
        print(f"differs: {name}")
    same = len(names) - len(differ)
    print(f"{len(names)} files, {same} identical but for coder_version, {len(differ)} differ")
    return len(differ)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--compare":
        sys.exit(1 if compare(Path(sys.argv[2]), Path(sys.argv[3])) else 0)
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
