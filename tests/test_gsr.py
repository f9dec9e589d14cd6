"""The PLOVER GSR evaluation: old category names and codes are read as PLOVER 2.0 and the project's codes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from comity.errors import EvalError
from comity.evaluation.gsr import GoldSentence, GsrScore, load_gsr, score_sentence, summary
from comity.records import Article, Coded, CoderVersion, Entity, Event, Mention

VERSION = CoderVersion(package="test", data_hash="0", model="none", model_version="0")


def _record(event: str, source: str, target: str | None = None, text: str = "A sentence.") -> dict:
    out = {"id": f"T-{event}", "date": "2001-02-03", "event": event, "text": text,
           "source": [{"actorText": source, "code": source}]}
    if target:
        out["target"] = [{"actorText": target, "code": target}]
    return out


@pytest.mark.parametrize(
    ("record", "event", "actors", "recipients"),
    [
        (_record("DEMAND", "POL", "RUS"), "REQUEST", {"POL"}, {"RUS"}),
        (_record("DISAPPROVE", "JAP", "CHN"), "ACCUSE", {"JPN"}, {"CHN"}),
        (_record("INVESTIGATE", "ITL", "USA"), "ACCUSE", {"ITA"}, {"USA"}),
        (_record("FIGHT", "VTN"), "ASSAULT", {"VNM"}, set()),
        (_record("SANCTION", "USA", "IRN"), "SANCTION", {"USA"}, {"IRN"}),
    ],
)
def test_old_names_and_codes_are_read_as_plover_2(tmp_path: Path, record: dict, event: str,
                                                  actors: set[str], recipients: set[str]) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([{"id": "doc", "event": "DOCUMENT"}, record]), encoding="utf-8")
    [gold] = load_gsr(path)
    assert (gold.event, set(gold.actors), set(gold.recipients)) == (event, actors, recipients)
    assert gold.published == date(2001, 2, 3)


def test_a_file_without_gold_sentences_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([{"id": "doc", "event": "DOCUMENT"}]), encoding="utf-8")
    with pytest.raises(EvalError):
        load_gsr(path)


def _mention(code: str) -> Mention:
    return Mention(text=code, span=(0, 3), entity=Entity(code=code, sector=None, name=code, kind="org"))


def _coded(kind: str, actor: str, recipient: str | None) -> Coded:
    event = Event(id="e1", event=kind, actor=(_mention(actor),),
                  recipient=(_mention(recipient),) if recipient else (), event_text="x", spans=((0, 1),))
    return Coded(article=Article(id="a", text="x"), version=VERSION, events=(event,))


@pytest.mark.parametrize(
    ("gold", "coded", "type_found", "actor_ok", "recipient_ok"),
    [
        # CAMEO's one code for every international body meets the UN's and the EU's own codes
        (("ACCUSE", {"IGO"}, {"IRN"}), ("ACCUSE", "UNO", "IRN"), 1, 1, 1),
        (("SANCTION", {"IGO"}, {"SRB"}), ("SANCTION", "EUR", "SRB"), 1, 1, 1),
        (("AID", {"USA"}, {"IGO"}), ("AID", "USA", "UNO"), 1, 1, 1),
        (("AID", {"USA"}, {"IGO"}), ("AID", "USA", "NGO"), 1, 1, 0),
        (("ACCUSE", {"USA"}, {"IRN"}), ("ACCUSE", "IRN", "USA"), 1, 0, 0),  # roles matter for ACCUSE
        (("CONSULT", {"USA"}, {"IRN"}), ("CONSULT", "IRN", "USA"), 1, 1, 1),  # not for a meeting
        (("REQUEST", {"USA"}, {"IRN"}), ("ACCUSE", "USA", "IRN"), 0, 0, 0),
    ],
)
def test_sentences_are_scored_by_type_then_by_sides(gold: tuple, coded: tuple, type_found: int,
                                                     actor_ok: int, recipient_ok: int) -> None:
    score = GsrScore()
    kind, actors, recipients = gold
    sentence = GoldSentence("g", "x", None, kind, frozenset(actors), frozenset(recipients))
    score_sentence(score, sentence, _coded(*coded))
    assert (score.type_found, score.actor_ok, score.recipient_ok) == (type_found, actor_ok, recipient_ok)
    assert summary(score)["sentences"] == 1


def test_macro_f1_averages_the_types_with_gold_sentences() -> None:
    score = GsrScore()
    golds = [("ACCUSE", ("ACCUSE", "USA", "IRN")), ("ACCUSE", ("REJECT", "USA", "IRN")),
             ("REJECT", ("REJECT", "USA", "IRN")), ("AID", ("ACCUSE", "USA", "IRN"))]
    for kind, coded in golds:
        gold = GoldSentence("g", "x", None, kind, frozenset({"USA"}), frozenset())
        score_sentence(score, gold, _coded(*coded))
    # ACCUSE: P 1/2, R 1/2 -> 0.5; REJECT: P 1/2, R 1 -> 0.667; AID: 0 -> mean 0.389
    assert summary(score)["type_macro_f1"] == pytest.approx(0.389, abs=0.001)
    assert summary(score)["type_accuracy"] == 0.5
