"""QR codes of URLs, made at build time by a library (segno): SVG for pages and handouts, a
sized data: URI for print margins, PNG for DOCX."""

from __future__ import annotations

import io

import segno


def _code(url: str) -> segno.QRCode:
    # NOTE: error level M survives a crumpled or photocopied handout.
    return segno.make(url, error="m", micro=False)


def qr_svg(url: str) -> str:
    """An SVG QR code that encodes `url` exactly; scalable (viewBox only), black on white.

    Valid as a standalone file and inline in HTML."""
    out = io.BytesIO()
    # NOTE: the quiet zone (border 4) is what phone scanners need to find the code on a busy page.
    _code(url).save(out, kind="svg", scale=1, border=4, xmldecl=False, omitsize=True,
                    dark="#000", light="#fff", title=f"Mã QR: {url}")
    return out.getvalue().decode("utf-8")


def qr_svg_data_uri(url: str, size_mm: float = 15) -> str:
    """A data: URI of the QR code as an SVG `size_mm` wide.

    @page margin boxes lay images out at their intrinsic size (in Chromium and WeasyPrint), so
    the SVG itself must carry the printed size.
    """
    code = _code(url)
    return code.svg_data_uri(border=0, scale=size_mm / code.symbol_size(border=0)[0], unit="mm")


def qr_png(url: str, scale: int = 6) -> bytes:
    """The QR code of `url` as PNG bytes (for documents that do not take SVG, e.g. DOCX)."""
    out = io.BytesIO()
    _code(url).save(out, kind="png", scale=scale, border=0)
    return out.getvalue()
