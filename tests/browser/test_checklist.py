"""The bảng kiểm in a reader's browser: filled in, kept, reset, moved by file, printed on A4."""

from __future__ import annotations

import io
import json
import re

import jsonschema
import pytest

from generator.pipeline import load_resolution
from generator.render import aggregate
from tests.conftest import ROOT

PAGE = "bang-kiem/co-quan-nha-nuoc/"
ROW1, ROW2 = "mt2-cong-khai", "bp6-bo-tri-kinh-phi"


@pytest.fixture
def checklist(page, base_url):
    """The checklist page of cơ quan Nhà nước with nothing filled in."""
    page.goto(base_url + PAGE)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("[data-bk-tools][data-bk-ready]")
    return page


def fill_two(page):
    page.check(f"#{ROW1} td[data-bk-result=done] input")
    page.check(f"#{ROW2} td[data-bk-result=na] input")
    page.fill(f"#{ROW1} textarea[data-bk-input=evidence]", "Thông báo số 12/TB-UBND ngày 05/02/2024")
    page.fill("input[name=unit]", "Sở Nội vụ tỉnh Tuyên Quang")


def state(page) -> dict:
    return {
        "done": page.is_checked(f"#{ROW1} td[data-bk-result=done] input"),
        "na": page.is_checked(f"#{ROW2} td[data-bk-result=na] input"),
        "evidence": page.input_value(f"#{ROW1} textarea[data-bk-input=evidence]"),
        "unit": page.input_value("input[name=unit]"),
        "count": page.inner_text("[data-bk-count]"),
    }


FILLED = {
    "done": True,
    "na": True,
    "evidence": "Thông báo số 12/TB-UBND ngày 05/02/2024",
    "unit": "Sở Nội vụ tỉnh Tuyên Quang",
    "count": "2",
}
EMPTY = {"done": False, "na": False, "evidence": "", "unit": "", "count": "0"}


def test_ticks_and_evidence_survive_a_reload(checklist):
    assert "chỉ được lưu trên thiết bị này" in checklist.inner_text(".bk-privacy")
    fill_two(checklist)
    assert state(checklist) == FILLED
    checklist.reload()
    checklist.wait_for_selector("[data-bk-tools][data-bk-ready]")
    assert state(checklist) == FILLED
    # the header shows the unit's name in capitals, as Nghị định 30/2020/NĐ-CP lays it out
    assert checklist.inner_text(".bk-head .bk-unit").strip() == "SỞ NỘI VỤ TỈNH TUYÊN QUANG"


def test_a_second_tap_clears_a_tick(checklist):
    box = f"#{ROW1} td[data-bk-result=todo] input"
    checklist.click(box)
    assert checklist.inner_text("[data-bk-count]") == "1"
    checklist.click(box)
    assert not checklist.is_checked(box) and checklist.inner_text("[data-bk-count]") == "0"


def test_reset_asks_first_and_then_clears(checklist):
    fill_two(checklist)
    checklist.once("dialog", lambda dialog: dialog.dismiss())
    checklist.click("[data-bk-action=reset]")
    assert state(checklist) == FILLED
    checklist.once("dialog", lambda dialog: dialog.accept())
    checklist.click("[data-bk-action=reset]")
    assert state(checklist) == EMPTY
    checklist.reload()
    checklist.wait_for_selector("[data-bk-tools][data-bk-ready]")
    assert state(checklist) == EMPTY


def test_export_then_import_restores_everything(checklist, tmp_path):
    fill_two(checklist)
    with checklist.expect_download() as download:
        checklist.click("[data-bk-action=export]")
    assert download.value.suggested_filename == "bang-kiem-co-quan-nha-nuoc-so-noi-vu-tinh-tuyen-quang.json"
    saved = tmp_path / "bang-kiem.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["rows"][ROW1] == {"result": "done", "evidence": FILLED["evidence"]}
    checklist.once("dialog", lambda dialog: dialog.accept())
    checklist.click("[data-bk-action=reset]")
    assert state(checklist) == EMPTY
    checklist.set_input_files("input[data-bk-action=import]", str(saved))
    checklist.wait_for_function("document.querySelector('[data-bk-count]').textContent === '2'")
    assert state(checklist) == FILLED


