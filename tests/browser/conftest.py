"""Headless Chromium (the Debian package) driven by Playwright, against the built site served on
localhost. Playwright's own browser download does not work here and is not needed."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from tests.audit.browser import ARGS, CHROMIUM


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site: Path):
    """The built site served over HTTP on a free localhost port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Chromium with a fresh profile; fails with the install command if it is missing."""
    assert CHROMIUM.exists(), "Chromium is missing: run `make system-deps` (Debian package chromium)"
    from playwright.sync_api import sync_playwright

    from tests.audit import browser as audit_browser

    with sync_playwright() as playwright:
        audit_browser.SHARED.append(playwright)  # one Playwright per thread: the audits reuse it
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            args=ARGS,
            headless=True,
        )
        yield context
        context.close()
        audit_browser.SHARED.clear()


@pytest.fixture
def page(browser):
    """A new tab; closed after the test."""
    tab = browser.new_page()
    yield tab
    tab.close()
