"""The stages joined: load -> check -> render -> write. Used by the CLI and the MkDocs plugin."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from generator import dates
from generator.check.validate import validate
from generator.errors import unwritable
from generator.load import source
from generator.model import Resolution
from generator.render.pages import render_site
from generator.write.cache import NO_CACHE, Cache
from generator.write.tree import SyncResult, plan_sync, sync_tree


@dataclass(frozen=True, slots=True)
class Generated:
    """What a generation made: the model, the build date it printed, what changed in content/."""

    model: Resolution
    date: datetime.date
    result: SyncResult


def load_resolution(path: Path, name: str | None = None) -> Resolution:
    """Read and validate a resolution file; raises InputError with every problem."""
    return validate(source.load(path, name))


def build(
    resolution: Path,
    out: Path,
    *,
    site_url: str,
    epoch: str | None = None,
    cache: Cache = NO_CACHE,
    check_only: bool = False,
    name: str | None = None,
) -> Generated:
    """Generate the content directory `out` from `resolution` for the site published at
    `site_url`, dated by `epoch` (SOURCE_DATE_EPOCH as given, or None: the data's date); with
    check_only, report differences and write nothing."""
    model = load_resolution(resolution, name or str(resolution))
    date = dates.build_date(model, epoch)
    files = render_site(
        model,
        site_url=site_url,
        date=date,
        source_name=resolution.name,
        templates_cache=cache.folder("jinja-generator"),
    )
    try:
        result = plan_sync(files, out) if check_only else sync_tree(files, out)
    except OSError as err:
        raise unwritable(out, err, "--out") from None
    return Generated(model, date, result)
