"""The build date: never the clock, so that two builds of the same data are byte-identical.

`SOURCE_DATE_EPOCH` (the reproducible-builds convention, which MkDocs reads to date the sitemap)
wins when the user sets it; otherwise the data's own latest date. Only the entry points (the
CLI, the MkDocs plugin) read the environment; every renderer is given the date as an argument.
"""

from __future__ import annotations

import calendar
import datetime

from generator.model import Resolution

EPOCH_ENV = "SOURCE_DATE_EPOCH"


def source_date_epoch(model: Resolution) -> int:
    """The data's own date as seconds since 1970 (midnight UTC of its latest date)."""
    dates = [model.document.date, *(e.date for e in model.status.history)]
    latest = max(dates + ([model.source.date] if model.source else []))
    return calendar.timegm(latest.timetuple())


def build_date(model: Resolution, epoch: str | None) -> datetime.date:
    """The date printed on what the build makes: `epoch` (SOURCE_DATE_EPOCH as the user gave it,
    or None) when it is a number of seconds, else the data's own latest date."""
    seconds = int(epoch.strip()) if epoch and epoch.strip().isdigit() else source_date_epoch(model)
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).date()
