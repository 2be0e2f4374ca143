"""A renamed checklist row in Chromium: its old anchor brings the page to the row, and answers
kept in the browser or exported to a file under its old id appear in the renamed row. Also the
"Báo lỗi" link of a site whose data gives an email (the small fixture, renamed)."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.audit.server import serve
from tests.conftest import SMALL, TEST_URL, mkdocs_build, site_project
from tests.test_contact import CONTACT, EMAIL
from tests.test_published import renamed_text

OLD, NEW = "bp2-bao-cao", "bp2-bao-cao-ket-qua"
PAGE = "bang-kiem/don-vi-a/"
KEY = "bang-kiem:7/NQ-HĐND:don-vi-a"
EVIDENCE = "Báo cáo số 3/BC-UBND ngày 10/03/2024"


@pytest.fixture(scope="module")
def renamed_url(tmp_path_factory):
    """The small fixture with bp2-bao-cao renamed (its old id kept) and a contact, served."""
    project = tmp_path_factory.mktemp("row-aliases")
    data = project / "renamed.yaml"
    data.write_text(renamed_text() + CONTACT, encoding="utf-8")
    assert SMALL.name != data.name
    result = mkdocs_build(site_project(project, data), project / "site")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url


def ready(page):
    page.wait_for_selector("[data-bk-tools][data-bk-ready]")


def test_the_old_anchor_brings_the_page_to_the_renamed_row(page, renamed_url):
    page.set_viewport_size({"width": 1000, "height": 500})
    page.goto(renamed_url + PAGE + "#" + OLD)
    ready(page)
    page.wait_for_function("window.scrollY > 0")
    box = page.locator(f"tr#{NEW}").bounding_box()
    assert box is not None and 0 <= box["y"] < 500, box  # the row is in view
    assert page.evaluate("document.querySelector(':target').closest('tr').id") == NEW


def test_an_answer_stored_under_the_old_id_appears_in_the_renamed_row(page, renamed_url):
    page.goto(renamed_url + PAGE)
    stored = {"unit": "", "period": "", "rows": {OLD: {"result": "done", "evidence": EVIDENCE}}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(stored)])
    page.reload()
    ready(page)
    assert page.is_checked(f"#{NEW} td[data-bk-result=done] input")
    assert page.input_value(f"#{NEW} textarea[data-bk-input=evidence]") == EVIDENCE
    assert page.inner_text("[data-bk-count]") == "1"
    page.evaluate("localStorage.clear()")


def test_an_exported_file_with_the_old_id_is_read_into_the_renamed_row(page, renamed_url, tmp_path):
    page.goto(renamed_url + PAGE)
    page.evaluate("localStorage.clear()")
    page.reload()
    ready(page)
    assert not page.is_checked(f"#{NEW} td[data-bk-result=na] input")
    exported = tmp_path / "bang-kiem-don-vi-a.json"
    rows = {OLD: {"result": "na", "note": "Không có báo cáo trong kỳ"}}
    exported.write_text(json.dumps({"format": "bang-kiem", "key": KEY, "rows": rows}), encoding="utf-8")
    page.set_input_files("input[data-bk-action=import]", str(exported))
    page.wait_for_function("document.querySelector('[data-bk-count]').textContent === '1'")
    assert page.is_checked(f"#{NEW} td[data-bk-result=na] input")
    assert page.input_value(f"#{NEW} textarea[data-bk-input=note]") == "Không có báo cáo trong kỳ"
    # kept from now on under the new id
    kept = json.loads(page.evaluate("(key) => localStorage.getItem(key)", KEY))
    assert list(kept["rows"]) == [NEW]
    page.evaluate("localStorage.clear()")


def test_the_report_link_of_a_row_names_its_clause_and_address(page, renamed_url):
    page.goto(renamed_url + PAGE)
    href = page.get_attribute(f"#{NEW} .nq-report a", "href")
    url = urlsplit(href)
    query = parse_qs(url.query)
    assert (url.scheme, url.path) == ("mailto", EMAIL)
    assert query["subject"] == [
        "Báo lỗi: Biện pháp 2, Nghị quyết số 7/NQ-HĐND ngày 05/02/2024 của HĐND huyện Mẫu"
    ]
    assert f"Địa chỉ trang: {TEST_URL}{PAGE}#{NEW}\r\n" in query["body"][0]
