"""Meaning checks of fields that are ours, not the resolution's: the contact readers report
mistakes to, and the old ids (aliases) of the checklists' requirements."""

from __future__ import annotations

import re
from typing import Any, Protocol

from generator import phrases
from generator.check.data import entries
from generator.load.source import DataPath

# An address a mailto: link can carry as it is: ASCII letters, digits and . _ + - before the @,
# a domain of at least two labels after it (no space, no Vietnamese letters, no second @).
_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


class _Checker(Protocol):
    def add(self, path: DataPath, message: str) -> None: ...


def check_contact(checker: _Checker, data: dict[str, Any]) -> None:
    """The contact's email, if given, is an address a mail program can send to."""
    contact = data.get("contact")
    email = contact.get("email") if isinstance(contact, dict) else None
    if isinstance(email, str) and email.strip() and not _EMAIL.fullmatch(email.strip()):
        checker.add(
            ("contact", "email"),
            f"'{email.strip()}' không phải là một địa chỉ thư điện tử (cần dạng ten@ten-mien, ví dụ "
            "baoloi@ten-co-quan.gov.vn: chữ không dấu, không có dấu cách, đúng một dấu @)",
        )


def check_requirement_aliases(checker: _Checker, data: dict[str, Any], line) -> None:
    """A requirement's old ids name no other requirement, now or before: each old id leads to one
    row (its anchor on the checklist page, the answers stored under it)."""
    seen: dict[str, DataPath] = {}
    for i, req in entries(data.get("requirements")):
        if isinstance(ident := req.get("id"), str):
            seen.setdefault(ident, ("requirements", i, "id"))
    for i, req in entries(data.get("requirements")):
        aliases = req.get("aliases")
        for a, alias in enumerate(aliases if isinstance(aliases, list) else ()):
            path: DataPath = ("requirements", i, "aliases", a)
            if not isinstance(alias, str):
                continue
            if alias in seen:
                checker.add(
                    path,
                    phrases.duplicate(
                        alias,
                        line(seen[alias]),
                        "mỗi id và mỗi id cũ (aliases) của các yêu cầu phải khác nhau: hãy xóa hoặc sửa "
                        "id cũ này",
                    ),
                )
            else:
                seen[alias] = path
