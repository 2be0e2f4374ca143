"""A checklist as a DOCX that officials can edit in Word (python-docx), laid out like the print.

A4 portrait, margins 20/15/20/30 mm, Times New Roman 13 pt; header table without borders; the
table's header rows repeat on every page and rows never split; signatures; the footer carries
the source, version, date, URL and QR code; page numbers from page 2.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from dataclasses import dataclass

from generator.model import Resolution
from generator.render import checklist as ck
from generator.render import citation
from generator.render.qr import qr_png

TEXT_WIDTH_MM = 210 - 30 - 15
WIDTHS_MM = [10, 0, 24, 12, 12, 12, 22, 14]  # 0: the content column takes the rest
FONT = "Times New Roman"
SYMBOL_FONT = "Segoe UI Symbol"
# The longest text a DOCX core property (title, subject) holds: python-docx refuses a longer one.
PROPERTY_CHARS = 255


@dataclass(frozen=True, slots=True, kw_only=True)
class DocxRow:
    """One requirement's line: its number, wording, who does it, and the clause it comes from."""

    number: int
    wording: str
    actor: str | None
    basis: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DocxForm:
    """Everything of the data that one checklist's DOCX prints, and nothing else: the cache of
    the downloads keys the DOCX by it, so an edit elsewhere in the data does not make it again."""

    kind: str
    subject: str
    unit: str
    # The signature blocks, left to right: each its capitals (authority line, title) and note.
    signers: tuple[tuple[tuple[str, ...], str], ...]
    groups: tuple[tuple[str, str, tuple[DocxRow, ...]], ...]  # (numeral, title, rows)


def docx_form(model: Resolution, cl: ck.Checklist) -> DocxForm:
    """What the DOCX of `cl` prints from `model`."""
    kind, subject = ck.title(model)
    return DocxForm(
        kind=kind,
        subject=subject,
        unit=cl.unit.name,
        signers=tuple((s.lines, s.note) for s in ck.signers(cl.unit)),
        groups=tuple(
            (
                g.numeral,
                g.title,
                tuple(
                    DocxRow(
                        number=r.number,
                        wording=r.requirement.wording,
                        actor=r.requirement.actor,
                        basis=citation.basis(model, r.requirement.clause_id),
                    )
                    for r in g.rows
                ),
            )
            for g in cl.groups
        ),
    )


