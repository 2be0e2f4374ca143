"""Báo lỗi: the publisher's contact in the data (each part optional, none invented), listed on
the about page; with an email, a mailto link on every item page and checklist row with the
citation and the address of what is reported written in; without one, no such link anywhere."""

from __future__ import annotations

import datetime
import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from generator import paths
from generator.check.model_of import build_model
from generator.check.validate import validate
from generator.errors import InputError
from generator.load.source import parse
from generator.model import Contact
from generator.pipeline import load_resolution
from generator.render import checklist as ck
from generator.render import citation
from generator.render.pages import render_site
from tests.conftest import ROOT, SMALL, TEST_URL, mkdocs_build, rendered, site_project
from tests.test_official_render import URL as OFFICIAL_URL
from tests.test_official_render import fixture_data

BASE = SMALL.read_text(encoding="utf-8")
EMAIL = "bao-loi@mau.example.org"
CONTACT = (
    "contact:\n"
    "  organisation: Văn phòng HĐND huyện Mẫu\n"
    f"  email: {EMAIL}\n"
    "  phone: 0200 000 000\n"
    "  address: Số 1, đường Thử Nghiệm, huyện Mẫu\n"
)
MAILTO = re.compile(r'href="(mailto:[^"]*)"')


def small(contact: str = CONTACT):
    return validate(parse(BASE + contact, "small.yaml"))


def mails(text: str) -> list[tuple[str, str, str]]:
    """(address, subject, body) of every mailto link of a page, decoded."""
    out = []
    for raw in MAILTO.findall(text):
        url = urlsplit(html.unescape(raw))
        query = parse_qs(url.query, strict_parsing=True)
        out.append((unquote(url.path), query["subject"][0], query["body"][0]))
    return out


def test_the_contact_reaches_the_model_and_nq55_has_none():
    assert small().contact == Contact(
        organisation="Văn phòng HĐND huyện Mẫu",
        email=EMAIL,
        phone="0200 000 000",
        address="Số 1, đường Thử Nghiệm, huyện Mẫu",
    )
    assert small("contact:\n  phone: 0200 000 000\n").contact == Contact(phone="0200 000 000")
    assert load_resolution(ROOT / "resolution.yaml").contact is None


@pytest.mark.parametrize("email", ["bao loi@mau.vn", "báo-lỗi@mau.vn", "baoloi@mau", "a@b@mau.vn", "mau.vn"])
def test_a_malformed_email_gets_its_message_in_vietnamese(email):
    with pytest.raises(InputError) as refused:
        small(f"contact:\n  email: {email}\n")
    line = BASE.count("\n") + 2
    assert [str(p) for p in refused.value.problems] == [
        f"small.yaml:{line}: contact.email: '{email}' không phải là một địa chỉ thư điện tử (cần dạng "
        "ten@ten-mien, ví dụ baoloi@ten-co-quan.gov.vn: chữ không dấu, không có dấu cách, đúng một dấu @)"
    ]


def test_an_unknown_contact_field_is_refused_at_its_line():
    with pytest.raises(InputError) as refused:
        small("contact:\n  website: https://mau.example.org/\n")
    assert [(p.line, p.path) for p in refused.value.problems] == [(BASE.count("\n") + 2, "contact.website")]


def test_every_item_page_reports_with_its_citation_and_address():
    model = small()
    plan = rendered(model)
    for item in model.items:
        page = plan[paths.item_page(item)]
        cite = citation.of_item(model, item)
        url = TEST_URL + paths.url(paths.item_page(item))
        assert mails(page) == [
            (
                EMAIL,
                f"Báo lỗi: {cite}",
                f"Trích dẫn: {cite}\r\nĐịa chỉ trang: {url}\r\n\r\n"
                "Lỗi tôi thấy (đoạn văn bản liên quan và nội dung đúng, nếu biết):\r\n",
            )
        ]


