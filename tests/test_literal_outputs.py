"""Text stays text in the outputs added beside the pages: the open data (JSON), the checklists'
PDF and DOCX, and the data fields of requirements, the glossary and explanations on the pages.

The same property as tests/test_literal.py, with its `hostile_text`: a hostile text put into a
field comes out literally, (JSON) as the same string value in a file that still follows its
schema, (PDF, DOCX) as the same words in the document, (pages) with no element more than with a
plain mark. PDF and DOCX are made directly by the generator's functions, not by a whole build,
and with few examples: they are slow.
"""

from __future__ import annotations

import datetime
import io
import json
import unicodedata
from html.parser import HTMLParser

import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mkdocs.utils import meta as front_matter

from generator.check.validate import validate
from generator.load.source import parse
from generator.outputs import checklists as downloads
from generator.render import checklist as ck
from generator.render import opendata
from generator.render.markdown import md
from tests.conftest import rendered
from tests.test_literal import (
    HOSTILE,
    LINES,
    MARK,
    WORDS,
    Page,
    _without_nt1_requirement,
    hostile_text,
    markdown_page,
    site_markdown,
    with_text,
)
from tests.test_opendata import strings

__all__ = ["site_markdown"]  # a fixture, used by name

# The small fixture with a glossary and an explanation, so that their fields can hold the text.
_GLOSSARY = (
    "glossary:\n  - term: ĐVA\n    expansion: Đơn vị A\n    explanation: Một đơn vị thử nghiệm.\nsections:\n"
)
_EXPLANATION = (
    "        text: Việc gì cũng làm đúng hạn.\n        explanation:\n"
    "          duty: Đơn vị phải làm đúng hạn.\n          citizen: Người dân được biết hạn.\n"
)
# New fields, each with the line that holds it and a page that shows it.
NEW_FIELDS = {
    "requirement wording": ("    wording: Đã họp mỗi tháng một lần.", "bang-kiem/don-vi-a.md"),
    "requirement actor": ("    actor: Người đứng đầu", "bang-kiem/don-vi-a.md"),
    "unit type name": ("    name: Đơn vị A", "bang-kiem/don-vi-a.md"),
    "document issuer on the leaflet": ("  issuer: Hội đồng nhân dân huyện Mẫu", "to-roi.md"),
    "document subject on the leaflet": ("  subject: về một việc thử nghiệm", "to-roi.md"),
    "not checkable reason": (
        "    reason: Nguyên tắc chung, không có việc cụ thể để kiểm.",
        "nguyen-tac/2.md",
    ),
    "glossary expansion": ("    expansion: Đơn vị A", "thuat-ngu.md"),
    "glossary explanation": ("    explanation: Một đơn vị thử nghiệm.", "thuat-ngu.md"),
    "explanation duty": ("          duty: Đơn vị phải làm đúng hạn.", "nguyen-tac/2.md"),
    "explanation citizen": ("          citizen: Người dân được biết hạn.", "nguyen-tac/2.md"),
}


def base() -> str:
    """The small fixture (as test_literal uses it) with a glossary and one explanation."""
    text = _without_nt1_requirement(_small())
    assert text.count("\nsections:\n") == 1 and text.count("        text: Việc gì cũng làm đúng hạn.\n") == 1
    return text.replace("\nsections:\n", "\n" + _GLOSSARY, 1).replace(
        "        text: Việc gì cũng làm đúng hạn.\n", _EXPLANATION, 1
    )


def _small() -> str:
    from tests.conftest import SMALL

    return SMALL.read_text(encoding="utf-8")


def with_new_text(field: str, text: str) -> str:
    """The base resolution with `text` in the new `field` (a JSON string is YAML)."""
    line, _ = NEW_FIELDS[field]
    key, _ = line.split(": ", 1)
    resolution = base()
    assert resolution.count(line + "\n") == 1, field
    return resolution.replace(line + "\n", f"{key}: {json.dumps(text, ensure_ascii=False)}\n")


def load(resolution: str):
    return validate(parse(resolution, "resolution.yaml"))


