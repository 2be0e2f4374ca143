"""`make bench`: the time to import a generated 200-article official text, as plain text and as a
DOCX (python -m generator import's reading and recognising, without the check and the write),
printed as medians of several runs. Figures only, no limit asserted."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from generator.importer import import_file
from tests.docx_official import docx_of

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "official" / "nq-99-2025-gia-dinh.txt"


def scaled_text(articles: int) -> str:
    """The fictional fixture with its Điều 4 repeated until the text has `articles` articles,
    in chapters of ten, each article with its khoản, điểm and '-' items."""
    text = FIXTURE.read_text(encoding="utf-8")
    head, rest = text.split("Chương I\n", 1)
    article = rest[rest.index("Điều 4. ") : rest.index("Điều 4a. ")].strip()
    tail = rest[rest.index("Nghị quyết này đã được") :]
    body = []
    for n in range(1, articles + 1):
        if n % 10 == 1:
            body.append(f"Chương {n // 10 + 1}\nCHƯƠNG THỨ {n // 10 + 1}\n")
        body.append(article.replace("Điều 4. ", f"Điều {n}. ", 1) + "\n")
    return head + "\n".join(body) + "\n" + tail


def report(runs: int = 5, articles: int = 200) -> None:
    """Print the import's timings for a text and a DOCX of `articles` articles."""
    with tempfile.TemporaryDirectory(prefix="nq-bench-import-") as tmp:
        text = Path(tmp) / f"nq-{articles}.txt"
        text.write_text(scaled_text(articles), encoding="utf-8")
        document = docx_of(text, Path(tmp) / f"nq-{articles}.docx")
        print(f"\nimport of a {articles}-article official text (seconds: median [min–max] of {runs} runs)")
        for path in (text, document):
            seconds = []
            for _ in range(runs):
                start = time.perf_counter()
                data = import_file(path)
                seconds.append(time.perf_counter() - start)
            count = sum(len(c["articles"]) for c in data["chapters"])
            print(
                f"  {path.suffix[1:]:<5} {path.stat().st_size / 1024:7.0f} KB  {count} articles  "
                f"{statistics.median(seconds):.3f} [{min(seconds):.3f}–{max(seconds):.3f}]",
                flush=True,
            )


if __name__ == "__main__":
    report()
