"""QR codes of URLs, made at build time by a library (segno): SVG for pages and handouts, a
sized data: URI for print margins, PNG for DOCX. The SVG and the data: URI are kept in the
cache by their URL: encoding a URL costs about 5 ms (segno tries every mask in Python), and
every build of the site asks for the same ones."""

from __future__ import annotations

import functools
import hashlib
import io
from pathlib import Path

import segno

from generator.write.cache import NO_CACHE, Cache

# Everything the SVG of a URL depends on besides the URL and the library's version (which the
# cache adds to every key): this file, with the options below.
CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


@functools.lru_cache(maxsize=4096)
def _code(url: str) -> segno.QRCode:
    # NOTE: encoding is the slow part (about 10 ms a code: segno tries every mask in Python); a
    # build asks for the same URL in several forms, and `mkdocs serve` for all of them again
    # on every save, so each URL is encoded once per process.
    # NOTE: error level M survives a crumpled or photocopied handout.
    return segno.make(url, error="m", micro=False)


def qr_svg(url: str, cache: Cache = NO_CACHE) -> str:
    """An SVG QR code that encodes `url` exactly; scalable (viewBox only), black on white.

    Valid as a standalone file and inline in HTML."""
    return cache.get("qr", f"svg\n{CODE}\n{url}", "svg", functools.partial(_svg, url)).decode("utf-8")


def _svg(url: str) -> bytes:
    out = io.BytesIO()
    # NOTE: the quiet zone (border 4) is what phone scanners need to find the code on a busy page.
    _code(url).save(
        out,
        kind="svg",
        scale=1,
        border=4,
        xmldecl=False,
        omitsize=True,
        dark="#000",
        light="#fff",
        title=f"Mã QR: {url}",
    )
    return out.getvalue()


def qr_svg_data_uri(url: str, size_mm: float = 15, cache: Cache = NO_CACHE) -> str:
    """A data: URI of the QR code as an SVG `size_mm` wide.

    @page margin boxes lay images out at their intrinsic size (in Chromium and WeasyPrint), so
    the SVG itself must carry the printed size.
    """
    key = f"data-uri\n{CODE}\n{size_mm!r}\n{url}"
    return cache.get("qr", key, "txt", functools.partial(_data_uri, url, size_mm)).decode("ascii")


def _data_uri(url: str, size_mm: float) -> bytes:
    code = _code(url)
    scale = size_mm / code.symbol_size(border=0)[0]
    return code.svg_data_uri(border=0, scale=scale, unit="mm").encode("ascii")


def qr_png(url: str, scale: int = 6) -> bytes:
    """The QR code of `url` as PNG bytes (for documents that do not take SVG, e.g. DOCX)."""
    out = io.BytesIO()
    _code(url).save(out, kind="png", scale=scale, border=0)
    return out.getvalue()
