"""The lines of an official text -> the resolution's data: the header, the title, the preamble,
the body (body.py), the closing, nơi nhận, the signature block and the appendices, each line
verbatim in its field. A line that fits none of them stops the import, naming it."""

from __future__ import annotations

import re
from typing import Any

from generator.errors import InputError
from generator.importer import patterns as P
from generator.importer.body import Body
from generator.importer.lines import Line, refuse
from generator.importer.metadata import document, status

Data = dict[str, Any]

_HEADER_HELP = (
    "phía trên tên văn bản chỉ được có cơ quan ban hành, Quốc hiệu và Tiêu ngữ (CỘNG HÒA XÃ HỘI CHỦ "
    "NGHĨA VIỆT NAM, Độc lập - Tự do - Hạnh phúc), 'Số: …' và địa danh, ngày tháng; hãy chuyển dòng "
    "này đi chỗ khác hoặc xóa"
)
_PREAMBLE_HELP = (
    "giữa tên văn bản và điều đầu tiên chỉ được có tên Hội đồng và kỳ họp, các dòng 'Căn cứ …', "
    "'Xét …' và lời quyết nghị (QUYẾT NGHỊ:); hãy chuyển dòng này đi chỗ khác hoặc xóa"
)
_THIS = re.compile(r"^\S+(?:\s+\S+)?\s+này\b")


def parse(lines: list[Line], name: str) -> Data:
    """The data of the resolution whose official text is `lines`."""
    at = 0
    header: list[Line] = []
    while at < len(lines) and not P.TYPE_LINE.match(lines[at].text):
        line = lines[at]
        if line.is_row or not _in_header(line.text):
            raise refuse(name, line, f"không xếp được dòng này vào phần đầu văn bản ({_HEADER_HELP})")
        header.append(line)
        at += 1
    if at == len(lines):
        raise refuse(
            name,
            None,
            "không có dòng tên văn bản như 'NGHỊ QUYẾT' (cần văn bản chính thức của một nghị quyết)",
        )
    title = [lines[at]]
    at += 1
    while at < len(lines) and not _preamble_starts(lines[at]):
        title.append(lines[at])
        at += 1
    official: Data = {"header": [x.text for x in header], "title": [x.text for x in title]}
    at = _preamble(lines, at, official, name)
    body = Body(name)
    while at < len(lines) and not _closing_starts(lines[at]):
        body.add(lines[at])
        at += 1
    if not body.any_article:
        where = lines[at] if at < len(lines) else None
        raise refuse(
            name,
            where,
            "văn bản không có điều nào (cần các dòng như 'Điều 1. Phạm vi điều chỉnh' sau lời quyết "
            "nghị; đây có phải văn bản chính thức của một nghị quyết không?)",
        )
    articles = body.result()
    at = _closing(lines, at, official, name)
    appendices = _appendices(lines, at, name)
    data: Data = {
        "format": 1,
        "version": "1.0.0",
        "document": document(header, title, official, articles, name),
    }
    data["status"] = status(data["document"])
    data["official"] = official
    data.update(articles)
    if appendices:
        data["appendices"] = appendices
    return data


def _in_header(text: str) -> bool:
    return bool(
        P.QUOC_HIEU.match(text)
        or P.TIEU_NGU.match(text)
        or P.NUMBER.match(text)
        or P.PLACE_DATE.match(text)
        or P.RULE.match(text)
        or P.is_upper(text)
    )


def _preamble_starts(line: Line) -> bool:
    text = line.text
    return not line.is_row and any(
        p.match(text)
        for p in (P.COUNCIL, P.TERM_SESSION, P.TERM, P.BASIS, P.CONSIDERING, P.ENACTING, P.CHAPTER, P.ARTICLE)
    )


def _preamble(lines: list[Line], at: int, official: Data, name: str) -> int:
    """Council, session, căn cứ, xét and the enacting words, up to the first chapter or article."""
    council: list[str] = []
    bases: list[str] = []
    considering: list[str] = []
    enacting: list[str] = []
    while at < len(lines):
        line = lines[at]
        text = line.text
        if not line.is_row and (P.CHAPTER.match(text) or P.ARTICLE.match(text)) or _closing_starts(line):
            break
        if line.is_row or enacting:
            if not line.is_row and P.KHOAN.match(text):
                raise refuse(
                    name,
                    line,
                    P.KHOAN_FIRST,
                )
            raise refuse(name, line, f"không xếp được dòng này vào phần mở đầu văn bản ({_PREAMBLE_HELP})")
        if P.ENACTING.match(text):
            enacting.append(text)
        elif P.CONSIDERING.match(text) or considering:
            considering.append(text)
        elif P.BASIS.match(text) or (bases and not bases[-1].endswith((";", ".", ":"))):
            bases.append(text)
        elif not bases and (P.COUNCIL.match(text) or P.TERM_SESSION.match(text) or P.TERM.match(text)):
            council.append(text)
            if match := P.TERM_SESSION.match(text):
                official["term"], official["session"] = match.group(1), match.group(2)
            elif P.TERM.match(text):
                official["term"] = text
        elif P.KHOAN.match(text):
            raise refuse(
                name,
                line,
                P.KHOAN_FIRST,
            )
        else:
            raise refuse(name, line, f"không xếp được dòng này vào phần mở đầu văn bản ({_PREAMBLE_HELP})")
        at += 1
    for key, value in (
        ("council", council),
        ("bases", bases),
        ("considering", considering),
        ("enacting", enacting),
    ):
        if value:
            official[key] = value
    # NOTE: keep the data's order of keys as the fixture has it: term and session after council.
    for key in ("term", "session", "bases", "considering", "enacting"):
        if key in official:
            official[key] = official.pop(key)
    return at