def test_every_checklist_row_reports_with_its_clauses_citation_and_its_address():
    model = small()
    plan = rendered(model)
    (cl,) = ck.checklists(model)
    found = mails(plan[paths.checklist_page(cl.unit)])
    assert [(to, subject) for to, subject, _ in found] == [
        (EMAIL, "Báo lỗi: " + citation.of_checklist_row(model, row.requirement)) for row in cl.rows
    ]
    for (_, _, body), row in zip(found, cl.rows, strict=True):
        assert f"Địa chỉ trang: {TEST_URL}{ck.row_url(cl, row)}\r\n" in body
    # on screen only: the printed form and the PDF have no link
    assert "mailto:" not in ck.form_html(model, cl, lambda item: "x")


def test_the_link_is_percent_encoded_utf8():
    page = rendered(small())[paths.item_page(small().items[0])]
    (raw,) = MAILTO.findall(page)
    raw = html.unescape(raw)
    assert raw.startswith(f"mailto:{EMAIL}?subject=B%C3%A1o%20l%E1%BB%97i%3A%20") and "&body=" in raw
    assert not re.search(r"[\s\u0080-\uffff]", raw), "unencoded space or letter"
    assert "%0D%0A" in raw and "%2F" in raw  # line breaks, and the URL's slashes inside the body


def test_the_about_page_lists_what_is_given_and_only_that():
    about = rendered(small())[paths.ABOUT]
    section = about.split("{#bao-loi}", 1)[1].split("\n## ", 1)[0]
    for line in (
        "- Đơn vị quản lý trang: Văn phòng HĐND huyện Mẫu",
        f"- Thư điện tử: [{EMAIL}](mailto:{EMAIL})",
        "- Điện thoại: 0200 000 000",
        "- Địa chỉ: Số 1, đường Thử Nghiệm, huyện Mẫu",
    ):
        assert line in section, line
    assert "liên kết “Báo lỗi”" in section
    phone_only = rendered(small("contact:\n  phone: 0200 000 000\n"))
    section = phone_only[paths.ABOUT].split("{#bao-loi}", 1)[1].split("\n## ", 1)[0]
    assert "- Điện thoại: 0200 000 000" in section
    assert "Thư điện tử" not in section and "Đơn vị quản lý trang:" not in section
    assert not any("mailto:" in text for text in phone_only.values())


def test_without_an_email_no_page_has_a_report_link():
    for plan in (rendered(small("")), rendered(load_resolution(ROOT / "resolution.yaml"), "resolution.yaml")):
        assert not [path for path, text in plan.items() if "mailto:" in text or "nq-report" in text]


def test_every_article_page_of_an_official_text_reports_with_its_citation():
    data = fixture_data()
    data["contact"] = {"email": EMAIL}
    model = build_model(data)
    plan = render_site(model, site_url=OFFICIAL_URL, date=datetime.date(2025, 11, 12))
    for item in model.items:
        cite = citation.of_item(model, item)
        (mail,) = mails(plan[paths.item_page(item)])
        assert mail[:2] == (EMAIL, f"Báo lỗi: {cite}") and cite.startswith(item.label + ", Nghị quyết số 99")
        assert f"Địa chỉ trang: {OFFICIAL_URL}{paths.url(paths.item_page(item))}\r\n" in mail[2]


def test_the_built_checklist_keeps_every_cell_of_a_row_with_a_report_link(tmp_path):
    # NOTE: md_in_html took a <div> after another on one line in a cell for the end of the form.
    data = tmp_path / "contact.yaml"
    data.write_text(BASE + CONTACT, encoding="utf-8")
    result = mkdocs_build(site_project(tmp_path, data), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "bang-kiem" / "don-vi-a" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr class="bk-row".*?</tr>', page, re.S)
    assert len(rows) == len(small().requirements) == len(MAILTO.findall(page))
    for row in rows:
        assert len(re.findall(r"<td[ >]", row)) == 8 and row.count("nq-report") == 1, row
