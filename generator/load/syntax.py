"""YAML syntax errors explained for the person editing the file: the line to look at, how to fix it.

PyYAML reports where the parser gave up, which is often lines after the mistake (a quote left
open swallows the lines below it) and in parser words (`expected <block end>`). Its words are
kept in square brackets, for whoever knows YAML, after our sentence in Vietnamese of what it means
and how to fix it; the line is moved to where the mistake starts.
"""

from __future__ import annotations

import re

import yaml

from generator.errors import Problem

# `key: value`, `key:`, `- key: value` and `- ` on one line of block YAML; group 1 is the indentation.
_KEY = re.compile(r"^([ \t]*)(- +)?([^\s#\-\[\]{}'\"][^:#]*?|\"[^\"]*\"|'[^']*'):(?:\s|$)")
_ENTRY = re.compile(r"^([ \t]*)- ")

_INDENT = (
    "thụt lề của dòng này không khớp với các dòng xung quanh",
    "mỗi cấp thụt vào 2 dấu cách, các trường cùng một khối bắt đầu ở cùng một cột",
)


def syntax_problem(err: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    """The problem to report for a YAML syntax error in `text` (the decoded file): what it means
    and how to fix it, in Vietnamese, then PyYAML's own words in square brackets."""
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else None
    what = err.problem or "syntax error"
    context = err.context or ""
    meaning, fix = (
        "dòng này hoặc dòng trên viết sai cú pháp",
        "hãy kiểm tra thụt lề, dấu ngoặc kép và dấu hai chấm ở dòng này hoặc dòng trên",
    )
    opened = _open_quote_line(text, mark)
    dash = next((n for n in (line, (line or 0) - 1) if _dash_without_space(_line_text(text, n))), None)
    if "\t" in what or "'\\t'" in what:
        meaning, fix = "dòng này thụt lề bằng ký tự tab", "hãy thụt lề bằng dấu cách, không dùng phím Tab"
    elif "quoted scalar" in context and err.context_mark:
        line = err.context_mark.line + 1
        meaning, fix = (
            "dấu ngoặc kép mở ở dòng này chưa được đóng",
            "hãy thêm dấu ngoặc kép đóng ở cuối giá trị",
        )
    elif opened is not None:
        line = opened
        meaning, fix = (
            "dấu ngoặc kép mở ở dòng này không được đóng trên cùng dòng",
            "hãy đóng ở cuối giá trị, hoặc, nếu chính câu chữ có dấu ngoặc kép, hãy viết dấu đó "
            'thành \\" bên trong "..."',
        )
    elif "flow sequence" in context or "flow mapping" in context:
        line = err.context_mark.line + 1 if err.context_mark else line
        meaning, fix = (
            "dấu '[' hoặc '{' mở ở dòng này chưa được đóng",
            "chữ bắt đầu bằng '[' hoặc '{' phải đặt trong dấu ngoặc kép, ví dụ text: \"[...] ...\"",
        )
    elif dash is not None:
        line = dash
        meaning, fix = (
            "thiếu dấu cách sau dấu '-' ở đầu một ý của danh sách",
            "hãy thêm một dấu cách, ví dụ '- id: ...'",
        )
    elif "mapping values are not allowed" in what:
        meaning, fix = (
            "giá trị có chứa ': ' mà không nằm trong dấu ngoặc kép",
            'hãy đặt cả giá trị trong dấu ngoặc kép, ví dụ text: "..."',
        )
    elif "could not find expected ':'" in what:
        line = err.context_mark.line + 1 if err.context_mark else line
        meaning, fix = (
            "dòng này không có dạng 'tên: giá trị'",
            "mỗi dòng trường viết 'tên: giá trị', có dấu cách sau dấu hai chấm; chữ viết tiếp "
            "xuống dòng dưới phải thụt lề sâu hơn tên trường",
        )
    elif "cannot start any token" in what:
        character = what.split("character ")[-1].split(" ")[0]
        meaning, fix = (
            f"giá trị không được bắt đầu bằng {character}",
            "hãy đặt cả giá trị trong dấu ngoặc kép",
        )
    elif "<block end>" in what and "'-'" in what:
        meaning, fix = (
            "có một ý danh sách ('- ') ở chỗ cần các trường",
            "hãy thụt lề cho thẳng với danh sách của nó, hoặc bỏ '- '",
        )
    elif "<block end>" in what and "<scalar>" in what:
        meaning, fix = (
            "có chữ nằm sau dấu ngoặc kép đóng",
            'hãy đặt cả giá trị trong dấu ngoặc kép, và viết dấu ngoặc kép bên trong thành \\"',
        )
    elif "<block end>" in what or "<block mapping start>" in what or "<block sequence start>" in what:
        meaning, fix = _INDENT
    elif "found unexpected end of stream" in what:
        meaning, fix = "có dấu ngoặc kép chưa được đóng", "hãy thêm dấu ngoặc kép đóng"
    prefix = f"{context}, " if context else ""
    return Problem(
        file=name,
        line=line,
        path=data_path_at(text, line) or "yaml",
        message=f"lỗi cú pháp YAML: {meaning} ({fix}) [{prefix}{what}]",
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
