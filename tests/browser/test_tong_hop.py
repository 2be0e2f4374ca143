"""The aggregation page (/bang-kiem/tong-hop/) in a browser: exports of every unit type, broken,
foreign, repeated, old-format and too large files chosen through the real file input; the page's
counts, both CSVs and the workbook equal the same files counted in Python (tests/exports.py)."""

from __future__ import annotations

import csv
import io
import random
import unicodedata
import zipfile
from xml.etree import ElementTree

import openpyxl
import pytest
from pypdf import PdfReader

from generator import pipeline
from generator.render import aggregate
from tests.audit import axe
from tests.conftest import ROOT
from tests.exports import KEYS, export, random_rows, reference

PAGE = "bang-kiem/tong-hop/"
HTML_NAME = '<img src=x onerror="document.title=1"><b>UBND xã Thử</b>'
FORMULA = "=1+1"
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@pytest.fixture(scope="module")
def model():
    return pipeline.load_resolution(ROOT / "resolution.yaml")


def the_files(model) -> list[tuple[str, bytes]]:
    """Three units of every unit type, then the awkward ones."""
    rnd = random.Random(17)
    files = []
    for unit in model.unit_types:
        for n in range(1, 4):
            rows = random_rows(model, unit.id, rnd)
            files.append(
                (f"{unit.id}-{n}.json", export(model, unit.id, f"{unit.name} số {n}", "năm 2025", rows))
            )
    xa = "xa-phuong-thi-tran"
    first = model.requirements_for(xa)[0].id
    files += [
        ("hong.json", b'{"format": "bang-kiem", "rows": '),
        ("mang.json", b"[1, 2, 3]"),
        ("khac-dinh-dang.json", b'{"format": "bieu-mau", "rows": {}}'),
        ("nghi-quyet-khac.json", export(model, xa, "UBND xã Xa", "năm 2025", {}, number="12/NQ-HĐND")),
        (
            "cu-nghi-quyet-khac.json",
            export(model, xa, "UBND xã Xa", "năm 2025", {}, old=True, number="9/NQ-HĐND"),
        ),
        ("loai-la.json", json_unit_type(model)),
        (
            "cu.json",
            export(model, xa, "UBND xã Định Dạng Cũ", "năm 2025", {first: {"result": "done"}}, old=True),
        ),
        (
            "la-dong.json",
            export(
                model,
                xa,
                "UBND xã Có Dòng Lạ",
                "năm 2025",
                {first: {"result": "todo"}, "khong-co": {"result": "done"}},
            ),
        ),
        ("html.json", export(model, xa, HTML_NAME, "năm 2025", {first: {"result": "na"}})),
        ("<i>ten-tep</i>.json", export(model, xa, FORMULA, "năm 2025", {first: {"result": "done"}})),
        ("to-qua.json", b" " * (aggregate.MAX_BYTES + 1)),
        # the same unit and period as xa-phuong-thi-tran-1.json, written otherwise: it replaces it
        (
            "lap-lai.json",
            export(
                model,
                xa,
                "  " + unicodedata.normalize("NFD", f"{model.unit_types[-1].name} SỐ 1".upper()) + " ",
                " NĂM 2025",
                {first: {"result": "done"}},
            ),
        ),
    ]
    return files


def json_unit_type(model) -> bytes:
    return export(model, "khong-co-loai-nay", "UBND xã Lạ", "năm 2025", {})


def choose(page, files):
    page.set_input_files(
        "[data-th-input]",
        [{"name": name, "mimeType": "application/json", "buffer": raw} for name, raw in files],
    )
    page.wait_for_function(
        f"document.querySelector('[data-th-tools]').getAttribute('data-th-files-read') === '{len(files)}'"
    )


@pytest.fixture
def loaded(page, base_url, model):
    page.goto(base_url + PAGE)
    page.wait_for_selector("[data-th-tools][data-th-ready]")
    files = the_files(model)
    assert model.unit_types[-1].id == "xa-phuong-thi-tran"  # lap-lai.json repeats xa-phuong-thi-tran-1
    choose(page, files)
    return page, reference(model, files), files


