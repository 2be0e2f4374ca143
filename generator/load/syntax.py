"""YAML syntax errors explained for the person editing the file: the line to look at, how to fix it.

PyYAML reports where the parser gave up, which is often lines after the mistake (a quote left
open swallows the lines below it) and in parser words (`expected <block end>`). Its words are
kept, for whoever knows YAML; the line is moved to where the mistake starts and a hint is added.
"""

from __future__ import annotations

import re

import yaml

from generator.errors import Problem

# `key: value`, `key:`, `- key: value` and `- ` on one line of block YAML; group 1 is the indentation.
_KEY = re.compile(r"^([ \t]*)(- +)?([^\s#\-\[\]{}'\"][^:#]*?|\"[^\"]*\"|'[^']*'):(?:\s|$)")
_ENTRY = re.compile(r"^([ \t]*)- ")

_INDENT = (
    "the indentation of this line does not match the lines around it: indent each level by "
    "2 spaces, and start fields of the same block in the same column"
)


def syntax_problem(err: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    """The problem to report for a YAML syntax error in `text` (the decoded file)."""
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else None
    what = err.problem or "syntax error"
    context = err.context or ""
    hint = "check the indentation, quotes and colons on this line or the one above"
    opened = _open_quote_line(text, mark)
    dash = next((n for n in (line, (line or 0) - 1) if _dash_without_space(_line_text(text, n))), None)
    if "\t" in what or "'\\t'" in what:
        hint = "indent with spaces, not tabs"
    elif "quoted scalar" in context and err.context_mark:
        line = err.context_mark.line + 1
        hint = "the quote opened on this line is not closed: add the closing quote at the end of the value"
    elif opened is not None:
        line = opened
        hint = (
            "the quote opened on this line is not closed on it: close it at the end of the "
            'value, or, if the text itself contains a quote, write it as \\" inside "..."'
        )
    elif "flow sequence" in context or "flow mapping" in context:
        line = err.context_mark.line + 1 if err.context_mark else line
        hint = (
            "a '[' or '{' opened on this line is not closed; put text that starts with "
            "'[' or '{' in quotes, e.g. text: \"[...] ...\""
        )
    elif dash is not None:
        line = dash
        hint = "put a space after '-' at the start of a list entry, e.g. '- id: ...'"
    elif "mapping values are not allowed" in what:
        hint = "a value that contains ': ' must be quoted, e.g. text: \"...\""
    elif "could not find expected ':'" in what:
        line = err.context_mark.line + 1 if err.context_mark else line
        hint = (
            "each line of fields is 'name: value', with a space after the colon; a text "
            "that goes on to the next line must be indented further than its name"
        )
    elif "cannot start any token" in what:
        character = what.split("character ")[-1].split(" ")[0]
        hint = f"a value cannot start with {character}: put the whole value in quotes"
    elif "<block end>" in what and "'-'" in what:
        hint = "a list entry ('- ') where fields were expected: line it up with its list, or remove the '- '"
    elif "<block end>" in what and "<scalar>" in what:
        hint = 'text after a closing quote: put the whole value in quotes, and write a quote inside it as \\"'
    elif "<block end>" in what or "<block mapping start>" in what or "<block sequence start>" in what:
        hint = _INDENT
    elif "found unexpected end of stream" in what:
        hint = "a quote is not closed"
    prefix = f"{context}, " if context else ""
    return Problem(
        file=name,
        line=line,
        path=data_path_at(text, line) or "yaml",
        message=f"YAML syntax: {prefix}{what} ({hint})",
    )


def data_path_at(text: str, line: int | None) -> str | None:
    """The data path of the value on `line`, read from the indentation of the lines above it.

    The file does not parse, so this reads the lines as text: the key on the line itself, then
    each less-indented key above it; a list entry is named by its `id:` where it has one, as
    validation names it, else by its position.
    """
    lines = text.splitlines()
    if not line or line > len(lines):
        return None
    parts: list[str] = []
    here = lines[line - 1]
    match = _KEY.match(here)
    limit = _indent(here)
    if match and not match.group(2):
        parts.append(_unquote(match.group(3)))
    elif match or _ENTRY.match(here):  # a list entry: it belongs to the key above, named below
        limit = _indent(here) + 1
    entries_at = None  # the column of the list entries passed, whose siblings are skipped
    for n in range(line - 2, -1, -1):
        above = lines[n]
        if not above.strip() or above.lstrip().startswith("#") or _indent(above) >= limit:
            continue
        entry = _ENTRY.match(above)
        if entry and _indent(above) == entries_at:
            continue
        if entry:
            parts.append(f"[{_entry_name(lines, n)}]")
            # NOTE: the key that owns the list may sit at the dash's column, so the limit is one more.
            entries_at = _indent(above)
            limit = entries_at + 1
            continue
        match = _KEY.match(above)
        if not match:
            return None
        if not _opens_block(above[match.end() :]):
            continue  # a key with its value on the same line owns nothing below it
        parts.append(_unquote(match.group(3)))
        limit = _indent(above)
        entries_at = None
        if limit == 0:
            break
    path = ""
    for part in reversed(parts):
        path += part if part.startswith("[") or not path else f".{part}"
    return path or None


def _entry_name(lines: list[str], n: int) -> str:
    """A list entry's id, or its position among the entries of its list."""
    dash = _indent(lines[n])
    for below in lines[n : n + 30]:
        found = re.match(r"^[ \t]*(?:- +)?id: *(?P<id>[a-z0-9-]+) *$", below)
        if found and (below is lines[n] or _indent(below) > dash):
            return found.group("id")
        if below is not lines[n] and below.strip() and _indent(below) <= dash:
            break
    index = 0
    for m in range(n - 1, -1, -1):
        other = lines[m]
        if not other.strip() or other.lstrip().startswith("#") or _indent(other) > dash:
            continue
        if _indent(other) < dash or not _ENTRY.match(other):
            break
        index += 1
    return str(index)


def _opens_block(rest: str) -> bool:
    """Whether what follows `key:` leaves the value to the lines below (nothing, or | or >)."""
    rest = rest.split(" #", 1)[0].strip()
    return rest == "" or rest[:1] in "|>"


def _indent(source_line: str) -> int:
    return len(source_line) - len(source_line.lstrip(" \t"))


def _unquote(key: str) -> str:
    return key[1:-1] if key[:1] in "'\"" and key[-1:] == key[:1] else key.strip()


def _dash_without_space(source_line: str) -> bool:
    stripped = source_line.lstrip()
    return stripped.startswith("-") and stripped[1:2] not in ("", " ", "-")


def _line_text(text: str, line: int | None) -> str:
    lines = text.splitlines()
    return lines[line - 1] if line and 0 < line <= len(lines) else ""


def _open_quote_line(text: str, mark) -> int | None:
    """The line of a quoted value that runs over several lines and ends just before the error.

    Such a value is legal YAML but, in a file where every quoted value fits on one line, it is
    almost always a quote left open that swallowed the lines below it.
    """
    if mark is None:
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    if (
        isinstance(last, yaml.ScalarToken)
        and last.style in ('"', "'")
        and last.end_mark.line > last.start_mark.line
    ):
        return last.start_mark.line + 1
    return None
