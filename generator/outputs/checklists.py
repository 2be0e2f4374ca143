"""The checklists' downloads: a PDF (printed by WeasyPrint from the same HTML form as the web
page) and a DOCX (to edit in Word) of every unit type's bảng kiểm, beside its page.

Pure but for the cache: model, site address and build date in, {site path: bytes} out. Both are
kept in the cache under a key of everything they print and the code that lays them out, so that
`mkdocs serve` rebuilds stay fast; the cache adds the library versions to every key.
"""

from __future__ import annotations

import datetime
import functools
import html

from generator import paths, resources
from generator.model import Resolution
from generator.outputs.docx import checklist_docx, docx_form
from generator.outputs.pdf import html_to_pdf
from generator.render import checklist as ck
from generator.render.footer import footer_lines, print_style
from generator.write.cache import NO_CACHE, Cache

CSS = resources.STYLESHEETS / "checklist.css"
# NOTE: the code that lays the files out is an input too (the form's fixed words, columns and
# signers, the DOCX's layout, the PDF's options, the QR codes').
_CODE = ("render/checklist.py", "render/footer.py", "outputs/docx.py", "outputs/pdf.py", "render/qr.py")


def standalone_html(
    model: Resolution, cl: ck.Checklist, site_url: str, date: datetime.date, cache: Cache = NO_CACHE
) -> str:
    """The complete HTML document the PDF is printed from: the form, the print CSS, the footer
    (its QR code kept in `cache`)."""
    url = ck.page_url(site_url, cl)
    form = ck.form_html(model, cl, lambda item: site_url + paths.url(paths.item_page(item)))
    kind, subject = ck.title(model)
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{html.escape(kind)} – {html.escape(cl.unit.name)}</title>"
        f'<meta name="description" content="{html.escape(subject)}">'
        f'<meta name="dcterms.created" content="{date.isoformat()}">'
        f'<meta name="dcterms.modified" content="{date.isoformat()}">'
        f"<style>{CSS.read_text(encoding='utf-8')}</style>"
        f"{print_style(footer_lines(model, url, date), url, cache)}</head>"
        f'<body><div class="md-typeset">{form}</div></body></html>'
    )


def download_paths(model: Resolution) -> list[str]:
    """The site paths of the checklists' downloads, known before the build."""
    return [paths.checklist_download(cl.unit, ext) for cl in ck.checklists(model) for ext in ("pdf", "docx")]


def checklist_files(
    model: Resolution, *, site_url: str, date: datetime.date, cache: Cache
) -> dict[str, bytes]:
    """The PDF and DOCX of every checklist, keyed by their path in the site."""
    code = "".join((resources.PACKAGE / name).read_text(encoding="utf-8") for name in _CODE)
    out: dict[str, bytes] = {}
    for cl in ck.checklists(model):
        url = ck.page_url(site_url, cl)
        doc = standalone_html(model, cl, site_url, date, cache)
        lines = footer_lines(model, url, date)
        form = docx_form(model, cl)
        out[paths.checklist_download(cl.unit, "pdf")] = cache.get(
            "bang-kiem", "pdf\0" + code + doc, "pdf", functools.partial(html_to_pdf, doc)
        )
        out[paths.checklist_download(cl.unit, "docx")] = cache.get(
            "bang-kiem",
            "docx\0" + code + repr((form, url, lines, date)),
            "docx",
            functools.partial(checklist_docx, form, url=url, footer=lines, date=date),
        )
    return out
