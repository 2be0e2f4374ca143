"""The footer of a printed checklist (source, data version, build date, address, QR code): in the
page's flow on screen, in the @page margin boxes on paper (web page and PDF alike)."""

from __future__ import annotations

import datetime
import html

from generator.model import Resolution
from generator.render.qr import qr_svg, qr_svg_data_uri
from generator.write.cache import NO_CACHE, Cache

FONT = '"Times New Roman", "Liberation Serif", serif'


def footer_lines(model: Resolution, url: str, date: datetime.date) -> list[str]:
    """What a printed copy says of where it comes from, so it can be traced and found online."""
    return [f"Nguồn: {model.citation}", f"Phiên bản dữ liệu {model.version} – ngày tạo {date:%d/%m/%Y}", url]


def _css_string(text: str) -> str:
    # NOTE: "<" as a CSS escape too: the string sits in a <style> element, which "</style>" in
    # the data would otherwise close (CSS reads the escape \3C back as "<").
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ") + '"'


def print_style(lines: list[str], url: str, cache: Cache = NO_CACHE) -> str:
    """An inline <style> with the footer in @page margin boxes (text left, QR code right)."""
    text = ' "\\A" '.join(_css_string(line) for line in lines)
    return (
        "<style>@media print {} @page {"
        f"@bottom-left {{ content: {text}; white-space: pre-wrap; text-align: left; "
        f"vertical-align: middle; width: 135mm; font-family: {FONT}; font-size: 9pt; "
        "line-height: 1.2; } "
        f'@bottom-right {{ content: url("{qr_svg_data_uri(url, cache=cache)}"); width: 15mm; height: 15mm; '
        "vertical-align: middle; }}</style>"
    )


def screen_footer(lines: list[str], url: str, cache: Cache = NO_CACHE) -> str:
    """The same footer in the page's flow, shown on screen only; left out of the search index
    (Material's search drops the attribute from the page once it has read it)."""
    body = "<br>".join(html.escape(line) for line in lines)
    return f'<div class="bk-webfoot" data-search-exclude="true">{qr_svg(url, cache)}<div>{body}</div></div>'
