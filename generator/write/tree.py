"""Write a plan of files into a directory: atomically, only what changed, and only our own files.

The directory keeps a manifest (`.generated`) of the files the generator wrote. A file that is
not in it was written by hand and is never overwritten or removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import InputError, Problem
from generator.paths import MANIFEST
from generator.write import staging

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
            problems.append(
                Problem(
                    file=str(target),
                    line=None,
                    path="(tệp)",
                    message="tệp này đã có và không phải do công cụ tạo ra (hãy chuyển đi hoặc đổi tên; "
                    "công cụ không bao giờ ghi đè một tệp do người viết)",
                )
            )
        result.written.append(rel)
    result.removed = sorted(p for p in ours - plan.keys() if (root / p).is_file())
    if problems:
        raise InputError(problems)
    return result


def sync_tree(plan: dict[str, str], root: Path) -> SyncResult:
    """Make `root` hold the plan: write changed files, remove our stale ones, update the manifest.

    When anything changes, the new tree is built in full in a folder beside `root` (the files
    that stay hard-linked from the old tree, hand-written ones included) and exchanged with it
    in one step, then the old tree is removed: killed at any moment, `root` is the old tree or
    the new one. When nothing changes, nothing is written (not even a modification time).
    """
    if root.is_symlink():
        root = root.resolve()  # NOTE: the folder it names is replaced, as its files were before
    root.parent.mkdir(parents=True, exist_ok=True)
    # NOTE: two builds of one project at once (each MkDocs run syncs content/) take turns: the
    # second then finds the first's tree, and either one's tree is whole when exchanged.
    with staging.serialized(root.parent):
        staging.sweep(staging.folder_family(root))
        result = plan_sync(plan, root)
        new = {rel: plan[rel].encode("utf-8") for rel in result.written}
        manifest = (_MANIFEST_HEADER + "".join(f"{rel}\n" for rel in sorted(plan))).encode("utf-8")
        if _read(root / MANIFEST) != manifest:
            new[MANIFEST] = manifest
        if not new and not result.removed:
            return result
        with staging.staging_folder(root) as folder:
            _fill(folder.path, root, keep_out={*new, *result.removed})
            for rel, data in new.items():
                target = folder.path / rel
                os.replace(_stage(target, data), target)
            for rel in result.removed:
                _prune_empty_dirs((folder.path / rel).parent, folder.path)
            folder.put_in_place(root)
    return result


def _fill(new_root: Path, old_root: Path, keep_out: set[str]) -> None:
    """Give the empty folder `new_root` everything in `old_root` but the paths in `keep_out`:
    files hard-linked (copied where the filesystem refuses links), symbolic links as links,
    folders with their permissions, and `old_root`'s permissions."""
    if not old_root.is_dir():
        return
    shutil.copymode(old_root, new_root)
    for folder, dirs, files in os.walk(old_root, onerror=_raise):
        here = Path(folder)
        rel_here = here.relative_to(old_root)
        for name in dirs:
            source, copy = here / name, new_root / rel_here / name
            if source.is_symlink():
                os.symlink(os.readlink(source), copy)
            else:
                copy.mkdir()
                shutil.copymode(source, copy)
        for name in files:
            rel = (rel_here / name).as_posix()
            if rel in keep_out:
                continue
            source, copy = here / name, new_root / rel_here / name
            if source.is_symlink():
                os.symlink(os.readlink(source), copy)
                continue
            try:
                os.link(source, copy, follow_symlinks=False)
            except OSError:
                shutil.copy2(source, copy)


def _raise(err: OSError) -> None:
    # NOTE: os.walk skips a folder it cannot list unless told otherwise; its files would then be
    # missing from the new tree, and lost when it replaces the old.
    raise err


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
