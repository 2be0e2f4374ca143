"""The official layout's fixed words and numbering, as regular expressions over a line's words,
and the ids derived from the numbering (`dieu-4a`, `dieu-4-khoan-3-diem-dd`, `chuong-ii`)."""

from __future__ import annotations

import re

# Header: Quốc hiệu, Tiêu ngữ, số hiệu, place and date; a rule of dashes or underscores under them.
QUOC_HIEU = re.compile(r"^CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$")
TIEU_NGU = re.compile(r"^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$")
NUMBER = re.compile(r"^Số\s*:\s*(\S.*)$")
PLACE_DATE = re.compile(r"^(.+?)\s*,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\.?$")
RULE = re.compile(r"^[-_–—=*.·~ ]{3,}$")
# The document's kind, alone on its line above the trích yếu.
TYPES = ("NGHỊ QUYẾT", "QUYẾT ĐỊNH", "CHỈ THỊ", "NGHỊ ĐỊNH", "THÔNG TƯ", "LUẬT", "PHÁP LỆNH")
TYPE_LINE = re.compile("^(" + "|".join(TYPES) + ")$")
# Preamble: the council and its session, căn cứ, xét, the enacting words.
COUNCIL = re.compile(r"^HỘI ĐỒNG NHÂN DÂN\b")
TERM_SESSION = re.compile(r"^(KH(?:ÓA|OÁ)\s+[IVXLC]+)\s*[,;–-]\s*(KỲ HỌP\b.*?)\s*$")
TERM = re.compile(r"^KH(?:ÓA|OÁ)\s+[IVXLC]+$")
BASIS = re.compile(r"^Căn cứ\b")
CONSIDERING = re.compile(r"^(?:Xét|Theo đề nghị)\b")
ENACTING = re.compile(r"^(?:QUYẾT NGHỊ|QUYẾT ĐỊNH)\s*:?$|^Hội đồng nhân dân\b.*\bban hành\b")
# Body: chapter, article, khoản, điểm, "-" and "+" items.
CHAPTER = re.compile(r"^((?:Chương|CHƯƠNG)\s+([IVXLCDM]+|\d+)\b\s*[.:]?)\s*(.*)$")
ARTICLE = re.compile(r"^(Điều\s+(\d+[a-zđ]?)(?:\s*[.:]|$))\s*(.*)$")
KHOAN = re.compile(r"^((\d+[a-z]?)\.)(?!\d)\s*(\S.*)$")
DIEM = re.compile(r"^(([a-zđ])\))\s*(\S.*)$")
DASH = re.compile(r"^([-–+•])\s*(\S.*)$")
# Closing: the adoption sentence, nơi nhận, the signature block; then the appendices.
ADOPTION = re.compile(
    r"\bthông qua\b.*?\bngày\s+(?:\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})"
)
RECIPIENTS = re.compile(r"^Nơi nhận\b")
SIGNATURE = re.compile(r"^(?:(?:TM|KT|TL|TUQ|Q)\.\s|(?:PHÓ\s+)?CHỦ TỊCH$)")
APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?([IVXLC]+|\d+))?\b\s*[.:]?\s*(.*)$")
# The sentence on effect, in an article: "có hiệu lực (thi hành) (kể) từ ngày 01 tháng 01 năm 2026".
IN_FORCE = re.compile(
    r"có hiệu lực\s+(?:thi hành\s+)?(?:kể\s+)?từ\s+ngày\s+"
    r"(?:(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|(\d{1,2})/(\d{1,2})/(\d{4}))"
)


KHOAN_FIRST = (
    "có một khoản đứng trước mọi điều (mỗi khoản thuộc một điều: hãy thêm dòng 'Điều N. …' của nó lên trên)"
)


def slug(number: str) -> str:
    """A number as an id's word: lowercase, the letter đ as `dd` (so that d and đ never collide)."""
    return number.lower().replace("đ", "dd")


def is_upper(text: str) -> bool:
    """A line in capitals (the issuer's lines, a chapter's title), with at least one letter."""
    return any(c.isalpha() for c in text) and text == text.upper()
