"""The code's shape, held by tests: only the write stage writes files, the plugin builds any
resolution its configuration names, no module imports one that imports it back."""

from __future__ import annotations

import ast
import shutil

from tests.conftest import ROOT, SMALL, mkdocs_build

PACKAGE = ROOT / "generator"
WRITE_STAGE = PACKAGE / "write"


# Calls that write, create, rename or remove files or folders. NOTE: a Path's `replace` is told
# from a string's by its one argument (str.replace takes two); `os.replace` and every `rename` too.
_ANY = {
    "write_text",
    "write_bytes",
    "mkdir",
    "rmdir",
    "unlink",
    "touch",
    "rename",
    "symlink_to",
    "hardlink_to",
}
_OF_MODULE = {
    "os": {
        "replace",
        "rename",
        "renames",
        "remove",
        "removedirs",
        "mkdir",
        "makedirs",
        "link",
        "symlink",
        "chmod",
        "mkfifo",
        "truncate",
    },
    "shutil": {"copy", "copy2", "copyfile", "copytree", "move", "rmtree", "make_archive"},
    "tempfile": {"mkdtemp", "mkstemp", "TemporaryDirectory", "NamedTemporaryFile", "TemporaryFile"},
}


def _writes(node: ast.AST) -> bool:
    if isinstance(node, ast.ImportFrom):
        return any(alias.name in _OF_MODULE.get(node.module or "", ()) for alias in node.names)
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name) and func.id == "open":
        mode = (
            node.args[1]
            if len(node.args) > 1
            else next((k.value for k in node.keywords if k.arg == "mode"), None)
        )
        return mode is not None and not (
            isinstance(mode, ast.Constant) and not set(str(mode.value)) & set("wxa+")
        )
    if isinstance(func, ast.Attribute):
        if func.attr == "write_pdf":  # WeasyPrint returns the bytes when given no target
            return bool(node.args) or any(k.arg == "target" for k in node.keywords)
        if func.attr in _ANY or (func.attr == "replace" and len(node.args) == 1):
            return True
        return isinstance(func.value, ast.Name) and func.attr in _OF_MODULE.get(func.value.id, ())
    return False


def test_only_the_write_stage_writes_files():
    """Nothing outside generator/write/ opens a file for writing, creates, renames or removes one."""
    offenders = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("generator/write/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if _writes(node):
                offenders.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert offenders == []


def test_the_check_finds_writes_and_leaves_reads_alone():
    code = (
        "from pathlib import Path\nPath('x').write_text('y')\nopen('z', 'wb')\nopen('r')\n"
        "'a'.replace('a', 'b')\nos.replace('a', 'b')\nPath('a').replace('b')\nfrom shutil import rmtree\n"
    )
    found = [node.lineno for node in ast.walk(ast.parse(code)) if _writes(node)]
    assert sorted(found) == [2, 3, 6, 7, 8]


def test_the_write_stage_does_write():
    tree = ast.parse((WRITE_STAGE / "tree.py").read_text(encoding="utf-8"))
    assert any(_writes(node) for node in ast.walk(tree))


def test_no_function_imports_a_module_of_the_package():
    """Imports at the top of modules only: a function-level import of our own modules is how an
    import loop hides. (Imports of heavy third-party libraries inside functions are allowed.)"""
    hidden = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.ImportFrom) and (inner.module or "").startswith("generator"):
                        hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert hidden == []


def test_every_module_is_at_most_300_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300
    }
    assert long == {}


def test_the_plugin_builds_the_resolution_its_configuration_names(tmp_path):
    """A temporary mkdocs.yml that names another resolution file (in another folder) gets that
    resolution's site; the repository's content/ is not touched."""
    before = {p: p.read_bytes() for p in (ROOT / "content").rglob("*") if p.is_file()}
    (tmp_path / "data").mkdir()
    shutil.copy(SMALL, tmp_path / "data" / "nghi-quyet-khac.yaml")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Thử nghiệm\nsite_url: https://khac.example/\ndocs_dir: docs\n"
        "theme:\n  name: material\n  language: vi\n"
        "plugins:\n  - nghi-quyet:\n      resolution: data/nghi-quyet-khac.yaml\n      cache_dir: bo-nho\n"
        "  - search\n"
        "markdown_extensions: [toc, attr_list, md_in_html, admonition, abbr, pymdownx.escapeall]\n",
        encoding="utf-8",
    )
    result = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "bien-phap" / "1" / "index.html").read_text(encoding="utf-8")
    assert "Mỗi tháng họp một lần." in page  # the small fixture's words
    assert (tmp_path / "docs" / "bien-phap" / "1.md").is_file()
    assert (tmp_path / "site" / "bang-kiem" / "don-vi-a" / "bang-kiem-don-vi-a.pdf").is_file()
    assert (
        (tmp_path / "site" / "qr" / "bien-phap-1.svg")
        .read_text(encoding="utf-8")
        .count("https://khac.example/bien-phap/1/")
    )
    assert (tmp_path / "bo-nho" / "bang-kiem").is_dir()  # the configured cache
    assert {p: p.read_bytes() for p in (ROOT / "content").rglob("*") if p.is_file()} == before
