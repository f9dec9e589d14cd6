"""``comity eval --plv``: which event a PLV row is scored on, and the figures over a small file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from comity.evaluation.plv import PlvRow, evaluate_plv, load_plv, pick_event, summary
from comity.records import Article, Coded, CoderVersion, Entity, Event, Mention

VERSION = CoderVersion(package="test", data_hash="0", model="none", model_version="0")
COLUMNS = ["", "sentence_id", "sentence", "marked_sentence", "source", "target", "gold_root", "modality_L2"]


def _write(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """rows of (marked sentence, gold type, source, target) as a PLV TSV."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(COLUMNS)
        for n, (marked, kind, source, target) in enumerate(rows):
            plain = marked.replace("<s>", "").replace("</s>", "").replace("<t>", "").replace("</t>", "")
            writer.writerow([n, n, plain, marked, source, target, kind, "past"])
    return path


def test_marks_give_the_spans_of_source_and_target(tmp_path: Path) -> None:
    path = _write(tmp_path / "plv.tsv", [("<s>Chile</s> thanked <t>Peru</t> for its help.", "SUPPORT",
                                          "Chile", "Peru")])
    [row] = load_plv(path)
    assert row.sentence == "Chile thanked Peru for its help."
    assert (row.sentence[slice(*row.source)], row.sentence[slice(*row.target)]) == ("Chile", "Peru")


@pytest.mark.parametrize(("kind", "expected"), [("RETREAT", "YIELD"), ("CONCEDE", "YIELD"), ("AID", "AID")])
def test_concede_and_retreat_are_yield(tmp_path: Path, kind: str, expected: str) -> None:
    path = _write(tmp_path / "plv.tsv", [("<s>Chile</s> left <t>Peru</t>.", kind, "Chile", "Peru")])
    assert load_plv(path)[0].event == expected


def _mention(text: str, start: int) -> Mention:
    return Mention(text=text, span=(start, start + len(text)),
                   entity=Entity(code=text[:3].upper(), sector=None, name=text, kind="country"))


def _event(kind: str, actor: Mention | None, recipient: Mention | None, at: int = 0,
           negated: bool = False) -> Event:
    return Event(id=kind, event=kind, actor=(actor,) if actor else (), negated=negated,
                 recipient=(recipient,) if recipient else (), event_text="", spans=((at, at + 1),))


# "Chile accused Peru and Bolivia" with the row's source at 0-5 (Chile) and target at 14-18 (Peru)
CHILE, PERU, BOLIVIA = _mention("Chile", 0), _mention("Peru", 14), _mention("Bolivia", 23)


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([_event("ACCUSE", CHILE, BOLIVIA), _event("REJECT", CHILE, PERU, at=9)], "REJECT"),  # both sides
        ([_event("ACCUSE", BOLIVIA, PERU), _event("REJECT", CHILE, BOLIVIA, at=9)], "REJECT"),  # actor
        ([_event("ACCUSE", BOLIVIA, PERU), _event("REJECT", PERU, BOLIVIA)], "ACCUSE"),  # recipient
        ([_event("ACCUSE", BOLIVIA, None), _event("REJECT", PERU, CHILE)], None),  # sides swapped: a miss
        ([_event("ACCUSE", CHILE, PERU, negated=True), _event("REJECT", CHILE, PERU, at=9)], "REJECT"),
        ([], None),
    ],
)
def test_the_row_is_scored_on_the_event_of_its_sides(events: list[Event], expected: str | None) -> None:
    row = PlvRow("1", "Chile accused Peru and Bolivia.", (0, 5), (14, 18), "ACCUSE")
    picked = pick_event(events, row)
    assert (picked.event if picked else None) == expected


class _Coder:
    """Codes each sentence with the events a table gives it."""

    def __init__(self, table: dict[str, tuple[Event, ...]]) -> None:
        self.table = table

    def code_many(self, articles):
        for article in articles:
            yield article, Coded(article=Article(id=article.id, text=article.text), version=VERSION,
                                 events=self.table.get(article.text, ()))


def test_figures_over_a_small_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "plv.tsv", [
        ("<s>Chile</s> accused <t>Peru</t>.", "ACCUSE", "Chile", "Peru"),  # right
        ("<s>Chile</s> pulled out of <t>Peru</t>.", "RETREAT", "Chile", "Peru"),  # CONCEDE is YIELD: right
        ("<s>Chile</s> met <t>Peru</t>.", "CONSULT", "Chile", "Peru"),  # coded AGREE: wrong
        ("<s>Chile</s> thanked <t>Peru</t>.", "SUPPORT", "Chile", "Peru"),  # no event: a miss
    ])
    table = {
        "Chile accused Peru.": (_event("ACCUSE", CHILE, _mention("Peru", 14)),),
        "Chile pulled out of Peru.": (_event("CONCEDE", CHILE, _mention("Peru", 20)),),
        "Chile met Peru.": (_event("AGREE", CHILE, _mention("Peru", 10)),),
    }
    figures = summary(evaluate_plv(_Coder(table), path))  # type: ignore[arg-type]
    # ACCUSE P 1 R 1; YIELD P 1 R 1; CONSULT P 0 R 0; SUPPORT R 0; AGREE (no gold) left out: mean 0.5
    assert figures == {"rows": 4, "type_accuracy": 0.5, "type_macro_f1": 0.5, "coverage": 0.75,
                       "matched_accuracy": 0.667}


def test_comity_codes_plain_sentences(tmp_path: Path) -> None:
    from comity.pipeline import Coder

    path = _write(tmp_path / "plv.tsv", [
        ("<s>China</s> accused <t>Japan</t> of provoking tensions in the East China Sea.", "ACCUSE",
         "China", "Japan"),
        ("<s>Brazil</s> rejected <t>the Argentine proposal</t> on trade tariffs.", "REJECT",
         "Brazil", "the Argentine proposal"),
        ("<s>Kenyan farmers</s> sold <t>Ugandan traders</t> a record maize crop.", "COOPERATE",
         "Kenyan farmers", "Ugandan traders"),
    ])
    figures = summary(evaluate_plv(Coder(), path))
    assert (figures["type_accuracy"], figures["coverage"]) == (0.667, 0.667)
