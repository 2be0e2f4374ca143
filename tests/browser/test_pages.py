"""What a reader's browser does with the built site. (Requests to other servers and reading at
360 px are held for every page type by test_audit.py and test_citizens.py.)"""

from __future__ import annotations


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