def test_the_export_is_the_contract_and_the_aggregation_reads_it(checklist, tmp_path, site, base_url):
    """The export names its resolution, data version, unit type, unit, period and time, and
    matches /bang-kiem/schema.json; its name says whose it is, in ASCII; the aggregation page reads it."""
    fill_two(checklist)
    checklist.fill("input[name=period]", "Năm 2025 (6 tháng đầu)")
    with checklist.expect_download() as download:
        checklist.click("[data-bk-action=export]")
    name = download.value.suggested_filename
    assert name == "bang-kiem-co-quan-nha-nuoc-so-noi-vu-tinh-tuyen-quang-nam-2025-6-thang-dau.json"
    saved = tmp_path / name
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    schema = json.loads((site / "bang-kiem" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    model = load_resolution(ROOT / "resolution.yaml")
    assert data["resolution"] == aggregate.identity(model) and data["data_version"] == model.version
    assert (data["format"], data["version"], data["key"]) == (
        "bang-kiem",
        2,
        "bang-kiem:55/NQ-HĐND:co-quan-nha-nuoc",
    )
    assert (data["unit_type"], data["unit"], data["period"]) == (
        "co-quan-nha-nuoc",
        FILLED["unit"],
        "Năm 2025 (6 tháng đầu)",
    )
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", data["exported"])
    assert data["rows"] == {ROW1: {"result": "done", "evidence": FILLED["evidence"]}, ROW2: {"result": "na"}}
    checklist.goto(base_url + "bang-kiem/tong-hop/")
    checklist.wait_for_selector("[data-th-tools][data-th-ready]")
    checklist.set_input_files("[data-th-input]", str(saved))
    checklist.wait_for_selector("[data-th-files] li")
    assert checklist.get_attribute("[data-th-files] li", "data-th-verdict") == "read"
    assert "định dạng cũ" not in checklist.inner_text("[data-th-files]")
    assert checklist.inner_text(f"[data-th-requirements] tr[data-th-id={ROW1}] [data-th-count=done]") == "1"


def test_a_file_exported_before_the_contract_is_still_imported(checklist, tmp_path):
    old = tmp_path / "bang-kiem-co-quan-nha-nuoc.json"
    key = "bang-kiem:55/NQ-HĐND:co-quan-nha-nuoc"
    rows = {ROW1: {"result": "done", "evidence": FILLED["evidence"]}, ROW2: {"result": "na"}}
    old.write_text(
        json.dumps({"format": "bang-kiem", "key": key, "unit": FILLED["unit"], "period": "", "rows": rows}),
        encoding="utf-8",
    )
    checklist.set_input_files("input[data-bk-action=import]", str(old))
    checklist.wait_for_function("document.querySelector('[data-bk-count]').textContent === '2'")
    assert state(checklist) == FILLED


def test_a_file_of_another_checklist_is_refused(checklist, tmp_path):
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps({"format": "bang-kiem", "key": "bang-kiem:x:y", "rows": {}}), encoding="utf-8"
    )
    checklist.set_input_files("input[data-bk-action=import]", str(other))
    checklist.wait_for_function("document.querySelector('[data-bk-status]').textContent !== ''")
    assert "bảng kiểm khác" in checklist.inner_text("[data-bk-status]")


def printed(page) -> tuple[list, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    wordings = page.eval_on_selector_all(".bk-wording", "els => els.map(e => e.textContent)")
    pages = [re.sub(r"\s+", "", p.extract_text()) for p in reader.pages]
    for wording in wordings:  # rows never split across pages
        assert sum(re.sub(r"\s+", "", wording) in text for text in pages) == 1, wording
    # NOTE: narrow cells break text anywhere; compare without whitespace
    return sizes, re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))


def test_printing_gives_a4_pages_with_header_and_signatures_and_no_site_chrome(checklist):
    fill_two(checklist)
    sizes, text = printed(checklist)
    assert sizes and set(sizes) == {(595, 842)}
    for needle in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BẢNG KIỂM",
        "NGƯỜI LẬP",
        "THỦ TRƯỞNG CƠ QUAN (Ký, ghi rõ họ tên, đóng dấu)",  # its unit type's block
        "SỞ NỘI VỤ TỈNH TUYÊN QUANG",
        "12/TB-UBND",
        "Nguồn: Nghị quyết số 55/NQ-HĐND",
        "/bang-kiem/co-quan-nha-nuoc/",
    ):
        assert re.sub(r"\s+", "", needle) in text, needle
    assert text.count("☒") == 2
    for chrome in ("Tìm kiếm", "Toàn văn Nghị quyết", "Xuất tệp JSON", "Tải về", "Nguyên văn:"):
        assert re.sub(r"\s+", "", chrome) not in text, chrome


def test_the_blank_print_leaves_out_what_was_filled_in(checklist):
    fill_two(checklist)
    checklist.evaluate("document.documentElement.classList.add('bk-print-blank')")
    _, text = printed(checklist)
    assert "12/TB-UBND" not in text and "SỞNỘIVỤ" not in text and "☒" not in text
    assert "CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM" in text and "NGƯỜILẬP" in text


def test_without_javascript_the_page_is_a_complete_blank_form(browser, base_url):
    context = browser.browser.new_context(java_script_enabled=False) if browser.browser else None
    if context is None:
        pytest.skip("a persistent context cannot open a second context")
    page = context.new_page()
    page.goto(base_url + PAGE)
    assert page.is_hidden("[data-bk-tools]")
    assert page.locator("tr.bk-row").count() == 23 and page.locator(".bk-cb:visible").count() == 69
    # the boxes and fields to fill it in with are in the page, but would keep nothing
    assert page.locator(".bk-radio").count() == 69 and page.locator(".bk-radio:visible").count() == 0
    assert page.locator(".bk-doc textarea:visible").count() == 0
    context.close()


def test_where_nothing_can_be_kept_the_page_is_the_blank_form(page, base_url):
    # Storage blocked (a browser's privacy setting): fields that would lose what is typed are
    # not offered; the blank form prints as it is.
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', "
        "{get() { throw new DOMException('blocked', 'SecurityError'); }})"
    )
    page.goto(base_url + PAGE)
    page.wait_for_function("!document.documentElement.classList.contains('bk-js')")
    assert page.is_hidden("[data-bk-tools]")
    assert (
        page.locator(".bk-radio:visible").count() == 0
        and page.locator(".bk-doc textarea:visible").count() == 0
    )
    assert page.locator(".bk-cb:visible").count() == 69


def test_the_checklist_fits_a_phone_without_sideways_scrolling(checklist):
    checklist.set_viewport_size({"width": 360, "height": 740})
    checklist.reload()
    checklist.wait_for_selector("[data-bk-tools][data-bk-ready]")
    assert checklist.evaluate("document.documentElement.scrollWidth") <= 360
    box = checklist.locator(f"#{ROW1} td[data-bk-result=done] label").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
