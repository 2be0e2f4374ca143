"""Text stays text: whatever a text field holds (HTML, Markdown, Jinja, the extensions' syntax) is
shown literally, and adds no element to the page.

Property-based (hypothesis): text mixing Vietnamese words with hostile syntax is put into the
small fixture. Many examples go through the generator and the site's own Markdown configuration;
a few go through the real `mkdocs build`, theme, navigation and page titles included. Another
output (JSON, PDF, DOCX) joins by adding a function to OUTPUTS that returns the text a reader
sees and the elements it made, for a resolution file.
"""

from __future__ import annotations

import json
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils import meta as front_matter

from generator.check.validate import validate
from generator.load.source import parse
from tests.conftest import ROOT, SMALL, mkdocs_build, rendered, site_project

# Syntax that would become markup somewhere if it were not escaped.
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</p>",
    "<!--",
    "-->",
    "<b>",
    "&amp;",
    "&lt;",
    "&#x41;",
    "&nbsp;",
    "*",
    "**",
    "_",
    "__",
    "`",
    "```",
    "#",
    "## ",
    "|",
    "| a |",
    "- ",
    "+ ",
    "1. ",
    "2) ",
    "> ",
    "[x](javascript:alert(1))",
    "![a](b.png)",
    "[^1]",
    "<http://x.y>",
    "{{ 7*7 }}",
    "{% if x %}",
    "{# c #}",
    "{##",
    "##}",
    "{{ config.site_name }}",
    '--8<-- "mkdocs.yml"',
    "!!! note",
    "??? note",
    "{#id}",
    "{: .cls }",
    "{ .nq-prev }",
    "++ctrl+alt++",
    "==x==",
    "~~x~~",
    "^^x^^",
    "*[HĐND]: Hội đồng",
    ": định nghĩa",
    "\\",
    "\\*",
    "---",
    "===",
    "<div markdown>",
    '"',
    "'",
    "<<",
    ">>",
    "</title>",
    "</textarea>",
    "://",
    "@",
    "%",
]
WORDS = [
    "Hội đồng nhân dân",
    "dân chủ",
    "cơ sở",
    "Tuyên Quang",
    "biện pháp",
    "nguyên tắc",
    "100%",
    "đúng./.",
    "(1)",
    "Điều 5",
    "ổn định",
    "Ủy ban",
    "quyền được biết",
]
# Single characters: ASCII punctuation and Vietnamese letters (NFC, as the loader makes them).
CHARS = st.characters(codec="utf-8", categories=("P", "S", "Ll", "Lu", "Nd"), exclude_characters="\u00ad")

fragment = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(WORDS), st.text(CHARS, min_size=1, max_size=4))


@st.composite
def hostile_text(draw) -> str:
    """A line of text as a field holds it after loading: NFC, single spaces, not blank."""
    parts = draw(st.lists(fragment, min_size=1, max_size=8))
    seps = draw(st.lists(st.sampled_from([" ", ""]), min_size=len(parts), max_size=len(parts)))
    text = unicodedata.normalize(
        "NFC", " ".join("".join(p + s for p, s in zip(parts, seps, strict=False)).split())
    )
    assume(text)
    return text


# Fields of the small fixture that reach the item page nguyen-tac/1/, with the text they hold.
FIELDS = {
    "item title": "        title: Công khai",
    "item text": "        text: Mọi việc phải công khai; không giấu giếm.",
    "section title": "    title: Các nguyên tắc",
    "section name": "    name: Nguyên tắc",
    "document number": "  number: 7/NQ-HĐND",
    "document type": "  type: Nghị quyết",
}
# More fields, each with a page that shows it.
OTHER_FIELDS = {
    "item heading": ("        heading: Họp định kỳ.", "bien-phap/1.md"),
    "section intro": ('    intro: "Về nguyên tắc:"', "nguyen-tac/index.md"),
    "document subject": ("  subject: về một việc thử nghiệm", "nghi-quyet.md"),
    "source lead": ("  lead: Đây là đoạn mở đầu của bài viết thử nghiệm.", "gioi-thieu.md"),
    "source note": ("  note: Dữ liệu thử nghiệm, không phải văn bản thật.", "gioi-thieu.md"),
    "status label": ("  label: Dữ liệu thử nghiệm", "gioi-thieu.md"),
}
LINES = {**FIELDS, **{name: line for name, (line, _) in OTHER_FIELDS.items()}}
PAGE = {
    **{name: "nguyen-tac/1.md" for name in FIELDS},
    **{name: page for name, (_, page) in OTHER_FIELDS.items()},
}
MARK = "XYZMARKXYZ"
_NT1_REQUIREMENT = (
    "  - id: nt1-cong-khai\n    clause: nguyen-tac-1\n    quote: Mọi việc phải công khai\n"
    "    wording: Đã công khai mọi việc.\n    applies_to: [don-vi-a]\n"
)


def _without_nt1_requirement(resolution: str) -> str:
    """A requirement quotes nguyen-tac-1's text, which the hostile text replaces: the item is
    excused instead (the quote check itself is tested in test_requirements.py)."""
    assert resolution.count(_NT1_REQUIREMENT) == 1
    return resolution.replace(_NT1_REQUIREMENT, "").replace(
        "not_checkable:\n", "not_checkable:\n  - clause: nguyen-tac-1\n    reason: Thử nghiệm.\n"
    )


