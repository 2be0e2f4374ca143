"""Write a plan of files into a directory: atomically, only what changed, and only our own files.

The directory keeps a manifest (`.generated`) of the files the generator wrote. A file that is
not in it was written by hand and is never overwritten or removed.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import InputError, Problem
from generator.paths import MANIFEST

_MANIFEST_HEADER = "# Files written by `python -m generator build`; removed by it when no longer produced.\n"


@dataclass(slots=True)
class SyncResult:
    """What a sync did (or, in check mode, would do)."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed)


def read_manifest(root: Path) -> set[str]:
    """The paths recorded as generated in `root`, empty if there is no manifest."""
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    return {line for line in text.splitlines() if line and not line.startswith("#")}


def plan_sync(plan: dict[str, str], root: Path) -> SyncResult:
    """Compare the plan with the directory without writing; refuse to overwrite hand-written files."""
    ours = read_manifest(root)
    result = SyncResult()
    problems = []
    for rel, text in plan.items():
        target = root / rel
        current = _read(target)
        if current == text.encode("utf-8"):
            result.unchanged += 1
            continue
        if current is not None and rel not in ours:
            problems.append(Problem(
                file=str(target), line=None, path="(file)",
                message="exists and was not written by the generator (move or rename it; the "
                        "generator never overwrites a hand-written file)"))
        result.written.append(rel)
    result.removed = sorted(p for p in ours - plan.keys() if (root / p).is_file())
    if problems:
        raise InputError(problems)
    return result


def sync_tree(plan: dict[str, str], root: Path) -> SyncResult:
    """Make `root` hold the plan: write changed files, remove our stale ones, update the manifest.

    Every new file is first written in full beside its target; only when all are written are they
    renamed into place. A failure while writing (a full disk, a crash) leaves `root` as it was.
    """
    result = plan_sync(plan, root)
    new = {rel: plan[rel].encode("utf-8") for rel in result.written}
    manifest = (_MANIFEST_HEADER + "".join(f"{rel}\n" for rel in sorted(plan))).encode("utf-8")
    if _read(root / MANIFEST) != manifest:
        new[MANIFEST] = manifest
    created = [d for d in {(root / rel).parent for rel in new} if not d.exists()]
    staged: dict[Path, Path] = {}
    try:
        for rel, data in new.items():
            staged[root / rel] = _stage(root / rel, data)
        for target, tmp in staged.items():
            os.replace(tmp, target)
    except BaseException:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
        for directory in sorted(created, key=lambda d: len(d.parts), reverse=True):
            _prune_empty_dirs(directory, root)
        raise
    for rel in result.removed:
        (root / rel).unlink()
        _prune_empty_dirs((root / rel).parent, root)
    return result


def _stage(target: Path, data: bytes) -> Path:
    """Write `data` to a new temporary file beside `target`; return its path."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomic(target: Path, data: bytes) -> None:
    """Write beside the target, then rename over it: a reader never sees half a file."""
    tmp = _stage(target, data)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def _prune_empty_dirs(directory: Path, root: Path) -> None:
    while directory != root and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def write_files(root: Path, files: dict[str, bytes]) -> list[str]:
    """Write `files` (path relative to `root` -> bytes) into the built site `root`, each atomically;
    a file that already holds the same bytes is left alone (so `mkdocs serve` sees no change).
    Returns the paths written. The one way our outputs other than pages reach the site."""
    written = []
    for rel, data in sorted(files.items()):
        target = root / rel
        if _read(target) == data:
            continue
        write_atomic(target, data)
        written.append(rel)
    return written