def _closing_starts(line: Line) -> bool:
    text = line.text
    if line.is_row:
        return False
    return bool(
        (_THIS.match(text) and P.ADOPTION.search(text))
        or P.RECIPIENTS.match(text)
        or (P.SIGNATURE.match(text) and not P.ARTICLE.match(text))
        or text.startswith("PHỤ LỤC")
    )


def _closing(lines: list[Line], at: int, official: Data, name: str) -> int:
    """The adoption sentence, nơi nhận and the signature block (in either order), up to an appendix."""
    closing: list[str] = []
    recipients: list[str] = []
    signature: list[str] = []
    part: list[str] = closing
    while at < len(lines):
        line = lines[at]
        text = line.text
        if not line.is_row and P.APPENDIX.match(text) and (text.startswith("PHỤ LỤC") or part is signature):
            break
        if line.is_row:
            raise refuse(
                name,
                line,
                "một hàng của bảng nằm sau các điều, ngoài mọi phụ lục (cần một dòng 'PHỤ LỤC' ở phía trên)",
            )
        if P.RECIPIENTS.match(text) and not recipients:
            part = recipients
        elif part is recipients and P.DASH.match(text):
            pass
        elif P.SIGNATURE.match(text) and not signature:
            part = signature
        elif part is recipients:
            raise refuse(
                name,
                line,
                "không xếp được dòng này vào phần nào sau 'Nơi nhận:' (cần các dòng '- …' của nơi nhận, "
                "rồi đến phần chữ ký bắt đầu bằng 'TM. HỘI ĐỒNG NHÂN DÂN'; hãy chuyển dòng này đi chỗ khác "
                "hoặc xóa)",
            )
        part.append(text)
        at += 1
    for key, value in (("closing", closing), ("recipients", recipients), ("signature", signature)):
        if value:
            official[key] = value
    return at


def _appendices(lines: list[Line], at: int, name: str) -> list[Data]:
    """Each appendix: its heading lines (to the '(Kèm theo …)' line, or to its first table) and its
    paragraphs and tables, verbatim."""
    appendices: list[Data] = []
    seen: dict[str, Line] = {}
    while at < len(lines):
        line = lines[at]
        match = P.APPENDIX.match(line.text)
        assert match is not None  # _closing stops only at an appendix
        ident = f"phu-luc-{P.slug(match.group(1))}" if match.group(1) else "phu-luc"
        if ident in seen:
            raise refuse(
                name,
                line,
                f"{line.text} xuất hiện hai lần (lần đầu ở {seen[ident].where}; hãy đánh số các phụ lục, "
                "ví dụ PHỤ LỤC I, PHỤ LỤC II)",
            )
        seen[ident] = line
        end = at + 1
        while end < len(lines) and not (not lines[end].is_row and lines[end].text.startswith("PHỤ LỤC")):
            end += 1
        block = lines[at:end]
        heads = next((i + 1 for i, x in enumerate(block) if x.text.startswith("(Kèm theo")), None)
        if heads is None:
            heads = next((i for i, x in enumerate(block) if x.is_row), len(block))
            heads = max(heads, 1)
        appendix: Data = {"id": ident, "title": [x.text for x in block[:heads]]}
        parts: list[Data] = []
        for x in block[heads:]:
            if x.is_row and parts and parts[-1].get("_table") == x.table:
                parts[-1]["table"].append(list(x.cells or ()))
            elif x.is_row:
                parts.append({"table": [list(x.cells or ())], "_table": x.table})
            else:
                parts.append({"text": x.text})
        if parts:
            appendix["parts"] = [{k: v for k, v in p.items() if k != "_table"} for p in parts]
        appendices.append(appendix)
        at = end
    return appendices


__all__ = ["parse", "InputError"]
