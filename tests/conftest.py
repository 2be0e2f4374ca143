"""Shared fixtures: the project's paths, and real MkDocs builds of the real and the small site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "small.yaml"
SEED = ROOT.parent / "shared" / "seeds" / "000_60993373e26fb44d.txt"
# The address the renderers are given in tests that render without MkDocs (golden output too);
# the small fixture's own `site.url`, which its builds use.
TEST_URL = "https://example.org/"


def rendered(model, source_name: str = "small.yaml", site_url: str = TEST_URL) -> dict[str, str]:
    """Every content file the generator makes of `model`, for a site at `site_url`, dated by the data."""
    from generator.dates import build_date
    from generator.render.pages import render_site

    return render_site(model, site_url=site_url, date=build_date(model, None), source_name=source_name)


def mkdocs_build(
    config: Path, site_dir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` on `config` into `site_dir`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        timeout=300,
    )


def site_project(tmp: Path, resolution: Path) -> Path:
    """A copy of the project's site configuration in `tmp`, built from `resolution`; returns mkdocs.yml.

    The configuration names no path of the project (the plugin is found by its entry point and
    brings the theme), so it is copied as it is."""
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copy(resolution, tmp / "resolution.yaml")
    (tmp / "content").mkdir(exist_ok=True)  # MkDocs checks docs_dir exists before the hook runs
    return tmp / "mkdocs.yml"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built by MkDocs from the repository's mkdocs.yml and resolution.yaml."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def small_site(tmp_path_factory) -> Path:
    """The small fixture resolution, built into a site with the same configuration."""
    project = tmp_path_factory.mktemp("small")
    result = mkdocs_build(site_project(project, SMALL), project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The source article, as given to the project."""
    assert SEED.is_file(), f"the source article is missing: {SEED}"
    return SEED.read_text(encoding="utf-8")
