"""The site's name, description and address come from the data (`site:`, else made from
`document`), never from mkdocs.yml, which names no resolution; the theme gets them as text."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

from mkdocs.config import load_config

from generator.check.model_of import site_description, site_name
from generator.pipeline import load_resolution
from tests.conftest import ROOT, SMALL, site_project

# What names the project's own resolution (NQ 55 of Tuyên Quang), its site or its address.
FOREIGN = ("55/NQ-HĐND", "Tuyên Quang", "tuyenquang", "nq55")


def test_the_name_and_description_are_made_from_the_document_when_the_data_gives_none(tmp_path):
    text = SMALL.read_text(encoding="utf-8")
    bare = tmp_path / "bare.yaml"
    bare.write_text(text.replace("site:\n  url: https://example.org/\n", ""), encoding="utf-8")
    model = load_resolution(bare)
    assert model.site.name == "Nghị quyết 7/NQ-HĐND về một việc thử nghiệm" == site_name(model.document)
    assert model.site.description == (
        "Nghị quyết số 7/NQ-HĐND ngày 05/02/2024 của HĐND huyện Mẫu về một việc thử nghiệm: "
        "nguyên văn từng mục, dễ đọc trên điện thoại, dễ in và dẫn chiếu."
    )
    assert model.site.url is None
    named = tmp_path / "named.yaml"
    named.write_text(text.replace("site:\n", "site:\n  name: Tên riêng\n"), encoding="utf-8")
    model = load_resolution(named)
    assert model.site.name == "Tên riêng"
    assert model.site.description == site_description(model.document)


def test_a_long_subject_is_shortened_in_the_name_without_its_place():
    real = load_resolution(ROOT / "resolution.yaml")
    assert site_name(real.document) == (
        "Nghị quyết 55/NQ-HĐND về các biện pháp bảo đảm thực hiện dân chủ ở cơ sở"
    )
    name = site_name(dataclasses.replace(real.document, subject="về " + "việc rất dài " * 10))
    assert name.endswith("…") and len(name) < 90
    assert name.startswith("Nghị quyết 55/NQ-HĐND về việc rất dài")


def configured(resolution: Path):
    """The project's configuration, copied beside `resolution` (which it builds), once the
    plugin's on_config ran."""
    # NOTE: the plugin sets SOURCE_DATE_EPOCH for MkDocs; it must not reach the other tests.
    saved = {name: os.environ.pop(name, None) for name in ("SOURCE_DATE_EPOCH", "SITE_URL")}
    try:
        config = load_config(str(site_project(resolution.parent, resolution)))
        config.plugins.on_startup(command="build", dirty=False)
        return config.plugins.on_config(config)
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None)
            if value is not None:
                os.environ[name] = value


def test_the_plugin_names_the_site_from_the_data(tmp_path):
    """The project's mkdocs.yml names no resolution: name, description and address are the data's."""
    resolution = tmp_path / "small.yaml"
    shutil.copy(SMALL, resolution)
    config = configured(resolution)
    assert config.site_name == "Nghị quyết 7/NQ-HĐND về một việc thử nghiệm"
    assert config.site_description == site_description(load_resolution(SMALL).document)
    assert config.site_url == "https://example.org/"
    (tmp_path / "real").mkdir()
    real = configured(Path(shutil.copy(ROOT / "resolution.yaml", tmp_path / "real" / "nq55.yaml")))
    assert real.site_name == "Nghị quyết 55/NQ-HĐND về dân chủ ở cơ sở"
    assert real.site_description.startswith("Nghị quyết số 55/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh")
    assert real.site_url == "https://nq55-dan-chu-co-so.tuyenquang.example/"


def test_the_sites_name_and_description_reach_the_theme_as_text(tmp_path):
    """The theme prints them with autoescape off: they are handed to it escaped, as titles are."""
    resolution = tmp_path / "small.yaml"
    text = SMALL.read_text(encoding="utf-8")
    resolution.write_text(
        text.replace("site:\n", 'site:\n  name: "<b>Tên</b> & co"\n  description: "<i>x</i>"\n'),
        encoding="utf-8",
    )
    config = configured(resolution)
    assert str(config.site_name) == "&lt;b&gt;Tên&lt;/b&gt; &amp; co"
    assert str(config.site_description) == "&lt;i&gt;x&lt;/i&gt;"


def test_the_projects_configuration_names_no_resolution():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    values = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert [w for w in FOREIGN if w in values] == []
