"""What an input file really is, told by its first bytes and size before anything parses it:
a text, a DOCX (a zip), or something refused with advice (.doc, PDF, UTF-16, binary, empty)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from generator.errors import InputError, Problem

# NOTE: the official text of a resolution is tens to hundreds of kilobytes; a DOCX with pictures a
# few megabytes. The limits only stop a runaway or hostile file before anything parses it.
MAX_TEXT_BYTES = 4 * 1024 * 1024
MAX_DOCX_BYTES = 32 * 1024 * 1024

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_SAVE_AS_DOCX = "open it in Word or LibreOffice and save it as .docx, or copy its text into a UTF-8 .txt file"

Kind = Literal["text", "docx"]


def _fail(name: str, message: str) -> InputError:
    return InputError([Problem(file=name, line=None, path="", message=message)])


def read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes, refused when missing, unreadable, a folder or over the size limit."""
    try:
        if path.is_dir():
            raise _fail(name, "is a folder (expected the resolution's text as a .txt or .docx file)")
        size = path.stat().st_size
        limit = MAX_DOCX_BYTES if path.suffix.lower() == ".docx" else MAX_TEXT_BYTES
        if size > limit:
            raise _fail(
                name,
                f"the file is {size:,} bytes, larger than the limit of {limit:,} (expected the text of "
                "one resolution)",
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise _fail(name, "file not found (check the path)") from None
    except PermissionError:
        raise _fail(name, "cannot read the file: permission denied (make it readable)") from None
    except OSError as err:
        raise _fail(name, f"cannot read the file: {err.strerror or err}") from None


def kind_of(data: bytes, path: Path, name: str) -> Kind:
    """ "text" or "docx", from the bytes; a message for anything else, or for a file whose
    extension says something its bytes are not."""
    ext = path.suffix.lower()
    if not data.strip():
        raise _fail(name, "the file is empty (expected the resolution's text)")
    if data.startswith(_OLE):
        raise _fail(name, f"is an old Word document (.doc), which cannot be read ({_SAVE_AS_DOCX})")
    if data.startswith(b"%PDF"):
        raise _fail(
            name,
            "is a PDF, which cannot be read reliably (get the DOCX of the resolution, or copy its text "
            "from the national legal database into a UTF-8 .txt file)",
        )
    if data.startswith(_ZIP):
        if ext not in (".docx", ""):
            raise _fail(
                name, f"is a zip file (a DOCX?), not a {ext} text (if it is a DOCX, rename it to .docx)"
            )
        return "docx"
    if ext == ".docx":
        raise _fail(name, "is not a DOCX: its bytes are not a zip file (save it from Word as .docx)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        raise _fail(
            name,
            "is UTF-16 text (expected UTF-8: in Notepad, File > Save As > Encoding: UTF-8)",
        )
    if b"\x00" in data[:8192]:
        raise _fail(name, "is a binary file, not text (expected a UTF-8 .txt or a .docx file)")
    return "text"


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte order mark: every other byte of the first ones is zero."""
    head = data[:512]
    return len(head) >= 4 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4)
