"""The aggregation page (/bang-kiem/tong-hop/): many units' exported checklists counted in the
reader's browser, and the JSON Schema of an exported checklist (/bang-kiem/schema.json).

The page carries what the script needs as HTML: one row per requirement in the resolution's
order (its id, old ids, the unit types whose checklist has it, its căn cứ linking to the clause),
the unit types in a filter, and the resolution's identity; tong-hop.js reads the files the reader
chooses (nothing is uploaded) and fills in the counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import paths
from generator.model import Item, Part, Requirement, Resolution
from generator.render import checklist, citation

TITLE = "BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ KIỂM TRA"
# Counted per requirement and per unit, in this order (the CSVs' and the workbook's columns).
COUNTS = (
    ("done", "Đã thực hiện"),
    ("todo", "Chưa thực hiện"),
    ("na", "Không áp dụng"),
    ("blank", "Chưa đánh giá"),
)
BY_REQUIREMENT = ("Mã", "Căn cứ", "Nội dung", *(label for _, label in COUNTS))
BY_UNIT = ("Đơn vị", "Loại đơn vị", "Kỳ đánh giá", *(label for _, label in COUNTS), "Tỷ lệ đã thực hiện")
# The largest file read: an export of a checklist of a few hundred rows with long notes is far
# smaller; anything above is refused unread.
MAX_BYTES = 1_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """A requirement as the page counts it: its place in the resolution's order, the item and
    part it cites, and the unit types whose checklist has it."""

    number: int
    requirement: Requirement
    item: Item
    part: Part | None
    units: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return f"#{self.part.id}" if self.part and self.part.id else ""


def lines(model: Resolution) -> tuple[Line, ...]:
    """Every requirement that some checklist has, in the order of the resolution's text (the
    order of the checklists' rows)."""
    seen: dict[str, Requirement] = {}
    units: dict[str, list[str]] = {}
    for cl in checklist.checklists(model):
        for row in cl.rows:
            seen.setdefault(row.requirement.id, row.requirement)
            units.setdefault(row.requirement.id, []).append(cl.unit.id)
    place = {r.id: n for n, r in enumerate(model.requirements)}
    order = checklist._places(model)  # the checklists' own order of the text
    reqs = sorted(seen.values(), key=lambda r: (order[r.clause_id], place[r.id]))
    out = []
    for n, r in enumerate(reqs, 1):
        item, part = model.clause(r.clause_id)
        out.append(Line(number=n, requirement=r, item=item, part=part, units=tuple(units[r.id])))
    return tuple(out)


def aliases(requirement: Requirement) -> tuple[str, ...]:
    """The requirement's old ids, where the data gives them (a renamed row still counts)."""
    return requirement.aliases


def identity(model: Resolution) -> dict[str, str]:
    """What an export names its resolution by (and the page compares): number, date, issuer."""
    d = model.document
    return {"number": d.number, "date": d.date.isoformat(), "issuer": d.issuer}


def pages(model: Resolution) -> list[tuple[str, str, dict]]:
    """(path, template, variables) of the aggregation page and the export's schema; none when
    the data has no checklists."""
    if not checklist.checklists(model):
        return []
    return [
        (
            paths.AGGREGATE,
            "checklist_aggregate.md.jinja2",
            {
                "lines": lines(model),
                "aliases": aliases,
                "identity": identity(model),
                "basis": citation.basis,
                "counts": COUNTS,
                "report_title": TITLE,
                "max_bytes": MAX_BYTES,
                "subject": checklist.title(model)[1],
            },
        ),
        (paths.EXPORT_SCHEMA, "bang-kiem.schema.json.jinja2", {}),
    ]
