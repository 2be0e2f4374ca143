"""Signature blocks per unit type: the data gives each unit type its block (authority line,
title, note) and its "Người lập" block; the web form, the PDF and the DOCX print them; a unit
type without one keeps the generic block."""

from __future__ import annotations

import datetime
import io
import re

import pytest

from generator.check.validate import validate
from generator.errors import InputError
from generator.load.source import parse
from generator.outputs import checklists as downloads
from generator.outputs.docx import checklist_docx, docx_form
from generator.outputs.pdf import html_to_pdf
from generator.pipeline import load_resolution
from generator.render import checklist as ck
from tests.conftest import ROOT, SMALL, TEST_URL

MODEL = load_resolution(ROOT / "resolution.yaml")
# NQ 55's unit types sign as ../shared/DOMAIN.md says: (capitals top down, note).
NOTE = "(Ký, ghi rõ họ tên, đóng dấu)"
BLOCKS = {
    "co-quan-nha-nuoc": ["THỦ TRƯỞNG CƠ QUAN"],
    "don-vi-su-nghiep-cong-lap": ["THỦ TRƯỞNG ĐƠN VỊ"],
    "to-chuc-co-su-dung-lao-dong": ["NGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT"],
    "xa-phuong-thi-tran": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
}
GENERIC = "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"
BASE = SMALL.read_text(encoding="utf-8")
AT = "    name: Đơn vị A\n"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def small_with(block: str):
    assert BASE.count(AT) == 1
    return parse(BASE.replace(AT, AT + block), "small.yaml")


def test_the_data_gives_every_unit_type_of_nq55_its_block():
    got = {u.id: (list(u.signature.lines), u.signature.note, u.prepared_by.lines) for u in MODEL.unit_types}
    assert got == {unit: (lines, NOTE, ("NGƯỜI LẬP",)) for unit, lines in BLOCKS.items()}


@pytest.mark.parametrize("unit_id", BLOCKS)
def test_each_web_form_prints_its_units_block_and_no_generic_one(site, unit_id):
    page = (site / "bang-kiem" / unit_id / "index.html").read_text(encoding="utf-8")
    sign = re.search(r'<table class="bk-sign".*?</table>', page, re.S).group(0)
    roles = re.findall(r'<div class="bk-role">([^<]*)</div>', sign)
    assert roles == ["NGƯỜI LẬP", *BLOCKS[unit_id]]
    assert re.findall(r'<div class="bk-hint">([^<]*)</div>', sign) == ["(Ký, ghi rõ họ tên)", NOTE]
    assert GENERIC not in page


@pytest.mark.parametrize("unit_id", BLOCKS)
def test_each_pdf_carries_its_units_block(site, unit_id):
    from pypdf import PdfReader

    reader = PdfReader(site / "bang-kiem" / unit_id / f"bang-kiem-{unit_id}.pdf")
    last = squash(reader.pages[-1].extract_text())
    for line in ["NGƯỜI LẬP", *BLOCKS[unit_id], NOTE]:
        assert squash(line) in last, line
    assert squash(GENERIC) not in squash("".join(p.extract_text() for p in reader.pages))
    # the authority line stands above the title
    if len(BLOCKS[unit_id]) == 2:
        assert last.index(squash(BLOCKS[unit_id][0])) < last.index(squash(BLOCKS[unit_id][1]))


def sign_cells(data: bytes) -> list[list[tuple[str, bool, bool]]]:
    """The DOCX's signature table: each cell's paragraphs as (text, bold, italic)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    table = document.tables[-1]
    return [
        [
            (p.text, bool(p.runs and p.runs[0].bold), bool(p.runs and p.runs[0].italic))
            for p in cell.paragraphs
        ]
        for cell in table.rows[0].cells
    ]


@pytest.mark.parametrize("unit_id", BLOCKS)
def test_each_docx_carries_its_units_block(site, unit_id):
    cells = sign_cells((site / "bang-kiem" / unit_id / f"bang-kiem-{unit_id}.docx").read_bytes())
    assert cells == [
        [("NGƯỜI LẬP", True, False), ("(Ký, ghi rõ họ tên)", False, True)],
        [*((line, True, False) for line in BLOCKS[unit_id]), (NOTE, False, True)],
    ]


def test_a_unit_type_without_a_block_keeps_the_generic_one_everywhere():
    model = validate(parse(BASE, "small.yaml"))
    (cl,) = ck.checklists(model)
    assert ck.signers(cl.unit)[1].lines == (GENERIC,)
    form = ck.form_html(model, cl, lambda item: "x")
    assert f'<div class="bk-role">{GENERIC}</div>\n<div class="bk-hint">{NOTE}</div>' in form
    date = datetime.date(2024, 2, 5)
    data = checklist_docx(docx_form(model, cl), url=TEST_URL, footer=["x"], date=date)
    assert sign_cells(data)[1] == [(GENERIC, True, False), (NOTE, False, True)]
    from pypdf import PdfReader

    pdf = html_to_pdf(downloads.standalone_html(model, cl, TEST_URL, date))
    assert squash(GENERIC) in squash(PdfReader(io.BytesIO(pdf)).pages[-1].extract_text())


def test_a_block_without_a_note_takes_the_usual_one_and_a_preparer_its_own():
    block = "    signature:\n      title: GIÁM ĐỐC\n    prepared_by:\n      title: NGƯỜI LẬP BIỂU\n"
    (unit,) = validate(small_with(block)).unit_types
    assert (unit.signature.lines, unit.signature.note) == (("GIÁM ĐỐC",), NOTE)
    assert (unit.prepared_by.lines, unit.prepared_by.note) == (("NGƯỜI LẬP BIỂU",), "(Ký, ghi rõ họ tên)")


def test_a_block_without_a_title_is_refused_at_its_line():
    with pytest.raises(InputError) as refused:
        validate(small_with("    signature:\n      authority: TM. ỦY BAN NHÂN DÂN\n"))
    messages = [f"{p.line}: {p.path}" for p in refused.value.problems]
    assert messages == ["26: unit_types[don-vi-a].signature.title"]
