"""Reading the editors' guide (HUONG-DAN-BIEN-TAP.md) for `test_guide.py`: its code blocks and
inline code, and one check per kind of thing it names, each returning what is wrong (or nothing).

The guide's fenced blocks are of four kinds, by their info string: `sh` (commands typed in the
Debian terminal), `powershell` (typed in Windows), `yaml` (examples of the data) and `text`
(messages, quoted exactly as the corpus expects them)."""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.check.validate import validate
from generator.cli import make_parser
from generator.errors import InputError
from generator.load import source

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "HUONG-DAN-BIEN-TAP.md"
SCHEMA = ROOT / "generator" / "check" / "resolution.schema.json"
KINDS = ("sh", "powershell", "yaml", "text")
_FENCE = re.compile(r"^( *)```(\S*)\s*$")
_SPAN = re.compile(r"`([^`\n]+)`")
# An inline code span that names a data field or a path to one: `quote`, `document.signer`,
# `requirements[bp1-hop].quote`, `unit_types:`.
# A file name (`resolution.yaml`, `index.html`) is not one.
_FIELD = re.compile(r"^[a-z_]+(\[[^\]]*\])*(\.[a-z_]+(\[[^\]]*\])*)*:?$")
_FILE = re.compile(r"\.(yaml|json|md|txt|docx?|pdf|zip|html|py)$")
_ASSIGNMENT = re.compile(r"^[A-Z_][A-Z0-9_]*=")
_GENERATOR = (["python", "-m", "generator"], [".venv/bin/python", "-m", "generator"])


@dataclass(frozen=True)
class Block:
    """A fenced code block: its info string, its lines (indentation of the fence removed) and the
    guide's line of its first line."""

    kind: str
    body: str
    line: int


def blocks(text: str) -> list[Block]:
    """Every fenced code block of a Markdown text, in order."""
    found: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, kind = len(opening.group(1)), opening.group(2)
        end = i + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        body = "\n".join(line[indent:] for line in lines[i + 1 : end])
        found.append(Block(kind=kind, body=body, line=i + 2))
        i = end + 1
    return found


def prose(text: str) -> str:
    """The text outside fenced code blocks."""
    kept, inside = [], False
    for line in text.splitlines():
        if _FENCE.match(line) or (inside and line.strip() == "```"):
            inside = not inside
            continue
        if not inside:
            kept.append(line)
    return "\n".join(kept)


def spans(text: str) -> list[str]:
    """The inline code spans of the prose."""
    return _SPAN.findall(prose(text))


def fields(text: str) -> list[str]:
    """The inline code spans of the prose that name a data field or a path to one."""
    return [s for s in spans(text) if _FIELD.match(s) and not _FILE.search(s)]


def slug(heading: str) -> str:
    """A heading's anchor as GitHub and VS Code make it: lower case, punctuation dropped (letters
    with diacritics kept), spaces made hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def commands(text: str) -> Iterator[list[str]]:
    """The commands the guide names, as words: each line of its `sh` blocks and each inline
    span, that starts (after `NAME=value` settings) with `make` or `python -m generator` and
    goes on."""
    lines = [line for block in blocks(text) if block.kind == "sh" for line in block.body.splitlines()]
    for line in lines + spans(text):
        try:
            words = shlex.split(line, comments=True)
        except ValueError:
            continue
        rest = words[next((i for i, w in enumerate(words) if not _ASSIGNMENT.match(w)), len(words)) :]
        program = 1 if rest[:1] == ["make"] else 3 if any(rest[:3] == g for g in _GENERATOR) else 0
        # `make …` and `python -m generator …` name the program, not one of its commands.
        if program and rest[program:] not in ([], ["…"]):
            yield words


def command_problem(words: list[str], makefile: str, settings: str) -> str | None:
    """What is wrong with a command of the guide: an unknown make target or variable, or a
    subcommand or option the CLI's parser does not have (spelt out in full: no abbreviations)."""
    shown = " ".join(words)
    names = [w.split("=")[0] for w in words if _ASSIGNMENT.match(w)]
    for name in names:
        if not re.search(rf"\b{name}\b", makefile + settings):
            return f"{shown}: {name} is read neither by the Makefile nor by mkdocs.yml"
    words = [w for w in words if not _ASSIGNMENT.match(w)]
    if words[0] == "make":
        targets = set(re.findall(r"^([A-Za-z0-9_.-]+)\s*:(?!=)", makefile, re.MULTILINE)) - {".PHONY"}
        unknown = [t for t in words[1:] if t not in targets]
        return f"{shown}: no make target {', '.join(unknown)}" if unknown else None
    return _arguments_problem(shown, words[3:])


