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
            "small.yaml:39: sections[nguyen-tac].items[nguyen-tac-2].aliases[0]: duplicate id 'nguyen-tac-1' "
            "(first used at line 32; ids and aliases must all be unique: remove or correct this alias)",
        ),
        (
            "[cu, cu]",
            "small.yaml:39: sections[nguyen-tac].items[nguyen-tac-2].aliases[1]: duplicate id 'cu' "
            "(first used at line 39; ids and aliases must all be unique: remove or correct this alias)",
        ),
        (
            "[Cũ]",
            "small.yaml:39: sections[nguyen-tac].items[nguyen-tac-2].aliases[0]: 'Cũ' is not a valid id "
            "(expected lowercase letters a-z without diacritics, digits and single hyphens, e.g. bien-phap-3)",
        ),
        (
            "cu",
            "small.yaml:39: sections[nguyen-tac].items[nguyen-tac-2].aliases: expected a list (lines starting "
            "with '- '), found text (expected ids this item had before, so that old links keep working, "
            "e.g. [bien-phap-3a])",
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
