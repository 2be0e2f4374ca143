"""Checked data -> the frozen, typed model: text as the model keeps it (one space between words),
dates as dates, tuples for lists."""

from __future__ import annotations

import datetime
from typing import Any

from generator.check.data import clean
from generator.check.requirements import build_requirements
from generator.model import (
    Document,
    Event,
    Explanation,
    Item,
    Resolution,
    Section,
    Source,
    Status,
    Term,
    UnitType,
)


def build_model(data: dict[str, Any]) -> Resolution:
    """The frozen model of data that passed every check (so every key and value is there and valid)."""

    def date(value: str) -> datetime.date:
        return datetime.date.fromisoformat(value)

    def record(cls, raw: dict[str, Any], **extra):
        fields = {k: (clean(v) if isinstance(v, str) else v) for k, v in raw.items()}
        return cls(**fields, **extra)

    sections = []
    for raw in data["sections"]:
        items = tuple(
            Item(
                id=it["id"],
                number=it["number"],
                section_id=raw["id"],
                section_name=clean(raw["name"]),
                heading=clean(it["heading"]) if "heading" in it else None,
                title=clean(it["title"]) if "title" in it else None,
                text=clean(it["text"]),
                aliases=tuple(it.get("aliases", ())),
                explanation=record(Explanation, it["explanation"]) if "explanation" in it else None,
            )
            for it in raw["items"]
        )
        sections.append(
            Section(
                id=raw["id"],
                name=clean(raw["name"]),
                title=clean(raw["title"]),
                intro=clean(raw["intro"]),
                items=items,
            )
        )
    doc = dict(data["document"], date=date(data["document"]["date"]))
    if "in_force" in doc:
        doc["in_force"] = date(doc["in_force"])
    status = {k: v for k, v in data["status"].items() if k != "history"}
    history = tuple(record(Event, dict(e, date=date(e["date"]))) for e in data["status"].get("history", ()))
    src = dict(data["source"], date=date(data["source"]["date"]))
    requirements, not_checkable = build_requirements(data)
    return Resolution(
        format=data["format"],
        version=data["version"],
        document=record(Document, doc),
        source=record(Source, src),
        status=record(Status, status, history=history),
        unit_types=tuple(record(UnitType, u) for u in data["unit_types"]),
        sections=tuple(sections),
        requirements=requirements,
        not_checkable=not_checkable,
        glossary=tuple(_term(raw) for raw in data.get("glossary", ())),
    )


def _term(raw: dict[str, Any]) -> Term:
    expansion = clean(raw["expansion"]) if "expansion" in raw else None
    return Term(
        term=clean(raw["term"]),
        expansion=expansion,
        explanation=clean(raw["explanation"]),
        kind=raw.get("kind", "abbreviation" if expansion else "term"),
        variants=tuple(clean(v) for v in raw.get("variants", ())),
    )
