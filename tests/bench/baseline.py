"""The build against a baseline commit (by default the last one before the reshape): paired runs.

    python -m tests.bench --baseline-only [--baseline REF] [--pairs N] [--baseline-scales 1,10]

REF is checked out into a temporary `git worktree` (removed afterwards, also when something
fails). For each scale, the real resolution scaled k times (tests/bench/scale.py) goes into two
throw-away copies of the project, one of REF's tree and one of this checkout's (its working tree,
uncommitted changes included), so that every path a mkdocs.yml names (the old `hooks:` and
`custom_dir: generator/theme`, the new plugin) resolves in its own copy, and each child process
imports its own `generator` (PYTHONPATH). Each copy is built once unmeasured, which fills its
.cache (PDF, DOCX, QR codes, compiled templates: a cold build is mostly WeasyPrint), then N pairs
of `mkdocs build --strict`, old and new one after the other, the order alternating from pair to
pair so that neither always runs second. A pair's ratio is new / old: the verdict is on the
median of those ratios, which a slow moment of the machine moves less than it moves the medians
of the two series. The builds' CPU time (user + system) is printed beside, for information: other
work on the machine moves it less than wall time. A measurement: it prints, it asserts nothing.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.bench.measure import ROOT, Run, environment, timed
from tests.bench.scale import write_scaled

DEFAULT_REF = "1817da6"  # "Review: main.html's header comment …", the commit before the reshape
LIMIT = 1.10  # new / old above this: more than 10 % slower
# Not copied into a project copy: version control, environments, outputs and caches.
SKIPPED_AT_TOP = {".git", ".venv", "node_modules", "site", "build", ".cache", ".pytest_cache", ".hypothesis"}
SKIPPED_ANYWHERE = ("__pycache__", "*.pyc", ".site.new-*", ".site.old-*", ".mkdocs-offline-*.yml")


def paired_ratios(old: list[float], new: list[float]) -> list[float]:
    """new / old of each pair."""
    if len(old) != len(new) or not old:
        raise ValueError(f"pairs need as many old runs as new ones, at least one: {len(old)} and {len(new)}")
    return [n / o for o, n in zip(old, new, strict=False)]


def verdict(ratio: float, limit: float = LIMIT) -> str:
    """ "ok", or how much slower than the limit allows."""
    return "ok" if ratio <= limit else f"SLOWER >{round(100 * (limit - 1))}%"


@dataclass(frozen=True)
class Comparison:
    """One scale's paired builds: seconds of the baseline's and of the new code's, pair by pair
    (wall time, and for information their CPU time)."""

    k: int
    old: list[float]
    new: list[float]
    old_cpu: list[float] = field(default_factory=list)
    new_cpu: list[float] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return paired_ratios(self.old, self.new)

    @property
    def median_ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def ratio_of_medians(self) -> float:
        return statistics.median(self.new) / statistics.median(self.old)

    @property
    def verdict(self) -> str:
        return verdict(self.median_ratio)


def table(rows: list[Comparison]) -> list[str]:
    """The comparison's lines: one per scale, then the conclusion."""
    head = (
        "scale",
        "baseline median (s)",
        "new median (s)",
        "new/baseline",
        "median of pair ratios",
        "verdict",
    )
    widths = (5, 19, 14, 12, 21, 11)
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip()
        for cells in (head, ["-" * w for w in widths])
    ]
    for r in rows:
        lines.append(
            "  ".join(
                c.ljust(w)
                for c, w in zip(
                    (
                        f"{r.k}×",
                        f"{statistics.median(r.old):.2f}",
                        f"{statistics.median(r.new):.2f}",
                        f"{r.ratio_of_medians:.3f}",
                        f"{r.median_ratio:.3f}",
                        r.verdict,
                    ),
                    widths,
                    strict=False,
                )
            ).rstrip()
        )
    for r in rows:
        lines.append(
            f"  {r.k}× pairs (baseline s, new s, ratio): "
            + "; ".join(f"{o:.2f}, {n:.2f}, {n / o:.3f}" for o, n in zip(r.old, r.new, strict=False))
        )
        if r.old_cpu and r.new_cpu:
            lines.append(
                f"  {r.k}× CPU seconds (user + system), median: baseline {statistics.median(r.old_cpu):.2f}, "
                f"new {statistics.median(r.new_cpu):.2f}, median of pair ratios "
                f"{statistics.median(paired_ratios(r.old_cpu, r.new_cpu)):.3f}"
            )
    slower = [f"{r.k}×" for r in rows if r.verdict != "ok"]
    lines.append(
        f"SLOWER THAN THE BASELINE by more than {round(100 * (LIMIT - 1))} % at {', '.join(slower)}"
        if slower
        else f"no scale more than {round(100 * (LIMIT - 1))} % slower than the baseline"
    )
    return lines


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def describe(repo: Path, ref: str) -> str:
    """`abc1234 subject` of a commit."""
    return _git(repo, "log", "-1", "--format=%h %<(72,trunc)%s", f"{ref}^{{commit}}").rstrip()


