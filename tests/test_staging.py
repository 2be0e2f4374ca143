"""Folders replaced whole (generator/write/staging.py) and content/ synced through them; and the
rule that only the write stage (generator/write/) writes files."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.write import staging
from generator.write.site import config_beside
from generator.write.tree import sync_tree
from tests.conftest import ROOT


def folder(path: Path, **files: str) -> Path:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    new, target = folder(tmp_path / "new", a="new\n"), folder(tmp_path / "site", a="old\n")
    inodes = new.stat().st_ino, target.stat().st_ino
    staging.exchange(new, target, tmp_path / "aside")
    assert (target.stat().st_ino, new.stat().st_ino) == inodes
    assert (target / "a").read_text(encoding="utf-8") == "new\n"
    assert (new / "a").read_text(encoding="utf-8") == "old\n"
    assert not (tmp_path / "aside").exists()


def test_exchange_into_nothing_renames(tmp_path):
    new = folder(tmp_path / "new", a="new\n")
    staging.exchange(new, tmp_path / "site", tmp_path / "aside")
    assert (tmp_path / "site" / "a").read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_exchange_refuses_to_replace_a_file(tmp_path):
    new = folder(tmp_path / "new", a="new\n")
    (tmp_path / "site").write_text("a file\n", encoding="utf-8")
    with pytest.raises(NotADirectoryError):
        staging.exchange(new, tmp_path / "site", tmp_path / "aside")
    assert (tmp_path / "site").read_text(encoding="utf-8") == "a file\n"
    assert (new / "a").is_file()


def test_where_the_filesystem_cannot_exchange_the_two_step_swap_is_used(tmp_path, monkeypatch):
    def refused(new: Path, target: Path) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")  # what such a filesystem answers

    monkeypatch.setattr(staging, "_rename_exchange", refused)
    new, target = folder(tmp_path / "new", a="new\n"), folder(tmp_path / "site", a="old\n")
    staging.exchange(new, target, tmp_path / "aside")
    assert (target / "a").read_text(encoding="utf-8") == "new\n"
    assert (new / "a").read_text(encoding="utf-8") == "old\n"  # where the caller removes it
    assert not (tmp_path / "aside").exists()


@pytest.mark.skipif(sys.platform != "linux", reason="renameat2 is Linux's")
def test_the_c_library_has_renameat2():
    assert staging._renameat2() is not None, "glibc 2.28 or later is expected (Debian 12 has 2.36)"


def test_a_sweep_removes_what_dead_builds_left_and_spares_a_held_lock(tmp_path):
    target = tmp_path / "site"
    family = staging.folder_family(target)
    token, fd = staging.claim(family)
    folder(family.path(token), page="half a site\n")
    os.close(fd)  # as the kernel does when a build is killed
    legacy = [folder(tmp_path / ".site.old-12345"), folder(tmp_path / ".site.new-a0wf3ws3")]
    others = [
        folder(tmp_path / ".site.new-x.bak"),
        folder(tmp_path / "site.new-1"),
        folder(tmp_path / ".content.new-1"),
    ]
    with staging.staging_folder(target) as running:
        (running.path / "page").write_text("being built\n", encoding="utf-8")
        removed = staging.sweep(family)
        assert sorted(removed) == sorted([family.path(token), *legacy])
        assert (running.path / "page").is_file()
        assert family.lock(running.path.name.rsplit("-", 1)[1]).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in others)


def test_a_generated_configuration_is_there_for_the_block_only_and_dead_ones_go(tmp_path):
    mkdocs_yml = tmp_path / "mkdocs.yml"
    mkdocs_yml.write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / ".mkdocs-offline-4242.yml").write_text("left by a killed build\n", encoding="utf-8")
    with config_beside(mkdocs_yml, "offline", "INHERIT: mkdocs.yml\n") as config:
        assert config.parent == tmp_path and config.read_text(encoding="utf-8") == "INHERIT: mkdocs.yml\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            ["mkdocs.yml", config.name, config.name + ".lock"]
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]


def test_a_changed_sync_exchanges_the_tree_and_keeps_what_stays_as_it_was(tmp_path):
    root = tmp_path / "content"
    sync_tree({"a.md": "A\n", "d/b.md": "B\n", "old/x.md": "X\n"}, root)
    (root / "notes.md").write_text("mine\n", encoding="utf-8")
    (root / "empty").mkdir()
    (root / "link.md").symlink_to("a.md")
    kept = {name: (root / name).stat().st_ino for name in ("a.md", "notes.md")}
    before = root.stat().st_ino
    result = sync_tree({"a.md": "A\n", "d/b.md": "B2\n"}, root)
    assert (result.written, result.removed) == (["d/b.md"], ["old/x.md"])
    assert root.stat().st_ino != before, "a new tree, exchanged with the old"
    assert {name: (root / name).stat().st_ino for name in kept} == kept, "the same files, linked"
    assert (root / "d" / "b.md").read_text(encoding="utf-8") == "B2\n"
    assert os.readlink(root / "link.md") == "a.md"
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == [
        ".generated",
        "a.md",
        "d",
        "d/b.md",
        "empty",
        "link.md",
        "notes.md",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_an_unchanged_sync_touches_nothing_at_all(tmp_path):
    root = tmp_path / "content"
    plan = {"a.md": "A\n", "d/b.md": "B\n"}
    sync_tree(plan, root)
    before = root.stat()
    assert not sync_tree(plan, root).changed
    after = root.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_a_content_folder_that_is_a_symbolic_link_stays_one(tmp_path):
    real, link = tmp_path / "real", tmp_path / "content"
    real.mkdir()
    link.symlink_to(real)
    sync_tree({"a.md": "A\n"}, link)
    sync_tree({"a.md": "A2\n"}, link)
    assert link.is_symlink() and (real / "a.md").read_text(encoding="utf-8") == "A2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "real"]


def test_a_sync_sweeps_the_staging_folders_killed_syncs_left(tmp_path):
    root = tmp_path / "content"
    sync_tree({"a.md": "A\n"}, root)
    folder(tmp_path / ".content.new-0123456789abcdef", **{"a.md": "half\n"})
    (tmp_path / ".content.new-0123456789abcdef.lock").write_bytes(b"")
    assert not sync_tree({"a.md": "A\n"}, root).changed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_a_file_where_the_site_folder_goes_is_named_before_building(tmp_path, capsys):
    blocker = tmp_path / "site"
    blocker.write_text("a file where a folder should be\n", encoding="utf-8")
    assert main(["site", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", str(blocker)]) == 1
    assert capsys.readouterr().err == (
        f"{blocker}: (nơi ghi kết quả): đây là một tệp, nhưng cần một thư mục ở chỗ này để ghi {blocker} (hãy chuyển hoặc đổi tên tệp "
        "này, hoặc chọn thư mục khác bằng --site-dir)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
