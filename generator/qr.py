"""QR codes as SVG, made at build time by a library (segno), for printed handouts."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str) -> str:
    """An SVG QR code that encodes `url` exactly; scalable (viewBox only), black on white."""
    # NOTE: error level M survives a crumpled or photocopied handout; the quiet zone (border 4)
    # is what phone scanners need to find the code on a busy page.
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=1, border=4, xmldecl=False, omitsize=True,
              dark="#000", light="#fff", title=url)
    return out.getvalue().decode("utf-8")
