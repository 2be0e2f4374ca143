"""Checked data -> the frozen, typed model: text as the model keeps it (one space between words),
dates as dates, tuples for lists."""

from __future__ import annotations

import datetime
from typing import Any

from generator.check import official_of
from generator.check.data import clean
from generator.check.official_of import is_official
from generator.check.requirements import build_requirements
from generator.model import (
    GENERIC_PREPARER,
    GENERIC_SIGNATURE,
    UNVERIFIED,
    Contact,
    Document,
    Event,
    Explanation,
    Item,
    Resolution,
    Section,
    Signer,
    Site,
    Source,
    Status,
    Term,
    UnitType,
)

# The longest subject (trích yếu) a site's name made from the data keeps whole: the name heads
# every page and its title, and a longer one crowds the header on a phone.
NAME_SUBJECT_CHARS = 60
# What a site's description made from the data says of the site after the resolution's citation.
# The status's text where the data gives none (ours): what the site says of a legal force that
# the data states without an explanation of its own.
STATUS_TEXT = (
    "Tình trạng hiệu lực ghi ở đây là thông tin do người biên tập trang nhập; hãy đối chiếu với văn "
    "bản chính thức và thông tin mới nhất của cơ quan có thẩm quyền."
)
DESCRIPTION_TAIL = "nguyên văn từng mục, dễ đọc trên điện thoại, dễ in và dẫn chiếu."


def build_model(data: dict[str, Any]) -> Resolution:
    """The frozen model of data that passed every check (so every key and value is there and valid)."""

    def date(value: str) -> datetime.date:
        return datetime.date.fromisoformat(value)

    def record(cls, raw: dict[str, Any], **extra):
        fields = {k: (clean(v) if isinstance(v, str) else v) for k, v in raw.items()}
        return cls(**fields, **extra)

    official = is_official(data)
    sections = list(official_of.sections(data, lambda raw: record(Explanation, raw))) if official else []
    for raw in [] if official else data["sections"]:
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
    status.setdefault("label", status.get("legal_force", UNVERIFIED))
    status.setdefault("text", STATUS_TEXT)
    history = tuple(record(Event, dict(e, date=date(e["date"]))) for e in data["status"].get("history", ()))
    source = (
        record(Source, dict(data["source"], date=date(data["source"]["date"]))) if "source" in data else None
    )
    requirements, not_checkable = build_requirements(data)
    document = record(Document, doc)
    return Resolution(
        format=data["format"],
        version=data["version"],
        document=document,
        site=_site(data.get("site", {}), document),
        source=source,
        status=record(Status, status, history=history),
        unit_types=tuple(_unit_type(u) for u in data.get("unit_types", ())),
        sections=tuple(sections),
        requirements=requirements,
        not_checkable=not_checkable,
        glossary=tuple(_term(raw) for raw in data.get("glossary", ())),
        official=official_of.official(data) if official else None,
        appendices=official_of.appendices(data),
        contact=Contact(**{k: clean(v) for k, v in data["contact"].items()}) if data.get("contact") else None,
    )


def _unit_type(raw: dict[str, Any]) -> UnitType:
    """A unit type and who signs its checklist: the data's blocks, the generic ones where it gives none."""

    def signer(key: str, default: Signer) -> Signer:
        block = raw.get(key)
        if block is None:
            return default
        return Signer(
            title=clean(block["title"]),
            note=clean(block["note"]) if "note" in block else default.note,
            authority=clean(block["authority"]) if "authority" in block else None,
        )

    return UnitType(
        id=raw["id"],
        name=clean(raw["name"]),
        signature=signer("signature", GENERIC_SIGNATURE),
        prepared_by=signer("prepared_by", GENERIC_PREPARER),
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


def _site(raw: dict[str, Any], document: Document) -> Site:
    """The site's name and description as the data gives them, else made from `document`."""
    return Site(
        name=clean(raw["name"]) if "name" in raw else site_name(document),
        description=clean(raw["description"]) if "description" in raw else site_description(document),
        url=raw["url"].strip() if "url" in raw else None,
    )


def site_name(document: Document) -> str:
    """ "Nghị quyết 7/NQ-HĐND về một việc thử nghiệm": type, number and the subject, shortened."""
    return f"{document.type} {document.number} {_short(document.subject)}"


def site_description(document: Document) -> str:
    """The resolution's citation and subject, and what the site gives of it."""
    return f"{document.citation} {document.subject}: {DESCRIPTION_TAIL}"


def _short(subject: str) -> str:
    """The subject without its place ("trên địa bàn tỉnh ...", which the description gives), cut
    after a whole word with "…" when still longer than NAME_SUBJECT_CHARS."""
    subject = subject.split(" trên địa bàn ", 1)[0]
    if len(subject) <= NAME_SUBJECT_CHARS:
        return subject
    head = subject[: NAME_SUBJECT_CHARS + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else head[:NAME_SUBJECT_CHARS]
    return cut.rstrip(",;:") + "…"
