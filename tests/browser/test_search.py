"""Vietnamese search in the built site, as a reader uses it: typed key by key, pasted, inserted
without any key event (context-menu paste, autofill) and composed by an IME (Telex/VNI).

Each query must bring the page expected among the first three results of Material's search box.
Expected pages are item ids ("bien-phap-4": its own page or its anchor in the full text) or a
page with an anchor ("thuat-ngu/#hdnd").
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

import pytest

# (query, pages of which at least one must be among the first three results)
CASES = [
    ("kinh phí", {"bien-phap-6"}),
    ("kinh phi", {"bien-phap-6"}),
    ("chuyển đổi số", {"bien-phap-4", "muc-tieu-3"}),
    ("chuyen doi so", {"bien-phap-4", "muc-tieu-3"}),
    ("hương ước", {"muc-tieu-4"}),
    ("huong uoc", {"muc-tieu-4"}),
    ("huong uo", {"muc-tieu-4"}),  # the last word still being typed
    ("điện tử", {"bien-phap-4"}),
    ("dien tu", {"bien-phap-4"}),
    ("đien tu", {"bien-phap-4"}),
    ("Thanh tra nhân dân", {"muc-tieu-5"}),
    ("thanh tra nhan dan", {"muc-tieu-5"}),
    ("ttnd", {"muc-tieu-5", "thuat-ngu/#ban-ttnd"}),
    ("giam sat dau tu cong dong", {"muc-tieu-5"}),
    ("HĐND", {"muc-tieu-4"}),
    ("hdnd", {"muc-tieu-4"}),
    ("hội đồng nhân dân", {"muc-tieu-4"}),
    ("hoi dong nhan dan", {"muc-tieu-4"}),
    ("cntt", {"bien-phap-4", "muc-tieu-3"}),
    ("cong nghe thong tin", {"bien-phap-4", "muc-tieu-3"}),
    ("mttq", {"nguyen-tac-1"}),
    ("mat tran to quoc", {"nguyen-tac-1"}),
    ("khen thuong", {"bien-phap-5"}),
    ("tham nhung", {"bien-phap-5"}),
    ("cai cach hanh chinh", {"nguyen-tac-3"}),
    ("ho chi minh", {"nguyen-tac-3"}),
    ("nguoi dung dau", {"bien-phap-3"}),
    ("kien nghi phan anh", {"bien-phap-3"}),
    ("quy che dan chu", {"muc-tieu-4"}),
    ("xã hội hoá", {"bien-phap-6"}),  # the text writes "hóa": tone placement does not matter
    ("xa hoi hoa", {"bien-phap-6"}),
    ("truong thon", {"muc-tieu-1", "bien-phap-1"}),
]

# A query without diacritics finds what the same query with them finds.
PAIRS = [
    ("dân chủ ở cơ sở", "dan chu co so"),
    ("chuyển đổi số", "chuyen doi so"),
    ("hương ước", "huong uoc"),
    ("Ban Thanh tra nhân dân", "ban thanh tra nhan dan"),
]

CLEAR = """() => { const i = document.querySelector('.md-search__input'); i.value = '';
    i.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true})) }"""
RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(li => ({
    links: [...li.querySelectorAll('a')].map(a => a.href),
    marks: [...li.querySelectorAll('mark')].map(m => m.textContent)}))"""


@pytest.fixture(scope="module")
def search(browser, base_url):
    """One tab on the home page with the search box open, reused by every query of this module."""
    browser.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    tab = browser.new_page()
    tab.goto(base_url)
    tab.locator(".md-search__input").click()
    yield tab, browser.new_cdp_session(tab)
    tab.close()


def enter(tab, cdp, query: str, mode: str) -> None:
    """Put `query` into the search box the way a reader would."""
    box = tab.locator(".md-search__input")
    box.focus()
    tab.evaluate(CLEAR)
    if mode == "typed":
        tab.keyboard.type(query, delay=20)
    elif mode == "pasted":  # Ctrl+V from the clipboard
        tab.evaluate("q => navigator.clipboard.writeText(q)", query)
        box.press("Control+V")
    elif mode == "inserted":  # no key event at all: context-menu paste, autofill, dictation
        tab.keyboard.insert_text(query)
    elif mode == "ime":  # a Vietnamese IME composes each word, then commits it
        for n, word in enumerate(query.split(" ")):
            if n:
                tab.keyboard.type(" ")
            for k in range(1, len(word) + 1):
                cdp.send(
                    "Input.imeSetComposition", {"text": word[:k], "selectionStart": k, "selectionEnd": k}
                )
            cdp.send("Input.insertText", {"text": word})
    assert box.input_value() == query


