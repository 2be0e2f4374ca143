"""HTML -> PDF with WeasyPrint, at build time, reproducibly and without any request.

WeasyPrint needs Pango (Debian: libpango-1.0-0, libpangoft2-1.0-0, listed in .ci/system-deps)
and the fonts the CSS names (fonts-liberation2 has the Vietnamese glyphs of Liberation Serif;
Debian 12's fonts-liberation does not). Fonts are embedded, subset.
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Mapping

# A base address that is no real place: the documents' relative links and images resolve under
# it, and only the files given to html_to_pdf are served there.
BASE = "https://site.invalid/"


def html_to_pdf(html: str, files: Mapping[str, bytes] | None = None, page: str = "") -> bytes:
    """The PDF of a complete HTML document (its CSS @page rules decide the paper and margins).

    `files` are the site's files the document may show ({site path: bytes}), `page` the document's
    own site path, against which its relative addresses resolve. Nothing else is fetched: no
    network, no disk (data: URIs excepted). The same input gives the same bytes: WeasyPrint takes
    dates only from the document's <meta name="dcterms.created"> / "dcterms.modified"."""
    import weasyprint

    # NOTE: WeasyPrint logs every CSS property it does not support (e.g. Material's) as a
    # warning; they are not errors of ours and would drown the build log.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    served = {BASE + path: data for path, data in (files or {}).items()}

    class Fetcher(weasyprint.URLFetcher):
        def fetch(self, url, headers=None):
            if url in served:
                kind = mimetypes.guess_type(url)[0] or "application/octet-stream"
                return weasyprint.urls.URLFetcherResponse(
                    url, body=served[url], headers={"Content-Type": kind}
                )
            if url.startswith("data:"):
                return super().fetch(url, headers)
            raise ValueError(f"not fetched: {url} (a PDF is made from the site's own files only)")

    document = weasyprint.HTML(string=html, base_url=BASE + page, url_fetcher=Fetcher())
    return document.write_pdf(pdf_identifier=b"nq-dan-chu-co-so", uncompressed_pdf=False)
