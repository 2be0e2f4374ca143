"""A resolution file's bytes as text: refused when missing, unreadable, too large or not UTF-8,
with a message that says how to fix it."""

from __future__ import annotations

from pathlib import Path

from generator import phrases
from generator.errors import InputError, Problem

# NOTE: A resolution is tens of kilobytes; the limit only stops a runaway or hostile file before
# PyYAML spends seconds and gigabytes on it.
MAX_BYTES = 8 * 1024 * 1024


def read_text(path: Path, name: str) -> str:
    """The file's text, decoded as UTF-8 (a byte order mark dropped); a message for a missing,
    unreadable, oversized or non-UTF-8 file, with the line of the first bad byte."""

    def fail(message: str) -> InputError:
        return InputError([Problem(file=name, line=None, path="(tệp)", message=message)])

    try:
        if path.is_dir():
            raise fail("đây là một thư mục, không phải tệp (cần một tệp YAML)")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail(
                f"tệp nặng {phrases.number(size)} byte, vượt giới hạn {phrases.number(MAX_BYTES)} byte "
                "(một nghị quyết chỉ cần tối đa vài trăm kilobyte)"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail("không tìm thấy tệp (cần tệp YAML của nghị quyết; hãy kiểm tra lại đường dẫn)") from None
    except PermissionError as err:
        raise fail(f"không có quyền đọc tệp (hãy cấp quyền đọc){phrases.os_reason(err)}") from None
    except OSError as err:
        raise fail(f"không đọc được tệp{phrases.os_reason(err)}") from None
    if raw.startswith(b"\xef\xbb\xbf"):  # a BOM, as Notepad on Windows writes it
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        byte = raw[err.start]
        raise InputError(
            [
                Problem(
                    file=name,
                    line=line,
                    path="(tệp)",
                    message=f"byte 0x{byte:02X} ở cột {column} không phải chữ UTF-8 "
                    f"(cần {phrases.SAVE_UTF8})",
                )
            ]
        ) from None
