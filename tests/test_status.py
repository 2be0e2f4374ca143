"""The resolution's legal force and the facts of its document (status.legal_force and history,
document.in_force and signer): the data, and what the site makes of them. Rendered without
MkDocs; the built pages are in test_site.py."""

from __future__ import annotations

import datetime
import json
import re

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from mkdocs.utils import meta as front_matter

from generator.check.validate import schema, validate
from generator.errors import InputError
from generator.load.source import parse
from generator.model import EVENTS, LEGAL_FORCES, Event
from generator.pipeline import load_resolution
from generator.render import opendata
from generator.render.legislation import LEGAL_FORCE_STATUS, NOTICES
from tests.conftest import ROOT, SMALL, TEST_URL, rendered
from tests.test_literal import MARK, Page, hostile_text, markdown_page, site_markdown
from tests.test_opendata import strings

__all__ = ["site_markdown"]  # a fixture, used by name

BASE = SMALL.read_text(encoding="utf-8")
_STATUS = "  text: Không áp dụng cho việc gì.\n"
_SUBJECT = "  subject: về một việc thử nghiệm\n"
HISTORY = (
    '  history:\n    - date: "2024-02-05"\n      event: Văn bản được ban hành\n'
    '    - date: "2024-02-15"\n      event: Văn bản có hiệu lực\n'
    '    - date: "2024-06-01"\n      event: Được sửa đổi/bổ sung\n'
    "      document: Nghị quyết số 9/2024/NQ-HĐND\n      part: Biện pháp 2\n"
)
SIGNED = _SUBJECT + '  in_force: "2024-02-15"\n  signer: Người Ký Thử\n  signer_title: CHỦ TỊCH\n'


def small(force: str | None = None, history: str = "", document: str = _SUBJECT) -> str:
    """The small fixture with a legal force (none: left out), history lines and document lines."""
    status = _STATUS + (f"  legal_force: {force}\n" if force else "") + history
    return BASE.replace(_STATUS, status).replace(_SUBJECT, document)


def pages_of(resolution: str) -> dict[str, str]:
    return rendered(validate(parse(resolution, "small.yaml")))


# -- the data ------------------------------------------------------------------------------------


def test_a_file_without_legal_force_or_history_is_unverified():
    model = validate(parse(BASE, "small.yaml"))
    assert model.status.legal_force == "Chưa xác minh" and model.status.history == ()
    assert (model.document.in_force, model.document.signer, model.document.signer_title) == (None, None, None)


def test_nq55_is_unverified_with_only_its_adoption_and_no_invented_facts():
    model = load_resolution(ROOT / "resolution.yaml")
    assert model.status.legal_force == "Chưa xác minh"
    assert model.status.history == (Event(date=datetime.date(2023, 12, 7), event="Văn bản được ban hành"),)
    assert (model.document.in_force, model.document.signer, model.document.signer_title) == (None, None, None)


def test_the_schema_and_the_model_name_the_same_legal_forces_and_events():
    status = schema()["properties"]["status"]["properties"]
    assert tuple(status["legal_force"]["enum"]) == LEGAL_FORCES
    assert tuple(status["history"]["items"]["properties"]["event"]["enum"]) == EVENTS


def test_a_full_history_and_the_new_document_fields_make_the_model():
    model = validate(parse(small("Còn hiệu lực", HISTORY, SIGNED), "small.yaml"))
    assert [(e.date.isoformat(), e.event, e.document, e.part) for e in model.status.history] == [
        ("2024-02-05", "Văn bản được ban hành", None, None),
        ("2024-02-15", "Văn bản có hiệu lực", None, None),
        ("2024-06-01", "Được sửa đổi/bổ sung", "Nghị quyết số 9/2024/NQ-HĐND", "Biện pháp 2"),
    ]
    assert model.document.in_force == datetime.date(2024, 2, 15)
    assert (model.document.signer, model.document.signer_title) == ("Người Ký Thử", "CHỦ TỊCH")


