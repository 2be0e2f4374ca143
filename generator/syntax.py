"""YAML syntax errors explained for the person editing the file: the line to look at, how to fix it.

PyYAML reports where the parser gave up, which is often lines after the mistake (a quote left
open swallows the lines below it) and in parser words (`expected <block end>`). Its words are
kept, for whoever knows YAML; the line is moved to where the mistake starts and a hint is added.
"""

from __future__ import annotations

import yaml

from generator.errors import Problem

_INDENT = ("the indentation of this line does not match the lines around it: indent each level by "
           "2 spaces, and start fields of the same block in the same column")


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
        hint = ("the quote opened on this line is not closed on it: close it at the end of the "
                "value, or, if the text itself contains a quote, write it as \\\" inside \"...\"")
    elif "flow sequence" in context or "flow mapping" in context:
        line = err.context_mark.line + 1 if err.context_mark else line
        hint = ("a '[' or '{' opened on this line is not closed; put text that starts with "
                "'[' or '{' in quotes, e.g. text: \"[...] ...\"")
    elif dash is not None:
        line = dash
        hint = "put a space after '-' at the start of a list entry, e.g. '- id: ...'"
    elif "mapping values are not allowed" in what:
        hint = "a value that contains ': ' must be quoted, e.g. text: \"...\""
    elif "could not find expected ':'" in what:
        line = err.context_mark.line + 1 if err.context_mark else line
        hint = ("each line of fields is 'name: value', with a space after the colon; a text "
                "that goes on to the next line must be indented further than its name")
    elif "cannot start any token" in what:
        hint = f"a value cannot start with {what.split('character ')[-1].split(' ')[0]}: put the whole value in quotes"
    elif "<block end>" in what and "'-'" in what:
        hint = "a list entry ('- ') where fields were expected: line it up with its list, or remove the '- '"
    elif "<block end>" in what and "<scalar>" in what:
        hint = ("text after a closing quote: put the whole value in quotes, and write a quote "
                "inside it as \\\"")
    elif "<block end>" in what or "<block mapping start>" in what or "<block sequence start>" in what:
        hint = _INDENT
    elif "found unexpected end of stream" in what:
        hint = "a quote is not closed"
    prefix = f"{context}, " if context else ""
    return Problem(file=name, line=line, path="yaml", message=f"YAML syntax: {prefix}{what} ({hint})")


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
    if (isinstance(last, yaml.ScalarToken) and last.style in ('"', "'")
            and last.end_mark.line > last.start_mark.line):
        return last.start_mark.line + 1
    return None
