"""Rendering: text stays text in Markdown, and the output matches the reviewed golden tree."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from mkdocs.config import load_config

from generator.render.markdown import md
from generator.write.tree import read_manifest
from tests.conftest import ROOT
from tests.golden import GOLDEN, render_fixture

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "**đậm** _nghiêng_ `mã`",
    "# Tiêu đề giả",
    "- mục giả",
    "+ mục giả",
    "1. mục giả",
    "2) mục giả",
    "> trích dẫn giả",
    "| a | b |",
    "[bấm vào](javascript:alert(1))",
    "![ảnh](x.png)",
    "{{ biến }} và {% if x %}",
    '--8<-- "mkdocs.yml"',
    '!!! note "giả"',
    "văn bản {#id-gia .lop}",
    "++ctrl+alt+del++",
    "&amp; &lt; &#x41;",
    "\\ dấu gạch ngược \\*",
    "*[HĐND]: Hội đồng nhân dân",
    ": định nghĩa giả",
    "==đánh dấu== ~~gạch~~ ^^chèn^^",
    "<!-- chú thích -->",
    "http://example.com <http://example.com>",
    "100% cơ quan, đơn vị: đúng./.",
]


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data

    def handle_comment(self, data):
        self.tags.append("!--")


@pytest.fixture(scope="module")
def site_markdown():
    """A Markdown converter with exactly the extensions the site is built with."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return lambda: markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_literally_as_one_paragraph(site_markdown, text):
    html = site_markdown().convert(md(text))
    seen = _Collector()
    seen.feed(html)
    assert seen.tags == ["p"], html
    assert seen.text == text


def test_plain_vietnamese_is_left_readable():
    text = "Bảo đảm sự lãnh đạo của Đảng, sự chỉ đạo; vai trò (1) nòng cốt 100%."
    assert md(text) == text


def test_the_small_fixture_renders_exactly_the_golden_tree():
    plan = render_fixture()
    assert read_manifest(GOLDEN) == set(plan), "files added or removed: run `make golden` and review"
    for rel, text in plan.items():
        assert (GOLDEN / rel).read_text(encoding="utf-8") == text, (
            f"{rel} differs: run `make golden` and review"
        )


def test_rendering_twice_gives_identical_output():
    assert render_fixture() == render_fixture()


def test_every_generated_page_says_it_is_generated_and_from_what():
    for rel, text in render_fixture().items():
        if not rel.endswith(".md"):
            continue  # JSON data and static redirect pages are not pages of the site's text
        assert "do generator tạo từ small.yaml" in text.split("\n---\n", 1)[1].splitlines()[0], rel
