"""`python -m generator import`: the official fixtures, as text and as real DOCX files made with
python-docx, import to data that passes `check`, holds every input line verbatim and nothing
else of the text; DOCX and text give the same data; --force; --into keeps what a person added and
reports requirements whose quote vanished; hostile DOCX files are refused before python-docx
unpacks them."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
import yaml

from generator.cli import main
from generator.importer import import_file
from tests.bench.importing import scaled_text
from tests.conftest import ROOT
from tests.docx_official import docx_of

OFFICIAL = ROOT / "tests" / "fixtures" / "official"
GIA_DINH = OFFICIAL / "nq-99-2025-gia-dinh.txt"
THU_NGHIEM = OFFICIAL / "nq-98-2025-thu-nghiem.txt"
FIXTURES = [GIA_DINH, THU_NGHIEM]


def words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def normal(node):
    """Data with every string's whitespace runs made one space."""
    if isinstance(node, dict):
        return {k: normal(v) for k, v in node.items()}
    if isinstance(node, list):
        return [normal(v) for v in node]
    return words(node) if isinstance(node, str) else node


def input_lines(path: Path) -> Counter:
    """The text's non-blank lines; a table row as its cells joined by one TAB."""
    lines = Counter()
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if raw.strip():
            lines["\t".join(words(c) for c in raw.split("\t"))] += 1
    return lines


def data_lines(data: dict) -> Counter:
    """Every line of the text the data holds: the official parts line by line, chapters, articles
    and parts as marker and words, table rows as cells joined by a TAB."""
    lines: Counter = Counter()
    for value in data["official"].values():
        if isinstance(value, list):
            lines.update(value)

    def parts(node):
        for part in node.get("parts", ()):
            if "table" in part:
                lines.update("\t".join(words(cell) for cell in row) for row in part["table"])
            else:
                lines[" ".join(filter(None, (part.get("marker"), part["text"])))] += 1
            parts(part)

    chapters = data.get("chapters") or [{"articles": data["articles"]}]
    for chapter in chapters:
        if "marker" in chapter:
            lines[chapter["marker"]] += 1
            lines[chapter["title"]] += 1
        for article in chapter["articles"]:
            lines[" ".join(filter(None, (article["marker"], article.get("title"))))] += 1
            parts(article)
    for appendix in data.get("appendices", ()):
        lines.update(appendix["title"])
        parts(appendix)
    return Counter({k if "\t" in k else words(k): n for k, n in lines.items()})


@pytest.fixture(params=FIXTURES, ids=lambda p: p.stem)
def fixture(request) -> Path:
    return request.param


def run_import(tmp_path: Path, source: Path, *extra: str) -> tuple[int, Path]:
    out = tmp_path / "out" / f"{source.stem}.yaml"
    out.parent.mkdir(exist_ok=True)
    return main(["import", str(source), "--output", str(out), *extra]), out


def test_the_text_imports_to_the_hand_written_yaml():
    expected = yaml.safe_load((OFFICIAL / "nq-99-2025-gia-dinh.yaml").read_text(encoding="utf-8"))
    assert normal(import_file(GIA_DINH)) == normal(expected)


@pytest.mark.parametrize("as_docx", [False, True], ids=["text", "docx"])
def test_import_passes_check_and_holds_every_line_verbatim(fixture, as_docx, tmp_path, capsys):
    source = docx_of(fixture, tmp_path / f"{fixture.stem}.docx") if as_docx else fixture
    status, out = run_import(tmp_path, source)
    assert status == 0, capsys.readouterr().err
    assert main(["check", str(out)]) == 0, capsys.readouterr().err
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    # Every non-blank input line is in the data, verbatim, and the data has no line of text
    # that is not in the input.
    assert data_lines(data) == input_lines(fixture)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../")
    assert f"tạo từ {source.name}:" in text and "unit_types" in text.split("\nformat:")[0]


def test_the_docx_imports_to_the_same_data_as_the_text(fixture, tmp_path):
    document = docx_of(fixture, tmp_path / f"{fixture.stem}.docx")
    # It is a real DOCX: the header and the signature are two-column tables, the data table is one.
    tables = docx.Document(str(document)).tables
    assert [len(t.columns) for t in tables][:1] == [2] and len(tables) >= 3
    assert import_file(document) == import_file(fixture)


