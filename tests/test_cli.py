"""The command line, as a function: exit codes, messages, and nothing written on bad input."""

from __future__ import annotations

import shutil

import pytest

from generator.cli import main
from tests.conftest import ROOT, SMALL


def snapshot(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_check_reports_ok_with_the_counts(capsys):
    assert main(["check", str(SMALL)]) == 0
    assert (
        capsys.readouterr().out == f"{SMALL}: hợp lệ (2 nguyên tắc, 0 mục tiêu, 4 biện pháp; 1 loại đơn vị)\n"
    )


def test_check_of_a_broken_file_exits_1_with_the_line_and_no_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL.read_text(encoding="utf-8").replace("format: 1", "format: one"), encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"{bad}:3: format: phải là 1, nhưng đang là 'one' (trường này ghi: phiên bản của định dạng tệp này: 1)\n"
    )


def test_build_then_check_is_up_to_date(tmp_path, capsys):
    out = tmp_path / "content"
    assert main(["build", "--resolution", str(SMALL), "--out", str(out)]) == 0
    assert main(["build", "--resolution", str(SMALL), "--out", str(out), "--check"]) == 0
    assert capsys.readouterr().out.endswith(f"{out}: đã cập nhật (27 tệp)\n")


def test_check_mode_fails_when_content_was_edited_by_hand(tmp_path, capsys):
    out = tmp_path / "content"
    main(["build", "--resolution", str(SMALL), "--out", str(out)])
    (out / "bien-phap" / "2.md").write_text("sửa tay\n", encoding="utf-8")
    assert main(["build", "--resolution", str(SMALL), "--out", str(out), "--check"]) == 1
    err = capsys.readouterr().err
    assert f"{out / 'bien-phap' / '2.md'}: khác với nội dung tạo từ {SMALL}" in err
    assert (out / "bien-phap" / "2.md").read_text(encoding="utf-8") == "sửa tay\n"


def test_the_committed_content_is_what_the_data_produces(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["build", "--check"]) == 0, "content/ is stale: run `make generate` and commit it"


def test_bad_input_writes_nothing(tmp_path):
    out = tmp_path / "content"
    main(["build", "--resolution", str(SMALL), "--out", str(out)])
    before = snapshot(out)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        SMALL.read_text(encoding="utf-8").replace("        number: 3", "        number: 5"), encoding="utf-8"
    )
    assert main(["build", "--resolution", str(bad), "--out", str(out)]) == 1
    assert snapshot(out) == before


def test_a_missing_resolution_is_named(tmp_path, capsys):
    missing = tmp_path / "nope.yaml"
    assert main(["check", str(missing)]) == 1
    assert capsys.readouterr().err == (
        f"{missing}: (tệp): không tìm thấy tệp (cần tệp YAML của nghị quyết; hãy kiểm tra lại đường dẫn)\n"
    )


def test_a_directory_given_as_the_resolution_is_named(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 1
    assert (
        capsys.readouterr().err
        == f"{tmp_path}: (tệp): đây là một thư mục, không phải tệp (cần một tệp YAML)\n"
    )


def test_an_output_path_that_cannot_be_written_is_reported(tmp_path, capsys):
    blocker = tmp_path / "content"
    blocker.write_text("a file where the folder should be\n", encoding="utf-8")
    assert main(["build", "--resolution", str(SMALL), "--out", str(blocker)]) == 1
    assert capsys.readouterr().err == (
        f"{blocker}: (nơi ghi kết quả): đây là một tệp, nhưng cần một thư mục ở chỗ này để ghi {blocker} (hãy chuyển hoặc đổi tên tệp "
        "này, hoặc chọn thư mục khác bằng --out)\n"
    )


def test_wrong_usage_exits_2():
    with pytest.raises(SystemExit) as caught:
        main(["publish"])
    assert caught.value.code == 2


def test_a_hand_written_page_in_content_survives_a_build(tmp_path):
    out = tmp_path / "content"
    shutil.copytree(ROOT / "content", out)
    (out / "huong-dan.md").write_text("# Viết tay\n", encoding="utf-8")
    assert main(["build", "--out", str(out), "--resolution", str(ROOT / "resolution.yaml")]) == 0
    assert (out / "huong-dan.md").read_text(encoding="utf-8") == "# Viết tay\n"


def test_ctrl_c_exits_130_without_a_traceback(monkeypatch, capsys):
    from generator import pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "load_resolution", interrupted)
    assert main(["check", str(SMALL)]) == 130
    assert capsys.readouterr().err == "interrupted\n"
