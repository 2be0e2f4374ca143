"""A resolution file's bytes as text: refused when missing, unreadable, too large or not UTF-8,
with a message that says how to fix it."""

from __future__ import annotations

from pathlib import Path

from generator.errors import InputError, Problem

# NOTE: A resolution is tens of kilobytes; the limit only stops a runaway or hostile file before
# PyYAML spends seconds and gigabytes on it.
MAX_BYTES = 8 * 1024 * 1024


def read_text(path: Path, name: str) -> str:
    """The file's text, decoded as UTF-8 (a byte order mark dropped); a message for a missing,
    unreadable, oversized or non-UTF-8 file, with the line of the first bad byte."""

    def fail(message: str) -> InputError:
        return InputError([Problem(file=name, line=None, path="(file)", message=message)])

    try:
        if path.is_dir():
            raise fail("is a directory (expected a YAML file)")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail(
                f"the file is {size:,} bytes, larger than the limit of {MAX_BYTES:,} "
                "(expected a resolution of at most a few hundred kilobytes)"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail("file not found (expected the resolution's YAML file; check the path)") from None
    except PermissionError:
        raise fail("cannot read the file: permission denied (make it readable)") from None
    except OSError as err:
        raise fail(f"cannot read the file: {err.strerror or err}") from None
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
                    path="(file)",
                    message=f"byte 0x{byte:02X} at column {column} is not UTF-8 (expected the file saved "
                    "as UTF-8; in Notepad: File > Save As > Encoding: UTF-8)",
                )
            ]
        ) from None