def test_the_date_in_force_is_the_same_in_the_document_and_the_history():
    with pytest.raises(InputError) as caught:
        validate(
            parse(small(history=HISTORY, document=SIGNED.replace("2024-02-15", "2024-02-16")), "small.yaml")
        )
    assert [str(p) for p in caught.value.problems] == [
        (
            "small.yaml:29: status.history[1].date: '2024-02-15' khác ngày có hiệu lực '2024-02-16' "
            "(document.in_force, dòng 13) (cần cùng một ngày ở cả hai chỗ: hãy sửa chỗ sai)"
        )
    ]


# -- the open data -----------------------------------------------------------------------------------


def test_the_open_data_has_the_history_and_the_dates_in_iso_form():
    model = validate(parse(small("Hết hiệu lực một phần", HISTORY, SIGNED), "small.yaml"))
    data = json.loads(opendata.export_text(model))
    assert data["status"]["legal_force"] == "Hết hiệu lực một phần"
    assert data["status"]["history"][2] == {
        "date": "2024-06-01",
        "event": "Được sửa đổi/bổ sung",
        "document": "Nghị quyết số 9/2024/NQ-HĐND",
        "part": "Biện pháp 2",
    }
    assert (data["document"]["in_force"], data["document"]["signer"]) == ("2024-02-15", "Người Ký Thử")
    jsonschema.Draft202012Validator(
        opendata.json_schema(), format_checker=jsonschema.FormatChecker()
    ).validate(data)
    enums = opendata.json_schema()["$defs"]
    assert tuple(enums["Status"]["properties"]["legal_force"]["enum"]) == LEGAL_FORCES
    assert tuple(enums["Event"]["properties"]["event"]["enum"]) == EVENTS


def test_unknown_facts_are_null_in_the_open_data():
    data = json.loads((ROOT / "content" / "nghi-quyet.json").read_text(encoding="utf-8"))
    assert data["status"]["legal_force"] == "Chưa xác minh"
    assert data["status"]["history"] == [
        {"date": "2023-12-07", "event": "Văn bản được ban hành", "document": None, "part": None}
    ]
    assert [data["document"][k] for k in ("in_force", "signer", "signer_title")] == [None, None, None]


# -- the history on the about page, the document's facts -------------------------------------------


def _history_section(about: str) -> str:
    return about.split("### Lịch sử hiệu lực {#lich-su-hieu-luc}\n", 1)[1].split("\n## ", 1)[0]


def test_the_about_page_has_the_history_table_with_a_row_per_event():
    about = pages_of(small("Còn hiệu lực", HISTORY, SIGNED))["gioi-thieu.md"]
    section = _history_section(about)
    assert "- **Tình trạng hiệu lực:** Còn hiệu lực\n- **Ngày có hiệu lực:** 15/02/2024\n" in section
    assert re.findall(r"<tr><td>(.*?)</td></tr>", section) == [
        '<time datetime="2024-02-05">05/02/2024</time></td><td>Văn bản được ban hành</td><td>–</td><td>–',
        '<time datetime="2024-02-15">15/02/2024</time></td><td>Văn bản có hiệu lực</td><td>–</td><td>–',
        '<time datetime="2024-06-01">01/06/2024</time></td><td>Được sửa đổi/bổ sung</td>'
        "<td>Nghị quyết số 9/2024/NQ-HĐND</td><td>Biện pháp 2",
    ]
    assert '<th scope="col">Ngày</th><th scope="col">Sự kiện</th>' in section
    assert "chưa được xác minh" not in section


def test_the_about_page_says_what_is_not_verified():
    unverified = _history_section(pages_of(small(history=HISTORY))["gioi-thieu.md"])
    assert "- **Tình trạng hiệu lực:** Chưa xác minh\n" in unverified
    assert (
        "Bảng dưới đây chỉ ghi những sự kiện đã biết chắc; những thay đổi khác, nếu có, chưa được xác minh."
        in (unverified)
    )
    empty = _history_section(pages_of(BASE)["gioi-thieu.md"])
    assert "<table" not in empty and "Chưa có sự kiện nào được xác minh." in empty


