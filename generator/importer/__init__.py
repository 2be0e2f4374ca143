"""importer: the official text of a resolution (plain text or DOCX) -> its data, in the shape of
the official layout (tests/fixtures/official/*.yaml). Pure: reads the one input file, writes
nothing (the CLI writes through generator/write/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.importer.docx_file import docx_lines
from generator.importer.layout import parse
from generator.importer.lines import Line
from generator.importer.sniff import kind_of, read_bytes
from generator.importer.text_file import text_lines


def read_lines(path: Path, name: str) -> list[Line]:
    """The input's non-blank lines, each with its place; InputError for a file that cannot be one."""
    data = read_bytes(path, name)
    if kind_of(data, path, name) == "docx":
        return docx_lines(data, name)
    return text_lines(data, name)


def import_file(path: Path, name: str | None = None) -> dict[str, Any]:
    """The data of the resolution whose official text is the file at `path`; `name` is how
    messages call the file. Raises InputError naming the file and the line at fault."""
    name = name or str(path)
    return parse(read_lines(path, name), name)
