"""The only place where output paths and links are made, from stable ids and numbers.

Paths are relative to the content directory; MkDocs turns `x/y.md` into the URL `x/y/`.
These URLs are printed in handouts: changing one breaks a published link.
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath

from generator.model import Item, Section

HOME = "index.md"
FULL_TEXT = "nghi-quyet.md"
ABOUT = "gioi-thieu.md"
MANIFEST = ".generated"
GLOSSARY = "thuat-ngu.md"
CITIZENS = "nguoi-dan.md"


def section_page(section: Section) -> str:
    """`bien-phap/index.md`: the section's list of items."""
    return f"{section.id}/index.md"


def item_page(item: Item) -> str:
    """`bien-phap/3.md`: one page per item, by its section and number; `dieu-4a.md` for an article
    of the official layout, by its number (chapters are left out: articles are numbered through
    the whole document, and a trainer's link must not depend on the chapter)."""
    if item.is_article:
        return f"dieu-{str(item.number).lower()}.md"
    return f"{item.section_id}/{item.number}.md"


def with_slash(url: str | None) -> str:
    """The site's address with one final slash ("/" when none is set)."""
    return (url or "/").rstrip("/") + "/"


def url(page: str) -> str:
    """The site-relative URL of a page: `bien-phap/3.md` -> `bien-phap/3/`, `index.md` -> ``."""
    stem = page[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem + "/"


def link(here: str, target: str, anchor: str | None = None) -> str:
    """A relative Markdown link from page `here` to page `target` (MkDocs checks it in strict mode)."""
    rel = posixpath.relpath(target, posixpath.dirname(here) or ".")
    return f"{rel}#{anchor}" if anchor else rel


# -- pages for trainers and reusers (issue 5); their URLs are published too ----------------------

TRAINERS = "giang-vien.md"
COLLECTION = "tap-hop.md"
LEAFLET = "to-roi.md"
LEAFLET_PDF = "to-roi/nghi-quyet-to-roi.pdf"  # written into the site after the build
PROJECTOR_DIR = "trinh-chieu"


def projector_page(item: Item) -> str:
    """`trinh-chieu/bien-phap-3.md`: one item on a projector, by its id."""
    return f"{PROJECTOR_DIR}/{item.id}.md"


def projector_redirect(alias: str) -> str:
    """`trinh-chieu/<old id>/index.html`: a static page that sends an old id to its item."""
    return f"{PROJECTOR_DIR}/{alias}/index.html"


def qr_file(page: str, anchor: str | None = None) -> str:
    """`qr/bien-phap-3.svg`: the QR code of a page (and anchor), named after its URL."""
    name = (url(page).strip("/").replace("/", "-") or "trang-chu") + (f"--{anchor}" if anchor else "")
    return f"qr/{name}.svg"


CHECKLISTS = "bang-kiem/index.md"


def checklist_page(unit) -> str:
    """`bang-kiem/xa-phuong-thi-tran.md`: the bảng kiểm of one unit type (URL /bang-kiem/<id>/)."""
    return f"bang-kiem/{unit.id}.md"


# The aggregation of many units' exported checklists (/bang-kiem/tong-hop/), and the JSON Schema
# of an exported checklist: a unit type's id may not be the page's name (`tong-hop`, `index`).
AGGREGATE = "bang-kiem/tong-hop.md"
EXPORT_SCHEMA = "bang-kiem/schema.json"
RESERVED_UNIT_IDS = frozenset({"tong-hop", "index"})


def checklist_download(unit, ext: str) -> str:
    """`bang-kiem/<id>/bang-kiem-<id>.pdf`: a download, in the site beside the checklist page."""
    return f"bang-kiem/{unit.id}/bang-kiem-{unit.id}.{ext}"


# The first parts of addresses the site uses for itself (its pages, downloads, MkDocs' own
# folders): a section or chapter id names a folder at the top of the site, so it must be none of
# these, nor an article's page (`dieu-4`).
OWN_FOLDERS = frozenset(
    {
        *(
            PurePosixPath(page).parts[0].removesuffix(".md")
            for page in (
                HOME,
                FULL_TEXT,
                ABOUT,
                GLOSSARY,
                CITIZENS,
                TRAINERS,
                COLLECTION,
                LEAFLET,
                LEAFLET_PDF,
                CHECKLISTS,
            )
        ),
        PROJECTOR_DIR,
        "qr",
        "assets",
        "search",
        "404",
        "sitemap.xml",
    }
)


def claims_own_address(section_id: str) -> str | None:
    """The address a section or chapter id would take from the site's own pages, if it would."""
    if section_id in OWN_FOLDERS or section_id.startswith("dieu-"):
        return f"/{section_id}/"
    return None
