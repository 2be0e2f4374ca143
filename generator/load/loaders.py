"""PyYAML's loaders as a resolution needs them: nodes composed with their lines, aliases recorded
as defects instead of followed; libyaml's parser when PyYAML has it (FastLoader, else None)."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import Node, ScalarNode

_STR = "tag:yaml.org,2002:str"


class RecordAliases(yaml.composer.Composer):
    """Composes nodes only, and records aliases instead of following them (a mixin before a
    parser, which gives check_event and get_event)."""

    alias_defects: list[tuple[tuple[str | int, ...], int, str]]
    check_event: Any
    get_event: Any

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.get_event()
            defect = (
                ("yaml",),
                event.start_mark.line + 1,
                f"không dùng được tham chiếu (alias) '*{event.anchor}' (hãy viết đầy đủ giá trị ra)",
            )
            # NOTE: once per line is enough; an alias bomb repeats the same alias many times.
            if defect not in self.alias_defects[-1:]:
                self.alias_defects.append(defect)
            return ScalarNode(tag=_STR, value="", start_mark=event.start_mark, end_mark=event.end_mark)
        node = super().compose_node(parent, index)
        return node


class Loader(RecordAliases, yaml.SafeLoader):
    """PyYAML in Python: slow, with the error messages editors see."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.alias_defects = []


FastLoader: type | None
try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    FastLoader = None
else:

    class FastLoader(RecordAliases, CParser, SafeConstructor, yaml.resolver.Resolver):  # type: ignore[no-redef]
        """libyaml scans and parses (about five times faster); composing stays in Python, so
        aliases, tags and lines are handled exactly as by Loader."""

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            yaml.composer.Composer.__init__(self)
            self.alias_defects = []
