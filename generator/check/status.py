"""The meaning checks of the resolution's dates and history (lịch sử hiệu lực): what the schema
cannot say. Each runs only on dates that are real (a wrong one has its own message), so that one
mistake gives one message.

- the history is in date order, oldest first;
- the adoption (`Văn bản được ban hành`) is there once, on the date of `document.date`;
- the document takes effect (`document.in_force`, `Văn bản có hiệu lực`) on or after its adoption,
  and the two say the same date;
- `status.legal_force` does not say in force while the history says the whole document went out
  of force (the notice on the pages of the text is made from `legal_force`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from generator import phrases
from generator.check.data import entries
from generator.load.source import DataPath

ADOPTED = "Văn bản được ban hành"
TAKES_EFFECT = "Văn bản có hiệu lực"
# Events after which the whole document is out of force ("Bị thay thế" only without a part).
_NOT_BEFORE = "văn bản không thể có hiệu lực trước khi được ban hành; hãy kiểm tra cả hai ngày"
_SAME_DATE = "cần cùng một ngày ở cả hai chỗ: hãy sửa chỗ sai"
_ENDS = {"Văn bản hết hiệu lực", "Bị thay thế"}


class _Checker(Protocol):
    def add(self, path: DataPath, message: str) -> None: ...


def dated_fields(data: dict[str, Any]) -> Iterator[tuple[Any, DataPath]]:
    """(value, place) of every date of the data, for the check that each is a real date."""
    for key, name in (("document", "date"), ("source", "date"), ("document", "in_force")):
        block = data.get(key)
        if isinstance(block, dict) and name in block:
            yield block[name], (key, name)
    for i, event in _history(data):
        yield event.get("date"), ("status", "history", i, "date")


def check_status(checker: _Checker, data: dict[str, Any], line: Callable[[DataPath], int | None]) -> None:
    """Every meaning check of the dates and the history (module docstring)."""
    document = data.get("document")
    if not isinstance(document, dict):
        document = {}
    adopted = _date(document.get("date"))
    adopted_at = f"document.date, {phrases.line(line(('document', 'date')))}"
    in_force = _date(document.get("in_force"))
    if adopted and in_force and in_force < adopted:
        checker.add(
            ("document", "in_force"),
            f"'{in_force}' sớm hơn ngày ban hành '{adopted}' ({adopted_at}) (cần một ngày từ ngày "
            f"ban hành trở đi: {_NOT_BEFORE})",
        )
    latest: tuple[datetime.date, DataPath] | None = None
    first: dict[str, DataPath] = {}
    for i, event in _history(data):
        path, kind, when = ("status", "history", i), event.get("event"), _date(event.get("date"))
        if when is None:
            continue
        if latest and when < latest[0]:
            checker.add(
                path + ("date",),
                f"'{when}' sớm hơn ngày của một sự kiện ghi phía trên ('{latest[0]}', "
                f"{phrases.line(line(latest[1]))}) (cần ghi các sự kiện theo thứ tự ngày, cũ nhất "
                "trước: hãy chuyển sự kiện này lên trên hoặc sửa ngày của nó)",
            )
        else:
            latest = (when, path + ("date",))
        if kind == ADOPTED and kind in first:
            checker.add(
                path + ("event",),
                f"'{ADOPTED}' đã có trong lịch sử (ở {phrases.line(line(first[kind]))}; văn bản "
                "chỉ được ban hành một lần: hãy xóa một trong hai)",
            )
        elif kind == ADOPTED and adopted and when != adopted:
            checker.add(
                path + ("date",),
                f"'{when}' khác ngày ban hành '{adopted}' ({adopted_at}) ({_SAME_DATE})",
            )
        elif kind == TAKES_EFFECT and adopted and when < adopted:
            checker.add(
                path + ("date",),
                f"'{when}' sớm hơn ngày ban hành '{adopted}' ({adopted_at}) (cần một ngày từ ngày "
                f"ban hành trở đi: {_NOT_BEFORE})",
            )
        elif kind == TAKES_EFFECT and kind not in first and in_force and when != in_force:
            checker.add(
                path + ("date",),
                f"'{when}' khác ngày có hiệu lực '{in_force}' (document.in_force, "
                f"{phrases.line(line(('document', 'in_force')))}) ({_SAME_DATE})",
            )
        if isinstance(kind, str):
            first.setdefault(kind, path + ("event",))
    _check_force(checker, data, line)


def _check_force(checker: _Checker, data: dict[str, Any], line: Callable[[DataPath], int | None]) -> None:
    status = data.get("status")
    force = status.get("legal_force") if isinstance(status, dict) else None
    if force not in ("Còn hiệu lực", "Chưa có hiệu lực"):
        return
    for i, event in _history(data):
        kind = event.get("event")
        if kind in _ENDS and "part" not in event:
            checker.add(
                ("status", "legal_force"),
                f"là '{force}', nhưng lịch sử ghi toàn bộ văn bản đã hết hiệu lực ('{kind}', "
                f"{phrases.line(line(('status', 'history', i, 'event')))}) (cần 'Hết hiệu lực toàn bộ', "
                "hoặc hãy sửa lịch sử)",
            )
            return


def _history(data: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    status = data.get("status")
    return entries(status.get("history") if isinstance(status, dict) else None)


def _date(value: Any) -> datetime.date | None:
    """The date of a value written YYYY-MM-DD, None for anything else (reported elsewhere)."""
    if not (isinstance(value, str) and len(value) == 10 and value[4] == "-"):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None
