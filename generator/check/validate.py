"""Check loaded data completely and turn it into a Resolution; every problem is collected."""

from __future__ import annotations

import datetime
import re
from typing import Any

import jsonschema

from generator import paths, phrases
from generator.check import official
from generator.check.data import clean, entries
from generator.check.editorial import check_contact, check_requirement_aliases
from generator.check.model_of import build_model
from generator.check.official import check_official
from generator.check.requirements import check_requirements
from generator.check.schema import schema, schema_problems
from generator.check.status import check_status, dated_fields
from generator.check.text import text_problems
from generator.errors import InputError, Problem
from generator.load.source import DataPath, Loaded
from generator.model import Resolution

__all__ = ["schema", "validate"]


def validate(loaded: Loaded) -> Resolution:
    """Return the Resolution in `loaded`, or raise InputError with every problem found."""
    checker = _Checker(loaded)
    checker.check_schema()
    checker.check_meaning()
    if checker.problems:
        raise InputError(checker.problems)
    return build_model(loaded.data)


# A glossary term as it can be found in the text: words joined by one space, '-', '.' or '/',
# with a letter somewhere (Python-Markdown's placeholders for raw HTML hold numbers).
_TERM_FORM = re.compile(r"(?=.*[^\W\d_])[^\W_]+(?:[ ./-][^\W_]+)*")


