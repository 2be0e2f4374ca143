"""The bảng kiểm: each unit type's page, PDF and DOCX hold exactly the requirements that apply to
it, with their citations; the downloads are A4, with fonts embedded, and reproducible."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

from generator.outputs import checklists as downloads
from generator.pipeline import load_resolution
from generator.render import checklist as ck
from generator.render import citation
from generator.render import pages as render
from tests.conftest import ROOT, SMALL, TEST_URL, rendered

MODEL = load_resolution(ROOT / "resolution.yaml")
UNITS = [u.id for u in MODEL.unit_types]


def squash(text: str) -> str:
    """Text without whitespace, NFC: PDF text extraction breaks lines anywhere."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def expected(unit_id: str) -> tuple[set[str], set[str]]:
    """(wordings that apply, wordings that do not) for a unit type."""
    applies = {r.wording for r in MODEL.requirements_for(unit_id)}
    return applies, {r.wording for r in MODEL.requirements} - applies


def test_groups_are_numbered_in_roman_and_rows_from_one_in_the_order_of_the_text():
    cl = ck.checklist(MODEL, MODEL.unit_types[3])
    assert [(g.numeral, g.title) for g in cl.groups] == [("I", "Mục tiêu"), ("II", "Biện pháp")]
    for group in cl.groups:
        assert [r.number for r in group.rows] == list(range(1, len(group.rows) + 1))
    order = [item.id for item in MODEL.items]
    cited = [r.item.id for r in cl.rows]
    assert cited == sorted(cited, key=order.index)


@pytest.mark.parametrize("unit_id", UNITS)
def test_each_page_holds_exactly_its_requirements_with_citations(unit_id):
    unit = next(u for u in MODEL.unit_types if u.id == unit_id)
    page = rendered(MODEL)[f"bang-kiem/{unit_id}.md"]
    applies, others = expected(unit_id)
    rows = re.findall(r'<span class="bk-wording">(.*?)</span>', page)
    assert sorted(rows) == sorted(applies) and not others & set(rows)
    for row in ck.checklist(MODEL, unit).rows:
        # A link to the item's .md page, which MkDocs checks and writes for the site's layout.
        assert (
            f'<a href="../{row.item.section_id}/{row.item.number}.md">'
            f"{row.item.label} – Nghị quyết 55/NQ-HĐND</a>" in page
        )


def test_hostile_wording_is_escaped_in_the_form():
    model = load_resolution(SMALL)
    page = rendered(model)["bang-kiem/don-vi-a.md"]
    assert "Đã báo cáo &lt;đủ&gt; &amp; *đúng*." in page and "<đủ>" not in page


def test_each_item_page_lists_the_checklists_it_appears_in():
    pages = rendered(MODEL)
    assert "[Xã, phường, thị trấn](../bang-kiem/xa-phuong-thi-tran.md)" in pages["muc-tieu/4.md"]
    assert "to-chuc-co-su-dung-lao-dong" not in pages["bien-phap/1.md"].split("Có trong bảng kiểm")[0]
    assert "Mục này không có trong bảng kiểm" in pages["nguyen-tac/1.md"]


def test_every_row_has_an_anchor_and_copy_controls_with_its_url_and_its_clauses_citation():
    unit = MODEL.unit_types[3]
    page = rendered(MODEL)[f"bang-kiem/{unit.id}.md"]
    rows = ck.checklist(MODEL, unit).rows
    for row in rows:
        rid = row.requirement.id
        assert f'<tr class="bk-row" id="{rid}" data-bk-id="{rid}">' in page
        assert (
            f'<div class="nq-copy bk-screen" data-nq-url="{TEST_URL}bang-kiem/{unit.id}/#{rid}" '
            f'data-nq-cite="{row.item.label}, {MODEL.citation}"></div>'
        ) in page
    assert page.count('class="nq-copy') == len(rows)


def test_the_printed_form_has_no_copy_controls():
    import datetime

    unit = MODEL.unit_types[0]
    html = downloads.standalone_html(
        MODEL, ck.checklist(MODEL, unit), "https://example.org/", datetime.date(2024, 1, 16)
    )
    assert 'class="nq-copy' not in html and "data-nq-" not in html
    css = downloads.CSS.read_text(encoding="utf-8")
    hidden = re.search(r"@media print \{\s*([^{]+)\{ display: none !important; \}", css).group(1)
    assert ".bk-screen" in hidden  # the web page's copy controls carry bk-screen


