"""Characters a text copied from Word, a PDF or a web page brings along: invisible ones, which
make two ids differ or hide in a verbatim text, and bidirectional controls, which can make the
site show the words in another order than the file has them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from generator import phrases
from generator.load.source import DataPath

# Characters that look like nothing but make two ids differ (pasted from Word or the web).
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00a0", "\u00ad", "\u202f"}
# Invisible characters that change the direction of the text (Unicode's bidirectional controls):
# they can make the site show the words around them in another order than the file has them.
_BIDI = {"\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}
# A quick first look, so that the character-by-character check runs only on the rare text that
# needs it: the characters of the two sets above and every code point of categories Cc (controls)
# and Co (private use).
_SUSPECT = re.compile(
    "[" + "".join(sorted(_INVISIBLE | _BIDI)) + "\x00-\x1f\x7f-\x9f\ue000-\uf8ff"
    "\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)


def text_problems(node: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    """(place, message) for each text field of `node` (any data below `path`) that holds
    invisible or direction-changing characters; ids have their own message (bad_id)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from text_problems(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from text_problems(value, path + (i,))
    elif isinstance(node, str) and path and path[-1] != "id" and _SUSPECT.search(node):
        bad = sorted(
            {
                c
                for c in node
                if c in _INVISIBLE - {"\u00a0"}
                or unicodedata.category(c) in ("Cc", "Co")
                and c not in "\n\t\r"
            }
        )
        if bad:
            yield (
                path,
                f"có ký tự ẩn {_names(bad)} (hãy xóa ký tự này; ký tự này {phrases.PASTED})",
            )
        if bidi := sorted(set(node) & _BIDI):
            what = "ký tự này" if len(bidi) == 1 else "các ký tự này"
            yield (
                path,
                f"có {'' if len(bidi) == 1 else 'các '}ký tự ẩn làm đổi chiều viết chữ {_names(bidi)} "
                f"(trang web có thể hiện các chữ quanh {what} theo thứ tự khác với khi viết: hãy xóa "
                f"{what}, hoặc gõ lại những chữ đó; {what} {phrases.PASTED})",
            )


def bad_id(value: str) -> str:
    """The message for a value that is not a valid id, naming any invisible character in it."""
    bad = sorted({c for c in value if c in _INVISIBLE or not c.isprintable()})
    if bad:
        return f"{ascii(value)} có ký tự ẩn {_names(bad)} (hãy xóa ký tự này và gõ lại id)"
    return (
        f"'{value}' không phải một id hợp lệ (cần chữ thường a-z không dấu, chữ số và dấu gạch "
        "nối '-' đứng riêng lẻ, ví dụ bien-phap-3)"
    )


def _names(chars: list[str]) -> str:
    return ", ".join(f"U+{ord(c):04X} [{unicodedata.name(c, 'CONTROL CHARACTER')}]" for c in chars)
