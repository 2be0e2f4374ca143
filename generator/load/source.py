"""Load a YAML file into plain data, remembering the line of every value.

Only the YAML that a resolution needs is accepted: mappings, lists and plain scalars. Duplicate
keys, anchors/aliases and explicit tags are refused, so PyYAML's silent "last key wins", alias
bombs and object construction cannot happen. Nothing here raises anything but InputError.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import InputError, Problem
from generator.load.loaders import FastLoader as _FastLoader
from generator.load.loaders import Loader as _Loader
from generator.load.reading import read_text
from generator.load.syntax import syntax_problem

# NOTE: a resolution's numbers have a few digits; past 4,300, Python will not even convert one.
MAX_DIGITS = 100

DataPath = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR: "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    # An unquoted 2023-12-07 is a timestamp to YAML; we keep the text and let validation judge it.
    "tag:yaml.org,2002:timestamp": "text",
}
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass(frozen=True, slots=True)
class Loaded:
    """A file's data and the line (1-based) where each value, by data path, starts."""

    file: str
    data: Any
    lines: dict[DataPath, int]
    # Defects that do not stop parsing (a duplicate key, an alias, a tag), as (data path, line,
    # message): validation reports them with its own, so the editor sees everything at once.
    defects: tuple[tuple[DataPath, int, str], ...] = ()

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The defects as problems, with data paths by position."""
        return tuple(
            Problem(file=self.file, line=line, path=format_path(path), message=message)
            for path, line, message in self.defects
        )

    def line(self, path: DataPath) -> int | None:
        """The line of the value at `path`, or of its nearest ancestor that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


def format_path(path: DataPath) -> str:
    """`('sections', 0, 'items')` -> `sections[0].items`; the root is `(document)`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def load(path: Path, name: str | None = None) -> Loaded:
    """Read and parse `path`; `name` is how messages call the file (defaults to the path)."""
    name = name or str(path)
    text = read_text(path, name)
    return parse(text, name)


def parse(text: str, name: str) -> Loaded:
    """Parse YAML text that has already been decoded."""
    # NFC first: Vietnamese typed on some systems arrives decomposed, and the same word must
    # compare equal wherever it came from. NFC never changes line breaks, so lines still match.
    text = unicodedata.normalize("NFC", text)
    fast = _fast_parse(text, name)
    if fast is not None:
        return fast
    loader = None
    try:
        # NOTE: the reader checks every character when the loader is made, so it is inside the try.
        loader = _Loader(text)
        root = loader.get_single_node()
    except yaml.reader.ReaderError as err:
        raise InputError([_unprintable(err, text, name)]) from None
    except yaml.MarkedYAMLError as err:
        raise InputError([syntax_problem(err, text, name)]) from None
    except yaml.YAMLError as err:  # errors without a mark
        raise InputError([Problem(file=name, line=None, path="yaml", message=str(err))]) from None
    except RecursionError:
        raise InputError(
            [
                Problem(
                    file=name,
                    line=_deep_line(text),
                    path="yaml",
                    message="the data is nested too deeply (expected at most a few levels of indentation)",
                )
            ]
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        raise InputError(
            [
                Problem(
                    file=name,
                    line=1,
                    path="(document)",
                    message="the file has no data (expected the resolution as a YAML mapping)",
                )
            ]
        )
    return _loaded(root, loader.alias_defects, name)


def _fast_parse(text: str, name: str) -> Loaded | None:
    """The same as `parse`, with libyaml (C) reading the text; None when libyaml is missing or
    the text has any syntax problem, so that `parse` reports it with PyYAML's own messages
    (the ones our tests and editors know)."""
    if _FastLoader is None:
        return None
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()
    if root is None:
        return None
    return _loaded(root, loader.alias_defects, name)


def _loaded(root: Node, alias_defects: list, name: str) -> Loaded:
    """Plain data, lines and defects from a composed document."""
    builder = _Builder()
    data = builder.value(root, ())
    return Loaded(file=name, data=data, lines=builder.lines, defects=tuple(alias_defects + builder.defects))


def _deep_line(text: str, limit: int = 100) -> int | None:
    """The line where the nesting of lists and mappings first goes deeper than `limit`."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(
                token,
                (
                    yaml.BlockMappingStartToken,
                    yaml.BlockSequenceStartToken,
                    yaml.FlowMappingStartToken,
                    yaml.FlowSequenceStartToken,
                ),
            ):
                depth += 1
                if depth > limit:
                    return token.start_mark.line + 1
            elif isinstance(token, (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)):
                depth -= 1
    except yaml.YAMLError:
        pass
    return None


def _unprintable(err: yaml.reader.ReaderError, text: str, name: str) -> Problem:
    line = text.count("\n", 0, err.position) + 1
    column = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
    char = chr(err.character) if isinstance(err.character, int) else err.character
    what = unicodedata.name(char, "a control character")
    return Problem(
        file=name,
        line=line,
        path="yaml",
        message=f"character U+{ord(char):04X} ({what}) at column {column} is not allowed "
        "in a YAML file (delete it; it often comes with text pasted from a PDF, "
        "Word or a web page)",
    )


class _Builder:
    """Turns composed nodes into dicts, lists and scalars, collecting problems and lines."""

    def __init__(self):
        self.lines: dict[DataPath, int] = {}
        self.defects: list[tuple[DataPath, int, str]] = []
        self._constructor = SafeConstructor()

    def problem(self, node: Node, path: DataPath, message: str) -> None:
        self.defects.append((path, node.start_mark.line + 1, message))

    def refuse_tag(self, node: Node, path: DataPath) -> None:
        self.problem(
            node,
            path,
            f"tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is not "
            "allowed (remove it; only plain values are accepted)",
        )

    def value(self, node: Node, path: DataPath) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if node.tag not in _SCALAR_TAGS and node.tag not in _COLLECTION_TAGS:
            return self.refuse_tag(node, path)
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.value(child, path + (i,)) for i, child in enumerate(node.value)]
        assert isinstance(node, ScalarNode)  # NOTE: a YAML node is one of the three
        return self.scalar(node, path)

    def mapping(self, node: MappingNode, path: DataPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(
                    key_node,
                    path + ("<<",),
                    "the merge key '<<' is not supported (write the fields out in full)",
                )
                continue
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, path, "keys must be plain names (expected e.g. 'text:')")
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first_line:
                self.problem(
                    key_node,
                    path + (key,),
                    f"duplicate key '{key}' (first at line {first_line[key]}; keep only one)",
                )
                continue
            first_line[key] = line
            out[key] = self.value(value_node, path + (key,))
            self.lines[path + (key,)] = line
        return out

    def scalar(self, node: ScalarNode, path: DataPath) -> Any:
        kind = _SCALAR_TAGS[node.tag]
        if kind in ("str", "text"):
            return node.value
        written = node.value.lstrip("+-").removeprefix("0x").removeprefix("0b")  # bases 16 and 2
        if kind == "int" and (digits := sum(c not in "_:" for c in written)) > MAX_DIGITS:  # ':' base 60
            return self.problem(
                node,
                path,
                f"a number of {digits:,} digits is too long (expected a whole "
                "number of a few digits, e.g. 1; if it is meant as text, put it in quotes)",
            )
        try:
            return self._constructor.construct_object(node)
        except (ValueError, LookupError):  # an explicit !!int, !!float or !!bool on what is not one
            return self.refuse_tag(node, path)
