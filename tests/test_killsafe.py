"""No debris, no gap: a build killed at any moment (SIGKILL to its whole process group, MkDocs
included) leaves site/ and content/ as the old build or the new one, never a mix and never none;
the next build removes what it left; builds at once all succeed and spare each other's folders."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, SMALL, site_project
from tests.test_publish import generator_site, snapshot

PAUSE = ROOT / "tests" / "hooks" / "pause.py"
OLD_TEXT, NEW_TEXT = "Mỗi tháng họp một lần.", "Mỗi quý họp một lần."
Tree = dict[str, bytes]


@dataclass(frozen=True)
class Reference:
    """A project built from the small fixture (`project`), and both builds' content and site."""

    project: Path
    old: tuple[Tree, Tree]
    new: tuple[Tree, Tree]


def with_pause_hook(project: Path) -> None:
    with open(project / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write(f"\nhooks:\n  - {PAUSE}\n")


def change_data(project: Path) -> None:
    resolution = project / "resolution.yaml"
    text = resolution.read_text(encoding="utf-8")
    assert OLD_TEXT in text
    resolution.write_text(text.replace(OLD_TEXT, NEW_TEXT), encoding="utf-8")


def state(project: Path) -> tuple[Tree, Tree]:
    return snapshot(project / "content"), snapshot(project / "site")


def leftovers(project: Path) -> list[str]:
    """What builds left beside site/, content/ and mkdocs.yml."""
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site.", ".content.", ".mkdocs-")))


@pytest.fixture(scope="session")
def reference(tmp_path_factory) -> Reference:
    builds = []
    for name in ("old", "new"):
        project = tmp_path_factory.mktemp(name)
        site_project(project, SMALL)
        with_pause_hook(project)
        if name == "new":
            change_data(project)
        result = generator_site(project)
        assert result.returncode == 0, result.stderr
        builds.append(project)
    old, new = (state(p) for p in builds)
    assert old[0] != new[0] and old[1] != new[1]
    return Reference(builds[0], old, new)


def changed_copy(reference: Reference, tmp_path: Path) -> Path:
    """A copy of the old build's project (its cache too) whose data has changed since."""
    project = tmp_path / "project"
    shutil.copytree(reference.project, project, symlinks=True)
    change_data(project)
    return project


def start_paused(project: Path, point: str, marker: Path, log: Path) -> subprocess.Popen:
    """`python -m generator site` in its own process group, stopping at `point` (tests/hooks/pause.py)."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(NQ_TEST_PAUSE_AT=point, NQ_TEST_PAUSE_FILE=str(marker), NO_MKDOCS_2_WARNING="1")
    with open(log, "wb") as out:
        return subprocess.Popen(
            [sys.executable, str(PAUSE), "site", "--config", str(project / "mkdocs.yml")],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_for(marker: Path, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert process.poll() is None, f"ended before the point:\n{log.read_text(encoding='utf-8')}"
        assert time.monotonic() < deadline, "never reached the point"
        time.sleep(0.02)


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL to the build's process group; return when none of its processes runs any more."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while _group_alive(process.pid):
        assert time.monotonic() < deadline, "the build's processes outlived SIGKILL"
        time.sleep(0.02)


def _group_alive(pgid: int) -> bool:
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


# (point, content after the kill, site after the kill)
KILL_POINTS = [
    ("before-mkdocs", "old", "old"),
    ("content-staged", "old", "old"),
    ("content-exchanged", "new", "old"),
    ("pages", "new", "old"),
    ("post-build", "new", "old"),
    ("site-staged", "new", "old"),
    ("site-exchanged", "new", "new"),
]


@pytest.mark.parametrize(("point", "content", "site"), KILL_POINTS, ids=[p[0] for p in KILL_POINTS])
def test_a_killed_build_leaves_old_or_new_and_the_next_build_cleans_up(
    reference, tmp_path, point, content, site
):
    project = changed_copy(reference, tmp_path)
    marker, log = tmp_path / "paused", tmp_path / "build.log"
    process = start_paused(project, point, marker, log)
    wait_for(marker, process, log)
    kill_group(process)
    after = state(project)
    expected = {"old": reference.old, "new": reference.new}
    assert after[0] == expected[content][0], f"content/ after a kill at {point}"
    assert after[1] == expected[site][1], f"site/ after a kill at {point}"

    result = generator_site(project)
    assert result.returncode == 0, result.stderr
    assert state(project) == reference.new
    assert leftovers(project) == []


@pytest.mark.parametrize("start", ["fresh", "rebuild"])
def test_two_builds_at_once_both_succeed_with_a_complete_site(reference, tmp_path, start):
    if start == "fresh":  # no site yet and an empty content/: both make them
        project = tmp_path / "project"
        project.mkdir()
        site_project(project, SMALL)
        expected = reference.old
    else:  # both find the data changed
        project, expected = changed_copy(reference, tmp_path), reference.new
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | {"NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator", "site", "--config", str(project / "mkdocs.yml")]
    builds = [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    for build in builds:
        out, err = build.communicate(timeout=300)
        assert build.returncode == 0, err
    assert state(project) == expected
    assert leftovers(project) == []


def test_a_running_builds_staging_folder_is_spared_by_another_builds_sweep(reference, tmp_path):
    project = changed_copy(reference, tmp_path)
    marker, log = tmp_path / "paused", tmp_path / "build.log"
    first = start_paused(project, "pages", marker, log)
    try:
        wait_for(marker, first, log)
        [staged] = [p for p in project.iterdir() if p.name.startswith(".site.new-") and p.is_dir()]
        pages = snapshot(staged)
        assert pages, "the paused build has written pages into its staging folder"
        second = generator_site(project)
        assert second.returncode == 0, second.stderr
        assert snapshot(staged) == pages
        marker.unlink()  # the first build goes on, into the folder it had
        assert first.wait(timeout=300) == 0, log.read_text(encoding="utf-8")
    finally:
        if first.poll() is None:
            kill_group(first)
    assert state(project) == reference.new
    assert leftovers(project) == []


def test_a_sync_waits_for_another_that_is_under_way(reference, tmp_path):
    """Two builds sync content/ in turn: one stopped before its exchange keeps its staging
    folder, and the other, waiting, does not fail."""
    project = changed_copy(reference, tmp_path)
    marker, log = tmp_path / "paused", tmp_path / "build.log"
    first = start_paused(project, "content-staged", marker, log)
    try:
        wait_for(marker, first, log)
        [staged] = [p for p in project.iterdir() if p.name.startswith(".content.new-") and p.is_dir()]
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | {"NO_MKDOCS_2_WARNING": "1"}
        second = subprocess.Popen(
            [sys.executable, "-m", "generator", "site", "--config", str(project / "mkdocs.yml")],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(5)  # time enough for it to reach content/ (about 2 s here)
        assert second.poll() is None, "the second build should wait for the first's sync"
        assert staged.is_dir()
        marker.unlink()
        assert first.wait(timeout=300) == 0, log.read_text(encoding="utf-8")
        out, err = second.communicate(timeout=300)
        assert second.returncode == 0, err
    finally:
        if first.poll() is None:
            kill_group(first)
    assert state(project) == reference.new
    assert leftovers(project) == []
