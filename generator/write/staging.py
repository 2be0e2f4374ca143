"""Folders replaced whole: built beside their target, exchanged with it in one step, and what a
killed build left beside it swept away by the next build, never what a running build still uses.

A build may be killed at any moment (SIGKILL, a power cut): the target is then the old folder or
the new one, never a mix and never none. Each temporary name carries a random token and is
guarded by a lock file, `<name>.lock`, that its build holds flock()ed for as long as it lives;
the kernel drops the lock when the process dies, so a sweep can tell a dead build's leftovers
from a running build's folder (a PID in the name could not: PIDs are reused).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import functools
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2  # from <linux/fs.h>
# A token as made by claim(), or as left by earlier versions (tempfile's names, a PID).
_TOKEN = r"(?P<token>[A-Za-z0-9_]+)"


@dataclass(frozen=True, slots=True)
class Family:
    """The temporary names one kind of work uses in `parent`: `{prefix}{token}{suffix}` for each
    prefix, and the lock `{prefixes[0]}{token}{suffix}.lock` that guards them."""

    parent: Path
    prefixes: tuple[str, ...]
    suffix: str = ""

    def path(self, token: str, which: int = 0) -> Path:
        """The name with the `which`-th prefix for `token`."""
        return self.parent / f"{self.prefixes[which]}{token}{self.suffix}"

    def lock(self, token: str) -> Path:
        """The lock file that guards the names of `token`."""
        return self.parent / f"{self.prefixes[0]}{token}{self.suffix}.lock"

    def tokens(self) -> dict[str, list[Path]]:
        """The tokens that have names in `parent` now, with those names (their lock included)."""
        alternatives = "|".join(re.escape(p) for p in self.prefixes)
        pattern = re.compile(rf"(?:{alternatives}){_TOKEN}{re.escape(self.suffix)}(?:\.lock)?")
        found: dict[str, list[Path]] = {}
        with os.scandir(self.parent) as entries:
            for entry in entries:
                match = pattern.fullmatch(entry.name)
                if match:
                    found.setdefault(match["token"], []).append(Path(entry.path))
        return found


def folder_family(target: Path) -> Family:
    """The temporary names beside the folder `target`: `.{name}.new-*` (a folder being built,
    or the old one after the exchange) and `.{name}.old-*` (the old one, when the two-step swap
    is used)."""
    return Family(target.parent, (f".{target.name}.new-", f".{target.name}.old-"))


def claim(family: Family) -> tuple[str, int]:
    """A new token of `family` and the descriptor of its lock, held (flock) until it is closed.

    NOTE: the lock file is locked before any name it guards exists, and checked to still be the
    file at its path: a sweep that took it in between (it cannot tell a build that has not locked
    yet from a dead one) has removed it, and another token is taken."""
    while True:
        token = secrets.token_hex(8)
        lock = family.lock(token)
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        fcntl.flock(fd, fcntl.LOCK_EX)
        if _still_at(fd, lock):
            return token, fd
        os.close(fd)


def release(family: Family, token: str, fd: int) -> None:
    """Remove every name of `token` (the old folder after an exchange, a failed build's staging),
    then its lock, then let the lock go."""
    try:
        for which in range(len(family.prefixes)):
            _remove(family.path(token, which))
        _remove(family.lock(token))
    finally:
        os.close(fd)


def sweep(family: Family) -> list[Path]:
    """Remove what killed builds left of `family`; a token whose lock is held (its build is
    running, here or in another process) is left alone. Returns the names removed; never fails
    (what cannot be removed now is tried again by the next sweep)."""
    removed: list[Path] = []
    try:
        found = family.tokens()
    except OSError:
        return removed  # no folder to sweep (or none that can be read): nothing to do
    for token, paths in found.items():
        lock = family.lock(token)
        try:
            fd = os.open(lock, os.O_RDONLY)
        except FileNotFoundError:
            # NOTE: a build makes its lock before any other name and removes it last: these are
            # an older version's (a PID or tempfile's letters in the name), or another sweep's.
            fd = None
        except OSError:
            continue  # a lock that cannot be opened (another user's): not ours to judge
        try:
            if fd is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # a running build's
                if not _still_at(fd, lock):
                    continue  # another sweep has just removed them
            for path in paths:
                if path != lock:
                    _remove(path)
                    removed.append(path)
            if fd is not None:
                _remove(lock)
        finally:
            if fd is not None:
                os.close(fd)
    return removed


@contextlib.contextmanager
def staging_folder(target: Path) -> Iterator[Staging]:
    """A new empty folder beside `target`, locked while the block runs, removed after it with
    whatever it then holds (the old `target`, once `put_in_place` has exchanged them)."""
    family = folder_family(target)
    token, fd = claim(family)
    try:
        path = family.path(token)
        path.mkdir()
        yield Staging(path, family.path(token, 1), fd)
    finally:
        release(family, token, fd)


@dataclass(frozen=True, slots=True)
class Staging:
    """A folder being built (`path`), its name for the old target if the swap takes two steps
    (`aside`), and the descriptor of its lock (`fd`, to hand to a child process that writes in
    it, so that the folder stays guarded as long as the child lives)."""

    path: Path
    aside: Path
    fd: int

    def put_in_place(self, target: Path) -> None:
        """Exchange the staging folder with `target`; the old `target` is then at `path`."""
        exchange(self.path, target, self.aside)


def exchange(new: Path, target: Path, aside: Path) -> None:
    """Put the folder `new` where `target` is in one step: afterwards the old `target` is at `new`.

    A `target` that does not exist yet is simply renamed to (also one step). Raises
    NotADirectoryError when `target` is not a folder: a file there is not ours to replace.
    """
    for _ in range(3):
        if not os.path.lexists(target):
            try:
                os.replace(new, target)
                return
            except OSError as err:
                # NOTE: another build put its folder there in between: exchange with it instead.
                if err.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                    raise
        if not target.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(target))
        try:
            _rename_exchange(new, target)
            return
        except FileNotFoundError:
            continue  # removed in between: rename instead
        except OSError as err:
            if err.errno not in (errno.EINVAL, errno.ENOSYS):
                raise
        # NOTE: the filesystem (or the C library, or the kernel) cannot exchange two names. The
        # old two-step swap is the fallback, and the only place where a kill leaves a gap: between
        # its first two renames `target` does not exist (the old folder is whole at `aside`).
        _two_step(new, target, aside)
        return
    raise FileExistsError(errno.EEXIST, "kept changing while it was being replaced", str(target))


def _two_step(new: Path, target: Path, aside: Path) -> None:
    os.replace(target, aside)
    try:
        os.replace(new, target)
    except OSError:
        os.replace(aside, target)  # put the old one back
        raise
    os.replace(aside, new)  # where the caller removes it, as after an exchange


def _rename_exchange(new: Path, target: Path) -> None:
    """renameat2(RENAME_EXCHANGE): swap two names atomically (Linux 3.15, glibc 2.28)."""
    call = _renameat2()
    if call is None:
        raise OSError(errno.ENOSYS, "renameat2 is not in the C library")
    if call(AT_FDCWD, os.fsencode(new), AT_FDCWD, os.fsencode(target), RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(new), None, str(target))


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None  # not glibc >= 2.28 (musl before 1.2.3, macOS ...)
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


@contextlib.contextmanager
def serialized(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` while the block runs: another process that asks waits.

    NOTE: a lock on the folder itself leaves no file behind. Where the filesystem takes no locks
    (some network filesystems), the block runs unguarded, as before there was a lock."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _still_at(fd: int, path: Path) -> bool:
    """Whether the open file `fd` is still the file at `path`."""
    try:
        now = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (now.st_dev, now.st_ino) == (mine.st_dev, mine.st_ino)


def _remove(path: Path) -> None:
    """Remove a file or a whole folder, as far as it can be: what is left (a folder made
    read-only by hand, say) is tried again by the next sweep, and never fails a build."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()
