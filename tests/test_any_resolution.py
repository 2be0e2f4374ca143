"""Any resolution, one command: `python -m generator site | serve | offline --resolution PATH.yaml`
builds that resolution's site with the project's settings, names it from the data, writes only
beside PATH.yaml, and no page of it mentions the project's own resolution."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load
from pypdf import PdfReader

from generator.cli import main
from generator.mkdocs import resolution_config
from generator.pipeline import load_resolution
from tests.conftest import ROOT, SMALL
from tests.test_serve import fetch, free_port, start, wait_for
from tests.test_site_name import FOREIGN

# Files whose text is read as it is; PDF and DOCX are read through their libraries.
TEXT_SUFFIXES = {".html", ".json", ".xml", ".js", ".svg", ".txt", ".css"}
OTHER_URL = "https://x.example/"


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` by relative path, with its bytes ({} when there is no `root`)."""
    if not root.is_dir():
        return {}
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`python -m generator ARGS`, run as a user runs it, from the project's folder."""
    clean = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "SITE_URL")}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**clean, "NO_MKDOCS_2_WARNING": "1"},
    )


def text_of_file(path: Path) -> str:
    """The text a reader of this file sees: as is, or extracted from a PDF or a DOCX."""
    if path.suffix == ".pdf":
        return " ".join(page.extract_text() for page in PdfReader(path).pages)
    if path.suffix == ".docx":
        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return " ".join([p.text for p in document.paragraphs] + cells)
    return path.read_text(encoding="utf-8")


def mentions(site: Path, words: tuple[str, ...] = FOREIGN) -> dict[str, list[str]]:
    """{file: the words of `words` it holds} for every readable file of a built site."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and (path.suffix in TEXT_SUFFIXES | {".pdf", ".docx"}):
            text = text_of_file(path)
            hits = [w for w in words if w in text]
            if hits:
                found[str(path.relative_to(site))] = hits
    return found


@pytest.fixture(scope="module")
def small_model():
    return load_resolution(SMALL)


@pytest.fixture(scope="module")
def other(tmp_path_factory):
    """The small fixture copied to a folder of its own and built with `site --resolution` and
    `--site-url`, from the project's folder; returns (the resolution file, repository snapshots
    before and after, the command's result)."""
    folder = tmp_path_factory.mktemp("other") / "du-lieu"
    folder.mkdir()
    resolution = folder / "nghi-quyet-khac.yaml"
    shutil.copy(SMALL, resolution)
    before = {name: snapshot(ROOT / name) for name in ("content", "site")}
    result = generator("site", "--resolution", str(resolution), "--site-url", OTHER_URL)
    after = {name: snapshot(ROOT / name) for name in ("content", "site")}
    assert result.returncode == 0, result.stderr
    return resolution, before, after, result


def test_the_site_is_built_beside_the_resolution_file(other):
    resolution, _, _, result = other
    site = resolution.parent / "site"
    assert (site / "index.html").is_file()
    assert (site / "bien-phap" / "4" / "index.html").is_file()
    assert (site / "bang-kiem" / "don-vi-a" / "bang-kiem-don-vi-a.pdf").is_file()
    assert result.stdout.endswith(f"{site}: đã tạo xong trang web\n")
    # What the build keeps beside the file, and nothing else (the configuration is removed).
    assert sorted(p.name for p in resolution.parent.iterdir()) == [
        ".cache",
        ".nghi-quyet-khac.content",
        "nghi-quyet-khac.yaml",
        "site",
    ]
    assert (resolution.parent / ".nghi-quyet-khac.content" / "bien-phap" / "4.md").is_file()


def test_the_pages_name_the_resolution_and_its_site_from_the_data(other, small_model):
    resolution, _, _, _ = other
    home = (resolution.parent / "site" / "index.html").read_text(encoding="utf-8")
    item = (resolution.parent / "site" / "bien-phap" / "1" / "index.html").read_text(encoding="utf-8")
    number, issuer = small_model.document.number, small_model.document.issuer
    assert number == "7/NQ-HĐND" and issuer == "Hội đồng nhân dân huyện Mẫu"
    assert number in home and issuer in home
    assert "Mỗi tháng họp một lần." in item
    # The fixture's `site:` gives no name: it is made from `document`.
    name = "Nghị quyết 7/NQ-HĐND về một việc thử nghiệm"
    assert small_model.site.name == name
    assert re.search(rf"<title>[^<]* - {re.escape(name)}</title>", item)