def test_the_fixture_without_chapters_has_articles_points_beyond_dd_and_nested_items():
    data = import_file(THU_NGHIEM)
    assert "chapters" not in data and [a["id"] for a in data["articles"]][:2] == ["dieu-1", "dieu-2"]
    points = [p["id"] for p in data["articles"][1]["parts"] if "id" in p]
    assert points == [f"dieu-2-diem-{x}" for x in ("a", "b", "c", "d", "dd", "e", "g", "h", "i", "k")]
    dd = data["articles"][1]["parts"][5]
    assert [p["marker"] for p in dd["parts"]] == ["-", "-"] and dd["parts"][1]["parts"][0]["marker"] == "+"
    assert data["document"]["in_force"] == "2025-12-15" and data["document"]["signer_title"] == "PHÓ CHỦ TỊCH"
    assert data["appendices"][0]["id"] == "phu-luc-i"


def test_the_output_is_deterministic_and_an_existing_one_needs_force(tmp_path, capsys):
    status, out = run_import(tmp_path, GIA_DINH)
    assert status == 0
    first = out.read_bytes()
    out.write_text("# hand edits\n", encoding="utf-8")
    capsys.readouterr()
    assert run_import(tmp_path, GIA_DINH)[0] == 1
    err = capsys.readouterr().err
    assert err == f"{out}: tệp đã có (thêm --force để ghi đè, hoặc chọn tệp khác bằng --output)\n"
    assert out.read_text(encoding="utf-8") == "# hand edits\n"
    assert run_import(tmp_path, GIA_DINH, "--force")[0] == 0
    assert out.read_bytes() == first


HAND_ADDED = """
# Our additions, by hand.
site:
  name: Nghị quyết 99 (giả định)
  description: Một trang thử nghiệm.
unit_types:
  - id: xa
    name: Xã, phường
requirements:
  # The one duty of khoản 1.
  - id: pho-bien
    clause: dieu-4-khoan-1
    quote: phổ biến pháp luật
    wording: Đã tổ chức phổ biến pháp luật về dân chủ ở cơ sở.
    applies_to: [xa]
  - id: loa
    clause: dieu-4-khoan-3-diem-dd
    quote: loa truyền thanh cơ sở
    wording: Đã công khai trên loa truyền thanh.
    applies_to: [xa]
glossary:
  - term: HĐND
    expansion: Hội đồng nhân dân
    explanation: Cơ quan dân cử ở địa phương.
"""


def test_into_keeps_what_a_person_added_and_reports_a_vanished_quote(tmp_path, capsys):
    status, existing = run_import(tmp_path, GIA_DINH)
    assert status == 0
    text = existing.read_text(encoding="utf-8").replace(
        "        title: Phạm vi điều chỉnh\n",
        "        title: Phạm vi điều chỉnh\n"
        "        explanation:\n          duty: Không có nghĩa vụ.\n          citizen: Biết phạm vi.\n",
    )
    existing.write_text(text + HAND_ADDED, encoding="utf-8")
    amended = tmp_path / "amended.txt"
    amended.write_text(
        GIA_DINH.read_text(encoding="utf-8").replace(
            "- trên hệ thống loa truyền thanh cơ sở;", "- trên bảng tin;"
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    status = main(["import", str(amended), "--into", str(existing)])
    out, err = capsys.readouterr()
    assert status == 1
    after = existing.read_text(encoding="utf-8")
    line = after.split("\n").index("    quote: loa truyền thanh cơ sở") + 1
    assert err.split("\n")[0] == (
        f"{existing}:{line}: requirements[loa].quote: không còn trong lời văn của dieu-4-khoan-3-diem-dd (hãy "
        "chép lại nguyên văn từ phần văn bản đã sửa đổi, hoặc xóa yêu cầu)"
    )
    data = yaml.safe_load(after)
    assert data["site"]["name"] == "Nghị quyết 99 (giả định)"
    assert [r["id"] for r in data["requirements"]] == ["pho-bien", "loa"]
    assert data["glossary"][0]["term"] == "HĐND" and data["unit_types"][0]["id"] == "xa"
    assert data["chapters"][0]["articles"][0]["explanation"]["citizen"] == "Biết phạm vi."
    assert "  # The one duty of khoản 1.\n" in after  # the block was kept as written, comments included
    assert "trên bảng tin;" in str(data) and "loa truyền thanh cơ sở" not in str(data["chapters"])
    assert f"{existing}: đã thay văn bản bằng văn bản từ {amended}" in out


def test_into_with_nothing_stale_exits_0(tmp_path, capsys):
    status, existing = run_import(tmp_path, GIA_DINH)
    assert main(["import", str(GIA_DINH), "--into", str(existing)]) == 0, capsys.readouterr().err


# -- hostile DOCX, built here ------------------------------------------------------------------


def refused(tmp_path: Path, name: str, data: bytes, capsys) -> str:
    (tmp_path / name).write_bytes(data)
    capsys.readouterr()
    status = main(["import", str(tmp_path / name), "--output", str(tmp_path / "out.yaml")])
    out, err = capsys.readouterr()
    assert status == 1 and out == "" and "Traceback" not in err
    assert not (tmp_path / "out.yaml").exists()
    return err


def test_a_zip_bomb_is_refused_from_its_sizes_before_unpacking(tmp_path, capsys):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            block = b"\0" * (1024 * 1024)
            for _ in range(200):
                entry.write(block)
    bomb = tmp_path / "bomb.docx"
    err = refused(tmp_path, "bomb.docx", buffer.getvalue(), capsys)
    assert err == (
        f"{bomb}: khi giải nén nặng 209.715.208 byte, vượt giới hạn 104.857.600 byte (không phải tệp DOCX "
        "của một nghị quyết; hãy bỏ các hình lớn hoặc chỉ lưu phần chữ)\n"
    )


def test_a_zip_of_packed_zeros_under_the_total_limit_is_refused_by_its_ratio(tmp_path, capsys):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))
    err = refused(tmp_path, "ratio.docx", buffer.getvalue(), capsys)
    assert (
        "mục nén word/document.xml khi giải nén lớn gấp " in err
        and " lần lúc nén (một tệp zip độc hại" in err
    )


