"""The bảng kiểm of each unit type: rows grouped as an official expects, and the form as HTML.

One view of the model feeds every renderer: the web page (Markdown around the HTML form), the
PDF (the same HTML form, printed) and the DOCX. Groups are the sections of the resolution that
have rows for the unit type, numbered I, II, III ...; rows are numbered 1, 2, 3 ... in each.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator import paths
from generator.model import Item, Part, Requirement, Resolution, Section, Signer, UnitType
from generator.render import citation, footer, report
from generator.render.environment import html_environment
from generator.write.cache import NO_CACHE, Cache

COLUMNS = (
    "STT",
    "Nội dung",
    "Căn cứ",
    "Đã thực hiện",
    "Chưa thực hiện",
    "Không áp dụng",
    "Minh chứng (số, ngày văn bản)",
    "Ghi chú",
)
RESULTS = (("done", "Đã thực hiện"), ("todo", "Chưa thực hiện"), ("na", "Không áp dụng"))
# The text fields of a row: (name, label, cell class); checklist.js keeps them by name.
FIELDS = (("evidence", "Minh chứng", "bk-ev"), ("note", "Ghi chú", "bk-gc"))
FILL = "……………………"
NOTE = (
    "Nội dung kiểm tra do trang này diễn đạt ngắn gọn từ lời văn của Nghị quyết; cột "
    "“Căn cứ” chỉ mục của Nghị quyết mà nội dung dựa vào. Khi có khác biệt, lời văn của "
    "Nghị quyết có giá trị."
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One line of the table: a requirement, the item (article) it cites and, when it cites a
    khoản or điểm, that part; `label` names the clause ("Điểm b khoản 3 Điều 4", "Biện pháp 3")."""

    number: int
    requirement: Requirement
    item: Item
    part: Part | None = None
    label: str = ""

    @property
    def anchor(self) -> str:
        """The anchor of the cited khoản or điểm on the item's page ("#dieu-4-khoan-3-diem-b"),
        or "" for a whole item."""
        return f"#{self.part.id}" if self.part and self.part.id else ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    """Rows of one section of the resolution, under a Roman numeral."""

    numeral: str
    title: str
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Checklist:
    """The bảng kiểm of one unit type."""

    unit: UnitType
    groups: tuple[Group, ...]

    @property
    def rows(self) -> tuple[Row, ...]:
        """Every row, in order."""
        return tuple(row for group in self.groups for row in group.rows)


def roman(n: int) -> str:
    """1 -> I, 4 -> IV, 12 -> XII."""
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + letters, n - value
    return out


def checklist(model: Resolution, unit: UnitType) -> Checklist:
    """The rows that apply to `unit`, grouped by section (chapter), in the order of the text:
    by the place of the clause each cites, a whole item before its parts."""
    place = _places(model)
    by_section: dict[int, list[Requirement]] = {}
    for r in model.requirements_for(unit.id):
        by_section.setdefault(place[r.clause_id][0], []).append(r)
    groups: list[Group] = []
    for s, section in enumerate(model.sections):
        reqs = sorted(
            by_section.get(s, ()), key=lambda r: place[r.clause_id]
        )  # NOTE: stable: data order within a clause
        if reqs:
            rows = tuple(_row(model, n, r) for n, r in enumerate(reqs, 1))
            groups.append(Group(numeral=roman(len(groups) + 1), title=group_title(model, section), rows=rows))
    return Checklist(unit=unit, groups=tuple(groups))


def _places(model: Resolution) -> dict[str, tuple[int, int, int]]:
    """clause id -> (section, item, part) positions in the text; -1 for a whole item."""
    place: dict[str, tuple[int, int, int]] = {}
    for s, section in enumerate(model.sections):
        for i, item in enumerate(section.items):
            place[item.id] = (s, i, -1)
            for j, part in enumerate(item.walk()):
                if part.id:
                    place[part.id] = (s, i, j)
    return place


def _row(model: Resolution, number: int, requirement: Requirement) -> Row:
    item, part = model.clause(requirement.clause_id)
    label = model.clause_label(requirement.clause_id)
    return Row(number=number, requirement=requirement, item=item, part=part, label=label)


def group_title(model: Resolution, section: Section) -> str:
    """A group's heading: the section's name ("Biện pháp"); a chapter's marker and title as
    written ("Chương II. CÁC BIỆN PHÁP BẢO ĐẢM"); the articles of a text without chapters."""
    if section.marker:
        return f"{section.marker}. {section.title}" if section.title != section.marker else section.marker
    return section.title if model.official_layout else section.name


def checklists(model: Resolution) -> tuple[Checklist, ...]:
    """One checklist per unit type; none when the data has no requirements."""
    if not model.requirements:
        return ()
    return tuple(checklist(model, unit) for unit in model.unit_types)


