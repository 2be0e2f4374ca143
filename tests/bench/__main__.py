"""`make bench`: build speed and scale, printed as medians of several runs [min–max].

    python -m tests.bench [--runs N] [--scales 1,10,100] [--official-scales 1,10] [--edits N]
                          [--baseline REF] [--pairs N] [--baseline-scales 1,10] [--no-baseline | --baseline-only]

For the real resolution and for synthetic ones 10× and 100× larger (tests/bench/scale.py, written to a
temporary directory): the generator alone, `mkdocs build`, the full build (`make site` for the
real one; for the synthetic ones the same steps on the temporary project), the round trip from
saving resolution.yaml to the reloaded page under `mkdocs serve`, pages, cost per page and peak
memory; then the ratios between scales, measured in this same run; the same figures for the
official layout's fictional fixture and a text ten times as long (tests/bench/official.py); the
import of a 200-article official text and DOCX (tests/bench/importing.py); the aggregation
page given 1,000 exports in headless Chromium (tests/bench/aggregate.py); then the comparison
with a baseline commit, by default the one before the reshape (tests/bench/baseline.py: paired warm
builds at 1× and 10×, the median of their ratios against the 10 % limit). Nothing here is a test:
a slower figure is printed, and the exit status stays 0.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench import aggregate, baseline, importing
from tests.bench import official as official_data
from tests.bench.measure import Run, generate, serve_round_trips, timed
from tests.bench.scale import write_scaled

ROOT = Path(__file__).resolve().parents[2]  # the project: tests/bench/ is two levels down
PY = sys.executable


def project(tmp: Path, k: int, official: bool = False) -> Path:
    """A throw-away copy of the site's configuration built from the resolution scaled `k` times,
    or with `official` from the official layout's fixture scaled `k` times (official.py)."""
    from tests.conftest import site_project

    tmp.mkdir(parents=True)
    site_project(tmp, ROOT / "resolution.yaml")
    if official:
        official_data.resolution(k, tmp / "resolution.yaml")
    else:
        write_scaled(ROOT / "resolution.yaml", k, tmp / "resolution.yaml")
    return tmp


def spread(values: list[float], fmt: str = "{:.2f}") -> str:
    """`median [min–max]`."""
    return f"{fmt.format(statistics.median(values))} [{fmt.format(min(values))}–{fmt.format(max(values))}]"


def measure(k: int, runs: int, edits: int, tmp: Path, official: bool = False) -> dict:
    """Every figure for one scale (of the official layout's fixture with `official`)."""
    proj = project(tmp / f"{'official-' if official else ''}x{k}", k, official)
    res = proj / "resolution.yaml"
    gen = [generate(res, tmp / f"gen{k}-{i}").seconds for i in range(runs)]
    # NOTE: the first build finds the caches (PDF, DOCX, QR codes) empty and fills them; it is
    # shown apart, and the runs after it are the ones a rebuild of unchanged data costs.
    cold, *build = [
        timed([PY, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp / f"site{k}")], proj)
        for _ in range(runs + 1)
    ]
    pages = sum(1 for _ in (tmp / f"site{k}").rglob("*.html"))
    if k == 1 and not official:
        # The real thing: `make site` in the repository (content/ is rewritten only where it
        # differs from what the data produces, i.e. not at all).
        full = [timed(["make", "-s", "site"], ROOT) for _ in range(runs)]
    else:
        full = []
        for _ in range(runs):
            a = timed(
                [PY, "-m", "generator", "build", "--resolution", str(res), "--out", str(proj / "content")],
                ROOT,
            )
            b = timed([PY, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(proj / "site")], proj)
            full.append(Run(a.seconds + b.seconds, max(a.peak_mib, b.peak_mib)))
    try:
        serve = serve_round_trips(proj, edits) if edits and not official else []
    except RuntimeError as err:  # the other figures of this scale still count
        print(f"  … {k}×: serve round trip not measured: {err}", file=sys.stderr, flush=True)
        serve = "not measured"
    print(f"  … {'official ' if official else ''}{k}×: done", file=sys.stderr, flush=True)
    return {
        "k": k,
        "articles": official_data.articles(res) if official else 0,
        "pages": pages,
        "gen": gen,
        "cold": cold.seconds,
        "build": [r.seconds for r in build],
        "mem": [r.peak_mib for r in build],
        "full": [r.seconds for r in full],
        "serve": serve,
    }


