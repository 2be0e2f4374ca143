"""The A4 leaflet as a PDF, printed from the leaflet page MkDocs built (its HTML is an argument)
with the leaflet's print stylesheet and the QR code the page shows."""

from __future__ import annotations

import re

from generator import paths, resources
from generator.outputs.pdf import html_to_pdf
from generator.write.cache import Cache

LEAFLET_CSS = resources.STYLESHEETS / "nq-leaflet.css"
_ARTICLE = re.compile(r'(?s)<article class="md-content__inner md-typeset">(.*?)</article>')


def leaflet_document(page_html: str) -> str:
    """The leaflet page's article, alone in a document styled only for A4 paper."""
    match = _ARTICLE.search(page_html)
    body = match.group(1) if match else page_html
    css = LEAFLET_CSS.read_text(encoding="utf-8")
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tờ tóm tắt</title>'
        f'<style>{css}</style></head><body class="nq-leaflet-pdf"><article class="md-typeset">'
        f"{body}</article></body></html>"
    )


def leaflet_files(page_html: str, *, page: str, files: dict[str, bytes], cache: Cache) -> dict[str, bytes]:
    """{LEAFLET_PDF: the PDF} from the built leaflet page's HTML, found at site path `page`
    (`to-roi/index.html`, or `to-roi.html` in the offline build); `files` holds the images it
    shows (its QR code)."""
    document = leaflet_document(page_html)
    shown = {path: data for path, data in files.items() if path.rsplit("/", 1)[-1] in document}
    # NOTE: the document (the page's article, the CSS it inlines, the address it names) and the
    # images it shows are all the PDF's inputs, so they key the cache.
    key = "\0".join([document, page, *(f"{p}\0{shown[p].decode('utf-8')}" for p in sorted(shown))])
    pdf = cache.get("to-roi", key, "pdf", lambda: html_to_pdf(document, shown, page))
    return {paths.LEAFLET_PDF: pdf}
