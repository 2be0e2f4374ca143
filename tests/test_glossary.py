"""The glossary, the plain-language explanations and the search's build side, in the built site."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from generator.outputs import search
from generator.pipeline import load_resolution
from generator.render import glossary
from generator.render.markdown import slugify
from tests.conftest import ROOT, rendered

MODEL = load_resolution(ROOT / "resolution.yaml")
ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def tooltips(page_html: str) -> dict[str, str]:
    """{text: title} of every <abbr> on a page."""
    return {text: html.unescape(title) for title, text in ABBR.findall(page_html)}


def verbatim_boxes(page_html: str) -> str:
    """The verbatim text of an item page (the resolution's words only)."""
    found = re.findall(r'(?s)<div class="nq-verbatim">(.*?)</div>', page_html)
    assert found, "no verbatim box"
    return "".join(found)


def test_every_glossary_term_has_an_explanation_and_its_place_on_the_glossary_page(site):
    assert len(MODEL.glossary) >= 20
    glossary_page = page(site, "thuat-ngu")
    for term in MODEL.glossary:
        assert len(term.explanation.split()) >= 5, term.term
        assert f'id="{glossary.term_id(term)}"' in glossary_page, term.term
        assert html.escape(
            term.explanation, quote=False
        ) in glossary_page or term.explanation in html.unescape(re.sub(r"<[^>]+>", "", glossary_page)), (
            term.term
        )
    for term in MODEL.glossary:
        if term.kind == "abbreviation":
            assert term.expansion, f"{term.term} has no expansion"


def test_an_abbreviation_inside_the_document_number_carries_its_explanation(site):
    tips = tooltips(page(site, "nghi-quyet"))
    hdnd = next(t for t in MODEL.glossary if t.term == "HĐND")
    assert tips["HĐND"] == hdnd.tooltip
    assert tips["HĐND"].startswith("Hội đồng nhân dân: ")
    # "55/NQ-HĐND": both abbreviations of the number are marked, the number stays whole in the text
    assert re.search(r"55/<abbr [^>]*>NQ</abbr>-<abbr [^>]*>HĐND</abbr>", page(site, "nghi-quyet"))


@pytest.mark.parametrize(
    "url,term",
    [
        ("muc-tieu/5", "Ban Thanh tra nhân dân"),
        ("muc-tieu/4", "hương ước"),
        ("muc-tieu/1", "Ban giám sát đầu tư của cộng đồng"),
        ("nguyen-tac/1", "Mặt trận Tổ quốc Việt Nam"),
        ("bien-phap/4", "chuyển đổi số"),
    ],
)
def test_a_term_in_the_verbatim_text_carries_its_explanation(site, url, term):
    tips = tooltips(verbatim_boxes(page(site, url)))
    assert term in tips, sorted(tips)
    entry = next(t for t in MODEL.glossary if term in t.forms)
    assert tips[term] == entry.tooltip


@pytest.mark.parametrize("item", MODEL.items, ids=[i.id for i in MODEL.items])
def test_every_term_the_items_text_uses_carries_its_explanation_once_in_its_verbatim_box(site, item):
    # A term is marked at its first occurrence in the item's text (the verbatim box is one block),
    # whichever of its forms comes first; terms the text does not use are not marked.
    forms = {form: term.tooltip for term in MODEL.glossary for form in term.forms}
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r")\b")
    used = {forms[found] for found in pattern.findall(item.full_text)}
    marks = [
        (text, html.unescape(title))
        for title, text in ABBR.findall(verbatim_boxes(page(site, f"{item.section_id}/{item.number}")))
    ]
    assert sorted(title for _, title in marks) == sorted(used)
    assert all(forms[text] == title for text, title in marks)


@pytest.mark.parametrize("item", MODEL.items, ids=[i.id for i in MODEL.items])
def test_every_item_page_has_its_explanation_apart_from_the_verbatim_text(site, item):
    body = page(site, f"{item.section_id}/{item.number}")
    match = re.search(
        r'(?s)<div class="admonition info nq-explain">\s*<p class="admonition-title">(.*?)</p>(.*?)</div>',
        body,
    )
    assert match, "no Diễn giải box"
    assert match.group(1) == "Diễn giải (không phải lời văn của Nghị quyết)"
    assert item.explanation.citizen.split(";")[0][:40] in html.unescape(
        re.sub(r"<[^>]+>", "", match.group(2))
    )
    assert "Diễn giải" not in verbatim_boxes(body)


def test_the_citizens_page_explains_and_links_every_item(site):
    body = page(site, "nguoi-dan")
    assert "không phải lời văn của" in body
    for item in MODEL.items:
        assert f'href="../{item.section_id}/{item.number}/"' in body, item.id
        assert f'id="{item.id}"' in body


def test_the_new_pages_are_in_the_navigation_and_on_the_home_page(site):
    home = page(site, "")
    assert 'href="nguoi-dan/"' in home and 'href="thuat-ngu/"' in home
    start = home[home.index('id="bat-dau"') :]
    assert 'href="nguoi-dan/"' in start and 'href="thuat-ngu/"' in start


