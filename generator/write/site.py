"""Publishing `site/`: reproducible (dated by the data, not the clock) and atomic (all or nothing).

`python -m generator site` runs the real `mkdocs build --strict` into a staging folder beside
the site folder and, only when the build succeeded, exchanges the two in one step (see
staging.py), so that a failed, interrupted or killed build leaves the previous site complete.
(`mkdocs build` alone empties the site folder first, so a build that fails half-way would leave
half a site.) Each build first sweeps away what killed builds left beside the site folder and
beside mkdocs.yml, leaving alone the folders of builds still running.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from generator.errors import unwritable
from generator.write import staging

# The configurations generated beside mkdocs.yml by `config_beside`, by name (the offline build's:
# generator/mkdocs/offline.py); a site build sweeps away those that killed builds left.
GENERATED_CONFIGS = ("offline",)


def build_site(config: Path, site_dir: Path, mkdocs_args: list[str] | None = None) -> int:
    """Build the site of `config` into `site_dir` atomically; return MkDocs' exit status.

    MkDocs prints its own messages (the plugin's list of problems included). On failure the
    staging folder is removed and `site_dir` is left exactly as it was.
    """
    site_dir = site_dir.absolute()
    with contextlib.ExitStack() as stack:
        try:
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            if site_dir.exists() and not site_dir.is_dir():
                # NOTE: said before the build, not after it: a file there is not ours to replace.
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(site_dir))
            staging.sweep(staging.folder_family(site_dir))
            for name in GENERATED_CONFIGS:
                staging.sweep(_config_family(config.absolute(), name))
            stage = stack.enter_context(staging.staging_folder(site_dir))
        except OSError as err:
            raise unwritable(site_dir, err, "--site-dir") from None
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(stage.path),
            *(mkdocs_args or []),
        ]
        # NOTE: MkDocs holds the staging folder's lock too: were this process killed alone, the
        # folder MkDocs is still writing in would not look abandoned to another build.
        status = subprocess.run(command, check=False, pass_fds=(stage.fd,)).returncode
        if status != 0:
            print(f"{site_dir}: left as it was (the build failed)", file=sys.stderr)
            return status
        try:
            os.chmod(stage.path, 0o755)  # NOTE: a web server must read it
            stage.put_in_place(site_dir)
        except OSError as err:
            raise unwritable(site_dir, err, "--site-dir") from None
    return 0


def _config_family(mkdocs_yml: Path, name: str) -> staging.Family:
    """The generated configurations `.mkdocs-{name}-<token>.yml` beside `mkdocs_yml`."""
    return staging.Family(mkdocs_yml.parent, (f".mkdocs-{name}-",), ".yml")


@contextlib.contextmanager
def config_beside(mkdocs_yml: Path, name: str, text: str) -> Iterator[Path]:
    """A generated configuration file beside `mkdocs_yml` (MkDocs resolves paths relative to its
    configuration file) for as long as the block runs; yields its path. The ones that killed
    builds left are removed first."""
    family = _config_family(mkdocs_yml, name)
    staging.sweep(family)
    token, fd = staging.claim(family)
    try:
        config = family.path(token)
        # NOTE: a new name no one reads before the block: written in place (a kill leaves a
        # partial file under the lock's guard, which the next sweep removes).
        with open(config, "x", encoding="utf-8") as handle:
            handle.write(text)
        yield config
    finally:
        staging.release(family, token, fd)
