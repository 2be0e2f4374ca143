"""A Python-Markdown extension: links in raw HTML checked and written by MkDocs, as Markdown links are.

MkDocs checks a page's links and writes them for the site's layout (directory URLs or not,
offline) only in the Markdown it has parsed into elements: a link in raw HTML is left as it is.
The largest raw blocks (a checklist's form, the trainers' targets) link to pages and files by
their source path (`../muc-tieu/1.md`, `qr/trang-chu.svg`); parsing them as Markdown inside HTML
(`markdown` attributes down to each link) made MkDocs see those links, but costs a third of
those pages' build (every tag of every row becomes an element). Instead this treeprocessor
hands the `href` of every <a> and the `src` of every <img> in the page's raw HTML to MkDocs'
own link processor of that page (registered as "relpath"): the same check, the same warning
for a missing page, file or anchor, the same URL written.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# An <a> or <img> start tag, and in it a double-quoted href or src. NOTE: the generator writes
# raw HTML with every attribute value double-quoted and escaped (render/markdown.attr), so
# neither '"' nor '>' occurs inside a value.
_TAG = re.compile(r"<(?:a|img)\s[^>]*>")
_URL = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


class _RawLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        try:
            path_to_url = self.md.treeprocessors["relpath"].path_to_url
        except (KeyError, AttributeError):
            return  # NOTE: not a page MkDocs is building (plain Python-Markdown)
        blocks = self.md.htmlStash.rawHtmlBlocks

        def url(match: re.Match[str]) -> str:
            return match[1] + html.escape(path_to_url(html.unescape(match[2])), quote=True) + match[3]

        def tag(match: re.Match[str]) -> str:
            return _URL.sub(url, match[0])

        for index, block in enumerate(blocks):
            if isinstance(block, str) and ("<a " in block or "<img " in block):
                blocks[index] = _TAG.sub(tag, block)


class RawLinksExtension(Extension):
    """Registers the treeprocessor after `inline` (priority 20), which stashes inline raw HTML."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_RawLinks(md), "nq-raw-links", 1)
