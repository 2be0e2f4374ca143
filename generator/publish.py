"""MkDocs hook steps for issue 5 that need the site's address or the built site: absolute URLs in
pages, QR codes (SVG) for every link target, alias redirects, and the A4 leaflet as a PDF.

content/ never holds the site's address (it is the same wherever the site is published); the
marker trainers.SITE_URL stands for it and is replaced here, in the HTML MkDocs produces.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from generator import paths, trainers
from generator.model import Resolution
from generator.pdf import html_to_pdf
from generator.qr import qr_svg
from generator.site import cache_dir
from generator.write import cached, write_atomic

LEAFLET_CSS = Path(__file__).with_name("theme") / "assets" / "stylesheets" / "nq-leaflet.css"
_ARTICLE = re.compile(r'(?s)<article class="md-content__inner md-typeset">(.*?)</article>')


def site_url(config: MkDocsConfig) -> str:
    """The published address with one final slash ("/" when none is configured)."""
    return (config.site_url or "/").rstrip("/") + "/"


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    """Put the site's address where the generator left its marker."""
    return html.replace(trainers.SITE_URL, site_url(config))


def on_post_build(config: MkDocsConfig, model: Resolution) -> None:
    """Write the QR codes, finish the redirect pages and print the leaflet to PDF, for `model`,
    the resolution this build's pages were generated from."""
    out = Path(config.site_dir)
    base = site_url(config)
    cache = cache_dir(config)
    targets = trainers.link_targets(model)
    for target in targets:
        _write_text(out / target.qr, qr_svg(base + target.url, cache / "qr") + "\n")
    for item in model.items:
        for alias in item.aliases:
            redirect = out / paths.projector_redirect(alias)
            if redirect.is_file():
                _write_text(redirect, redirect.read_text(encoding="utf-8").replace(trainers.SITE_URL, base))
    # NOTE: `to-roi/index.html` with directory URLs, `to-roi.html` in the offline build.
    leaflets = [out / paths.url(paths.LEAFLET) / "index.html",
                out / (paths.url(paths.LEAFLET).rstrip("/") + ".html")]
    leaflet = next((p for p in leaflets if p.is_file()), leaflets[0])
    if leaflet.is_file():
        document = leaflet_document(leaflet.read_text(encoding="utf-8"))
        # NOTE: the page's HTML and the CSS it inlines are all the PDF's inputs (its QR code is
        # an image the page names; the address is in the HTML), so they key the cache.
        pdf = cached(cache / "to-roi", document, "pdf",
                     lambda: html_to_pdf(document, base_url=str(leaflet)))
        _write_bytes(out / paths.LEAFLET_PDF, pdf)


def leaflet_document(page_html: str) -> str:
    """The leaflet page's article, alone in a document styled only for A4 paper."""
    match = _ARTICLE.search(page_html)
    body = match.group(1) if match else page_html
    css = LEAFLET_CSS.read_text(encoding="utf-8")
    return ("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tờ tóm tắt</title>"
            f"<style>{css}</style></head><body class=\"nq-leaflet-pdf\"><article class=\"md-typeset\">"
            f"{body}</article></body></html>")


def _write_text(target: Path, text: str) -> None:
    _write_bytes(target, text.encode("utf-8"))


def _write_bytes(target: Path, data: bytes) -> None:
    # NOTE: unchanged files are left alone so that `mkdocs serve` does not see a change.
    if target.is_file() and target.read_bytes() == data:
        return
    write_atomic(target, data)
