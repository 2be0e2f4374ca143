"""The offline build's generated configuration, the benchmark's synthetic data and its comparison
with the baseline (the arithmetic only: no timing is asserted anywhere)."""

from __future__ import annotations

import pytest
import yaml

from generator import pipeline
from generator.mkdocs import offline
from tests.bench import baseline, official
from tests.bench.scale import write_scaled
from tests.conftest import ROOT


def test_the_offline_configuration_keeps_every_plugin_and_adds_the_offline_one(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nsite_url: !ENV [SITE_URL, 'https://example.org/']\n"
        "plugins:\n  - nghi-quyet\n  - search:\n      lang: vi\n  - tags\n",
        encoding="utf-8",
    )
    config = yaml.safe_load(offline.offline_config(tmp_path / "mkdocs.yml"))
    assert config == {
        "INHERIT": "mkdocs.yml",
        "plugins": ["nghi-quyet", {"search": {"lang": "vi"}}, "tags", "offline"],
    }


def test_the_scaled_resolution_is_valid_and_k_times_larger(tmp_path):
    real = pipeline.load_resolution(ROOT / "resolution.yaml")
    big = pipeline.load_resolution(write_scaled(ROOT / "resolution.yaml", 3, tmp_path / "r.yaml"))
    assert len(big.sections) == 3 * len(real.sections)
    ids = [item.id for section in big.sections for item in section.items]
    assert len(ids) == 3 * sum(len(s.items) for s in real.sections) == len(set(ids))


def test_the_official_fixture_scaled_is_valid_with_k_times_its_articles(tmp_path):
    """The bench's official layout at 10×: the fixture's text with its Điều 4 repeated, imported."""
    one = official.resolution(1, tmp_path / "x1.yaml")
    ten = official.resolution(10, tmp_path / "x10.yaml")
    assert official.articles(ten) == 10 * official.articles(one) == 70
    model = pipeline.load_resolution(ten)
    assert len({item.id for item in model.items}) == 70 and model.official_layout


def test_the_baseline_verdict_is_on_the_median_of_the_paired_ratios():
    # Pair ratios 1.05, 1.30, 1.05: one slow pair does not make a verdict, though it makes the
    # median of the new runs 30 % above the baseline's.
    row = baseline.Comparison(10, old=[2.0, 1.0, 1.0], new=[2.1, 1.3, 1.05])
    assert row.ratios == pytest.approx([1.05, 1.3, 1.05])
    assert row.median_ratio == pytest.approx(1.05)
    assert row.ratio_of_medians == pytest.approx(1.3)
    assert row.verdict == "ok"
    assert (baseline.verdict(1.10), baseline.verdict(1.101)) == ("ok", "SLOWER >10%")
    assert baseline.table([row])[-1] == "no scale more than 10 % slower than the baseline"
    slow = baseline.Comparison(1, old=[1.0, 1.0], new=[1.2, 1.3])
    assert baseline.table([row, slow])[-1] == "SLOWER THAN THE BASELINE by more than 10 % at 1×"
    with pytest.raises(ValueError):
        baseline.paired_ratios([1.0, 2.0], [1.0])
    timed = baseline.Comparison(
        1, old=[1.0, 1.0, 1.0], new=[1.0, 1.0, 1.0], old_cpu=[2.0, 2.0, 2.0], new_cpu=[2.0, 2.2, 2.4]
    )
    assert (
        "CPU seconds (user + system), median: baseline 2.00, new 2.20, median of pair ratios 1.100"
        in "\n".join(baseline.table([timed]))
    )


def test_a_project_copy_leaves_out_version_control_caches_and_outputs(tmp_path):
    ignore = baseline._skipped(tmp_path)
    names = [".git", ".cache", "site", "node_modules", "generator", "resolution.yaml", "__pycache__", "a.pyc"]
    assert ignore(str(tmp_path), names) == {".git", ".cache", "site", "node_modules", "__pycache__", "a.pyc"}
    assert ignore(str(tmp_path / "generator"), ["site", "__pycache__"]) == {"__pycache__"}
