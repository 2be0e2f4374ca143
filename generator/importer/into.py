"""`import FILE --into EXISTING.yaml`: an amended text into a resolution that has hand-added parts.

The text and what is derived from it are replaced; what only a person adds stays: `site`,
`unit_types`, `requirements`, `not_checkable`, `glossary` (each top-level block copied verbatim,
its comments included), `version`, `status` when it is not what an import states, and each
article's `explanation` and the `aliases` of articles and their parts (matched by id). Then every
requirement whose clause is gone, or whose quote is no longer in its clause, is reported."""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.errors import InputError, Problem
from generator.importer.metadata import status
from generator.load.source import Loaded

Data = dict[str, Any]

KEPT = ("site", "unit_types", "glossary", "requirements", "not_checkable")
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def merge(old: Loaded, text: str, new: Data) -> tuple[Data, dict[str, str]]:
    """The new data with the hand-added parts of the old file (`old`, parsed from `text`); and
    those parts' blocks of the old file's text by key, to be written as they were (a key whose
    block cannot be cut out cleanly is written from the data instead)."""
    if not isinstance(old.data, dict):
        raise InputError(
            [
                Problem(
                    file=old.file,
                    line=1,
                    path="(toàn bộ dữ liệu)",
                    message="không phải dữ liệu của một nghị quyết (cần các trường dạng 'tên: giá trị')",
                )
            ]
        )
    data = dict(new)
    kept = [key for key in KEPT if key in old.data]
    if "version" in old.data:
        data["version"] = old.data["version"]
    old_status = old.data.get("status")
    old_document = old.data.get("document")
    if old_status is not None and (
        not isinstance(old_document, dict) or "date" not in old_document or old_status != status(old_document)
    ):
        data["status"] = old_status
        kept.append("status")
    ordered: Data = {}
    for key, value in data.items():
        ordered[key] = value
        if key == "document" and "site" in kept:
            ordered["site"] = old.data["site"]
    for key in KEPT:
        if key in kept and key not in ordered:
            ordered[key] = old.data[key]
    if "site" in ordered:  # the site before the document, as resolution.yaml has it
        ordered = {k: ordered[k] for k in _site_first(list(ordered))}
    explanations, aliases = _by_id(old.data)
    for article in _articles(ordered):
        if article.get("id") in explanations:
            article["explanation"] = explanations[article["id"]]
        for node in (article, *_walk(article)):
            if node.get("id") in aliases:
                node["aliases"] = aliases[node["id"]]
    return ordered, _blocks(old, text, kept)


def stale_requirements(data: Data, loaded: Loaded) -> list[Problem]:
    """Each requirement of `loaded` (the file as written) whose clause is not in `data` or whose
    quote is not in its clause: one problem each, at the requirement's line."""
    texts: dict[str, str] = {}
    for article in _articles(data):
        whole = [" ".join(filter(None, (article.get("marker"), article.get("title"))))]
        whole += (_line(node) for node in _walk(article))
        for node in (article, *_walk(article)):
            for ident in (node.get("id"), *node.get("aliases", ())):
                if ident:
                    texts[ident] = _words(" ".join(whole) if node is article else _node_text(node))
    problems = []
    for i, req in enumerate(data.get("requirements") or ()):
        if not isinstance(req, dict):
            continue
        rid, clause, quote = req.get("id", i), req.get("clause"), req.get("quote")
        if not isinstance(clause, str) or not isinstance(quote, str):
            continue
        if clause not in texts:
            field, message = (
                "clause",
                (
                    f"{clause} không còn trong văn bản vừa nhập (hãy cho yêu cầu trỏ tới phần văn "
                    "bản hiện quy định nghĩa vụ đó, hoặc xóa yêu cầu)"
                ),
            )
        elif _words(quote) not in texts[clause]:
            field, message = (
                "quote",
                (
                    f"không còn trong lời văn của {clause} (hãy chép lại nguyên văn từ phần văn "
                    "bản đã sửa đổi, hoặc xóa yêu cầu)"
                ),
            )
        else:
            continue
        problems.append(
            Problem(
                file=loaded.file,
                line=loaded.line(("requirements", i, field)),
                path=f"requirements[{rid}].{field}",
                message=message,
            )
        )
    return problems


def _site_first(keys: list[str]) -> list[str]:
    keys = [k for k in keys if k != "site"]
    at = keys.index("document") if "document" in keys else len(keys)
    return [*keys[:at], "site", *keys[at:]]


def _blocks(old: Loaded, text: str, keys: list[str]) -> dict[str, str]:
    """The old file's text of each top-level key in `keys`, with the comment lines right above it."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _KEY.match(line)]
    blocks: dict[str, str] = {}
    for n, start in enumerate(starts):
        key = _KEY.match(lines[start]).group(1)  # type: ignore[union-attr]
        if key not in keys:
            continue
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        begin = start
        while begin > 0 and lines[begin - 1].startswith("#"):
            begin -= 1
        block = "".join(lines[begin:end])
        try:
            same = yaml.safe_load(block) == {key: old.data[key]}
        except yaml.YAMLError:
            same = False
        if same:
            blocks[key] = block if block.endswith("\n") else block + "\n"
    return blocks


def _by_id(old: Data) -> tuple[dict[str, Any], dict[str, Any]]:
    explanations: dict[str, Any] = {}
    aliases: dict[str, Any] = {}
    for article in _articles(old):
        if "explanation" in article and isinstance(article.get("id"), str):
            explanations[article["id"]] = article["explanation"]
        for node in (article, *_walk(article)):
            if isinstance(node.get("id"), str) and node.get("aliases"):
                aliases[node["id"]] = node["aliases"]
    return explanations, aliases


def articles_of(data: Data) -> list[Data]:
    """Every article of the data, with or without chapters."""
    return _articles(data)


def _articles(data: Data) -> list[Data]:
    found = [a for c in data.get("chapters") or () if isinstance(c, dict) for a in c.get("articles") or ()]
    found += list(data.get("articles") or ())
    return [a for a in found if isinstance(a, dict)]


def _walk(node: Data):
    for part in node.get("parts") or ():
        if isinstance(part, dict):
            yield part
            yield from _walk(part)


def _line(node: Data) -> str:
    if "table" in node:
        return " ".join(" ".join(map(str, row)) for row in node["table"])
    return " ".join(filter(None, (node.get("marker"), node.get("text"))))


def _node_text(node: Data) -> str:
    return " ".join([_line(node), *(_line(p) for p in _walk(node))])


def _words(text: str) -> str:
    return " ".join(str(text).split())
