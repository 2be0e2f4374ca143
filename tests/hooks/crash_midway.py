"""A MkDocs hook for the tests: the build raises after a few pages have been written.

It simulates a build that fails part-way (a bug, a full disk, a killed process) to show that
`python -m generator site` leaves the previous site complete.
"""

from __future__ import annotations

_written = 0


def on_post_page(output: str, *, page, config) -> str:
    """Let three pages through, then fail in the middle of writing the site."""
    global _written
    _written += 1
    if _written > 3:
        raise RuntimeError("simulated crash in the middle of writing the site")
    return output
