"""Trainers in headless Chromium: copy controls, QR codes that decode to their URL, the
collection link, the projector view, anchor highlighting and the one-page leaflet."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest

from generator.pipeline import load_resolution
from generator.render.trainers import link_targets
from tests.conftest import ROOT

SITE_URL = "https://nq55-dan-chu-co-so.tuyenquang.example/"
CITE_4 = "Biện pháp 4, Nghị quyết số 55/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Tuyên Quang"


@pytest.fixture
def clipboard_page(browser, base_url):
    """A tab whose page may read and write the clipboard."""
    parts = urlsplit(base_url)
    browser.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=f"{parts.scheme}://{parts.netloc}"
    )
    tab = browser.new_page()
    yield tab
    tab.close()


def test_copy_citation_puts_the_vietnamese_citation_on_the_clipboard(clipboard_page, base_url):
    page = clipboard_page
    page.goto(base_url + "bien-phap/4/")
    page.get_by_role("button", name=re.compile("^Sao chép trích dẫn")).click()
    assert page.evaluate("navigator.clipboard.readText()") == CITE_4
    assert page.locator(".nq-copy__status").inner_text() == "Đã sao chép trích dẫn"


def test_copy_link_works_by_keyboard_and_gives_the_published_url(clipboard_page, base_url):
    page = clipboard_page
    page.goto(base_url + "bien-phap/4/")
    page.get_by_role("button", name=re.compile("^Sao chép liên kết")).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + "bien-phap/4/"
    assert page.locator(".nq-copy__status").inner_text() == "Đã sao chép liên kết"
    page.keyboard.press("Tab")  # NOTE: the next control in the tab order is the citation button
    page.keyboard.press("Space")
    assert page.evaluate("navigator.clipboard.readText()") == CITE_4


def test_copy_link_in_the_full_text_gives_the_items_anchor(clipboard_page, base_url):
    page = clipboard_page
    page.goto(base_url + "nghi-quyet/")
    page.get_by_role("button", name=f"Sao chép liên kết: {SITE_URL}nghi-quyet/#muc-tieu-2").click()
    assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + "nghi-quyet/#muc-tieu-2"


ROW_URL = SITE_URL + "bang-kiem/xa-phuong-thi-tran/#bp3-kiem-tra-giam-sat"


def test_copy_link_of_a_checklist_row_gives_the_rows_url_and_its_clauses_citation(clipboard_page, base_url):
    page = clipboard_page
    page.goto(base_url + "bang-kiem/xa-phuong-thi-tran/")
    row = page.locator("#bp3-kiem-tra-giam-sat")
    row.get_by_role("button", name=f"Sao chép liên kết: {ROW_URL}").click()
    assert page.evaluate("navigator.clipboard.readText()") == ROW_URL
    assert row.locator(".nq-copy__status").inner_text() == "Đã sao chép liên kết"
    row.get_by_role("button", name=re.compile("^Sao chép trích dẫn")).click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        "Biện pháp 3, Nghị quyết số 55/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Tuyên Quang"
    )


def test_a_rows_link_opens_the_checklist_at_that_row_marked(page, base_url):
    page.goto(base_url + "bang-kiem/xa-phuong-thi-tran/#bp3-kiem-tra-giam-sat")
    row = page.locator("#bp3-kiem-tra-giam-sat")
    assert row.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 243, 176)"
    assert (
        row.is_visible()
        and page.locator(".bk-row .nq-copy button").count() == 2 * page.locator(".bk-row").count()
    )


def test_checklist_copy_controls_do_not_print_and_are_big_enough_to_tap(page, base_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + "bang-kiem/xa-phuong-thi-tran/")
    buttons = page.locator(".bk-row .nq-copy button")
    assert buttons.count() > 0
    for height in buttons.evaluate_all("els => els.map(e => e.getBoundingClientRect().height)"):
        assert height >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.emulate_media(media="print")
    assert (
        page.locator(".bk-row .nq-copy").evaluate_all(
            "els => els.filter(e => getComputedStyle(e).display !== 'none').length"
        )
        == 0
    )


def test_copy_buttons_are_big_enough_to_tap(page, base_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + "bien-phap/4/")
    for box in page.locator(".nq-copy button").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)"
    ):
        assert box >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def decode_svg(page, svg_url: str) -> list[str]:
    """Render an SVG file in Chromium at a scanner-friendly size and decode the QR codes in it."""
    import zxingcpp
    from PIL import Image

    page.set_viewport_size({"width": 400, "height": 400})
    page.goto(svg_url.rsplit("/qr/", 1)[0] + "/")  # NOTE: any HTML page of the site, then our own
    page.set_content(
        f'<body style="margin:0;background:#fff"><img src="{svg_url}" '
        'style="width:360px;height:360px;margin:20px;image-rendering:pixelated"></body>'
    )
    page.wait_for_function("document.images[0].complete && document.images[0].naturalWidth > 0")
    png = page.screenshot()
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_every_qr_code_decodes_to_the_url_it_claims(page, base_url, site):
    model = load_resolution(ROOT / "resolution.yaml")
    handout = (site / "giang-vien" / "index.html").read_text(encoding="utf-8")
    targets = link_targets(model)
    # home, full text, sections, items; citizens' page, glossary and its terms; checklists
    assert len(targets) == (
        len(model.items) + len(model.sections) + 2 + 1 + 1 + len(model.glossary) + 1 + len(model.unit_types)
    )
    for target in targets:
        claimed = SITE_URL + target.url
        assert f'src="../{target.qr}"' in handout and f'alt="Mã QR dẫn đến {claimed}"' in handout
        assert decode_svg(page, base_url + target.qr) == [claimed], target.qr


def test_the_collection_link_shows_just_the_named_items_in_order(page, base_url):
    page.goto(base_url + "tap-hop/?muc=bien-phap-3,muc-tieu-1,khong-co")
    shown = page.locator(".nq-set__item:visible").evaluate_all(
        "els => els.map(e => e.getAttribute('data-nq-ids'))"
    )
    assert shown == ["bien-phap-3", "muc-tieu-1"]
    assert page.locator(".nq-set-status").inner_text() == "Tập hợp 2 mục. Không tìm thấy mục: khong-co."
    assert not page.locator(".nq-set-help").is_visible()


def test_the_collection_page_without_a_choice_lists_everything(page, base_url):
    page.goto(base_url + "tap-hop/")
    assert page.locator(".nq-set__item:visible").count() == 14
    assert page.locator(".nq-set-help").is_visible()


def test_the_projector_view_shows_the_item_large_and_nothing_else(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(base_url + "trinh-chieu/bien-phap-3/")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    h1 = page.locator("h1")
    assert h1.inner_text().startswith("Biện pháp 3: Trách nhiệm của người đứng đầu")
    assert float(h1.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 40
    body = page.locator(".nq-projector")
    assert float(body.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 30
    page.locator('a[rel="next"]').click()
    assert page.url == base_url + "trinh-chieu/bien-phap-4/"


def test_the_projector_stylesheet_is_only_on_projector_pages(page, base_url):
    page.goto(base_url + "bien-phap/3/")
    assert page.locator('link[href$="nq-projector.css"]').count() == 0
    assert page.locator(".md-header").is_visible()


def test_a_link_to_an_anchor_highlights_the_item(page, base_url):
    page.goto(base_url + "nghi-quyet/#bien-phap-2")
    colour = page.locator("#bien-phap-2").evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(255, 243, 176)"
    other = page.locator("#bien-phap-3").evaluate("e => getComputedStyle(e).backgroundColor")
    assert other != colour


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def test_the_leaflet_prints_on_one_a4_sheet_from_the_browser(page, base_url):
    page.goto(base_url + "to-roi/")
    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 1


def test_the_leaflet_pdf_is_one_page_with_the_summary(site):
    import weasyprint

    from generator.outputs.leaflet import leaflet_document

    assert (site / "to-roi" / "nghi-quyet-to-roi.pdf").read_bytes().startswith(b"%PDF-")
    leaflet = site / "to-roi" / "index.html"
    document = weasyprint.HTML(
        string=leaflet_document(leaflet.read_text(encoding="utf-8")), base_url=str(leaflet)
    ).render()
    assert len(document.pages) == 1
    assert [p.width for p in document.pages] == [pytest.approx(210 / 25.4 * 96, abs=1)]


@pytest.mark.parametrize(
    "path", ["giang-vien/", "tap-hop/?muc=bien-phap-1", "to-roi/", "trinh-chieu/nguyen-tac-1/"]
)
def test_the_trainers_pages_make_no_request_to_another_server(page, base_url, path):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    origin = urlsplit(base_url).netloc
    assert [u for u in requests if urlsplit(u).netloc != origin and not u.startswith("data:")] == []
    assert any(u.endswith(".svg") for u in requests) or path.startswith(("tap-hop", "trinh-chieu"))


def test_the_handout_fits_a_phone_without_sideways_scrolling(page, base_url):
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("giang-vien/", "tap-hop/", "to-roi/"):
        page.goto(base_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path


def test_ticking_items_builds_the_collection_link_in_the_order_ticked(page, base_url):
    page.goto(base_url + "tap-hop/")
    page.locator('.nq-set-pick input[value="muc-tieu-1"]').check()
    page.locator('.nq-set-pick input[value="bien-phap-3"]').check()
    link = page.locator(".nq-set-builder a")
    assert link.get_attribute("href") == SITE_URL + "tap-hop/?muc=muc-tieu-1,bien-phap-3"
    assert page.locator(".nq-set-status").inner_text() == "Đã chọn 2 mục. Liên kết tập hợp:"
    page.locator('.nq-set-pick input[value="muc-tieu-1"]').uncheck()
    assert link.get_attribute("href") == SITE_URL + "tap-hop/?muc=bien-phap-3"
