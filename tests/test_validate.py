"""Validation: each defect in a copy of the small fixture gives exactly its message and line."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from generator import resources
from generator.check.validate import schema, validate
from generator.errors import InputError
from generator.load.source import parse
from tests.conftest import ROOT, SMALL

BASE = SMALL.read_text(encoding="utf-8")
# The last line of the small fixture's status: new fields of the status go after it.
_STATUS = "  text: Không áp dụng cho việc gì.\n"


@dataclass(frozen=True)
class Case:
    name: str
    old: str
    new: str
    expected: tuple[str, ...]


CASES = [
    Case(
        "unknown field with a near name",
        "        text: Mọi việc",
        "        txt: Mọi việc",
        (
            (
                "small.yaml:32: sections[nguyen-tac].items[nguyen-tac-1].text: thiếu trường bắt buộc "
                "'text' (trường này ghi: nội dung của mục, nguyên văn, không kèm số thứ tự)"
            ),
            (
                "small.yaml:35: sections[nguyen-tac].items[nguyen-tac-1].txt: không có trường này "
                "trong định dạng dữ liệu (có phải là 'text'? các trường được phép: id, number, "
                "heading, title, text, aliases, explanation)"
            ),
        ),
    ),
    Case(
        "missing required field",
        "  issuer_short: HĐND huyện Mẫu\n",
        "",
        (
            (
                "small.yaml:5: document.issuer_short: thiếu trường bắt buộc 'issuer_short' (trường này "
                "ghi: tên viết tắt của cơ quan ban hành, ví dụ HĐND tỉnh Tuyên Quang)"
            ),
        ),
    ),
    Case(
        "list where text belongs",
        "  author: Người Viết",
        "  author: [Người Viết]",
        (
            (
                "small.yaml:16: source.author: sai kiểu giá trị: cần giá trị dạng chữ, nhưng đang là một "
                "danh sách (trường này ghi: tác giả bài viết)"
            ),
        ),
    ),
    Case(
        "text where a list belongs",
        "unit_types:\n  - id: don-vi-a\n    name: Đơn vị A\n",
        "unit_types: Đơn vị A\n",
        (
            (
                "small.yaml:23: unit_types: sai kiểu giá trị: cần một danh sách (các dòng bắt đầu bằng "
                "'- '), nhưng đang là giá trị dạng chữ (trường này ghi: các loại đơn vị mà nghị quyết "
                "nêu)"
            ),
        ),
    ),
    Case(
        "number as text",
        "        number: 2\n        title: Đúng hạn",
        "        number: hai\n        title: Đúng hạn",
        (
            (
                "small.yaml:37: sections[nguyen-tac].items[nguyen-tac-2].number: sai kiểu giá trị: cần "
                "một số nguyên, nhưng đang là giá trị dạng chữ (trường này ghi: số thứ tự của mục: 1, "
                "2, 3 ... theo thứ tự)"
            ),
        ),
    ),
    Case(
        "id with capitals and diacritics",
        "  - id: don-vi-a",
        "  - id: Đơn-vị-A",
        (
            (
                "small.yaml:24: unit_types[Đơn-vị-A].id: 'Đơn-vị-A' không phải một id hợp lệ (cần chữ "
                "thường a-z không dấu, chữ số và dấu gạch nối '-' đứng riêng lẻ, ví dụ bien-phap-3)"
            ),
        ),
    ),
    Case(
        "zero-width space in an id",
        "      - id: bien-phap-2",
        '      - id: "bien-phap\u200b-2"',
        (
            (
                "small.yaml:54: sections[bien-phap].items[1].id: 'bien-phap\\u200b-2' có ký tự ẩn "
                "U+200B [ZERO WIDTH SPACE] (hãy xóa ký tự này và gõ lại id)"
            ),
        ),
    ),
    Case(
        "non-breaking space in an id",
        "      - id: bien-phap-2",
        '      - id: "bien-phap\u00a02"',
        (
            (
                "small.yaml:54: sections[bien-phap].items[1].id: 'bien-phap\\xa02' có ký tự ẩn U+00A0 "
                "[NO-BREAK SPACE] (hãy xóa ký tự này và gõ lại id)"
            ),
        ),
    ),
    Case(
        "duplicate id",
        "      - id: bien-phap-3",
        "      - id: bien-phap-2",
        (
            (
                "small.yaml:58: sections[bien-phap].items[bien-phap-2].id: trùng id 'bien-phap-2' (đã "
                "dùng ở dòng 54; mỗi id phải khác nhau)"
            ),
        ),
    ),
    Case(
        "item id equal to a section id",
        "      - id: nguyen-tac-1",
        "      - id: muc-tieu",
        (
            (
                "small.yaml:40: sections[muc-tieu].id: trùng id 'muc-tieu' (đã dùng ở dòng 32; mỗi id "
                "phải khác nhau)"
            ),
        ),
    ),
    Case(
        "numbering gap",
        "        number: 3",
        "        number: 4",
        (
            (
                "small.yaml:59: sections[bien-phap].items[bien-phap-3].number: số 4 không đúng thứ tự "
                "(cần số 3: các mục được đánh số 1, 2, 3 ... theo thứ tự trong văn bản)"
            ),
        ),
    ),
    Case(
        "impossible date",
        '  date: "2024-02-05"',
        '  date: "2024-02-30"',
        (
            (
                "small.yaml:8: document.date: '2024-02-30' không phải một ngày có thật (cần dạng "
                'YYYY-MM-DD, ví dụ "2023-12-07")'
            ),
        ),
    ),
    Case(
        "date written the Vietnamese way",
        '  date: "2024-02-05"',
        '  date: "05/02/2024"',
        (
            (
                "small.yaml:8: document.date: '05/02/2024' không phải ngày tháng dạng YYYY-MM-DD "
                "(trường này ghi: ngày ban hành, viết theo dạng năm-tháng-ngày YYYY-MM-DD, ví dụ "
                '"2023-12-07")'
            ),
        ),
    ),
    Case(
        "empty text",
        "        text: Bố trí kinh phí hằng năm.",
        '        text: "  "',
        (
            (
                "small.yaml:61: sections[bien-phap].items[bien-phap-3].text: đang để trống (trường này "
                "ghi: nội dung của mục, nguyên văn, không kèm số thứ tự)"
            ),
        ),
    ),
    Case(
        "heading and title together",
        "        heading: Kinh phí.",
        "        heading: Kinh phí.\n        title: Kinh phí",
        (
            (
                "small.yaml:58: sections[bien-phap].items[bien-phap-3]: có cả 'heading' lẫn 'title' "
                "(chỉ cần một: 'heading' cho câu đầu của chính văn bản, 'title' cho tiêu đề ngắn do "
                "người biên tập đặt)"
            ),
        ),
    ),
    Case(
        "unsupported format",
        "format: 1",
        "format: 2",
        (
            (
                "small.yaml:3: format: phải là 1, nhưng đang là 2 (trường này ghi: phiên bản của định "
                "dạng tệp này: 1)"
            ),
        ),
    ),
    Case(
        "invisible character in text",
        "        text: Mỗi tháng họp một lần.",
        '        text: "Mỗi tháng\u200b họp một lần."',
        (
            (
                "small.yaml:53: sections[bien-phap].items[bien-phap-1].text: có ký tự ẩn U+200B [ZERO "
                "WIDTH SPACE] (hãy xóa ký tự này; ký tự này thường lẫn vào khi dán chữ từ Word, PDF "
                "hoặc trang web)"
            ),
        ),
    ),
    Case(
        "duplicate key inside an item",
        "        title: Đúng hạn",
        "        title: Đúng hạn\n        title: Đúng giờ",
        (
            (
                "small.yaml:39: sections[nguyen-tac].items[nguyen-tac-2].title: trùng tên trường "
                "'title' (đã có ở dòng 38; chỉ giữ lại một)"
            ),
        ),
    ),
    Case(
        "abbreviation without its expansion",
        "sections:\n",
        "glossary:\n  - term: HĐND\n    kind: abbreviation\n    explanation: Hội đồng nhân dân.\nsections:\n",
        (
            (
                "small.yaml:27: glossary[0]: là chữ viết tắt nhưng thiếu 'expansion' (cần ghi dạng đầy "
                "đủ, ví dụ expansion: Hội đồng nhân dân)"
            ),
        ),
    ),
    Case(
        "a term explained twice",
        "sections:\n",
        "glossary:\n  - term: HĐND\n    expansion: Hội đồng nhân dân\n    explanation: Cơ quan dân cử.\n"
        "  - term: UBND\n    variants: [HĐND]\n    explanation: Cơ quan hành chính.\nsections:\n",
        (
            (
                "small.yaml:31: glossary[1].variants[0]: 'HĐND' đã có trong bảng thuật ngữ (ở dòng 27; "
                "mỗi thuật ngữ chỉ giải thích một lần: hãy xóa ở đây hoặc gộp hai mục làm một)"
            ),
        ),
    ),
    Case(
        "unknown kind of glossary entry",
        "sections:\n",
        "glossary:\n  - term: hương ước\n    kind: thuat-ngu\n    explanation: Điều dân làng thống nhất.\nsections:\n",
        (
            (
                "small.yaml:28: glossary[0].kind: không chấp nhận giá trị 'thuat-ngu' (cần một trong: "
                "abbreviation, term)"
            ),
        ),
    ),
    Case(
        "explanation without what a citizen can expect",
        "        text: Mọi việc",
        "        text: Mọi việc\n        explanation:\n          duty: Ai cũng làm.",
        (
            (
                "small.yaml:36: sections[nguyen-tac].items[nguyen-tac-1].explanation.citizen: thiếu "
                "trường bắt buộc 'citizen' (trường này ghi: người dân được hưởng hoặc được yêu cầu "
                "điều gì, bằng lời dễ hiểu)"
            ),
        ),
    ),
    # -- the legal force and its history (check/status.py) -------------------------------------------
    Case(
        "legal force with a slip in its diacritics",
        _STATUS,
        _STATUS + "  legal_force: Còn hiệu lưc\n",
        (
            (
                "small.yaml:23: status.legal_force: không chấp nhận giá trị 'Còn hiệu lưc' (có phải là "
                "'Còn hiệu lực'? cần một trong: Còn hiệu lực, Chưa có hiệu lực, Hết hiệu lực một phần, "
                "Hết hiệu lực toàn bộ, Chưa xác minh)"
            ),
        ),
    ),
    Case(
        "legal force that is not one of the database's words",
        _STATUS,
        _STATUS + "  legal_force: Hết hiệu lực\n",
        (
            (
                "small.yaml:23: status.legal_force: không chấp nhận giá trị 'Hết hiệu lực' (cần một "
                "trong: Còn hiệu lực, Chưa có hiệu lực, Hết hiệu lực một phần, Hết hiệu lực toàn bộ, "
                "Chưa xác minh)"
            ),
        ),
    ),
    Case(
        "history event in other words than the database's",
        _STATUS,
        _STATUS + '  history:\n    - date: "2024-06-01"\n      event: Được sửa đổi, bổ sung\n',
        (
            (
                "small.yaml:25: status.history[0].event: không chấp nhận giá trị 'Được sửa đổi, bổ "
                "sung' (có phải là 'Được sửa đổi/bổ sung'? cần một trong: Văn bản được ban hành, Văn "
                "bản có hiệu lực, Được sửa đổi/bổ sung, Bị bãi bỏ một phần, Bị thay thế, Văn bản hết "
                "hiệu lực)"
            ),
        ),
    ),
    Case(
        "history event without its date",
        _STATUS,
        _STATUS + "  history:\n    - event: Bị thay thế\n",
        (
            (
                "small.yaml:24: status.history[0].date: thiếu trường bắt buộc 'date' (trường này ghi: "
                'ngày của sự kiện, dạng YYYY-MM-DD, ví dụ "2023-12-07")'
            ),
        ),
    ),
    Case(
        "history out of date order",
        _STATUS,
        _STATUS
        + '  history:\n    - date: "2024-02-05"\n      event: Văn bản được ban hành\n'
        + '    - date: "2025-03-01"\n      event: Bị bãi bỏ một phần\n'
        + '    - date: "2024-06-01"\n      event: Được sửa đổi/bổ sung\n',
        (
            (
                "small.yaml:28: status.history[2].date: '2024-06-01' sớm hơn ngày của một sự kiện ghi "
                "phía trên ('2025-03-01', dòng 26) (cần ghi các sự kiện theo thứ tự ngày, cũ nhất "
                "trước: hãy chuyển sự kiện này lên trên hoặc sửa ngày của nó)"
            ),
        ),
    ),
    Case(
        "history takes effect before it is adopted",
        _STATUS,
        _STATUS + '  history:\n    - date: "2024-02-01"\n      event: Văn bản có hiệu lực\n',
        (
            (
                "small.yaml:24: status.history[0].date: '2024-02-01' sớm hơn ngày ban hành "
                "'2024-02-05' (document.date, dòng 8) (cần một ngày từ ngày ban hành trở đi: văn bản "
                "không thể có hiệu lực trước khi được ban hành; hãy kiểm tra cả hai ngày)"
            ),
        ),
    ),
    Case(
        "history adopted on another day than document.date",
        _STATUS,
        _STATUS + '  history:\n    - date: "2024-02-06"\n      event: Văn bản được ban hành\n',
        (
            (
                "small.yaml:24: status.history[0].date: '2024-02-06' khác ngày ban hành '2024-02-05' "
                "(document.date, dòng 8) (cần cùng một ngày ở cả hai chỗ: hãy sửa chỗ sai)"
            ),
        ),
    ),
    Case(
        "history adopted twice",
        _STATUS,
        _STATUS
        + '  history:\n    - date: "2024-02-05"\n      event: Văn bản được ban hành\n'
        + '    - date: "2024-02-05"\n      event: Văn bản được ban hành\n',
        (
            (
                "small.yaml:27: status.history[1].event: 'Văn bản được ban hành' đã có trong lịch sử "
                "(ở dòng 25; văn bản chỉ được ban hành một lần: hãy xóa một trong hai)"
            ),
        ),
    ),
    Case(
        "in force before it is adopted",
        "  subject: về một việc thử nghiệm\n",
        '  subject: về một việc thử nghiệm\n  in_force: "2024-01-15"\n',
        (
            (
                "small.yaml:13: document.in_force: '2024-01-15' sớm hơn ngày ban hành '2024-02-05' "
                "(document.date, dòng 8) (cần một ngày từ ngày ban hành trở đi: văn bản không thể có "
                "hiệu lực trước khi được ban hành; hãy kiểm tra cả hai ngày)"
            ),
        ),
    ),
    Case(
        "in force on an impossible date",
        "  subject: về một việc thử nghiệm\n",
        '  subject: về một việc thử nghiệm\n  in_force: "2024-02-30"\n',
        (
            (
                "small.yaml:13: document.in_force: '2024-02-30' không phải một ngày có thật (cần dạng "
                'YYYY-MM-DD, ví dụ "2023-12-07")'
            ),
        ),
    ),
    Case(
        "in force while the history says it was replaced",
        _STATUS,
        _STATUS
        + "  legal_force: Còn hiệu lực\n"
        + '  history:\n    - date: "2025-01-01"\n      event: Bị thay thế\n      document: Nghị quyết số 9/2025/NQ-HĐND\n',
        (
            (
                "small.yaml:23: status.legal_force: là 'Còn hiệu lực', nhưng lịch sử ghi toàn bộ văn "
                "bản đã hết hiệu lực ('Bị thay thế', dòng 26) (cần 'Hết hiệu lực toàn bộ', hoặc hãy "
                "sửa lịch sử)"
            ),
        ),
    ),
]


def problems_of(case: Case) -> tuple[str, ...]:
    """The messages validation gives for the fixture with `case`'s mutation."""
    assert BASE.count(case.old) == 1, f"the mutation of {case.name!r} must match the fixture once"
    with pytest.raises(InputError) as caught:
        validate(parse(BASE.replace(case.old, case.new), "small.yaml"))
    return tuple(str(p) for p in caught.value.problems)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_defect_gives_its_exact_message_and_line(case: Case):
    assert problems_of(case) == case.expected


