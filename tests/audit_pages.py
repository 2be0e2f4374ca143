"""The page types every audit visits (axe, privacy, links, weight, Lighthouse): the ONE list.

A new kind of page joins every audit by adding a line here. `lighthouse` marks the few pages
Lighthouse scores (it takes ~15 s a run, so `make test` keeps it to three); `weight_kb` and
`own_kb` are first-load budgets in KiB of gzip (None: printed, not asserted).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    """One kind of page: a name for the tables, its path on the site, what is checked on it."""

    name: str
    path: str  # relative to the site root, "" for the home page
    lighthouse: bool = False
    weight_kb: float | None = None  # whole first load (HTML + CSS + JS + fonts + images), gzip
    own_kb: float | None = None  # our own CSS and JS of that load, gzip
    search: bool = True  # the page has Material's search box to open and use


PAGES: tuple[PageType, ...] = (
    PageType("home", "", lighthouse=True),
    PageType("full text", "nghi-quyet/"),
    PageType("item", "bien-phap/3/", lighthouse=True, weight_kb=90, own_kb=15),
    PageType("section", "bien-phap/"),
    PageType("about", "gioi-thieu/"),
    PageType("404", "khong-co-trang-nay/"),
)
