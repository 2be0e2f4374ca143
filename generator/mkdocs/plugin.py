"""The MkDocs plugin `nghi-quyet`: the site of one resolution.

Each event delegates to a stage: on_config generates content/ and the navigation from the
resolution (load -> check -> render -> write), on_post_build writes the files MkDocs does not
make (outputs -> write). The plugin's state lives on the instance, which MkDocs keeps for the
whole of `mkdocs serve` (the plugin has on_startup), so a broken edit keeps the last good site.
"""

from __future__ import annotations

import datetime
import json
import os
import sys
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator import dates, paths, pipeline, resources
from generator.errors import InputError
from generator.mkdocs import literal, serve
from generator.mkdocs.config import ResolutionPluginConfig, configured_site_url
from generator.mkdocs.plain_text import PlainTextExtension
from generator.mkdocs.raw_links import RawLinksExtension
from generator.model import Resolution
from generator.outputs.site import linked_paths, site_files
from generator.render.markdown import slugify
from generator.render.pages import nav
from generator.write.cache import Cache
from generator.write.compiled import TemplateCache
from generator.write.tree import write_files

# The offline build's search worker shim, at this path in the built site.
SHIM = "assets/javascripts/iframe-worker/shim.js"


class WrittenAfterBuild(File):
    """A file of the site that on_post_build writes (a QR code, a download, the leaflet PDF),
    named to MkDocs so that it checks and writes the pages' links to it. MkDocs copies nothing
    for it: an empty placeholder written now and overwritten after the build would cost a file
    of the site written twice, and `mkdocs serve` would see each one change twice."""

    def copy_file(self, dirty: bool = False) -> None:
        """Nothing to copy: the write stage writes the file after the build."""


class ResolutionPlugin(BasePlugin[ResolutionPluginConfig]):
    """Builds the site of the resolution named by the `resolution` option."""

    def __init__(self) -> None:
        self.command = "build"
        self.user_epoch: str | None = None  # SOURCE_DATE_EPOCH as the user gave it, if at all
        self.resolution = Path("resolution.yaml")
        self.cache = Cache(None)
        self.site_url = "/"
        self.model: Resolution | None = None  # the last good resolution
        self.date: datetime.date | None = None
        self.last_good_nav: list | None = None
        self.leaflet: tuple[str, str] | None = None  # (site path, HTML) of the built leaflet page

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is `mkdocs serve` (keep serving on bad input) or a build (fail)."""
        self.command = command
        self.user_epoch = os.environ.get(dates.EPOCH_ENV)

    # NOTE: before the offline plugin's on_config (priority 0), which adds a CDN's shim to the
    # polyfills unless one is named already.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Generate content/ and the navigation from the resolution."""
        root = Path(config.config_file_path or ".").resolve().parent
        self.resolution = root / self.config.resolution
        self.cache = Cache(root / self.config.cache_dir)
        _configure(config)
        try:
            generated = self._generate(config)
        except InputError as err:
            config.nav = self._keep_last_good(err)
        else:
            self.model, self.date, self.site_url = generated.model, generated.date, generated.site_url
            config.nav = self.last_good_nav = nav(generated.model)
            if self.user_epoch is None:
                # NOTE: MkDocs dates the sitemap by this variable, read later in the same build;
                # the data's date keeps two builds of the same data byte-identical, on any day.
                os.environ[dates.EPOCH_ENV] = str(dates.source_date_epoch(generated.model))
        self._name_site(config, serving=self.command == "serve")
        return config

    def _generate(self, config: MkDocsConfig) -> pipeline.Generated:
        """content/ from the resolution (load -> check -> render -> write)."""
        serving = self.command == "serve"
        return pipeline.build(
            self.resolution,
            Path(config.docs_dir),
            site_url=configured_url(config, serving=serving),
            # NOTE: serve's own address, only when neither the configuration nor the data has one.
            fallback_url=config.site_url if serving else None,
            epoch=self.user_epoch,
            cache=self.cache,
            name=_shown(self.resolution),
        )

    def _keep_last_good(self, err: InputError) -> list:
        """Under `mkdocs serve` after a good build: print the problems and keep the last good
        navigation (and site). Otherwise stop the build with every problem listed."""
        header = f"{_shown(self.resolution)} có lỗi; chưa tạo trang nào"
        if self.command != "serve" or self.last_good_nav is None:
            raise PluginError(f"{header}:\n{err.report()}") from None
        # NOTE: printed, not logged: a logged error would abort a --strict serve, and the point is
        # to keep the last good site in the browser while the file is fixed.
        print(
            f"ERROR    -  {header}; trang web vẫn hiện phiên bản đúng gần nhất:\n{err.report()}",
            file=sys.stderr,
            flush=True,
        )
        return self.last_good_nav

    def _name_site(self, config: MkDocsConfig, *, serving: bool) -> None:
        """The site's name, description and address from the last good resolution: mkdocs.yml
        names no resolution, so that one configuration builds the site of any."""
        if self.model is None:
            return
        # NOTE: escaped, as titles are (literal.py): the theme prints them with autoescape off, and
        # a name made from the data's number or subject is the data's text.
        config.site_name = literal.literal(self.model.site.name)
        config.site_description = literal.literal(self.model.site.description)
        if serving or (config.site_url is None and self.site_url != "/"):
            config.site_url = self.site_url  # canonical links and the sitemap, as published

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Name the files written after the build (MkDocs writes nothing for them), so that MkDocs
        checks the pages' links to them and writes those links for the site's layout, as it does
        for links between pages; offline, add the search worker shim."""
        for path in linked_paths(self.model) if self.model is not None else ():
            files.append(WrittenAfterBuild.generated(config, path, content=b""))
        if _offline(config):
            files.append(self._shim(config))
        return files

    def _shim(self, config: MkDocsConfig) -> File:
        """The search worker shim from the npm package, not from a CDN (the offline build)."""
        package = Path(config.config_file_path or ".").resolve().parent / self.config.iframe_worker
        source = package / "shim" / "index.js"
        if not source.is_file():
            raise PluginError(f"{source} is missing: run `make node_modules` (npm ci)")
        version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
        config.extra["iframe_worker_version"] = version
        return File.generated(config, SHIM, abs_src_path=str(source))

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Keep the theme's compiled templates from one build to the next (MkDocs makes a new
        environment for every build, and `mkdocs serve` builds on every save)."""
        folder = self.cache.folder("jinja-theme")
        if folder is not None:
            env.bytecode_cache = TemplateCache(env, folder)
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Navigation labels from the data stay text (see literal.py)."""
        literal.escape_nav(nav.items)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Titles and descriptions from the data stay text (see literal.py)."""
        literal.escape_meta(page)
        return markdown

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Keep the built leaflet page: its PDF is printed from it after the build."""
        if page.file.src_uri == paths.LEAFLET:
            self.leaflet = (page.file.dest_uri, output)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the files MkDocs does not make into the built site."""
        if self.model is None or self.date is None:
            return  # the first build failed: there is no site to finish
        files = site_files(
            self.model, site_url=self.site_url, date=self.date, cache=self.cache, leaflet=self.leaflet
        )
        write_files(Path(config.site_dir), files)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        """Rebuild when the resolution or a template changes; not when content/ does."""
        serve.watch(server, config, self.resolution)
        return server


