"""A Python-Markdown extension: no glossary marks (<abbr>) in citations of the resolution.

These texts are Markdown, so that MkDocs checks and writes their links; the `abbr` extension
would then mark every "NQ" and "HĐND" in them. They name the resolution, they do not use its
terms, and they were never marked: an <abbr> inside an element of one of these classes is
replaced by its text, after `abbr` has run. (The checklists' "Căn cứ" cells are raw HTML, which
`abbr` leaves alone: mkdocs/raw_links.py.)
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# The elements that hold a citation, by their class and, where the class is also used where marks
# belong (an item page's citation), the class of the element around them.
PLAIN = (("nq-projector__cite", None), ("nq-cite", "nq-set__item"))


class _Unmark(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        _walk(root, frozenset())


def _walk(element: etree.Element, around: frozenset[str]) -> None:
    classes = frozenset((element.get("class") or "").split())
    if any(name in classes and (outer is None or outer in around) for name, outer in PLAIN):
        _unwrap_abbr(element)
        return
    for child in element:
        _walk(child, around | classes)


def _unwrap_abbr(element: etree.Element) -> None:
    """Replace every <abbr> below `element` by its content, in place."""
    while True:
        found = next(((p, c) for p in element.iter() for c in p if c.tag == "abbr"), None)
        if found is None:
            return
        parent, abbr = found
        index = list(parent).index(abbr)
        inner, tail = list(abbr), abbr.tail or ""
        parent.remove(abbr)
        for offset, child in enumerate(inner):
            parent.insert(index + offset, child)
        _append_before(parent, index, abbr.text or "")
        if inner:
            inner[-1].tail = (inner[-1].tail or "") + tail
        else:
            _append_before(parent, index, tail)


def _append_before(parent: etree.Element, index: int, text: str) -> None:
    """Add `text` where the child at `index` of `parent` starts."""
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text


class PlainTextExtension(Extension):
    """Registers the treeprocessor after `abbr` (priority 7)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_Unmark(md), "nq-plain-citations", 6)