def test_a_heading_without_an_id_keeps_d_in_its_anchor(site):
    assert '<h1 id="toan-van-nghi-quyet-so-55nq-hdnd">' in page(site, "nghi-quyet")


def test_stable_item_anchors_are_kept(site):
    body = page(site, "nghi-quyet")
    for item in MODEL.items:
        assert f'id="{item.id}"' in body


def test_the_built_search_knows_the_glossary_and_speaks_vietnamese(site):
    script = (site / search.WORKER_LANGUAGE).read_text(encoding="utf-8")
    pairs = json.loads(re.search(r"/\*__VI_GLOSSARY__\*/(.*?)/\*__END_VI_GLOSSARY__\*/", script).group(1))
    assert ["HĐND", "Hội đồng nhân dân"] in pairs
    assert ["TTND", "Thanh tra nhân dân"] in pairs  # "Ban" shared by both is dropped
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["vi"]


def test_the_small_fixture_without_a_glossary_has_no_glossary_pages(small_site):
    assert not (small_site / "thuat-ngu").exists()
    assert not (small_site / "nguoi-dan").exists()
    assert "<abbr" not in (small_site / "index.html").read_text(encoding="utf-8")


def test_slugify_keeps_d():
    assert slugify("Chính quyền điện tử", "-") == "chinh-quyen-dien-tu"
    assert slugify("ĐỊA BÀN", "-") == "dia-ban"


def test_term_ids_are_ascii():
    ids = [glossary.term_id(t) for t in MODEL.glossary]
    assert "hdnd" in ids and "ban-ttnd" in ids and "huong-uoc" in ids
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_glossary_and_explanations_render_literally_whatever_they_contain():

    from generator.check.validate import validate
    from generator.load.source import parse
    from tests.conftest import SMALL

    text = (
        SMALL.read_text(encoding="utf-8")
        .replace(
            "sections:\n",
            (
                "glossary:\n  - term: UBND\n    expansion: Ủy ban *nhân* dân\n"
                '    explanation: "Cơ quan <b>hành chính</b> [xem](http://x) | 1. _a_"\n'
                "sections:\n"
            ),
            1,
        )
        .replace(
            "        text: Mọi việc phải công khai; không giấu giếm.",
            (
                '        text: Mọi việc phải công khai; không giấu giếm.\n        explanation:\n          duty: "# Không phải *tiêu đề*"\n'
                '          citizen: "- Không phải <i>danh sách</i>"'
            ),
            1,
        )
    )
    model = validate(parse(text, "small.yaml"))
    plan = rendered(model)
    assert "thuat-ngu.md" in plan and "nguoi-dan.md" in plan
    assert "Ủy ban \\*nhân\\* dân" in plan["thuat-ngu.md"]
    assert (
        "Cơ quan &lt;b&gt;hành chính&lt;/b&gt; \\[xem\\](http\\://x) \\| 1. \\_a\\_" in plan["thuat-ngu.md"]
    )
    assert "\\# Không phải \\*tiêu đề\\*" in plan["nguyen-tac/1.md"]
    # the tooltip definition is appended to every page, on one line
    line = "*[UBND]: Ủy ban *nhân* dân: Cơ quan <b>hành chính</b> [xem](http://x) | 1. _a_"
    assert all(page.rstrip("\n").endswith(line) for here, page in plan.items() if here.endswith(".md"))


def test_citations_and_the_basis_column_carry_no_glossary_marks(site):
    """Citations of the resolution on the collection and projector pages and the checklists'
    "Căn cứ" cells name it; they do not use its terms, so they are not marked (an item page's
    own citation, and the text, are)."""
    import re

    checklist = page(site, "bang-kiem/xa-phuong-thi-tran")
    cells = re.findall(r'(?s)<td class="bk-basis">(.*?)</td>', checklist)
    assert cells and not [c for c in cells if "<abbr" in c]
    collection = page(site, "tap-hop")
    cites = re.findall(r'(?s)<p class="nq-cite">(.*?)</p>', collection)
    assert cites and not [c for c in cites if "<abbr" in c]
    projector = page(site, "trinh-chieu/bien-phap-4")
    assert "<abbr" not in re.search(r'(?s)<p class="nq-projector__cite">(.*?)</p>', projector).group(1)
    item = page(site, "bien-phap/4")
    assert "<abbr" in re.search(r'(?s)<p class="nq-cite">(.*?)</p>', item).group(1)


def test_the_unmarking_keeps_the_words_around_a_mark():
    import markdown

    from generator.mkdocs.plain_text import PlainTextExtension

    md = markdown.Markdown(extensions=["abbr", "attr_list", "md_in_html", PlainTextExtension()])
    html = md.convert(
        '<p class="nq-projector__cite" markdown="span">A HĐND *b* HĐND c</p>\n\nHĐND d\n\n'
        "*[HĐND]: Hội đồng nhân dân\n"
    )
    assert html == (
        '<p class="nq-projector__cite">A HĐND <em>b</em> HĐND c</p>\n'
        '<p><abbr title="Hội đồng nhân dân">HĐND</abbr> d</p>'
    )