def test_every_file_has_its_verdict(loaded):
    page, ref, files = loaded
    verdicts = page.eval_on_selector_all("[data-th-files] li", "lis => lis.map(li => li.dataset.thVerdict)")
    assert verdicts == ref.verdicts
    assert set(verdicts) == {"read", "bad", "foreign", "replaced", "big"}
    text = page.inner_text("[data-th-files]")
    assert "định dạng cũ" in text and "khong-co" in text and "Thay cho tệp xa-phuong-thi-tran-1.json" in text
    assert "chỉ giữ trong bộ nhớ của trang" in page.inner_text(".th-privacy")


def test_the_counts_per_requirement_equal_pythons(loaded):
    page, ref, _ = loaded
    shown = page.eval_on_selector_all(
        "[data-th-requirements] tbody tr",
        """trs => trs.map(tr => [tr.dataset.thId, ...['done','todo','na','blank'].map(
            k => Number(tr.querySelector('[data-th-count=' + k + ']').textContent))])""",
    )
    assert [row[0] for row in shown] == list(ref.by_requirement)
    assert {row[0]: dict(zip(KEYS, row[1:], strict=True)) for row in shown} == ref.by_requirement
    assert sum(sum(c.values()) for c in ref.by_requirement.values()) > 0


def test_the_counts_per_unit_equal_pythons(loaded, model):
    page, ref, _ = loaded
    names = {u.id: u.name for u in model.unit_types}
    shown = page.eval_on_selector_all(
        "[data-th-unit-rows] tr",
        """trs => trs.map(tr => [...tr.children].slice(1, 9).map(td => td.firstChild ? td.firstChild.textContent : ''))""",
    )
    expected = [
        [name, names[t], period, *(str(c[k]) for k in KEYS), "–" if s is None else f"{s:g}%"]
        for name, t, period, c, s in ref.by_unit
    ]
    assert sorted(shown) == sorted(expected)
    assert len(shown) == 3 * len(model.unit_types) - 1 + 5


def test_what_a_file_holds_is_shown_as_text(loaded):
    page, _, _ = loaded
    assert HTML_NAME in page.inner_text("[data-th-unit-rows]")
    assert "<i>ten-tep</i>.json" in page.inner_text("[data-th-files]")
    assert page.query_selector_all("[data-th-files] img, [data-th-files] i, [data-th-unit-rows] img") == []
    assert page.evaluate("document.title") != "1"


def download(page, action: str):
    with page.expect_download() as info:
        page.click(f"[data-th-action={action}]")
    return info.value.suggested_filename, open(info.value.path(), "rb").read()


def test_both_csvs_equal_pythons_and_are_formula_safe(loaded, model):
    page, ref, _ = loaded
    name, raw = download(page, "csv-requirements")
    assert name == "tong-hop-theo-noi-dung.csv" and raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    assert rows[0] == list(aggregate.BY_REQUIREMENT) and b"\r\n" in raw
    assert {r[0]: dict(zip(KEYS, map(int, r[3:]), strict=True)) for r in rows[1:]} == ref.by_requirement
    name, raw = download(page, "csv-units")
    assert name == "tong-hop-theo-don-vi.csv" and raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    assert rows[0] == list(aggregate.BY_UNIT)
    names = {u.id: u.name for u in model.unit_types}
    expected = [
        [
            "'" + n if n == FORMULA else n,
            names[t],
            p,
            *(str(c[k]) for k in KEYS),
            "" if s is None else f"{s:g}",
        ]
        for n, t, p, c, s in ref.by_unit
    ]
    assert sorted(rows[1:]) == sorted(expected)
    assert [r[0] for r in rows if r[0].endswith(FORMULA)] == ["'=1+1"]


def sheet_rows(book: zipfile.ZipFile, n: int) -> list[list]:
    root = ElementTree.fromstring(book.read(f"xl/worksheets/sheet{n}.xml"))
    out = []
    for row in root.iter(NS + "row"):
        cells = []
        for c in row.iter(NS + "c"):
            assert c.find(NS + "f") is None  # no formula anywhere
            if c.get("t") == "inlineStr":
                cells.append("".join(t.text or "" for t in c.iter(NS + "t")))
            else:
                cells.append(float(c.find(NS + "v").text))
        out.append(cells)
    return out


