"""Links that never break: every recorded URL resolves in the built site, old ids keep working,
and the site has a sitemap and canonical URLs at its published address."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.pipeline import load_resolution
from tests.conftest import ROOT, SMALL, TEST_URL, mkdocs_build, site_project
from tests.published import page_file, published, redirect_target, unresolved

SITE_URL = "https://nq55-dan-chu-co-so.tuyenquang.example/"


def test_the_record_lists_the_foundations_urls_and_anchors():
    urls = published()
    assert len(urls) == len(set(urls)), "a URL is recorded twice"
    model = load_resolution(ROOT / "resolution.yaml")
    for item in model.items:
        assert f"/{item.section_id}/{item.number}/" in urls
        assert f"/nghi-quyet/#{item.id}" in urls
        assert f"/trinh-chieu/{item.id}/" in urls


def test_the_record_lists_the_checklists_their_rows_and_downloads_and_the_glossarys_terms():
    from generator.render import checklist as ck
    from generator.render import glossary

    urls = published()
    model = load_resolution(ROOT / "resolution.yaml")
    assert {"/bang-kiem/", "/nguoi-dan/", "/thuat-ngu/"} <= set(urls)
    for cl in ck.checklists(model):
        assert f"/bang-kiem/{cl.unit.id}/" in urls
        for ext in ("pdf", "docx"):
            assert f"/bang-kiem/{cl.unit.id}/bang-kiem-{cl.unit.id}.{ext}" in urls
        for row in cl.rows:
            # a renamed row's old ids were published too: they stay, and the site answers them
            for ident in (row.requirement.id, *row.requirement.aliases):
                assert f"/bang-kiem/{cl.unit.id}/#{ident}" in urls
    for term in model.glossary:
        assert f"/thuat-ngu/#{glossary.term_id(term)}" in urls


def test_every_published_url_resolves_in_the_built_site(site):
    assert unresolved(site, published()) == []


def test_the_check_fails_when_a_page_or_an_anchor_is_removed(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "bien-phap" / "3" / "index.html").unlink()
    full = copy / "nghi-quyet" / "index.html"
    full.write_text(full.read_text(encoding="utf-8").replace('id="muc-tieu-2"', 'id="x"'), encoding="utf-8")
    (copy / "schema.json").unlink()
    assert unresolved(copy, published()) == [
        "/bien-phap/3/: no page (bien-phap/3/index.html is missing)",
        "/nghi-quyet/#muc-tieu-2: no anchor muc-tieu-2",
        "/schema.json: no page (schema.json is missing)",
    ]


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory) -> Path:
    """The small fixture after an edit that renamed bien-phap-2 to bien-phap-hai and the
    requirement bp2-bao-cao to bp2-bao-cao-ket-qua, keeping the old ids."""
    project = tmp_path_factory.mktemp("renamed")
    renamed = project / "renamed.yaml"
    renamed.write_text(renamed_text(), encoding="utf-8")
    result = mkdocs_build(site_project(project, renamed), project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def renamed_text() -> str:
    """The small fixture's data with bien-phap-2 and bp2-bao-cao renamed, their old ids kept."""
    text = SMALL.read_text(encoding="utf-8")
    for old, new in (("bien-phap-2", "bien-phap-hai"), ("bp2-bao-cao", "bp2-bao-cao-ket-qua")):
        assert text.count(f"- id: {old}\n") == 1
        indent = re.search(rf"(?m)^(\s*)- id: {old}$", text).group(1)
        text = text.replace(f"- id: {old}\n", f"- id: {new}\n{indent}  aliases: [{old}]\n")
    return text


def test_a_renamed_id_keeps_its_old_anchor_and_gets_the_new_one(renamed_site):
    assert (
        unresolved(
            renamed_site,
            [
                "/nghi-quyet/#bien-phap-2",
                "/nghi-quyet/#bien-phap-hai",
                "/bien-phap/2/",
                "/trinh-chieu/bien-phap-hai/",
                "/bang-kiem/don-vi-a/#bp2-bao-cao",
                "/bang-kiem/don-vi-a/#bp2-bao-cao-ket-qua",
            ],
        )
        == []
    )


def test_the_old_projector_url_of_a_renamed_id_redirects_to_the_new_one(renamed_site):
    assert redirect_target(renamed_site, "/trinh-chieu/bien-phap-2/") == "/trinh-chieu/bien-phap-hai/"
    page = page_file(renamed_site, "/trinh-chieu/bien-phap-2/").read_text(encoding="utf-8")
    # The small fixture's own address (its `site.url`), as the golden output has it.
    assert f'<link rel="canonical" href="{TEST_URL}trinh-chieu/bien-phap-hai/">' in page
    assert "%%SITE_URL%%" not in page


def test_the_collection_page_knows_the_old_id(renamed_site):
    page = page_file(renamed_site, "/tap-hop/").read_text(encoding="utf-8")
    assert 'data-nq-ids="bien-phap-hai bien-phap-2"' in page


def test_the_sitemap_lists_every_published_page_at_the_sites_address(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    pages = {u for u in published() if u.endswith("/") and "#" not in u}
    assert {SITE_URL + u.lstrip("/") for u in pages} <= locs


@pytest.mark.parametrize(
    "url", ["/", "/bien-phap/4/", "/giang-vien/", "/tap-hop/", "/to-roi/", "/trinh-chieu/muc-tieu-1/"]
)
def test_pages_name_their_canonical_url(site, url):
    page = page_file(site, url).read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}{url.lstrip("/")}">' in page


def test_no_page_keeps_the_site_url_marker(site):
    leftover = [
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if "%%SITE_URL%%" in p.read_text(encoding="utf-8")
    ]
    assert leftover == []
