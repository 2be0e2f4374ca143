"""Calmer glossary marks: a term is marked, with its tooltip, at its first occurrence in each
block of text (an item's verbatim text, a khoản of an article with its điểm, an explanation, a
paragraph), never in a heading, title, link, button, code or table header
(generator/mkdocs/glossary_marks.py). Checked on snippets, on every page of NQ 55's site and of
the official fixture's site with a glossary, both built by MkDocs for real."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import lxml.html
import markdown
import pytest
import yaml
from mkdocs.config import load_config

from generator.mkdocs.glossary_marks import GlossaryMarksExtension
from generator.model import Resolution
from generator.pipeline import load_resolution
from tests.conftest import ROOT, mkdocs_build, site_project

MODEL = load_resolution(ROOT / "resolution.yaml")
OFFICIAL = ROOT / "tests" / "fixtures" / "official" / "nq-99-2025-gia-dinh.yaml"
DEFINITIONS = "\n\n*[HĐND]: Hội đồng nhân dân\n*[Ban TTND]: Ban Thanh tra\n*[BTT]: Ban Thanh tra\n"
MARK = '<abbr title="Hội đồng nhân dân">HĐND</abbr>'

# What the checker below reads as never marked, and as blocks (independently of the module).
NEVER_TAGS = frozenset(
    ["h1", "h2", "h3", "h4", "h5", "h6", "a", "button", "code", "pre", "th", "summary", "caption"]
)
NEVER_CLASSES = frozenset(("admonition-title", "nq-verbatim__label", "nq-subject"))
PARAGRAPHS = frozenset(["p", "li", "td", "dd", "dt", "blockquote", "figcaption"])


def convert(text: str) -> str:
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "admonition", GlossaryMarksExtension()])
    return md.convert(text + DEFINITIONS)


# -- the marking, on snippets -------------------------------------------------------------------


def test_a_term_is_marked_once_per_paragraph_and_in_every_paragraph():
    assert convert("HĐND và HĐND, lại HĐND.\n\nỞ đây HĐND.") == (
        f"<p>{MARK} và HĐND, lại HĐND.</p>\n<p>Ở đây {MARK}.</p>"
    )


def test_headings_links_code_and_titles_are_never_marked_and_do_not_count():
    html = convert(
        "# HĐND\n\n[HĐND](x.md) của HĐND `HĐND`\n\n"
        '!!! note "HĐND"\n\n    Trong hộp HĐND.\n\n'
        '<p class="nq-subject" markdown>về HĐND</p>'
    )
    assert html == (
        "<h1>HĐND</h1>\n"
        f'<p><a href="x.md">HĐND</a> của {MARK} <code>HĐND</code></p>\n'
        '<div class="admonition note">\n<p class="admonition-title">HĐND</p>\n'
        f"<p>Trong hộp {MARK}.</p>\n</div>\n"
        '<p class="nq-subject">về HĐND</p>'
    )


def test_the_forms_of_one_term_count_as_one():
    # "Ban TTND" and "BTT" share their explanation: one term
    html = convert("Ban TTND và BTT.\n\nBTT rồi Ban TTND.")
    assert html == (
        '<p><abbr title="Ban Thanh tra">Ban TTND</abbr> và BTT.</p>\n'
        '<p><abbr title="Ban Thanh tra">BTT</abbr> rồi Ban TTND.</p>'
    )


def test_a_verbatim_box_is_one_block_whatever_its_paragraphs():
    html = convert(
        '<div class="nq-verbatim" markdown>\n\nHĐND một.\n\n- HĐND hai\n- HĐND ba\n\n</div>\n\nSau HĐND.'
    )
    assert html.count(MARK) == 2
    assert html.index(MARK) < html.index("một") and html.endswith(f"<p>Sau {MARK}.</p>")


def test_a_khoan_with_its_diem_is_one_block_on_the_full_text_and_on_the_article_page():
    part = (
        '<div class="nq-part nq-part--khoan" markdown>\n\n{n}\\. Theo HĐND\\:\n\n'
        '<div class="nq-part nq-part--diem" markdown>\n\na) HĐND xã;\n\n</div>\n</div>\n\n'
    )
    text = part.format(n=1) + part.format(n=2)
    for page in (
        f'<div class="nq-article" markdown>\n\n{text}</div>',
        f'<div class="nq-verbatim nq-article" markdown>\n\n{text}</div>',
    ):
        html = convert(page)
        assert html.count(MARK) == 2, html
        assert re.findall(r"(\d)\. Theo (<abbr[^>]*>)?", html) == [
            ("1", '<abbr title="Hội đồng nhân dân">'),
            ("2", '<abbr title="Hội đồng nhân dân">'),
        ]


def test_attributes_raw_html_and_the_words_around_a_mark_are_left_as_they_are():
    html = convert(
        '<p class="x" title="HĐND">raw HĐND</p>\n\n<script>var a = "HĐND";</script>\n\n'
        'Văn [bản](y.md "HĐND"){ data-x="HĐND" } *về* HĐND<span>HĐND</span>.'
    )
    assert html.count("<abbr") == 1
    assert '<p class="x" title="HĐND">raw HĐND</p>' in html and 'var a = "HĐND";' in html
    assert (
        '<a data-x="HĐND" href="y.md" title="HĐND">bản</a> <em>về</em> ' + MARK + "<span>HĐND</span>." in html
    )


def test_a_second_page_converted_by_the_same_object_has_only_its_own_definitions():
    md = markdown.Markdown(extensions=[GlossaryMarksExtension()])
    assert md.convert("HĐND\n\n*[HĐND]: Hội đồng nhân dân\n") == f"<p>{MARK}</p>"
    assert md.convert("HĐND") == "<p>HĐND</p>"


def test_the_sites_configuration_marks_with_this_extension():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert "abbr" not in config.markdown_extensions
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    assert md.convert("## HĐND\n\nHĐND HĐND" + DEFINITIONS).count("<abbr") == 1


# -- the built sites -------------------------------------------------------------------------------


def blocks(page_html: str) -> list[dict]:
    """Every block of text in the page's <article>: its kind (part, unit, paragraph, page), its
    marks as (text, title, hidden) and the text a mark may be expected in (outside headings,
    links, titles, code; outside tables, which are raw HTML)."""
    article = lxml.html.fromstring(page_html).find(".//article")
    assert article is not None
    out: list[dict] = []

    def new(kind: str, el=None) -> dict:
        out.append({"kind": kind, "id": el is not None and el.get("id"), "marks": [], "text": []})
        return out[-1]

    def visit(el, block: dict, depth: int, hidden: bool) -> None:
        classes = set((el.get("class") or "").split())
        hidden = hidden or el.tag in NEVER_TAGS or bool(classes & NEVER_CLASSES)
        if "nq-part" in classes and depth < 2:
            block, depth = new("part", el), 2
        elif depth < 1 and classes & {"nq-verbatim", "nq-explain"}:
            block, depth = new("unit"), 1
        elif depth == 0 and el.tag in PARAGRAPHS:
            block = new("paragraph")
        if el.tag == "abbr":
            block["marks"].append((el.text_content(), el.get("title"), hidden))
        quiet = hidden or el.tag == "table"
        if el.text and not quiet:
            block["text"].append(el.text)
        for child in el:
            if isinstance(child.tag, str):
                visit(child, block, depth, quiet)
            if child.tail and not quiet:
                block["text"].append(child.tail)

    visit(article, new("page"), 0, False)
    return out


def tips(model: Resolution) -> dict[str, str]:
    return {form: term.tooltip for term in model.glossary for form in term.forms}


def expected(block: dict, model: Resolution) -> Counter:
    forms = tips(model)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r")\b")
    return Counter({forms[m] for m in pattern.findall(" ".join(block["text"]))})


def check_site(site: Path, model: Resolution) -> Counter:
    """Every page: no mark in a heading, title, link or code; each term at most once per block,
    with its own tooltip; in the resolution's text and in explanations, marked in every block
    it occurs in. Returns the number of marks per page."""
    forms, counts = tips(model), Counter()
    for built in sorted(site.rglob("index.html")):
        where = str(built.parent.relative_to(site))
        for block in blocks(built.read_text(encoding="utf-8")):
            marks = block["marks"]
            counts[where] += len(marks)
            assert not [m for m in marks if m[2]], (where, marks)
            assert all(forms[text] == title for text, title, _ in marks), (where, marks)
            titles = Counter(title for _, title, _ in marks)
            assert max(titles.values(), default=0) <= 1, (where, marks)
            if block["kind"] in ("part", "unit"):
                assert titles == expected(block, model), (where, " ".join(block["text"])[:200])
    return counts


def test_nq55_every_page_marks_each_term_once_per_block_and_no_heading(site):
    counts = check_site(site, MODEL)
    full_text = (site / "nghi-quyet" / "index.html").read_text(encoding="utf-8")
    term = re.findall(r"<abbr [^>]*>dân chủ ở cơ sở</abbr>", full_text)
    # 43 marks before, headings included; now one per block it occurs in
    assert 10 <= len(term) <= 20, len(term)
    boxes = [b for b in blocks(full_text) if b["kind"] == "unit"]
    with_term = [b for b in boxes if "dân chủ ở cơ sở" in " ".join(b["text"])]
    assert len(with_term) >= 8 and all(
        [m[0] for m in b["marks"]].count("dân chủ ở cơ sở") == 1 for b in with_term
    )
    assert counts["nghi-quyet"] and counts["thuat-ngu"] and counts["nguoi-dan"]


@pytest.fixture(scope="module")
def official(tmp_path_factory) -> tuple[Path, Resolution]:
    """The official fixture with a glossary, built by MkDocs."""
    data = yaml.safe_load(OFFICIAL.read_text(encoding="utf-8"))
    data["glossary"] = [
        {"term": "Hội đồng nhân dân", "explanation": "Cơ quan do cử tri bầu ra (giả định)."},
        {"term": "Ủy ban nhân dân", "explanation": "Cơ quan hành chính của địa phương (giả định)."},
        {"term": "hội nghị", "explanation": "Cuộc họp để bàn việc chung (giả định)."},
        {"term": "dân chủ ở cơ sở", "explanation": "Quyền làm chủ của người dân ở nơi mình sống (giả định)."},
        {"term": "Nghị quyết", "explanation": "Văn bản ghi quyết định của một tập thể (giả định)."},
        {"term": "tuyên truyền", "explanation": "Nói cho nhiều người biết (giả định)."},
    ]
    project = tmp_path_factory.mktemp("official-glossary")
    source = project / "source.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = mkdocs_build(site_project(project, source), project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site", load_resolution(project / "resolution.yaml")


def test_official_every_page_marks_each_term_once_per_block_and_no_heading(official):
    site, model = official
    counts = check_site(site, model)
    assert counts["nghi-quyet"] and counts["dieu-4"] and counts["dieu-5"]


@pytest.mark.parametrize("url", ["nghi-quyet", "dieu-4", "dieu-5"])
def test_official_a_khoan_is_one_block_and_a_term_in_two_khoan_is_marked_in_both(official, url):
    site, _ = official
    page = (site / url / "index.html").read_text(encoding="utf-8")
    marked = {b["id"]: [m[0] for m in b["marks"]] for b in blocks(page) if b["kind"] == "part" and b["id"]}
    if url != "dieu-5":
        # Điều 4 khoản 3: "hội nghị" in điểm a and in điểm b, marked once, in điểm a
        assert marked["dieu-4-khoan-3"].count("hội nghị") == 1
        assert re.search(r"a\) Tổ chức <abbr [^>]*>hội nghị</abbr>", page)
        # "Ủy ban nhân dân" in khoản 2 of Điều 2, 4 (and 5): marked in each
        assert "Ủy ban nhân dân" in marked["dieu-4-khoan-2"]
        assert "Hội đồng nhân dân" in marked["dieu-4-khoan-3"]
    if url != "dieu-4":
        # Điều 5: "Hội đồng nhân dân" three times in khoản 2, marked once
        assert "Ủy ban nhân dân" in marked["dieu-5-khoan-1"]
        assert marked["dieu-5-khoan-2"] == ["Hội đồng nhân dân", "Nghị quyết"]
        assert marked["dieu-5-khoan-1"] == ["Ủy ban nhân dân", "Nghị quyết"]  # both khoản of Điều 5
    if url == "nghi-quyet":
        assert "Ủy ban nhân dân" in marked["dieu-2-khoan-2"]
    assert not re.search(r"<h[1-6][^>]*>[^\n]*<abbr", page)
    if url == "dieu-4":
        assert "tuyên truyền" in page and "tuyên truyền</abbr>" not in page  # in the title only
