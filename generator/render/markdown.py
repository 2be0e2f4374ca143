"""Text into the formats it lands in: Markdown (`md`), HTML attributes inside raw HTML (`attr`),
YAML front matter (`yaml_str`); dates as Vietnamese documents write them; heading anchors.

Markdown is not HTML, so Jinja's autoescape does not protect it: every piece of data goes
through one of these filters in the templates, and the hostile-input tests hold them to it.
"""

from __future__ import annotations

import datetime
import html
import json
import re

from markdown.extensions.toc import slugify as _markdown_slugify

# Characters that start Markdown or extension syntax anywhere in a line (emphasis, code, links,
# raw HTML, entities, attribute lists, tables, keys/mark/caret/tilde). pymdownx.escapeall makes a
# backslash escape any character, so escaping these keeps text literal whatever it contains.
_ALWAYS = frozenset("\\`*_{}[]!|~^=+#:")
# NOTE: <, > and & become entities, not backslash escapes: inside an HTML block with the
# `markdown` attribute, Python-Markdown's HTML parser reads `\<script>` as a tag before any
# escape is applied, and would swallow the rest of the page as script.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ESCAPES = str.maketrans({**{c: "\\" + c for c in _ALWAYS}, **_ENTITIES})
# Characters that start a block (lists, headings, snippets) only at the start of a line.
_LINE_START = frozenset("-+*#")
_ORDERED = re.compile(r"^(\d+)([.)])")


def md(text: str) -> str:
    """Escape text for Markdown so that it is shown literally, never as markup."""
    out = text.translate(_ESCAPES)
    if out[:1] in _LINE_START:
        out = "\\" + out
    return _ORDERED.sub(r"\1\\\2", out)


def yaml_str(text: str) -> str:
    """A YAML-safe scalar for front matter (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def date_vn(value: datetime.date) -> str:
    """07/12/2023: days and months with a leading zero, as Vietnamese documents write them."""
    return f"{value:%d/%m/%Y}"


def summary(text: str, limit: int = 155) -> str:
    """The first words of a text, cut at a word boundary, for a meta description."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def attr(text: str) -> str:
    """Escape text for an HTML attribute or element inside raw HTML in Markdown."""
    return html.escape(text, quote=True)


def slugify(value: str, separator: str) -> str:
    """Python-Markdown's slugify for heading anchors, but "đ" becomes "d" instead of disappearing
    ("điện tử" -> "dien-tu"), as search folds it (see outputs/search.py)."""
    return _markdown_slugify(fold_dd(value), separator)


def fold_dd(text: str) -> str:
    """ "đ"/"Đ" as "d"/"D": Unicode has no decomposition for them, so ASCII folding drops them."""
    return text.replace("đ", "d").replace("Đ", "D")