def test_a_zip_of_too_many_entries_is_refused(tmp_path, capsys):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(1001):
            archive.writestr(f"f{i}", "")
    err = refused(tmp_path, "many.docx", buffer.getvalue(), capsys)
    assert err.endswith("có 1.001 mục nén zip, nhiều hơn 1.000 (không phải tệp DOCX của một nghị quyết)\n")


def test_word_numbering_is_refused_naming_the_paragraph(tmp_path, capsys):
    path = docx_of(GIA_DINH, tmp_path / "numbered.docx")
    document = docx.Document(str(path))
    target = next(p for p in document.paragraphs if p.text.startswith("1. Cơ quan nhà nước"))
    target.text = "Cơ quan nhà nước, đơn vị sự nghiệp công lập trên địa bàn tỉnh."
    target.style = document.styles["List Number"]
    document.save(str(path))
    index = next(i for i, p in enumerate(document.element.body.iterchildren(), 1) if p is target._p)
    paragraphs = [c for c in document.element.body.iterchildren() if c.tag.endswith("}p")]
    number = paragraphs.index(target._p) + 1
    assert index >= number
    err = refused(tmp_path, "numbered.docx", path.read_bytes(), capsys)
    assert err.startswith(f"{tmp_path / 'numbered.docx'}: đoạn {number}: được Word đánh số tự động")


def test_a_bidi_override_in_a_docx_names_the_table_row(tmp_path, capsys):
    path = docx_of(GIA_DINH, tmp_path / "bidi.docx")
    document = docx.Document(str(path))
    cell = document.tables[1].cell(1, 1)
    cell.text = "Ngân sách \u202etỉnh"
    document.save(str(path))
    err = refused(tmp_path, "bidi.docx", path.read_bytes(), capsys)
    assert err.startswith(f"{tmp_path / 'bidi.docx'}: bảng 2, hàng 2: có ký tự ẩn làm đổi chiều viết chữ")


def test_the_bench_document_imports_with_every_article(tmp_path):
    text = scaled_text(23)
    assert text.count("\nĐiều ") == 23
    path = tmp_path / "bench.txt"
    path.write_text(text, encoding="utf-8")
    data = import_file(path)
    assert sum(len(c["articles"]) for c in data["chapters"]) == 23 and data["chapters"][2]["id"] == "chuong-3"


def test_the_date_in_force_given_only_by_the_adoption_sentence_is_taken_from_it(tmp_path):
    text = (
        GIA_DINH.read_text(encoding="utf-8")
        .replace("Nghị quyết này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.", "Giao thi hành.")
        .replace(
            "thông qua ngày 12 tháng 11 năm 2025./.",
            "thông qua ngày 12/11/2025 và có hiệu lực từ ngày 22/11/2025./.",
        )
    )
    path = tmp_path / "nq.txt"
    path.write_text(text, encoding="utf-8")
    data = import_file(path)
    assert data["document"]["in_force"] == "2025-11-22"
    assert data["official"]["closing"][0].endswith("có hiệu lực từ ngày 22/11/2025./.")
