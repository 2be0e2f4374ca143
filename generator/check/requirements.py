"""The bảng kiểm requirements in the data: their meaning checks and their model.

A requirement cites one item (`clause`), rests on words of that item (`quote`, checked to be
found in its text) and names the unit types it applies to. Every item is either cited by a
requirement or listed under `not_checkable` with a reason, so that nothing is left out silently.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from generator import phrases
from generator.check import official, official_of
from generator.check.data import clean, entries
from generator.load.source import DataPath
from generator.model import Requirement


class _Checker(Protocol):
    def add(self, path: DataPath, message: str) -> None: ...


@dataclass(frozen=True, slots=True)
class _Clause:
    """What a requirement may cite: an item, an article, a khoản or a điểm."""

    item: str  # the id of the item or article it is (in)
    words: str  # its words as a quote is checked against, normalised
    what: str  # "item", "article", "khoản" or "điểm"


# What a clause is called in a message.
_NAME = {"item": "mục", "article": "điều", "khoản": "khoản", "điểm": "điểm"}
# Up to this many ids, a message about an unknown clause lists them all; beyond, the nearest.
_LISTED = 12


def _clauses(data: dict[str, Any]) -> dict[str, _Clause]:
    """clause id -> the clause, in the order of the text (an article before its parts)."""
    out: dict[str, _Clause] = {}
    for _, section in entries(data.get("sections")):
        for _, item in entries(section.get("items")):
            ident = item.get("id")
            parts = [item.get(k) for k in ("heading", "text")]
            if isinstance(ident, str):
                out[ident] = _Clause(ident, clean(" ".join(p for p in parts if isinstance(p, str))), "item")
    for path, article in official.articles(data):
        ident = article.get("id")
        if not isinstance(ident, str):
            continue
        head = [v for v in (article.get("marker"), article.get("title")) if isinstance(v, str)]
        lines = [_line(part) for _, part in official.parts(article, path)]
        out[ident] = _Clause(ident, clean(" ".join(head + lines)), "article")
        for where, part in official.parts(article, path):
            pid = part.get("id")
            if isinstance(pid, str):
                words = [_line(part), *(_line(p) for _, p in official.parts(part, where))]
                what = "khoản" if official_of.part_kind(part)[0] == "khoan" else "điểm"
                out[pid] = _Clause(ident, clean(" ".join(words)), what)
    return out


def _line(part: dict[str, Any]) -> str:
    """A part's own words as they stand in the text, its marker included (model.Part.line)."""
    table = part.get("table")
    if isinstance(table, list):
        return " ".join(" ".join(str(c) for c in row) for row in table if isinstance(row, list))
    words = [part.get("marker"), part.get("text")]
    return " ".join(w for w in words if isinstance(w, str))


def _canonical(data: dict[str, Any]) -> dict[str, str]:
    """old id (an item's, article's, khoản's or điểm's alias) -> its id: a requirement may still
    cite a renamed clause."""
    out: dict[str, str] = {}
    holders = [
        item for _, section in entries(data.get("sections")) for _, item in entries(section.get("items"))
    ]
    for path, article in official.articles(data):
        holders += [article, *(part for _, part in official.parts(article, path))]
    for holder in holders:
        aliases = holder.get("aliases")
        if isinstance(holder.get("id"), str) and isinstance(aliases, list):
            out.update({a: holder["id"] for a in aliases if isinstance(a, str)})
    return out


def _unit_ids(data: dict[str, Any]) -> list[str]:
    return [u["id"] for _, u in entries(data.get("unit_types")) if isinstance(u.get("id"), str)]


def _one_of(names: list[str], near: str | None = None) -> str:
    """ "một trong: a, b, c"; of many names, how many and the few nearest `near`."""
    if len(names) <= _LISTED or near is None:
        return phrases.one_of(names)
    close = difflib.get_close_matches(near, names, n=3, cutoff=0)
    return f"một trong {len(names)} id của văn bản; gần giống nhất: {', '.join(close)}"


def _unknown(clause: str, ids: list[str], what: str) -> str:
    return f"không có phần văn bản nào có id '{clause}' (cần id của {what}, {_one_of(ids, clause)})"


def check_requirement_ids(checker: _Checker, data: dict[str, Any], line) -> None:
    """Every requirement id is unique."""
    seen: dict[str, DataPath] = {}
    for i, req in entries(data.get("requirements")):
        ident, path = req.get("id"), ("requirements", i, "id")
        if not isinstance(ident, str):
            continue
        if ident in seen:
            checker.add(
                path,
                phrases.duplicate(ident, line(seen[ident]), what="id yêu cầu"),
            )
        else:
            seen[ident] = path


def _expected(data: dict[str, Any]) -> str:
    """What a clause names, in a message: an item, or an article, khoản or điểm."""
    return "một điều, khoản hoặc điểm" if official_of.is_official(data) else "một mục"


