"""Timed runs of the build steps: wall time (time.perf_counter) and peak memory of the child
process (its own ru_maxrss, from os.wait4), and the serve round trip under `mkdocs serve`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]  # the checkout measured: tests/bench/ is two levels down


def environment(checkout: Path) -> dict[str, str]:
    """The environment of a child process that runs `checkout`'s code: its folder first on the
    path, so that `import generator` (and MkDocs' `nghi-quyet` plugin) is that checkout's, not
    the one an editable install of the project points at."""
    path = os.pathsep.join(p for p in (str(checkout), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": path}


ENV = environment(ROOT)


@dataclass(frozen=True)
class Run:
    """One timed command: seconds of wall time, peak resident memory in MiB, and the CPU seconds
    (user + system) of the child, which other work on the machine moves less than wall time."""

    seconds: float
    peak_mib: float
    cpu_seconds: float = 0.0


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `cmd` to completion (in `env`, by default this checkout's ENV); fails loudly with its
    output if it fails."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=ENV if env is None else env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    # NOTE: wait4 gives this child's own peak memory; getrusage(RUSAGE_CHILDREN) would give the
    # largest of all children so far, hiding growth.
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    except BaseException:  # interrupted (Ctrl-C, a signal to this process only): no orphan left building
        proc.kill()
        proc.wait()
        raise
    seconds = time.perf_counter() - started
    output = proc.stdout.read().decode(errors="replace")
    proc.stdout.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{output[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def generate(resolution: Path, out: Path) -> Run:
    """The generator alone, in this process (no interpreter start-up): resolution → Markdown,
    with its templates compiled as in a fresh build (the process keeps them otherwise)."""
    import resource

    from generator import pipeline
    from generator.render import environment

    environment.markdown_environment.cache_clear()
    environment.html_environment.cache_clear()
    started = time.perf_counter()
    pipeline.build(resolution, out, site_url="https://example.org/")
    return Run(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def serve_round_trips(project: Path, edits: int, timeout: float = 600) -> list[float]:
    """Seconds from saving an edited resolution.yaml to the edit showing in the browser, in the
    page `mkdocs serve` reloads by itself (its livereload script), once per edit. Edits the
    first item of the first section in `project`, a throw-away copy: never the real resolution."""
    from tests.audit.browser import chromium

    resolution = project / "resolution.yaml"
    data = yaml.safe_load(resolution.read_text(encoding="utf-8"))
    section = data["sections"][0]
    item = section["items"][0]
    original = item["text"]
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{section['id']}/{item['number']}/"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "-f",
            str(project / "mkdocs.yml"),
        ],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    times = []
    try:
        deadline = time.monotonic() + timeout
        while _get(url) is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("mkdocs serve did not start")
            time.sleep(0.2)
        with chromium() as context:
            page = context.new_page()
            page.goto(url, wait_until="load")
            for n in range(edits):
                marker = f"benchmarkedit{n}x{os.getpid()}"
                item["text"] = f"{original} {marker}"
                text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
                page.wait_for_timeout(1000)  # the page's livereload poll is connected again
                started = time.perf_counter()
                resolution.write_text(text, encoding="utf-8")
                while not _shows(page, marker):
                    if time.perf_counter() - started > timeout:
                        raise RuntimeError(f"the edit did not show in {url} within {timeout} s")
                    time.sleep(0.02)
                times.append(time.perf_counter() - started)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return times


def _shows(page, marker: str) -> bool:
    try:
        return marker in page.content()
    except Exception:  # the page is being reloaded: its document is gone for a moment
        return False
