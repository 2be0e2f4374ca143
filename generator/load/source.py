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

from generator import phrases
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
    return out or "(toàn bộ dữ liệu)"


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
        unread = f"không đọc được tệp YAML [{err}]"
        raise InputError([Problem(file=name, line=None, path="yaml", message=unread)]) from None
    except RecursionError:
        raise InputError(
            [
                Problem(
                    file=name,
                    line=_deep_line(text),
                    path="yaml",
                    message="dữ liệu lồng nhau quá nhiều cấp (chỉ cần vài cấp thụt lề)",
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
                    path="(toàn bộ dữ liệu)",
                    message="tệp không có dữ liệu (cần nội dung nghị quyết dạng các trường YAML "
                    "'tên: giá trị')",
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
    what = unicodedata.name(char, "CONTROL CHARACTER")
    return Problem(
        file=name,
        line=line,
        path="yaml",
        message=f"ký tự điều khiển U+{ord(char):04X} [{what}] ở cột {column} không được phép có "
        f"trong tệp YAML (hãy xóa ký tự này; ký tự này {phrases.PASTED})",
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
            f"không được dùng thẻ (tag) '{node.tag.replace('tag:yaml.org,2002:', '!!')}' "
            "(hãy xóa thẻ này; chỉ chấp nhận giá trị thông thường)",
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
                    "không dùng được khóa gộp '<<' (hãy viết đầy đủ các trường ra)",
                )
                continue
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, path, "tên trường phải là một tên thông thường (ví dụ 'text:')")
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first_line:
                self.problem(
                    key_node,
                    path + (key,),
                    f"trùng tên trường '{key}' (đã có ở {phrases.line(first_line[key])}; chỉ giữ lại một)",
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
                f"số có {phrases.number(digits)} chữ số là quá dài (cần một số nguyên vài chữ số, ví dụ 1; "
                "nếu đây là chữ, hãy đặt trong dấu ngoặc kép)",
            )
        try:
            return self._constructor.construct_object(node)
        except (ValueError, LookupError):  # an explicit !!int, !!float or !!bool on what is not one
            return self.refuse_tag(node, path)
