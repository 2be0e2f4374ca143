"""The articles of the official layout -> data: chapters (optional), articles, khoản, điểm, "-" and
"+" items, paragraphs and tables, each verbatim, with ids from the numbering; repeated numbers,
a khoản before any article and lines outside any article are refused with their line."""

from __future__ import annotations

from typing import Any

from generator.errors import InputError, Problem
from generator.importer import patterns as P
from generator.importer.lines import Line, problem

Data = dict[str, Any]


class Body:
    """Reads the lines of the body one by one into chapters and articles."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.chapters: list[Data] = []
        self.loose: list[Data] = []  # articles before any chapter
        self.article: Data | None = None
        self.khoan: Data | None = None
        self.diem: Data | None = None
        self.chapter_title_due = False
        # Where each number was first seen: ("dieu", "4") -> line; ("khoan", id of the article, "2") ...
        self.seen: dict[tuple[str, ...], Line] = {}

    def add(self, line: Line) -> None:
        """Place one line of the body."""
        text = line.text
        if self.chapter_title_due:
            self.chapter_title_due = False
            if not line.is_row and not P.ARTICLE.match(text) and not P.CHAPTER.match(text):
                chapter = self.chapters[-1]
                articles = chapter.pop("articles")
                chapter["title"] = text
                chapter["articles"] = articles  # the data's order: id, marker, title, articles
                return
        if not line.is_row and (match := P.CHAPTER.match(text)):
            return self._chapter(line, match.group(1), match.group(2), match.group(3))
        if not line.is_row and (match := P.ARTICLE.match(text)):
            return self._article(line, match.group(1), match.group(2), match.group(3))
        if self.article is None:
            if not line.is_row and P.KHOAN.match(text):
                what = P.KHOAN_FIRST
            else:
                what = (
                    "dòng này nằm ngoài mọi điều (cần 'Chương …', 'Điều N. …', hoặc, trước các dòng đó, "
                    "các dòng căn cứ và lời quyết nghị; hãy chuyển dòng này đi chỗ khác hoặc xóa)"
                )
            self.problems.append(problem(self.name, line, what))
            return
        if line.is_row:
            return self._row(line)
        if match := P.KHOAN.match(text):
            return self._khoan(line, match.group(1), match.group(2), match.group(3))
        if match := P.DIEM.match(text):
            return self._diem(line, match.group(1), match.group(2), match.group(3))
        if match := P.DASH.match(text):
            return self._dash(match.group(1), match.group(2))
        self._container().setdefault("parts", []).append({"text": text})

    def result(self) -> Data:
        """{"chapters": [...]} or {"articles": [...]}; raises InputError with every problem."""
        if self.chapters and self.loose:
            first = self.seen[("dieu", self.loose[0]["number"])]
            self.problems.append(
                problem(
                    self.name,
                    first,
                    "điều này đứng trước chương đầu tiên, trong khi văn bản có chia chương (hãy thêm "
                    "dòng 'Chương …' của nó lên trên)",
                )
            )
        if self.problems:
            raise InputError(self.problems)
        strip = [_without_numbers(a) for a in self.loose]
        if self.chapters:
            return {
                "chapters": [
                    {**c, "articles": [_without_numbers(a) for a in c["articles"]]} for c in self.chapters
                ]
            }
        return {"articles": strip}

    @property
    def any_article(self) -> bool:
        return self.article is not None

    # -- one kind of line each -----------------------------------------------------------------

    def _chapter(self, line: Line, marker: str, number: str, title: str) -> None:
        if self._repeated(line, ("chuong", number.lower()), f"Chương {number}", "trong văn bản"):
            return
        chapter: Data = {"id": f"chuong-{P.slug(number)}", "marker": marker}
        if title:
            chapter["title"] = title
        else:
            self.chapter_title_due = True
        chapter["articles"] = []
        self.chapters.append(chapter)
        self.article = self.khoan = self.diem = None

    def _article(self, line: Line, marker: str, number: str, title: str) -> None:
        self.khoan = self.diem = None
        if self._repeated(line, ("dieu", number), f"Điều {number}", "trong văn bản"):
            self.article = {"parts": []}  # its lines still need a place; the whole import fails
            return
        article: Data = {"id": f"dieu-{P.slug(number)}", "marker": marker, "number": number}
        if title:
            article["title"] = title
        (self.chapters[-1]["articles"] if self.chapters else self.loose).append(article)
        self.article = article

    def _khoan(self, line: Line, marker: str, number: str, text: str) -> None:
        assert self.article is not None
        self.diem = None
        owner = self.article.get("id", "?")
        label = f"Điều {self.article.get('number', '?')}"
        if self._repeated(line, ("khoan", owner, number), f"khoản {number}", f"trong {label}"):
            self.khoan = {"parts": []}
            return
        self.khoan = {"id": f"{owner}-khoan-{P.slug(number)}", "marker": marker, "text": text}
        self.article.setdefault("parts", []).append(self.khoan)

    def _diem(self, line: Line, marker: str, letter: str, text: str) -> None:
        assert self.article is not None
        owner = self.khoan or self.article
        where = (
            f"trong khoản {self.khoan.get('marker', '?').rstrip('.')} Điều {self.article.get('number', '?')}"
            if self.khoan
            else f"trong Điều {self.article.get('number', '?')}"
        )
        if self._repeated(line, ("diem", str(owner.get("id")), letter), f"điểm {letter}", where):
            self.diem = {"parts": []}
            return
        self.diem = {"id": f"{owner.get('id')}-diem-{P.slug(letter)}", "marker": marker, "text": text}
        owner.setdefault("parts", []).append(self.diem)

    def _dash(self, marker: str, text: str) -> None:
        parts = self._container().setdefault("parts", [])
        item = {"marker": marker, "text": text}
        last = parts[-1] if parts else None
        if marker == "+" and last is not None and last.get("marker") in ("-", "–", "•"):
            last.setdefault("parts", []).append(item)
        else:
            parts.append(item)

    def _row(self, line: Line) -> None:
        parts = self._container().setdefault("parts", [])
        last = parts[-1] if parts else None
        if last is not None and "table" in last and last.get("_table") == line.table:
            last["table"].append(list(line.cells or ()))
        else:
            parts.append({"table": [list(line.cells or ())], "_table": line.table})

    def _container(self) -> Data:
        assert self.article is not None
        return self.diem or self.khoan or self.article

    def _repeated(self, line: Line, key: tuple[str, ...], what: str, within: str) -> bool:
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = line
            return False
        self.problems.append(
            problem(
                self.name,
                line,
                f"{what} xuất hiện hai lần {within} (lần đầu ở {first.where}; hãy đánh số lại một trong "
                "hai, hoặc xóa phần bị lặp)",
            )
        )
        return True


def _without_numbers(article: Data) -> Data:
    """The article as data: the number we kept to name it in messages, and the marks of which
    table a row came from, taken out."""
    return _clean({k: v for k, v in article.items() if k != "number"})


def _clean(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _clean(v) for k, v in node.items() if k != "_table" and not (k == "parts" and not v)}
    if isinstance(node, list):
        return [_clean(v) for v in node]
    return node
