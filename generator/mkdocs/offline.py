"""The offline copy: the site built with Material's offline plugin (no directory URLs, the search
index inlined as a script, the search worker shim from node_modules instead of a CDN, which the
`nghi-quyet` plugin adds), zipped to be unpacked and opened from disk (file://).

The configuration is generated (mkdocs.yml INHERITed, the offline plugin added), not kept beside
mkdocs.yml, so that plugins added to mkdocs.yml are in the offline build too. With a resolution
file (--resolution), it is that file's generated configuration with the offline plugin added.

Every link of a page to another page or to a file of the site is one MkDocs writes (a Markdown
link, also inside HTML with the `markdown` attribute), so the pages need no rewriting here: MkDocs
writes `a/b.md` as `a/b.html` in this layout, as it writes it `a/b/` in the published one.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from generator.mkdocs import resolution_config
from generator.write.archive import scratch_beside, zip_tree
from generator.write.site import config_beside

OFFLINE = "offline"


def offline_config(mkdocs_yml: Path) -> str:
    """The offline build's configuration: INHERIT mkdocs.yml, add the offline plugin."""
    plugins = resolution_config.with_plugin(resolution_config.project_plugins(mkdocs_yml), OFFLINE)
    return resolution_config.dump({"INHERIT": mkdocs_yml.name, "plugins": plugins})


@contextlib.contextmanager
def _config(mkdocs_yml: Path, resolution: Path | None, site_url: str | None) -> Iterator[Path]:
    """The offline build's configuration file: of mkdocs.yml's own site, or of `resolution`'s."""
    if resolution is None:
        # NOTE: the generated file sits beside mkdocs.yml because MkDocs resolves docs_dir and
        # custom_dir relative to the configuration file.
        with config_beside(mkdocs_yml, OFFLINE, offline_config(mkdocs_yml)) as config:
            yield config
    else:
        with resolution_config.generated(
            mkdocs_yml, resolution, site_url=site_url, command=OFFLINE, more_plugins=(OFFLINE,)
        ) as config:
            yield config


def build(
    out_dir: Path, mkdocs_yml: Path, resolution: Path | None = None, site_url: str | None = None
) -> None:
    """Build the offline site into `out_dir` with the real `mkdocs build --strict`: the site of
    mkdocs.yml, or with its settings the site of `resolution` (see resolution_config.py)."""
    with _config(mkdocs_yml, resolution, site_url) as config:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--quiet",
                "-f",
                str(config),
                "-d",
                str(out_dir),
            ],
            cwd=config.parent,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    if result.returncode != 0:
        raise RuntimeError(
            f"không tạo được bản xem không cần mạng (các thông báo của mkdocs ở phía trên) "
            f"[mkdocs exit status {result.returncode}]"
        )


def make_zip(
    mkdocs_yml: Path, archive: Path, resolution: Path | None = None, site_url: str | None = None
) -> int:
    """Build the offline site of `mkdocs_yml` (or of `resolution`, with its settings) and zip it
    into `archive`; returns the file count. Raises RuntimeError when the build fails (MkDocs has
    printed why)."""
    # NOTE: built beside the archive, not in the system's temporary folder: a killed build's
    # leftovers are then removed by the next one, and the zip is renamed into place from there.
    with scratch_beside(archive) as scratch:
        site = scratch / "site"
        build(site, mkdocs_yml, resolution, site_url)
        return zip_tree(site, archive, partial=scratch / archive.name)
