"""Loading: encodings, line numbers, and YAML features a resolution must not use."""

from __future__ import annotations

import unicodedata

import pytest

from generator.errors import InputError
from generator.load.source import load, parse
from tests.conftest import SMALL


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        loaded = parse(text, "r.yaml")
        if loaded.problems:
            raise InputError(loaded.problems)
    return [str(p) for p in caught.value.problems]


def test_every_value_knows_its_line():
    loaded = load(SMALL, "small.yaml")
    assert loaded.line(("sections", 2, "items", 1, "text")) == 57
    assert loaded.data["sections"][2]["items"][1]["text"] == "Báo cáo 100% kết quả: đúng, đủ."


def test_a_missing_value_is_placed_at_its_parent():
    loaded = load(SMALL, "small.yaml")
    assert loaded.line(("document", "no-such-field")) == 5


def test_bom_and_crlf_from_windows_are_accepted(tmp_path):
    windows = tmp_path / "windows.yaml"
    windows.write_bytes(b"\xef\xbb\xbf" + SMALL.read_bytes().replace(b"\n", b"\r\n"))
    assert load(windows).data == load(SMALL).data


def test_decomposed_vietnamese_is_normalised_to_nfc():
    nfd = unicodedata.normalize("NFD", "title: Hội đồng nhân dân\n")
    assert nfd != unicodedata.normalize("NFC", nfd)
    assert parse(nfd, "r.yaml").data == {"title": "Hội đồng nhân dân"}


def test_a_file_not_in_utf8_names_the_line_and_how_to_save_it(tmp_path):
    legacy = tmp_path / "cp1258.yaml"
    legacy.write_bytes("format: 1\ntitle: Hà Giang\n".encode("cp1258"))
    with pytest.raises(InputError) as caught:
        load(legacy, "cp1258.yaml")
    assert str(caught.value) == (
        "cp1258.yaml:2: (tệp): byte 0xE0 ở cột 9 không phải chữ UTF-8 (cần lưu tệp ở dạng UTF-8; "
        "trong Notepad: File > Save As > Encoding: UTF-8)"
    )


def test_duplicate_keys_are_refused_with_both_lines():
    assert problems("a: 1\nb: 2\na: 3\n") == [
        "r.yaml:3: a: trùng tên trường 'a' (đã có ở dòng 1; chỉ giữ lại một)"
    ]


def test_aliases_are_refused_not_expanded():
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    assert problems(bomb) == [
        "r.yaml:2: yaml: không dùng được tham chiếu (alias) '*a' (hãy viết đầy đủ giá trị ra)",
        "r.yaml:3: yaml: không dùng được tham chiếu (alias) '*b' (hãy viết đầy đủ giá trị ra)",
    ]


def test_python_tags_are_refused_and_run_nothing(tmp_path):
    marker = tmp_path / "ran"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    assert problems(text) == [
        (
            "r.yaml:1: a: không được dùng thẻ (tag) '!!python/object/apply:os.system' (hãy xóa thẻ "
            "này; chỉ chấp nhận giá trị thông thường)"
        )
    ]
    assert not marker.exists()


LONG = (
    "số có {} chữ số là quá dài (cần một số nguyên vài chữ số, ví dụ 1; nếu đây là chữ, hãy đặt trong "
    "dấu ngoặc kép)"
)


@pytest.mark.parametrize(
    "written, digits",
    [
        ("1" * 5000, 5000),  # past Python's limit on converting digits (4,300): once a traceback
        ("-" + "9" * 101, 101),
        ("0x" + "f" * 5000, 5000),  # converts, but printing it in a message would fail
        (":".join(["59"] * 3000), 6000),  # YAML 1.1's base 60
    ],
    ids=["5000 digits", "101 digits", "hexadecimal", "base 60"],
)
@pytest.mark.parametrize("reader", ["libyaml", "pyyaml"])
def test_a_number_too_long_to_be_a_number_is_refused_by_either_reader(written, digits, reader, monkeypatch):
    from generator.load import source

    if reader == "pyyaml":
        monkeypatch.setattr(source, "_FastLoader", None)
    assert problems(f"format: 1\nn:\n  - {written}\n") == [
        f"r.yaml:3: n[0]: {LONG.format(f'{digits:,}'.replace(',', '.'))}"
    ]


