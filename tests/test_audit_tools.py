"""The audit tools themselves find what they are meant to find (on small made-up sites)."""

from __future__ import annotations

import difflib
from pathlib import Path

import material

from tests.audit import links, meta, weight
from tests.audit_pages import PAGES
from tests.conftest import ROOT


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_link_audit_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    site = _write(
        tmp_path,
        {
            "index.html": '<a href="a/">a</a> <a href="a/#here">ok</a> <a href="a/#gone">x</a> '
            '<a href="b/">x</a> <a href="#top">x</a> <a href="https://example.org/">ext</a>',
            "a/index.html": '<h1 id="here">A</h1> <a href="../">home</a> <a href="#__drawer">menu</a>',
        },
    )
    broken, checked = links.audit(site)
    assert broken == [
        "/index.html: a/#gone (no id 'gone' in /a/index.html)",
        "/index.html: b/ (no such file)",
        "/index.html: #top (no id 'top' in /index.html)",
    ]
    assert checked == 7


def test_material_files_are_told_from_ours(tmp_path):
    bundle = next((Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))
    site = _write(
        tmp_path,
        {
            f"assets/javascripts/{bundle.name}": bundle.read_text(encoding="utf-8"),
            "assets/javascripts/ours.js": "1;",
            "assets/stylesheets/main.css": "changed",
        },
    )
    assert weight.is_material(site, site / "assets/javascripts" / bundle.name)
    assert not weight.is_material(site, site / "assets/javascripts/ours.js")


def test_the_page_list_has_each_path_once_and_a_budget_for_the_item_page():
    paths = [p.path for p in PAGES]
    assert len(paths) == len(set(paths))
    assert any(p.weight_kb and p.own_kb for p in PAGES)
    assert 1 <= sum(p.lighthouse for p in PAGES) <= 3, "Lighthouse takes ~15 s a page: keep make test short"


def test_our_search_partial_differs_from_materials_only_by_the_dialog_name():
    theirs = (Path(material.__file__).parent / "templates/partials/search.html").read_text(encoding="utf-8")
    ours = (ROOT / "generator/theme/partials/search.html").read_text(encoding="utf-8")
    changed = [
        line
        for line in difflib.ndiff(theirs.splitlines()[3:], ours.splitlines()[3:])
        if line.startswith(("+ ", "- "))
    ]
    assert changed == [
        '- <div class="md-search" data-md-component="search" role="dialog">',
        '+ <div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
    ]


def test_the_meta_audit_names_each_missing_part(tmp_path):
    site = _write(
        tmp_path,
        {
            "index.html": '<html lang="vi"><head><title>T</title><meta name="description" content="D"></head></html>',
            "a/index.html": '<html><head><title> </title><meta name="description" content=""></head></html>',
        },
    )
    assert meta.audit(site) == (
        ["/a/index.html: no meta description", "/a/index.html: no title", "/a/index.html: no lang on <html>"],
        2,
    )
