"""The only place where output paths and links are made, from stable ids and numbers.

Paths are relative to the content directory; MkDocs turns `x/y.md` into the URL `x/y/`.
These URLs are printed in handouts: changing one breaks a published link.
"""

from __future__ import annotations

import posixpath

from generator.model import Item, Section

HOME = "index.md"
FULL_TEXT = "nghi-quyet.md"
ABOUT = "gioi-thieu.md"
MANIFEST = ".generated"
GLOSSARY = "thuat-ngu.md"
CITIZENS = "nguoi-dan.md"


def section_page(section: Section) -> str:
    """`bien-phap/index.md`: the section's list of items."""
    return f"{section.id}/index.md"


def item_page(item: Item) -> str:
    """`bien-phap/3.md`: one page per item, by its section and number."""
    return f"{item.section_id}/{item.number}.md"


def url(page: str) -> str:
    """The site-relative URL of a page: `bien-phap/3.md` -> `bien-phap/3/`, `index.md` -> ``."""
    stem = page[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem + "/"


def link(here: str, target: str, anchor: str | None = None) -> str:
    """A relative Markdown link from page `here` to page `target` (MkDocs checks it in strict mode)."""
    rel = posixpath.relpath(target, posixpath.dirname(here) or ".")
    return f"{rel}#{anchor}" if anchor else rel
