"""The offline copy: the site built with Material's offline plugin (no directory URLs, the search
index inlined as a script, the search worker shim from node_modules instead of a CDN, which the
`nghi-quyet` plugin adds), zipped to be unpacked and opened from disk (file://).

The configuration is generated (mkdocs.yml INHERITed, the offline plugin added), not kept beside
mkdocs.yml, so that plugins added to mkdocs.yml are in the offline build too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from generator.write.archive import scratch_beside, zip_tree
from generator.write.site import config_beside
from generator.write.tree import write_files


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


_LINK = re.compile(r'(?P<attr>\b(?:href|src)=")(?P<path>[^"#?:]*)(?P<rest>[#?][^"]*)?"')


def relinked(site: Path) -> dict[str, bytes]:
    """Point raw-HTML links written for directory URLs at the files of the offline layout.

    Returns the pages that change, {site path: bytes}. Markdown links are rewritten by MkDocs for `use_directory_urls: false`, but links that the
    templates write as HTML (checklist rows, downloads, the trainers' pages) assume that page
    `a/b/` lives in the folder `a/b/`. Opened from disk, `a/b/` is the file `a/b.html`, and a
    page's own relative links start from its folder. Only links that do not resolve are changed.
    """
    out: dict[str, bytes] = {}
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        here = page.parent
        # The folder the page had with directory URLs (`a/b.html` was `a/b/index.html`).
        was = here if page.name == "index.html" else here / page.stem

        def fix(match: re.Match) -> str:
            rel = match["path"]
            if not rel or rel.startswith(("/", "data")):
                return match[0]
            for base in (here, was):
                target = _offline_file(base, rel)
                if target is not None:
                    new = os.path.relpath(target, here).replace(os.sep, "/")
                    return f'{match["attr"]}{new}{match["rest"] or ""}"'
            return match[0]

        new_text = _LINK.sub(fix, text)
        if new_text != text:
            out[page.relative_to(site).as_posix()] = new_text.encode("utf-8")
    return out


def _offline_file(base: Path, rel: str) -> Path | None:
    """The file a relative link from `base` opens from disk, or None."""
    target = Path(os.path.normpath(base / rel))
    if target.is_file():
        return target
    for candidate in (target.with_name(target.name + ".html"), target / "index.html"):
        if candidate.is_file():
            return candidate
    return None


def make_zip(mkdocs_yml: Path, archive: Path) -> int:
    """Build the offline site of `mkdocs_yml` and zip it into `archive`; returns the file count.
    Raises RuntimeError when the build fails (MkDocs has printed why)."""
    # NOTE: built beside the archive, not in the system's temporary folder: a killed build's
    # leftovers are then removed by the next one, and the zip is renamed into place from there.
    with scratch_beside(archive) as scratch:
        site = scratch / "site"
        build(site, mkdocs_yml)
        write_files(site, relinked(site))
        return zip_tree(site, archive, partial=scratch / archive.name)
