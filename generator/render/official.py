"""What the pages of a resolution in the official layout need beyond its model: the header's two
columns, how a chapter is named in our labels, the khoản and điểm that are cited one by one, and
an example citation. Pure functions of the model; the words stay the data's, verbatim."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Item, Official, Part, Resolution, Section

# The right column of the header: the Quốc hiệu, the Tiêu ngữ, and "<place>, ngày ... tháng ..."
# (Nghị định 30/2020/NĐ-CP, appendix I); everything else (the issuer's lines, "Số: ...") is left.
_NATION = re.compile(r"^CỘNG H(?:ÒA|OÀ|OA) XÃ HỘI CHỦ NGHĨA VIỆT NAM", re.IGNORECASE)
_MOTTO = re.compile(r"^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc", re.IGNORECASE)
_DATE = re.compile(r",\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)
_NUMBER = re.compile(r"^Số\s*:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the header, verbatim, and its role in the layout (a CSS class of ours)."""

    text: str
    role: str


def header_columns(official: Official) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    """The header's lines in its two columns, each in the order of the text: left the issuer
    (its last line is the issuing body, set in bold) and "Số: ...", right the Quốc hiệu, the
    Tiêu ngữ and the place and date."""
    left: list[Line] = []
    right: list[Line] = []
    for text in official.header:
        if _NATION.match(text):
            right.append(Line(text, "nation"))
        elif _MOTTO.match(text):
            right.append(Line(text, "motto"))
        elif _DATE.search(text) and not _NUMBER.match(text):
            right.append(Line(text, "date"))
        elif _NUMBER.match(text):
            left.append(Line(text, "number"))
        else:
            left.append(Line(text, "issuer"))
    issuers = [i for i, line in enumerate(left) if line.role == "issuer"]
    if issuers:
        left[issuers[-1]] = Line(left[issuers[-1]].text, "body")
    return tuple(left), tuple(right)


def section_label(section: Section) -> str:
    """How our pages name a section in a label: "Chương I – QUY ĐỊNH CHUNG" (the chapter's marker
    and title as written, joined by our dash), or the section's own title."""
    if section.marker and section.title != section.marker:
        return f"{section.marker} – {section.title}"
    return section.title


def section_citation(model: Resolution, section: Section) -> str:
    """ "Chương I, Nghị quyết số ..." for a chapter; a section of ours ("Các điều") is a page of
    ours, cited with a dash; a section of the news article's shape as before ("Các biện pháp, ...")."""
    if section.marker:
        return f"{section.marker}, {model.citation}"
    if model.official_layout:
        return f"{section.title} – {model.citation}"
    return f"{section.title}, {model.citation}"


def cited_parts(item: Item) -> tuple[Part, ...]:
    """The khoản and điểm of an article, each with its own anchor and citation, in text order."""
    return tuple(p for p in item.walk() if p.id and p.kind in ("khoan", "diem"))


def part_citation(model: Resolution, part: Part) -> str:
    """ "Điểm b khoản 3 Điều 4, Nghị quyết số ..." (the pinpoint order, smallest part first)."""
    assert part.id is not None
    return f"{model.clause_label(part.id)}, {model.citation}"


def example_clause(model: Resolution) -> str | None:
    """The id of a clause to show how a part is cited: the first điểm, else the first khoản."""
    parts = [p for item in model.items for p in cited_parts(item)]
    for kind in ("diem", "khoan"):
        for part in parts:
            if part.kind == kind:
                return part.id
    return None


def counts(model: Resolution) -> str:
    """ "7 điều, chia thành 3 chương, và 1 phụ lục": what the text is made of (our words)."""
    out = f"{len(model.items)} điều"
    chapters = [s for s in model.sections if s.marker]
    if chapters:
        out += f", chia thành {len(chapters)} chương"
    if model.appendices:
        out += f", và {len(model.appendices)} phụ lục"
    return out
