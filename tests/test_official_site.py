"""A resolution in the official layout, end to end: `python -m generator site --resolution` builds
the fictional fixture (tests/fixtures/official/nq-99-2025-gia-dinh.yaml) into a site in which
every line of its text is on the full text page and in the open data, every Điều, khoản and điểm
has its anchor and every Điều its page, the home page gives the document's facts, nothing names
NQ 55, and this repository's content/ and site/ are not touched."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.check.model_of import build_model
from generator.render import official
from tests.conftest import ROOT
from tests.docx_official import docx_of
from tests.published import page_file, published, unresolved
from tests.test_any_resolution import generator, mentions, snapshot

FIXTURES = ROOT / "tests" / "fixtures" / "official"
YAML = FIXTURES / "nq-99-2025-gia-dinh.yaml"
TEXT = FIXTURES / "nq-99-2025-gia-dinh.txt"
# A text without chapters, whose YAML the importer makes (python -m generator import).
TEXT_WITHOUT_CHAPTERS = FIXTURES / "nq-98-2025-thu-nghiem.txt"
RECORD = ROOT / "tests" / "published-urls-official.txt"
URL = "https://nq99.gia-dinh.example/"


class _Visible(HTMLParser):
    """The text a reader sees in a page's main content (<article>), scripts and styles left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.skip = 0  # inside <script> or <style>
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def visible_text(page_html: str) -> str:
    """The page's main text, whitespace normalised to single spaces."""
    parser = _Visible()
    parser.feed(page_html)
    return " ".join(" ".join(parser.parts).split())


def source_lines(text: Path = TEXT) -> list[str]:
    """Every non-blank line of a fixture's text, whitespace normalised; a table's line is its
    cells, one space apart (as a table reads)."""
    lines = text.read_text(encoding="utf-8").splitlines()
    return [" ".join(" ".join(line.split("\t")).split()) for line in lines if line.strip()]


def json_lines(value) -> set[str]:
    """Every line the open data holds: its strings, a part's or article's marker with its words,
    a table row's cells; whitespace normalised."""
    out: set[str] = set()

    def visit(v):
        if isinstance(v, str):
            out.add(" ".join(v.split()))
        elif isinstance(v, list):
            if v and all(isinstance(c, str) for c in v):
                out.add(" ".join(" ".join(v).split()))
            for c in v:
                visit(c)
        elif isinstance(v, dict):
            marker = v.get("marker")
            for words in (v.get("text"), v.get("heading"), v.get("title")):
                if isinstance(marker, str) and isinstance(words, str) and words:
                    out.add(" ".join(f"{marker} {words}".split()))
            for c in v.values():
                visit(c)

    visit(value)
    return out