class _Checker:
    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.data = loaded.data
        self.problems: list[Problem] = []
        for path, line, message in loaded.defects:
            self.problems.append(Problem(file=loaded.file, line=line, path=self.show(path), message=message))
        # NOTE: a value refused while loading (a tag, say) is left empty; "found nothing" about
        # it as well would only be noise.
        self._refused = {p.path for p in self.problems}

    def add(self, path: DataPath, message: str) -> None:
        problem = Problem(
            file=self.loaded.file, line=self.loaded.line(path), path=self.show(path), message=message
        )
        if problem.path in self._refused:
            return
        # NOTE: jsonschema reports "required" once per missing key, each listing all of them.
        if problem not in self.problems:
            self.problems.append(problem)

    def show(self, path: DataPath) -> str:
        """A data path for people: list entries named by their id where they have one."""
        out, node = "", self.data
        for part in path:
            if isinstance(part, int):
                entry = node[part] if isinstance(node, list) and part < len(node) else None
                ident = entry.get("id") if isinstance(entry, dict) else None
                out += (
                    f"[{ident}]" if isinstance(ident, str) and ident.isprintable() and ident else f"[{part}]"
                )
                node = entry
            else:
                out += f".{part}" if out else part
                node = node.get(part) if isinstance(node, dict) else None
        return out or "(toàn bộ dữ liệu)"

    # -- structure, from the JSON Schema --------------------------------------------------------

    def check_schema(self) -> None:
        validator = jsonschema.Draft202012Validator(schema())
        for error in validator.iter_errors(self.data):
            for path, message in schema_problems(error, self.data):
                self.add(path, message)

    # -- meaning: what a schema cannot say -------------------------------------------------------

    def check_meaning(self) -> None:
        data = self.data if isinstance(self.data, dict) else {}
        for value, path in dated_fields(data):
            self._check_date(value, path)
        self._check_unique(data.get("unit_types"), ("unit_types",), "id loại đơn vị")
        for u, unit in entries(data.get("unit_types")):
            self._unit_address(unit.get("id"), ("unit_types", u, "id"))
        ids: dict[str, DataPath] = {}
        # NOTE: aliases are claimed after every id, so that an alias naming another item's id is
        # reported at the alias (the thing to fix), wherever the two stand in the file.
        aliases_seen: list[tuple[Any, DataPath]] = []
        sections = data.get("sections")
        for s, section in entries(sections):
            spath = ("sections", s)
            self._claim(ids, section.get("id"), spath + ("id",))
            self._own_address(section.get("id"), spath + ("id",), "phần")
            expected = 1
            for i, item in entries(section.get("items")):
                ipath = spath + ("items", i)
                self._claim(ids, item.get("id"), ipath + ("id",))
                aliases = item.get("aliases")
                for a, alias in enumerate(aliases if isinstance(aliases, list) else ()):
                    aliases_seen.append((alias, ipath + ("aliases", a)))
                number = item.get("number")
                if isinstance(number, int) and not isinstance(number, bool) and number != expected:
                    self.add(
                        ipath + ("number",),
                        f"số {number} không đúng thứ tự (cần số {expected}: các mục được đánh số "
                        "1, 2, 3 ... theo thứ tự trong văn bản)",
                    )
                expected += 1
                if "heading" in item and "title" in item:
                    self.add(
                        ipath,
                        "có cả 'heading' lẫn 'title' (chỉ cần một: 'heading' cho câu đầu của chính "
                        "văn bản, 'title' cho tiêu đề ngắn do người biên tập đặt)",
                    )
        for c, chapter in entries(data.get("chapters")):
            self._own_address(chapter.get("id"), ("chapters", c, "id"), "chương")
        for ident, path, is_alias in official.ids(data):
            if is_alias:
                aliases_seen.append((ident, path))
            else:
                self._claim(ids, ident, path)
        for alias, path in aliases_seen:
            self._claim(
                ids,
                alias,
                path,
                hint="mỗi id và mỗi id cũ (aliases) phải khác nhau: hãy xóa hoặc sửa id cũ này",
            )
        self._check_glossary(data.get("glossary"))
        self._check_text(data, ())
        check_status(self, data, self.loaded.line)
        check_official(self, data, self.loaded.line)
        check_requirements(self, data)
        check_contact(self, data)
        check_requirement_aliases(self, data, self.loaded.line)

    def _check_glossary(self, values: Any) -> None:
        seen: dict[str, DataPath] = {}
        for i, entry in entries(values):
            path = ("glossary", i)
            variants = entry.get("variants")
            forms = [entry.get("term"), *(variants if isinstance(variants, list) else [])]
            for j, form in enumerate(forms):
                if not isinstance(form, str):
                    continue
                where = path + (("term",) if j == 0 else ("variants", j - 1))
                key = clean(form)
                if key and not _TERM_FORM.fullmatch(key):
                    # NOTE: the abbr extension cannot define a form with '\\' or ']' (the line
                    # would show on every page), matches only whole words, and a form of digits
                    # alone would match inside its placeholders for raw HTML, breaking the page.
                    self.add(
                        where,
                        f"'{key}' không thể được đánh dấu kèm lời giải thích trong văn bản (cần các "
                        "từ gồm chữ cái và chữ số, có ít nhất một chữ cái, ngăn cách bằng một dấu cách, "
                        "'-', '.' hoặc '/', ví dụ HĐND hoặc Ban TTND)",
                    )
                if key in seen:
                    first = self.loaded.line(seen[key])
                    self.add(
                        where,
                        f"'{key}' đã có trong bảng thuật ngữ (ở {phrases.line(first)}; mỗi thuật ngữ "
                        "chỉ giải thích một lần: hãy xóa ở đây hoặc gộp hai mục làm một)",
                    )
                else:
                    seen[key] = where
            if entry.get("kind") == "abbreviation" and "expansion" not in entry:
                self.add(
                    path,
                    "là chữ viết tắt nhưng thiếu 'expansion' (cần ghi dạng đầy đủ, ví dụ "
                    "expansion: Hội đồng nhân dân)",
                )

    def _check_date(self, value: Any, path: DataPath) -> None:
        if isinstance(value, str) and len(value) == 10 and value[4] == "-":
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                self.add(
                    path, f"'{value}' không phải một ngày có thật (cần dạng YYYY-MM-DD, ví dụ \"2023-12-07\")"
                )

    def _check_unique(self, values: Any, path: DataPath, what: str) -> None:
        seen: dict[str, DataPath] = {}
        for i, entry in entries(values):
            self._claim(seen, entry.get("id"), path + (i, "id"), what)

    def _claim(
        self,
        seen: dict[str, DataPath],
        ident: Any,
        path: DataPath,
        what: str = "id",
        hint: str = phrases.UNIQUE,
    ) -> None:
        if not isinstance(ident, str):
            return
        if ident in seen:
            first = self.loaded.line(seen[ident])
            self.add(path, phrases.duplicate(ident, first, hint, what))
        else:
            seen[ident] = path

    def _own_address(self, ident: Any, path: DataPath, what: str) -> None:
        """A section's or chapter's id is the folder of its page: not one the site uses itself."""
        if isinstance(ident, str) and (address := paths.claims_own_address(ident)):
            self.add(
                path,
                f"'{ident}' sẽ cho {what} này địa chỉ {address}, là địa chỉ trang web dùng cho các trang "
                f"của chính nó (cần một id khác, ví dụ tạo từ tên của {what})",
            )

    def _unit_address(self, ident: Any, path: DataPath) -> None:
        """A unit type's id names its checklist's page, /bang-kiem/<id>/: not the checklists' own."""
        if isinstance(ident, str) and ident in paths.RESERVED_UNIT_IDS:
            self.add(
                path,
                f"'{ident}' sẽ cho bảng kiểm của loại đơn vị này địa chỉ /bang-kiem/{ident}/, là địa "
                "chỉ trang web dùng cho các trang của chính nó (cần một id khác, ví dụ tạo từ tên của loại "
                "đơn vị)",
            )

    def _check_text(self, node: Any, path: DataPath) -> None:
        for where, message in text_problems(node, path):
            self.add(where, message)
