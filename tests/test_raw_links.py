"""Links in raw HTML are checked and written by MkDocs as Markdown links are (mkdocs/raw_links.py)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.mkdocs.raw_links import RawLinksExtension

PAGE = (
    "# Trang\n\n"
    '<div class="x">\n'
    '<img alt="Mã QR" class="nq-qr" src="../qr/b.svg" />\n'
    '<p><a class="nq-url" href="../b.md#muc">b.md trong chữ, không phải liên kết</a> · '
    '<a href="https://example.org/b.md">ngoài</a></p>\n'
    "</div>\n\n"
    'Trong dòng: <a href="../b.md">b</a>.\n'
)


def render(tmp_path: Path, text: str, *, directory_urls: bool) -> str:
    """`sub/a.md` holding `text`, rendered by MkDocs beside `b.md` and `qr/b.svg`."""
    docs = tmp_path / "docs"
    for name, content in (("sub/a.md", text), ("b.md", "# B\n\n## Mục {#muc}\n"), ("qr/b.svg", "<svg/>")):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(content, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: x\ndocs_dir: docs\nuse_directory_urls: {str(directory_urls).lower()}\n"
        "markdown_extensions: [md_in_html]\n",
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.markdown_extensions.append(RawLinksExtension())
    files = Files(
        [
            File(name, str(docs), str(tmp_path / "site"), directory_urls)
            for name in ("sub/a.md", "b.md", "qr/b.svg")
        ]
    )
    page = Page(None, files.get_file_from_path("sub/a.md"), config)
    page.read_source(config)
    page.render(config, files)
    return page.content or ""


def test_raw_links_are_written_for_the_layout_as_markdown_links_are(tmp_path):
    html = render(tmp_path / "dirs", PAGE, directory_urls=True)
    assert '<a class="nq-url" href="../../b/#muc">b.md trong chữ, không phải liên kết</a>' in html
    assert 'src="../../qr/b.svg"' in html
    assert 'Trong dòng: <a href="../../b/">b</a>.' in html
    assert '<a href="https://example.org/b.md">' in html  # another site's: left as it is
    flat = render(tmp_path / "flat", PAGE, directory_urls=False)
    assert 'href="../b.html#muc"' in flat and 'src="../qr/b.svg"' in flat and 'href="../b.html"' in flat


def test_a_raw_link_to_a_missing_page_is_reported_as_a_markdown_link_is(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        html = render(tmp_path, '<p><a href="../khong-co.md">x</a></p>\n', directory_urls=True)
    assert "contains a link '../khong-co.md', but the target 'khong-co.md' is not found" in caplog.text
    assert 'href="../khong-co.md"' in html


@pytest.mark.parametrize("text", ['<p><a href="../b.md">b</a></p>\n', "[b](../b.md)\n"])
def test_raw_and_markdown_links_give_the_same_url(tmp_path, text):
    html = render(tmp_path, text, directory_urls=True)
    assert 'href="../../b/"' in html
