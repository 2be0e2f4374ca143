"""The printed side of the checklists: footer (source, version, date, URL, QR) and the PDF and
DOCX downloads, made at build time from the same model as the pages.

Downloads are written into the built site beside each checklist page and cached under
`.cache/bang-kiem/` keyed by a hash of their inputs, so `mkdocs serve` rebuilds stay fast.
Dates come from SOURCE_DATE_EPOCH, else the resolution's own date; never from the clock, so that
two builds of the same data are byte-identical.
"""

from __future__ import annotations

import datetime
import html
import os
from pathlib import Path

from generator import checklist as ck
from generator import paths
from generator.model import Resolution
from generator.sitebuild import source_date_epoch
from generator.qr import qr_svg, qr_svg_data_uri
from generator.write import cached

CSS = Path(__file__).with_name("theme") / "assets" / "stylesheets" / "checklist.css"
FONT = '"Times New Roman", "Liberation Serif", serif'


def build_date(model: Resolution) -> datetime.date:
    """The date printed as the build date: SOURCE_DATE_EPOCH (the MkDocs hook sets it from the
    data unless the user did), else the data's own latest date, as the hook would set it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.datetime.fromtimestamp(source_date_epoch(model), datetime.timezone.utc).date()


def footer_lines(model: Resolution, url: str, date: datetime.date) -> list[str]:
    """What a printed copy says of where it comes from, so it can be traced and found online."""
    return [f"Nguồn: {model.citation}",
            f"Phiên bản dữ liệu {model.version} – ngày tạo {date:%d/%m/%Y}",
            url]


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def print_style(lines: list[str], url: str) -> str:
    """An inline <style> with the footer in @page margin boxes (text left, QR code right)."""
    text = ' "\\A" '.join(_css_string(line) for line in lines)
    return ("<style>@media print {} @page {"
            f"@bottom-left {{ content: {text}; white-space: pre-wrap; text-align: left; "
            f"vertical-align: middle; width: 135mm; font-family: {FONT}; font-size: 9pt; "
            "line-height: 1.2; } "
            f'@bottom-right {{ content: url("{qr_svg_data_uri(url)}"); width: 15mm; height: 15mm; '
            "vertical-align: middle; }}</style>")


def screen_footer(lines: list[str], url: str) -> str:
    """The same footer in the page's flow, shown on screen only."""
    body = "<br>".join(html.escape(line) for line in lines)
    return f'<div class="bk-webfoot">{qr_svg(url)}<div>{body}</div></div>'


def inject(page_html: str, lines: list[str], url: str) -> str:
    """A built checklist page with its print footer and screen footer added."""
    out = page_html.replace("</head>", print_style(lines, url) + "</head>", 1)
    return out.replace("<!-- bk-footer -->", screen_footer(lines, url), 1)


def standalone_html(model: Resolution, cl: ck.Checklist, site_url: str, date: datetime.date) -> str:
    """The complete HTML document the PDF is printed from: the form, the print CSS, the footer."""
    url = page_url(site_url, cl)
    form = ck.form_html(model, cl, lambda item: site_url + paths.url(paths.item_page(item)))
    kind, subject = ck.title(model)
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8">'
            f"<title>{html.escape(kind)} – {html.escape(cl.unit.name)}</title>"
            f'<meta name="description" content="{html.escape(subject)}">'
            f'<meta name="dcterms.created" content="{date.isoformat()}">'
            f'<meta name="dcterms.modified" content="{date.isoformat()}">'
            f"<style>{CSS.read_text(encoding='utf-8')}</style>"
            f"{print_style(footer_lines(model, url, date), url)}</head>"
            f'<body><div class="md-typeset">{form}</div></body></html>')


def page_url(site_url: str, cl: ck.Checklist) -> str:
    """The public URL of a checklist page."""
    return site_url.rstrip("/") + "/" + paths.url(paths.checklist_page(cl.unit))


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_downloads(model: Resolution, site_dir: Path, site_url: str, cache: Path,
                    date: datetime.date) -> list[Path]:
    """Write the PDF and DOCX of every checklist into the built site; returns their paths."""
    from generator.docx_checklist import checklist_docx, docx_form
    from generator.pdf import html_to_pdf

    # NOTE: the code that lays the files out is an input too (checklist.py: the form's fixed
    # words, columns and signers).
    code = "".join(Path(__file__).with_name(n).read_text(encoding="utf-8")
                   for n in ("checklist.py", "docx_checklist.py", "pdf.py", "qr.py"))
    written = []
    for cl in ck.checklists(model):
        url = page_url(site_url, cl)
        doc = standalone_html(model, cl, site_url, date)
        pdf = cached(cache, "pdf\0" + code + doc, "pdf", lambda: html_to_pdf(doc))
        lines = footer_lines(model, url, date)
        form = docx_form(model, cl)
        docx = cached(cache, "docx\0" + code + repr((form, url, lines, date)), "docx",
                       lambda: checklist_docx(form, url=url, footer=lines, date=date))
        for ext, data in (("pdf", pdf), ("docx", docx)):
            target = site_dir / paths.checklist_download(cl.unit, ext)
            _write(target, data)
            written.append(target)
    return written
