"""`python -m generator.offline [ZIP]`: the site as a zip that works opened from disk (file://).

Builds with the project's mkdocs.yml plus Material's offline plugin (no directory URLs, the
search index inlined as a script) and generator/offline_hook.py (the search worker shim from
node_modules, not from a CDN), into a temporary directory, then zips it (default
build/offline-site.zip; `make offline` names it). The configuration is generated, not kept
beside mkdocs.yml, so that plugins and hooks added to mkdocs.yml are in the offline build too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ZIP = ROOT / "build" / "offline-site.zip"
HOOK = "generator/offline_hook.py"


def offline_config(mkdocs_yml: Path) -> str:
    """The offline build's configuration: INHERIT mkdocs.yml, add the offline plugin and hook."""
    from mkdocs.utils import yaml_load

    with open(mkdocs_yml, encoding="utf-8") as f:
        parent = yaml_load(f)
    plugins = list(parent.get("plugins") or ["search"])
    names = [p if isinstance(p, str) else next(iter(p)) for p in plugins]
    if "offline" not in names:
        plugins.append("offline")
    hooks = [*(parent.get("hooks") or []), HOOK]
    return yaml.safe_dump({"INHERIT": mkdocs_yml.name, "plugins": plugins, "hooks": hooks},
                          allow_unicode=True, sort_keys=False)


def build(out_dir: Path, mkdocs_yml: Path = ROOT / "mkdocs.yml") -> None:
    """Build the offline site into `out_dir` with the real `mkdocs build --strict`."""
    # NOTE: the generated file sits beside mkdocs.yml because MkDocs resolves docs_dir, hooks
    # and custom_dir relative to the configuration file.
    config = mkdocs_yml.parent / f".mkdocs-offline-{os.getpid()}.yml"
    config.write_text(offline_config(mkdocs_yml), encoding="utf-8")
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                                 "-f", str(config), "-d", str(out_dir)],
                                cwd=mkdocs_yml.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    finally:
        config.unlink(missing_ok=True)
    if result.returncode != 0:
        raise RuntimeError(f"the offline build failed (mkdocs exit status {result.returncode}; its messages are above)")


_LINK = re.compile(r'(?P<attr>\b(?:href|src)=")(?P<path>[^"#?:]*)(?P<rest>[#?][^"]*)?"')


def relink(site: Path) -> int:
    """Point raw-HTML links written for directory URLs at the files of the offline layout.

    Markdown links are rewritten by MkDocs for `use_directory_urls: false`, but links that the
    templates write as HTML (checklist rows, downloads, the trainers' pages) assume that page
    `a/b/` lives in the folder `a/b/`. Opened from disk, `a/b/` is the file `a/b.html`, and a
    page's own relative links start from its folder. Only links that do not resolve are changed.
    """
    changed = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        here = page.parent
        # The folder the page had with directory URLs (`a/b.html` was `a/b/index.html`).
        was = here if page.name == "index.html" else here / page.stem

        def fix(match: re.Match) -> str:
            nonlocal changed
            rel = match["path"]
            if not rel or rel.startswith(("/", "data")):
                return match[0]
            for base in (here, was):
                target = _offline_file(base, rel)
                if target is not None:
                    new = os.path.relpath(target, here).replace(os.sep, "/")
                    if new != rel:
                        changed += 1
                    return f'{match["attr"]}{new}{match["rest"] or ""}"'
            return match[0]

        new_text = _LINK.sub(fix, text)
        if new_text != text:
            page.write_text(new_text, encoding="utf-8")
    return changed


def _offline_file(base: Path, rel: str) -> Path | None:
    """The file a relative link from `base` opens from disk, or None."""
    target = Path(os.path.normpath(base / rel))
    if target.is_file():
        return target
    for candidate in (target.with_name(target.name + ".html"), target / "index.html"):
        if candidate.is_file():
            return candidate
    return None


def zip_site(site: Path, archive: Path) -> int:
    """Zip `site` into `archive` (atomically, files in a stable order); returns the file count."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_name(archive.name + ".part")
    # Source maps are for debugging Material's code and would double the zip.
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.suffix != ".map")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            zf.write(path, path.relative_to(site).as_posix())
    partial.replace(archive)
    return len(files)


def main(argv: list[str] | None = None) -> int:
    """Build and zip; prints where the zip is and how to use it. 1 when the build fails."""
    argv = sys.argv[1:] if argv is None else argv
    archive = Path(argv[0]).resolve() if argv else DEFAULT_ZIP
    with tempfile.TemporaryDirectory(prefix="offline-site-") as tmp:
        try:
            build(Path(tmp) / "site")
        except RuntimeError as err:
            print(err, file=sys.stderr)
            return 1
        relink(Path(tmp) / "site")
        count = zip_site(Path(tmp) / "site", archive)
    print(f"{archive}: {count} files, {archive.stat().st_size / 1024:.0f} KB; "
          "unzip it and open index.html in a browser (no network needed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
