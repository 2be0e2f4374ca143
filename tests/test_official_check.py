"""Checking data in the official layout (Chương / Điều / khoản / điểm): the fictional fixture
passes, and what is wrong in such data is named precisely."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import InputError
from generator.pipeline import load_resolution
from tests.conftest import ROOT

OFFICIAL = ROOT / "tests" / "fixtures" / "official" / "nq-99-2025-gia-dinh.yaml"


def refused(tmp_path: Path, text: str) -> list[str]:
    """The messages for `text` saved as resolution.yaml."""
    path = tmp_path / "resolution.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_resolution(path, "resolution.yaml")
    return [str(p) for p in caught.value.problems]


def test_the_official_fixture_passes_the_check(capsys):
    assert main(["check", str(OFFICIAL)]) == 0
    assert capsys.readouterr().out == f"{OFFICIAL}: OK (7 điều in 3 chương; unit types: 0)\n"
    model = load_resolution(OFFICIAL)
    assert model.official_layout and model.source is None
    assert model.clause_label("dieu-4-khoan-3-diem-dd") == "Điểm đ khoản 3 Điều 4"


def test_sections_and_chapters_together_are_refused(tmp_path):
    text = OFFICIAL.read_text(encoding="utf-8").replace("chapters:\n", "sections:\n  - id: x\nchapters:\n", 1)
    assert (
        "resolution.yaml:77: chapters: cannot stand beside 'sections' (expected exactly one of: "
        "sections (a text in numbered sections, like a news article's), chapters (an official text "
        "with chapters) or articles (an official text without chapters))"
    ) in refused(tmp_path, text)
