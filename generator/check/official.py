"""The meaning checks of a text in the official layout (Chương / Điều / khoản / điểm) that a
schema cannot say:

- an article's marker reads "Điều 4." (digits, maybe one letter, a full stop or colon), and no two
  articles have the same number (each has its page, /dieu-4/);
- a part's marker is a khoản's ("3."), a điểm's ("a)", "đ)") or a list item's ("-", "+", "–");
- a khoản or điểm has an id (its anchor and what a requirement cites), and nothing else does;
- a part holds text or a table, and a table holds only its rows.

The ids (chapters, articles, khoản, điểm, appendices and every alias) are claimed, with the
others of the data, by validate.py: `ids` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from generator import phrases
from generator.check.data import entries
from generator.check.official_of import part_kind
from generator.check.text import text_problems
from generator.load.source import DataPath

# "Điều 4." (or "Điều 4:", or "Điều 4" alone, as some texts write it: kept verbatim, as the
# importer reads it).
_ARTICLE_MARKER = re.compile(r"Điều ([0-9]+[a-zđ]?) ?[.:]?")
# A list item's mark as written: "-", "+", and the en dash and bullet Word puts in their place.
_DASHES = ("-", "+", "–", "•")
# What a part that is not a khoản or điểm is called in a message.
_KIND_NAME = {
    "dash": "ý của danh sách ('-' hoặc '+')",
    "paragraph": "đoạn không đánh số",
    "table": "bảng",
}


class _Checker(Protocol):
    def add(self, path: DataPath, message: str) -> None: ...


def articles(data: dict[str, Any]) -> Iterator[tuple[DataPath, dict[str, Any]]]:
    """(place, raw article) of every article, in the order of the text."""
    if "chapters" in data:
        for c, chapter in entries(data["chapters"]):
            for a, article in entries(chapter.get("articles")):
                yield ("chapters", c, "articles", a), article
    else:
        for a, article in entries(data.get("articles")):
            yield ("articles", a), article


def parts(raw: dict[str, Any], path: DataPath) -> Iterator[tuple[DataPath, dict[str, Any]]]:
    """(place, raw part) of every part inside `raw` (an article, appendix or part), in order."""
    for p, part in entries(raw.get("parts")):
        where = path + ("parts", p)
        yield where, part
        yield from parts(part, where)


def ids(data: dict[str, Any]) -> Iterator[tuple[Any, DataPath, bool]]:
    """(id, place, is an alias) of everything of the official layout that has an id."""
    for c, chapter in entries(data.get("chapters")):
        yield chapter.get("id"), ("chapters", c, "id"), False
    holders = [*articles(data), *((("appendices", i), a) for i, a in entries(data.get("appendices")))]
    for path, holder in holders:
        for where, raw in [(path, holder), *parts(holder, path)]:
            yield raw.get("id"), where + ("id",), False
            aliases = raw.get("aliases")
            for a, alias in enumerate(aliases if isinstance(aliases, list) else ()):
                yield alias, where + ("aliases", a), True


def check_official(checker: _Checker, data: dict[str, Any], line: Callable[[DataPath], int | None]) -> None:
    """Every check of the module docstring."""
    numbers: dict[str, DataPath] = {}
    for path, article in articles(data):
        marker = article.get("marker")
        # NOTE: a marker holding an invisible character has its own message (text_problems).
        if isinstance(marker, str) and marker.strip() and not any(text_problems(marker, ("marker",))):
            match = _ARTICLE_MARKER.fullmatch(" ".join(marker.split()))
            if not match:
                checker.add(
                    path + ("marker",),
                    f"'{marker}' không phải số điều như văn bản viết (cần chữ Điều, một dấu cách, "
                    "số và dấu chấm, ví dụ Điều 4. hoặc Điều 4a.)",
                )
            elif match.group(1) in numbers:
                checker.add(
                    path + ("marker",),
                    f"'{marker}' đã là số của một điều khác "
                    f"(ở {phrases.line(line(numbers[match.group(1)]))}; "
                    "mỗi điều có số riêng và trang riêng: hãy sửa một trong hai)",
                )
            else:
                numbers[match.group(1)] = path + ("marker",)
        if "title" not in article and "parts" not in article:
            checker.add(
                path,
                "không có tên điều lẫn các phần (cần lời văn của điều: tên điều viết sau số điều, "
                "các phần của điều, hoặc cả hai)",
            )
        _check_parts(checker, article, path, article.get("id"), numbered=True)
    for i, appendix in entries(data.get("appendices")):
        _check_parts(checker, appendix, ("appendices", i), None, numbered=False)


def _check_parts(checker: _Checker, raw: dict[str, Any], path: DataPath, above: Any, numbered: bool) -> None:
    """The parts inside `raw`, whose id is `above`. `numbered`: in an article, where a part's
    marker must be a khoản's, a điểm's or a list item's (an appendix numbers its own way)."""
    for p, part in entries(raw.get("parts")):
        where = path + ("parts", p)
        kind, number = part_kind(part)
        if "table" in part:
            for key in ("marker", "text", "parts"):
                if key in part:
                    checker.add(
                        where + (key,),
                        f"một bảng chỉ chứa các hàng của nó (không được ghi '{key}' cùng với 'table': "
                        "hãy đưa vào một phần riêng)",
                    )
        elif "text" not in part:
            checker.add(
                where,
                "không có lời văn lẫn bảng (cần lời văn của phần này ở text:, hoặc các hàng ở table:)",
            )
        marker = part.get("marker")
        if (
            numbered
            and kind == "dash"
            and isinstance(marker, str)
            and marker.strip() not in _DASHES
            and not any(text_problems(marker, ("marker",)))
        ):
            checker.add(
                where + ("marker",),
                f"'{marker}' không phải ký hiệu đánh số như văn bản viết (cần số khoản và dấu chấm, "
                "ví dụ 3., chữ cái của điểm và dấu ngoặc đơn, ví dụ a) hoặc đ), hoặc - hay + cho một ý "
                "của danh sách)",
            )
        elif numbered and kind in ("khoan", "diem") and "id" not in part:
            name, word = ("khoản", "khoan") if kind == "khoan" else ("điểm", "diem")
            example = f"{above}-{word}-{str(number).replace('đ', 'dd')}" if isinstance(above, str) else ""
            checker.add(
                where,
                f"là {name} {number} nhưng chưa có id (cần một id, là điểm neo để liên kết và yêu cầu "
                f"trích dẫn{', ví dụ id: ' + example if example else ''})",
            )
        elif numbered and kind not in ("khoan", "diem"):
            for key in ("id", "aliases"):
                if key in part:
                    checker.add(
                        where + (key,),
                        f"{_KIND_NAME[kind]} không được có {'id' if key == 'id' else 'aliases'} (chỉ khoản "
                        "hoặc điểm, có số để trích dẫn, mới có id: hãy xóa trường này)",
                    )
        _check_parts(checker, part, where, part.get("id", above), numbered)
