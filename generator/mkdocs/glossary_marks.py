"""A Python-Markdown extension: the glossary's marks (<abbr title>), once per term in each block.

The definitions are the `*[HĐND]: …` lines that render/glossary.py appends to every page, read
by the `abbr` extension's block processor; the marking is ours. Python-Markdown's `abbr` marks
every occurrence, headings included ("dân chủ ở cơ sở" 43 times on NQ 55's full text); here a
term is marked at its first occurrence in each block of text:

- an item's verbatim box (`nq-verbatim`: NQ 55's item, whatever paragraphs its text has);
- in the official layout, each part at the top of an article (`nq-part`: a khoản or an
  unnumbered paragraph, with its điểm and dashes): the unit a citation or an anchor lands on,
  on the full text and on the article's page alike;
- an explanation (`nq-explain`, the "Diễn giải" box);
- elsewhere each paragraph, list item, table cell or definition.

The forms of one term ("Ban Giám sát…", "Ban giám sát…") count as one: they share its
explanation, which is what is compared. Never marked, and not counted: headings, titles
(admonition titles, summaries, captions, the subject under a page's title), links, buttons,
code and table headers. Only text in the element tree is read: attributes are never touched,
and raw HTML (scripts, our raw blocks) is not in the tree but in placeholders, which no term
matches (`\\x02wzxhzdk:N\\x03`).
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.abbr import AbbrBlockprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# Elements whose text is never marked (their tail, the text after them, is their parent's).
NEVER = frozenset(
    [
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "button",
        "code",
        "pre",
        "kbd",
        "samp",
        "th",
        "caption",
        "summary",
        "label",
        "select",
        "option",
        "textarea",
        "script",
        "style",
        "abbr",
        "title",
    ]
)
# Titles by their class: an admonition's title, the verbatim box's label, the subject line that
# completes a page's title (the resolution's name).
TITLES = frozenset(("admonition-title", "nq-verbatim__label", "nq-subject"))
# Blocks of text: an item's verbatim text and an explanation, whatever is inside them ...
UNITS = frozenset(("nq-verbatim", "nq-explain"))
# ... a part at the top of an article (its điểm and dashes belong to it) ...
PART = "nq-part"
# ... and, outside those, each of these elements.
BLOCKS = frozenset(["p", "li", "td", "dd", "dt", "blockquote", "figcaption"])

# How deep in a block: none, a unit (UNITS), a part (PART; may be inside a unit).
_OUTSIDE, _UNIT, _PART = 0, 1, 2


@functools.lru_cache(maxsize=8)
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Any form, longest first, as whole words (as the `abbr` extension matches them)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(form) for form in forms) + r")\b")


class _Marks(Treeprocessor):
    def __init__(self, md: Markdown, definitions: dict[str, str]):
        super().__init__(md)
        self.definitions = definitions  # form -> explanation, filled by the block processor

    def run(self, root: etree.Element) -> None:
        if not self.definitions:
            return
        forms = tuple(sorted(self.definitions, key=len, reverse=True))
        self.pattern = _pattern(forms)
        try:
            self._inside(root, set(), _OUTSIDE)
        finally:
            # NOTE: the definitions are this page's: a Markdown object converting another page
            # reads that page's own.
            self.definitions.clear()

    def _visit(self, element: etree.Element, seen: set[str], depth: int) -> None:
        """Mark `element` and what it holds, in the block it starts or in the one it is in."""
        if element.tag in NEVER:
            return
        classes = (element.get("class") or "").split()
        if classes and not TITLES.isdisjoint(classes):
            return
        if PART in classes and depth < _PART:
            seen, depth = set(), _PART
        elif depth < _UNIT and not UNITS.isdisjoint(classes):
            seen, depth = set(), _UNIT
        elif depth == _OUTSIDE and element.tag in BLOCKS:
            seen = set()
        self._inside(element, seen, depth)

    def _inside(self, element: etree.Element, seen: set[str], depth: int) -> None:
        """Mark the text of `element` and its children's tails (in its block), and its children."""
        children = list(element)
        made: list[etree.Element] = []
        if element.text and not isinstance(element.text, AtomicString):
            element.text, made = self._split(element.text, seen)
        if not made and not children:
            return
        result = made
        for child in children:
            result.append(child)
            self._visit(child, seen, depth)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, after = self._split(child.tail, seen)
                result.extend(after)
        if len(result) != len(children):
            element[:] = result

    def _split(self, text: str, seen: set[str]) -> tuple[str, list[etree.Element]]:
        """`text` with the first occurrence of each term not `seen` yet as an <abbr>: the text
        before the first mark and the marks (each with the text after it as its tail)."""
        marks: list[etree.Element] = []
        lead, start = text, 0
        for match in self.pattern.finditer(text):
            title = self.definitions.get(match[0])
            if not title or title in seen:
                continue
            seen.add(title)
            before = text[start : match.start()]
            if marks:
                marks[-1].tail = before
            else:
                lead = before
            mark = etree.Element("abbr", {"title": title})
            mark.text = AtomicString(match[0])
            marks.append(mark)
            start = match.end()
        if not marks:
            return text, marks
        marks[-1].tail = text[start:]
        return lead, marks


class GlossaryMarksExtension(Extension):
    """Reads the `*[form]: explanation` definitions (the `abbr` extension's block processor, at
    its priority) and marks the text with our treeprocessor (at `abbr`'s priority 7: before the
    unmarking of citations, plain_text.py, and before `toc`)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        definitions: dict[str, str] = {}
        md.parser.blockprocessors.register(AbbrBlockprocessor(md.parser, definitions), "abbr", 16)
        md.treeprocessors.register(_Marks(md, definitions), "nq-glossary-marks", 7)


def makeExtension(**kwargs) -> GlossaryMarksExtension:  # noqa: N802 (Python-Markdown's name)
    """`generator.mkdocs.glossary_marks` in mkdocs.yml's markdown_extensions."""
    return GlossaryMarksExtension(**kwargs)
