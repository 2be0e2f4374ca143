"""The bảng kiểm requirements in the data: their meaning checks and their model.

A requirement cites one item (`clause`), rests on words of that item (`quote`, checked to be
found in its text) and names the unit types it applies to. Every item is either cited by a
requirement or listed under `not_checkable` with a reason, so that nothing is left out silently.
"""

from __future__ import annotations

from typing import Any, Protocol

from generator.check.data import clean, entries
from generator.load.source import DataPath
from generator.model import Requirement


class _Checker(Protocol):
    def add(self, path: DataPath, message: str) -> None: ...


def _item_texts(data: dict[str, Any]) -> dict[str, str]:
    """item id -> the item's full text (heading and text), normalised."""
    texts: dict[str, str] = {}
    for _, section in entries(data.get("sections")):
        for _, item in entries(section.get("items")):
            ident = item.get("id")
            parts = [item.get(k) for k in ("heading", "text")]
            if isinstance(ident, str):
                texts[ident] = clean(" ".join(p for p in parts if isinstance(p, str)))
    return texts


def _canonical(data: dict[str, Any]) -> dict[str, str]:
    """old id (an item's alias) -> the item's id: a requirement may still cite a renamed item."""
    out: dict[str, str] = {}
    for _, section in entries(data.get("sections")):
        for _, item in entries(section.get("items")):
            aliases = item.get("aliases")
            if isinstance(item.get("id"), str) and isinstance(aliases, list):
                out.update({a: item["id"] for a in aliases if isinstance(a, str)})
    return out


def _unit_ids(data: dict[str, Any]) -> list[str]:
    return [u["id"] for _, u in entries(data.get("unit_types")) if isinstance(u.get("id"), str)]


def _one_of(names: list[str]) -> str:
    return ", ".join(names) if names else "none defined"


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
                f"duplicate requirement id '{ident}' (first used at line "
                f"{line(seen[ident])}; every id must be unique)",
            )
        else:
            seen[ident] = path


def check_requirement_references(checker: _Checker, data: dict[str, Any]) -> None:
    """Every requirement cites an existing item, quotes its words, names existing unit types."""
    texts, units, renamed = _item_texts(data), _unit_ids(data), _canonical(data)
    for i, req in entries(data.get("requirements")):
        path = ("requirements", i)
        clause, quote = req.get("clause"), req.get("quote")
        clause = renamed.get(clause, clause) if isinstance(clause, str) else clause
        if isinstance(clause, str) and clause not in texts:
            checker.add(
                path + ("clause",),
                f"unknown clause '{clause}' (expected the id of an item, one of: {_one_of(list(texts))})",
            )
        elif (
            isinstance(clause, str)
            and isinstance(quote, str)
            and quote.strip()
            and clean(quote) not in texts[clause]
        ):
            checker.add(
                path + ("quote",),
                f"not found in the text of {clause} (expected "
                "words copied exactly from that item; check spelling, diacritics "
                "and punctuation)",
            )
        applies = req.get("applies_to")
        if isinstance(applies, list):
            for j, unit in enumerate(applies):
                if isinstance(unit, str) and unit not in units:
                    checker.add(
                        path + ("applies_to", j),
                        f"unknown unit type '{unit}' (expected one of: {_one_of(units)})",
                    )


def check_coverage(checker: _Checker, data: dict[str, Any]) -> None:
    """Every item is cited by a requirement or has a reason under not_checkable.

    Only when the data has `requirements` at all: a resolution without a checklist is valid.
    """
    texts, renamed = _item_texts(data), _canonical(data)
    excused: dict[str, DataPath] = {}
    for i, entry in entries(data.get("not_checkable")):
        clause = entry.get("clause")
        path: DataPath = ("not_checkable", i, "clause")
        if not isinstance(clause, str):
            continue
        clause = renamed.get(clause, clause)
        if clause not in texts:
            checker.add(
                path,
                f"unknown clause '{clause}' (expected the id of an item, one of: {_one_of(list(texts))})",
            )
        excused[clause] = path
    if "requirements" not in data:
        return
    cited = {
        renamed.get(c, c)
        for _, r in entries(data.get("requirements"))
        if isinstance(c := r.get("clause"), str)
    }
    for clause, path in excused.items():
        if clause in cited:
            checker.add(
                path,
                f"'{clause}' is cited by a requirement (expected only items that "
                "no requirement cites; remove this entry)",
            )
    for s, section in entries(data.get("sections")):
        for i, item in entries(section.get("items")):
            ident = item.get("id")
            if isinstance(ident, str) and ident not in cited and ident not in excused:
                checker.add(
                    ("sections", s, "items", i),
                    "no requirement cites this item "
                    f"(expected a requirement with clause: {ident}, or an entry under "
                    "not_checkable with the reason it is not checkable)",
                )


def check_requirements(checker: Any, data: dict[str, Any]) -> None:
    """All the meaning checks of requirements and not_checkable.

    Skipped while the items or unit types themselves have problems: a renamed or broken item
    would otherwise also be reported as every requirement that cites it.
    """
    if any(p.path.startswith(("sections", "unit_types")) for p in checker.problems):
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
        )
        for r in data.get("requirements", ())
    )
    excused = tuple(
        (renamed.get(e["clause"], e["clause"]), clean(e["reason"])) for e in data.get("not_checkable", ())
    )
    return reqs, excused
