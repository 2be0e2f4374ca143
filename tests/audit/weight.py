"""Weight of each page type's first load (cold cache), as gzip on the wire, and the search index.

Every request until the network is idle is mapped back to its file in the built site and sized
as the audit server sends it (gzip -9 for text). "Ours" is CSS and JS that is not one of
Material's own files: our stylesheets and scripts, whatever their name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import material

from tests.audit.browser import PHONE, chromium
from tests.audit.server import gzip_size, resolve

MATERIAL = Path(material.__file__).parent / "templates"
KINDS = ("html", "css", "js", "font", "img", "other", "search")


@dataclass
class Load:
    """What one page's first load fetched, in bytes of gzip per kind."""

    page: str
    sizes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    own: int = 0  # our CSS and JS
    requests: int = 0

    @property
    def total(self) -> int:
        """HTML, CSS, JS, fonts, images and anything else: the search worker and index apart."""
        return sum(v for k, v in self.sizes.items() if k != "search")


def _kind(url_path: str, resource_type: str) -> str:
    if "/workers/" in url_path or "/lunr/" in url_path or url_path.endswith("search_index.json"):
        return "search"
    if url_path.endswith((".png", ".svg", ".ico", ".jpg", ".jpeg", ".webp", ".gif")):
        return "img"
    return {"document": "html", "stylesheet": "css", "script": "js", "font": "font", "image": "img"}.get(
        resource_type, "other"
    )


def is_material(site: Path, file: Path) -> bool:
    """Whether a built file is one of Material's (same path, same bytes as in the package)."""
    theirs = MATERIAL / file.relative_to(site)
    return theirs.is_file() and theirs.read_bytes() == file.read_bytes()


def audit(base_url: str, site: Path, pages) -> list[Load]:
    """The first load of each page type."""
    site = Path(site).resolve()
    loads = []
    with chromium() as context:
        for page_type in pages:
            page = context.new_page()
            page.set_viewport_size(PHONE)
            seen: dict[str, str] = {}
            page.on("request", lambda r, seen=seen: seen.setdefault(r.url.split("#")[0], r.resource_type))
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            page.goto(base_url + page_type.path, wait_until="networkidle")
            load = Load("/" + page_type.path, requests=len(seen))
            for url, resource_type in seen.items():
                if not url.startswith(base_url):
                    continue
                path = urlsplit(url).path
                file = resolve(site, path) or site / "404.html"
                kind = _kind(path, resource_type)
                size = gzip_size(file)
                load.sizes[kind] += size
                if kind in ("css", "js") and not is_material(site, file):
                    load.own += size
            loads.append(load)
            page.close()
    return loads


def search_index(site: Path) -> tuple[int, int]:
    """The search index, raw and gzip, in bytes."""
    index = Path(site) / "search" / "search_index.json"
    return index.stat().st_size, gzip_size(index)
