"""Checked data in the official layout -> the model's sections (chapters), items (articles),
parts (khoản, điểm, "-" items, paragraphs, tables), appendices and the text around them."""

from __future__ import annotations

import re
from typing import Any

from generator.check.data import clean
from generator.model import Appendix, Item, Official, Part, PartKind, Section

# What the data calls the articles of a text without chapters: one section of ours, with a page
# at /dieu/ that lists them.
ARTICLES_ID = "dieu"
ARTICLES_TITLE = "Các điều"

# A part's marker as written -> its kind and number: "3." khoản, "đ)" điểm, "-" (or "+") item.
_KHOAN = re.compile(r"^(\d+[a-z]?)\.$")
_DIEM = re.compile(r"^([a-zđ]{1,2})\)$")
_DASH = ("-", "+", "–", "•")
# "Điều 4a." -> "4a"; "Chương II" -> "II".
_ARTICLE = re.compile(r"^Điều\s+(\d+[a-zđ]?)\s*[.:]?$")


def is_official(data: dict[str, Any]) -> bool:
    """Whether the data holds a text in the official layout (articles, with or without chapters)."""
    return "chapters" in data or "articles" in data


def part_kind(raw: dict[str, Any]) -> tuple[PartKind, str | None]:
    """A raw part's kind and number, told by its keys and its marker as written."""
    if "table" in raw:
        return "table", None
    marker = raw.get("marker")
    if not isinstance(marker, str):
        return "paragraph", None
    marker = marker.strip()
    if match := _KHOAN.match(marker):
        return "khoan", match.group(1)
    if match := _DIEM.match(marker):
        return "diem", match.group(1)
    return "dash", None


def article_number(marker: str) -> str | None:
    """ "Điều 4a." -> "4a" (None when the marker is not an article's)."""
    match = _ARTICLE.match(" ".join(marker.split()))
    return match.group(1) if match else None


def _part(raw: dict[str, Any]) -> Part:
    kind, number = part_kind(raw)
    return Part(
        kind=kind,
        text=clean(raw["text"]) if "text" in raw else "",
        id=raw.get("id"),
        marker=clean(raw["marker"]) if "marker" in raw else None,
        number=number,
        rows=tuple(tuple(clean(str(cell)) for cell in row) for row in raw.get("table", ())),
        parts=tuple(_part(p) for p in raw.get("parts", ())),
        aliases=tuple(raw.get("aliases", ())),
    )


def _article(raw: dict[str, Any], section_id: str, explanation) -> Item:
    marker = clean(raw["marker"])
    return Item(
        id=raw["id"],
        number=article_number(marker) or marker,
        section_id=section_id,
        section_name="Điều",
        heading=clean(raw["title"]) if "title" in raw else None,
        title=None,
        text="",
        aliases=tuple(raw.get("aliases", ())),
        explanation=explanation(raw["explanation"]) if "explanation" in raw else None,
        marker=marker,
        parts=tuple(_part(p) for p in raw.get("parts", ())),
    )


def sections(data: dict[str, Any], explanation) -> tuple[Section, ...]:
    """The chapters as sections of articles; or, without chapters, one section of ours."""
    if "chapters" not in data:
        items = tuple(_article(a, ARTICLES_ID, explanation) for a in data.get("articles", ()))
        return (Section(id=ARTICLES_ID, name="Điều", title=ARTICLES_TITLE, intro="", items=items),)
    return tuple(
        Section(
            id=raw["id"],
            name=clean(raw["marker"]),
            title=clean(raw["title"]) if "title" in raw else clean(raw["marker"]),
            intro="",
            items=tuple(_article(a, raw["id"], explanation) for a in raw.get("articles", ())),
            marker=clean(raw["marker"]),
        )
        for raw in data["chapters"]
    )


def official(data: dict[str, Any]) -> Official:
    """The header, preamble and closing, each line verbatim."""
    raw = data.get("official", {})

    def lines(key: str) -> tuple[str, ...]:
        return tuple(clean(line) for line in raw.get(key, ()))

    def one(key: str) -> str | None:
        return clean(raw[key]) if key in raw else None

    return Official(
        header=lines("header"),
        title=lines("title"),
        council=lines("council"),
        term=one("term"),
        session=one("session"),
        bases=lines("bases"),
        considering=lines("considering"),
        enacting=lines("enacting"),
        closing=lines("closing"),
        recipients=lines("recipients"),
        signature=lines("signature"),
    )


def appendices(data: dict[str, Any]) -> tuple[Appendix, ...]:
    """The appendices: heading lines and parts, verbatim."""
    return tuple(
        Appendix(
            id=raw["id"],
            title=tuple(clean(line) for line in raw.get("title", ())),
            parts=tuple(_part(p) for p in raw.get("parts", ())),
        )
        for raw in data.get("appendices", ())
    )
