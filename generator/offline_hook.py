"""MkDocs hook of the offline build (`make offline`, generator/offline.py): the search worker
shim comes from the npm package iframe-worker (node_modules/, installed by `npm ci`), copied
into the built site, so the site opened from disk never asks unpkg.com for it.

Material's offline plugin adds "https://unpkg.com/iframe-worker/shim" to `extra.polyfills`
unless some polyfill already names iframe-worker: this hook puts the local copy there first.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

PACKAGE = Path(__file__).resolve().parent.parent / "node_modules" / "iframe-worker"
SHIM = "assets/javascripts/iframe-worker/shim.js"


@event_priority(100)  # before the offline plugin's on_config (default priority 0)
def on_config(config):
    """Name the local shim among the polyfills; refuse any polyfill from another server."""
    polyfills = config.extra.get("polyfills") or []
    remote = [p for p in polyfills if "://" in p]
    if remote:
        raise PluginError(f"offline build: polyfills from another server: {remote}")
    config.extra["polyfills"] = [*polyfills, SHIM] if SHIM not in polyfills else polyfills
    return config


def on_files(files, config):
    """Add the shim from node_modules/iframe-worker to the built site."""
    source = PACKAGE / "shim" / "index.js"
    if not source.is_file():
        raise PluginError(f"{source} is missing: run `make node_modules` (npm ci)")
    files.append(File.generated(config, SHIM, abs_src_path=str(source)))
    config.extra["iframe_worker_version"] = json.loads((PACKAGE / "package.json").read_text())["version"]
    return files
