"""The offline build's generated configuration and the benchmark's synthetic data."""

from __future__ import annotations

import yaml

from generator import pipeline
from generator.mkdocs import offline
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
