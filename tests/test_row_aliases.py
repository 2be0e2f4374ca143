"""Row aliases: a requirement may list the ids it had before; they are unique across requirement
ids and aliases, carried by the model, and each becomes an empty anchor in the renamed row and a
name the checklist's script reads stored answers under. The built site and the browser are
tested in tests/test_published.py and tests/browser/test_row_aliases.py."""

from __future__ import annotations

import re

import pytest

from generator import paths
from generator.check.validate import validate
from generator.errors import InputError
from generator.load.source import parse
from generator.render import checklist as ck
from tests.conftest import SMALL, rendered
from tests.test_published import renamed_text

BASE = SMALL.read_text(encoding="utf-8")
AT = "  - id: bp2-bao-cao\n"


def with_aliases(value: str) -> str:
    assert BASE.count(AT) == 1
    return BASE.replace(AT, f"{AT}    aliases: {value}\n")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_aliases_reach_the_model_in_order():
    model = validate(parse(with_aliases("[bao-cao-cu, bao-cao-rat-cu]"), "small.yaml"))
    assert [r.aliases for r in model.requirements] == [(), (), ("bao-cao-cu", "bao-cao-rat-cu"), (), ()]


@pytest.mark.parametrize(
    ("value", "index", "first"),
    [
        ("[bp1-hop]", 0, "  - id: bp1-hop\n"),  # another requirement's id
        ("[bp2-bao-cao]", 0, AT),  # its own id
        ("[cu, cu]", 1, "aliases: [cu, cu]"),  # twice in one list
    ],
)
def test_an_alias_that_names_another_row_gets_its_message(value, index, first):
    text = with_aliases(value)
    with pytest.raises(InputError) as refused:
        validate(parse(text, "small.yaml"))
    alias = value.strip("[]").split(", ")[index]
    assert [str(p) for p in refused.value.problems] == [
        f"small.yaml:{line_of(text, 'aliases: ' + value)}: requirements[bp2-bao-cao].aliases[{index}]: "
        f"trùng id '{alias}' (đã dùng ở dòng {line_of(text, first)}; mỗi id và mỗi id cũ (aliases) của các "
        "yêu cầu phải khác nhau: hãy xóa hoặc sửa id cũ này)"
    ]


def test_an_alias_used_by_two_requirements_is_reported_at_the_second():
    text = with_aliases("[cu]").replace("  - id: bp3-kinh-phi\n", "  - id: bp3-kinh-phi\n    aliases: [cu]\n")
    with pytest.raises(InputError) as refused:
        validate(parse(text, "small.yaml"))
    (problem,) = refused.value.problems
    assert problem.path == "requirements[bp3-kinh-phi].aliases[0]"
    assert f"đã dùng ở dòng {line_of(text, 'aliases: [cu]')};" in problem.message


def test_a_renamed_row_has_its_old_ids_as_anchors_and_for_its_script():
    model = validate(parse(renamed_text(), "small.yaml"))
    (cl,) = ck.checklists(model)
    page = rendered(model)[paths.checklist_page(cl.unit)]
    row = re.search(r'<tr class="bk-row" id="bp2-bao-cao-ket-qua"[^>]*>\n<td class="bk-stt">[^\n]*', page)
    assert row, "the renamed row"
    assert 'data-bk-id="bp2-bao-cao-ket-qua" data-bk-aliases="bp2-bao-cao"' in row.group(0)
    assert row.group(0).endswith('<td class="bk-stt"><span class="bk-alias" id="bp2-bao-cao"></span>2</td>')
    # a row without aliases is as before
    assert '<tr class="bk-row" id="bp1-hop" data-bk-id="bp1-hop">' in page
