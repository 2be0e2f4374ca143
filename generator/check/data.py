"""Small readers of the raw data shared by the checks: entries of a list, text as the model keeps it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def entries(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, mapping) for each mapping in a list; anything else yields nothing."""
    if isinstance(value, list):
        for i, entry in enumerate(value):
            if isinstance(entry, dict):
                yield i, entry


def clean(text: str) -> str:
    """Text as the model keeps it: one space between words.

    YAML's folded and literal blocks leave line breaks and runs of spaces that are layout, not
    words; and a quote folded over several lines must still match the text it quotes."""
    return " ".join(text.split())
