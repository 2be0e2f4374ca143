"""The corpus of bad input (tests/corpus/): every case gives exactly its message, exit status 1,
no traceback, and leaves content/ byte for byte as it was.

A case is `NAME.yaml` (the whole file, bytes as saved) or `NAME.edit.json` (replacements made in
tests/fixtures/small.yaml, or in the fixture files its `base` names), with `NAME.expected` beside it: the exact error output of
`python -m generator build` run where the file is `resolution.yaml`. The mutation cases of
tests/test_validate.py run here too, end to end. Cases about files rather than their content
(missing, unreadable, a directory, an unwritable output) are the functions at the end.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import traceback
import unicodedata
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import ROOT, SMALL
from tests.test_validate import CASES as VALIDATE_CASES

CORPUS = ROOT / "tests" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
NAMES = sorted(p.name[: -len(".expected")] for p in CORPUS.glob("*.expected"))
NOBODY = 65534
# Address space allowed to a run on hostile input: ample for a resolution, far too little for an
# expanded alias bomb.
LIMIT = 256 * 1024 * 1024


def corpus_input(name: str) -> bytes:
    """The bytes of a corpus case's resolution file."""
    whole = CORPUS / f"{name}.yaml"
    if whole.exists():
        return whole.read_bytes()
    edit = json.loads((CORPUS / f"{name}.edit.json").read_text(encoding="utf-8"))
    base = edit.get("base", [])
    files = [FIXTURES / b for b in ([base] if isinstance(base, str) else base)] or [SMALL]
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    for old, new in edit["replace"]:
        assert text.count(old) == 1, f"{name}: {old!r} must occur once in {', '.join(f.name for f in files)}"
        text = text.replace(old, new)
    return text.encode("utf-8")


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A folder with content/ built from the small fixture; the current directory."""
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--resolution", str(SMALL), "--out", "content"]) == 0
    return tmp_path


def build_refused(project: Path, data: bytes, capsys) -> str:
    """Run `python -m generator build` on `data` as resolution.yaml; return its error output."""
    (project / "resolution.yaml").write_bytes(data)
    before = snapshot(project / "content")
    capsys.readouterr()
    status = main(["build"])
    out, err = capsys.readouterr()
    assert status == 1, out + err
    assert out == "" and "Traceback" not in err
    assert snapshot(project / "content") == before
    return err


def test_the_corpus_has_at_least_30_cases_of_its_own():
    assert len(NAMES) >= 30
    inputs = {p.name.split(".")[0] for p in CORPUS.iterdir() if p.suffix in (".yaml", ".json")}
    assert inputs == set(NAMES), "every input needs its .expected, every .expected its input"


@pytest.mark.parametrize("name", NAMES)
def test_each_corpus_case_gives_its_exact_message(name, project, capsys):
    err = build_refused(project, corpus_input(name), capsys)
    assert err == (CORPUS / f"{name}.expected").read_text(encoding="utf-8")
    assert not (project / "ran-a-command").exists()


@pytest.mark.parametrize("case", VALIDATE_CASES, ids=[c.name for c in VALIDATE_CASES])
def test_each_validation_case_is_refused_end_to_end(case, project, capsys):
    text = SMALL.read_text(encoding="utf-8").replace(case.old, case.new)
    err = build_refused(project, text.encode("utf-8"), capsys)
    assert err == "".join(m.replace("small.yaml:", "resolution.yaml:", 1) + "\n" for m in case.expected)


# -- hostile files: refused within bounded memory and time ----------------------------------------


def run_limited(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """`python -m generator ARGS` with at most LIMIT bytes of address space; hung means failed."""

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))

    # NOTE: not a speed benchmark: the timeout is generous and only tells "refused" from "hung".
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        preexec_fn=limit,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_the_memory_limit_really_stops_an_expanding_alias_bomb(tmp_path):
    # The same bomb that the generator refuses makes plain PyYAML exceed the limit.
    bomb = tmp_path / "bomb.yaml"
    bomb.write_bytes((CORPUS / "billion-laughs.yaml").read_bytes())
    script = (
        f"import resource, sys, yaml; resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT})); "
        "d = yaml.safe_load(open(sys.argv[1])); print(len(str(d)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(bomb)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode != 0 and "MemoryError" in result.stderr


def test_an_alias_bomb_is_refused_within_bounded_memory(tmp_path):
    shutil.copy(CORPUS / "billion-laughs.yaml", tmp_path / "resolution.yaml")
    result = run_limited(["check", "resolution.yaml"], tmp_path)
    assert result.returncode == 1
    assert result.stderr == (CORPUS / "billion-laughs.expected").read_text(encoding="utf-8")


def test_a_20_megabyte_file_is_refused_by_its_size_before_parsing(tmp_path):
    big = SMALL.read_bytes() + b"# " + b"x" * (20 * 1024 * 1024) + b"\n"
    (tmp_path / "resolution.yaml").write_bytes(big)
    result = run_limited(["check", "resolution.yaml"], tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"resolution.yaml: (tệp): tệp nặng {len(big):,} byte".replace(",", ".")
        + ", vượt giới hạn 8.388.608 byte (một nghị quyết chỉ cần tối đa vài trăm kilobyte)\n"
    )


# -- files: missing, unreadable, in the way --------------------------------------------------------


def test_a_path_through_a_file_is_named(project, capsys):
    (project / "notes.txt").write_text("x\n", encoding="utf-8")
    assert main(["check", "notes.txt/resolution.yaml"]) == 1
    assert capsys.readouterr().err == (
        "notes.txt/resolution.yaml: (tệp): không đọc được tệp [Not a directory]\n"
    )


def test_a_broken_link_is_reported_as_not_found(project, capsys):
    os.symlink(project / "gone.yaml", project / "resolution.yaml")
    assert main(["check", "resolution.yaml"]) == 1
    assert capsys.readouterr().err == (
        "resolution.yaml: (tệp): không tìm thấy tệp (cần tệp YAML của nghị quyết; hãy kiểm tra lại "
        "đường dẫn)\n"
    )


@pytest.fixture
def shared_dir():
    """A folder that the unprivileged user can reach (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="nq-corpus-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def run_unprivileged(args: list[str], cwd: Path) -> tuple[int, str]:
    """`main(ARGS)` in a forked child as an ordinary user; returns (status, error output).

    The tests run as root, and root reads and writes whatever the permissions say. Setting the
    user id to nobody drops root's capabilities, so permissions apply. (A fork rather than a new
    interpreter: the interpreter may sit where nobody may not run it.)
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(read_end)
            os.chdir(cwd)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                status = main(args)
            report = [status, err.getvalue()]
        except BaseException:  # noqa: BLE001 - report it to the parent, whatever it is
            report = [-1, traceback.format_exc()]
        os.write(write_end, json.dumps(report).encode("utf-8"))
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    status, err = json.loads(data)
    return status, err


def test_an_unreadable_resolution_says_permission_denied(shared_dir):
    resolution = shared_dir / "resolution.yaml"
    shutil.copy(SMALL, resolution)
    resolution.chmod(0o000)
    status, err = run_unprivileged(["check", "resolution.yaml"], shared_dir)
    assert status == 1, err
    assert err == ("resolution.yaml: (tệp): không có quyền đọc tệp (hãy cấp quyền đọc) [Permission denied]\n")


def test_an_unwritable_output_folder_is_named_and_left_as_it_was(shared_dir):
    shutil.copy(SMALL, shared_dir / "resolution.yaml")
    main(["build", "--resolution", str(SMALL), "--out", str(shared_dir / "content")])
    for path in [shared_dir / "content", *(p for p in (shared_dir / "content").rglob("*") if p.is_dir())]:
        path.chmod(0o555)
    before = snapshot(shared_dir / "content")
    text = SMALL.read_text(encoding="utf-8").replace("Mỗi tháng họp một lần.", "Mỗi quý họp một lần.")
    (shared_dir / "resolution.yaml").write_text(text, encoding="utf-8")
    status, err = run_unprivileged(["build"], shared_dir)
    assert status == 1, err
    assert err == (
        "content: (nơi ghi kết quả): không ghi được vào thư mục này (hãy cấp quyền ghi, hoặc chọn "
        "thư mục khác bằng --out) [Permission denied]\n"
    )
    assert snapshot(shared_dir / "content") == before


# -- accepted: what Windows editors and some keyboards produce ---------------------------------------


@pytest.mark.parametrize("variant", ["bom-and-crlf", "nfd"])
def test_windows_line_ends_bom_and_decomposed_vietnamese_build_the_same_content(variant, project, capsys):
    text = SMALL.read_text(encoding="utf-8")
    if variant == "nfd":
        data = unicodedata.normalize("NFD", text).encode("utf-8")
        assert data != text.encode("utf-8")
    else:
        data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    (project / "resolution.yaml").write_bytes(SMALL.read_bytes())
    assert main(["build"]) == 0
    before = snapshot(project / "content")
    (project / "resolution.yaml").write_bytes(data)
    assert main(["build"]) == 0, capsys.readouterr().err
    assert snapshot(project / "content") == before
