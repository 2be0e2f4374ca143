"""A built folder as a zip archive, written atomically, its files in a stable order."""

from __future__ import annotations

import zipfile
from pathlib import Path


def zip_tree(folder: Path, archive: Path) -> int:
    """Zip `folder` into `archive` (atomically, files in a stable order); returns the file count."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_name(archive.name + ".part")
    # Source maps are for debugging Material's code and would double the zip.
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".map")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            zf.write(path, path.relative_to(folder).as_posix())
    partial.replace(archive)
    return len(files)
