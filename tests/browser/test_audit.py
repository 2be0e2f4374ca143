"""The audits of `make audit`, held as assertions: axe, privacy, links, weight, Lighthouse.

Each audit runs once on the site built by the real MkDocs, over the audit server (gzip, 404.html);
the page types are those of tests/audit_pages.py. Lighthouse's performance score depends on the
machine and is only printed by `make audit`; its other scores do not and are asserted here.
"""

from __future__ import annotations

import pytest

from tests.audit import axe, lighthouse, links, meta, privacy, weight
from tests.audit.server import serve
from tests.audit_pages import PAGES

IDS = [p.name for p in PAGES]


@pytest.fixture(scope="module")
def audit_url(site):
    """The built site on the audit server."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def axe_violations(audit_url):
    found, states = axe.audit(audit_url, PAGES)
    assert states >= 3 * len(PAGES), "axe did not check every page in every state"
    return found


@pytest.fixture(scope="module")
def loads(audit_url, site):
    return {load.page: load for load in weight.audit(audit_url, site, PAGES)}


@pytest.mark.parametrize("page_type", PAGES, ids=IDS)
def test_axe_finds_no_wcag_21_aa_violation(axe_violations, page_type):
    mine = [str(v) for v in axe_violations if v.page == "/" + page_type.path]
    assert mine == []


def test_no_request_leaves_the_origin_while_pages_are_used(audit_url):
    foreign, total = privacy.audit(audit_url, PAGES)
    assert total > 2 * len(PAGES)
    assert foreign == {}


def test_every_internal_link_and_anchor_resolves(site):
    broken, checked = links.audit(site)
    assert checked > 100
    assert broken == []


def test_every_page_has_a_title_a_language_and_a_meta_description(site):
    missing, pages = meta.audit(site)
    assert pages > len(PAGES)
    assert missing == []


@pytest.mark.parametrize("page_type", PAGES, ids=IDS)
def test_the_first_load_is_within_its_budget(loads, page_type):
    load = loads["/" + page_type.path]
    assert load.sizes["html"] > 0 and load.sizes["css"] > 0 and load.sizes["js"] > 0
    assert load.sizes["font"] == 0, "the site loads no web font"
    if page_type.weight_kb is not None:
        assert load.total <= page_type.weight_kb * 1024, f"{load.total / 1024:.1f} KB"
        assert load.own <= page_type.own_kb * 1024, f"our CSS and JS: {load.own / 1024:.1f} KB"


@pytest.mark.parametrize("page_type", [p for p in PAGES if p.lighthouse], ids=lambda p: p.name)
def test_lighthouse_scores_accessibility_best_practices_and_seo_100(audit_url, page_type):
    result = lighthouse.run(audit_url, page_type.path)
    scores = {k: v for k, v in result.scores.items() if k != "performance"}
    assert scores == {"accessibility": 100, "best-practices": 100, "seo": 100}, result.failing


# The sum of layout-shift entries the browser recorded since the page started loading (those
# right after the reader's own input do not count, as in Lighthouse's CLS).
_LAYOUT_SHIFT = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => done(total)));
})"""


@pytest.mark.parametrize("page_type", PAGES, ids=IDS)
def test_nothing_moves_once_a_page_has_painted_on_a_phone(page, audit_url, page_type):
    """Cumulative layout shift below 0.1 (Lighthouse's "good") on its mobile screen: a form that
    jumps down when its script runs makes the reader tap the wrong box. What moved and how far,
    not how fast: the figure does not depend on the machine."""
    page.set_viewport_size({"width": 412, "height": 823})
    page.goto(audit_url + page_type.path, wait_until="load")
    if page_type.path == "bang-kiem/tong-hop/":
        page.wait_for_selector("[data-th-tools][data-th-ready]")
    elif page_type.path.startswith("bang-kiem/") and page_type.path != "bang-kiem/":
        page.wait_for_selector("[data-bk-tools][data-bk-ready]")
    page.wait_for_timeout(300)  # what the scripts change after load is counted too
    assert page.evaluate(_LAYOUT_SHIFT) < 0.1
