"""HTML -> PDF with WeasyPrint (no browser needed at build time)."""

from __future__ import annotations


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """A PDF of a standalone HTML document; `base_url` resolves its relative links and images."""
    import weasyprint  # NOTE: imported here: it loads Pango, which only the PDF outputs need

    return weasyprint.HTML(string=html, base_url=base_url).write_pdf()