def check_requirement_references(checker: _Checker, data: dict[str, Any]) -> None:
    """Every requirement cites an existing clause, quotes its words, names existing unit types."""
    clauses, units, renamed = _clauses(data), _unit_ids(data), _canonical(data)
    for i, req in entries(data.get("requirements")):
        path = ("requirements", i)
        clause, quote = req.get("clause"), req.get("quote")
        clause = renamed.get(clause, clause) if isinstance(clause, str) else clause
        if isinstance(clause, str) and clause not in clauses:
            checker.add(path + ("clause",), _unknown(clause, list(clauses), _expected(data)))
        elif (
            isinstance(clause, str)
            and isinstance(quote, str)
            and quote.strip()
            and clean(quote) not in clauses[clause].words
        ):
            what = clauses[clause].what
            scope = {
                "item": "",
                "article": " (tên điều và mọi phần của điều)",
            }.get(what, " (dòng của chính nó và các phần nằm trong nó)")
            checker.add(
                path + ("quote",),
                f"không tìm thấy trong lời văn của {clause} (cần những chữ chép đúng nguyên văn từ "
                f"{_NAME[what]} đó{scope}; hãy kiểm tra chính tả, dấu thanh và dấu câu)",
            )
        applies = req.get("applies_to")
        if isinstance(applies, list):
            for j, unit in enumerate(applies):
                if isinstance(unit, str) and unit not in units:
                    checker.add(
                        path + ("applies_to", j),
                        f"không có loại đơn vị '{unit}' (cần {_one_of(units)})",
                    )


def check_coverage(checker: _Checker, data: dict[str, Any]) -> None:
    """Every item (every article) is cited by a requirement, in whole or in one of its parts, or
    has a reason under not_checkable.

    Only when the data has `requirements` at all: a resolution without a checklist is valid.
    """
    clauses, renamed = _clauses(data), _canonical(data)
    items = [ident for ident, c in clauses.items() if c.what in ("item", "article")]
    excused: dict[str, DataPath] = {}
    for i, entry in entries(data.get("not_checkable")):
        clause = entry.get("clause")
        path: DataPath = ("not_checkable", i, "clause")
        if not isinstance(clause, str):
            continue
        clause = renamed.get(clause, clause)
        if clause in clauses and clause not in items:
            checker.add(
                path,
                f"'{clause}' là một {_NAME[clauses[clause].what]}, không phải một điều (cần id của một "
                f"điều chưa có yêu cầu nào trích dẫn, ví dụ {clauses[clause].item}: not_checkable chỉ "
                "liệt kê các điều)",
            )
        elif clause not in clauses:
            checker.add(path, _unknown(clause, items, _expected(data).replace(", khoản hoặc điểm", "")))
        excused[clause] = path
    if "requirements" not in data:
        return
    cited = {
        clauses[c].item if c in clauses else c
        for _, r in entries(data.get("requirements"))
        if isinstance(c := r.get("clause"), str) and (c := renamed.get(c, c))
    }
    official = official_of.is_official(data)
    uncited = (
        "những điều chưa có yêu cầu nào trích dẫn, toàn bộ hay một phần"
        if official
        else "những mục chưa có yêu cầu nào trích dẫn"
    )
    for clause, path in excused.items():
        if clause in cited and clause in items:
            checker.add(
                path,
                f"'{clause}' đã được một yêu cầu trích dẫn (ở đây chỉ ghi {uncited}; hãy xóa mục này)",
            )
    for ident, where in _item_places(data):
        if ident not in cited and ident not in excused:
            checker.add(
                where,
                (
                    "chưa có yêu cầu nào trích dẫn điều này hay một phần của nó (cần một yêu cầu "
                    f"có clause: {ident}, hoặc một khoản hay điểm của điều này"
                    if official
                    else f"chưa có yêu cầu nào trích dẫn mục này (cần một yêu cầu có clause: {ident}"
                )
                + ", hoặc một mục trong not_checkable ghi lý do không kiểm tra được)",
            )


def _item_places(data: dict[str, Any]) -> Iterator[tuple[str, DataPath]]:
    """(id, place) of every item or article, in the order of the text."""
    for s, section in entries(data.get("sections")):
        for i, item in entries(section.get("items")):
            if isinstance(ident := item.get("id"), str):
                yield ident, ("sections", s, "items", i)
    for path, article in official.articles(data):
        if isinstance(ident := article.get("id"), str):
            yield ident, path


def check_requirements(checker: Any, data: dict[str, Any]) -> None:
    """All the meaning checks of requirements and not_checkable.

    Skipped while the items or unit types themselves have problems: a renamed or broken item
    would otherwise also be reported as every requirement that cites it.
    """
    if any(p.path.startswith(("sections", "chapters", "articles", "unit_types")) for p in checker.problems):
        return
    check_requirement_ids(checker, data, checker.loaded.line)
    check_requirement_references(checker, data)
    check_coverage(checker, data)


def build_requirements(data: dict[str, Any]) -> tuple[tuple[Requirement, ...], tuple[tuple[str, str], ...]]:
    """The validated requirements and the not-checkable items with their reasons."""
    renamed = _canonical(data)
    reqs = tuple(
        Requirement(
            id=r["id"],
            clause_id=renamed.get(r["clause"], r["clause"]),
            quote=clean(r["quote"]),
            wording=clean(r["wording"]),
            actor=clean(r["actor"]) if "actor" in r else None,
            applies_to=tuple(r["applies_to"]),
            aliases=tuple(r.get("aliases", ())),
        )
        for r in data.get("requirements", ())
    )
    excused = tuple(
        (renamed.get(e["clause"], e["clause"]), clean(e["reason"])) for e in data.get("not_checkable", ())
    )
    return reqs, excused
