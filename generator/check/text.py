"""Characters a text copied from Word, a PDF or a web page brings along: invisible ones, which
make two ids differ or hide in a verbatim text, and bidirectional controls, which can make the
site show the words in another order than the file has them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

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
                f"contains an invisible character {_names(bad)} (delete it; it often "
                "comes with text pasted from Word or a web page)",
            )
        if bidi := sorted(set(node) & _BIDI):
            what, it, comes = (
                ("an invisible character that changes", "it", "it often comes")
                if len(bidi) == 1
                else ("invisible characters that change", "them", "they often come")
            )
            yield (
                path,
                f"contains {what} the direction of the text, {_names(bidi)} (the site "
                f"could show the words around {it} in another order than written: delete "
                f"{it}, or retype those words; {comes} with text pasted from Word, a PDF or "
                "a web page)",
            )


def bad_id(value: str) -> str:
    """The message for a value that is not a valid id, naming any invisible character in it."""
    bad = sorted({c for c in value if c in _INVISIBLE or not c.isprintable()})
    if bad:
        return (
            f"{ascii(value)} contains an invisible character {_names(bad)} (delete it and type the id again)"
        )
    return (
        f"'{value}' is not a valid id (expected lowercase letters a-z without diacritics, "
        "digits and single hyphens, e.g. bien-phap-3)"
    )


def _names(chars: list[str]) -> str:
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'control character')}" for c in chars)
