"""What a citizen on a phone sees: every page at 360 px, the glossary's tooltips, our controls."""

from __future__ import annotations

import re

import pytest

PHONE = {"width": 360, "height": 740}


def every_page(site) -> list[str]:
    """Every page of the built site, as a path relative to the site root."""
    return sorted(str(p.parent.relative_to(site)) + "/" if p.parent != site else ""
                  for p in site.rglob("index.html") if "search" not in p.parts and "assets" not in p.parts)


def test_no_page_scrolls_sideways_at_360_px(site, page, base_url):
    page.set_viewport_size(PHONE)
    pages = every_page(site)
    assert "thuat-ngu/" in pages and "nguoi-dan/" in pages and len(pages) >= 20
    wide = {}
    for path in pages:
        page.goto(base_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[path] = width
    assert wide == {}


@pytest.mark.parametrize("path", ["muc-tieu/4/", "bien-phap/3/"])
def test_our_controls_are_big_enough_to_tap(page, base_url, path):
    page.set_viewport_size(PHONE)
    page.goto(base_url + path)
    controls = page.locator("a.nq-tap, .nq-prevnext a")
    assert controls.count() >= 2
    for i in range(controls.count()):
        box = controls.nth(i).bounding_box()
        assert box["height"] >= 44, controls.nth(i).inner_text()


def test_tapping_a_term_shows_its_explanation(browser, base_url):
    tab = browser.new_page()
    try:
        tab.set_viewport_size(PHONE)
        tab.goto(base_url + "muc-tieu/5/")
        term = tab.locator(".nq-verbatim abbr", has_text="Ban Thanh tra nhân dân").first
        title = term.get_attribute("title")
        assert title and "giám sát" in title
        term.click()  # NOTE: a tap gives the focus; Material shows the tooltip on focus and hover
        tip = tab.locator(".md-tooltip2--active")
        tip.wait_for(timeout=5000)
        assert re.sub(r"\s+", " ", tip.inner_text()).strip() == title
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    finally:
        tab.close()
