"""Checking data in the official layout (Chương / Điều / khoản / điểm): the fictional fixture
passes, and what is wrong in such data is named precisely."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import InputError
from generator.outputs import checklists as downloads
from generator.outputs.docx import docx_form
from generator.pipeline import load_resolution
from generator.render import checklist as ck
from generator.render import citation
from generator.render.pages import render_site
from tests.conftest import ROOT, TEST_URL
from tests.test_any_resolution import generator, text_of_file

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
    assert capsys.readouterr().out == f"{OFFICIAL}: hợp lệ (7 điều trong 3 chương; 0 loại đơn vị)\n"
    model = load_resolution(OFFICIAL)
    assert model.official_layout and model.source is None
    assert model.clause_label("dieu-4-khoan-3-diem-dd") == "Điểm đ khoản 3 Điều 4"


def test_sections_and_chapters_together_are_refused(tmp_path):
    text = OFFICIAL.read_text(encoding="utf-8").replace("chapters:\n", "sections:\n  - id: x\nchapters:\n", 1)
    assert (
        "resolution.yaml:77: chapters: không được ghi cùng với 'sections' (cần đúng một trong: sections "
        "(văn bản chia thành các phần đánh số, như một bài báo), chapters (văn bản chính thức có chương) "
        "hoặc articles (văn bản chính thức không chia chương))"
    ) in refused(tmp_path, text)


# -- requirements and checklists of the official layout --------------------------------------------

BLOCK = OFFICIAL.parent / "requirements-block.yaml"
DATE = datetime.date(2025, 12, 1)
CITATION = "Nghị quyết số 99/2025/NQ-HĐND ngày 12/11/2025 của HĐND tỉnh Giả Định"


def with_checklist(*replace: tuple[str, str]) -> str:
    """The fixture with its checklist (requirements-block.yaml), after the replacements given."""
    text = OFFICIAL.read_text(encoding="utf-8") + BLOCK.read_text(encoding="utf-8")
    for old, new in replace:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def loaded(tmp_path: Path, text: str):
    path = tmp_path / "resolution.yaml"
    path.write_text(text, encoding="utf-8")
    return load_resolution(path, "resolution.yaml")


def test_requirements_may_cite_an_article_a_khoan_or_a_diem(tmp_path):
    model = loaded(tmp_path, with_checklist())
    assert [r.clause_id for r in model.requirements] == [
        "dieu-4-khoan-3-diem-b",
        "dieu-4-khoan-3-diem-dd",
        "dieu-2-khoan-1",
        "dieu-1",
    ]
    assert [r.id for r in model.requirements_of("dieu-4")] == [
        "d4-hoi-nghi-nguoi-lao-dong",
        "d4-cong-khai-qua-loa",
    ]


def test_checklist_rows_cite_the_clause_in_the_order_of_the_text_and_link_to_its_anchor(tmp_path):
    model = loaded(tmp_path, with_checklist())
    unit = next(u for u in model.unit_types if u.id == "co-quan")
    cl = ck.checklist(model, unit)
    assert [g.title for g in cl.groups] == ["Chương I. QUY ĐỊNH CHUNG", "Chương II. CÁC BIỆN PHÁP BẢO ĐẢM"]
    # In the data: điểm b of Điều 4 first, Điều 1 last; in the checklist, the order of the text.
    assert [(r.label, r.anchor) for r in cl.rows] == [
        ("Điều 1", ""),
        ("Khoản 1 Điều 2", "#dieu-2-khoan-1"),
        ("Điểm b khoản 3 Điều 4", "#dieu-4-khoan-3-diem-b"),
    ]
    pages = {path: variables for path, _, variables in ck.pages(model, site_url=TEST_URL, date=DATE)}
    form = pages["bang-kiem/co-quan.md"]["form"]
    assert (
        '<td class="bk-basis"><a href="../dieu-4.md#dieu-4-khoan-3-diem-b">'
        "Điểm b khoản 3 Điều 4 – Nghị quyết 99/2025/NQ-HĐND</a></td>"
    ) in form
    assert '<td class="bk-basis"><a href="../dieu-1.md">Điều 1 – Nghị quyết 99/2025/NQ-HĐND</a></td>' in form
    assert f'data-nq-cite="Điểm b khoản 3 Điều 4, {CITATION}"' in form
    xa = {path: v for path, _, v in ck.pages(model, site_url=TEST_URL, date=DATE)}["bang-kiem/xa-phuong.md"]
    assert (
        '<a href="../dieu-4.md#dieu-4-khoan-3-diem-dd">Điểm đ khoản 3 Điều 4 – Nghị quyết 99/2025/NQ-HĐND</a>'
        in xa["form"]
    )


def test_the_web_form_the_pdf_the_docx_and_the_index_print_the_same_citation(tmp_path):
    model = loaded(tmp_path, with_checklist())
    cl = next(c for c in ck.checklists(model) if c.unit.id == "co-quan")
    basis = "Điểm b khoản 3 Điều 4 – Nghị quyết 99/2025/NQ-HĐND"
    assert citation.basis(model, "dieu-4-khoan-3-diem-b") == basis
    pdf_html = downloads.standalone_html(model, cl, TEST_URL, DATE)
    assert f'<a href="{TEST_URL}dieu-4/#dieu-4-khoan-3-diem-b">{basis}</a>' in pdf_html
    docx_rows = [row for _, _, rows in docx_form(model, cl).groups for row in rows]
    assert [row.basis for row in docx_rows] == [
        "Điều 1 – Nghị quyết 99/2025/NQ-HĐND",
        "Khoản 1 Điều 2 – Nghị quyết 99/2025/NQ-HĐND",
        basis,
    ]
    assert [row.label for row in cl.rows] == ["Điều 1", "Khoản 1 Điều 2", "Điểm b khoản 3 Điều 4"]


def test_a_quote_not_in_the_cited_diem_is_refused(tmp_path):
    text = with_checklist(
        (
            "quote: Tổ chức hội nghị người lao động tại nơi làm việc\n",
            "quote: Kiện toàn Ban Thanh tra nhân dân\n",
        )
    )
    assert refused(tmp_path, text) == [
        (
            "resolution.yaml:221: requirements[d4-hoi-nghi-nguoi-lao-dong].quote: không tìm thấy trong "
            "lời văn của dieu-4-khoan-3-diem-b (cần những chữ chép đúng nguyên văn từ điểm đó (dòng "
            "của chính nó và các phần nằm trong nó); hãy kiểm tra chính tả, dấu thanh và dấu câu)"
        )
    ]


def test_a_quote_from_a_list_inside_the_diem_and_a_whole_article_quote_are_accepted(tmp_path):
    # Điểm đ's words include its '-' items; Điều 1's include its title.
    model = loaded(
        tmp_path,
        with_checklist(("quote: bảo đảm thực hiện dân chủ ở cơ sở\n", "quote: Điều 1. Phạm vi điều chỉnh\n")),
    )
    assert model.requirements[1].quote == "trên hệ thống loa truyền thanh cơ sở"
    assert model.requirements[3].quote == "Điều 1. Phạm vi điều chỉnh"


def test_a_requirement_citing_the_old_id_of_a_renamed_diem_still_works(tmp_path):
    model = loaded(
        tmp_path,
        with_checklist(
            (
                "- id: dieu-4-khoan-3-diem-b\n",
                "- id: dieu-4-khoan-3-diem-b-moi\n                aliases: [dieu-4-khoan-3-diem-b]\n",
            )
        ),
    )
    assert model.requirements[0].clause_id == "dieu-4-khoan-3-diem-b-moi"
    unit = next(u for u in model.unit_types if u.id == "co-quan")
    row = ck.checklist(model, unit).rows[-1]
    assert (row.label, row.anchor) == ("Điểm b khoản 3 Điều 4", "#dieu-4-khoan-3-diem-b-moi")


def test_render_site_makes_the_checklist_pages_and_the_index_cites_the_clauses(tmp_path):
    model = loaded(tmp_path, with_checklist())
    files = render_site(model, site_url=TEST_URL, date=DATE, source_name="nghi-quyet.yaml")
    page = files["bang-kiem/co-quan.md"]
    assert (
        '<a href="../dieu-4.md#dieu-4-khoan-3-diem-b">Điểm b khoản 3 Điều 4 – Nghị quyết 99/2025/NQ-HĐND</a>'
        in page
    )
    index = files["bang-kiem/index.md"]
    assert "- I. Chương I. QUY ĐỊNH CHUNG: 2 nội dung, theo Điều 1, Khoản 1 Điều 2.\n" in index
    assert "- II. Chương II. CÁC BIỆN PHÁP BẢO ĐẢM: 1 nội dung, theo Điểm b khoản 3 Điều 4.\n" in index
    assert "- [Điều 4a](../dieu-4a.md): Quy định về kinh phí, không giao việc cho đơn vị.\n" in index


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The fixture with its checklist, built by `python -m generator site --resolution`."""
    folder = tmp_path_factory.mktemp("official-checklist")
    resolution = folder / "nghi-quyet.yaml"
    resolution.write_text(with_checklist(), encoding="utf-8")
    result = generator("site", "--resolution", str(resolution), "--site-dir", str(folder / "web"))
    assert result.returncode == 0, result.stderr
    return folder / "web"