def test_a_resolution_without_requirements_has_no_checklist_pages():
    from generator.check.validate import validate
    from generator.load.source import parse

    text = SMALL.read_text(encoding="utf-8")
    model = validate(parse(text[: text.index("requirements:\n")], "small.yaml"))
    assert not [p for p in rendered(model) if p.startswith("bang-kiem/")]
    assert "Bảng kiểm" not in str(render.nav(model))


def test_the_build_date_comes_from_source_date_epoch_else_from_the_data():
    from generator.dates import build_date

    assert str(build_date(MODEL, "1700000000")) == "2023-11-14"
    assert str(build_date(MODEL, None)) == "2024-01-16"
    assert str(build_date(MODEL, "not a number")) == "2024-01-16"


def write_downloads(model, site_dir, site_url, cache, date):
    """The checklists' downloads made and written into `site_dir`, as the plugin does; their paths."""
    from generator.write.cache import Cache
    from generator.write.tree import write_files

    files = downloads.checklist_files(model, site_url=site_url, date=date, cache=Cache(cache))
    write_files(site_dir, files)
    return [site_dir / rel for rel in files]


def test_downloads_are_byte_identical_when_rebuilt(tmp_path):
    import datetime

    date = datetime.date(2024, 1, 16)
    first = write_downloads(MODEL, tmp_path / "a", "https://example.org/", tmp_path / "c1", date)
    second = write_downloads(MODEL, tmp_path / "b", "https://example.org/", tmp_path / "c2", date)
    assert len(first) == 2 * len(UNITS)
    for a, b in zip(first, second, strict=False):
        assert a.read_bytes() == b.read_bytes(), a.name


@pytest.mark.parametrize("unit_id", UNITS)
def test_each_pdf_is_a4_with_embedded_fonts_and_exactly_its_requirements(site, unit_id):
    from pypdf import PdfReader

    reader = PdfReader(site / "bang-kiem" / unit_id / f"bang-kiem-{unit_id}.pdf")
    for pdf_page in reader.pages:
        assert (round(float(pdf_page.mediabox.width)), round(float(pdf_page.mediabox.height))) == (595, 842)
        for font in pdf_page["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object(), "font not embedded"
    pages = [squash(p.extract_text()) for p in reader.pages]
    text = "".join(pages)
    applies, others = expected(unit_id)
    for wording in applies:
        # rows never split: each row's words stand whole on one page
        assert sum(squash(wording) in page for page in pages) == 1, wording
    for wording in others:
        assert squash(wording) not in text, wording
    for needle in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "NGƯỜI LẬP",
        "(Ký, ghi rõ họ tên, đóng dấu)",
        "Nguồn: Nghị quyết số 55/NQ-HĐND",
        f"/bang-kiem/{unit_id}/",
        "Biện pháp 3 – Nghị quyết 55/NQ-HĐND",
    ):
        assert squash(needle) in text, needle


@pytest.mark.parametrize("unit_id", UNITS)
def test_each_docx_holds_exactly_its_requirements_with_citations(site, unit_id):
    import docx

    document = docx.Document(
        io.BytesIO((site / "bang-kiem" / unit_id / f"bang-kiem-{unit_id}.docx").read_bytes())
    )
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
    table = document.tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows[2:]]
    items = [r for r in rows if r[0].isdigit()]
    wordings = [r[1].split("\n")[0] for r in items]
    applies, _ = expected(unit_id)
    assert sorted(wordings) == sorted(applies)
    unit = next(u for u in MODEL.unit_types if u.id == unit_id)
    assert [r[2] for r in items] == [
        citation.basis(MODEL, row.requirement.clause_id) for row in ck.checklist(MODEL, unit).rows
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BẢNG KIỂM" in text and f"Áp dụng cho: {unit.name}" in text
    footer = "\n".join(c.text for t in section.footer.tables for row in t.rows for c in row.cells)
    assert f"/bang-kiem/{unit_id}/" in footer and "Nguồn: Nghị quyết số 55/NQ-HĐND" in footer


def test_the_checklist_page_links_its_downloads_and_loads_its_assets(site):
    page = (site / "bang-kiem" / "xa-phuong-thi-tran" / "index.html").read_text(encoding="utf-8")
    assert (
        'href="bang-kiem-xa-phuong-thi-tran.pdf"' in page
        and 'href="bang-kiem-xa-phuong-thi-tran.docx"' in page
    )
    assert "checklist.css" in page and "checklist.js" in page and "@bottom-right" in page
    url = re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1)
    assert url.endswith("/bang-kiem/xa-phuong-thi-tran/")
    assert f"<title>Mã QR: {url}</title>" in page and f"{url}</div></div>" in page
    other = (site / "bien-phap" / "3" / "index.html").read_text(encoding="utf-8")
    assert "checklist.css" not in other and "checklist.js" not in other


