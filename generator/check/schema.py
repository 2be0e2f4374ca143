"""The JSON Schema of the resolution format and its errors in words an editor can act on:
the file, the place and what to fix (validate.py adds the file and the line)."""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema

from generator import phrases, resources
from generator.check.text import bad_id
from generator.load.source import DataPath

SCHEMA_PATH = resources.SCHEMA

_KIND = phrases.KIND
_EXPECTED_TYPE = phrases.EXPECTED_TYPE


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the resolution format (also used by editors while typing)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def schema_problems(error: jsonschema.ValidationError, data: Any) -> Iterator[tuple[DataPath, str]]:
    """(place, message) for one error of the JSON Schema, in words an editor can act on."""
    path = tuple(error.absolute_path)
    described = _describe(error)
    if error.validator == "required":
        # NOTE: what the shape of the data requires (the schema's `else`) has no properties of
        # its own: the fields' descriptions are the document's.
        props = error.schema.get("properties", {})
        if not path:
            props = schema()["properties"]
        for name in error.validator_value:
            if isinstance(error.instance, dict) and name not in error.instance:
                desc = props.get(name, {}).get("description", "")
                yield (path + (name,), phrases.missing(name, desc))
    elif error.validator == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        allowed = _shape_fields(data) if not path else known
        for key in error.instance:
            if key in known:
                continue
            close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
            hint = phrases.did_you_mean(close[0] if close else None)
            allowed_list = ", ".join(allowed)
            yield (path + (key,), f"{phrases.UNKNOWN_FIELD} ({hint}các trường được phép: {allowed_list})")
    elif error.validator == "type":
        found = _KIND.get(type(error.instance), type(error.instance).__name__)
        want = _EXPECTED_TYPE.get(error.validator_value, error.validator_value)
        if error.validator_value == "string" and isinstance(error.instance, (bool, int, float)):
            # NOTE: YAML reads yes/no/on/off/true/false as true/false and 1.10 as a number.
            described = (described[:-1] + "; " if described else " (") + phrases.QUOTE_IT + ")"
        yield (path, f"sai kiểu giá trị: cần {want}, nhưng {found}{described}")
    elif error.validator == "pattern" and "[a-z0-9]+(-" in error.validator_value:
        yield (path, bad_id(error.instance))
    elif error.validator == "pattern" and "[0-9]{4}" in error.validator_value:
        yield (path, f"'{error.instance}' không phải ngày tháng dạng YYYY-MM-DD{described}")
    elif error.validator == "pattern" and "https?://" in error.validator_value:
        yield (path, f"'{error.instance}' không phải một địa chỉ web{described}")
    elif error.validator in ("pattern", "minLength"):
        if not (error.validator == "pattern" and len(error.instance) == 0):  # reported once
            yield (path, f"đang để trống{described}")
    elif error.validator == "enum":
        choices = [str(v) for v in error.validator_value]
        suggestion = _closest(str(error.instance), choices)
        hint = phrases.did_you_mean(suggestion)
        yield (path, f"không chấp nhận giá trị '{error.instance}' ({hint}cần {phrases.one_of(choices)})")
    elif error.validator == "minItems":
        yield (path, f"danh sách đang rỗng{described}")
    elif error.validator == "not" and error.schema_path[0] == "dependentSchemas":
        yield (path, _not_both(error.schema_path[1]))
    elif error.validator == "not" and error.schema_path[0] == "else":
        yield (
            path,
            "trường này chỉ dùng cho văn bản theo thể thức chính thức (cần văn bản được ghi bằng "
            "chapters hoặc articles: hãy bỏ trường này, hoặc ghi văn bản bằng chapters hay articles "
            "thay cho sections)",
        )
    elif error.validator == "dependentRequired" and isinstance(error.instance, dict):
        needed = [n for dep, names in error.validator_value.items() if dep in error.instance for n in names]
        for name in dict.fromkeys(needed):
            if name not in error.instance:
                yield (
                    path + (name,),
                    phrases.missing(
                        name,
                        "các loại đơn vị mà nghị quyết nêu: mỗi yêu cầu ghi những loại đơn vị nó áp dụng",
                    ),
                )
    elif error.validator == "const":
        yield (path, f"phải là {error.validator_value!r}, nhưng đang là {error.instance!r}{described}")
    elif error.validator == "minimum":
        yield (path, f"phải từ {error.validator_value} trở lên, nhưng đang là {error.instance!r}")
    else:  # NOTE: a rule added to the schema without a message of its own still reports
        yield (path, f"giá trị không hợp lệ{described} [{error.message}]")


# The top-level fields of one shape of data only: a text in sections (NQ 55's news article) or
# in the official layout (chapters or articles).
_SECTIONS_ONLY = ("sections",)
_OFFICIAL_ONLY = ("official", "chapters", "articles", "appendices")


def _shape_fields(data: Any) -> list[str]:
    """The top-level fields a file of this shape may have (an unknown field's message lists them)."""
    official = isinstance(data, dict) and ("chapters" in data or "articles" in data)
    other = _SECTIONS_ONLY if official else _OFFICIAL_ONLY
    return [name for name in schema()["properties"] if name not in other]


def _not_both(first: str) -> str:
    """The message for a field that holds the text given beside another that also does."""
    return (
        f"không được ghi cùng với '{first}' (cần đúng một trong: sections (văn bản chia thành các "
        "phần đánh số, như một bài báo), chapters (văn bản chính thức có chương) hoặc articles "
        "(văn bản chính thức không chia chương))"
    )


def _closest(value: str, choices: list[str]) -> str | None:
    """The choice `value` is a slip of (case, diacritics, a character or two), if one is close.
    NOTE: strict on purpose: a value such as legal_force is a legal fact, never to be guessed."""
    folded = {_fold(c): c for c in choices}
    close = difflib.get_close_matches(_fold(value), list(folded), n=1, cutoff=0.8)
    return folded[close[0]] if close else None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c))


def _describe(error: jsonschema.ValidationError) -> str:
    """ " (trường này ghi: <description>)" of the property the failing rule belongs to, if it has one."""
    node: Any = schema()
    # NOTE: the description sits on the property, before any $ref into the shared definitions
    # (the error's schema path leaves the $ref out: a step the node lacks is in its definition).
    for step in list(error.schema_path)[:-1]:
        while isinstance(node, dict) and step not in node and "$ref" in node:
            node = _resolve(node["$ref"])
        node = node[step]
    desc = node.get("description") if isinstance(node, dict) else None
    return f" ({phrases.FIELD_HOLDS} {desc})" if desc else ""


def _resolve(ref: str) -> Any:
    """The schema's definition a local $ref ("#/$defs/part") names."""
    node: Any = schema()
    for step in ref.removeprefix("#/").split("/"):
        node = node[step]
    return node