def test_nq55s_about_page_keeps_its_status_text_and_shows_the_adoption_only():
    about = (ROOT / "content" / "gioi-thieu.md").read_text(encoding="utf-8")
    assert "**Chưa xác minh hiệu lực sau năm 2025.** Nghị quyết được Hội đồng nhân dân" in about
    assert re.findall(r"<tr><td>(.*?)</td></tr>", _history_section(about)) == [
        '<time datetime="2023-12-07">07/12/2023</time></td><td>Văn bản được ban hành</td><td>–</td><td>–'
    ]


def test_the_document_facts_show_the_date_in_force_and_the_signer_only_when_known():
    signed = pages_of(small(document=SIGNED))["nghi-quyet.md"]
    assert (
        "- **Ngày ban hành:** 05/02/2024\n- **Ngày có hiệu lực:** 15/02/2024\n"
        "- **Cơ quan ban hành:** Hội đồng nhân dân huyện Mẫu\n- **Người ký:** Người Ký Thử\n"
        "- **Chức vụ người ký:** CHỦ TỊCH\n"
    ) in signed
    unsigned = pages_of(BASE)["nghi-quyet.md"]
    assert "Ngày có hiệu lực" not in unsigned and "Người ký" not in unsigned


# -- text stays text in the new fields ---------------------------------------------------------------

# Each new text field, with the line that holds it (in `small(...)` with a history and a signer)
# and a page that shows it.
FIELDS = {
    "history document": ("      document: Nghị quyết số 9/2024/NQ-HĐND", "gioi-thieu.md"),
    "history part": ("      part: Biện pháp 2", "gioi-thieu.md"),
    "signer": ("  signer: Người Ký Thử", "nghi-quyet.md"),
    "signer title": ("  signer_title: CHỦ TỊCH", "nghi-quyet.md"),
}


def with_field(field: str, text: str) -> str:
    line, _ = FIELDS[field]
    key, _ = line.split(": ", 1)
    resolution = small("Còn hiệu lực", HISTORY, SIGNED)
    assert resolution.count(line + "\n") == 1, field
    return resolution.replace(line + "\n", f"{key}: {json.dumps(text, ensure_ascii=False)}\n")


