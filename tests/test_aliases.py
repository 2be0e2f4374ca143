"""Old ids (`aliases:`): validated like ids, unique across every id and alias, carried by the model,
and turned into an old anchor, a redirect and a collection-link name."""

from __future__ import annotations

import pytest

from generator.check.validate import validate
from generator.errors import InputError
from generator.load.source import parse
from tests.conftest import SMALL, rendered

BASE = SMALL.read_text(encoding="utf-8")
AT = "        title: Đúng hạn\n"


def with_aliases(value: str) -> str:
    assert BASE.count(AT) == 1
    return BASE.replace(AT, f"{AT}        aliases: {value}\n")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "[nguyen-tac-1]",
            (
                "small.yaml:39: sections[nguyen-tac].items[nguyen-tac-2].aliases[0]: trùng id "
                "'nguyen-tac-1' (đã dùng ở dòng 32; mỗi id và mỗi id cũ (aliases) phải khác nhau: hãy "
                "xóa hoặc sửa id cũ này)"
            ),
        ),
        (
            "[cu, cu]",
            (
                "small.yaml:39: sections[nguyen-tac].items[nguyen-tac-2].aliases[1]: trùng id 'cu' (đã "
                "dùng ở dòng 39; mỗi id và mỗi id cũ (aliases) phải khác nhau: hãy xóa hoặc sửa id cũ "
                "này)"
            ),
        ),
        (
            "[Cũ]",
            (
                "small.yaml:39: sections[nguyen-tac].items[nguyen-tac-2].aliases[0]: 'Cũ' không phải "
                "một id hợp lệ (cần chữ thường a-z không dấu, chữ số và dấu gạch nối '-' đứng riêng "
                "lẻ, ví dụ bien-phap-3)"
            ),
        ),
        (
            "cu",
            (
                "small.yaml:39: sections[nguyen-tac].items[nguyen-tac-2].aliases: sai kiểu giá trị: "
                "cần một danh sách (các dòng bắt đầu bằng '- '), nhưng đang là giá trị dạng chữ "
                "(trường này ghi: các id trước đây của mục này, để các liên kết cũ vẫn dùng được, ví "
                "dụ [bien-phap-3a])"
            ),
        ),
    ],
)
def test_a_bad_alias_gives_its_exact_message(value, expected):
    with pytest.raises(InputError) as caught:
        validate(parse(with_aliases(value), "small.yaml"))
    assert [str(p) for p in caught.value.problems] == [expected]


def test_aliases_reach_the_model_in_order():
    model = validate(parse(with_aliases("[cu-1, cu-2]"), "small.yaml"))
    assert model.items[1].aliases == ("cu-1", "cu-2")
    assert model.items[0].aliases == ()


def test_an_alias_renders_an_old_anchor_and_a_redirect():
    plan = rendered(validate(parse(with_aliases("[cu-1]"), "small.yaml")))
    assert '<div class="nq-alias" id="cu-1"></div>\n\n### Nguyên tắc 2' in plan["nghi-quyet.md"]
    redirect = plan["trinh-chieu/cu-1/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../nguyen-tac-2/">' in redirect
    assert 'data-nq-ids="nguyen-tac-2 cu-1"' in plan["tap-hop.md"]