def with_text(field: str, text: str) -> str:
    """The small fixture with `text` in `field` (JSON strings are YAML)."""
    line = LINES[field]
    key, _ = line.split(": ", 1)
    base = _without_nt1_requirement(SMALL.read_text(encoding="utf-8"))
    assert base.count(line + "\n") == 1, field
    return base.replace(line + "\n", f"{key}: {json.dumps(text, ensure_ascii=False)}\n")


class Page(HTMLParser):
    """Elements (tag and attribute names) and visible text of an HTML document."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.title = ""
        self._skip = 0
        self._in_title = False
        self._in_ld = False
        self._text: list[str] = []
        # The contents of <script type="application/ld+json"> (the JSON-LD in the head).
        self.ld_json: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, tuple(sorted(name for name, _ in attrs))))
        if tag in ("script", "style"):
            self._skip += 1
        self._in_title = tag == "title"
        self._in_ld = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        self._in_title = self._in_ld = False

    def handle_comment(self, data):
        self.elements.append(("!--", ()))

    def handle_data(self, data):
        if self._in_ld:
            self.ld_json.append(data)
        elif self._in_title:
            self.title += data
        elif not self._skip:
            self._text.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self._text).split())


@pytest.fixture(scope="module")
def site_markdown():
    """Markdown -> HTML with exactly the extensions and settings the site is built with."""
    config = load_config(str(ROOT / "mkdocs.yml"))

    def convert(source: str) -> str:
        return markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        ).convert(source)

    return convert


def markdown_page(resolution: str, page: str, site_markdown) -> tuple[Page, dict]:
    """A page as the generator writes it, through the site's Markdown; and its front matter."""
    model = validate(parse(resolution, "resolution.yaml"))
    body, meta = front_matter.get_data(rendered(model, "resolution.yaml")[page])
    return Page(site_markdown(body)), meta


def markdown_output(field: str, text: str, site_markdown) -> tuple[Page, dict]:
    return markdown_page(with_text(field, text), PAGE[field], site_markdown)


# The outputs the property covers: each gives (page, front matter) for a field holding a text.
OUTPUTS = {"markdown": markdown_output}


@pytest.mark.parametrize("output", sorted(OUTPUTS))
@pytest.mark.parametrize("field", sorted(LINES))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text())
def test_any_text_is_shown_literally_and_adds_no_element(output, field, text, site_markdown):
    baseline, _ = OUTPUTS[output](field, MARK, site_markdown)
    page, meta = OUTPUTS[output](field, text, site_markdown)
    assert page.elements == baseline.elements
    assert text in page.text
    assert page.text.count(text) >= baseline.text.count(MARK)
    # The front matter's page title holds the text itself, as YAML.
    if field in ("document number", "document type", "section name"):
        assert text in meta["title"]
    # The JSON-LD for the head is still JSON, and holds the text itself.
    legislation = json.loads(meta["jsonld"])
    if field == "document number":
        assert legislation["legislationIdentifier"] == text
    if field == "document subject":
        assert legislation["name"].endswith(" " + text)


def test_the_property_would_catch_unescaped_text(site_markdown, monkeypatch):
    from generator.render import environment, markdown, pages

    monkeypatch.setattr(markdown, "md", lambda text: text)
    # NOTE: the environment is made once per process and holds the filter it was made with: a
    # fresh one, for this test only.
    monkeypatch.setattr(pages, "markdown_environment", environment.markdown_environment.__wrapped__)
    page, _ = markdown_output("item text", "<b>đậm</b> *nghiêng*", site_markdown)
    baseline, _ = markdown_output("item text", MARK, site_markdown)
    assert page.elements != baseline.elements


# -- the real MkDocs build: theme, navigation, page title --------------------------------------------


@pytest.fixture(scope="module")
def baseline_site(tmp_path_factory) -> Page:
    """The item page of the small site with a plain mark in every field the test fills."""
    project = tmp_path_factory.mktemp("baseline")
    return build_item_page(project, MARK)


def build_item_page(project: Path, text: str) -> Page:
    """Build the small site with `text` in every field of FIELDS; return the item page."""
    config = site_project(project, SMALL)
    resolution = _without_nt1_requirement(SMALL.read_text(encoding="utf-8"))
    for _field, line in FIELDS.items():
        key, _ = line.split(": ", 1)
        resolution = resolution.replace(line + "\n", f"{key}: {json.dumps(text, ensure_ascii=False)}\n")
    (project / "resolution.yaml").write_text(resolution, encoding="utf-8")
    result = mkdocs_build(config, project / "site")
    assert result.returncode == 0, result.stderr
    return Page((project / "site" / "nguyen-tac" / "1" / "index.html").read_text(encoding="utf-8"))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text())
def test_any_text_in_a_real_build_is_literal_in_page_nav_and_title(text, baseline_site, tmp_path_factory):
    page = build_item_page(tmp_path_factory.mktemp("hostile"), text)
    assert page.elements == baseline_site.elements
    assert page.text.count(text) >= baseline_site.text.count(MARK)
    assert text in page.title
    (ld_json,) = page.ld_json
    assert json.loads(ld_json)["legislationIdentifier"] == text


def test_jinja_in_the_data_is_never_evaluated(tmp_path):
    page = build_item_page(tmp_path, "{{ 7*7 }} {{ config.site_name }} {% raw %}")
    assert "{{ 7*7 }} {{ config.site_name }} {% raw %}" in page.text
    assert "49" not in page.text
