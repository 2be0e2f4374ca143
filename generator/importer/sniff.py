"""What an input file really is, told by its first bytes and size before anything parses it:
a text, a DOCX (a zip), or something refused with advice (.doc, PDF, UTF-16, binary, empty)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from generator import phrases
from generator.errors import InputError, Problem

# NOTE: the official text of a resolution is tens to hundreds of kilobytes; a DOCX with pictures a
# few megabytes. The limits only stop a runaway or hostile file before anything parses it.
MAX_TEXT_BYTES = 4 * 1024 * 1024
MAX_DOCX_BYTES = 32 * 1024 * 1024

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_SAVE_AS_DOCX = (
    "hãy mở bằng Word hoặc LibreOffice rồi lưu thành .docx, hoặc chép phần chữ vào một tệp .txt dạng UTF-8"
)

Kind = Literal["text", "docx"]


def _fail(name: str, message: str) -> InputError:
    return InputError([Problem(file=name, line=None, path="", message=message)])


def read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes, refused when missing, unreadable, a folder or over the size limit."""
    try:
        if path.is_dir():
            raise _fail(
                name, "đây là một thư mục, không phải tệp (cần văn bản nghị quyết ở dạng tệp .txt hoặc .docx)"
            )
        size = path.stat().st_size
        limit = MAX_DOCX_BYTES if path.suffix.lower() == ".docx" else MAX_TEXT_BYTES
        if size > limit:
            raise _fail(
                name,
                f"tệp nặng {phrases.number(size)} byte, vượt giới hạn {phrases.number(limit)} byte (cần "
                "văn bản của một nghị quyết)",
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise _fail(name, "không tìm thấy tệp (hãy kiểm tra lại đường dẫn)") from None
    except PermissionError as err:
        raise _fail(name, f"không có quyền đọc tệp (hãy cấp quyền đọc){phrases.os_reason(err)}") from None
    except OSError as err:
        raise _fail(name, f"không đọc được tệp{phrases.os_reason(err)}") from None


def kind_of(data: bytes, path: Path, name: str) -> Kind:
    """ "text" or "docx", from the bytes; a message for anything else, or for a file whose
    extension says something its bytes are not."""
    ext = path.suffix.lower()
    if not data.strip():
        raise _fail(name, "tệp trống (cần văn bản của nghị quyết)")
    if data.startswith(_OLE):
        raise _fail(name, f"là văn bản Word kiểu cũ (.doc), không đọc được ({_SAVE_AS_DOCX})")
    if data.startswith(b"%PDF"):
        raise _fail(
            name,
            "là tệp PDF, không đọc chính xác được (hãy lấy tệp DOCX của nghị quyết, hoặc chép phần chữ "
            "từ cơ sở dữ liệu quốc gia về văn bản pháp luật vào một tệp .txt dạng UTF-8)",
        )
    if data.startswith(_ZIP):
        if ext not in (".docx", ""):
            raise _fail(
                name,
                f"là tệp zip (có thể là DOCX?), không phải văn bản {ext} (nếu là DOCX, hãy đổi đuôi tên "
                "tệp thành .docx)",
            )
        return "docx"
    if ext == ".docx":
        raise _fail(
            name, "không phải tệp DOCX: nội dung không phải dạng nén zip (hãy lưu lại từ Word thành .docx)"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        raise _fail(
            name,
            "là văn bản dạng UTF-16 (cần UTF-8: trong Notepad, File > Save As > Encoding: UTF-8)",
        )
    if b"\x00" in data[:8192]:
        raise _fail(
            name, "là tệp nhị phân, không phải văn bản (cần một tệp .txt dạng UTF-8 hoặc một tệp .docx)"
        )
    return "text"


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte order mark: every other byte of the first ones is zero."""
    head = data[:512]
    return len(head) >= 4 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4)
