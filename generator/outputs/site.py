"""Every file of the built site that MkDocs does not make: checklist downloads, QR codes, the
leaflet PDF and the search additions, as {site path: bytes} from the model, the site's address
and the build date (and the built leaflet page, for the PDF printed from it). The write stage
writes them (write/tree.write_files)."""

from __future__ import annotations

import datetime

from generator.model import Resolution
from generator.outputs.checklists import checklist_files
from generator.outputs.codes import qr_files
from generator.outputs.leaflet import leaflet_files
from generator.outputs.search import language_file
from generator.write.cache import Cache


def site_files(
    model: Resolution, *, site_url: str, date: datetime.date, cache: Cache, leaflet: tuple[str, str] | None
) -> dict[str, bytes]:
    """The files above; `leaflet` is (site path, HTML) of the built leaflet page, if built."""
    files = {
        **language_file(model),
        **qr_files(model, site_url=site_url, cache=cache),
        **checklist_files(model, site_url=site_url, date=date, cache=cache),
    }
    if leaflet is not None:
        page, html = leaflet
        files.update(leaflet_files(html, page=page, files=files, cache=cache))
    return files
