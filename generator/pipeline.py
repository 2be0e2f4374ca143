"""The stages joined: load -> check -> render -> write. Used by the CLI and the MkDocs plugin."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from generator import dates, paths
from generator.check.validate import validate
from generator.errors import unwritable
from generator.load import source
from generator.model import Resolution
from generator.render.pages import render_site
from generator.write.cache import NO_CACHE, Cache
from generator.write.tree import SyncResult, plan_sync, sync_tree


@dataclass(frozen=True, slots=True)
class Generated:
    """What a generation made: the model, the build date and the site's address it printed,
    what changed in content/."""

    model: Resolution
    date: datetime.date
    site_url: str
    result: SyncResult


def load_resolution(path: Path, name: str | None = None) -> Resolution:
    """Read and validate a resolution file; raises InputError with every problem."""
    return validate(source.load(path, name))


def site_address(model: Resolution, given: str | None, fallback: str | None = None) -> str:
    """The address the site is published at, with one final slash: the one the build was given
    (`site_url` of the configuration, --site-url), else the data's `site.url`, else `fallback`
    (`mkdocs serve`'s own address), else "/"."""
    return paths.with_slash(given or model.site.url or fallback)


def build(
    resolution: Path,
    out: Path,
    *,
    site_url: str | None,
    fallback_url: str | None = None,
    epoch: str | None = None,
    cache: Cache = NO_CACHE,
    check_only: bool = False,
    name: str | None = None,
) -> Generated:
    """Generate the content directory `out` from `resolution` for the site published at
    `site_url` (see site_address), dated by `epoch` (SOURCE_DATE_EPOCH as given, or None: the
    data's date); with check_only, report differences and write nothing."""
    model = load_resolution(resolution, name or str(resolution))
    date = dates.build_date(model, epoch)
    address = site_address(model, site_url, fallback_url)
    files = render_site(
        model,
        site_url=address,
        date=date,
        source_name=resolution.name,
        templates_cache=cache.folder("jinja-generator"),
        cache=cache,
    )
    try:
        result = plan_sync(files, out) if check_only else sync_tree(files, out)
    except OSError as err:
        raise unwritable(out, err, "--out") from None
    return Generated(model, date, address, result)
