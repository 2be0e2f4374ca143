"""The code's shape, held by tests: only the write stage writes files, the plugin builds any
resolution its configuration names, no module imports one that imports it back."""

from __future__ import annotations

import ast
import shutil

from tests.conftest import ROOT, SMALL, mkdocs_build

PACKAGE = ROOT / "generator"
WRITE_STAGE = PACKAGE / "write"
# Calls that create, change or remove files and folders.
WRITING_CALLS = {"write_text", "write_bytes", "mkdir", "makedirs", "unlink", "rmdir", "rmtree", "rename",
                 "renames", "symlink_to", "touch", "chmod", "mkdtemp", "mkstemp", "copy2", "copyfile",
                 "copytree", "NamedTemporaryFile", "TemporaryDirectory"}
# Names that also mean something else (str.replace, an in-memory zip): writing when called on
# the os or shutil module, or (replace) with one argument, as Path.replace(target) is.
OS_CALLS = {"replace", "link", "copy", "move"}


def _writes(tree: ast.AST) -> list[str]:
    """Where a module's code writes files: a writing call, or open() with a mode that writes."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        module = getattr(getattr(node.func, "value", None), "id", None)
        if name in WRITING_CALLS or (name in OS_CALLS and (module in ("os", "shutil") or
                                                           (name == "replace" and len(node.args) == 1))):
            found.append(f"line {node.lineno}: {name}()")
        if name == "open":
            modes = [a for a in node.args[1:2]] + [k.value for k in node.keywords if k.arg == "mode"]
            if any(isinstance(m, ast.Constant) and set(str(m.value)) & set("wax+") for m in modes):
                found.append(f"line {node.lineno}: open() for writing")
    return found


def test_only_the_write_stage_writes_files():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if WRITE_STAGE in path.parents:
            continue
        found = _writes(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            offenders[str(path.relative_to(ROOT))] = found
    assert offenders == {}


def test_the_check_finds_a_write_outside_the_write_stage():
    code = ("from pathlib import Path\nPath('x').write_text('y')\nopen('z', 'wb')\nopen('r')\n"
            "'a'.replace('a', 'b')\nos.replace('a', 'b')\nPath('a').replace('b')\n")
    assert _writes(ast.parse(code)) == ["line 2: write_text()", "line 3: open() for writing",
                                        "line 6: replace()", "line 7: replace()"]


def test_the_write_stage_does_write():
    assert _writes(ast.parse((WRITE_STAGE / "tree.py").read_text(encoding="utf-8")))


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
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
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
        encoding="utf-8")
    result = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "bien-phap" / "1" / "index.html").read_text(encoding="utf-8")
    assert "Mỗi tháng họp một lần." in page  # the small fixture's words
    assert (tmp_path / "docs" / "bien-phap" / "1.md").is_file()
    assert (tmp_path / "site" / "bang-kiem" / "don-vi-a" / "bang-kiem-don-vi-a.pdf").is_file()
    assert (tmp_path / "site" / "qr" / "bien-phap-1.svg").read_text(encoding="utf-8").count("https://khac.example/bien-phap/1/")
    assert (tmp_path / "bo-nho" / "bang-kiem").is_dir()  # the configured cache
    assert {p: p.read_bytes() for p in (ROOT / "content").rglob("*") if p.is_file()} == before
