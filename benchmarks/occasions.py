"""Occasions (issue 17): how well event records of one real occasion are grouped, what grouping does to
the counts, and what it costs.

    python benchmarks/occasions.py score [--db STORE]
    python benchmarks/occasions.py dyads --db STORE [--top 20] [--plot A B PNG]
    python benchmarks/occasions.py speed [--articles N] [--jobs 2] [--keep STORE]

``score``: the gold in ``benchmarks/occasions/gold.jsonl`` groups by hand the 792 event records comity
coded from the 241 CNN asia/china-section articles of 2022 in ``../shared/data/news/corpus.jsonl.gz``
(two annotators, notes beside it). Each gold line names a record by corpus article id, type, actor and
recipient codes and its first evidence span (no article text is in the repository). The articles are
ingested into a fresh store (or ``--db``: an existing store is regrouped in place by the current code, a
new path is ingested into and kept), records are matched to the gold by article, type and span, and the
occasions a rebuild from scratch gives are scored on the matched records: pairwise precision, recall and
F1 (over pairs of records in one occasion) and B³. The rebuild is checked to give the grouping the
store held (for a fresh ingest, the one built incrementally as it went). ``--gold`` scores another gold
of the same shape: ``heldout.jsonl`` (CNN europe, 2022) or ``blind.jsonl`` (CNN middleeast and africa,
2022: 381 records, grouped by hand before any change to the grouping and not studied; its notes say how).

``dyads``: over a store, for the 20 directed dyads with most records, records and occasions per
dyad-month (mean over the months with any), and with ``--plot`` a chart of both for one pair.

``speed``: one ingest of the corpus (or its first ``--articles``; ``--jobs`` workers; the whole corpus
gives about 10,000 event records), timing it and the occasion grouping inside it (every minute or
so, and at its end), then a rebuild of the occasions from scratch; prints both as shares of the
ingest (``--keep STORE`` keeps the store, for ``dyads``).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "occasions" / "gold.jsonl"
CORPUS = ROOT.parent / "shared" / "data" / "news" / "corpus.jsonl.gz"


def corpus_rows(keep) -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        return [r for r in map(json.loads, lines) if keep(r)]


def ingest(rows: list[dict], db: Path, jobs: int | None = None) -> float:
    """Ingest ``rows`` (corpus records) into ``db`` with the comity CLI; seconds taken."""
    with tempfile.TemporaryDirectory(prefix="comity-occ-") as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        command = [sys.executable, "-m", "comity", "ingest", str(path), "--db", str(db)]
        command += ["--jobs", str(jobs)] if jobs else []
        start = time.perf_counter()
        subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start


def _overlap(a: list[int] | None, b: list[int] | None) -> int:
    if not a or not b:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def matched(con: duckdb.DuckDBPyConnection, gold: list[dict]) -> dict[int, str]:
    """Gold line index -> the store's event id of the same record (article, type, span)."""
    urls = dict(con.execute("SELECT id, url FROM articles").fetchall())
    by_url = {r["url"]: r["id"] for r in corpus_rows(lambda r: r["url"] in set(urls.values()))}
    article_of = {by_url[u]: aid for aid, u in urls.items() if u in by_url}
    events = defaultdict(list)
    for eid, aid, event, spans, actors, recipients in con.execute(
            "SELECT id, article_id, event, spans, actor_codes, recipient_codes FROM events").fetchall():
        events[(aid, event)].append((eid, spans[0] if spans else None, sorted(c for c in actors if c),
                                     sorted(c for c in recipients if c)))
    found, used = {}, set()
    for i, g in enumerate(gold):
        key = (article_of.get(g["article"]), g["event"])
        candidates = [e for e in events.get(key, []) if e[0] not in used]
        exact = [e for e in candidates
                 if e[1] == g["span"] and e[2] == g["actors"] and e[3] == g["recipients"]]
        best = exact or sorted((e for e in candidates if _overlap(e[1], g["span"]) > 0),
                               key=lambda e: -_overlap(e[1], g["span"]))
        if best:
            found[i] = best[0][0]
            used.add(best[0][0])
    return found


def pairs(labels: dict) -> set[tuple]:
    groups = defaultdict(list)
    for item, label in labels.items():
        groups[label].append(item)
    return {tuple(sorted(p)) for members in groups.values() for p in itertools.combinations(members, 2)}


