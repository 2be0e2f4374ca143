"""The aggregation page and the export's schema as the generator renders them (no browser)."""

from __future__ import annotations

import json
import re

import jsonschema

from generator import paths
from generator.check.validate import validate
from generator.load.source import parse
from generator.render import aggregate
from tests.conftest import ROOT, SMALL, rendered
from tests.exports import export
from tests.golden import OFFICIAL

ALIASED = SMALL.read_text(encoding="utf-8").replace(
    "  - id: nt1-cong-khai\n", "  - id: nt1-cong-khai\n    aliases: [nt1-cu]\n", 1
)


def small():
    return validate(parse(ALIASED, "small.yaml"))


def test_the_page_has_every_requirement_in_order_with_its_old_ids_and_unit_types():
    model = small()
    page = rendered(model)[paths.AGGREGATE]
    rows = re.findall(r'<tr data-th-id="([^"]*)" data-th-aliases="([^"]*)" data-th-units="([^"]*)"', page)
    assert [r[0] for r in rows] == [line.requirement.id for line in aggregate.lines(model)]
    assert {r[0] for r in rows} == {r.id for r in model.requirements}
    assert ("nt1-cong-khai", "nt1-cu", "don-vi-a") in rows
    # the căn cứ links to the clause's page, which MkDocs checks
    assert '<td class="bk-basis"><a href="../nguyen-tac/1.md">' in page
    assert f'data-th-number="{model.document.number}"' in page and "tong-hop.js" not in page


def test_exports_of_both_formats_match_the_published_schema():
    model = small()
    schema = json.loads(rendered(model)[paths.EXPORT_SCHEMA])
    checker = jsonschema.Draft202012Validator(schema)
    checker.check_schema(schema)
    rows = {"nt1-cong-khai": {"result": "done", "note": "=1+1"}}
    for old in (False, True):
        checker.validate(json.loads(export(model, "don-vi-a", "UBND xã Thử", "năm 2025", rows, old=old)))
    bad = json.loads(export(model, "don-vi-a", "UBND xã Thử", "năm 2025", {"x": {"result": "xong"}}))
    assert list(checker.iter_errors(bad))


def test_the_real_resolutions_page_lists_its_four_unit_types():
    page = (ROOT / "content" / "bang-kiem" / "tong-hop.md").read_text(encoding="utf-8")
    assert len(re.findall(r'<option value="[^"]+"', page)) == 4
    assert "BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ KIỂM TRA" in page


def test_a_resolution_in_the_official_layout_has_its_aggregation_page_too():
    text = OFFICIAL.read_text(encoding="utf-8") + (OFFICIAL.parent / "requirements-block.yaml").read_text(
        encoding="utf-8"
    )
    model = validate(parse(text, OFFICIAL.name))
    page = rendered(model, OFFICIAL.name)[paths.AGGREGATE]
    ids = re.findall(r'<tr data-th-id="([^"]*)"', page)
    assert ids and set(ids) == {r.id for r in model.requirements if r.applies_to}
    # a row citing a khoản or điểm links to its anchor on the article's page
    assert re.search(r'<a href="\.\./dieu-\w+\.md#dieu-\w+-khoan-\d+', page)
    assert len(re.findall(r'<option value="[^"]+"', page)) == len(model.unit_types)
