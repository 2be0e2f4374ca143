"""A plain text (UTF-8, a byte order mark allowed) -> its non-blank lines; TAB-separated lines are
the rows of a table, as a web page's table is copied."""

from __future__ import annotations

from generator import phrases
from generator.errors import InputError, Problem
from generator.importer.lines import Line, invisible, row_line, words


def text_lines(data: bytes, name: str) -> list[Line]:
    """The lines of a text file's bytes; a message for bytes that are not UTF-8 (with the line of
    the first one) and for invisible or direction-changing characters (every line that has one)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad_line = data[: err.start].count(b"\n") + 1
        raise InputError(
            [
                Problem(
                    file=name,
                    line=bad_line,
                    path="",
                    message=f"byte 0x{data[err.start]:02X} không phải chữ UTF-8 (cần {phrases.SAVE_UTF8})",
                )
            ]
        ) from None
    lines: list[Line] = []
    problems: list[Problem] = []
    tables = 0
    in_table = False
    # NOTE: split on "\n" only: str.splitlines() would also break at form feeds, U+2028 and other
    # characters that the check of invisible characters must see and name.
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.removesuffix("\r")
        if not raw.strip():
            in_table = False
            continue
        if "\t" in raw.strip(" \u00a0\r"):
            if not in_table:
                tables += 1
                in_table = True
            cells = tuple(words(cell) for cell in raw.strip(" \u00a0").split("\t"))
            line = row_line(cells, phrases.line(number), number, tables)
        else:
            in_table = False
            line = Line(text=words(raw), where=phrases.line(number), number=number)
        problems.extend(invisible(name, raw, line))
        lines.append(line)
    if problems:
        raise InputError(problems)
    return lines
