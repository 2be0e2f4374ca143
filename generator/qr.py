"""QR codes of URLs, as SVG, for printed pages (so that a paper copy can be found online)."""

from __future__ import annotations

import segno


def qr_svg(url: str) -> str:
    """An inline SVG element of the QR code of `url` (scales with CSS; titled with the URL)."""
    return segno.make(url, error="m", micro=False).svg_inline(
        border=0, omitsize=True, title=f"Mã QR: {url}")


def qr_svg_data_uri(url: str, size_mm: float = 15) -> str:
    """A data: URI of the QR code as an SVG `size_mm` wide.

    @page margin boxes lay images out at their intrinsic size (in Chromium and WeasyPrint), so
    the SVG itself must carry the printed size.
    """
    code = segno.make(url, error="m", micro=False)
    return code.svg_data_uri(border=0, scale=size_mm / code.symbol_size(border=0)[0], unit="mm")


def qr_png(url: str, scale: int = 6) -> bytes:
    """The QR code of `url` as PNG bytes (for documents that do not take SVG, e.g. DOCX)."""
    import io

    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=scale, border=0)
    return out.getvalue()
