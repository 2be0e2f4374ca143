"""The site of a resolution in the official layout, in Chromium: search finds an article by words
typed without diacritics, a link to a điểm lands on it, and its pages pass the audits of NQ 55's
(axe WCAG 2.1 AA, links and anchors, titles and descriptions)."""

from __future__ import annotations

import shutil

import pytest

from tests.audit import axe, links, meta
from tests.audit.server import serve
from tests.audit_pages import PageType
from tests.browser.test_search import pages_of
from tests.test_any_resolution import generator
from tests.test_official_site import URL, YAML

# The official layout's kinds of page, for the audits.
PAGES = (
    PageType("home", ""),
    PageType("full text", "nghi-quyet/"),
    PageType("article", "dieu-4/"),
    PageType("article with a table", "dieu-4a/"),
    PageType("chapter", "chuong-ii/"),
    PageType("about", "gioi-thieu/"),
    PageType("trainers", "giang-vien/"),
    PageType("leaflet", "to-roi/"),
    PageType("collection", "tap-hop/"),
    PageType("projector", "trinh-chieu/dieu-4/", search=False),
)


@pytest.fixture(scope="module")
def official_site(tmp_path_factory):
    """The official fixture's site, built by `python -m generator site`."""
    folder = tmp_path_factory.mktemp("official-browser")
    resolution = folder / "nq.yaml"
    shutil.copy(YAML, resolution)
    result = generator(
        "site", "--resolution", str(resolution), "--site-dir", str(folder / "web"), "--site-url", URL
    )
    assert result.returncode == 0, result.stderr
    return folder / "web"


@pytest.fixture(scope="module")
def official_url(official_site):
    """That site on the audit server (localhost)."""
    with serve(official_site) as url:
        yield url


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


def test_axe_finds_no_wcag_21_aa_violation(official_url):
    found, states = axe.audit(official_url, PAGES)
    assert states >= 3 * len(PAGES)
    assert [str(v) for v in found] == []


def test_every_internal_link_and_anchor_resolves(official_site):
    broken, checked = links.audit(official_site)
    assert checked > 100
    assert broken == []


def test_every_page_has_a_title_a_language_and_a_meta_description(official_site):
    missing, pages = meta.audit(official_site)
    assert pages > len(PAGES)
    assert missing == []
