"""The store's schema as named migrations, each recorded in the database when applied.

A migration is a name and the SQL statements that take the schema one step on.
:func:`migrate` applies, in order and each in its own transaction, those whose
name is not yet in the ``migrations`` table, so opening an old store brings it
up to date and opening a current one changes nothing. Never edit a migration
that has shipped: add a new one.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from comity.corpus.occasion_store import SCHEMA as OCCASION_SCHEMA


@dataclass(frozen=True)
class _Migration:
    name: str
    statements: tuple[str, ...]


INITIAL = _Migration("0001_initial", (
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,            -- hash of the normalised text (corpus.rows.content_id)
        url VARCHAR,                       -- the first URL (or file URI) the article came from
        title VARCHAR,
        published DATE,
        source VARCHAR,                    -- where it was read: a path, URL, feed item or WARC record
        text VARCHAR NOT NULL,
        coder_version VARCHAR NOT NULL,    -- str(CoderVersion) of the coder that wrote its records
        warnings VARCHAR[]
    )""",
    """CREATE TABLE article_urls (
        article_id VARCHAR NOT NULL,
        url VARCHAR NOT NULL,
        PRIMARY KEY (article_id, url)
    )""",
    """CREATE TABLE entities (             -- every actor mention, resolved
        article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
        code VARCHAR, sector VARCHAR, name VARCHAR, kind VARCHAR, title VARCHAR,
        text VARCHAR, span_start INTEGER, span_end INTEGER, how VARCHAR,
        PRIMARY KEY (article_id, seq)
    )""",
    """CREATE TABLE events (
        id VARCHAR PRIMARY KEY,            -- stable: hash of article id, type, actors, recipients, spans
        article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
        event VARCHAR NOT NULL, mode VARCHAR, context VARCHAR[], aux VARCHAR[], negated BOOLEAN,
        date VARCHAR, date_precision VARCHAR, date_source VARCHAR,
        date_start DATE, date_end DATE,    -- the days the event's own date denotes
        quad_code INTEGER, event_scale DOUBLE, trigger VARCHAR, event_text VARCHAR,
        spans INTEGER[][], sentence VARCHAR,
        actor_codes VARCHAR[], recipient_codes VARCHAR[],
        actor_json VARCHAR, recipient_json VARCHAR,   -- PLOVER entity objects, as JSON
        coder_version VARCHAR NOT NULL
    )""",
    """CREATE TABLE dyads (                -- one row per (actor, recipient) pair of an event
        event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
        actor_code VARCHAR, actor_sector VARCHAR, actor_name VARCHAR, actor_text VARCHAR,
        recipient_code VARCHAR, recipient_sector VARCHAR, recipient_name VARCHAR, recipient_text VARCHAR,
        PRIMARY KEY (event_id, seq)
    )""",
    """CREATE TABLE quotes (
        article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
        speaker VARCHAR, speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
        kind VARCHAR, content VARCHAR, content_start INTEGER, content_end INTEGER,
        cue VARCHAR, cue_lemma VARCHAR, paragraph INTEGER, actors VARCHAR[],
        coder_version VARCHAR NOT NULL,
        PRIMARY KEY (article_id, seq)
    )""",
    """CREATE TABLE speakers (
        article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
        name VARCHAR, title VARCHAR, org VARCHAR, country VARCHAR, sector VARCHAR, description VARCHAR,
        span_start INTEGER, span_end INTEGER,
        PRIMARY KEY (article_id, seq)
    )""",
    """CREATE TABLE times (
        article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
        text VARCHAR, span_start INTEGER, span_end INTEGER, value VARCHAR, granularity VARCHAR,
        resolved BOOLEAN,
        PRIMARY KEY (article_id, seq)
    )""",
    """CREATE TABLE figures (
        article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
        text VARCHAR, span_start INTEGER, span_end INTEGER, value DOUBLE, unit VARCHAR,
        qualifier VARCHAR, about VARCHAR, period VARCHAR,
        PRIMARY KEY (article_id, seq)
    )""",
))

INDEXES = _Migration("0002_query_indexes", (
    "CREATE INDEX events_article ON events (article_id)",
    "CREATE INDEX dyads_pair ON dyads (actor_code, recipient_code)",
    "CREATE INDEX quotes_article ON quotes (article_id)",
))

EVENT_SIZE = _Migration("0003_event_size", (
    # The size of ASSAULT, COERCE and PROTEST events as JSON (output.size_json): {"dead": 12,
    # "injured": 30, "arrested": 5, "participants": 2000, "qualifier": {"dead": "at least"}};
    # NULL when the text states none. Events stored before this migration have NULL.
    "ALTER TABLE events ADD COLUMN size_json VARCHAR",
))

RECIPROCAL_DYADS = _Migration("0004_reciprocal_dyads", (
    # Several actors of different codes and no recipient act on each other (PLOVER's reciprocal rule):
    # their dyads become every ordered pair of distinct actor codes (corpus.rows._pairs). Stores written
    # before kept one (actor, NULL) row per actor, which the ties between the two sides never counted.
    """CREATE TEMP TABLE reciprocal AS
       SELECT event_id FROM dyads GROUP BY event_id
       HAVING count(recipient_code) = 0 AND count(DISTINCT actor_code) >= 2""",
    """CREATE TEMP TABLE reciprocal_rows AS
       SELECT a.event_id, a.article_id,
              CAST(row_number() OVER (PARTITION BY a.event_id ORDER BY a.seq, b.seq) - 1 AS INTEGER) AS seq,
              a.actor_code, a.actor_sector, a.actor_name, a.actor_text,
              b.actor_code, b.actor_sector, b.actor_name, b.actor_text
       FROM dyads a JOIN dyads b ON a.event_id = b.event_id AND a.actor_code <> b.actor_code
       WHERE a.event_id IN (SELECT event_id FROM reciprocal)""",
    "DELETE FROM dyads WHERE event_id IN (SELECT event_id FROM reciprocal)",
    "INSERT INTO dyads SELECT * FROM reciprocal_rows",
    "DROP TABLE reciprocal_rows",
    "DROP TABLE reciprocal",
))

SETTINGS = _Migration("0005_settings", (
    # What the store keeps about itself, as text: "coding" holds the options (model and knowledge
    # files) the last ingest or recode coded with, as JSON, so a recode without options reuses them.
    "CREATE TABLE settings (key VARCHAR PRIMARY KEY, value VARCHAR)",
))

OCCASIONS = _Migration("0006_occasions", (
    # Event records of the same real occasion, grouped (comity.corpus.occasions); the tables are
    # created empty and the store groups its records when it is first opened after this migration
    # (corpus.store._check_schema), because grouping is Python, not SQL.
    *OCCASION_SCHEMA,
))

MIGRATIONS: tuple[_Migration, ...] = (INITIAL, INDEXES, EVENT_SIZE, RECIPROCAL_DYADS, SETTINGS, OCCASIONS)

DERIVED_TABLES = ("entities", "events", "dyads", "quotes", "speakers", "times", "figures")


def applied(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations recorded in the database, oldest first."""
    con.execute("CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied TIMESTAMP)")
    return [row[0] for row in con.execute("SELECT name FROM migrations ORDER BY applied, name").fetchall()]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations not yet recorded; return the names applied now."""
    done = set(applied(con))
    now: list[str] = []
    for migration in MIGRATIONS:
        if migration.name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                con.execute(statement)
            con.execute("INSERT INTO migrations VALUES (?, current_timestamp)", [migration.name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        now.append(migration.name)
    return now
