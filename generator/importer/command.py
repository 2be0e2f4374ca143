"""The `import` command's two ways, joined from the stages: read and recognise the input
(importer), dump it (dump.py), check it as `check` would (check/), write it (write/)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.check.validate import validate
from generator.errors import InputError, Problem, unwritable
from generator.importer import import_file
from generator.importer import into as merging
from generator.importer.dump import yaml_text
from generator.load import source
from generator.load.reading import read_text
from generator.write.tree import write_atomic


@dataclass(frozen=True, slots=True)
class Report:
    """What `--into` tells: problems left to fix (one a line) and a summary."""

    lines: tuple[str, ...]
    summary: str


def output(path: Path, out: Path) -> str:
    """Import `path` into the new file `out` (written only if the import and its check succeed);
    returns the summary line."""
    data = import_file(path, str(path))
    text = yaml_text(data, out, path.name)
    try:
        validate(source.parse(text, str(out)))
    except InputError as err:
        raise InputError([*err.problems, _bug(out)]) from None
    _write(out, text)
    return (
        f"{out}: đã nhập từ {path} ({_counts(data)}); hãy đối chiếu với bản gốc, rồi bổ sung những phần "
        "chỉ người biên tập làm được"
    )


def into(path: Path, existing: Path) -> Report:
    """Import `path` into `existing`, keeping its hand-added parts; the report of what to fix.

    Exit status (the CLI's): 1 when a requirement lost its clause or quote, or the file does not
    pass the check after the import (it is written all the same: the text is the new one and the
    hand-added parts wait there to be fixed); 0 otherwise. Nothing is written when the input or
    the existing file cannot be read."""
    name = str(existing)
    old_text = read_text(existing, name)
    old = source.parse(old_text, name)
    data = import_file(path, str(path))
    merged, blocks = merging.merge(old, old_text, data)
    text = yaml_text(merged, existing, path.name, blocks)
    loaded = source.parse(text, name)
    stale = merging.stale_requirements(merged, loaded)
    try:
        validate(loaded)
        others: tuple[Problem, ...] = ()
    except InputError as err:
        named = {p.path.split("]")[0] for p in stale}
        others = tuple(p for p in err.problems if p.path.split("]")[0] not in named)
    _write(existing, text)
    lines = tuple(str(p) for p in sorted(stale, key=lambda p: p.line or 0)) + tuple(str(p) for p in others)
    kept = ", ".join(
        k for k in (*merging.KEPT, "status") if k in blocks or (k in merged and k in (old.data or {}))
    )
    summary = (
        f"{existing}: đã thay văn bản bằng văn bản từ {path} ({_counts(merged)}); "
        f"giữ lại: {kept or 'không có gì'}"
    )
    if lines:
        summary += f"; {len(lines)} lỗi cần sửa, liệt kê ở trên"
    return Report(lines, summary)


def _counts(data: dict) -> str:
    articles = merging.articles_of(data)
    chapters = len(data.get("chapters") or ())
    return f"{chapters} chương, {len(articles)} điều" if chapters else f"{len(articles)} điều"


def _bug(out: Path) -> Problem:
    return Problem(
        file=str(out),
        line=None,
        path="",
        message="chưa ghi tệp: dữ liệu vừa nhập không qua được bước kiểm tra (đây là lỗi của công cụ "
        "nhập; xin báo lỗi kèm tệp đầu vào)",
    )


def _write(target: Path, text: str) -> None:
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as err:
        raise unwritable(target.parent, err, "--output") from None
