"""Writing: only what changed, only our own files, never a hand-written one."""

from __future__ import annotations

import pytest

from generator.errors import InputError
from generator.write.tree import plan_sync, read_manifest, sync_tree


def test_a_second_sync_writes_nothing_and_keeps_modification_times(tmp_path):
    plan = {"a.md": "A\n", "d/b.md": "B\n"}
    assert sorted(sync_tree(plan, tmp_path).written) == ["a.md", "d/b.md"]
    before = {p: (tmp_path / p).stat().st_mtime_ns for p in plan}
    again = sync_tree(plan, tmp_path)
    assert (again.written, again.removed, again.unchanged) == ([], [], 2)
    assert {p: (tmp_path / p).stat().st_mtime_ns for p in plan} == before


def test_files_no_longer_produced_are_removed_with_their_empty_folders(tmp_path):
    sync_tree({"a.md": "A\n", "old/x.md": "X\n"}, tmp_path)
    result = sync_tree({"a.md": "A\n"}, tmp_path)
    assert result.removed == ["old/x.md"]
    assert not (tmp_path / "old").exists()
    assert read_manifest(tmp_path) == {"a.md"}


def test_hand_written_files_are_never_removed(tmp_path):
    (tmp_path / "notes.md").write_text("mine\n", encoding="utf-8")
    sync_tree({"a.md": "A\n"}, tmp_path)
    sync_tree({"b.md": "B\n"}, tmp_path)
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "a.md").exists()


def test_a_hand_written_file_in_the_way_is_refused_and_nothing_is_written(tmp_path):
    (tmp_path / "a.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        sync_tree({"a.md": "A\n", "b.md": "B\n"}, tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'a.md'}: (tệp): tệp này đã có và không phải do công cụ tạo ra (hãy chuyển đi hoặc "
        "đổi tên; công cụ không bao giờ ghi đè một tệp do người viết)"
    )
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "b.md").exists()


def test_check_mode_reports_differences_without_writing(tmp_path):
    sync_tree({"a.md": "A\n"}, tmp_path)
    result = plan_sync({"a.md": "changed\n", "b.md": "B\n"}, tmp_path)
    assert result.written == ["a.md", "b.md"]
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "A\n"
    assert not (tmp_path / "b.md").exists()


def test_writes_leave_no_temporary_files(tmp_path):
    sync_tree({"a.md": "A\n", "d/b.md": "B\n"}, tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*")) == [".generated", "a.md", "b.md", "d"]


def test_a_crash_in_the_middle_of_writing_leaves_the_previous_files_complete(tmp_path, monkeypatch):
    from generator.write import tree as write

    sync_tree({"a.md": "A1\n", "d/b.md": "B1\n", "c.md": "C1\n"}, tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    real_stage, calls = write._stage, []

    def crash_on_the_fourth_file(target, data):
        calls.append(target)
        if len(calls) == 4:  # three files written in full, the fourth's folder made: then the disk is full
            target.parent.mkdir(parents=True, exist_ok=True)
            raise OSError(28, "No space left on device")
        return real_stage(target, data)

    monkeypatch.setattr(write, "_stage", crash_on_the_fourth_file)
    with pytest.raises(OSError):
        sync_tree({"a.md": "A2\n", "d/b.md": "B2\n", "c.md": "C2\n", "new/e.md": "E\n"}, tmp_path)
    assert len(calls) == 4, "the crash must come after some files were already written"
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    assert not (tmp_path / "new").exists()


def test_the_cache_keys_name_the_installed_version_of_each_library():
    """What the cache adds to every key: the versions importlib.metadata reports."""
    import importlib.metadata

    from generator.write.cache import LIBRARIES, library_versions

    expected = "\n".join(f"{name}=={importlib.metadata.version(name)}" for name in LIBRARIES)
    assert library_versions() == expected