class Attributes(HTMLParser):
    """The title attributes of <abbr> elements."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.titles: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        if tag == "abbr":
            self.titles.append(dict(attrs).get("title", ""))


# -- the data fields of requirements, glossary and explanations on the pages ------------------------


@pytest.mark.parametrize("field", sorted(NEW_FIELDS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text())
def test_new_fields_are_shown_literally_and_add_no_element(field, text, site_markdown):
    page_name = NEW_FIELDS[field][1]
    baseline, _ = markdown_page(with_new_text(field, MARK), page_name, site_markdown)
    page, _ = markdown_page(with_new_text(field, text), page_name, site_markdown)
    assert page.elements == baseline.elements
    assert text in page.text
    assert page.text.count(text) >= baseline.text.count(MARK)


@pytest.mark.parametrize("field", ["glossary expansion", "glossary explanation"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text())
def test_the_tooltip_holds_the_text_literally(field, text, site_markdown):
    model = load(with_new_text(field, text))
    term = model.glossary[0]
    # The glossary page with a paragraph that uses the term (a heading is never marked).
    body, _ = front_matter.get_data(rendered(model, "resolution.yaml")["thuat-ngu.md"])
    html = site_markdown(_using(term.term) + body)
    assert term.tooltip in Attributes(html).titles
    assert text in term.tooltip


# -- the open data -----------------------------------------------------------------------------------

JSON_FIELDS = sorted([*LINES, *NEW_FIELDS])


def _resolution(field: str, text: str) -> str:
    return with_new_text(field, text) if field in NEW_FIELDS else with_text(field, text)


@pytest.fixture(scope="module")
def schema():
    return opendata.json_schema()


@pytest.mark.parametrize("field", JSON_FIELDS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text())
def test_the_json_holds_any_text_as_the_same_string(field, text, schema):
    data = json.loads(opendata.export_text(load(_resolution(field, text))))
    assert text in strings(data)
    jsonschema.validate(data, schema)


# -- the checklist's PDF and DOCX --------------------------------------------------------------------

# Text a printed page can show: the hostile syntax, Vietnamese words, ASCII and Vietnamese letters
# (the fonts the PDF embeds have no glyph for e.g. CJK or emoji, which is not what is tested here).
_PRINTABLE = st.characters(codec="ascii", categories=("P", "S", "Ll", "Lu", "Nd")) | st.sampled_from(
    "ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)


@st.composite
def printable_hostile_text(draw) -> str:
    """hostile_text made of what the PDF's fonts can print."""
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(HOSTILE), st.sampled_from(WORDS), st.text(_PRINTABLE, min_size=1, max_size=4)
            ),
            min_size=1,
            max_size=6,
        )
    )
    text = unicodedata.normalize("NFC", " ".join(" ".join(parts).split()))
    assume(text)
    return text


def _checklist(text: str):
    model = load(with_new_text("requirement wording", text))
    return model, ck.checklists(model)[0]


def _folded(text: str) -> str:
    # NOTE: text extraction re-wraps lines and may drop or add spaces where a line breaks.
    return "".join(unicodedata.normalize("NFC", text).split())


@settings(max_examples=4, deadline=None)
@given(text=printable_hostile_text())
def test_the_pdf_shows_any_wording_literally(text):
    from pypdf import PdfReader

    from generator.outputs.pdf import html_to_pdf

    model, cl = _checklist(text)
    pdf = html_to_pdf(downloads.standalone_html(model, cl, "https://example.org/", datetime.date(2024, 3, 1)))
    shown = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert _folded(text) in _folded(shown)


@settings(max_examples=10, deadline=None)
@given(text=hostile_text())
def test_the_docx_holds_any_wording_exactly(text):
    from docx import Document

    model, cl = _checklist(text)
    url = ck.page_url("https://example.org/", cl)
    date = datetime.date(2024, 3, 1)
    data = downloads_docx(model, cl, url, date)
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert text in cells or any(text in c.split("\n") for c in cells)


def test_a_subject_too_long_for_a_docx_property_is_cut_there_and_kept_whole_in_the_document():
    """python-docx refuses core properties over 255 characters: a long trích yếu (or a long
    number or type) must not stop the build."""
    import dataclasses

    from docx import Document

    model, cl = _checklist("Đã làm.")
    subject = "về " + "một việc rất dài và rất nhiều chữ " * 10
    model = dataclasses.replace(model, document=dataclasses.replace(model.document, subject=subject))
    url = ck.page_url("https://example.org/", cl)
    document = Document(io.BytesIO(downloads_docx(model, cl, url, datetime.date(2024, 3, 1))))
    assert len(document.core_properties.subject) == 255
    assert document.core_properties.subject.endswith("…")
    assert document.core_properties.subject[:-1] in f"việc thực hiện {model.citation} {subject}"
    shown = "\n".join(p.text for p in document.paragraphs)
    assert " ".join(subject.split()) in " ".join(shown.split())


def downloads_docx(model, cl, url: str, date: datetime.date) -> bytes:
    from generator.outputs.docx import checklist_docx, docx_form
    from generator.render.footer import footer_lines

    return checklist_docx(docx_form(model, cl), url=url, footer=footer_lines(model, url, date), date=date)


