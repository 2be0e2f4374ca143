"""MkDocs integration: regenerate the content directory from the resolution before every build.

`mkdocs build` and `mkdocs serve` both run it (through generator/mkdocs_hook.py), so the site
is never built from stale Markdown; under `mkdocs serve` the resolution and the templates are
watched too, so an edit to the data shows in the browser without a restart.

A broken edit under `mkdocs build` stops the build with every problem listed. Under
`mkdocs serve` the problems are printed and the last good version keeps being served, so the
editor can fix the file and see the result without restarting anything.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from generator import compiled, literal, pipeline, render, search, sitebuild
from generator.errors import InputError

# The resolution is `resolution.yaml` beside mkdocs.yml unless NQ_RESOLUTION names another file.
RESOLUTION_ENV = "NQ_RESOLUTION"
# How often `mkdocs serve` looks at the resolution and the templates for a change.
WATCH_POLL_SECONDS = 0.1


class _Session:
    """What must outlive one build: MkDocs re-imports the hook file for every rebuild of
    `mkdocs serve`, but this module is imported once."""

    command: str = "build"
    last_good_nav: list | None = None
    model = None  # the last good Resolution, for the checklists' footers, downloads and search
    # SOURCE_DATE_EPOCH as the user gave it; without one, each build sets it from the data.
    user_epoch: str | None = None


def resolution_path(config: MkDocsConfig) -> Path:
    """The resolution file this site is built from."""
    if os.environ.get(RESOLUTION_ENV):
        return Path(os.environ[RESOLUTION_ENV]).resolve()
    return Path(config.config_file_path).resolve().parent / "resolution.yaml"


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve` (keep serving on bad input) or a build (fail)."""
    _Session.command = command
    _Session.last_good_nav = None
    _Session.model = None
    _Session.user_epoch = os.environ.get(sitebuild.EPOCH_ENV)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Generate the content directory and the navigation from the resolution."""
    source = resolution_path(config)
    search.configure(config)
    if _Session.command == "serve":
        # NOTE: the preview is the site as it will be published: its QR codes, canonical links and
        # checklist downloads carry the public address, not serve's own, so the PDFs and DOCX
        # come from the cache `make site` filled instead of being made again for 127.0.0.1.
        config.site_url = _published_url(config) or config.site_url
    try:
        model, _ = pipeline.build(source, Path(config.docs_dir), name=_shown(source))
    except InputError as err:
        header = f"{_shown(source)} has problems; nothing was generated"
        if _Session.command == "serve" and _Session.last_good_nav is not None:
            # NOTE: printed, not logged: a logged error would abort a --strict serve, and the
            # point is to keep the last good site in the browser while the file is fixed.
            print(f"ERROR    -  {header}; still serving the last good version:\n{err.report()}",
                  file=sys.stderr, flush=True)
            config.nav = _Session.last_good_nav
            return config
        raise PluginError(f"{header}:\n{err.report()}") from None
    config.nav = _Session.last_good_nav = render.nav(model)
    _Session.model = model
    if _Session.user_epoch is None:
        # NOTE: MkDocs dates the sitemap by this variable, read later in the same build; the
        # data's date keeps two builds of the same data byte-identical, on any day.
        os.environ[sitebuild.EPOCH_ENV] = str(sitebuild.source_date_epoch(model))
    return config


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files) -> jinja2.Environment:
    """Keep the theme's compiled templates from one build to the next (MkDocs makes a new
    environment for every build, and `mkdocs serve` builds on every save)."""
    env.bytecode_cache = compiled.TemplateCache(env, cache_dir(config) / "jinja-theme")
    return env


def cache_dir(config: MkDocsConfig) -> Path:
    """The project's cache of slow outputs (PDF, DOCX, QR codes, compiled templates), beside
    mkdocs.yml; git-ignored."""
    return Path(config.config_file_path).resolve().parent / ".cache"


def _published_url(config: MkDocsConfig) -> str | None:
    """site_url as mkdocs.yml gives it (SITE_URL applied): `mkdocs serve` puts its own address
    in its place before any hook runs."""
    from mkdocs.utils.yaml import yaml_load

    with open(config.config_file_path, "rb") as f:
        return yaml_load(f).get("site_url")


def on_nav(nav, *, config: MkDocsConfig, files):
    """Navigation labels from the data stay text (see generator/literal.py)."""
    literal.escape_nav(nav.items)
    return nav


def on_page_markdown(markdown: str, *, page, config: MkDocsConfig, files) -> str:
    """Titles and descriptions from the data stay text (see generator/literal.py)."""
    literal.escape_meta(page)
    return markdown


def on_serve(server, config: MkDocsConfig, builder):
    """Rebuild when the resolution or a template changes; not when content/ does.

    content/ is this hook's output: every rebuild the data sets off rewrites files there, and
    `mkdocs serve`, which watches it, would then build the whole site a second time for nothing
    (and reload the browser twice). Its inputs are watched instead; a hand edit in content/ is
    overwritten by the next build anyway."""
    server.unwatch(config.docs_dir)
    # NOTE: MkDocs polls what it watches every 0.5 s: a quarter of a second of every save's round
    # trip on average. A watch takes the observer's interval when it is added, and a file is
    # watched through its folder, which the resolution shares with mkdocs.yml (watched before
    # this hook runs), so mkdocs.yml's watch is added again after the interval is shortened. The
    # folders polled are small (the project's top level, the templates), cheap to look at ten
    # times a second. `_timeout` is watchdog's own (pinned in requirements.txt); without it the
    # default stays, which is only slower.
    observer = getattr(server, "observer", None)
    if observer is not None and hasattr(observer, "_timeout"):
        observer._timeout = min(observer._timeout, WATCH_POLL_SECONDS)
        if config.config_file_path:
            server.unwatch(config.config_file_path)
            server.watch(config.config_file_path)
    server.watch(str(resolution_path(config)))
    server.watch(str(render.TEMPLATES))
    return server


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def on_post_page(output: str, *, page, config: MkDocsConfig) -> str:
    """Checklist pages get their footer (source, version, date, URL, QR) for print and screen."""
    if not (page.meta.get("checklist") and _Session.model is not None):
        return output
    from generator import downloads

    url = page.canonical_url or page.abs_url or ""
    lines = downloads.footer_lines(_Session.model, url, downloads.build_date(_Session.model))
    return downloads.inject(output, lines, url)


def built_model():
    """The resolution the current build's pages come from: this build's, or under `mkdocs serve`
    after a broken edit the last good one; None before any good build."""
    return _Session.model


def on_post_build(*, config: MkDocsConfig) -> None:
    """Give the built search its glossary; write each checklist's PDF and DOCX into the built
    site (cached by their inputs)."""
    if _Session.model is None:
        return
    from generator import downloads

    search.write_glossary(Path(config.site_dir), _Session.model)
    site_url = config.site_url or "/"
    downloads.write_downloads(_Session.model, Path(config.site_dir), site_url, cache_dir(config) / "bang-kiem",
                              downloads.build_date(_Session.model))