def test_the_workbook_equals_pythons(loaded, model):
    page, ref, _ = loaded
    name, raw = download(page, "xlsx")
    assert name == "tong-hop.xlsx"
    with zipfile.ZipFile(io.BytesIO(raw)) as book:
        assert book.testzip() is None  # every entry's CRC-32 checks
        assert "xl/workbook.xml" in book.namelist()
        by_req, by_unit = sheet_rows(book, 1), sheet_rows(book, 2)
    assert by_req[0] == list(aggregate.BY_REQUIREMENT)
    assert {r[0]: dict(zip(KEYS, map(int, r[3:]), strict=True)) for r in by_req[1:]} == ref.by_requirement
    names = {u.id: u.name for u in model.unit_types}
    expected = [
        [n, names[t], p, *(float(c[k]) for k in KEYS), *([] if s is None else [s])]
        for n, t, p, c, s in ref.by_unit
    ]
    assert sorted(by_unit[1:], key=str) == sorted(expected, key=str)
    assert [r[0] for r in by_unit if r[0] == FORMULA] == [FORMULA]  # text, not a formula


def test_the_expected_units_show_who_has_not_reported(loaded, model):
    page, ref, _ = loaded
    reported = ref.by_unit[0][0]
    page.click(".th-expected summary")
    page.fill(
        "[data-th-expected]",
        f'{reported}, {model.unit_types[0].name}\nUBND xã Chưa Nộp; Xã, phường, thị trấn\n"Sở Chưa Nộp",Cơ quan\n',
    )
    assert page.is_visible("[data-th-missing]")
    missing = page.inner_text("[data-th-missing-list]")
    assert "UBND xã Chưa Nộp" in missing and "Sở Chưa Nộp" in missing and reported not in missing
    assert "chưa báo cáo: 2" in page.inner_text("[data-th-summary]")


def test_filters_and_the_furthest_behind_first(loaded, model):
    page, ref, _ = loaded
    xa = "xa-phuong-thi-tran"
    page.select_option('[data-th-filter="type"]', xa)
    n = page.eval_on_selector_all("[data-th-unit-rows] tr", "trs => trs.length")
    assert n == sum(1 for u in ref.by_unit if u[1] == xa)
    page.select_option('[data-th-filter="type"]', "")
    page.click("[data-th-action=behind]")
    shares = page.eval_on_selector_all(
        "[data-th-requirements] tbody tr .th-pct", "s => s.map(x => x.textContent)"
    )
    values = [float(s[:-1]) for s in shares if s != "–"]
    assert values == sorted(values) and len(values) > 1


def test_axe_finds_nothing_with_files_loaded_and_it_fits_360_px(loaded):
    page, _, _ = loaded
    page.click(".th-expected summary")
    page.fill("[data-th-expected]", "UBND xã Chưa Nộp, Xã, phường, thị trấn\n")
    assert [str(v) for v in axe.check(page, "/" + PAGE, "desktop, files loaded")] == []
    page.set_viewport_size({"width": 360, "height": 740})
    assert [str(v) for v in axe.check(page, "/" + PAGE, "360 px, files loaded")] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_printed_report_has_the_header_and_the_table_on_landscape_a4(loaded, model):
    page, ref, _ = loaded
    page.fill("[data-th-reporter]", "Sở Nội vụ tỉnh Thử")
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    box = pdf.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert abs(float(box.width) - 841.9) < 2  # A4: 297 mm
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "SỞ NỘI VỤ TỈNH THỬ" in text and aggregate.TITLE in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Kết quả theo nội dung" in text and "Kết quả theo đơn vị" in text and "THỦ TRƯỞNG" in text
    first = model.requirements_for("co-quan-nha-nuoc")[0].wording
    assert " ".join(first.split()[:4]) in text
    # no site chrome: neither the navigation, the search box, the tools, nor the page's own title
    for chrome in ("Tìm kiếm", "Chọn các tệp", "Toàn văn Nghị quyết", "Tải CSV", "Tổng hợp bảng kiểm"):
        assert chrome not in text


