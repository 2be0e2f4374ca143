"""Exported checklists made in Python, as the checklist pages export them (both formats), and the
aggregation page's counts made again in Python from the same files: the browser tests and the
bench compare the page with these.

The reference reads the files by the rules the page states (issue 17): a file is read, not a
checklist export, another resolution's, too large, or replaced by a later file of the same unit
and period (trimmed, NFC, case folded); rows the unit type's checklist lacks are not counted.
"""

from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass, field

from generator.model import Resolution
from generator.render import aggregate

RESULTS = ("done", "todo", "na")
KEYS = ("done", "todo", "na", "blank")


def export(
    model: Resolution,
    unit_type: str,
    unit: str,
    period: str,
    rows: dict[str, dict],
    *,
    old: bool = False,
    number: str | None = None,
) -> bytes:
    """One exported checklist: the current format, or (old) the one before issue 17."""
    key = f"bang-kiem:{number or model.document.number}:{unit_type}"
    if old:
        data: dict = {"format": "bang-kiem", "key": key, "unit": unit, "period": period, "rows": rows}
    else:
        ident = aggregate.identity(model)
        if number:
            ident = {**ident, "number": number}
        data = {
            "format": "bang-kiem",
            "version": 2,
            "key": key,
            "resolution": ident,
            "data_version": model.version,
            "unit_type": unit_type,
            "unit": unit,
            "period": period,
            "exported": "2025-12-31T08:00:00.000Z",
            "rows": rows,
        }
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def random_rows(model: Resolution, unit_type: str, rnd: random.Random) -> dict[str, dict]:
    """Results for some of a unit type's rows (the others left blank), with evidence and notes."""
    rows: dict[str, dict] = {}
    for r in model.requirements_for(unit_type):
        pick = rnd.random()
        if pick < 0.2:
            continue
        entry: dict = {"result": RESULTS[int(pick * 10) % 3]} if pick < 0.9 else {}
        if rnd.random() < 0.3:
            entry["evidence"] = f"Văn bản số {rnd.randint(1, 99)}/UBND"
        if entry:
            rows[r.id] = entry
    return rows


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).lower()


@dataclass
class Counted:
    """What the page should show: each file's verdict, the counts per requirement and per unit."""

    verdicts: list[str] = field(default_factory=list)
    # requirement id -> {done, todo, na, blank}
    by_requirement: dict[str, dict[str, int]] = field(default_factory=dict)
    # (unit, unit type id, period, counts, share or None), in the order the files were chosen
    by_unit: list[tuple[str, str, str, dict[str, int], float | None]] = field(default_factory=list)


def share(c: dict[str, int]) -> float | None:
    base = c["done"] + c["todo"] + c["blank"]
    return int(c["done"] * 1000 / base + 0.5) / 10 if base else None


def reference(model: Resolution, files: list[tuple[str, bytes]]) -> Counted:
    """The page's picture of `files`, chosen in this order, counted in Python."""
    me = aggregate.identity(model)
    types = {u.id: {r.id for r in model.requirements_for(u.id)} for u in model.unit_types}
    out = Counted()
    units: dict[tuple[str, str], tuple[int, str, str, str, dict]] = {}
    for n, (_, raw) in enumerate(files):
        if len(raw) > aggregate.MAX_BYTES:
            out.verdicts.append("big")
            continue
        try:
            data = json.loads(raw.decode("utf-8"))
        except ValueError:
            data = None
        if (
            not isinstance(data, dict)
            or data.get("format") != "bang-kiem"
            or not isinstance(data.get("rows"), dict)
        ):
            out.verdicts.append("bad")
            continue
        if "resolution" in data:
            res = data["resolution"]
            ok = res.get("number") == me["number"] and res.get("date") == me["date"]
            ok = ok and norm(res.get("issuer", "")) == norm(me["issuer"])
            unit_type = data.get("unit_type")
        else:
            parts = str(data.get("key", "")).split(":")
            number, unit_type = ":".join(parts[1:-1]), parts[-1]
            ok = number == me["number"]
        if not ok:
            out.verdicts.append("foreign")
            continue
        if unit_type not in types or not data.get("unit", "").strip():
            out.verdicts.append("bad")
            continue
        key = (norm(data["unit"]), norm(data.get("period", "")))
        if key in units:
            out.verdicts[units[key][0]] = "replaced"
        results = {
            i: row["result"]
            for i, row in data["rows"].items()
            if i in types[unit_type] and isinstance(row, dict) and row.get("result") in RESULTS
        }
        units[key] = (n, data["unit"].strip(), unit_type, data.get("period", "").strip(), results)
        out.verdicts.append("read")
    out.by_requirement = {line.requirement.id: dict.fromkeys(KEYS, 0) for line in aggregate.lines(model)}
    for _, name, unit_type, period, results in units.values():
        c = dict.fromkeys(KEYS, 0)
        for rid in types[unit_type]:
            k = results.get(rid, "blank")
            c[k] += 1
            out.by_requirement[rid][k] += 1
        out.by_unit.append((name, unit_type, period, c, share(c)))
    return out