def machine() -> str:
    """CPU model, cores, memory, OS and Python: what the figures depend on."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        (
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem / 1024:.1f} GiB; {platform.platform(terse=True)}; "
        f"Python {platform.python_version()}"
    )


def main(argv: list[str]) -> int:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        help="runs per figure (default 5; 3 above 10×), after one first build with empty caches",
    )
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument(
        "--official-scales",
        default="1,10",
        help="scales of the official layout's fixture (default 1,10; empty: none)",
    )
    parser.add_argument("--edits", type=int, default=5, help="saves timed under mkdocs serve, per scale")
    parser.add_argument(
        "--baseline",
        default=baseline.DEFAULT_REF,
        metavar="REF",
        help=f"the commit to compare with (default {baseline.DEFAULT_REF}, the one before the reshape)",
    )
    parser.add_argument(
        "--pairs", type=int, default=5, help="paired builds (baseline, new) per scale (default 5)"
    )
    parser.add_argument("--baseline-scales", default="1,10", help="scales of the comparison (default 1,10)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--no-baseline", action="store_true", help="no comparison with the baseline")
    which.add_argument("--baseline-only", action="store_true", help="only the comparison with the baseline")
    args = parser.parse_args(argv)
    if args.pairs < 1:
        parser.error("--pairs must be at least 1")
    # NOTE: a TERM signal unwinds like Ctrl-C, so that the running build is stopped and the
    # baseline's temporary worktree removed (a plain TERM would end the process on the spot).
    signal.signal(signal.SIGTERM, _stop)
    print(f"# make bench, {time.strftime('%Y-%m-%d %H:%M %Z')}\n# {machine()}", flush=True)
    if not args.baseline_only:
        measure_scales(args)
        measure_scales(args, official=True)
        importing.report(runs=args.runs)
        aggregate.report(runs=args.runs)
    if not args.no_baseline:
        try:
            baseline.compare(args.baseline, args.pairs, [int(s) for s in args.baseline_scales.split(",")])
        except (RuntimeError, subprocess.CalledProcessError) as err:  # a build failed, or git did
            detail = getattr(err, "stderr", None) or ""
            print(
                f"\nthe comparison with the baseline {args.baseline} was not measured: {err}\n{detail}",
                file=sys.stderr,
                flush=True,
            )
            return 1
    return 0


def _stop(signum: int, _frame) -> None:
    raise SystemExit(128 + signum)


def measure_scales(args: argparse.Namespace, official: bool = False) -> None:
    """This checkout's figures at every scale, and their growth; with `official`, those of the
    official layout's fixture (official.py)."""
    scales = [int(s) for s in (args.official_scales if official else args.scales).split(",") if s]
    if not scales:
        return
    if official:
        print(
            f"\nthe official layout: {official_data.FIXTURE.relative_to(ROOT)} (fictional) at 1×; k× is "
            "its text with Điều 4 repeated to k times its articles, imported (no serve round trip)"
        )
    print("\nseconds: median [min–max]; each scale's row is printed as soon as it is measured")
    head = (
        "scale",
        "pages",
        "generate",
        "first build",
        "mkdocs build",
        "full build",
        "save→page (serve)",
        "ms/page",
        "peak MiB",
        "gen share",
    )
    widths = (5, 14 if official else 5, 21, 11, 19, 19, 19, 7, 12, 9)

    def line(cells) -> None:
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False)), flush=True)

    line(head)
    line(["-" * w for w in widths])
    med = statistics.median
    rows = []
    with tempfile.TemporaryDirectory(prefix="nq55-bench-") as tmp:
        for k in scales:
            runs = args.runs if k <= 10 else max(3, args.runs // 2)
            edits = args.edits if k <= 10 else max(1, args.edits // 2)
            r = measure(k, runs, edits, Path(tmp), official)
            rows.append(r)
            serve = spread(r["serve"]) if isinstance(r["serve"], list) and r["serve"] else (r["serve"] or "—")
            line(
                (
                    f"{r['k']}×",
                    f"{r['pages']}" + (f" ({r['articles']} Điều)" if official else ""),
                    spread(r["gen"], "{:.3f}"),
                    f"{r['cold']:.1f}",
                    spread(r["build"]),
                    spread(r["full"]),
                    serve,
                    f"{1000 * med(r['build']) / r['pages']:.1f}",
                    spread(r["mem"], "{:.0f}"),
                    f"{100 * med(r['gen']) / med(r['full']):.1f} %",
                )
            )
        shutil.rmtree(tmp, ignore_errors=True)

    base = rows[0]
    if len(rows) > 1:
        print(f"\ngrowth against {base['k']}× (same run): data ×, pages ×, build time ×, memory ×")
        for r in rows[1:]:
            print(
                f"  {r['k'] // base['k']:>4}× data: pages ×{r['pages'] / base['pages']:.1f}, "
                f"mkdocs build ×{med(r['build']) / med(base['build']):.1f}, "
                f"full build ×{med(r['full']) / med(base['full']):.1f}, "
                f"peak memory ×{med(r['mem']) / med(base['mem']):.2f}"
            )
    if not official:
        print("\ntargets: generator ≤ 10 % of a full build; save→page ≤ 1.5 s; 100× data ≤ 120× the time")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
