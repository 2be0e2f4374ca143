"""The corpus of bad imports (tests/corpus-import/): every case gives exactly its message, exit
status 1, no traceback, and writes nothing.

A case is a whole input file (`NAME.txt`, `NAME.doc`, `NAME.pdf`, `NAME.docx`: bytes as saved, some
of them not text on purpose) or `NAME.edit.json` (replacements made in the fictional official text
tests/fixtures/official/nq-99-2025-gia-dinh.txt, imported as `NAME.txt`), with `NAME.expected`
beside it: the exact error output of `python -m generator import NAME.… --output out.yaml` run in
the case's folder. Cases made in the test (DOCX with Word numbering, a zip bomb) are in
tests/test_import.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus-import"
OFFICIAL = ROOT / "tests" / "fixtures" / "official" / "nq-99-2025-gia-dinh.txt"
NAMES = sorted(p.name[: -len(".expected")] for p in CORPUS.glob("*.expected"))


def case_input(name: str) -> tuple[str, bytes]:
    """The case's file name and bytes."""
    edit = CORPUS / f"{name}.edit.json"
    if edit.exists():
        text = OFFICIAL.read_text(encoding="utf-8")
        for old, new in json.loads(edit.read_text(encoding="utf-8"))["replace"]:
            assert text.count(old) == 1, f"{name}: {old!r} must occur once in the official fixture"
            text = text.replace(old, new)
        return f"{name}.txt", text.encode("utf-8")
    (whole,) = [p for p in CORPUS.glob(f"{name}.*") if p.suffix not in (".expected", ".json")]
    return whole.name, whole.read_bytes()


def import_refused(tmp_path: Path, file_name: str, data: bytes, capsys) -> str:
    """Run the import of `data` saved as `file_name`; return its error output."""
    (tmp_path / file_name).write_bytes(data)
    capsys.readouterr()
    status = main(["import", file_name, "--output", "out.yaml"])
    out, err = capsys.readouterr()
    assert status == 1, out + err
    assert out == "" and "Traceback" not in err
    assert not (tmp_path / "out.yaml").exists()
    return err


def test_every_case_has_its_input_and_its_message():
    assert len(NAMES) >= 25
    inputs = {
        p.name.split(".")[0] for p in CORPUS.iterdir() if p.suffix != ".expected" and p.name != "README.md"
    }
    assert inputs == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_bad_import_gives_its_exact_message(name, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    file_name, data = case_input(name)
    err = import_refused(tmp_path, file_name, data, capsys)
    assert err == (CORPUS / f"{name}.expected").read_text(encoding="utf-8")
