"""What the data says about the document, derived only from its own lines: kind, number, date and
place, issuer, trích yếu, date in force, signer; and the status an import can state (unverified,
adopted on its date). Nothing that the text does not say is filled in."""

from __future__ import annotations

import datetime
import re
from typing import Any

from generator.importer import patterns as P
from generator.importer.lines import Line, refuse

Data = dict[str, Any]

# "HỘI ĐỒNG NHÂN DÂN TỈNH GIẢ ĐỊNH" -> organ, level, name; the organ's short form.
_ORGANS = {"HỘI ĐỒNG NHÂN DÂN": "HĐND", "ỦY BAN NHÂN DÂN": "UBND", "UỶ BAN NHÂN DÂN": "UBND"}
_LEVELS = ("THÀNH PHỐ", "TỈNH", "HUYỆN", "QUẬN", "THỊ XÃ", "THỊ TRẤN", "XÃ", "PHƯỜNG", "ĐẶC KHU")
_ISSUER = re.compile("^(" + "|".join(_ORGANS) + r")\s+(" + "|".join(_LEVELS) + r")\s+(.+)$")


def document(header: list[Line], title: list[Line], official: Data, articles: Data, name: str) -> Data:
    """document: type, number, date, issuer, issuer_short, place, subject; in_force, signer and
    signer_title when the text gives them."""
    texts = [x.text for x in header]
    number = next((m.group(1) for t in texts if (m := P.NUMBER.match(t))), None)
    if number is None:
        raise refuse(
            name,
            title[0],
            "phần đầu văn bản phía trên không có dòng 'Số: …' (cần số hiệu, ví dụ Số: 17/2025/NQ-HĐND)",
        )
    dated = next(((x, m) for x in header if (m := P.PLACE_DATE.match(x.text))), None)
    if dated is None:
        raise refuse(
            name,
            title[0],
            "phần đầu văn bản phía trên không có địa danh và ngày tháng (cần, ví dụ, "
            "'Tuyên Quang, ngày 12 tháng 11 năm 2025')",
        )
    line, match = dated
    date = _date(match.group(4), match.group(3), match.group(2))
    if date is None:
        raise refuse(name, line, f"{line.text}: không có ngày này trên lịch (hãy kiểm tra ngày và tháng)")
    subject = " ".join(t.text for t in title[1:] if not P.RULE.match(t.text))
    if not subject:
        raise refuse(
            name,
            title[0],
            "tên văn bản không có trích yếu (cần dòng ngay sau tên văn bản, nói văn bản về việc gì)",
        )
    issuer_upper = " ".join(
        t for t in texts if P.is_upper(t) and not (P.QUOC_HIEU.match(t) or P.RULE.match(t))
    )
    issuer = _issuer(issuer_upper, official, articles, match.group(1))
    if issuer is None:
        raise refuse(
            name,
            header[0] if header else title[0],
            "không nhận ra cơ quan ban hành (cần hai dòng chữ in hoa, ví dụ HỘI ĐỒNG NHÂN DÂN / "
            "TỈNH TUYÊN QUANG)",
        )
    result: Data = {
        "type": title[0].text.capitalize(),
        "number": number,
        "date": date,
        "issuer": issuer[0],
        "issuer_short": issuer[1],
        "place": match.group(1),
        "subject": subject,
    }
    if in_force := _in_force(articles, official.get("closing", ())):
        result["in_force"] = in_force
    signature = official.get("signature", [])
    names = [t for t in signature if not P.is_upper(t) and not t.startswith("(") and not P.SIGNATURE.match(t)]
    if names:
        result["signer"] = names[-1]
        titles = [
            t for t in signature[: signature.index(names[-1])] if P.is_upper(t) and not t.startswith("(")
        ]
        if titles:
            result["signer_title"] = titles[-1]
    return result


def status(document: Data) -> Data:
    """Unverified, adopted on the document's date: all an import can say."""
    return {
        "legal_force": "Chưa xác minh",
        "history": [{"date": document["date"], "event": "Văn bản được ban hành"}],
    }


def _date(year: str, month: str, day: str) -> str | None:
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _issuer(upper: str, official: Data, articles: Data, place: str) -> tuple[str, str] | None:
    """(in full, short) with the name written as the text writes it in small letters somewhere
    (the adoption sentence, an article), else as the place line writes it, else capitalised."""
    match = _ISSUER.match(upper)
    if match is None:
        return None
    organ, level, region = match.groups()
    written = re.compile(
        re.escape(organ) + r"\s+" + re.escape(level) + r"\s+" + re.escape(region) + r"(?!\w)", re.IGNORECASE
    )
    for text in _texts(official, articles):
        for found in written.finditer(text):
            if not P.is_upper(found.group(0)):
                full = found.group(0)
                small = full[len(organ) :].strip()
                return full, f"{_ORGANS[organ]} {small}"
    small_region = place if place.upper() == region else " ".join(w.capitalize() for w in region.split())
    level_small = level.lower()
    return (
        f"{organ.capitalize()} {level_small} {small_region}",
        f"{_ORGANS[organ]} {level_small} {small_region}",
    )


def _texts(official: Data, articles: Data):
    for key in ("closing", "considering", "bases", "enacting"):
        yield from official.get(key, ())
    for article in _articles(articles):
        yield from _part_texts(article)


def _articles(articles: Data):
    for chapter in articles.get("chapters", ()):
        yield from chapter["articles"]
    yield from articles.get("articles", ())


def _part_texts(node: Data):
    if "text" in node:
        yield node["text"]
    for part in node.get("parts", ()):
        yield from _part_texts(part)


def _in_force(articles: Data, closing: list[str]) -> str | None:
    """The first date given by 'có hiệu lực (thi hành) (kể) từ ngày …' in the articles, else in
    the adoption sentence ('… thông qua ngày … và có hiệu lực từ ngày …')."""
    texts = [text for article in _articles(articles) for text in _part_texts(article)]
    for text in [*texts, *closing]:
        if match := P.IN_FORCE.search(text):
            day, month, year = match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
            return _date(year, month, day)
    return None