def _arguments_problem(shown: str, args: list[str]) -> str | None:
    parser = make_parser()
    subcommands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    errors = io.StringIO()
    try:
        with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
            parser.parse_args(args)
    except SystemExit:
        return f"{shown}: {errors.getvalue().strip().splitlines()[-1]}"
    options = {o for action in subcommands[args[0]]._actions for o in action.option_strings}
    partial = [w.split("=")[0] for w in args[1:] if w.startswith("-") and w.split("=")[0] not in options]
    return f"{shown}: {', '.join(partial)} is not an option of {args[0]} as written" if partial else None


def field_names(schema: dict[str, Any]) -> set[str]:
    """Every property name anywhere in the schema."""
    names: set[str] = set()
    for node in _nodes(schema):
        names.update(node.get("properties", {}))
    return names


def path_problem(path: str, schema: dict[str, Any]) -> str | None:
    """What is wrong with a field or a data path (`requirements[x].quote`, `explanation.citizen`)
    the guide names: a step the schema does not have, from the top or from any field of its
    first name."""
    steps = re.sub(r"\[[^\]]*\]", "", path.rstrip(":")).split(".")
    starts = [
        node["properties"][steps[0]] for node in _nodes(schema) if steps[0] in node.get("properties", {})
    ]
    for start in starts:
        if all(_walk(start, steps[1:], schema)):
            return None
    return f"`{path}`: not a field of the data (generator/check/resolution.schema.json)"


def _walk(node: Any, steps: list[str], schema: dict[str, Any]) -> Iterator[bool]:
    for step in steps:
        nodes = list(_variants(node, schema))
        nodes += [v for n in nodes if isinstance(n.get("items"), dict) for v in _variants(n["items"], schema)]
        found = [n["properties"][step] for n in nodes if step in n.get("properties", {})]
        yield bool(found)
        if not found:
            return
        node = found[0]


def _variants(node: Any, schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The node, its $ref resolved, and its conditional and combined parts."""
    if not isinstance(node, dict):
        return
    if "$ref" in node:
        name = node["$ref"].split("/")[-1]
        yield from _variants(schema["$defs"][name], schema)
        return
    yield node
    for key in ("if", "then", "else"):
        yield from _variants(node.get(key), schema)
    for key in ("allOf", "anyOf", "oneOf"):
        for part in node.get(key, []):
            yield from _variants(part, schema)


def _nodes(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for inner in value.values():
            yield from _nodes(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _nodes(inner)


def keys(data: Any) -> Iterator[str]:
    """Every mapping key of a YAML example, at any depth."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from keys(value)
    elif isinstance(data, list):
        for value in data:
            yield from keys(value)


def merged(base: Any, example: Any) -> Any:
    """`example` placed in `base`: mappings merged field by field; in a list of mappings, an
    entry with the `id` (or an alias of it: a renamed one), `term` or `clause` of a base entry,
    or without those one equal to a base entry, merges into it, any other is added; any other value replaces the base's."""
    if isinstance(base, dict) and isinstance(example, dict):
        out = dict(base)
        for key, value in example.items():
            out[key] = merged(base[key], value) if key in base else copy.deepcopy(value)
        return out
    if isinstance(base, list) and isinstance(example, list) and all(isinstance(e, dict) for e in example):
        out = list(base)
        for entry in example:
            at = next((i for i, b in enumerate(out) if isinstance(b, dict) and _same(b, entry)), None)
            if at is None:
                out.append(copy.deepcopy(entry))
            else:
                out[at] = merged(out[at], entry)
        return out
    return copy.deepcopy(example)


def _same(base: dict[str, Any], entry: dict[str, Any]) -> bool:
    if "id" in entry:
        return base.get("id") == entry["id"] or base.get("id") in entry.get("aliases", [])
    if any(key in entry for key in ("term", "clause")):
        return any(key in entry and base.get(key) == entry[key] for key in ("term", "clause"))
    return all(base.get(key) == value for key, value in entry.items())


def context_problem(example: Any, bases: dict[str, Any]) -> str | None:
    """None when `example`, merged into one of the named data files, passes the whole check
    (schema and meaning); else the problems it gives in each."""
    reports = []
    for name, base in bases.items():
        text = yaml.safe_dump(merged(base, example), allow_unicode=True, sort_keys=False, width=1000)
        try:
            validate(source.parse(text, name))
        except InputError as err:
            reports.append(err.report())
        else:
            return None
    return "\n".join(reports)
