"""Synthetic resolutions k times larger than the real one, for the scale benchmark.

The real resolution's sections are repeated k times with new ids (`bien-phap` → `bien-phap-s2`,
its items `bien-phap-s2-1` …), and so are the requirements and not-checkable entries that cite
them, so the site has about k times the pages, checklist rows and text. Written to
a temporary directory, never committed: this is not data, only load.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml


def scaled(resolution: dict, k: int) -> dict:
    """`resolution` with its sections repeated `k` times (copy 1 is the original)."""
    out = copy.deepcopy(resolution)
    sections, requirements, excused = [], [], []
    for j in range(1, k + 1):
        renamed: dict[str, str] = {}
        for section in resolution["sections"]:
            s = copy.deepcopy(section)
            if j > 1:
                s["id"] = f"{section['id']}-s{j}"
                s["name"] = f"{section['name']} {j}"
                s["title"] = f"{section['title']} ({j})"
                for item in s["items"]:
                    renamed[item["id"]] = item["id"] = f"{s['id']}-{item['number']}"
            sections.append(s)
        for req in resolution.get("requirements", ()):
            r = copy.deepcopy(req)
            if j > 1:
                r["id"], r["clause"] = f"{req['id']}-s{j}", renamed[req["clause"]]
            requirements.append(r)
        for entry in resolution.get("not_checkable", ()):
            excused.append({**entry, "clause": renamed.get(entry["clause"], entry["clause"])})
    out["sections"] = sections
    if "requirements" in resolution:
        out["requirements"] = requirements
    if "not_checkable" in resolution:
        out["not_checkable"] = excused
    return out


def write_scaled(source: Path, k: int, target: Path) -> Path:
    """Write the resolution at `source`, scaled `k` times, to `target`; returns `target`."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    target.write_text(
        yaml.safe_dump(scaled(data, k), allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
    )
    return target
