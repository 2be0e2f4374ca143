"""The offline copy: the site built with Material's offline plugin (no directory URLs, the search
index inlined as a script, the search worker shim from node_modules instead of a CDN, which the
`nghi-quyet` plugin adds), zipped to be unpacked and opened from disk (file://).

The configuration is generated (mkdocs.yml INHERITed, the offline plugin added), not kept beside
mkdocs.yml, so that plugins added to mkdocs.yml are in the offline build too.

Every link of a page to another page or to a file of the site is one MkDocs writes (a Markdown
link, also inside HTML with the `markdown` attribute), so the pages need no rewriting here: MkDocs
writes `a/b.md` as `a/b.html` in this layout, as it writes it `a/b/` in the published one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from generator.write.archive import scratch_beside, zip_tree
from generator.write.site import config_beside


def offline_config(mkdocs_yml: Path) -> str:
    """The offline build's configuration: INHERIT mkdocs.yml, add the offline plugin."""
    with open(mkdocs_yml, encoding="utf-8") as f:
        parent = yaml_load(f)
    plugins = list(parent.get("plugins") or ["search"])
    names = [p if isinstance(p, str) else next(iter(p)) for p in plugins]
    if "offline" not in names:
        plugins.append("offline")
    return yaml.safe_dump(
        {"INHERIT": mkdocs_yml.name, "plugins": plugins}, allow_unicode=True, sort_keys=False
    )


def build(out_dir: Path, mkdocs_yml: Path) -> None:
    """Build the offline site into `out_dir` with the real `mkdocs build --strict`."""
    # NOTE: the generated file sits beside mkdocs.yml because MkDocs resolves docs_dir and
    # custom_dir relative to the configuration file.
    with config_beside(mkdocs_yml, "offline", offline_config(mkdocs_yml)) as config:
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
            cwd=mkdocs_yml.parent,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    if result.returncode != 0:
        raise RuntimeError(
            f"the offline build failed (mkdocs exit status {result.returncode}; its messages are above)"
        )


def make_zip(mkdocs_yml: Path, archive: Path) -> int:
    """Build the offline site of `mkdocs_yml` and zip it into `archive`; returns the file count.
    Raises RuntimeError when the build fails (MkDocs has printed why)."""
    # NOTE: built beside the archive, not in the system's temporary folder: a killed build's
    # leftovers are then removed by the next one, and the zip is renamed into place from there.
    with scratch_beside(archive) as scratch:
        site = scratch / "site"
        build(site, mkdocs_yml)
        return zip_tree(site, archive, partial=scratch / archive.name)