@contextmanager
def worktree(repo: Path, ref: str, path: Path) -> Iterator[Path]:
    """`ref` checked out (detached) at `path` for the duration; removed afterwards in any case."""
    _git(repo, "worktree", "add", "--detach", "--quiet", str(path), ref)
    try:
        yield path
    finally:
        subprocess.run(
            ["git", "-C", str(repo), "worktree", "remove", "--force", str(path)],
            check=False,
            capture_output=True,
        )
        subprocess.run(["git", "-C", str(repo), "worktree", "prune"], check=False, capture_output=True)


def _skipped(top: Path):
    """shutil.copytree's `ignore` for a copy of the tree at `top`."""
    anywhere = shutil.ignore_patterns(*SKIPPED_ANYWHERE)

    def ignore(folder: str, names: list[str]) -> set[str]:
        return (set(names) & SKIPPED_AT_TOP if Path(folder) == top else set()) | anywhere(folder, names)

    return ignore


def project_copy(checkout: Path, dest: Path, resolution: Path) -> Path:
    """A copy of `checkout`'s tree at `dest` (no .git, caches or outputs) with `resolution` as its
    resolution.yaml; checks that a child process there imports the copy's `generator`."""
    shutil.copytree(checkout, dest, ignore=_skipped(checkout))
    shutil.copy(resolution, dest / "resolution.yaml")
    (dest / "content").mkdir(exist_ok=True)
    found = subprocess.run(
        [sys.executable, "-c", "import generator; print(generator.__file__)"],
        cwd=dest,
        env=environment(dest),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if dest.resolve() not in Path(found).resolve().parents:
        raise RuntimeError(f"a build in {dest} would import {found}, not the copy's generator")
    return dest


def build(project: Path, site: Path) -> Run:
    """One `mkdocs build --strict` of `project` (a project copy) into `site`, timed."""
    return timed(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        project,
        environment(project),
    )


def compare_scale(k: int, old_tree: Path, new_tree: Path, pairs: int, tmp: Path) -> Comparison:
    """Paired warm builds of the baseline and of the new code, the resolution scaled `k` times."""
    # NOTE: each side its own checkout's resolution, scaled alike: the data's format grows with
    # the code (fields the baseline would refuse), the text stays the same.
    old_data = write_scaled(old_tree / "resolution.yaml", k, tmp / f"resolution-baseline-x{k}.yaml")
    new_data = write_scaled(new_tree / "resolution.yaml", k, tmp / f"resolution-new-x{k}.yaml")
    old = project_copy(old_tree, tmp / f"baseline-x{k}", old_data)
    new = project_copy(new_tree, tmp / f"new-x{k}", new_data)
    sites = {old: tmp / f"site-baseline-x{k}", new: tmp / f"site-new-x{k}"}
    for project in (old, new):  # NOTE: unmeasured: fills each copy's .cache (PDF, DOCX, QR codes)
        build(project, sites[project])
    runs: dict[Path, list[Run]] = {old: [], new: []}
    for i in range(pairs):
        for project in (old, new) if i % 2 == 0 else (new, old):
            runs[project].append(build(project, sites[project]))
        print(
            f"  … {k}× pair {i + 1}/{pairs}: baseline {runs[old][-1].seconds:.2f} s, "
            f"new {runs[new][-1].seconds:.2f} s",
            file=sys.stderr,
            flush=True,
        )
    for path in (old, new, *sites.values()):
        shutil.rmtree(path, ignore_errors=True)
    return Comparison(
        k,
        [r.seconds for r in runs[old]],
        [r.seconds for r in runs[new]],
        [r.cpu_seconds for r in runs[old]],
        [r.cpu_seconds for r in runs[new]],
    )


def compare(ref: str, pairs: int, scales: list[int], root: Path = ROOT) -> list[Comparison]:
    """Print the comparison of this checkout with `ref`, scale by scale; returns its rows."""
    dirty = " + uncommitted changes" if _git(root, "status", "--porcelain", "--untracked-files=no") else ""
    print(
        f"\nagainst the baseline: {pairs} paired warm `mkdocs build --strict` per scale, order alternating\n"
        f"  baseline: {describe(root, ref)}\n  new:      {describe(root, 'HEAD')}{dirty}",
        flush=True,
    )
    rows = []
    with tempfile.TemporaryDirectory(prefix="nq55-bench-baseline-") as name:
        tmp = Path(name)
        with worktree(root, ref, tmp / "baseline-checkout") as old_tree:
            for k in scales:
                rows.append(compare_scale(k, old_tree, root, pairs, tmp))
    for line in table(rows):
        print(line, flush=True)
    return rows