def test_several_problems_are_reported_together_in_file_order():
    text = BASE.replace("format: 1", "format: 2").replace("        number: 3", "        number: 9")
    with pytest.raises(InputError) as caught:
        validate(parse(text, "small.yaml"))
    assert [p.line for p in caught.value.problems] == [3, 59]


def test_a_list_where_the_document_mapping_belongs():
    with pytest.raises(InputError) as caught:
        validate(parse("- format: 1\n", "small.yaml"))
    assert [str(p) for p in caught.value.problems] == [
        (
            "small.yaml:1: (toàn bộ dữ liệu): sai kiểu giá trị: cần một nhóm trường (dạng tên: giá "
            "trị), nhưng đang là một danh sách"
        )
    ]


@pytest.mark.parametrize("text", ["", "# only a comment\n"], ids=["empty", "only a comment"])
def test_a_file_without_data_says_so(text):
    with pytest.raises(InputError) as caught:
        validate(parse(text, "small.yaml"))
    assert [str(p) for p in caught.value.problems] == [
        (
            "small.yaml:1: (toàn bộ dữ liệu): tệp không có dữ liệu (cần nội dung nghị quyết dạng các "
            "trường YAML 'tên: giá trị')"
        )
    ]


def test_whitespace_of_the_yaml_layout_is_not_part_of_the_text():
    text = BASE.replace(
        "        text: Mỗi tháng họp một lần.",
        "        text: |\n          Mỗi tháng\n          họp  một lần.",
    )
    model = validate(parse(text, "small.yaml"))
    assert model.items[2].text == "Mỗi tháng họp một lần."