# -- a glossary term: literal on the glossary page, or refused with a message ------------------------


def _using(term: str) -> str:
    """A paragraph of Markdown that uses `term` (escaped as the generator escapes text)."""
    return f"Về {md(term)} nói chung.\n\n"


_TERM_LINE = "  - term: ĐVA"
_WORDLIKE = st.text(st.characters(categories=("Ll", "Lu", "Nd")), min_size=1, max_size=6)


def _words(words: list[str]) -> str:
    # NOTE: NFC, as the loader keeps every text: "ά" (U+1F71) would otherwise come back as U+03AC.
    return unicodedata.normalize("NFC", " ".join(words))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(hostile_text(), st.builds(_words, st.lists(_WORDLIKE, min_size=1, max_size=3))))
def test_a_glossary_term_is_shown_literally_with_its_tooltip_or_refused(text, site_markdown):
    from generator.errors import InputError

    def resolution(term: str) -> str:
        return base().replace(_TERM_LINE + "\n", f"  - term: {json.dumps(term, ensure_ascii=False)}\n", 1)

    def glossary_page(resolution: str) -> Page:
        """The glossary page, with a paragraph that uses the term first (a heading is never marked)."""
        model = load(resolution)
        body, _ = front_matter.get_data(rendered(model, "resolution.yaml")["thuat-ngu.md"])
        return Page(site_markdown(_using(model.glossary[0].term) + body))

    try:
        page = glossary_page(resolution(text))
    except InputError as refused:
        assert [str(p) for p in refused.problems] == [
            f"resolution.yaml:27: glossary[0].term: '{text}' không thể được đánh dấu kèm lời giải thích "
            "trong văn bản (cần các từ gồm chữ cái và chữ số, có ít nhất một chữ cái, ngăn cách bằng một "
            "dấu cách, '-', '.' hoặc '/', ví dụ HĐND hoặc Ban TTND)"
        ]
        return
    baseline = glossary_page(resolution(MARK))
    # The term may also occur elsewhere on the page (and be marked there): <abbr> aside, the same
    # elements; and the paragraph that uses the term holds its tooltip.
    abbr = ("abbr", ("title",))
    assert [e for e in page.elements if e != abbr] == [e for e in baseline.elements if e != abbr]
    assert abbr in page.elements
    assert text in page.text
    assert "*[" not in page.text and "wzxhzdk" not in page.text  # nothing of the syntax left as text


# -- the real MkDocs build of the new pages: theme, navigation, page title, downloads ---------------


def build_new_pages(project, text: str):
    """Build the base resolution with `text` as the unit type's name, a glossary explanation and
    an item's explanation; return the checklist page, the glossary page and the DOCX's text."""
    from docx import Document

    from tests.conftest import SMALL, mkdocs_build, site_project

    config = site_project(project, SMALL)
    resolution = base()
    for field in ("unit type name", "glossary explanation", "explanation duty"):
        line, _ = NEW_FIELDS[field]
        key, _ = line.split(": ", 1)
        resolution = resolution.replace(line + "\n", f"{key}: {json.dumps(text, ensure_ascii=False)}\n")
    (project / "resolution.yaml").write_text(resolution, encoding="utf-8")
    result = mkdocs_build(config, project / "site")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    docx = Document(str(site / "bang-kiem" / "don-vi-a" / "bang-kiem-don-vi-a.docx"))
    paragraphs = [p.text for p in docx.paragraphs]
    return (
        Page((site / "bang-kiem" / "don-vi-a" / "index.html").read_text(encoding="utf-8")),
        Page((site / "thuat-ngu" / "index.html").read_text(encoding="utf-8")),
        paragraphs,
    )


@pytest.fixture(scope="module")
def baseline_new_pages(tmp_path_factory):
    return build_new_pages(tmp_path_factory.mktemp("baseline-new"), MARK)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text())
def test_any_text_in_a_real_build_of_the_new_pages_is_literal(text, baseline_new_pages, tmp_path_factory):
    checklist, glossary, paragraphs = build_new_pages(tmp_path_factory.mktemp("hostile-new"), text)
    base_checklist, base_glossary, _ = baseline_new_pages
    assert checklist.elements == base_checklist.elements and glossary.elements == base_glossary.elements
    assert checklist.text.count(text) >= base_checklist.text.count(MARK)
    assert glossary.text.count(text) >= base_glossary.text.count(MARK)
    assert text in checklist.title
    assert any(text in p for p in paragraphs)  # the DOCX names the unit type
