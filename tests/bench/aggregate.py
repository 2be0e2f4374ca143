"""`make bench`: the aggregation page (/bang-kiem/tong-hop/) given 1,000 generated exports in
headless Chromium: the time from the files chosen to the picture on the page (every file read,
checked and counted, the tables drawn), and to each download made (two CSVs, the workbook),
measured in the page (performance.now), printed as medians of several runs. Figures only: the
target (under a second) is printed beside them, not asserted.

    python -m tests.bench.aggregate [--runs N] [--exports N]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import random
import statistics
import sys
import tempfile
import threading
from pathlib import Path

from generator.pipeline import load_resolution
from tests.audit.browser import ARGS, CHROMIUM
from tests.conftest import mkdocs_build
from tests.exports import export, random_rows

ROOT = Path(__file__).resolve().parents[2]
TARGET_MS = 1000


def exports(n: int) -> list[tuple[str, bytes]]:
    """`n` exports of the real resolution's unit types in turn, with random results."""
    model = load_resolution(ROOT / "resolution.yaml")
    rnd = random.Random(1000)
    out = []
    for i in range(n):
        unit = model.unit_types[i % len(model.unit_types)]
        rows = random_rows(model, unit.id, rnd)
        out.append((f"{unit.id}-{i}.json", export(model, unit.id, f"Đơn vị thử {i}", "năm 2025", rows)))
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(site: Path, files: list[tuple[str, bytes]], runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/bang-kiem/tong-hop/"
    payload = [{"name": name, "mimeType": "application/json", "buffer": raw} for name, raw in files]
    times: dict[str, list[float]] = {"picture": [], "csv-requirements": [], "csv-units": [], "xlsx": []}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
            page = browser.new_page()
            for _ in range(runs):
                page.goto(url)
                page.wait_for_selector("[data-th-tools][data-th-ready]")
                page.set_input_files("[data-th-input]", payload)
                page.wait_for_function(
                    f"document.querySelector('[data-th-tools]').dataset.thFilesRead === '{len(files)}'",
                    timeout=120_000,
                )
                times["picture"].append(float(page.get_attribute("[data-th-tools]", "data-th-ms") or "nan"))
                made = page.evaluate(
                    """() => {
                        const t = window.nqTongHop, out = {};
                        let s = performance.now(); new Blob([t.csv(t.tables().requirements)]);
                        out["csv-requirements"] = performance.now() - s;
                        s = performance.now(); new Blob([t.csv(t.tables().units)]);
                        out["csv-units"] = performance.now() - s;
                        s = performance.now(); const b = t.tables();
                        window.nqXlsx([["Theo nội dung", b.requirements], ["Theo đơn vị", b.units]]);
                        out["xlsx"] = performance.now() - s;
                        return out;
                    }"""
                )
                for key, value in made.items():
                    times[key].append(value)
            browser.close()
    finally:
        server.shutdown()
    return times


def report(runs: int = 5, n: int = 1000) -> None:
    """Build the real site, then print the aggregation's timings for `n` exports."""
    with tempfile.TemporaryDirectory(prefix="nq-bench-aggregate-") as tmp:
        site = Path(tmp) / "site"
        result = mkdocs_build(ROOT / "mkdocs.yml", site)
        if result.returncode:
            print(
                f"\nthe aggregation was not measured: the site did not build\n{result.stderr}",
                file=sys.stderr,
            )
            return
        files = exports(n)
        size = sum(len(raw) for _, raw in files) / 1e6
        times = measure(site, files, runs)
    print(
        f"\naggregation of {n} exports ({size:.1f} MB) in headless Chromium (ms: median [min–max] of {runs} runs)"
    )
    for key, label in (
        ("picture", "files chosen -> picture"),
        ("csv-requirements", "CSV by requirement"),
        ("csv-units", "CSV by unit"),
        ("xlsx", "workbook (.xlsx)"),
    ):
        values = times[key]
        mark = (
            ""
            if key != "picture"
            else (" (target < 1000)" if statistics.median(values) >= TARGET_MS else " (< 1000: met)")
        )
        print(f"  {label:<26} {statistics.median(values):8.0f} [{min(values):.0f}–{max(values):.0f}]{mark}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m tests.bench.aggregate")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--exports", type=int, default=1000)
    args = parser.parse_args()
    report(args.runs, args.exports)
