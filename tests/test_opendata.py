"""The open data: /nghi-quyet.json follows /schema.json, both made from the model; the JSON holds
the resolution's every sentence verbatim."""

from __future__ import annotations

import json

import jsonschema
import pytest

from generator.pipeline import load_resolution
from generator.render import opendata
from tests.conftest import ROOT, SMALL
from tests.test_site import sentences, source_paragraphs


@pytest.fixture(scope="module")
def model():
    return load_resolution(ROOT / "resolution.yaml")


def strings(node) -> list[str]:
    """Every string value in a JSON document."""
    if isinstance(node, dict):
        return [s for v in node.values() for s in strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return [node] if isinstance(node, str) else []


def test_the_built_json_validates_against_the_built_schema(site):
    data = json.loads((site / "nghi-quyet.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)


def test_the_json_holds_every_sentence_of_the_resolution_verbatim(site, seed_text):
    data = json.loads((site / "nghi-quyet.json").read_text(encoding="utf-8"))
    values = strings(data)
    missing = [
        s
        for paragraph in source_paragraphs(seed_text).values()
        for s in sentences(paragraph)
        if not any(s in v for v in values)
    ]
    assert missing == []


def test_the_json_names_each_item_with_its_citation_and_page(model):
    data = opendata.export(model)
    item = data["sections"][2]["items"][3]
    assert item["id"] == "bien-phap-4"
    assert (
        item["citation"] == "Biện pháp 4, Nghị quyết số 55/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Tuyên Quang"
    )
    assert item["page"] == "bien-phap/4/"
    assert data["version"] == model.version
    assert data["document"]["date"] == "2023-12-07"
    assert data["licence"]["id"] == "CC-BY-4.0"


def test_the_schema_refuses_what_the_model_does_not_have(model):
    data = opendata.export(model)
    data["sections"][0]["items"][0]["extra"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, opendata.json_schema())
    del data["sections"][0]["items"][0]["extra"]
    data["sections"][0]["items"][0]["number"] = [1]  # a number or, for an article ("4a"), text; never a list
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, opendata.json_schema())


def test_the_export_is_deterministic_and_committed(model):
    assert opendata.export_text(model) == opendata.export_text(load_resolution(ROOT / "resolution.yaml"))
    assert (ROOT / "content" / "nghi-quyet.json").read_text(encoding="utf-8") == opendata.export_text(model)
    assert (ROOT / "content" / "schema.json").read_text(encoding="utf-8") == opendata.schema_text()


def test_the_small_fixture_exports_and_validates():
    data = opendata.export(load_resolution(SMALL))
    jsonschema.validate(data, opendata.json_schema())
    assert [s["id"] for s in data["sections"]] == ["nguyen-tac", "muc-tieu", "bien-phap"]


def test_the_about_page_links_the_data_with_its_licence_and_version(site, model):
    about = (site / "gioi-thieu" / "index.html").read_text(encoding="utf-8")
    assert 'href="../nghi-quyet.json"' in about and 'href="../schema.json"' in about
    assert f"phiên bản dữ liệu {model.version}" in about
    assert "CC BY 4.0" in about
