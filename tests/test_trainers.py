"""The trainers' pieces as pure functions: links, link targets, citations, QR SVG."""

from __future__ import annotations

import posixpath
import re

import pytest

from generator.outputs.site import linked_paths
from generator.pipeline import load_resolution
from generator.render import citation, trainers
from generator.render.markdown import attr
from generator.render.qr import qr_svg
from tests.conftest import ROOT, SMALL, rendered


def test_pages_link_to_pages_and_files_only_with_links_mkdocs_writes():
    """No page writes a relative URL of its own in HTML (`href="../x/"`): links to pages and to
    the site's files name the .md page or the file, in Markdown or in raw HTML, and MkDocs checks
    them and writes them for the site's layout (mkdocs/raw_links.py for raw HTML): directory
    URLs, or the offline copy's files."""
    model = load_resolution(ROOT / "resolution.yaml")
    pages = rendered(model, "resolution.yaml")
    known = {*pages, *linked_paths(model)}
    raw = {
        path: [
            url
            for url in re.findall(r'\b(?:href|src)="((?![a-z]+:|#)[^"#]*)', text)
            if posixpath.normpath(posixpath.join(posixpath.dirname(path), url)) not in known
        ]
        for path, text in pages.items()
        if path.endswith(".md")
    }
    assert {path: links for path, links in raw.items() if links} == {}
    assert "[Thoát trình chiếu](../bien-phap/3.md)" in pages["trinh-chieu/bien-phap-3.md"]
    assert 'src="qr/bien-phap-3.svg"' in pages["giang-vien.md"]
    assert '<td class="bk-basis"><a href="../muc-tieu/1.md">' in pages["bang-kiem/co-quan-nha-nuoc.md"]


def test_the_files_pages_link_to_are_named_to_mkdocs_and_written_after_the_build(site):
    """The plugin names them to MkDocs (so it checks the links to them), which writes nothing for
    them; after the build each holds its content."""
    paths = linked_paths(load_resolution(ROOT / "resolution.yaml"))
    assert "to-roi/nghi-quyet-to-roi.pdf" in paths and "qr/trang-chu.svg" in paths
    assert [p for p in paths if (site / p).stat().st_size == 0] == []


def test_link_targets_cover_home_full_text_sections_and_items_in_order():
    model = load_resolution(SMALL)
    targets = trainers.link_targets(model)
    assert [t.url for t in targets] == [
        "",
        "nghi-quyet/",
        "nguyen-tac/",
        "nguyen-tac/1/",
        "nguyen-tac/2/",
        "muc-tieu/",
        "bien-phap/",
        "bien-phap/1/",
        "bien-phap/2/",
        "bien-phap/3/",
        "bien-phap/4/",
        "bang-kiem/",
        "bang-kiem/don-vi-a/",
    ]  # NOTE: it has requirements, no glossary, no explanations
    assert len({t.qr for t in targets}) == len(targets)


def test_link_targets_include_the_citizens_page_the_glossary_with_each_term_and_every_checklist():
    from generator.render.checklist import checklists
    from generator.render.glossary import term_id

    model = load_resolution(ROOT / "resolution.yaml")
    targets = trainers.link_targets(model)
    urls = [t.url for t in targets]
    assert urls[len(model.items) + len(model.sections) + 2 :] == (
        ["nguoi-dan/", "thuat-ngu/"]
        + [f"thuat-ngu/#{term_id(t)}" for t in model.glossary if t.kind == "abbreviation"]
        + [f"thuat-ngu/#{term_id(t)}" for t in model.glossary if t.kind != "abbreviation"]
        + ["bang-kiem/"]
        + [f"bang-kiem/{cl.unit.id}/" for cl in checklists(model)]
    )
    assert "thuat-ngu/#hdnd" in urls and "bang-kiem/xa-phuong-thi-tran/" in urls
    assert len({t.id for t in targets}) == len({t.qr for t in targets}) == len(targets)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("bang-kiem/", "Bảng kiểm"),
        ("bang-kiem/xa-phuong-thi-tran/", "Bảng kiểm: Xã, phường, thị trấn"),
        ("thuat-ngu/", "Thuật ngữ và chữ viết tắt"),
        ("thuat-ngu/#hdnd", "Thuật ngữ: HĐND"),
        ("nguoi-dan/", "Dành cho người dân"),
    ],
)
def test_our_pages_are_cited_with_a_dash_and_the_resolutions_citation(url, expected):
    model = load_resolution(ROOT / "resolution.yaml")
    target = next(t for t in trainers.link_targets(model) if t.url == url)
    assert target.citation == (
        f"{expected} – Nghị quyết số 55/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Tuyên Quang"
    )