def test_a_rebuild_with_the_same_inputs_takes_the_downloads_from_the_cache(tmp_path, monkeypatch):
    import datetime

    date = datetime.date(2024, 1, 16)
    write_downloads(MODEL, tmp_path / "a", "https://example.org/", tmp_path / "cache", date)

    def fail(*args, **kwargs):
        raise AssertionError("the PDF was made again although its inputs did not change")

    monkeypatch.setattr(downloads, "html_to_pdf", fail)
    write_downloads(MODEL, tmp_path / "b", "https://example.org/", tmp_path / "cache", date)
    with pytest.raises(AssertionError, match="made again"):
        write_downloads(MODEL, tmp_path / "c", "https://example.org/other/", tmp_path / "cache", date)


def test_an_edit_the_downloads_do_not_print_leaves_them_in_the_cache(tmp_path, monkeypatch):
    """Every save under `mkdocs serve` rebuilds the site: an edit to what the checklists do not
    print (an item's explanation) must not make their PDF and DOCX again; an edit to a
    requirement's wording must."""
    import dataclasses
    import datetime

    date, url, cache = datetime.date(2024, 1, 16), "https://example.org/", tmp_path / "cache"
    write_downloads(MODEL, tmp_path / "a", url, cache, date)
    made: list[str] = []
    monkeypatch.setattr(downloads, "html_to_pdf", lambda *a, **k: made.append("pdf") or b"%PDF")
    monkeypatch.setattr(downloads, "checklist_docx", lambda *a, **k: made.append("docx") or b"PK")

    def explained_again(item):
        if item.explanation is None:
            return item
        return dataclasses.replace(
            item,
            explanation=dataclasses.replace(item.explanation, citizen=item.explanation.citizen + " (sửa)"),
        )

    edited = dataclasses.replace(
        MODEL,
        sections=tuple(
            dataclasses.replace(s, items=tuple(explained_again(i) for i in s.items)) for s in MODEL.sections
        ),
    )
    assert edited != MODEL
    write_downloads(edited, tmp_path / "b", url, cache, date)
    assert made == []
    first = MODEL.requirements[0]
    reworded = dataclasses.replace(
        MODEL,
        requirements=(dataclasses.replace(first, wording=first.wording + " (sửa)"), *MODEL.requirements[1:]),
    )
    write_downloads(reworded, tmp_path / "c", url, cache, date)
    assert "pdf" in made and "docx" in made


def test_the_index_links_every_download(site):
    page = (site / "bang-kiem" / "index.html").read_text(encoding="utf-8")
    for unit_id in UNITS:
        for ext in ("pdf", "docx"):
            href = f"{unit_id}/bang-kiem-{unit_id}.{ext}"
            assert f'href="{href}"' in page and (site / "bang-kiem" / href).is_file()


def top_margin_text(pdf_page) -> list[str]:
    """The words printed in the top margin (20 mm) of a PDF page."""
    found: list[str] = []

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and y > float(pdf_page.mediabox.height) - 56.7:
            found.append(text.strip())

    pdf_page.extract_text(visitor_text=visit)
    return found


def test_pages_are_numbered_at_the_top_from_page_two(site):
    from pypdf import PdfReader

    reader = PdfReader(site / "bang-kiem" / "xa-phuong-thi-tran" / "bang-kiem-xa-phuong-thi-tran.pdf")
    assert len(reader.pages) > 2
    assert [top_margin_text(p) for p in reader.pages] == [[]] + [
        [str(n)] for n in range(2, len(reader.pages) + 1)
    ]


def test_a_citation_cannot_close_the_print_style():
    """The footer's lines come from the data and sit in a <style> in the page's head."""
    from generator.render.footer import print_style

    style = print_style(["Nguồn: </style><script>alert(1)</script>", 'a "b" \\c'], "https://example.org/")
    assert style.count("</style>") == 1 and style.endswith("</style>")
    assert "<script" not in style and "\\3C /style>" in style
    assert '"a \\"b\\" \\\\c"' in style
