"""What a reader's browser does with the built site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

PAGE_TYPES = ["", "nghi-quyet/", "bien-phap/3/", "nguyen-tac/", "gioi-thieu/", "khong-co-trang-nay/"]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_request_leaves_the_site(page, base_url, path):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    origin = urlsplit(base_url).netloc
    assert requests, "the page made no request at all"
    assert [u for u in requests if urlsplit(u).netloc != origin and not u.startswith("data:")] == []


def test_a_link_to_an_item_in_the_full_text_lands_on_it(page, base_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + "nghi-quyet/#bien-phap-4")
    target = page.locator("#bien-phap-4")
    assert target.count() == 1
    page.wait_for_function("document.getElementById('bien-phap-4').getBoundingClientRect().top < 200")
    assert "Ứng dụng công nghệ thông tin, chuyển đổi số" in target.inner_text()


def test_search_finds_a_measure_by_its_words(page, base_url):
    page.goto(base_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # NOTE: Material searches on keyup, so the query is typed key by key as a reader would.
    page.locator(".md-search__input").focus()
    page.keyboard.type("kinh phí")
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=15000)
    links = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any(link.endswith("bien-phap/6/") or "bien-phap-6" in link for link in links[:5]), links


def test_the_item_page_reads_on_a_phone_without_sideways_scrolling(page, base_url):
    page.set_viewport_size({"width": 360, "height": 740})
    for path in PAGE_TYPES[:-1]:
        page.goto(base_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path or '/'} is {width}px wide"