def test_a_number_of_100_digits_is_still_a_number():
    assert parse("n: " + "9" * 100 + "\n", "r.yaml").data == {"n": 10**100 - 1}


@pytest.mark.parametrize(
    "value", ["!!int abc", "!!int ''", "!!int 0b", "!!float abc", "!!float ''", "!!bool maybe"]
)
def test_a_standard_tag_on_a_value_it_cannot_read_is_refused_not_a_traceback(value):
    tag = value.split()[0]
    assert problems(f"a: {value}\n") == [
        f"r.yaml:1: a: không được dùng thẻ (tag) '{tag}' (hãy xóa thẻ này; chỉ chấp nhận giá trị thông thường)"
    ]


def test_a_tab_in_indentation_is_a_syntax_error_with_its_line():
    assert problems("a:\n  b: 1\n\tc: 2\n") == [
        (
            "r.yaml:3: a.c: lỗi cú pháp YAML: dòng này thụt lề bằng ký tự tab (hãy thụt lề bằng dấu "
            "cách, không dùng phím Tab) [while scanning for the next token, found character '\\t' that "
            "cannot start any token]"
        )
    ]


def test_an_unquoted_date_is_kept_as_written():
    assert parse("date: 2023-12-07\n", "r.yaml").data == {"date": "2023-12-07"}


@pytest.mark.parametrize(
    "text, line, path",
    [
        ("sections:\n  - name: a\n  - name: b\n    text: x: y\n", 4, "sections[1].text"),
        ("items:\n- id: a-1\n  text: ok\n- id: a-2\n  text: x: y\n", 5, "items[a-2].text"),
        ("a:\n  b:\n    # c\n\n    d: 1\n", 5, "a.b.d"),
        ("a:\n  b: |\n    text\n  c: 1\n", 4, "a.c"),
    ],
    ids=["entry without id", "entries at the key's column", "comment and blank line", "after a block text"],
)
def test_a_syntax_error_is_placed_at_a_data_path_read_from_the_indentation(text, line, path):
    from generator.load.syntax import data_path_at

    assert data_path_at(text, line) == path


def _corpus_names():
    from tests.test_corpus import NAMES

    return NAMES


@pytest.mark.parametrize("name", ["(resolution.yaml)", "(small fixture)", *_corpus_names()])
def test_libyaml_reads_every_input_as_pyyaml_does_or_leaves_it_to_pyyaml(name, monkeypatch):
    """source.parse reads with libyaml first (fast) and falls back to PyYAML, whose messages the
    editors see, on any syntax problem. libyaml must never accept what PyYAML refuses, and what
    it accepts must come out the same: data, lines and defects."""
    import unicodedata

    from generator.errors import InputError
    from generator.load import source
    from tests.conftest import ROOT, SMALL
    from tests.test_corpus import corpus_input

    data = {
        "(resolution.yaml)": lambda: (ROOT / "resolution.yaml").read_bytes(),
        "(small fixture)": lambda: SMALL.read_bytes(),
    }.get(name, lambda: corpus_input(name))()
    try:
        text = unicodedata.normalize("NFC", data.decode("utf-8"))
    except UnicodeDecodeError:
        return  # refused before any parser sees it
    fast = source._fast_parse(text, "r.yaml")
    monkeypatch.setattr(source, "_FastLoader", None)
    try:
        slow = source.parse(text, "r.yaml")
    except InputError:
        slow = None
    if slow is None:
        assert fast is None
    elif name.startswith("("):
        assert fast == slow and fast is not None
    else:
        assert fast in (slow, None)
