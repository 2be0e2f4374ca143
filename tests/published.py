"""The record of published URLs (tests/published-urls.txt) and the check that a built site
still answers every one of them."""

from __future__ import annotations

import html
import re
from pathlib import Path

RECORD = Path(__file__).with_name("published-urls.txt")
_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def published(record: Path = RECORD) -> list[str]:
    """The recorded URLs, in file order (comments and blank lines skipped)."""
    lines = record.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("# ")]


def page_file(site: Path, url: str) -> Path:
    """The file a static server answers `url` with: `/x/` -> x/index.html, `/a.json` -> a.json."""
    path = url.lstrip("/")
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def has_anchor(page_html: str, anchor: str) -> bool:
    """Whether the page has an element with this id (the target of `#anchor`)."""
    return re.search(rf'\sid="{re.escape(html.escape(anchor, quote=True))}"', page_html) is not None


def unresolved(site: Path, urls: list[str]) -> list[str]:
    """Every URL the built site does not answer, with the reason: "/x/#y: no anchor y"."""
    problems = []
    for url in urls:
        path, _, anchor = url.partition("#")
        target = page_file(site, path)
        if not target.is_file():
            problems.append(f"{url}: no page ({target.relative_to(site)} is missing)")
        elif anchor and not has_anchor(target.read_text(encoding="utf-8"), anchor):
            problems.append(f"{url}: no anchor {anchor}")
    return problems


def redirect_target(site: Path, url: str) -> str | None:
    """The site-relative URL a redirect page sends to, or None if `url` is not a redirect."""
    target = page_file(site, url)
    match = _REFRESH.search(target.read_text(encoding="utf-8")) if target.is_file() else None
    if not match:
        return None
    base = "/" + url.strip("/") + "/"
    parts = [p for p in (base + html.unescape(match.group(1))).split("/")]
    out: list[str] = []
    for part in parts[:-1]:
        if part == "..":
            out.pop()
        elif part not in ("", "."):
            out.append(part)
    return "/" + "/".join(out) + "/" + parts[-1]
