"""The one cache: slow outputs (PDF, DOCX, QR codes) and compiled templates, under one root.

The root is `.cache/` beside mkdocs.yml (or the plugin's `cache_dir`, or the CLI's
`--cache-dir`), never inside the installed package. A cached file is named by a hash of
everything that shapes its bytes: the caller's key (its inputs, the code that lays it out) and
the versions of the libraries that make it, so that upgrading WeasyPrint or python-docx can never
serve a file the old version made. A cache that cannot be written only costs time.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.write.tree import write_atomic

# The distributions whose versions shape the bytes of a cached output (PDF: WeasyPrint and what
# it lays out and embeds with; DOCX: python-docx and lxml; QR codes: segno; pages: Jinja).
LIBRARIES = (
    "weasyprint",
    "pydyf",
    "fonttools",
    "tinycss2",
    "cssselect2",
    "python-docx",
    "lxml",
    "segno",
    "jinja2",
    "markupsafe",
)


@functools.cache
def library_versions() -> str:
    """`name==version` of every library in LIBRARIES, one per line ("(not installed)" if absent).

    NOTE: read from the names of the installed distributions' `.dist-info` folders: one listing
    per folder of sys.path, a few milliseconds, where importlib.metadata took about 0.1 s of every
    build (a tenth of a whole build of the real data)."""
    wanted = {_normal(name): name for name in LIBRARIES}
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in names:
            if entry.endswith(".dist-info"):
                dist, _, version = entry[: -len(".dist-info")].partition("-")
                found.setdefault(_normal(dist), version)
    return "\n".join(f"{name}=={found.get(key, '(not installed)')}" for key, name in wanted.items())


def _normal(name: str) -> str:
    """A distribution's name as its .dist-info folder writes it: lowercase, "_" for "-" and "."."""
    return name.lower().replace("-", "_").replace(".", "_")


@dataclass(frozen=True, slots=True)
class Cache:
    """The cache folder `root`; `None` keeps nothing (every output is made again)."""

    root: Path | None

    def folder(self, kind: str) -> Path | None:
        """The subfolder of one kind of output (`qr`, `bang-kiem`, `jinja-generator` ...)."""
        return None if self.root is None else self.root / kind

    def get(self, kind: str, key: str, ext: str, make: Callable[[], bytes]) -> bytes:
        """The bytes `make()` returns for `key`, made only when no file of the same key and the
        same library versions is kept."""
        if self.root is None:
            return make()
        digest = hashlib.sha256(f"{library_versions()}\0{key}".encode()).hexdigest()
        path = self.root / kind / f"{digest}.{ext}"
        try:
            return path.read_bytes()
        except OSError:
            pass
        data = make()
        with contextlib.suppress(OSError):  # NOTE: an unwritable cache only costs time, never the build
            write_atomic(path, data)
        return data


NO_CACHE = Cache(None)