def test_the_real_resolution_is_valid_and_has_its_structure():
    from generator.pipeline import load_resolution

    model = load_resolution(ROOT / "resolution.yaml")
    assert [(s.id, len(s.items)) for s in model.sections] == [
        ("nguyen-tac", 3),
        ("muc-tieu", 5),
        ("bien-phap", 6),
    ]
    assert [u.id for u in model.unit_types] == [
        "co-quan-nha-nuoc",
        "don-vi-su-nghiep-cong-lap",
        "to-chuc-co-su-dung-lao-dong",
        "xa-phuong-thi-tran",
    ]
    assert all(item.heading and not item.title for item in model.sections[2].items)
    assert all(item.title and not item.heading for s in model.sections[:2] for item in s.items)


def test_the_json_schema_accepts_the_real_data_and_is_valid_for_editors():
    import jsonschema

    from generator.load.source import load

    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(load(ROOT / "resolution.yaml").data, schema())


def test_the_quick_look_for_invisible_characters_misses_none_the_full_check_reports():
    """validate.py looks at a text character by character only when _SUSPECT finds something:
    every code point the full check would report must be found by it."""
    import unicodedata

    from generator.check.text import _BIDI, _INVISIBLE, _SUSPECT

    reported = [
        chr(i)
        for i in range(0x110000)
        if chr(i) in _INVISIBLE | _BIDI or unicodedata.category(chr(i)) in ("Cc", "Co")
    ]
    assert len(reported) > 137_000  # private use planes included
    assert [hex(ord(c)) for c in reported if not _SUSPECT.search(c)] == []


