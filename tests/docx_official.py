"""Real DOCX files of the official fixtures, made with python-docx as Word lays such a text out:
the header (issuer | Quốc hiệu) and the signature block (Nơi nhận | TM. HỘI ĐỒNG NHÂN DÂN …) in
two-column tables without borders, every other line a paragraph, TAB-separated lines a data
table. Built by the tests, so that no binary file is committed."""

from __future__ import annotations

from pathlib import Path

import docx


def _is_left(line: str) -> bool:
    return line.startswith(("Nơi nhận", "- "))


def docx_of(text_path: Path, out: Path) -> Path:
    """Write the DOCX of the official text at `text_path` to `out`."""
    lines = [line for line in text_path.read_text(encoding="utf-8").split("\n") if line.strip()]
    title = next(i for i, line in enumerate(lines) if line == "NGHỊ QUYẾT")
    recipients = next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận"))
    appendix = next((i for i, line in enumerate(lines) if line.startswith("PHỤ LỤC")), len(lines))
    document = docx.Document()
    # The header: the issuer and the number on the left, the motto and the place and date on the right.
    header = lines[:title]
    issuer = [line for line in header if line.isupper() and "CỘNG" not in line]
    motto = [line for line in header if "CỘNG" in line or line.startswith("Độc lập")]
    number = [line for line in header if line.startswith("Số:")]
    dated = [line for line in header if ", ngày " in line]
    _layout(document, [(issuer, motto), (number, dated)])
    rows: list[list[str]] = []
    for line in lines[title:recipients] + lines[appendix:]:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        _table(document, rows)
        document.add_paragraph(line)
    _table(document, rows)
    block = lines[recipients:appendix]
    left = [line for line in block if _is_left(line)]
    right = [line for line in block if not _is_left(line)]
    # The appendix comes after the signature block: move the paragraphs written above.
    body = document.element.body
    _layout(document, [(left, right)])
    signature = body[-2]  # the table just added (the last element is the section's settings)
    if appendix < len(lines):
        first = next(p for p in body if p.tag.endswith("}p") and "".join(p.itertext()).startswith("PHỤ LỤC"))
        first.addprevious(signature)
    document.save(out)
    return out


def _table(document, rows: list[list[str]]) -> None:
    if not rows:
        return
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    rows.clear()


def _layout(document, rows: list[tuple[list[str], list[str]]]) -> None:
    table = document.add_table(rows=len(rows), cols=2)
    for r, (left, right) in enumerate(rows):
        for c, lines in enumerate((left, right)):
            cell = table.cell(r, c)
            cell.text = lines[0] if lines else ""
            for line in lines[1:]:
                cell.add_paragraph(line)