def test_the_item_citation_is_the_vietnamese_form():
    model = load_resolution(ROOT / "resolution.yaml")
    item = model.items[-3]
    assert citation.of_item(model, item) == (
        "Biện pháp 4, Nghị quyết số 55/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Tuyên Quang"
    )


def test_attr_escapes_hostile_text_for_html():
    assert attr("a\"<b>&'") == "a&quot;&lt;b&gt;&amp;&#x27;"


def test_qr_svg_is_a_scalable_svg_naming_its_url():
    svg = qr_svg("https://example.test/a?b=1&c=2")
    assert svg.startswith("<svg") and 'viewBox="0 0 ' in svg and "width=" not in svg.split(">")[0]
    assert "<title>Mã QR: https://example.test/a?b=1&amp;c=2</title>" in svg
    assert qr_svg("https://example.test/") == qr_svg("https://example.test/")


def test_a_qr_code_is_kept_in_the_cache_by_its_url(tmp_path, monkeypatch):
    from generator.outputs import codes
    from generator.render import qr
    from generator.write.cache import Cache

    model = load_resolution(SMALL)
    made = codes.qr_files(model, site_url="https://example.test/", cache=Cache(tmp_path))
    assert made["qr/bien-phap-3.svg"].decode("utf-8") == qr_svg("https://example.test/bien-phap/3/") + "\n"
    assert len(list((tmp_path / "qr").iterdir())) == len(made)
    uri = qr.qr_svg_data_uri("https://example.test/bang-kiem/don-vi-a/", cache=Cache(tmp_path))
    assert uri == qr.qr_svg_data_uri("https://example.test/bang-kiem/don-vi-a/")

    def no_encoding(*args, **kwargs):
        raise AssertionError("encoded again although the URL is in the cache")

    # NOTE: what the cache calls to make a code
    monkeypatch.setattr(qr, "_svg", no_encoding)
    monkeypatch.setattr(qr, "_data_uri", no_encoding)
    assert codes.qr_files(model, site_url="https://example.test/", cache=Cache(tmp_path)) == made
    assert qr.qr_svg_data_uri("https://example.test/bang-kiem/don-vi-a/", cache=Cache(tmp_path)) == uri
    with pytest.raises(AssertionError, match="encoded again"):
        codes.qr_files(model, site_url="https://example.test/other/", cache=Cache(tmp_path))
    with pytest.raises(AssertionError, match="encoded again"):
        qr.qr_svg_data_uri("https://example.test/bang-kiem/don-vi-a/", size_mm=20, cache=Cache(tmp_path))


def test_the_leaflet_has_every_section_at_a_glance_with_a_qr_code_to_the_site(site):
    from tests.test_site import text_of

    model = load_resolution(ROOT / "resolution.yaml")
    page = (site / "to-roi" / "index.html").read_text(encoding="utf-8")
    text = text_of(page)
    for heading in ("3 nguyên tắc", "5 mục tiêu", "6 biện pháp"):
        assert heading in text
    for item in model.items:
        assert trainers.glance(item) in text
    assert 'src="../qr/trang-chu.svg"' in page
    assert "Tiêu đề ngắn do trang web đặt" in text  # our titles are marked as ours


def test_the_leaflet_pdf_is_made_again_only_when_its_page_changes(site, monkeypatch):
    """The PDF is a function of the built page and the images it shows: the same page and QR code
    take it from the cache the build filled; another page makes it again."""
    from generator.outputs import leaflet
    from generator.write.cache import Cache

    built = (site / "to-roi" / "nghi-quyet-to-roi.pdf").read_bytes()
    page = (site / "to-roi" / "index.html").read_text(encoding="utf-8")
    files = {"qr/trang-chu.svg": (site / "qr" / "trang-chu.svg").read_bytes()}

    def no_pdf(*args, **kwargs):
        raise AssertionError("the leaflet PDF was made again although its page did not change")

    monkeypatch.setattr(leaflet, "html_to_pdf", no_pdf)
    cache = Cache(ROOT / ".cache")
    made = leaflet.leaflet_files(page, page="to-roi/index.html", files=files, cache=cache)
    assert made == {"to-roi/nghi-quyet-to-roi.pdf": built}
    with pytest.raises(AssertionError, match="made again"):
        leaflet.leaflet_files(
            page.replace("6 biện pháp", "7 biện pháp"), page="to-roi/index.html", files=files, cache=cache
        )
