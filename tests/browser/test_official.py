"""The site of a resolution in the official layout, in Chromium: search finds an article by words
typed without diacritics, and a link to a điểm lands on it."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest

from tests.browser.conftest import _QuietHandler
from tests.browser.test_search import pages_of
from tests.test_any_resolution import generator
from tests.test_official_site import URL, YAML


@pytest.fixture(scope="module")
def official_url(tmp_path_factory):
    """The official fixture's site, built by `python -m generator site` and served on localhost."""
    folder = tmp_path_factory.mktemp("official-browser")
    resolution = folder / "nq.yaml"
    shutil.copy(YAML, resolution)
    result = generator(
        "site", "--resolution", str(resolution), "--site-dir", str(folder / "web"), "--site-url", URL
    )
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(folder / "web"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize(
    ("query", "article"),
    [("loa truyen thanh", "dieu-4"), ("kinh phi", "dieu-4a"), ("hieu luc thi hanh", "dieu-6")],
)
def test_search_without_diacritics_finds_the_article(page, official_url, query, article):
    page.goto(official_url)
    page.locator(".md-search__input").click()
    page.keyboard.type(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.wait_for_timeout(500)
    items = page.evaluate(
        "() => [...document.querySelectorAll('.md-search-result__item')].slice(0, 3)"
        ".map(li => ({links: [...li.querySelectorAll('a')].map(a => a.href)}))"
    )
    pages = set().union(*(pages_of(item, official_url) for item in items))
    number = article.removeprefix("dieu-")
    assert f"dieu-{number}/" in pages or f"nghi-quyet/#{article}" in pages, pages


def test_a_link_to_a_diem_shows_it_highlighted(page, official_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(official_url + "nghi-quyet/#dieu-4-khoan-3-diem-dd")
    target = page.locator("#dieu-4-khoan-3-diem-dd")
    assert target.is_visible()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 740
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(255, 243, 176)"