def title(model: Resolution) -> tuple[str, str]:
    """The document type and subject of the printed form."""
    return "Bảng kiểm", f"việc thực hiện {model.citation} {model.document.subject}"


def signers(unit: UnitType) -> tuple[Signer, Signer]:
    """The signature blocks at the foot of a unit type's checklist, left to right: who drew it up
    (Người lập), and who signs for the unit (the data's block, else the generic one)."""
    return unit.prepared_by, unit.signature


def storage_key(model: Resolution, unit: UnitType) -> str:
    """The browser's localStorage key of one unit type's filled-in form."""
    return f"bang-kiem:{model.document.number}:{unit.id}"


def row_anchor(row: Row) -> str:
    """The anchor of a row on its checklist page: its requirement's id, stable across edits."""
    return row.requirement.id


def row_url(cl: Checklist, row: Row) -> str:
    """Site-relative URL of a row: `bang-kiem/xa-phuong-thi-tran/#bp3-kiem-tra-giam-sat`."""
    return f"{paths.url(paths.checklist_page(cl.unit))}#{row_anchor(row)}"


def form_html(
    model: Resolution,
    cl: Checklist,
    link: Callable[[Item], str],
    copy: Callable[[Row], tuple[str, str]] | None = None,
    report_to: Callable[[Row], str | None] | None = None,
    fillable: bool = False,
    templates_cache: Path | None = None,
) -> str:
    """The form as an HTML block: header, title, table, signatures (no blank lines, so that
    Markdown keeps it as one HTML block). `link` gives the URL of an item's page (on the web
    page, its `.md` path relative to the page's, which MkDocs checks and writes for the site's
    layout: mkdocs/raw_links.py); on the web page only, `copy` gives the (absolute URL,
    citation) of a row's copy buttons, `report_to` its "Báo lỗi" mailto: URL (None: no link),
    and `fillable` adds the result boxes and text fields to fill the form in with."""
    html = (
        html_environment(templates_cache)
        .get_template("checklist_form.html.jinja2")
        .render(
            model=model,
            cl=cl,
            link=link,
            copy=copy,
            report_to=report_to,
            fillable=fillable,
            anchor=row_anchor,
            basis=citation.basis,
            columns=COLUMNS,
            results=RESULTS,
            fields=FIELDS,
            fill=FILL,
            signers=signers(cl.unit),
            note=NOTE,
            title=title(model),
            key=storage_key(model, cl.unit),
        )
    )
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"


def page_url(site_url: str, cl: Checklist) -> str:
    """The public URL of a checklist page."""
    return site_url + paths.url(paths.checklist_page(cl.unit))


def pages(
    model: Resolution,
    *,
    site_url: str,
    date: datetime.date,
    templates_cache: Path | None = None,
    cache: Cache = NO_CACHE,
) -> list[tuple[str, str, dict]]:
    """(path, template, variables) of the checklist pages, for pages.render_site; the footers'
    QR codes are kept in `cache`."""
    lists = checklists(model)
    if not lists:
        return []
    out: list[tuple[str, str, dict]] = [
        (paths.CHECKLISTS, "checklist_index.md.jinja2", {"checklists": lists})
    ]
    for cl in lists:
        here = paths.checklist_page(cl.unit)

        def link(item: Item, here: str = here) -> str:
            return paths.link(here, paths.item_page(item))

        def copy(row: Row, cl: Checklist = cl) -> tuple[str, str]:
            return site_url + row_url(cl, row), citation.of_checklist_row(model, row.requirement)

        def report_to(row: Row, cl: Checklist = cl) -> str | None:
            url, cite = copy(row, cl)
            return report.mailto(model, cite, url)

        url = page_url(site_url, cl)
        lines = footer.footer_lines(model, url, date)
        out.append(
            (
                here,
                "checklist.md.jinja2",
                {
                    "cl": cl,
                    "form": form_html(
                        model, cl, link, copy, report_to, fillable=True, templates_cache=templates_cache
                    ),
                    "key": storage_key(model, cl.unit),
                    "title": title(model),
                    "footer": footer.screen_footer(lines, url, cache),
                    "print_style": footer.print_style(lines, url, cache),
                },
            )
        )
    return out


def appears_in(model: Resolution, item: Item) -> tuple[UnitType, ...]:
    """The unit types whose checklist has a row citing `item`."""
    cited = {u for r in model.requirements_of(item.id) for u in r.applies_to}
    return tuple(u for u in model.unit_types if u.id in cited)


def not_checkable_reason(model: Resolution, item: Item) -> str | None:
    """Why `item` has no row in any checklist, if the data says so."""
    return dict(model.not_checkable).get(item.id)
