"""For the tests only: a build that stops at a chosen point until the test lets it go (or kills it).

Two uses, both driven by environment variables read nowhere else:

- as a MkDocs hook (a test adds it to a copied mkdocs.yml under `hooks:`), it pauses the MkDocs
  process at `content-staged` (content/'s new tree built, not yet exchanged), `content-exchanged`
  (exchanged, the old tree not yet removed), `pages` (three pages written into the staging
  folder) or `post-build` (half of the files made after the build written);
- run as a script with the arguments of `python -m generator`, it pauses the generator's own
  process at `before-mkdocs` (staging folder made, MkDocs not started), `site-staged` (MkDocs done,
  the site not yet exchanged) or `site-exchanged` (exchanged, the old site not yet removed).

At the point named by NQ_TEST_PAUSE_AT it creates the file NQ_TEST_PAUSE_FILE and waits as long as
that file exists (at most ten minutes); the test kills the process group there, or removes the
file to let the build go on. The patches replace functions of the generator in this process only.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from pathlib import Path

from generator.write import staging

POINT = os.environ.get("NQ_TEST_PAUSE_AT", "")
MARKER = os.environ.get("NQ_TEST_PAUSE_FILE", "")


def pause(point: str) -> None:
    """Stop here if this is the chosen point: say so with the marker file, wait while it exists."""
    if point != POINT or not MARKER:
        return
    marker = Path(MARKER)
    marker.write_text(f"{os.getpid()}\n", encoding="utf-8")
    deadline = time.monotonic() + 600
    while marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)


def _around_exchange(before: str, after: str) -> None:
    """Pause before and after Staging.put_in_place (the exchange)."""
    real = staging.Staging.put_in_place

    @functools.wraps(real)
    def put_in_place(self: staging.Staging, target: Path) -> None:
        pause(before)
        real(self, target)
        pause(after)

    staging.Staging.put_in_place = put_in_place  # type: ignore[method-assign]


def _install_in_mkdocs() -> None:
    from generator.mkdocs import plugin

    _around_exchange("content-staged", "content-exchanged")
    real_write_files = plugin.write_files

    def write_files(root: Path, files: dict[str, bytes]) -> list[str]:
        names = sorted(files)
        half = len(names) // 2
        written = real_write_files(root, {n: files[n] for n in names[:half]})
        pause("post-build")
        return written + real_write_files(root, {n: files[n] for n in names[half:]})

    plugin.write_files = write_files


_pages = 0


def on_post_page(output: str, *, page, config) -> str:
    """After the third page written into the staging folder: the `pages` point."""
    global _pages
    _pages += 1
    if _pages == 3:
        pause("pages")
    return output


def _run_generator(argv: list[str]) -> int:
    import subprocess

    from generator.cli import main

    real_run = subprocess.run

    def run(*args, **kwargs):
        pause("before-mkdocs")
        return real_run(*args, **kwargs)

    subprocess.run = run  # NOTE: this process only runs MkDocs with it
    _around_exchange("site-staged", "site-exchanged")
    return main(argv)


if __name__ == "__main__":
    sys.exit(_run_generator(sys.argv[1:]))
else:
    _install_in_mkdocs()
