"""`make bench`: the site of a resolution in the official layout (Chương / Điều / khoản / điểm), from
the fictional fixture tests/fixtures/official/nq-99-2025-gia-dinh.yaml, and from a text ten times
as long: the fixture's text with its Điều 4 (its richest article: khoản, điểm and '-' items)
repeated until the text has ten times the fixture's articles, imported by
`python -m generator import` (tests/bench/importing.scaled_text; scale.py repeats the sections
of the news-article shape, not articles). Printed with the same figures as the real
resolution's, without the serve round trip (it edits an item of the news-article shape).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.bench.importing import scaled_text

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "official" / "nq-99-2025-gia-dinh.yaml"


def articles(data: Path) -> int:
    """How many articles (Điều) the resolution in `data` has."""
    loaded = yaml.safe_load(data.read_text(encoding="utf-8"))
    chapters = loaded.get("chapters") or [{"articles": loaded.get("articles") or []}]
    return sum(len(chapter["articles"]) for chapter in chapters)


def resolution(k: int, target: Path) -> Path:
    """The fixture (k = 1), or the data of a text with k times its articles, at `target`."""
    if k == 1:
        shutil.copy(FIXTURE, target)
        return target
    text = target.with_suffix(".txt")
    text.write_text(scaled_text(k * articles(FIXTURE)), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "generator", "import", str(text), "--output", str(target), "--force"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return target
