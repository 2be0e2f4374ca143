"""SEO basics every built page needs: a title, a language and a meta description."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class _Head(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.description = self.lang = None
        self.title, self._in_title = "", False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta" and attrs.get("name") == "description":
            self.description = (attrs.get("content") or "").strip()
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False if tag == "title" else self._in_title

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def audit(site: Path) -> tuple[list[str], int]:
    """Pages missing a description, title or language, as 'page: what'; and how many pages."""
    site = Path(site)
    problems, pages = [], sorted(site.rglob("*.html"))
    for html in pages:
        head = _Head()
        head.feed(html.read_text(encoding="utf-8"))
        name = "/" + html.relative_to(site).as_posix()
        if not head.description:
            problems.append(f"{name}: no meta description")
        if not head.title.strip():
            problems.append(f"{name}: no title")
        if not head.lang:
            problems.append(f"{name}: no lang on <html>")
    return problems, len(pages)