def test_a_row_under_an_old_id_counts_for_the_current_one(page, base_url, model):
    """NQ 55's data gives no requirement an old id: the page is served as the generator writes it
    for one that has (tests/test_aggregate.py), with `cu-1` an old id of the first row."""
    xa = "xa-phuong-thi-tran"
    current = model.requirements_for(xa)[0].id

    def with_alias(route):
        html = route.fetch().text()
        html = html.replace(
            f'data-th-id="{current}" data-th-aliases=""', f'data-th-id="{current}" data-th-aliases="cu-1"'
        )
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(base_url + PAGE, with_alias)
    page.goto(base_url + PAGE)
    page.wait_for_selector("[data-th-tools][data-th-ready]")
    choose(
        page,
        [
            ("cu.json", export(model, xa, "UBND xã Cũ", "năm 2025", {"cu-1": {"result": "done"}})),
            (
                "ca-hai.json",
                export(
                    model,
                    xa,
                    "UBND xã Cả Hai",
                    "năm 2025",
                    {"cu-1": {"result": "done"}, current: {"result": "todo"}},
                ),
            ),
        ],
    )
    row = f"[data-th-requirements] tr[data-th-id={current}]"
    assert page.inner_text(f"{row} [data-th-count=done]") == "1"
    assert page.inner_text(f"{row} [data-th-count=todo]") == "1"
    assert "không có trong dữ liệu" not in page.inner_text("[data-th-files]")


def test_files_dropped_on_the_page_are_read(page, base_url, model):
    """A drop of two files (a DataTransfer made in the page, as a file manager's drop gives it)."""
    xa = "xa-phuong-thi-tran"
    first = model.requirements_for(xa)[0].id
    texts = [
        export(model, xa, f"UBND xã Thả {n}", "năm 2025", {first: {"result": "done"}}).decode("utf-8")
        for n in (1, 2)
    ]
    page.goto(base_url + PAGE)
    page.wait_for_selector("[data-th-tools][data-th-ready]")
    page.evaluate(
        """texts => {
            const dt = new DataTransfer();
            texts.forEach((t, i) => dt.items.add(new File([t], "tha-" + i + ".json", {type: "application/json"})));
            document.querySelector("[data-th-drop]").dispatchEvent(
                new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
        }""",
        texts,
    )
    page.wait_for_function("document.querySelector('[data-th-tools]').dataset.thFilesRead === '2'")
    assert page.inner_text(f"[data-th-requirements] tr[data-th-id={first}] [data-th-count=done]") == "2"


def test_the_period_filter_counts_only_that_periods_units(page, base_url, model):
    """Reports of two periods loaded together: choosing one period shows its units only, and the
    counts per requirement are those of its units, as Python counts them from those files alone."""
    rnd = random.Random(29)
    later = "6 tháng đầu năm 2026"
    extra = [
        (
            f"{unit.id}-2026.json",
            export(model, unit.id, f"{unit.name} số 1", later, random_rows(model, unit.id, rnd)),
        )
        for unit in model.unit_types[:2]
    ]
    page.goto(base_url + PAGE)
    page.wait_for_selector("[data-th-tools][data-th-ready]")
    choose(page, the_files(model) + extra)
    page.select_option('[data-th-filter="period"]', label=later)
    units = page.eval_on_selector_all("[data-th-unit-rows] tr", "trs => trs.length")
    assert units == len(extra)
    shown = page.eval_on_selector_all(
        "[data-th-requirements] tbody tr",
        """trs => trs.map(tr => [tr.dataset.thId, ...['done','todo','na','blank'].map(
            k => Number(tr.querySelector('[data-th-count=' + k + ']').textContent))])""",
    )
    ref = reference(model, extra)
    assert {row[0]: dict(zip(KEYS, row[1:], strict=True)) for row in shown} == ref.by_requirement
    page.select_option('[data-th-filter="period"]', "")
    assert page.eval_on_selector_all("[data-th-unit-rows] tr", "trs => trs.length") > len(extra)


def test_a_spreadsheet_library_opens_the_workbook_with_numbers_as_numbers(loaded, model):
    """openpyxl reads the workbook as a spreadsheet program does: two sheets with the CSVs' headers,
    counts stored as numbers, and a unit named like a formula stored as text."""
    page, ref, _ = loaded
    _, raw = download(page, "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(raw))
    assert len(book.worksheets) == 2
    by_req, by_unit = (list(sheet.iter_rows()) for sheet in book.worksheets)
    assert [c.value for c in by_req[0]] == list(aggregate.BY_REQUIREMENT)
    counts = [c for row in by_req[1:] for c in row[3:]]
    assert counts and all(c.data_type == "n" and isinstance(c.value, int | float) for c in counts)
    assert sum(c.value for c in counts) == sum(sum(v.values()) for v in ref.by_requirement.values())
    formula = [c for row in by_unit for c in row if c.value == FORMULA]
    assert len(formula) == 1 and formula[0].data_type == "s"
