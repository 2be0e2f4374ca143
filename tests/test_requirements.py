"""Validation of the bảng kiểm requirements: each defect gives exactly its message and line."""

from __future__ import annotations

import pytest

from generator.check.validate import validate
from generator.load.source import parse
from tests.conftest import ROOT
from tests.test_validate import BASE, Case, problems_of

CASES = [
    Case(
        "requirement citing a missing clause",
        "    clause: bien-phap-3\n",
        "    clause: bien-phap-9\n",
        (
            (
                "small.yaml:58: sections[bien-phap].items[bien-phap-3]: chưa có yêu cầu nào trích dẫn "
                "mục này (cần một yêu cầu có clause: bien-phap-3, hoặc một mục trong not_checkable ghi "
                "lý do không kiểm tra được)"
            ),
            (
                "small.yaml:84: requirements[bp3-kinh-phi].clause: không có phần văn bản nào có id "
                "'bien-phap-9' (cần id của một mục, một trong: nguyen-tac-1, nguyen-tac-2, "
                "bien-phap-1, bien-phap-2, bien-phap-3, bien-phap-4)"
            ),
        ),
    ),
    Case(
        "quote not found in its clause",
        "    quote: Khen thưởng kịp thời\n",
        "    quote: Khen thưởng đúng lúc\n",
        (
            (
                "small.yaml:90: requirements[bp4-khen-thuong].quote: không tìm thấy trong lời văn của "
                "bien-phap-4 (cần những chữ chép đúng nguyên văn từ mục đó; hãy kiểm tra chính tả, dấu "
                "thanh và dấu câu)"
            ),
        ),
    ),
    Case(
        "quote from another clause",
        "    quote: Mọi việc phải công khai\n",
        "    quote: Mỗi tháng họp một lần.\n",
        (
            (
                "small.yaml:69: requirements[nt1-cong-khai].quote: không tìm thấy trong lời văn của "
                "nguyen-tac-1 (cần những chữ chép đúng nguyên văn từ mục đó; hãy kiểm tra chính tả, "
                "dấu thanh và dấu câu)"
            ),
        ),
    ),
    Case(
        "unknown unit type",
        "    wording: Đã khen thưởng kịp thời.\n    applies_to: [don-vi-a]",
        "    wording: Đã khen thưởng kịp thời.\n    applies_to: [don-vi-a, xa]",
        (
            (
                "small.yaml:92: requirements[bp4-khen-thuong].applies_to[1]: không có loại đơn vị 'xa' "
                "(cần một trong: don-vi-a)"
            ),
        ),
    ),
    Case(
        "duplicate requirement id",
        "  - id: bp4-khen-thuong",
        "  - id: bp1-hop",
        (
            (
                "small.yaml:88: requirements[bp1-hop].id: trùng id yêu cầu 'bp1-hop' (đã dùng ở dòng "
                "72; mỗi id phải khác nhau)"
            ),
        ),
    ),
    Case(
        "item neither cited nor excused",
        "not_checkable:\n  - clause: nguyen-tac-2\n    reason: Nguyên tắc chung, không có việc cụ thể để kiểm.\n",
        "",
        (
            (
                "small.yaml:36: sections[nguyen-tac].items[nguyen-tac-2]: chưa có yêu cầu nào trích "
                "dẫn mục này (cần một yêu cầu có clause: nguyen-tac-2, hoặc một mục trong "
                "not_checkable ghi lý do không kiểm tra được)"
            ),
        ),
    ),
    Case(
        "excuse for a missing clause",
        "  - clause: nguyen-tac-2\n",
        "  - clause: nguyen-tac-7\n",
        (
            (
                "small.yaml:36: sections[nguyen-tac].items[nguyen-tac-2]: chưa có yêu cầu nào trích "
                "dẫn mục này (cần một yêu cầu có clause: nguyen-tac-2, hoặc một mục trong "
                "not_checkable ghi lý do không kiểm tra được)"
            ),
            (
                "small.yaml:94: not_checkable[0].clause: không có phần văn bản nào có id "
                "'nguyen-tac-7' (cần id của một mục, một trong: nguyen-tac-1, nguyen-tac-2, "
                "bien-phap-1, bien-phap-2, bien-phap-3, bien-phap-4)"
            ),
        ),
    ),
    Case(
        "excuse for a cited clause",
        "  - clause: nguyen-tac-2\n    reason",
        "  - clause: nguyen-tac-2\n    reason: x\n  - clause: bien-phap-1\n    reason",
        (
            (
                "small.yaml:96: not_checkable[1].clause: 'bien-phap-1' đã được một yêu cầu trích dẫn "
                "(ở đây chỉ ghi những mục chưa có yêu cầu nào trích dẫn; hãy xóa mục này)"
            ),
        ),
    ),
    Case(
        "requirement without wording",
        "    wording: Đã bố trí kinh phí hằng năm.\n",
        "",
        (
            (
                "small.yaml:83: requirements[bp3-kinh-phi].wording: thiếu trường bắt buộc 'wording' "
                "(trường này ghi: câu ngắn kiểm tra được, do người biên tập viết)"
            ),
        ),
    ),
    Case(
        "empty applies_to",
        "    wording: Đã khen thưởng kịp thời.\n    applies_to: [don-vi-a]",
        "    wording: Đã khen thưởng kịp thời.\n    applies_to: []",
        (
            (
                "small.yaml:92: requirements[bp4-khen-thuong].applies_to: danh sách đang rỗng (trường "
                "này ghi: id của các loại đơn vị có bảng kiểm liệt kê yêu cầu này)"
            ),
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_requirement_defect_gives_its_exact_message_and_line(case: Case):
    assert problems_of(case) == case.expected


def test_a_resolution_without_requirements_needs_no_coverage():
    text = BASE[: BASE.index("requirements:\n")]
    model = validate(parse(text, "small.yaml"))
    assert model.requirements == () and model.not_checkable == ()


def test_a_quote_folded_over_lines_matches_the_text():
    text = BASE.replace(
        "    quote: Kinh phí. Bố trí kinh phí\n", "    quote: >-\n      Kinh phí.\n      Bố trí   kinh phí\n"
    )
    model = validate(parse(text, "small.yaml"))
    assert model.requirements_of("bien-phap-3")[0].quote == "Kinh phí. Bố trí kinh phí"


def test_every_objective_and_measure_of_the_real_resolution_has_a_requirement():
    from generator.pipeline import load_resolution

    model = load_resolution(ROOT / "resolution.yaml")
    for section in model.sections[1:]:
        for item in section.items:
            assert model.requirements_of(item.id), item.id
    assert [i for i, _ in model.not_checkable] == ["nguyen-tac-1", "nguyen-tac-2", "nguyen-tac-3"]


def test_commune_matters_are_not_asked_of_an_enterprise():
    from generator.pipeline import load_resolution

    model = load_resolution(ROOT / "resolution.yaml")
    enterprise = " ".join(r.wording for r in model.requirements_for("to-chuc-co-su-dung-lao-dong"))
    commune = " ".join(r.wording for r in model.requirements_for("xa-phuong-thi-tran"))
    for word in ("hương ước", "Trưởng thôn", "Hội đồng nhân dân", "cấp xã", "Ban Giám sát đầu tư"):
        assert word not in enterprise.replace("Ban Thanh tra nhân dân, Ban Giám sát đầu tư", "")
        assert word in commune
    # what "100% cơ quan, đơn vị, địa phương và tổ chức" must do applies to all four
    for req in model.requirements:
        if "100% cơ quan, đơn vị, địa phương và tổ chức" in req.quote:
            assert len(req.applies_to) == len(model.unit_types), req.id


def test_the_models_lookups_give_what_a_scan_of_the_data_gives_and_follow_an_edit():
    import dataclasses

    from generator.pipeline import load_resolution

    model = load_resolution(ROOT / "resolution.yaml")

    def agrees(m) -> None:
        assert m.items == tuple(i for s in m.sections for i in s.items)
        assert all(m.item(i.id) is i for i in m.items)
        for unit in m.unit_types:
            assert m.requirements_for(unit.id) == tuple(r for r in m.requirements if unit.id in r.applies_to)
        for item in m.items:
            assert m.requirements_of(item.id) == tuple(r for r in m.requirements if r.clause_id == item.id)

    agrees(model)
    assert model.requirements_for(model.unit_types[0].id)  # not vacuous
    # a model made from another (as the tests of the downloads do) gets lookups of its own
    first, *rest = model.requirements
    moved = dataclasses.replace(first, applies_to=(model.unit_types[0].id,), clause_id=model.items[-1].id)
    edited = dataclasses.replace(
        model,
        requirements=(moved, *rest),
        sections=model.sections[:-1]
        + (dataclasses.replace(model.sections[-1], items=model.sections[-1].items[:-1]),),
    )
    assert edited.requirements_of(model.items[-1].id)[0] is moved
    assert edited.requirements_of(model.items[-1].id) != model.requirements_of(model.items[-1].id)
    assert model.items[-1] not in edited.items
    agrees(edited)
