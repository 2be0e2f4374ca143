"""The input as the importer sees it: its non-blank lines, each with where it came from ("line 12"
of a text, "paragraph 12" or "table 2, row 3" of a DOCX), and the messages that name that place."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from generator.check.text import text_problems
from generator.errors import InputError, Problem


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """One non-blank line of the input: its words with runs of whitespace made one space (NFC);
    a table row has `cells` instead, and `table` tells rows of one table from the next one's.
    `number` is the text file's line number; a DOCX line has None and says where it is in
    `where`."""

    text: str
    where: str
    number: int | None = None
    cells: tuple[str, ...] | None = None
    table: int | None = None

    @property
    def is_row(self) -> bool:
        """A row of a data table (cells separated by TABs in a text, a table's row in a DOCX)."""
        return self.cells is not None


def words(text: str) -> str:
    """Text as the data keeps it: NFC, one space between words."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def row_line(cells: tuple[str, ...], where: str, number: int | None, table: int) -> Line:
    """A table row as a line: its text is its cells joined by a TAB, as a web page copies it."""
    return Line(text="\t".join(cells), where=where, number=number, cells=cells, table=table)


def problem(name: str, line: Line | None, message: str) -> Problem:
    """A problem at an input line: `FILE:12: message` for a text, `FILE: paragraph 12: message`
    for a DOCX, `FILE: message` for the whole file."""
    if line is None:
        return Problem(file=name, line=None, path="", message=message)
    if line.number is not None:
        return Problem(file=name, line=line.number, path="", message=message)
    return Problem(file=name, line=None, path=line.where, message=message)


def refuse(name: str, line: Line | None, message: str) -> InputError:
    """One problem as the error to raise."""
    return InputError([problem(name, line, message)])


def invisible(name: str, raw: str, line: Line) -> list[Problem]:
    """The invisible and direction-changing characters of one raw input line, as `check` names
    them in the data, at the input's line (TABs and no-break spaces are whitespace here)."""
    return [problem(name, line, message) for _, message in text_problems(raw, ("text",))]
