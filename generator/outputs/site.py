"""Every file of the built site that MkDocs does not make: checklist downloads, QR codes, the
leaflet PDF and the search additions, as {site path: bytes} from the model, the site's address
and the build date (and the built leaflet page, for the PDF printed from it). The write stage
writes them (write/tree.write_files)."""

from __future__ import annotations

import datetime

from generator import paths
from generator.model import Resolution
from generator.outputs.checklists import checklist_files, download_paths
from generator.outputs.codes import qr_files, qr_paths
from generator.outputs.leaflet import leaflet_files
from generator.outputs.search import language_file
from generator.write.cache import Cache


def linked_paths(model: Resolution) -> list[str]:
    """The paths of the files above that pages link to (QR codes, downloads, the leaflet PDF),
    known before the build: the plugin names them to MkDocs, which then checks the links to them
    and writes each link for the site's layout, as it does for links between pages."""
    return [*qr_paths(model), *download_paths(model), paths.LEAFLET_PDF]


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
