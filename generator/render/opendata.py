"""The resolution as open data: `/nghi-quyet.json` and the JSON Schema it follows, `/schema.json`.

Both come from the same frozen model: the data by walking the dataclasses' values, the schema by
walking their type hints. A field added to the model (requirements, glossary ...) appears in both
without touching this module.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import types
import typing
from typing import Any

from generator import paths
from generator.model import Appendix, Contact, Item, Official, Part, Requirement, Resolution, Section, Signer

DATA_FILE = "nghi-quyet.json"
SCHEMA_FILE = "schema.json"
# The open-data format: raise it when the shape of nghi-quyet.json changes incompatibly.
EXPORT_FORMAT = 1
# NOTE: ours, about the site's data (structure, short titles, notes); the resolution's words are
# quoted from the source named in the data, whose official text prevails. A publisher's decision:
# change it here, in one place, if the publishing body chooses another licence.
LICENCE = {
    "id": "CC-BY-4.0",
    "name": "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.vi",
}

# Values computed by the model that reusers want without recomputing them: name -> JSON type.
_DERIVED: dict[type, dict[str, str | list[str]]] = {
    Resolution: {"citation": "string"},
    Item: {"label": "string", "citation": "string", "page": "string"},
    # A khoản's or điểm's name and citation ("Điểm b khoản 3 Điều 4"); null for other parts.
    Part: {"label": ["string", "null"], "citation": ["string", "null"]},
}


# What reusers must know about a field wherever it appears: whose words it holds.
_FIELD_NOTES = {
    "text": "the resolution's words, verbatim (as the source gives them)",
    "heading": "the item's first sentence when the text gives it as a heading, or an article's "
    "title (after 'Điều 4.'), verbatim; null if none",
    "intro": "the words that open this part of the text, verbatim",
    "title": "a short title of ours (editorial), not the resolution's words",
    "note": "our note (editorial)",
    "citation": "how to cite this in Vietnamese form",
    "page": "the item's page, relative to the site's address",
    "aliases": "ids this item had before; old links with them keep working",
    "legal_force": "tình trạng hiệu lực in the national legal database's words; Chưa xác minh: not verified",
    "history": "lịch sử hiệu lực: the dated events known for certain, oldest first",
    "in_force": "ngày có hiệu lực; null when not known",
    "signer": "người ký; null when not known",
    "signer_title": "the signer's title (chức vụ); null when not known",
    "marker": "the numbering exactly as written ('Chương II', 'Điều 4a.', '3.', 'đ)', '-'), verbatim; "
    "null where the text has none",
    "parts": "the parts nested as the text nests them (khoản, điểm, '-' items, paragraphs, tables), "
    "in the order of the text",
    "rows": "a table's rows, the first one its header row, every cell verbatim; [] for other parts",
    "official": "the official layout's text around the articles, each line verbatim; null for a "
    "text taken from a news article",
    "appendices": "the appendices (Phụ lục): heading lines and parts, verbatim",
    "source": "the news article the text was taken from; null for a text given in the official layout",
    "label": "how the item or part is named in prose ('Biện pháp 3', 'Điều 4a', 'Điểm b khoản 3 Điều 4')",
}
# Notes of fields whose meaning depends on the object they belong to (they win over the above).
_CLASS_NOTES: dict[type, dict[str, str]] = {
    Section: {
        "title": "a chapter's title, verbatim (official layout); else a title of ours (editorial)",
        "name": "what the section's items are called ('Biện pháp'), or a chapter's marker",
    },
    Part: {
        "kind": "khoan (numbered '1.'), diem (lettered 'a)'), dash (a '-' item), paragraph (no "
        "number) or table",
        "id": "the anchor of a khoản or điểm (dieu-4-khoan-3-diem-dd); null for other parts",
    },
    Appendix: {"title": "the appendix's heading lines, verbatim"},
    Official: {
        "header": "the header's lines: issuer, Quốc hiệu, Tiêu ngữ, 'Số: ...', place and date",
        "title": "the document's title lines: its type ('NGHỊ QUYẾT') and trích yếu",
        "council": "the council and its session, as the preamble names them",
        "term": "the council's term (khóa) as the text writes it; null when not given",
        "session": "the council's session (kỳ họp) as the text writes it; null when not given",
        "bases": "căn cứ: the legal bases, one line each",
        "considering": "the 'Xét ...' lines (the submission and reports considered)",
        "enacting": "the enacting words ('QUYẾT NGHỊ:')",
        "closing": "the closing (adoption) sentence",
        "recipients": "nơi nhận: the recipients' list, its heading line included",
        "signature": "the signature block: authority, title and the signer's name",
    },
    Requirement: {"aliases": "ids this requirement had before; its old row anchors keep working"},
    Signer: {
        "authority": "the line above the title, e.g. TM. ỦY BAN NHÂN DÂN (ours); null if none",
        "title": "the title a checklist of this unit type is signed by, e.g. CHỦ TỊCH (ours)",
        "note": "the line under the title, e.g. (Ký, ghi rõ họ tên, đóng dấu) (ours)",
    },
    Contact: {
        "organisation": "who publishes the site and receives reports of mistakes; null if not given",
        "email": "where readers report a mistake; null if not given",
    },
}


def export(model: Resolution) -> dict[str, Any]:
    """The whole validated resolution as JSON-ready values."""
    data = _value(model, model)
    data["export_format"] = EXPORT_FORMAT
    data["licence"] = dict(LICENCE)
    return data


def export_text(model: Resolution) -> str:
    """`nghi-quyet.json`: deterministic (sorted keys, lists in the order of the text)."""
    return json.dumps(export(model), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) that `export()` follows, derived from the model's type hints."""
    defs: dict[str, Any] = {}
    root = _schema_of(Resolution, defs)
    body = defs.pop(Resolution.__name__)
    body["properties"]["export_format"] = {"const": EXPORT_FORMAT}
    body["properties"]["licence"] = {
        "type": "object",
        "additionalProperties": False,
        "required": sorted(LICENCE),
        "properties": {k: {"type": "string"} for k in sorted(LICENCE)},
    }
    body["required"] = sorted(body["properties"])
    assert root == {"$ref": f"#/$defs/{Resolution.__name__}"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Nghị quyết (open data export)",
        "description": "A resolution as published by this site: fields text, heading and intro "
        "hold its words verbatim; title and note are editorial (ours).",
        **body,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    """`schema.json`, deterministic."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_open_data(model: Resolution) -> dict[str, str]:
    """The two files, keyed by their path in the content directory (MkDocs copies them as they are)."""
    return {DATA_FILE: export_text(model), SCHEMA_FILE: schema_text()}


def _value(value: Any, model: Resolution) -> Any:
    if dataclasses.is_dataclass(value):
        out = {f.name: _value(getattr(value, f.name), model) for f in _data_fields(value)}
        for name in _DERIVED.get(type(value), {}):
            out[name] = _derived(value, name, model)
        return out
    if isinstance(value, (tuple, list)):
        return [_value(v, model) for v in value]
    if isinstance(value, dict):
        return {str(k): _value(v, model) for k, v in value.items()}
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _data_fields(value: Any) -> tuple[dataclasses.Field, ...]:
    """The fields of a model class or value that the data gives (not its indexes)."""
    return tuple(f for f in dataclasses.fields(value) if f.init)


def _derived(value: Any, name: str, model: Resolution) -> Any:
    if isinstance(value, Item) and name == "citation":
        return f"{value.label}, {model.citation}"
    if isinstance(value, Item) and name == "page":
        return paths.url(paths.item_page(value))
    if isinstance(value, Part):
        label = _part_label(value, model)
        return label if name == "label" or label is None else f"{label}, {model.citation}"
    return getattr(value, name)


def _part_label(part: Part, model: Resolution) -> str | None:
    """ "Điểm b khoản 3 Điều 4" for a khoản or điểm of an article; None for any other part."""
    if part.id is None or part.kind not in ("khoan", "diem"):
        return None
    try:
        return model.clause_label(part.id)
    except KeyError:  # a part of an appendix: not a clause of the text
        return None


def _schema_of(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # NOTE: claimed first so that a recursive model terminates
            hints = typing.get_type_hints(hint)
            props = {f.name: _schema_of(hints[f.name], defs) for f in _data_fields(hint)}
            props.update({k: {"type": t} for k, t in _DERIVED.get(hint, {}).items()})
            for key, note in {**_FIELD_NOTES, **_CLASS_NOTES.get(hint, {})}.items():
                if key in props:
                    props[key] = {"description": note, **props[key]}
            defs[name] = {
                "type": "object",
                "additionalProperties": False,
                "required": sorted(props),
                "properties": props,
            }
        return {"$ref": f"#/$defs/{name}"}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema_of(a, defs) for a in typing.get_args(hint)]}
    if origin is tuple:
        return {"type": "array", "items": _schema_of(typing.get_args(hint)[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _schema_of(typing.get_args(hint)[1], defs)}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(hint))}
    simple = {str: "string", int: "integer", bool: "boolean", float: "number", type(None): "null"}
    if hint in simple:
        return {"type": simple[hint]}
    if hint is datetime.date:
        return {"type": "string", "format": "date"}
    raise TypeError(f"no JSON Schema for the model type {hint!r}: add it to generator/opendata.py")
