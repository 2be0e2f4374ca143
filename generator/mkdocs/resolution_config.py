"""The site of any resolution file with this project's settings: a generated MkDocs configuration.

`python -m generator site | serve | offline --resolution PATH.yaml` build the site of PATH.yaml
with everything the project's mkdocs.yml sets (theme, Markdown extensions, search, CSS and
JavaScript, validation) and nothing that belongs to the resolution it builds: the configuration
written beside PATH.yaml INHERITs mkdocs.yml and replaces the plugin's `resolution` and
`cache_dir`, the `docs_dir` and the `site_url`. The site's name and description come from the
data (the plugin sets them). Everything a build writes is beside PATH.yaml, never in the
project's content/ or site/:

    PATH.yaml
    .PATH.content/                   the generated Markdown (docs_dir), kept between builds
    .cache/                          the cache of slow outputs (PDF, DOCX, QR codes, templates)
    site/                            the built site (the default of --site-dir)
    .mkdocs-<command>-<token>.yml    the configuration, for as long as the command runs

Paths in mkdocs.yml other than those (hooks, `watch`, a theme's `custom_dir`) would be read
relative to the generated file: the project's mkdocs.yml has none.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from generator.mkdocs.config import ResolutionPluginConfig
from generator.write.site import config_beside, make_folder

# The plugin's name in mkdocs.yml (its entry point in pyproject.toml).
PLUGIN = "nghi-quyet"


def docs_dir(resolution: Path) -> Path:
    """`.PATH.content/` beside PATH.yaml: never the project's `content/` (its name starts with a dot)."""
    return resolution.parent / f".{resolution.stem}.content"


def default_site_dir(resolution: Path) -> Path:
    """`site/` beside the resolution file."""
    return resolution.parent / "site"


def project_plugins(mkdocs_yml: Path) -> list[Any]:
    """The `plugins` of mkdocs.yml as a list (MkDocs' default when it names none)."""
    with open(mkdocs_yml, encoding="utf-8") as f:
        plugins = yaml_load(f).get("plugins") or ["search"]
    if isinstance(plugins, dict):  # MkDocs also takes them as a mapping of name -> options
        plugins = [{name: options} if options else name for name, options in plugins.items()]
    return list(plugins)


def plugin_name(entry: Any) -> str:
    """`search` for `search` and for `{search: {lang: vi}}`."""
    return entry if isinstance(entry, str) else next(iter(entry))


def with_plugin(plugins: list[Any], name: str) -> list[Any]:
    """`plugins` with `name` added at the end, unless it is there already."""
    return plugins if name in map(plugin_name, plugins) else [*plugins, name]


def project_resolution(mkdocs_yml: Path) -> Path:
    """The resolution file the project's mkdocs.yml builds (the plugin's `resolution` option)."""
    for entry in project_plugins(mkdocs_yml):
        if plugin_name(entry) == PLUGIN and isinstance(entry, dict):
            return mkdocs_yml.parent / (entry[PLUGIN] or {}).get("resolution", _default("resolution"))
    return mkdocs_yml.parent / _default("resolution")


def site_config(mkdocs_yml: Path, resolution: Path, *, site_url: str | None) -> dict[str, Any]:
    """The configuration, as YAML data, that builds `resolution` with the settings of `mkdocs_yml`.

    `site_url` is the published address; None leaves it to the data's `site.url`: the project's
    own address (site_url of mkdocs.yml, SITE_URL) is never inherited, since it is another
    resolution's."""
    plugins = project_plugins(mkdocs_yml)
    options: dict[str, Any] = {}
    for entry in plugins:
        if plugin_name(entry) == PLUGIN and isinstance(entry, dict):
            options = dict(entry[PLUGIN] or {})
    worker = mkdocs_yml.parent / options.get("iframe_worker", _default("iframe_worker"))
    ours = {
        PLUGIN: {
            **options,
            "resolution": resolution.name,
            "cache_dir": ".cache",
            "iframe_worker": str(worker.absolute()),
        }
    }
    plugins = [ours if plugin_name(entry) == PLUGIN else entry for entry in plugins]
    return {
        # NOTE: an absolute path: MkDocs reads INHERIT relative to the generated file.
        "INHERIT": str(mkdocs_yml.absolute()),
        "docs_dir": docs_dir(resolution).name,
        "site_url": site_url,
        "plugins": with_plugin(plugins, PLUGIN),
    }


def dump(config: dict[str, Any]) -> str:
    """A configuration as the text of a YAML file."""
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


@contextlib.contextmanager
def generated(
    mkdocs_yml: Path,
    resolution: Path,
    *,
    site_url: str | None,
    command: str,
    more_plugins: tuple[str, ...] = (),
) -> Iterator[Path]:
    """The configuration of `site_config` (with `more_plugins` added), written beside the
    resolution file for as long as the block runs; yields its path."""
    resolution = resolution.absolute()
    config = site_config(mkdocs_yml, resolution, site_url=site_url)
    for name in more_plugins:
        config["plugins"] = with_plugin(config["plugins"], name)
    # NOTE: MkDocs refuses a docs_dir that does not exist before the plugin can fill it.
    make_folder(docs_dir(resolution), "--resolution (a copy of the file in a folder you can write)")
    with config_beside(resolution, command, dump(config)) as path:
        yield path


def _default(option: str) -> str:
    """The default of one of the plugin's options (config.py)."""
    return getattr(ResolutionPluginConfig, option).default
