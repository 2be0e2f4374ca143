"""The fixed phrases of our messages about the data and input files, in Vietnamese.

Every message has the form `TỆP:DÒNG: chỗ trong dữ liệu: điều sai (điều cần có / cách sửa)`.
The same idea is always said with the same words, so that an editor learns them once:

- "thiếu trường bắt buộc 'x'": a field that must be there is not;
- "trùng id 'x' (đã dùng ở dòng N; ...)": two things share an id;
- "(trường này ghi: ...)": what a field holds, from the JSON Schema's description;
- "(cần ...)": what was expected, inside the brackets that close a message, followed by how to fix;
- "ở dòng N", "dòng N": a line of the file;
- "một trong: a, b, c": the allowed values;
- "có phải là 'x'?": the nearest allowed value to a slip;
- "ký tự ẩn": a character that shows nothing (Unicode's name follows in square brackets);
- "[...]": words that come from elsewhere (PyYAML, the operating system, Unicode), kept as they are
  after our sentence.

Terms kept as they are, with no everyday Vietnamese word: YAML, id, UTF-8, UTF-16, DOCX, PDF, zip,
Unicode (U+200B), YYYY-MM-DD, the data's field names (sections, clause ...) and the commands.
"""

from __future__ import annotations

from collections.abc import Iterable

# What a value is, in a message ("cần giá trị dạng chữ, nhưng đang là một số").
KIND = {
    dict: "đang là một nhóm trường (dạng tên: giá trị)",
    list: "đang là một danh sách",
    str: "đang là giá trị dạng chữ",
    bool: "đang là giá trị đúng/sai (true/false)",
    int: "đang là một số",
    float: "đang là một số thập phân",
    type(None): "đang để trống",
}
# What a field should hold, by its JSON Schema type.
EXPECTED_TYPE = {
    "object": "một nhóm trường (dạng tên: giá trị)",
    "array": "một danh sách (các dòng bắt đầu bằng '- ')",
    "string": "giá trị dạng chữ",
    "integer": "một số nguyên",
}

QUOTE_IT = "hãy đặt giá trị trong dấu ngoặc kép để giữ đúng như đã viết"
# How an invisible character gets in: "ký tự này {PASTED}".
PASTED = "thường lẫn vào khi dán chữ từ Word, PDF hoặc trang web"
UNIQUE = "mỗi id phải khác nhau"
SAVE_UTF8 = "lưu tệp ở dạng UTF-8; trong Notepad: File > Save As > Encoding: UTF-8"
MISSING = "thiếu trường bắt buộc"
# Before a field's description from the JSON Schema: "(trường này ghi: tác giả bài viết)".
FIELD_HOLDS = "trường này ghi:"
UNKNOWN_FIELD = "không có trường này trong định dạng dữ liệu"


def line(number: object) -> str:
    """ "dòng 12"."""
    return f"dòng {number}"


def one_of(names: Iterable[str]) -> str:
    """ "một trong: a, b, c" (the values allowed)."""
    names = list(names)
    return "một trong: " + ", ".join(names) if names else "một trong: (chưa khai báo giá trị nào)"


def did_you_mean(name: str | None) -> str:
    """ "có phải là 'x'? " before the list of what is allowed, or nothing."""
    return f"có phải là '{name}'? " if name else ""


def duplicate(ident: str, first_line: object, hint: str = UNIQUE, what: str = "id") -> str:
    """The message for an id (or a unit type's id, a requirement's id) used twice."""
    return f"trùng {what} '{ident}' (đã dùng ở {line(first_line)}; {hint})"


def missing(name: str, description: str = "") -> str:
    """The message for a required field left out, with what it holds."""
    return f"{MISSING} '{name}'" + (f" ({FIELD_HOLDS} {description})" if description else "")


def os_reason(err: OSError) -> str:
    """The operating system's own words for an error, in square brackets after our sentence."""
    return f" [{err.strerror or err}]"


def number(n: int) -> str:
    """ "8.388.608": thousands separated by dots, as Vietnamese writes them."""
    return f"{n:,}".replace(",", ".")