# Unicode's bidirectional controls (UAX #9): marks, embeddings, overrides and isolates.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize("char", BIDI_CONTROLS, ids=[f"U+{ord(c):04X}" for c in BIDI_CONTROLS])
def test_every_bidirectional_control_is_refused_in_text_and_in_ids(char):
    import unicodedata

    from generator.check.text import _BIDI

    assert set(BIDI_CONTROLS) == _BIDI
    name = f"U+{ord(char):04X} [{unicodedata.name(char)}]"
    text = BASE.replace("text: Việc gì cũng làm đúng hạn.", f"text: Việc gì {char}cũng làm đúng hạn.")
    with pytest.raises(InputError) as caught:
        validate(parse(text, "small.yaml"))
    assert [str(p) for p in caught.value.problems] == [
        f"small.yaml:39: sections[nguyen-tac].items[nguyen-tac-2].text: có ký tự ẩn làm đổi chiều viết chữ "
        f"{name} (trang web có thể hiện các chữ quanh ký tự này theo thứ tự khác với khi viết: hãy xóa ký "
        "tự này, hoặc gõ lại những chữ đó; ký tự này thường lẫn vào khi dán chữ từ Word, PDF hoặc trang web)"
    ]
    ident = BASE.replace("id: bien-phap-2\n", f'id: "bien-phap{char}-2"\n')
    with pytest.raises(InputError) as caught:
        validate(parse(ident, "small.yaml"))
    assert [str(p) for p in caught.value.problems] == [
        f"small.yaml:54: sections[bien-phap].items[1].id: 'bien-phap\\u{ord(char):04x}-2' có ký tự ẩn "
        f"{name} (hãy xóa ký tự này và gõ lại id)"
    ]


def test_the_schema_line_of_every_data_file_names_the_schema_file():
    """Editors' YAML language server finds the schema by the first line's path: a moved schema
    must move with it (it once pointed at a file that was no longer there)."""
    files = [ROOT / "resolution.yaml", *sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))]
    checked = 0
    for data_file in files:
        first = data_file.read_text(encoding="utf-8").splitlines()[0]
        if first.startswith("# yaml-language-server: $schema="):
            target = (data_file.parent / first.split("=", 1)[1]).resolve()
            assert target == resources.SCHEMA.resolve(), data_file
            checked += 1
    assert checked >= 2
