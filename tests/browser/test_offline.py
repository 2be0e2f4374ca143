"""The offline zip (`make offline`) works unpacked and opened from disk, with no network at all:
navigation, search (typed without diacritics), filling in a checklist and aggregating exports."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator.cli import main
from generator.pipeline import load_resolution
from tests.audit import links
from tests.audit.browser import chromium, open_search
from tests.browser.test_checklist import FILLED, ROW1, fill_two, state
from tests.browser.test_tong_hop import the_files
from tests.conftest import ROOT
from tests.exports import reference

QUERY = "kinh phi"  # without diacritics: the Vietnamese search works from disk too


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    """The zip `python -m generator offline` builds, unpacked into a fresh directory."""
    tmp = tmp_path_factory.mktemp("offline")
    assert main(["offline", "--config", str(ROOT / "mkdocs.yml"), "--output", str(tmp / "site.zip")]) == 0
    with zipfile.ZipFile(tmp / "site.zip") as zf:
        zf.extractall(tmp / "unpacked")
    return tmp / "unpacked"


@pytest.fixture(scope="module")
def offline_page(unpacked):
    """A tab of a Chromium that cannot reach any host; records every non-file request."""
    with chromium(["--host-resolver-rules=MAP * ~NOTFOUND"]) as context:
        outside, errors = [], []
        context.on(
            "request",
            lambda r: r.url.startswith(("file:", "data:", "blob:", "about:")) or outside.append(r.url),
        )
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        yield page, outside, errors


def test_the_zip_holds_the_shim_from_npm_and_no_cdn_address(unpacked):
    shim = unpacked / "assets/javascripts/iframe-worker/shim.js"
    assert shim.read_bytes() == ROOT.joinpath("node_modules/iframe-worker/shim/index.js").read_bytes()
    pages = list(unpacked.rglob("*.html"))
    assert pages and not [p for p in pages if "unpkg.com" in p.read_text(encoding="utf-8")]
    assert (unpacked / "search/search_index.js").is_file()


def test_every_link_of_the_unpacked_site_opens_a_file_from_disk(unpacked):
    # NOTE: MkDocs writes every link between pages and to the site's files for this layout
    # (`a/b.html`); nothing rewrites them after the build.
    broken, checked = links.audit(unpacked, from_disk=True)
    assert checked > 1000
    assert broken == []


def test_the_site_opened_from_disk_navigates_and_searches(unpacked, offline_page):
    page, outside, errors = offline_page
    page.goto((unpacked / "index.html").as_uri(), wait_until="load")
    # Navigation: a link of the home page to a section, then on to one of its items.
    page.locator(".md-content a[href$='bien-phap/index.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/bien-phap/index.html")
    page.locator(".md-content a[href$='3.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/bien-phap/3.html")
    assert page.locator("h1").inner_text().startswith("Biện pháp 3")
    # Search runs in the iframe worker shim and lands on a page of the unpacked site.
    assert page.evaluate("window.Worker === window.IFrameWorker")
    open_search(page, QUERY)
    result = page.locator(".md-search-result__item a").first
    href = result.get_attribute("href")
    result.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(unpacked.as_uri()) and ".html" in page.url, href
    assert outside == []
    assert errors == []


def test_a_checklist_filled_in_from_disk_keeps_what_was_entered(unpacked, offline_page):
    page, outside, errors = offline_page
    checklists = sorted((unpacked / "bang-kiem").glob("*.html"))
    form = next(p for p in checklists if p.stem == "co-quan-nha-nuoc")
    page.goto(form.as_uri(), wait_until="load")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("[data-bk-tools][data-bk-ready]")
    assert page.locator(f"#{ROW1}").count() == 1
    fill_two(page)
    page.reload()
    page.wait_for_selector("[data-bk-tools][data-bk-ready]")
    assert state(page) == FILLED
    assert outside == [] and errors == []


def test_the_aggregation_page_counts_files_from_disk(unpacked, offline_page, tmp_path):
    """The exports saved to disk, chosen from there on the page opened from the zip."""
    page, outside, errors = offline_page
    model = load_resolution(ROOT / "resolution.yaml")
    files = the_files(model)
    for name, raw in files:
        (tmp_path / name.replace("/", "_")).write_bytes(raw)
    page.goto((unpacked / "bang-kiem" / "tong-hop.html").as_uri(), wait_until="load")
    page.wait_for_selector("[data-th-tools][data-th-ready]")
    page.set_input_files("[data-th-input]", [str(tmp_path / name.replace("/", "_")) for name, _ in files])
    page.wait_for_function(
        f"document.querySelector('[data-th-tools]').getAttribute('data-th-files-read') === '{len(files)}'"
    )
    ref = reference(model, files)
    done = page.eval_on_selector_all(
        "[data-th-requirements] tbody tr",
        "trs => trs.map(tr => tr.querySelector('[data-th-count=done]').textContent)",
    )
    assert [int(n) for n in done] == [c["done"] for c in ref.by_requirement.values()]
    assert outside == [] and errors == []
