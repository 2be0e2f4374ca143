"""A built folder as a zip archive, written atomically, its files in a stable order."""

from __future__ import annotations

import contextlib
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

from generator.write import staging


@contextlib.contextmanager
def scratch_beside(archive: Path) -> Iterator[Path]:
    """An empty folder beside `archive` to build its contents in, removed after the block; one
    that a killed build left is removed by the next (see staging.py)."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    staging.sweep(staging.folder_family(archive))
    with staging.staging_folder(archive) as stage:
        yield stage.path


def zip_tree(folder: Path, archive: Path, partial: Path | None = None) -> int:
    """Zip `folder` into `archive` (atomically, files in a stable order); returns the file count.

    The archive is written at `partial` (default: `archive` + `.part`), then renamed into place."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = partial or archive.with_name(archive.name + ".part")
    # Source maps are for debugging Material's code and would double the zip.
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".map")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            zf.write(path, path.relative_to(folder).as_posix())
    os.replace(partial, archive)
    return len(files)