def b_cubed(gold: dict, system: dict) -> tuple[float, float]:
    def members(labels: dict) -> dict:
        groups = defaultdict(set)
        for item, label in labels.items():
            groups[label].add(item)
        return {item: groups[label] for item, label in labels.items()}

    g, s = members(gold), members(system)
    precision = sum(len(g[i] & s[i]) / len(s[i]) for i in gold) / len(gold)
    recall = sum(len(g[i] & s[i]) / len(g[i]) for i in gold) / len(gold)
    return precision, recall


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def grouping(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT event_id, occasion_id FROM occasion_reports").fetchall())


def score(db: Path | None, path: Path = GOLD) -> None:
    gold = [json.loads(line) for line in path.read_text().splitlines()]
    with tempfile.TemporaryDirectory(prefix="comity-occ-") as tmp:
        if db is None or not db.exists():  # a --db not yet written is ingested into, and kept
            db = db or Path(tmp) / "gold.duckdb"
            wanted = {g["article"] for g in gold}
            seconds = ingest(corpus_rows(lambda r: r["id"] in wanted), db)
            print(f"ingested {len(wanted)} articles in {seconds:.1f} s", file=sys.stderr)
        from comity.corpus.store import Store

        Store(db).close()  # brings a store written before occasions up to date (it groups its records)
        con = duckdb.connect(str(db))
        found = matched(con, gold)
        incremental = grouping(con)
        from comity.corpus.occasion_store import rebuild

        rebuild(con)
        rebuilt = grouping(con)
        same = rebuilt == incremental
        con.close()
    gold_labels = {i: gold[i]["occasion"] for i in found}
    system = {i: rebuilt.get(eid, "o" + eid) for i, eid in found.items()}  # the current code's grouping
    gold_pairs, system_pairs = pairs(gold_labels), pairs(system)
    right = len(gold_pairs & system_pairs)
    p = right / len(system_pairs) if system_pairs else 0.0
    r = right / len(gold_pairs) if gold_pairs else 0.0
    bp, br = b_cubed(gold_labels, system)
    print(f"records matched to the gold: {len(found)} of {len(gold)}")
    print(f"gold occasions {len(set(gold_labels.values()))}, system occasions {len(set(system.values()))}")
    print(f"pairwise: precision {p:.3f} recall {r:.3f} F1 {f1(p, r):.3f} "
          f"({right} right of {len(system_pairs)} system pairs, {len(gold_pairs)} gold pairs)")
    print(f"B3: precision {bp:.3f} recall {br:.3f} F1 {f1(bp, br):.3f}")
    print(f"a rebuild from scratch gives the stored grouping: {'yes' if same else 'NO'}")


_DYAD_MONTHS = """
    WITH d AS (SELECT DISTINCT e.id, coalesce(o.occasion_id, 'o' || e.id) AS occasion,
               d.actor_code AS a, d.recipient_code AS b,
               strftime(coalesce(oc.date_start, e.date_start), '%Y-%m') AS month
               FROM dyads d JOIN events e ON e.id = d.event_id
               LEFT JOIN occasion_reports o ON o.event_id = e.id
               LEFT JOIN occasions oc ON oc.id = o.occasion_id
               WHERE d.actor_code IS NOT NULL AND d.recipient_code IS NOT NULL
               AND d.actor_code <> d.recipient_code AND e.date_start IS NOT NULL
               AND NOT coalesce(e.negated, false)
               AND (e.date_end - e.date_start) < 31),
    m AS (SELECT a, b, month, count(DISTINCT id) AS records, count(DISTINCT occasion) AS occasions
          FROM d GROUP BY a, b, month)
    SELECT a, b, sum(records) AS records, sum(occasions) AS occasions, count(*) AS months,
           avg(records) AS records_per_month, avg(occasions) AS occasions_per_month
    FROM m GROUP BY a, b ORDER BY records DESC, a, b LIMIT ?"""


def dyads(db: Path, top: int, plot: list[str] | None) -> None:
    """Records and occasions per dyad-month for the ``top`` directed dyads (dated to a month or finer)."""
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(_DYAD_MONTHS, [top]).fetchall()
    con.close()
    print("| dyad | records | occasions | months | records/month | occasions/month | occasions/records |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for a, b, records, occasions, months, rpm, opm in rows:
        print(f"| {a}→{b} | {records} | {occasions} | {months} | {rpm:.2f} | {opm:.2f} | {opm / rpm:.2f} |")
    if plot:
        chart(db, *plot)


def chart(db: Path, a: str, b: str, png: str) -> None:
    """``ties A B`` by month, records and occasions: printed side by side and drawn to ``png``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from comity.corpus.corpus import Corpus

    with Corpus(db, read_only=True) as corpus:
        records = corpus.ties(a, b, records=True)
        occasions = corpus.ties(a, b)
    monthly = records[records["precision"] == "month"]  # a year or a range has no place on a month axis
    both = monthly[["period", "start", "events"]].merge(occasions[["period", "events"]], on="period",
                                                        how="left", suffixes=("_records", "_occasions"))
    both = both.fillna(0).sort_values("start")
    print(f"\n{a}–{b} by month (either way; dated to a month or finer): records vs occasions")
    print("| month | records | occasions |")
    print("| --- | ---: | ---: |")
    for row in both.itertuples(index=False):
        if row.events_records or row.events_occasions:
            print(f"| {row.period} | {int(row.events_records)} | {int(row.events_occasions)} |")
    figure, axis = plt.subplots(figsize=(11, 3.6))
    axis.step(both["start"], both["events_records"], where="post", label="event records", color="#999999")
    axis.step(both["start"], both["events_occasions"], where="post", label="occasions", color="#2457a6")
    axis.set_title(f"comity ties {a} {b}: records and occasions per month")
    axis.legend(loc="upper left")
    figure.tight_layout()
    figure.savefig(png, dpi=110)
    print(f"chart written to {png}", file=sys.stderr)


def speed(articles: int | None, jobs: int, keep: Path | None) -> None:
    """Ingest the first ``articles`` corpus articles (all by default) in one ingest, in this process with
    ``jobs`` workers, timing it and the occasion grouping inside it; then a rebuild from scratch."""
    import comity.corpus.store as store_module
    from comity.cli._common import workers_for
    from comity.corpus.corpus import Corpus
    from comity.corpus.occasion_store import rebuild
    from comity.pipeline import default_coder
    from comity.records import Article
    from comity.text.normalize import as_date

    spent = [0.0]
    grouping = store_module.group_pending

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return grouping(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    store_module.group_pending = timed
    rows = corpus_rows(lambda r: True)[:articles]
    with tempfile.TemporaryDirectory(prefix="comity-occ-") as tmp:
        db = keep or Path(tmp) / "speed.duckdb"
        items = [Article(id="", text=f"{r['title']}\n\n{r['text']}", url=r["url"], title=r["title"],
                         published=as_date(r["published"]), source=r["url"]) for r in rows]
        with workers_for(default_coder(), jobs) as coder, Corpus(db) as corpus:
            start = time.perf_counter()
            corpus.ingest_items(items, coder=coder)  # one ingest, as 'comity ingest' runs it
            seconds = time.perf_counter() - start
            coded = corpus.con.execute("SELECT count(*) FROM events").fetchone()[0]
            start = time.perf_counter()
            corpus.con.execute("BEGIN TRANSACTION")
            occasions = rebuild(corpus.con)
            corpus.con.execute("COMMIT")
            scratch = time.perf_counter() - start
        taken = len(rows)
    print(f"{taken} corpus articles, {coded} event records, --jobs {jobs}")
    print(f"ingest (parse, code, store, group as it goes): {seconds:.1f} s, of which grouping "
          f"{spent[0]:.1f} s ({spent[0] / seconds:.1%})")
    print(f"grouping all {coded} records from scratch: {scratch:.2f} s, {occasions} occasions "
          f"({scratch / seconds:.1%} of the ingest)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("score")
    s.add_argument("--db", type=Path)
    s.add_argument("--gold", type=Path, default=GOLD,
                   help="gold.jsonl (tuned on), heldout.jsonl or blind.jsonl")
    d = sub.add_parser("dyads")
    d.add_argument("--db", type=Path, required=True)
    d.add_argument("--top", type=int, default=20)
    d.add_argument("--plot", nargs=3, metavar=("A", "B", "PNG"))
    p = sub.add_parser("speed")
    p.add_argument("--articles", type=int, default=None, help="the first N corpus articles (default: all)")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--keep", type=Path, help="write the store here (kept) instead of a temporary file")
    args = parser.parse_args()
    if args.command == "score":
        score(args.db, args.gold)
    elif args.command == "dyads":
        dyads(args.db, args.top, args.plot)
    else:
        speed(args.articles, args.jobs, args.keep)


if __name__ == "__main__":
    main()
