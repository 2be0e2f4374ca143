"""A DOCX -> its non-blank lines, body paragraphs and tables in document order.

The zip is looked at before python-docx opens it (entries, their unpacked sizes and ratios), so
a zip bomb is refused without unpacking anything. The header (issuer | Quốc hiệu) and the
signature block (Nơi nhận | TM. HỘI ĐỒNG NHÂN DÂN …) are usually two-column tables used for layout:
those are read as lines, row by row, left cell then right; any other table stays a table.
Paragraphs numbered by Word (w:numPr) lose their number in the text, and text Word keeps outside
the runs python-docx reads (text boxes, tracked insertions) would be lost: both are refused,
naming the paragraph."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from generator import phrases
from generator.errors import InputError, Problem
from generator.importer import patterns as P
from generator.importer.lines import Line, invisible, problem, refuse, row_line, words

# A DOCX of a resolution has a few dozen entries and unpacks to a few megabytes.
MAX_ENTRIES = 1000
MAX_UNPACKED = 100 * 1024 * 1024
# XML packs about 10:1; an entry of a megabyte or more that packs a hundred times better is a bomb.
MAX_RATIO = 100
_BIG = 1024 * 1024

_P, _TBL, _SDT = qn("w:p"), qn("w:tbl"), qn("w:sdt")
_CONVERT = (
    "trước hết hãy chuyển số tự động thành chữ: trong Word, chạy macro ActiveDocument.ConvertNumbersToText "
    "(hoặc chép văn bản rồi dán bằng 'Keep Text Only'); trong LibreOffice, số của Format > Bullets and "
    "Numbering được giữ thành chữ khi lưu ở dạng văn bản thuần"
)


def docx_lines(data: bytes, name: str) -> list[Line]:
    """The lines of a DOCX's bytes, in the order of the document."""
    _check_zip(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # noqa: BLE001 - python-docx raises many kinds on a damaged file
        raise refuse(
            name, None, f"không đọc được tệp DOCX này (hãy mở bằng Word rồi lưu lại) [{type(err).__name__}]"
        ) from None
    reader = _Reader(name, _numbered_styles(document))
    reader.read(document.element.body, document._body)
    if reader.problems:
        raise InputError(reader.problems)
    return reader.lines


def _check_zip(data: bytes, name: str) -> None:
    """Refuse a zip whose entries are too many, unpack too large or pack suspiciously well."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise refuse(
            name, None, "không phải tệp DOCX hợp lệ: phần nén zip của tệp bị hỏng (hãy lưu lại từ Word)"
        ) from None
    if len(entries) > MAX_ENTRIES:
        raise refuse(
            name,
            None,
            f"có {phrases.number(len(entries))} mục nén zip, nhiều hơn {phrases.number(MAX_ENTRIES)} "
            "(không phải tệp DOCX của một nghị quyết)",
        )
    total = sum(e.file_size for e in entries)
    if total > MAX_UNPACKED:
        raise refuse(
            name,
            None,
            f"khi giải nén nặng {phrases.number(total)} byte, vượt giới hạn {phrases.number(MAX_UNPACKED)} "
            "byte (không phải tệp DOCX của một nghị quyết; hãy bỏ các hình lớn hoặc chỉ lưu phần chữ)",
        )
    for entry in entries:
        if entry.file_size > _BIG and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise refuse(
                name,
                None,
                f"mục nén {entry.filename} khi giải nén lớn gấp "
                f"{phrases.number(entry.file_size // max(entry.compress_size, 1))} lần lúc nén (một tệp "
                "zip độc hại, không phải tệp DOCX của một nghị quyết)",
            )
    if "word/document.xml" not in {e.filename for e in entries}:
        raise refuse(name, None, "là tệp zip nhưng không phải văn bản Word (không có word/document.xml)")


class _Reader:
    """Walks the body, numbering paragraphs and tables as Word orders them."""

    def __init__(self, name: str, numbered_styles: set[str | None]) -> None:
        self.name = name
        self.numbered_styles = numbered_styles
        self.lines: list[Line] = []
        self.problems: list[Problem] = []
        self.paragraphs = 0
        self.tables = 0

    def read(self, element, parent) -> None:
        for child in element.iterchildren():
            if child.tag == _P:
                self.paragraphs += 1
                self.paragraph(Paragraph(child, parent), f"đoạn {self.paragraphs}")
            elif child.tag == _TBL:
                self.tables += 1
                self.table(Table(child, parent))
            elif child.tag == _SDT:  # a content control: its paragraphs and tables are the body's
                for content in child.iterchildren(qn("w:sdtContent")):
                    self.read(content, parent)

    def paragraph(self, paragraph: Paragraph, where: str) -> None:
        for raw in self.texts(paragraph, where):
            self.lines.append(Line(text=words(raw), where=where))

    def texts(self, paragraph: Paragraph, where: str) -> Iterator[str]:
        """The paragraph's non-blank lines (a manual line break starts a new one), checked."""
        text = paragraph.text
        if not text.strip():
            return
        at = Line(text=words(text), where=where)
        if _numbered(paragraph, self.numbered_styles):
            self.problems.append(
                problem(
                    self.name,
                    at,
                    f"được Word đánh số tự động, nên số của nó không có trong chữ của văn bản ({_CONVERT})",
                )
            )
        if _bare(_all_text(paragraph)) != _bare(text):
            self.problems.append(
                problem(
                    self.name,
                    at,
                    "có chữ nằm ngoài đoạn văn (trong hộp văn bản, hình vẽ hoặc thay đổi đang theo dõi): "
                    "phần chữ đó sẽ bị mất (hãy chấp nhận mọi thay đổi và chuyển chữ vào chính đoạn văn)",
                )
            )
        self.problems.extend(invisible(self.name, text, at))
        yield from (part for part in text.replace("\t", " ").split("\n") if part.strip())

    def table(self, table: Table) -> None:
        rows = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
        layout = _is_layout(rows)
        for r, cells in enumerate(rows, start=1):
            where = f"bảng {self.tables}, hàng {r}"
            if layout:
                for cell in cells:
                    for paragraph in cell.paragraphs:
                        self.paragraph(paragraph, where)
                continue
            texts = tuple(
                " ".join(words(t) for p in cell.paragraphs for t in self.texts(p, where)) for cell in cells
            )
            if any(texts):
                self.lines.append(row_line(texts, where, None, self.tables))


def _is_layout(rows: list[list[_Cell]]) -> bool:
    """A two-column table holding the header or the signature block, not data."""
    if not rows or any(len(cells) != 2 for cells in rows):
        return False
    firsts = (words(p.text) for cells in rows for cell in cells for p in cell.paragraphs)
    return any(
        P.QUOC_HIEU.match(t) or P.NUMBER.match(t) or P.RECIPIENTS.match(t) or P.SIGNATURE.match(t)
        for t in firsts
    )


def _numbered(paragraph: Paragraph, numbered_styles: set[str | None]) -> bool:
    """Whether Word numbers the paragraph (directly or through its style): a number not in its text."""
    ids = paragraph._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    if ids:
        return ids[0] != "0"
    style = paragraph._p.xpath("./w:pPr/w:pStyle/@w:val")
    return (style[0] if style else None) in numbered_styles


def _numbered_styles(document) -> set[str | None]:
    """The ids of the paragraph styles that number their paragraphs, through the styles they are
    based on; None stands for the default paragraph style. (Found once: python-docx's own
    `paragraph.style` looks the default up anew for every paragraph.)"""
    styles = {}
    default = None
    for style in document.styles.element.xpath("./w:style[@w:type='paragraph']"):
        ident = style.get(qn("w:styleId"))
        numbers = style.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        based = style.xpath("./w:basedOn/@w:val")
        styles[ident] = (numbers[0] if numbers else None, based[0] if based else None)
        if style.get(qn("w:default")) in ("1", "true"):
            default = ident

    def numbered(ident: str | None, depth: int = 0) -> bool:
        if ident not in styles or depth > 20:
            return False
        number, based = styles[ident]
        return number != "0" if number is not None else numbered(based, depth + 1)

    found: set[str | None] = {ident for ident in styles if numbered(ident)}
    if default in found:
        found.add(None)
    return found


def _all_text(paragraph: Paragraph) -> str:
    return "".join(paragraph._p.xpath(".//w:t/text()"))


def _bare(text: str) -> str:
    """Text without whitespace and the hyphens Word keeps as symbols, for comparing what is read."""
    return "".join(text.split()).replace("-", "").replace("\u2011", "").replace("\u00ad", "")