@pytest.fixture(scope="module")
def model():
    return build_model(yaml.safe_load(YAML.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture copied to a folder of its own and built with `site --resolution --site-dir
    --site-url`, from the project's folder; (the site folder, the repository before and after)."""
    folder = tmp_path_factory.mktemp("official")
    resolution = folder / "nghi-quyet.yaml"
    shutil.copy(YAML, resolution)
    before = {name: snapshot(ROOT / name) for name in ("content", "site")}
    result = generator(
        "site", "--resolution", str(resolution), "--site-dir", str(folder / "web"), "--site-url", URL
    )
    after = {name: snapshot(ROOT / name) for name in ("content", "site")}
    assert result.returncode == 0, result.stderr
    return folder / "web", before, after


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built[0]


def page(site: Path, url: str) -> str:
    return page_file(site, url).read_text(encoding="utf-8")


def test_every_line_of_the_text_is_on_the_full_text_page(site):
    text = visible_text(page(site, "/nghi-quyet/"))
    missing = [line for line in source_lines() if line not in text]
    assert missing == []


def test_every_line_of_the_text_is_in_the_open_data(site):
    data = json.loads((site / "nghi-quyet.json").read_text(encoding="utf-8"))
    lines = json_lines(data)
    missing = [line for line in source_lines() if line not in lines]
    assert missing == []


def test_the_check_of_lines_would_see_a_missing_one(site):
    text = visible_text(page(site, "/nghi-quyet/").replace("Đọc tại hội nghị thôn", "Đọc"))
    missing = [line for line in source_lines() if line not in text]
    assert missing == ["2 Các khoản đóng góp của Nhân dân Đọc tại hội nghị thôn"]


def test_every_article_has_its_page(site, model):
    for number in ("1", "2", "3", "4", "4a", "5", "6"):
        assert page_file(site, f"/dieu-{number}/").is_file(), number
    assert [item.id for item in model.items] == [
        "dieu-1", "dieu-2", "dieu-3", "dieu-4", "dieu-4a", "dieu-5", "dieu-6"
    ]  # fmt: skip


def test_every_article_khoan_and_diem_is_anchored_on_the_full_text_and_the_articles_page(site, model):
    full = page(site, "/nghi-quyet/")
    for item in model.items:
        own = page(site, f"/dieu-{str(item.number).lower()}/")
        assert f'id="{item.id}"' in full and f'id="{item.id}"' in own, item.id
        for part in official.cited_parts(item):
            assert full.count(f'id="{part.id}"') == 1, part.id
            assert own.count(f'id="{part.id}"') == 1, part.id


def test_the_record_lists_every_article_khoan_and_diem(model):
    urls = published(RECORD)
    assert len(urls) == len(set(urls)), "a URL is recorded twice"
    for item in model.items:
        own = f"/dieu-{str(item.number).lower()}/"
        assert {own, f"/nghi-quyet/#{item.id}", f"/trinh-chieu/{item.id}/"} <= set(urls)
        for part in official.cited_parts(item):
            assert {f"/nghi-quyet/#{part.id}", f"{own}#{part.id}"} <= set(urls)


def test_every_recorded_url_resolves(site):
    assert unresolved(site, published(RECORD)) == []


def test_the_home_page_gives_the_documents_facts(site):
    text = visible_text(page(site, "/"))
    for fact in (
        "Số hiệu: 99/2025/NQ-HĐND",
        "Loại văn bản: Nghị quyết",
        "Ngày ban hành: 12/11/2025",
        "Ngày có hiệu lực: 01/01/2026",
        "Cơ quan ban hành: Hội đồng nhân dân tỉnh Giả Định",
        "Người ký: Trần Văn Thử",
        "Chức vụ người ký: CHỦ TỊCH",
        "Khóa, kỳ họp: KHÓA XI, KỲ HỌP THỨ CHÍN",
        "Tình trạng: Chưa xác minh",
    ):
        assert fact in text, fact
    assert "Điều 4a. Biện pháp về kinh phí" in text


def test_an_articles_page_has_its_citations_and_links(site):
    dieu4 = page(site, "/dieu-4/")
    cite = "Khoản 3 Điều 4, Nghị quyết số 99/2025/NQ-HĐND ngày 12/11/2025 của HĐND tỉnh Giả Định"
    assert f'data-nq-cite="{cite}"' in dieu4
    assert f'data-nq-url="{URL}dieu-4/#dieu-4-khoan-3"' in dieu4
    assert 'href="../nghi-quyet/#dieu-4"' in dieu4 and 'href="../trinh-chieu/dieu-4/"' in dieu4
    assert 'src="../qr/dieu-4.svg"' in dieu4 and (site / "qr" / "dieu-4.svg").is_file()
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', dieu4).group(1)
    assert json.loads(ld)["name"] == "Điều 4. Biện pháp về thông tin, tuyên truyền"


def test_there_are_no_checklist_pages_and_no_source_article(site):
    assert not (site / "bang-kiem").exists()
    about = visible_text(page(site, "/gioi-thieu/"))
    assert "Bài viết:" not in about and "văn bản chính thức" in about
    assert "Bảng kiểm" not in page(site, "/")


def test_no_page_names_nq55_or_its_province(site):
    assert mentions(site) == {}


def test_the_repositorys_content_and_site_are_not_touched(built):
    _, before, after = built
    assert before == after and before["content"]


def test_the_offline_zip_builds(tmp_path):
    resolution = tmp_path / "nq.yaml"
    shutil.copy(YAML, resolution)
    result = generator("offline", "--resolution", str(resolution))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "build" / "offline-site.zip") as z:
        names = set(z.namelist())
        full = z.read(next(n for n in names if n.endswith("nghi-quyet.html"))).decode("utf-8")
    assert any(n.endswith("dieu-4a.html") for n in names)
    assert 'id="dieu-4-khoan-3-diem-dd"' in full


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The fixture without chapters, imported from its text and built: (its model, its site)."""
    folder = tmp_path_factory.mktemp("imported")
    resolution = folder / "nq-98.yaml"
    result = generator("import", str(TEXT_WITHOUT_CHAPTERS), "--output", str(resolution))
    assert result.returncode == 0, result.stderr
    result = generator(
        "site", "--resolution", str(resolution), "--site-dir", str(folder / "web"), "--site-url", URL
    )
    assert result.returncode == 0, result.stderr
    return build_model(yaml.safe_load(resolution.read_text(encoding="utf-8"))), folder / "web"


def test_an_imported_text_without_chapters_is_whole_on_its_site(imported):
    model, site = imported
    assert [s.id for s in model.sections] == ["dieu"] and not model.sections[0].marker
    text = visible_text(page(site, "/nghi-quyet/"))
    data = json_lines(json.loads((site / "nghi-quyet.json").read_text(encoding="utf-8")))
    lines = source_lines(TEXT_WITHOUT_CHAPTERS)
    assert [line for line in lines if line not in text] == []
    assert [line for line in lines if line not in data] == []
    full = page(site, "/nghi-quyet/")
    for item in model.items:
        own = page(site, f"/dieu-{str(item.number).lower()}/")
        assert f'id="{item.id}"' in full and f'id="{item.id}"' in own
        for part in official.cited_parts(item):
            assert f'id="{part.id}"' in full and f'id="{part.id}"' in own, part.id
    listing = visible_text(page(site, "/dieu/"))
    assert all(item.heading_line in listing for item in model.items)
    assert mentions(site) == {}


def test_the_fixtures_docx_imported_and_built_is_whole_on_its_site(tmp_path):
    """The route an official takes: their council's DOCX (here the fixture's text made into a real
    DOCX, header and signature in two-column tables), one import, one build; every line of the
    text on the full text page and in the open data, every article at its page."""
    resolution = tmp_path / "nq-99.yaml"
    result = generator("import", str(docx_of(TEXT, tmp_path / "nq-99.docx")), "--output", str(resolution))
    assert result.returncode == 0, result.stderr
    result = generator("site", "--resolution", str(resolution), "--site-dir", str(tmp_path / "web"))
    assert result.returncode == 0, result.stderr
    site = tmp_path / "web"
    text = visible_text(page(site, "/nghi-quyet/"))
    data = json_lines(json.loads((site / "nghi-quyet.json").read_text(encoding="utf-8")))
    lines = source_lines(TEXT)
    assert [line for line in lines if line not in text] == []
    assert [line for line in lines if line not in data] == []
    model = build_model(yaml.safe_load(resolution.read_text(encoding="utf-8")))
    assert len(model.items) == 7
    for item in model.items:
        assert item.heading_line and item.heading_line in visible_text(page(site, f"/dieu-{item.number}/"))