def results(tab) -> list[dict]:
    """The result list once search has answered and the list has stopped changing."""
    tab.wait_for_function(
        """() => { const m = document.querySelector('.md-search-result__meta');
        return m && m.textContent && !/khởi tạo|initializing|nhập|type/i.test(m.textContent) }""",
        timeout=15000,
    )
    before = tab.evaluate(RESULTS)
    for _ in range(40):
        tab.wait_for_timeout(150)
        now = tab.evaluate(RESULTS)
        if now == before:
            return now
        before = now
    return before


def pages_of(result: dict, base_url: str) -> set[str]:
    """Every page a result points to: "bien-phap/4/", "nghi-quyet/#bien-phap-4" ..."""
    out = set()
    for link in result["links"]:
        parts = urlsplit(link)
        path = parts.path[len(urlsplit(base_url).path) :]
        out.add(path)
        if parts.fragment:
            out.add(f"{path}#{parts.fragment}")
    return out


def found(expected: set[str], top: list[dict], base_url: str) -> bool:
    """An item id counts as found on its own page or at its anchor in the full text."""
    pages = set().union(*(pages_of(r, base_url) for r in top)) if top else set()
    for target in expected:
        if "/" in target and target in pages:
            return True
        if "/" not in target:
            section, number = target.rsplit("-", 1)
            if f"{section}/{number}/" in pages or f"nghi-quyet/#{target}" in pages:
                return True
    return False


def fold(word: str) -> str:
    """A word without diacritics, "đ" as "d": what a reader without a Vietnamese keyboard types."""
    word = word.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def answers(query: str, top: list[dict]) -> bool:
    """The results are for the whole query: its last word, maybe still being typed, is
    highlighted (not a stale list for a shorter query)."""
    last = fold(query.split()[-1])
    return any(fold(mark).startswith(last) for r in top for mark in r["marks"])


@pytest.mark.parametrize("mode", ["typed", "pasted"])
@pytest.mark.parametrize("query,expected", CASES, ids=[q for q, _ in CASES])
def test_the_expected_page_is_among_the_first_three_results(search, base_url, query, expected, mode):
    tab, cdp = search
    enter(tab, cdp, query, mode)
    top = results(tab)[:3]
    assert answers(query, top), "search did not answer the last input"
    assert found(expected, top, base_url), [sorted(pages_of(r, base_url))[:4] for r in top]


@pytest.mark.parametrize(
    "query,expected",
    [("kinh phi", {"bien-phap-6"}), ("hương ước", {"muc-tieu-4"}), ("thanh tra nhân dân", {"muc-tieu-5"})],
)
@pytest.mark.parametrize("mode", ["inserted", "ime"])
def test_search_answers_input_without_key_events(search, base_url, query, expected, mode):
    tab, cdp = search
    enter(tab, cdp, query, mode)
    top = results(tab)[:3]
    assert answers(query, top), "search did not answer the last input"
    assert found(expected, top, base_url), [sorted(pages_of(r, base_url))[:4] for r in top]


@pytest.mark.parametrize("marked,plain", PAIRS)
def test_a_query_without_diacritics_finds_what_the_query_with_them_finds(search, base_url, marked, plain):
    tab, cdp = search
    enter(tab, cdp, marked, "typed")
    with_marks = [r["links"][0] for r in results(tab)[:3]]
    enter(tab, cdp, plain, "typed")
    without = [r["links"][0] for r in results(tab)[:3]]
    strip = lambda links: [link.split("?")[0] for link in links]  # noqa: E731 (?h= holds the query)
    assert with_marks and strip(with_marks) == strip(without)


def test_a_query_with_diacritics_stays_precise(search):
    tab, cdp = search
    enter(tab, cdp, "chuyên môn", "typed")
    marks = {m.lower() for r in results(tab) for m in r["marks"]}
    assert "chuyên" in marks
    assert not marks & {"chuyển", "chuyện"}, marks


def test_snippets_highlight_the_real_vietnamese_words(search):
    tab, cdp = search
    enter(tab, cdp, "huong uoc", "typed")
    marks = {m.lower() for r in results(tab)[:3] for m in r["marks"]}
    assert {"hương", "ước"} <= marks
    assert not marks & {"huong", "uoc"}, "a folded copy of the text is shown"


def test_a_phrase_ranks_the_page_with_the_whole_phrase_first(search, base_url):
    tab, cdp = search
    enter(tab, cdp, "giam sat dau tu cua cong dong", "typed")
    top = results(tab)[:1]
    assert found({"muc-tieu-5", "muc-tieu-1", "bien-phap-1"}, top, base_url)


def test_a_link_with_q_opens_search_with_the_query(page, base_url):
    page.goto(base_url + "?q=thanh+tra+nhan+dan")
    top = results(page)[:3]
    assert found({"muc-tieu-5"}, top, base_url)


def test_a_citizen_on_a_phone_finds_the_clause(page, base_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url)
    page.locator("label.md-header__button[for='__search']").click()
    page.locator(".md-search__input").focus()
    page.keyboard.type("hdnd", delay=20)
    top = results(page)[:3]
    assert found({"muc-tieu-4"}, top, base_url)
