"""The plugin's options, as `mkdocs.yml` gives them under `plugins: - nghi-quyet:`; and the site's
address as the configuration file gives it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.utils.yaml import yaml_load


class ResolutionPluginConfig(base.Config):
    """Paths are relative to mkdocs.yml."""

    # The resolution the site is built from.
    resolution = c.Type(str, default="resolution.yaml")
    # The one cache of slow outputs (PDF, DOCX, QR codes) and compiled templates.
    cache_dir = c.Type(str, default=".cache")
    # The npm package whose shim lets the offline build (Material's offline plugin) search from
    # disk; copied into that build only, so that it never asks a CDN for it.
    iframe_worker = c.Type(str, default="node_modules/iframe-worker")


def configured_site_url(config_file: Path) -> str | None:
    """site_url as the configuration file gives it (SITE_URL applied through its !ENV tag)."""
    with open(config_file, "rb") as f:
        return yaml_load(f).get("site_url")
