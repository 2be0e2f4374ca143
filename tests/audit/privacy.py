"""Privacy: every request a page makes while it loads and is used stays on the site's origin.

Each page type is loaded, its navigation drawer opened, and a search typed and followed; every
request of the page and its workers is recorded. Other hosts resolve to nothing, so even a
request the audit would miss could not leave the machine.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.audit.browser import PHONE, chromium, open_drawer, open_search

LOCAL_SCHEMES = ("data:", "blob:", "about:")


def audit(base_url: str, pages) -> tuple[dict[str, list[str]], int]:
    """Requests to other origins by page path ({} when none), and how many requests were made."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    foreign: dict[str, list[str]] = {}
    total = 0
    with chromium(["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]) as context:
        current = ["?"]

        def record(request):
            nonlocal total
            total += 1
            url = request.url
            if (
                not url.startswith(LOCAL_SCHEMES)
                and "{0.scheme}://{0.netloc}".format(urlsplit(url)) != origin
            ):
                foreign.setdefault(current[0], []).append(url)

        context.on("request", record)
        page = context.new_page()
        page.set_viewport_size(PHONE)
        for page_type in pages:
            current[0] = "/" + page_type.path
            page.goto(base_url + page_type.path, wait_until="networkidle")
            if page_type.search:
                open_drawer(page)
                page.keyboard.press("Escape")
                page.goto(base_url + page_type.path, wait_until="networkidle")
                open_search(page)
                page.locator(".md-search-result__item a").first.click()
                page.wait_for_load_state("networkidle")
    return foreign, total