def configured_url(config: MkDocsConfig, *, serving: bool) -> str | None:
    """The address the configuration gives the site (SITE_URL applied), or None.

    NOTE: under `mkdocs serve` the preview is the site as it will be published: MkDocs puts its
    own address in site_url before any plugin runs, so the configured one is read from the
    configuration file. QR codes, canonical links and the checklists' downloads then name the
    public address, and the downloads come from the cache `make site` filled."""
    if serving:
        return configured_site_url(Path(config.config_file_path)) if config.config_file_path else None
    return config.site_url


def _configure(config: MkDocsConfig) -> None:
    """What every site of a resolution needs of MkDocs: our theme folder in front of Material's,
    heading anchors that keep "đ" as "d", citations without glossary marks, links in raw HTML
    checked and written by MkDocs (raw_links.py), and in the offline
    build the local search worker shim among the polyfills."""
    if str(resources.THEME) not in config.theme.dirs:
        config.theme.dirs.insert(0, str(resources.THEME))
    config.mdx_configs.setdefault("toc", {}).setdefault("slugify", slugify)
    if "toc" not in config.markdown_extensions:
        config.markdown_extensions.append("toc")
    config.markdown_extensions.append(PlainTextExtension())
    config.markdown_extensions.append(RawLinksExtension())
    if _offline(config):
        config.extra["polyfills"] = _polyfills(config.extra.get("polyfills") or [])


def _offline(config: MkDocsConfig) -> bool:
    """Whether Material's offline plugin is on in this build."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return plugin is not None and bool(getattr(plugin, "config", {}).get("enabled", True))


def _polyfills(polyfills: list[str]) -> list[str]:
    """The local shim among the polyfills; refuse any polyfill from another server."""
    remote = [p for p in polyfills if "://" in p]
    if remote:
        raise PluginError(f"offline build: polyfills from another server: {remote}")
    return polyfills if SHIM in polyfills else [*polyfills, SHIM]


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