def test_the_built_checklist_links_each_row_to_its_khoan_or_diem(built):
    page = (built / "bang-kiem" / "co-quan" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<td class="bk-basis"><a href="([^"]*)">([^<]*)</a></td>', page) == [
        ("../../dieu-1/", "Điều 1 – Nghị quyết 99/2025/NQ-HĐND"),
        ("../../dieu-2/#dieu-2-khoan-1", "Khoản 1 Điều 2 – Nghị quyết 99/2025/NQ-HĐND"),
        ("../../dieu-4/#dieu-4-khoan-3-diem-b", "Điểm b khoản 3 Điều 4 – Nghị quyết 99/2025/NQ-HĐND"),
    ]
    assert 'id="dieu-4-khoan-3-diem-b"' in (built / "dieu-4" / "index.html").read_text(encoding="utf-8")
    assert 'id="dieu-2-khoan-1"' in (built / "dieu-2" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("ext", ["pdf", "docx"])
def test_the_built_pdf_and_docx_cite_the_same_clause(built, ext):
    text = text_of_file(built / "bang-kiem" / "co-quan" / f"bang-kiem-co-quan.{ext}")
    # NOTE: the PDF's narrow column wraps the citation: compared without spaces.
    assert "Điểmbkhoản3Điều4–Nghịquyết99/2025/NQ-HĐND" in "".join(text.split())
    assert "Khoản1Điều2–Nghịquyết99/2025/NQ-HĐND" in "".join(text.split())
