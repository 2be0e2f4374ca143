"""Links: every internal link and anchor of the built site resolves (no 404, no missing #id).

Reads every HTML file of the site (not only the audited page types), so a new page is covered
the moment it is built.
"""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.audit.server import resolve


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if tag in ("a", "link", "script", "img", "source", "iframe") and attrs.get(key):
                self.links.append(attrs[key])


@cache
def _parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def audit(site: Path, *, from_disk: bool = False) -> tuple[list[str], int]:
    """Broken internal links as 'page: link (why)', and how many links were checked. With
    `from_disk` (a site opened from file://), a link must name a file: a browser shows a folder's
    listing, not its index.html."""
    site = Path(site).resolve()
    _parse.cache_clear()
    broken, checked = [], 0
    for html in sorted(site.rglob("*.html")):
        page_url = "/" + html.relative_to(site).as_posix()
        for link in _parse(html).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:", "javascript:")):
                continue  # external: the privacy audit shows none is requested
            checked += 1
            target_url = urlsplit(urljoin(page_url, link))
            if (
                from_disk
                and parts.path
                and (parts.path.endswith("/") or (site / target_url.path.lstrip("/")).is_dir())
            ):
                broken.append(f"{page_url}: {link} (a folder, not a file)")
                continue
            target = resolve(site, target_url.path) if parts.path else html
            if target is None:
                broken.append(f"{page_url}: {link} (no such file)")
                continue
            fragment = unquote(target_url.fragment)
            # "#" alone and Material's "#__…" toggles point at the page itself, not at an anchor.
            if (
                fragment
                and not fragment.startswith("__")
                and target.suffix == ".html"
                and fragment not in _parse(target).ids
            ):
                broken.append(
                    f"{page_url}: {link} (no id {fragment!r} in /{target.relative_to(site).as_posix()})"
                )
    return broken, checked
