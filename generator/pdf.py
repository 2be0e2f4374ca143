"""HTML -> PDF with WeasyPrint, at build time, reproducibly.

WeasyPrint needs Pango (Debian: libpango-1.0-0, libpangoft2-1.0-0, listed in .ci/system-deps)
and the fonts the CSS names (fonts-liberation2 has the Vietnamese glyphs of Liberation Serif;
Debian 12's fonts-liberation does not). Fonts are embedded, subset.
"""

from __future__ import annotations

import logging


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """The PDF of a complete HTML document (its CSS @page rules decide the paper and margins).

    The same input gives the same bytes: WeasyPrint takes dates only from the document's
    <meta name="dcterms.created"> / "dcterms.modified", never from the clock.
    """
    import weasyprint

    # NOTE: WeasyPrint logs every CSS property it does not support (e.g. Material's) as a
    # warning; they are not errors of ours and would drown the build log.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=html, base_url=base_url)
    return document.write_pdf(pdf_identifier=b"nq-dan-chu-co-so", uncompressed_pdf=False)
