"""Headless Debian Chromium for the audits, and the ways a reader uses a page."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
# A query that finds something on this site; typed key by key (Material searches on keyup).
SEARCH_QUERY = "kinh phí"
# The Playwright instance already running in this thread, if any (set by the test session).
SHARED: list = []


@contextlib.contextmanager
def chromium(extra_args: list[str] | None = None):
    """A Chromium context with a fresh, throw-away profile."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError("Chromium is missing: run `make system-deps` (Debian package chromium)")
    # NOTE: Playwright's sync API runs one event loop per thread: when the test session already
    # drives Chromium (tests/browser/conftest.py registers its instance), use that one.
    with (
        tempfile.TemporaryDirectory(prefix="audit-chromium-") as profile,
        contextlib.nullcontext(SHARED[0]) if SHARED else sync_playwright() as pw,
    ):
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS + (extra_args or []),
            viewport=DESKTOP,
        )
        try:
            yield context
        finally:
            context.close()


def open_search(page, query: str = SEARCH_QUERY) -> None:
    """Open Material's search dialog, type `query` and wait for the results."""
    toggle = page.locator("label.md-header__button[for='__search']")
    if toggle.is_visible():
        toggle.click()
    else:
        page.locator(".md-search__input").click()
    page.locator(".md-search__input").focus()
    page.keyboard.type(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.wait_for_timeout(300)  # let the result list finish rendering before it is audited


def open_drawer(page) -> None:
    """Open the navigation drawer (phone layout)."""
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_timeout(400)  # the drawer slides in with a CSS transition
