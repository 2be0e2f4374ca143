"""What a citizen on a phone sees: every page at 360 px, the glossary's tooltips, our controls."""

from __future__ import annotations

import re

import pytest

PHONE = {"width": 360, "height": 740}


def every_page(site) -> list[str]:
    """Every page of the built site, as a path relative to the site root."""
    return sorted(
        str(p.parent.relative_to(site)) + "/" if p.parent != site else ""
        for p in site.rglob("index.html")
        if "search" not in p.parts and "assets" not in p.parts
    )


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


def test_tapping_a_term_shows_its_explanation_and_tapping_elsewhere_hides_it(browser, base_url):
    tab = browser.new_page()
    try:
        tab.set_viewport_size(PHONE)
        tab.goto(base_url + "muc-tieu/5/")
        term = tab.locator(".nq-verbatim abbr", has_text="Ban Thanh tra nhân dân").first
        title = term.get_attribute("title")
        assert title and "giám sát" in title
        term.click()
        tip = tab.locator("#nq-tip[role=tooltip]")
        tip.wait_for(timeout=5000)
        assert re.sub(r"\s+", " ", tip.inner_text()).strip() == title
        # described by the tooltip, and the browser's own title tooltip is not shown as well
        assert term.get_attribute("aria-describedby") == "nq-tip" and term.get_attribute("title") is None
        box, under = tip.bounding_box(), term.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert box["y"] >= under["y"] + under["height"]  # under the term, not over its words
        tab.locator("h1").click()
        assert tip.is_hidden()
        assert term.get_attribute("title") == title and term.get_attribute("aria-describedby") is None
    finally:
        tab.close()


def test_every_mention_of_a_term_shows_its_explanation(page, base_url):
    # One tooltip serves every <abbr> of the page: the last of the mentions on the full text (one
    # in each item's text, 18) works like the first.
    page.set_viewport_size(PHONE)
    page.goto(base_url + "nghi-quyet/")
    mentions = page.locator("article abbr", has_text="dân chủ ở cơ sở")
    assert mentions.count() >= 10
    title = mentions.first.get_attribute("title")
    for term in (mentions.first, mentions.last):
        term.scroll_into_view_if_needed()
        term.click()
        assert page.inner_text("#nq-tip") == title
    assert page.locator(".md-tooltip2").count() == 0  # Material's own tooltips are not set up


def test_a_terms_explanation_can_be_hovered_and_dismissed(page, base_url):
    from tests.audit.axe import check

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + "nguyen-tac/1/")
    term, tip = page.locator(".nq-verbatim abbr").first, page.locator("#nq-tip")
    term.hover()
    assert tip.is_visible()
    assert check(page, "/nguyen-tac/1/", "desktop+tooltip") == []
    box = tip.bounding_box()
    page.mouse.move(box["x"] + 4, box["y"] + 4)  # the pointer crosses onto the tooltip: it stays
    page.wait_for_timeout(500)
    assert tip.is_visible()
    page.mouse.move(5, 790)
    tip.wait_for(state="hidden", timeout=2000)
    term.hover(position={"x": 2, "y": 2})
    assert tip.is_visible()
    page.keyboard.press("Escape")  # WCAG 1.4.13: dismissed without moving the pointer
    assert tip.is_hidden()
