"""Builds that can be trusted: the same data gives the same bytes on any day; a failed build
leaves the previous site and content complete."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import ROOT, SMALL, site_project


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` by relative path, with its bytes."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def generator_site(project: Path, *, clock: str | None = None, env: dict[str, str] | None = None):
    """`python -m generator site` on the project in `project`, optionally under a fake clock."""
    command = [sys.executable, "-m", "generator", "site", "--config", str(project / "mkdocs.yml")]
    if clock:
        faketime = shutil.which("faketime")
        assert faketime, "the Debian package faketime is needed (.ci/system-deps installs it)"
        command = [faketime, clock, *command]
    clean = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**clean, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


def test_the_fake_clock_really_changes_the_date():
    result = subprocess.run(
        [
            shutil.which("faketime") or "faketime",
            "2031-05-06 07:08:09",
            sys.executable,
            "-c",
            "import datetime; print(datetime.date.today())",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "2031-05-06\n"


def test_two_builds_on_different_days_are_byte_identical(tmp_path):
    builds = []
    for n, clock in enumerate(["2025-01-02 03:04:05", "2027-11-12 13:14:15"]):
        project = tmp_path / f"build{n}"
        project.mkdir()
        site_project(project, SMALL)
        result = generator_site(project, clock=clock)
        assert result.returncode == 0, result.stderr
        builds.append((snapshot(project / "content"), snapshot(project / "site")))
    (content_a, site_a), (content_b, site_b) = builds
    assert content_a == content_b
    assert site_a.keys() == site_b.keys()
    assert [p for p in site_a if site_a[p] != site_b[p]] == []
    # The sitemap is dated by the data (the small fixture's latest date), not by either clock.
    assert "<lastmod>2024-03-01</lastmod>" in site_a["sitemap.xml"].decode("utf-8")
    # The files made after the build are compared too: the checklist's PDF and DOCX, the leaflet.
    downloads = [
        "bang-kiem/don-vi-a/bang-kiem-don-vi-a.pdf",
        "bang-kiem/don-vi-a/bang-kiem-don-vi-a.docx",
        "to-roi/nghi-quyet-to-roi.pdf",
    ]
    for path in downloads:
        assert site_a[path] == site_b[path], path
    # ... and dated by the data, not by the clock: the PDF's dates, the DOCX's properties and zip entries.
    from pypdf import PdfReader

    for path in (downloads[0], downloads[2]):
        info = PdfReader(io.BytesIO(site_a[path])).metadata or {}
        dates = [str(info[key]) for key in ("/CreationDate", "/ModDate") if key in info]
        assert all(d.startswith("D:2024") for d in dates), (path, dates)
    assert "/CreationDate" in (PdfReader(io.BytesIO(site_a[downloads[0]])).metadata or {})
    with zipfile.ZipFile(io.BytesIO(site_a[downloads[1]])) as docx:
        assert {info.date_time[:3] for info in docx.infolist()} == {(2024, 3, 1)}
        assert "2024-03-01T00:00:00Z" in docx.read("docProps/core.xml").decode("utf-8")


def test_a_date_given_by_the_user_wins_over_the_data(tmp_path):
    site_project(tmp_path, SMALL)
    result = generator_site(tmp_path, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    assert "<lastmod>2023-11-14</lastmod>" in (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")


@pytest.fixture
def built(tmp_path) -> Path:
    """A project with a complete site built from the small fixture."""
    site_project(tmp_path, SMALL)
    result = generator_site(tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_a_build_that_crashes_midway_leaves_the_previous_site_complete(built):
    before_site, before_content = snapshot(built / "site"), snapshot(built / "content")
    config = built / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + f"hooks:\n  - {ROOT}/tests/hooks/crash_midway.py\n",
        encoding="utf-8",
    )
    resolution = built / "resolution.yaml"
    resolution.write_text(
        resolution.read_text(encoding="utf-8").replace("Mỗi tháng họp một lần.", "Mỗi quý họp một lần."),
        encoding="utf-8",
    )
    result = generator_site(built)
    assert result.returncode == 1
    assert "simulated crash in the middle of writing the site" in result.stderr
    assert f"{built / 'site'}: giữ nguyên như cũ (tạo trang web không thành công)" in result.stderr
    assert snapshot(built / "site") == before_site
    assert snapshot(built / "content") != before_content  # the crash came after content/ was made
    assert sorted(p.name for p in built.iterdir() if p.name.startswith(".site")) == []


def test_bad_data_leaves_site_and_content_byte_for_byte(built):
    before_site, before_content = snapshot(built / "site"), snapshot(built / "content")
    resolution = built / "resolution.yaml"
    resolution.write_text(
        resolution.read_text(encoding="utf-8").replace("format: 1", "format: 3"), encoding="utf-8"
    )
    result = generator_site(built)
    assert result.returncode == 1
    assert "resolution.yaml:3: format: phải là 1, nhưng đang là 3" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(built / "site") == before_site
    assert snapshot(built / "content") == before_content


def test_a_site_folder_that_cannot_be_replaced_is_named(tmp_path, capsys):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be\n", encoding="utf-8")
    assert main(["site", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", str(blocker / "site")]) == 1
    assert capsys.readouterr().err == (
        f"{blocker}: (nơi ghi kết quả): đây là một tệp, nhưng cần một thư mục ở chỗ này để ghi {blocker / 'site'} (hãy chuyển hoặc đổi "
        "tên tệp này, hoặc chọn thư mục khác bằng --site-dir)\n"
    )


@pytest.mark.parametrize(
    "case",
    [
        "syntax-unclosed-double-quote",
        "windows-1258",
        "billion-laughs",
        "python-object-apply-tag",
        "byte-order-mark-inside-an-id",
    ],
)
def test_corpus_cases_leave_site_and_content_byte_for_byte(case, built):
    from tests.test_corpus import CORPUS, corpus_input

    before_site, before_content = snapshot(built / "site"), snapshot(built / "content")
    (built / "resolution.yaml").write_bytes(corpus_input(case))
    result = generator_site(built)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = (CORPUS / f"{case}.expected").read_text(encoding="utf-8").splitlines()[0]
    assert first.replace("resolution.yaml", str(built / "resolution.yaml"), 1) in result.stderr
    assert snapshot(built / "site") == before_site
    assert snapshot(built / "content") == before_content