def test_no_file_of_the_site_names_the_projects_resolution(other):
    resolution, _, _, _ = other
    site = resolution.parent / "site"
    assert any(site.rglob("*.pdf")) and any(site.rglob("*.docx")) and any(site.rglob("*.svg"))
    assert mentions(site) == {}


def test_the_check_would_see_the_projects_resolution(site):
    """The check above finds the words where they are: in the project's own site."""
    found = mentions(site)
    assert "index.html" in found and "nghi-quyet.json" in found
    assert any(name.endswith(".pdf") for name in found)


def test_the_repositorys_content_and_site_are_not_touched(other):
    _, before, after, _ = other
    assert before == after
    assert before["content"], "the repository's content/ should be there to compare"


def test_the_given_address_is_in_canonical_links_the_sitemap_and_qr_codes(other):
    resolution, _, _, _ = other
    site = resolution.parent / "site"
    item = (site / "bien-phap" / "1" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{OTHER_URL}bien-phap/1/">' in item
    assert f"<loc>{OTHER_URL}bien-phap/1/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    codes = sorted((site / "qr").glob("*.svg"))
    assert codes
    for code in codes:
        assert OTHER_URL in code.read_text(encoding="utf-8"), code.name
    assert "https://example.org/" not in item  # the data's own address, which --site-url replaces


def test_without_site_url_the_datas_address_is_used_and_a_given_name_wins(tmp_path):
    resolution = tmp_path / "nq.yaml"
    text = SMALL.read_text(encoding="utf-8")
    text = text.replace(
        "site:\n  url: https://example.org/\n",
        "site:\n  name: Trang thử nghiệm\n  description: Mô tả thử nghiệm.\n  url: https://du-lieu.example/nq/\n",
    )
    resolution.write_text(text, encoding="utf-8")
    result = generator("site", "--resolution", str(resolution), "--site-dir", str(tmp_path / "web"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "web" / "bien-phap" / "1" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://du-lieu.example/nq/bien-phap/1/">' in page
    assert re.search(r"<title>[^<]* - Trang thử nghiệm</title>", page)
    # Pages give their own description; the site's is the one of pages without (the 404 page).
    missing = (tmp_path / "web" / "404.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Mô tả thử nghiệm.">' in missing
    assert not (tmp_path / "site").exists()


def test_the_generated_configuration_keeps_the_projects_settings_and_not_its_resolution(tmp_path):
    resolution = tmp_path / "a" / "b.yaml"
    config = resolution_config.site_config(ROOT / "mkdocs.yml", resolution, site_url=None)
    assert config["INHERIT"] == str((ROOT / "mkdocs.yml").absolute())
    assert config["docs_dir"] == ".b.content"
    assert config["site_url"] is None  # not mkdocs.yml's (SITE_URL): that is NQ 55's address
    ours = next(p for p in config["plugins"] if isinstance(p, dict) and "nghi-quyet" in p)
    assert ours["nghi-quyet"]["resolution"] == "b.yaml"
    assert ours["nghi-quyet"]["cache_dir"] == ".cache"
    assert Path(ours["nghi-quyet"]["iframe_worker"]) == ROOT / "node_modules" / "iframe-worker"
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        project = yaml_load(f)
    names = [p if isinstance(p, str) else next(iter(p)) for p in project["plugins"]]
    assert [resolution_config.plugin_name(p) for p in config["plugins"]] == names


def test_the_generated_configuration_loads_with_the_projects_theme(tmp_path):
    resolution = tmp_path / "small.yaml"
    shutil.copy(SMALL, resolution)
    with resolution_config.generated(
        ROOT / "mkdocs.yml", resolution, site_url=OTHER_URL, command="site"
    ) as config_file:
        assert config_file.parent == tmp_path and config_file.name.startswith(".mkdocs-site-")
        config = load_config(str(config_file))
    assert Path(config.docs_dir) == tmp_path / ".small.content"
    assert config.site_url == OTHER_URL
    assert config.theme.name == "material" and "pymdownx.escapeall" in config.markdown_extensions
    assert config.plugins["nghi-quyet"].config.resolution == "small.yaml"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".small.content", "small.yaml"]


def test_a_resolution_whose_default_site_is_the_projects_is_refused(tmp_path, capsys):
    """Beside the project's mkdocs.yml, site/ is the project's own site: another resolution there
    must name its folder."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copy(SMALL, tmp_path / "khac.yaml")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("NQ 55\n", encoding="utf-8")
    status = main(
        ["site", "--config", str(tmp_path / "mkdocs.yml"), "--resolution", str(tmp_path / "khac.yaml")]
    )
    assert status == 2
    assert "khac.yaml: thư mục trang web mặc định của tệp này" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["khac.yaml", "mkdocs.yml", "site"]
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "NQ 55\n"


def test_bad_data_is_reported_before_anything_is_written(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        SMALL.read_text(encoding="utf-8").replace("  url: https://example.org/", "  url: example.org"),
        encoding="utf-8",
    )
    assert main(["site", "--config", str(ROOT / "mkdocs.yml"), "--resolution", str(bad)]) == 1
    assert capsys.readouterr().err.startswith(f"{bad}:")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


def test_site_url_without_a_resolution_is_a_usage_error(capsys):
    assert main(["site", "--site-url", OTHER_URL]) == 2
    assert "--site-url goes with --resolution" in capsys.readouterr().err


def test_the_offline_zip_of_another_resolution(tmp_path):
    resolution = tmp_path / "nq.yaml"
    shutil.copy(SMALL, resolution)
    result = generator("offline", "--resolution", str(resolution))
    assert result.returncode == 0, result.stderr
    archive = tmp_path / "build" / "offline-site.zip"
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        home = z.read("index.html").decode("utf-8")
        texts = {n: z.read(n) for n in names if Path(n).suffix in TEXT_SUFFIXES}
        pdfs = {n: z.read(n) for n in names if n.endswith(".pdf")}
    assert "7/NQ-HĐND" in home and "Hội đồng nhân dân huyện Mẫu" in home
    assert "assets/javascripts/iframe-worker/shim.js" in names
    leaks = {n: [w for w in FOREIGN if w in t.decode("utf-8")] for n, t in texts.items()}
    leaks |= {n: [w for w in FOREIGN if w in text_of_pdf(b)] for n, b in pdfs.items()}
    assert {n: w for n, w in leaks.items() if w} == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", ".nq.content", "build", "nq.yaml"]


def text_of_pdf(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_serve_previews_another_resolution_and_stops_cleanly(tmp_path):
    resolution = tmp_path / "nq.yaml"
    shutil.copy(SMALL, resolution)
    port = free_port()
    log = tmp_path / "serve.log"
    args = ["generator", "serve", "--resolution", str(resolution), "--dev-addr", f"127.0.0.1:{port}"]
    proc = start(args, ROOT, log)
    url = f"http://127.0.0.1:{port}/bien-phap/1/"
    try:
        assert wait_for(lambda: "Mỗi tháng họp một lần." in fetch(url)), log.read_text(encoding="utf-8")
        page = fetch(url)
        assert "Nghị quyết 7/NQ-HĐND về một việc thử nghiệm</title>" in page
        assert '<link rel="canonical" href="https://example.org/bien-phap/1/">' in page
        assert [w for w in FOREIGN if w in page] == []
        text = resolution.read_text(encoding="utf-8")
        resolution.write_text(
            text.replace("Mỗi tháng họp một lần.", "Mỗi quý họp một lần."), encoding="utf-8"
        )
        assert wait_for(lambda: "Mỗi quý họp một lần." in fetch(url)), log.read_text(encoding="utf-8")
    finally:
        proc.terminate()  # SIGTERM: passed on to MkDocs, which stops as on Ctrl-C
        proc.wait(timeout=20)
    assert "Shutting down" in log.read_text(encoding="utf-8")
    assert fetch(url) == ""
    # The generated configuration is gone; the preview's work folder stays for the next one.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", ".nq.content", "nq.yaml", "serve.log"]
