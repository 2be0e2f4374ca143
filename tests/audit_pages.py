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
    search: bool = True  # the page has Material's header (search box, menu drawer) to open and use


PAGES: tuple[PageType, ...] = (
    PageType("home", "", lighthouse=True),
    PageType("full text", "nghi-quyet/"),
    PageType("item", "bien-phap/3/", lighthouse=True, weight_kb=90, own_kb=15),
    PageType("section", "bien-phap/"),
    PageType("about", "gioi-thieu/"),
    PageType("checklists", "bang-kiem/"),
    PageType("checklist: state agency", "bang-kiem/co-quan-nha-nuoc/"),
    PageType("checklist: public service unit", "bang-kiem/don-vi-su-nghiep-cong-lap/"),
    PageType("checklist: employer", "bang-kiem/to-chuc-co-su-dung-lao-dong/"),
    PageType("checklist: commune", "bang-kiem/xa-phuong-thi-tran/", lighthouse=True),
    PageType("checklists: aggregation", "bang-kiem/tong-hop/"),
    PageType("glossary", "thuat-ngu/"),
    PageType("for citizens", "nguoi-dan/"),
    PageType("trainers", "giang-vien/"),
    PageType("leaflet", "to-roi/"),
    PageType("collection", "tap-hop/"),
    # The projector view hides the site's header on purpose: nothing else on screen.
    PageType("projector", "trinh-chieu/bien-phap-3/", search=False),
    PageType("404", "khong-co-trang-nay/"),
)