def checklist_docx(form: DocxForm, *, url: str, footer: list[str], date: datetime.date) -> bytes:
    """The DOCX of one checklist; `footer` lines and `date` are fixed by the caller (reproducible)."""
    from docx import Document
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    align = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }
    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    sec.header_distance, sec.footer_distance = Mm(8), Mm(5)

    def fonts(owner, name: str) -> None:
        rpr = owner.get_or_add_rPr()
        rf = rpr.find(qn("w:rFonts"))
        if rf is None:
            rf = OxmlElement("w:rFonts")
            rpr.insert(0, rf)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rf.set(qn(attr), name)

    normal = d.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(13)
    fonts(normal.element, FONT)
    normal.paragraph_format.space_after = normal.paragraph_format.space_before = Pt(0)

    def para(box, text="", *, bold=False, italic=False, size=None, where="center", keep=False):
        p = box.add_paragraph()
        p.alignment = align[where]
        p.paragraph_format.keep_with_next = keep or None
        if text:
            run = p.add_run(text)
            run.bold, run.italic = bold, italic
            if size:
                run.font.size = Pt(size)
        return p

    def first(cell, *args, **kwargs):
        """Write into a cell, reusing the empty paragraph python-docx puts in each."""
        p = para(cell, *args, **kwargs)
        if len(cell.paragraphs) == 2 and not cell.paragraphs[0].text:
            cell._tc.remove(cell.paragraphs[0]._p)
        return p

    def no_borders(table) -> None:
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            e = OxmlElement(f"w:{edge}")
            e.set(qn("w:val"), "nil")
            borders.append(e)
        table._tbl.tblPr.append(borders)

    def fixed(table, widths) -> None:
        table.autofit = False
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        table._tbl.tblPr.append(layout)
        for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False):
            col.set(qn("w:w"), str(int(Mm(w).twips)))
        for row in table.rows:
            for i, cell in enumerate(row.cells):
                cell.width = Mm(widths[i])

    def row_props(row, header=False) -> None:
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))  # rows never split across pages
        if header:
            trpr.append(OxmlElement("w:tblHeader"))  # repeated on every page

    def rule_under(p, indent_pt: float) -> None:
        p.paragraph_format.left_indent = p.paragraph_format.right_indent = Pt(max(0.0, indent_pt))
        bdr, bottom = OxmlElement("w:pBdr"), OxmlElement("w:bottom")
        for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            bottom.set(qn(k), v)
        bdr.append(bottom)
        p._p.get_or_add_pPr().append(bdr)

    # header: unit and number on the left; quốc hiệu, tiêu ngữ and date on the right
    left, right = 62, TEXT_WIDTH_MM - 62
    head = d.add_table(rows=2, cols=2)
    no_borders(head)
    fixed(head, [left, right])
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    first(head.cell(0, 0), ck.FILL, bold=True, size=12.5)
    first(head.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12.5)
    motto = para(head.cell(0, 1), "Độc lập - Tự do - Hạnh phúc", bold=True, size=13)
    # NOTE: the rule is as long as the motto: ~0.5 em per character of Times bold.
    rule_under(motto, (Mm(right).pt - 10.8 - len(motto.text) * 13 * 0.5) / 2)
    first(head.cell(1, 0), "Số: ……/BK-……")
    first(head.cell(1, 1), "……, ngày … tháng … năm …", italic=True)
    para(d)

    kind, subject = form.kind, form.subject
    para(d, kind.upper(), bold=True, size=14)
    para(d, subject[:1].upper() + subject[1:], bold=True)
    para(d, f"Áp dụng cho: {form.unit}", italic=True)
    para(d, f"Kỳ đánh giá: {ck.FILL}", italic=True)
    para(d, ck.NOTE, italic=True, size=10.5, where="justify").paragraph_format.space_after = Pt(6)

    widths = list(WIDTHS_MM)
    widths[1] = TEXT_WIDTH_MM - sum(widths)
    table = d.add_table(rows=2 + sum(1 + len(rows) for _, _, rows in form.groups), cols=len(widths))
    table.style = d.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fixed(table, widths)
    for i in (0, 1, 2, 6, 7):
        cell = table.cell(0, i).merge(table.cell(1, i))
        first(cell, ck.COLUMNS[i], bold=True, size=10.5)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    first(table.cell(0, 3).merge(table.cell(0, 5)), "Kết quả", bold=True, size=10.5)
    for i in (3, 4, 5):
        first(table.cell(1, i), ck.COLUMNS[i], bold=True, size=10)
    row_props(table.rows[0], True)
    row_props(table.rows[1], True)
    r = 2
    for numeral, group_title, rows in form.groups:
        cells = table.rows[r].cells
        row_props(table.rows[r])
        first(cells[0], numeral, bold=True, size=12, keep=True)
        first(cells[1].merge(cells[-1]), group_title, bold=True, size=12, where="left", keep=True)
        r += 1
        for row in rows:
            cells = table.rows[r].cells
            row_props(table.rows[r])
            first(cells[0], str(row.number), size=12)
            first(cells[1], row.wording, size=12, where="justify")
            if row.actor:
                para(cells[1], f"Chủ thể: {row.actor}", italic=True, size=10.5, where="left")
            first(cells[2], row.basis, size=11, where="left")
            for i in (3, 4, 5):
                box = first(cells[i], "☐", size=13).runs[0]
                # NOTE: Times New Roman has no ☐; name a font that has it rather than leave
                # the choice to Word's fallback.
                box.font.name = SYMBOL_FONT
                fonts(box._r, SYMBOL_FONT)
            r += 1

    para(d, keep=True)
    sign = d.add_table(rows=1, cols=2)
    no_borders(sign)
    fixed(sign, [TEXT_WIDTH_MM / 2] * 2)
    row_props(sign.rows[0])
    for cell, (lines, note) in zip(sign.rows[0].cells, form.signers, strict=False):
        first(cell, lines[0], bold=True)
        for line in lines[1:]:
            para(cell, line, bold=True)
        para(cell, note, italic=True, size=12)

    # page number centred at the top from page 2; footer with source, version, URL, QR
    sec.different_first_page_header_footer = True
    number = sec.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    number._p.append(field)
    png = qr_png(url)
    for foot in (sec.footer, sec.first_page_footer):
        foot.is_linked_to_previous = False
        box = foot.add_table(rows=1, cols=2, width=Mm(TEXT_WIDTH_MM))
        no_borders(box)
        fixed(box, [TEXT_WIDTH_MM - 18, 18])
        for i, line in enumerate(footer):
            (first if i == 0 else para)(box.cell(0, 0), line, size=9, where="left")
        first(box.cell(0, 1)).add_run().add_picture(io.BytesIO(png), width=Mm(15))

    props = d.core_properties
    props.title = _property(f"{kind} – {form.unit}")
    props.subject = _property(subject)
    props.language = "vi-VN"
    props.author = props.last_modified_by = ""
    props.revision = 1
    moment = datetime.datetime.combine(date, datetime.time())
    props.created = props.modified = moment
    out = io.BytesIO()
    d.save(out)
    return _fixed_zip(out.getvalue(), moment)


def _property(text: str) -> str:
    """`text` as a core property: cut with "…" where it is too long (a long trích yếu), the
    document itself keeps it whole."""
    return text if len(text) <= PROPERTY_CHARS else text[: PROPERTY_CHARS - 1] + "…"


def _fixed_zip(data: bytes, moment: datetime.datetime) -> bytes:
    """The same archive with every entry dated `moment`: python-docx stamps entries with the
    clock, which would make every build's DOCX differ."""
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=moment.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
