"""The resolution's text as the model keeps it: sections (or chapters) of items (or articles),
the parts of an article, the official layout around them; and what we add to it (glossary,
explanations)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True, kw_only=True)
class Explanation:
    """Our plain-language reading of an item (Diễn giải): editorial, not the resolution's words."""

    duty: str
    citizen: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """An abbreviation (HĐND) or a term (hương ước) of the glossary, explained for a citizen."""

    term: str
    expansion: str | None
    explanation: str
    kind: str
    variants: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form that gets the explanation as a tooltip."""
        return (self.term, *self.variants)

    @property
    def tooltip(self) -> str:
        """ "Hội đồng nhân dân: cơ quan ..." for an abbreviation, the explanation for a term."""
        return f"{self.expansion}: {self.explanation}" if self.expansion else self.explanation


# The kinds of part an article holds, as the official layout nests them: khoản ("1."), điểm
# ("a)", "đ)"), a "-" item, a paragraph with no number, a table.
PartKind = Literal["khoan", "diem", "dash", "paragraph", "table"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Part:
    """A part of an article (or of an appendix) as the text nests it, verbatim.

    `marker` is the numbering exactly as written ("3.", "đ)", "-"), `number` what it numbers
    ("3", "đ"); a paragraph has neither, a table has `rows` instead of `text`. Khoản and điểm have
    an `id` (their anchor, `dieu-4-khoan-3-diem-dd`) and may keep old ids as `aliases`.
    """

    kind: PartKind
    text: str = ""
    id: str | None = None
    marker: str | None = None
    number: str | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    parts: tuple[Part, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def line(self) -> str:
        """The part's own words as they stand in the text, its marker included."""
        if self.kind == "table":
            return " ".join(" ".join(row) for row in self.rows)
        return f"{self.marker} {self.text}" if self.marker else self.text

    def walk(self) -> Iterator[Part]:
        """This part and every part inside it, in the order of the text."""
        yield self
        for part in self.parts:
            yield from part.walk()


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """One numbered principle, objective or measure, or one article (Điều) of a resolution in the
    official layout: the unit that has its own page, projector slide and citation.

    `heading` is the text's own first sentence where it has one (verbatim); `title` is ours. An
    article's `marker` ("Điều 4a.") and `heading` (its title, "Phạm vi điều chỉnh") are verbatim,
    its words are in `parts` and `text` is empty.
    """

    id: str
    number: int | str
    section_id: str
    section_name: str
    heading: str | None
    title: str | None
    text: str
    # Ids the item had before a rename: their old anchors and links keep working.
    aliases: tuple[str, ...] = ()
    explanation: Explanation | None = None
    # An article of the official layout: "Điều 4a." as written, and its khoản, điểm ... .
    marker: str | None = None
    parts: tuple[Part, ...] = ()

    @property
    def is_article(self) -> bool:
        """An article (Điều) of the official layout, not an item of the news article's sections."""
        return self.marker is not None

    @property
    def label(self) -> str:
        """How the item is named in prose: "Biện pháp 3", "Điều 4a"."""
        if self.is_article:
            return f"Điều {self.number}"
        return f"{self.section_name} {self.number}"

    @property
    def heading_line(self) -> str | None:
        """An article's first line as written ("Điều 4. Biện pháp về ..."), else the heading."""
        if self.is_article:
            return f"{self.marker} {self.heading}" if self.heading else self.marker
        return self.heading

    def walk(self) -> Iterator[Part]:
        """Every part of the item, in the order of the text."""
        for part in self.parts:
            yield from part.walk()

    @property
    def full_text(self) -> str:
        """The item's words as they stand in the resolution, heading included."""
        if self.is_article:
            return " ".join([self.heading_line or "", *(p.line for p in self.walk())]).strip()
        return f"{self.heading} {self.text}" if self.heading else self.text


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A part of the resolution: its verbatim opening words and its numbered items; or a chapter
    (Chương) of the official layout, whose `marker` ("Chương II") and `title` are verbatim; or,
    in an official text without chapters, its articles under a `title` of ours."""

    id: str
    name: str
    title: str
    intro: str
    items: tuple[Item, ...]
    marker: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Appendix:
    """An appendix (Phụ lục) of the official layout: its heading lines and its parts, verbatim."""

    id: str
    title: tuple[str, ...]
    parts: tuple[Part, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Official:
    """The parts of an official-layout document around its articles, each line verbatim, in the
    order of the document: header (issuer, Quốc hiệu, Tiêu ngữ, Số, place and date), title
    (NGHỊ QUYẾT and the trích yếu), preamble (council and session, căn cứ, xét, enacting words),
    closing (adoption sentence), nơi nhận and signature block. `term` and `session` repeat the
    council's words ("KHÓA XI", "KỲ HỌP THỨ CHÍN") where the text gives them."""

    header: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    council: tuple[str, ...] = ()
    term: str | None = None
    session: str | None = None
    bases: tuple[str, ...] = ()
    considering: tuple[str, ...] = ()
    enacting: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()
