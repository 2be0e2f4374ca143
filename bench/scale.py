"""Synthetic resolutions k times larger than the real one, for the scale benchmark.

The real resolution's sections are repeated k times with new ids (`bien-phap` → `bien-phap-s2`,
its items `bien-phap-s2-1` …), so the site has about k times the pages and the text. Written to
a temporary directory, never committed: this is not data, only load.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml


def scaled(resolution: dict, k: int) -> dict:
    """`resolution` with its sections repeated `k` times (copy 1 is the original)."""
    out = copy.deepcopy(resolution)
    sections = []
    for j in range(1, k + 1):
        for section in resolution["sections"]:
            s = copy.deepcopy(section)
            if j > 1:
                s["id"] = f"{section['id']}-s{j}"
                s["name"] = f"{section['name']} {j}"
                s["title"] = f"{section['title']} ({j})"
                for item in s["items"]:
                    item["id"] = f"{s['id']}-{item['number']}"
            sections.append(s)
    out["sections"] = sections
    return out


def write_scaled(source: Path, k: int, target: Path) -> Path:
    """Write the resolution at `source`, scaled `k` times, to `target`; returns `target`."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    target.write_text(yaml.safe_dump(scaled(data, k), allow_unicode=True, sort_keys=False, width=100),
                      encoding="utf-8")
    return target
