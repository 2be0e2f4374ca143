"""The pages of a resolution in the official layout, rendered without MkDocs: the full text in
the document's order, one page per article with its khoản and điểm anchored and citable, chapter
pages, the home and about pages without a news-article source, and no checklist pages when the
data has no unit types. The built site is tested in tests/test_official_site.py."""

from __future__ import annotations

import copy
import datetime
import re

import markdown
import pytest
import yaml
from mkdocs.config import load_config

from generator.check.model_of import build_model
from generator.model import Resolution
from generator.render import official, opendata
from generator.render.pages import nav, render_site
from generator.write.tree import read_manifest
from tests.conftest import ROOT
from tests.golden import GOLDEN_OFFICIAL, render_official
from tests.test_render import HOSTILE

FIXTURE = ROOT / "tests" / "fixtures" / "official" / "nq-99-2025-gia-dinh.yaml"
URL = "https://gia-dinh.example/nq99/"
CITATION = "Nghị quyết số 99/2025/NQ-HĐND ngày 12/11/2025 của HĐND tỉnh Giả Định"


def fixture_data() -> dict:
    """The fixture as plain data (a fresh copy each time, to change)."""
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


def render(data: dict) -> dict[str, str]:
    """Every content file of the data's site."""
    return render_site(build_model(data), site_url=URL, date=datetime.date(2025, 11, 12))


@pytest.fixture(scope="module")
def model() -> Resolution:
    return build_model(fixture_data())


@pytest.fixture(scope="module")
def plan(model) -> dict[str, str]:
    return render_site(model, site_url=URL, date=datetime.date(2025, 11, 12))


def body(page: str) -> str:
    """A page without its front matter."""
    return page.split("\n---\n", 1)[1]


