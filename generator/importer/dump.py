"""Imported data -> the text of its YAML file: deterministic, block style, long text folded,
Vietnamese as it is, table rows on one line where they fit, under a comment that says what the
file is, where it was imported from and what a person may add."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from generator.resources import SCHEMA

WIDTH = 96
# Text longer than this is folded (>-) over lines of WIDTH.
_FOLD = 80


class _Row(list):
    """A table's row, written in flow style ([a, b, c]) when it fits on a line."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # A list under a key is indented under it, as people write YAML (PyYAML does not).
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > _FOLD and "\n" not in value and value == value.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _row(dumper: yaml.SafeDumper, value: _Row) -> yaml.SequenceNode:
    flow = sum(len(str(c)) + 4 for c in value) < _FOLD
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(value), flow_style=flow)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Row, _row)


def schema_line(output: Path) -> str | None:
    """`# yaml-language-server: $schema=…` with the schema's path relative to the output's folder,
    or None when there is no such path (another drive)."""
    try:
        rel = os.path.relpath(SCHEMA, output.resolve().parent)
    except ValueError:
        return None
    return f"# yaml-language-server: $schema={Path(rel).as_posix()}"


def header(output: Path, source_name: str) -> str:
    """The comment at the head of an imported file."""
    schema = schema_line(output)
    lines = [schema, "#"] if schema else []
    lines += [
        f"# Tệp này do `python -m generator import` tạo từ {source_name}: văn bản chính thức, nguyên văn,",
        "# theo thứ tự của văn bản, và những gì lấy ra từ chính các dòng của nó (loại văn bản, số hiệu,",
        "# ngày tháng, cơ quan ban hành, trích yếu, người ký). Hãy đối chiếu với bản gốc trước khi công bố.",
        "# Người biên tập có thể thêm: site (tên, mô tả và địa chỉ trang web), unit_types, requirements",
        "# và not_checkable (các bảng kiểm), glossary, và explanation dưới bất kỳ điều nào; và status",
        "# (tình trạng hiệu lực, lịch sử) khi đã xác minh. Không bao giờ sửa lời văn: văn bản sửa đổi thì",
        "# nhập bằng `python -m generator import TỆP-MỚI --into TỆP-NÀY.yaml`, lệnh này giữ",
        "# các phần đã thêm.",
        "# Kiểm tra bằng: python -m generator check TỆP-NÀY.yaml",
    ]
    return "\n".join(lines) + "\n"


def dump_data(data: dict[str, Any], verbatim: dict[str, str] | None = None) -> str:
    """The data as block-style YAML, top-level keys apart by a blank line; the keys of `verbatim`
    as the text given there (an existing file's blocks, comments included)."""
    chunks = []
    for keys in _groups(data, verbatim or {}):
        if verbatim and keys[0] in verbatim:
            chunks.append(verbatim[keys[0]])
            continue
        text = yaml.dump(
            {key: _rows(data[key]) for key in keys},
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            width=WIDTH,
            default_flow_style=False,
            indent=2,
        )
        chunks.append(text)
    return "\n".join(chunks)


def _groups(data: dict[str, Any], verbatim: dict[str, str]) -> list[list[str]]:
    """Top-level keys in groups written without a blank line between them: scalars together."""
    groups: list[list[str]] = []
    for key, value in data.items():
        if (
            groups
            and key not in verbatim
            and groups[-1][-1] not in verbatim
            and not isinstance(value, (dict, list))
            and not isinstance(data[groups[-1][-1]], (dict, list))
        ):
            groups[-1].append(key)
        else:
            groups.append([key])
    return groups


def yaml_text(
    data: dict[str, Any], output: Path, source_name: str, verbatim: dict[str, str] | None = None
) -> str:
    """The whole file: the header comment, then the data."""
    return header(output, source_name) + dump_data(data, verbatim)


def _rows(node: Any, in_table: bool = False) -> Any:
    if isinstance(node, dict):
        return {k: _rows(v, k == "table") for k, v in node.items()}
    if isinstance(node, list):
        if in_table:
            return [_Row(row) for row in node]
        return [_rows(v) for v in node]
    return node