@pytest.mark.parametrize("field", sorted(FIELDS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text())
def test_the_new_fields_are_shown_literally_and_add_no_element(field, text, site_markdown):
    page_name = FIELDS[field][1]
    baseline, _ = markdown_page(with_field(field, MARK), page_name, site_markdown)
    page, _ = markdown_page(with_field(field, text), page_name, site_markdown)
    assert isinstance(page, Page) and page.elements == baseline.elements
    assert text in page.text
    data = json.loads(opendata.export_text(validate(parse(with_field(field, text), "resolution.yaml"))))
    assert text in strings(data)


# -- the notice on the pages of the text -----------------------------------------------------------

# The pages that show the resolution's text: the full text, each section's and each item's page.
TEXT_PAGES = {
    "nghi-quyet.md",
    "nguyen-tac/index.md",
    "muc-tieu/index.md",
    "bien-phap/index.md",
    "nguyen-tac/1.md",
    "nguyen-tac/2.md",
    *(f"bien-phap/{n}.md" for n in range(1, 5)),
}
NOTICE = re.compile(r'!!! warning nq-status ""\n\n    (.+) \[Xem lịch sử hiệu lực\]\(([^)]+)\)\n')


def test_unverified_puts_the_notice_on_the_full_text_and_every_section_and_item_page():
    pages = pages_of(BASE)
    with_notice = {here for here, text in pages.items() if "nq-status" in text}
    assert with_notice == TEXT_PAGES
    for here in TEXT_PAGES:
        (found,) = NOTICE.findall(pages[here])
        sentence, link = found
        assert sentence == "Tình trạng hiệu lực: chưa xác minh."
        assert link == ("gioi-thieu.md" if "/" not in here else "../gioi-thieu.md") + "#lich-su-hieu-luc"


def test_in_force_puts_no_notice_anywhere():
    pages = pages_of(small("Còn hiệu lực", HISTORY))
    assert [here for here, text in pages.items() if "nq-status" in text or "lịch sử hiệu lực](" in text] == []


@pytest.mark.parametrize("force", sorted(NOTICES))
def test_each_legal_force_has_its_fixed_sentence(force):
    page = pages_of(small(force))["bien-phap/2.md"]
    assert NOTICE.findall(page) == [(NOTICES[force], "../gioi-thieu.md#lich-su-hieu-luc")]


def test_every_legal_force_but_in_force_has_a_notice():
    assert set(NOTICES) | {"Còn hiệu lực"} == set(LEGAL_FORCES)


def test_the_notice_sentences_are_these():
    assert NOTICES == {
        "Chưa xác minh": "Tình trạng hiệu lực: chưa xác minh.",
        "Chưa có hiệu lực": "Văn bản này chưa có hiệu lực.",
        "Hết hiệu lực một phần": "Văn bản này đã hết hiệu lực một phần.",
        "Hết hiệu lực toàn bộ": "Văn bản này đã hết hiệu lực toàn bộ.",
    }


def test_the_notice_is_one_paragraph_of_an_admonition(site_markdown):
    body, _ = front_matter.get_data(pages_of(BASE)["bien-phap/1.md"])
    html = site_markdown(body)
    assert (
        '<div class="admonition warning nq-status">\n<p>Tình trạng hiệu lực: chưa xác minh. '
        '<a href="../gioi-thieu.md#lich-su-hieu-luc">Xem lịch sử hiệu lực</a></p>\n</div>'
    ) in html


# -- JSON-LD -----------------------------------------------------------------------------------------


def jsonld_of(page: str) -> dict:
    _, meta = front_matter.get_data(page)
    return json.loads(meta["jsonld"])


def test_every_page_carries_the_resolution_as_schema_org_legislation():
    pages = {here: text for here, text in pages_of(BASE).items() if here.endswith(".md")}
    assert len(pages) > 20
    for here, text in pages.items():
        assert jsonld_of(text) == {
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": "Nghị quyết số 7/NQ-HĐND về một việc thử nghiệm",
            "legislationIdentifier": "7/NQ-HĐND",
            "legislationDate": "2024-02-05",
            "legislationType": "Nghị quyết",
            "jurisdiction": {"@type": "AdministrativeArea", "name": "Mẫu"},
            "legislationPassedBy": {"@type": "GovernmentOrganization", "name": "Hội đồng nhân dân huyện Mẫu"},
            "inLanguage": "vi",
            "url": TEST_URL + "nghi-quyet/",
        }, here


def test_every_verified_legal_force_has_its_schema_org_status():
    assert set(LEGAL_FORCE_STATUS) == set(LEGAL_FORCES) - {"Chưa xác minh"}


@pytest.mark.parametrize(
    "force, status",
    [
        ("Còn hiệu lực", "https://schema.org/InForce"),
        ("Hết hiệu lực một phần", "https://schema.org/PartiallyInForce"),
        ("Hết hiệu lực toàn bộ", "https://schema.org/NotInForce"),
        ("Chưa có hiệu lực", "https://schema.org/NotInForce"),
        ("Chưa xác minh", None),
    ],
)
def test_the_legal_force_is_stated_only_where_it_is_known(force, status):
    data = jsonld_of(pages_of(small(force))["bien-phap/1.md"])
    assert data.get("legislationLegalForce") == status
    assert ("legislationLegalForce" in data) == (status is not None)


def test_no_text_in_the_jsonld_can_end_its_script_element():
    hostile = "</script><script>alert(1)</script> <!-- <script> & \u2028 </SCRIPT"
    page = pages_of(BASE.replace(_SUBJECT, f"  subject: {json.dumps(hostile)}\n"))["bien-phap/1.md"]
    _, meta = front_matter.get_data(page)
    assert not set(meta["jsonld"]) & {"<", ">", "&", "\u2028"}
    # NOTE: the model keeps one space between words; U+2028 is white space to it.
    assert json.loads(meta["jsonld"])["name"] == f"Nghị quyết số 7/NQ-HĐND {' '.join(hostile.split())}"
