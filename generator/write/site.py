"""Publishing `site/`: reproducible (dated by the data, not the clock) and atomic (all or nothing).

`python -m generator site` runs the real `mkdocs build --strict` into a temporary folder beside
the site folder and swaps it into place only when the build succeeded, so a failed or
interrupted build leaves the previous site complete. (`mkdocs build` alone empties the site
folder first, so a build that fails half-way would leave half a site.)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.errors import unwritable
from generator.write.tree import write_atomic

def build_site(config: Path, site_dir: Path, mkdocs_args: list[str] | None = None) -> int:
    """Build the site of `config` into `site_dir` atomically; return MkDocs' exit status.

    MkDocs prints its own messages (the hook's list of problems included). On failure the
    temporary folder is removed and `site_dir` is left exactly as it was.
    """
    site_dir = site_dir.absolute()
    parent = site_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{site_dir.name}.new-"))
    except OSError as err:
        raise unwritable(site_dir, err, "--site-dir") from None
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                   "-d", str(staging), *(mkdocs_args or [])]
        status = subprocess.run(command, check=False).returncode
        if status != 0:
            print(f"{site_dir}: left as it was (the build failed)", file=sys.stderr)
            return status
        os.chmod(staging, 0o755)  # NOTE: mkdtemp makes it private; a web server must read it
        swap(staging, site_dir)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap(new: Path, target: Path) -> None:
    """Put the complete folder `new` where `target` is, keeping the old one until the new is in."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    try:
        if target.exists():
            os.replace(target, old)
        os.replace(new, target)
    except OSError as err:
        if old.exists() and not target.exists():
            os.replace(old, target)  # put the previous site back
        raise unwritable(target, err, "--site-dir") from None
    shutil.rmtree(old, ignore_errors=True)



@contextlib.contextmanager
def config_beside(mkdocs_yml: Path, name: str, text: str):
    """A generated configuration file beside `mkdocs_yml` (MkDocs resolves paths relative to its
    configuration file) for as long as the block runs; yields its path."""
    config = mkdocs_yml.parent / f".mkdocs-{name}-{os.getpid()}.yml"
    write_atomic(config, text.encode("utf-8"))
    try:
        yield config
    finally:
        config.unlink(missing_ok=True)


@contextlib.contextmanager
def temporary_folder(prefix: str):
    """A new empty folder for as long as the block runs (removed after, whatever happens)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        yield Path(tmp)