def html_of(page: str) -> str:
    """A generated page as the site's Markdown makes it (front matter dropped)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return converter.convert(body(page))


def anchored(model: Resolution) -> list[tuple[str, str]]:
    """(article id, part id) of every khoản and điểm."""
    return [(item.id, part.id) for item in model.items for part in official.cited_parts(item) if part.id]


def test_every_article_has_its_page_and_every_chapter_its_list(plan, model):
    articles = sorted(p for p in plan if re.fullmatch(r"dieu-[0-9a-z]+\.md", p))
    assert articles == [f"dieu-{n}.md" for n in ("1", "2", "3", "4", "4a", "5", "6")]
    assert {"chuong-i/index.md", "chuong-ii/index.md", "chuong-iii/index.md"} <= set(plan)
    chapter = plan["chuong-ii/index.md"]
    assert "- [Điều 4. Biện pháp về thông tin, tuyên truyền](../dieu-4.md)" in chapter
    assert "- [Điều 4a. Biện pháp về kinh phí](../dieu-4a.md)" in chapter
    assert "[toàn văn](../nghi-quyet.md#chuong-ii)" in chapter


def test_no_checklist_glossary_or_citizens_page_without_their_data(plan, model):
    assert not [p for p in plan if p.startswith("bang-kiem") or p in ("thuat-ngu.md", "nguoi-dan.md")]
    entries = nav(model)
    labels = [next(iter(e)) if isinstance(e, dict) else e for e in entries]
    assert "Bảng kiểm" not in labels
    assert labels[2:5] == [
        "Chương I – QUY ĐỊNH CHUNG",
        "Chương II – CÁC BIỆN PHÁP BẢO ĐẢM",
        "Chương III – ĐIỀU KHOẢN THI HÀNH",
    ]
    assert entries[3]["Chương II – CÁC BIỆN PHÁP BẢO ĐẢM"] == [
        "chuong-ii/index.md",
        "dieu-4.md",
        "dieu-4a.md",
    ]


def test_the_full_text_is_in_the_documents_order(plan, model):
    text = body(plan["nghi-quyet.md"])
    doc = model.official
    order = [
        *doc.header,
        *doc.title,
        *doc.council,
        doc.bases[0],
        "QUYẾT NGHỊ",
        "Chương I",
        "Điều 1",
        "Điều 4a",
        "Chương III",
        "Điều 6",
        "thông qua ngày 12 tháng 11 năm 2025",
        "Nơi nhận",
        "Trần Văn Thử",
        "PHỤ LỤC",
        "Đọc tại hội nghị thôn",
    ]
    positions = [text.find(words.split(" (")[0]) for words in order]
    assert -1 not in positions, [w for w, p in zip(order, positions, strict=True) if p == -1]
    # The header's two columns put "Số: ..." before the Quốc hiệu, as on paper.
    header = sorted(positions[:6])
    assert positions[6:] == sorted(positions[6:]) and max(header) < positions[6]


def test_every_khoan_and_diem_is_anchored_on_the_full_text_and_its_articles_page(plan, model):
    full = html_of(plan["nghi-quyet.md"])
    for item in model.items:
        assert f'id="{item.id}"' in full
    pairs = anchored(model)
    assert ("dieu-4", "dieu-4-khoan-3-diem-dd") in pairs and len(pairs) == 17
    for article, part in pairs:
        assert full.count(f'id="{part}"') == 1, part
        assert html_of(plan[f"{article}.md"]).count(f'id="{part}"') == 1, part


def test_the_header_is_split_into_its_two_columns(model):
    left, right = official.header_columns(model.official)
    assert [(line.text, line.role) for line in left] == [
        ("HỘI ĐỒNG NHÂN DÂN", "issuer"),
        ("TỈNH GIẢ ĐỊNH", "body"),
        ("Số: 99/2025/NQ-HĐND", "number"),
    ]
    assert [line.role for line in right] == ["nation", "motto", "date"]


def test_tables_are_tables_with_a_header_row(plan):
    html = html_of(plan["nghi-quyet.md"])
    assert html.count('<table class="nq-table">') == 2
    assert (
        '<th scope="col">Nguồn kinh phí</th>' in html and '<th scope="col">Hình thức công khai</th>' in html
    )
    assert "<td>Lồng ghép với chương trình khác</td>" in html


def test_an_articles_page_cites_the_article_and_each_khoan_and_diem(plan):
    page = plan["dieu-4.md"]
    assert page.splitlines()[1] == 'title: "Điều 4 – Nghị quyết số 99/2025/NQ-HĐND"'
    assert "# Điều 4. Biện pháp về thông tin, tuyên truyền {#dieu-4}" in page
    assert f'data-nq-url="{URL}dieu-4/" data-nq-cite="Điều 4, {CITATION}"' in page
    assert f'data-nq-url="{URL}dieu-4/#dieu-4-khoan-3" data-nq-cite="Khoản 3 Điều 4, {CITATION}"' in page
    assert (
        f'data-nq-url="{URL}dieu-4/#dieu-4-khoan-3-diem-dd" data-nq-cite="Điểm đ khoản 3 Điều 4, {CITATION}"'
        in page
    )
    assert "[Điểm b khoản 3 Điều 4](#dieu-4-khoan-3-diem-b)" in page
    assert "[toàn văn](nghi-quyet.md#dieu-4)" in page
    assert "[Trình chiếu](trinh-chieu/dieu-4.md)" in page
    assert "![Mã QR dẫn đến https\\://gia-dinh.example/nq99/dieu-4/](qr/dieu-4.svg)" in page
    assert "[← Điều 3](dieu-3.md)" in page and "[Điều 4a →](dieu-4a.md)" in page
    assert "Tình trạng hiệu lực: chưa xác minh." in page
    # An article without khoản has nothing to cite part by part.
    assert "Trích dẫn từng khoản, điểm" not in plan["dieu-1.md"]


def test_an_articles_jsonld_is_part_of_the_resolution(plan):
    import json

    front = yaml.safe_load(plan["dieu-4a.md"].split("---\n")[1])
    data = json.loads(front["jsonld"])
    assert data["name"] == "Điều 4a. Biện pháp về kinh phí"
    assert data["url"] == f"{URL}dieu-4a/"
    assert data["isPartOf"]["legislationIdentifier"] == "99/2025/NQ-HĐND"
    assert "legislationLegalForce" not in data and "legislationLegalForce" not in data["isPartOf"]


def test_the_home_page_gives_the_documents_facts_and_its_articles(plan):
    home = plan["index.md"]
    for fact in (
        "- **Số hiệu:** 99/2025/NQ-HĐND",
        "- **Loại văn bản:** Nghị quyết",
        "- **Ngày ban hành:** 12/11/2025",
        "- **Ngày có hiệu lực:** 01/01/2026",
        "- **Cơ quan ban hành:** Hội đồng nhân dân tỉnh Giả Định",
        "- **Người ký:** Trần Văn Thử",
        "- **Chức vụ người ký:** CHỦ TỊCH",
        "- **Khóa, kỳ họp:** KHÓA XI, KỲ HỌP THỨ CHÍN",
        "- **Tình trạng:** Chưa xác minh",
    ):
        assert fact in home, fact
    assert "Nghị quyết gồm 7 điều, chia thành 3 chương, và 1 phụ lục." in home
    assert "- [Điều 4a. Biện pháp về kinh phí](dieu-4a.md)" in home
    assert "bài viết" not in home


def test_the_about_page_says_the_text_is_the_official_one_and_keeps_its_anchors(plan):
    about = plan["gioi-thieu.md"]
    assert "## Nguồn văn bản {#nguon}" in about and "**Bài viết:**" not in about
    assert "văn bản chính thức" in about
    assert "{#lich-su-hieu-luc}" in about and "{#bao-loi}" in about
    assert "- Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;" in about
    assert "- Ủy ban Thường vụ Quốc hội;" in about
    assert f"“Điểm a khoản 3 Điều 4, {CITATION}”" in about


def test_derivative_pages_show_the_articles_words_without_their_anchors(plan):
    projector = plan["trinh-chieu/dieu-4.md"]
    assert "a) Tổ chức hội nghị cán bộ, công chức, viên chức;" in projector
    assert 'id="dieu-4-khoan-3"' not in projector
    collection = plan["tap-hop.md"]
    assert "đ) Công khai kết quả giải quyết kiến nghị của công dân\\:" in collection
    assert 'id="dieu-4-khoan-3' not in collection
    leaflet = plan["to-roi.md"]
    assert "## Chương II – CÁC BIỆN PHÁP BẢO ĐẢM {#to-roi-chuong-ii}" in leaflet
    assert "- Điều 4a. Biện pháp về kinh phí" in leaflet
    trainers = plan["giang-vien.md"]
    assert "## Điều 4: Biện pháp về thông tin, tuyên truyền {#gv-dieu-4}" in trainers
    assert f'data-nq-cite="Chương II, {CITATION}"' in trainers


def test_the_open_data_names_and_cites_khoan_and_diem(model):
    data = opendata.export(model)
    diem = data["sections"][1]["items"][0]["parts"][2]["parts"][4]
    assert diem["label"] == "Điểm đ khoản 3 Điều 4"
    assert diem["citation"] == f"Điểm đ khoản 3 Điều 4, {CITATION}"
    dash = data["sections"][1]["items"][0]["parts"][1]["parts"][0]
    assert dash["label"] is None and dash["citation"] is None
    assert data["source"] is None
    schema = opendata.json_schema()["$defs"]
    assert "verbatim" in schema["Section"]["properties"]["title"]["description"]
    assert "khóa" in schema["Official"]["properties"]["term"]["description"]
    assert "term" not in schema["Term"]["properties"]["term"].get("description", "")


def test_a_text_without_chapters_official_lines_or_appendices_renders(tmp_path):
    data = fixture_data()
    articles = [a for chapter in data.pop("chapters") for a in chapter["articles"]]
    del articles[0]["title"]  # an article may have no title
    data["articles"] = articles
    data["official"] = {}
    data.pop("appendices")
    plan = render(data)
    assert "dieu/index.md" in plan
    assert "[toàn văn](../nghi-quyet.md)" in plan["dieu/index.md"]
    full = plan["nghi-quyet.md"]
    assert "## Điều 2\\. Đối tượng áp dụng {#dieu-2 .nq-article-heading}" not in full
    assert "## Điều 2. Đối tượng áp dụng {#dieu-2 .nq-article-heading}" in full
    assert "# Điều 1. {#dieu-1}" in plan["dieu-1.md"]
    assert "Khóa, kỳ họp" not in plan["index.md"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_a_part_a_cell_and_the_header_stays_text(text):
    data = fixture_data()
    article = data["chapters"][1]["articles"][0]
    article["parts"][0]["text"] = text
    data["chapters"][1]["articles"][1]["parts"][1]["table"][1][0] = text
    data["official"]["header"][0] = text
    data["official"]["recipients"][1] = text
    plan = render(copy.deepcopy(data))
    for page in ("nghi-quyet.md", "dieu-4.md", "dieu-4a.md"):
        html = html_of(plan[page])
        assert "<script>" not in html and "<img src=x" not in html, page
        assert 'href="javascript' not in html, page


def test_glossary_terms_get_their_tooltip_in_the_articles_words():
    data = fixture_data()
    data["glossary"] = [
        {"term": "hương ước", "explanation": "Những điều người dân một thôn cùng thống nhất."}
    ]
    plan = render(data)
    for page in ("nghi-quyet.md", "dieu-4.md"):
        html = html_of(plan[page])
        assert '<abbr title="Những điều người dân một thôn cùng thống nhất.">hương ước</abbr>' in html, page


def test_the_news_articles_shape_without_a_source_renders():
    from tests.conftest import SMALL

    data = yaml.safe_load(SMALL.read_text(encoding="utf-8"))
    del data["source"]
    data.pop("unit_types", None)
    data.pop("requirements", None)
    data.pop("not_checkable", None)
    plan = render(data)
    assert "Về nguồn văn bản" not in plan["nghi-quyet.md"]
    assert "**Bài viết:**" not in plan["gioi-thieu.md"] and "{#nguon}" in plan["gioi-thieu.md"]
    assert "bài viết" not in plan["index.md"]
    assert not [p for p in plan if p.startswith("bang-kiem")]


def test_the_official_fixture_renders_exactly_its_golden_tree():
    plan = render_official()
    assert read_manifest(GOLDEN_OFFICIAL) == set(plan), "files added or removed: run `make golden` and review"
    for rel, text in plan.items():
        assert (GOLDEN_OFFICIAL / rel).read_text(encoding="utf-8") == text, (
            f"{rel} differs: run `make golden`"
        )
