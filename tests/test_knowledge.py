"""Every knowledge file can be extended by a user file of its shape (docs/knowledge-files.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from comity import datafiles
from comity.config import Config
from comity.events.lexicon import EventLexicon
from comity.pipeline import Coder


def _write(tmp_path: Path, name: str, body: dict) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"about": "a test extension", **body}), encoding="utf-8")
    return path


def test_lists_are_appended_and_tables_merged(tmp_path: Path) -> None:
    extra = _write(tmp_path, "times.json", {"holidays": {"Unity Day": "09-17"}, "future_verbs": ["reckon"]})
    merged = datafiles.load("times.json", (extra,))
    bundled = datafiles.bundled("times.json")
    assert merged["holidays"]["Unity Day"] == "09-17"
    assert merged["holidays"]["Christmas"] == bundled["holidays"]["Christmas"]  # the bundled entries stay
    assert merged["future_verbs"] == [*bundled["future_verbs"], "reckon"]
    assert "Unity Day" not in bundled["holidays"]  # the bundled file is never changed


@pytest.fixture(scope="module")
def extended_coder(tmp_path_factory) -> Coder:
    folder = tmp_path_factory.mktemp("knowledge")
    return Coder(Config(
        time_files=(_write(folder, "times.json", {"holidays": {"Unity Day": "09-17"}}),),
        figure_files=(_write(folder, "figures.json", {"words": {"zorkmids": "ZRK"}}),),
        role_files=(_write(folder, "roles.json", {"organisations": [
            {"name": "Institute for Ruritanian Studies", "country": "NOR", "sector": "EDU"}]}),),
    ))


@pytest.fixture(scope="module")
def plain_coder() -> Coder:
    return Coder()


TEXT = ("Jo Ames, a fellow at the Institute for Ruritanian Studies, said on Monday that the government "
        "would spend 40 million zorkmids on roads before Unity Day.")


def test_a_time_file_adds_a_holiday(extended_coder: Coder, plain_coder: Coder) -> None:
    extended = extended_coder.code(TEXT, published="2025-05-07")
    assert "2025-09-17" in [t.value for t in extended.times]
    plain = plain_coder.code(TEXT, published="2025-05-07")  # another coder in the same process: no holiday
    assert "2025-09-17" not in [t.value for t in plain.times]


def test_a_figure_file_adds_a_currency(extended_coder: Coder, plain_coder: Coder) -> None:
    assert "ZRK" in [f.unit for f in extended_coder.code(TEXT, published="2025-05-07").figures]
    assert "ZRK" not in [f.unit for f in plain_coder.code(TEXT, published="2025-05-07").figures]


def test_a_role_file_adds_an_organisation(extended_coder: Coder, plain_coder: Coder) -> None:
    [speaker] = extended_coder.code(TEXT, published="2025-05-07").speakers
    assert speaker.country == "NOR"
    [speaker] = plain_coder.code(TEXT, published="2025-05-07").speakers
    assert speaker.country is None


def test_user_files_change_the_coder_version(extended_coder: Coder, plain_coder: Coder) -> None:
    assert extended_coder.version.data_hash != plain_coder.version.data_hash


def test_an_unknown_word_list_raises() -> None:
    lexicon = EventLexicon.from_config()
    assert lexicon.has("support_verbs", "impose")
    with pytest.raises(KeyError, match="no word list 'suport_verbs'"):
        lexicon.has("suport_verbs", "impose")
