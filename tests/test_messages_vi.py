"""Messages about the data are in Vietnamese: no message of either corpus (tests/corpus/,
tests/corpus-import/) and no description of the JSON Schema (the editors' tooltips) has an
English sentence outside brackets or quotes. Words that come from elsewhere (PyYAML's, the
operating system's, Unicode's names) stand in square brackets after our sentence, and quoted
values are the editor's own; both are left out of the check.
"""

from __future__ import annotations

import json
import re

import pytest

from generator.check.schema import SCHEMA_PATH
from tests.conftest import ROOT

CORPORA = [ROOT / "tests" / "corpus", ROOT / "tests" / "corpus-import"]
MESSAGES = [
    line
    for corpus in CORPORA
    for path in sorted(corpus.glob("*.expected"))
    for line in path.read_text(encoding="utf-8").splitlines()
]

# Common English words: three of them in a row are an English sentence, not a kept term.
COMMON = set(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "be",
        "been",
        "not",
        "no",
        "must",
        "should",
        "can",
        "cannot",
        "could",
        "would",
        "will",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "and",
        "or",
        "but",
        "if",
        "than",
        "then",
        "also",
        "only",
        "one",
        "more",
        "each",
        "every",
        "any",
        "all",
        "line",
        "lines",
        "file",
        "files",
        "text",
        "value",
        "values",
        "field",
        "fields",
        "first",
        "used",
        "already",
        "found",
        "has",
        "have",
        "had",
        "does",
        "do",
        "did",
        "what",
        "where",
        "which",
        "when",
        "who",
        "missing",
        "unknown",
        "duplicate",
        "expected",
        "contains",
        "character",
        "invisible",
        "allowed",
        "too",
        "out",
        "order",
        "delete",
        "remove",
        "add",
        "put",
        "write",
        "correct",
        "check",
        "give",
        "make",
        "keep",
        "after",
        "before",
        "above",
        "below",
        "into",
        "without",
        "between",
        "same",
        "other",
        "another",
    ]
)
# Words that alone say a message was left in English.
TELLING = {"expected", "must", "cannot", "missing", "duplicate", "unknown", "found", "should", "the"}
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_INNER = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_PLACE = re.compile(r"^\S+?:(?:\d+:)? ")


def english_outside_brackets(message: str) -> list[str]:
    """The English found in `message` outside its brackets and quotes: runs of 3 or more common
    English words, and telling words such as 'expected'."""
    text = _QUOTED.sub(" ", _PLACE.sub("", message))
    while (shorter := _INNER.sub(" ", text)) != text:
        text = shorter
    words = [w.strip(".,;:?!").lower() for w in text.split()]
    found, run = [], []
    for word in [*words, ""]:
        if word in COMMON:
            run.append(word)
            continue
        if len(run) >= 3:
            found.append(" ".join(run))
        run = []
    found += [w for w in words if w in TELLING]
    return found


@pytest.mark.parametrize(
    "old",
    [  # messages as they were before they were translated: each must be caught
        "resolution.yaml:13: source.author: missing (expected the article's author)",
        "resolution.yaml:1: (document): the file has no data (expected the resolution as a YAML mapping)",
        "resolution.yaml:173: chapters[chuong-ii].id: duplicate id 'chuong-ii' (first used at line 113; "
        "every id must be unique)",
        "resolution.yaml:16: source.author: YAML syntax: while scanning for the next token, found "
        "character '\\t' that cannot start any token (indent with spaces, not tabs)",
        "empty.txt: the file is empty (expected the resolution's text)",
        "article-twice.txt:57: Điều 3 appears twice in the document (the first is at line 32; renumber "
        "one of them, or delete the repeated one)",
        "resolution.yaml:45: sections[dieu-1].id: 'dieu-1' would give this section the address /dieu-1/, "
        "which the site uses for its own pages (expected another id, e.g. one made from the section's name)",
    ],
)
def test_the_check_catches_an_english_message(old):
    assert english_outside_brackets(old)


def test_the_check_lets_pass_what_is_in_brackets_or_quotes():
    assert not english_outside_brackets(
        "resolution.yaml:16: source.author: lỗi cú pháp YAML: dòng này thụt lề bằng ký tự tab (hãy thụt "
        "lề bằng dấu cách) [while scanning for the next token, found character '\\t' that cannot start "
        "any token]"
    )
    assert not english_outside_brackets(
        "resolution.yaml:53: sections[x].text: có ký tự ẩn U+200B [ZERO WIDTH SPACE] (hãy xóa ký tự này)"
    )


def test_the_corpora_have_messages():
    assert len(MESSAGES) >= 100


@pytest.mark.parametrize("message", MESSAGES)
def test_no_corpus_message_has_english_outside_brackets(message):
    assert english_outside_brackets(message) == []


def _descriptions(node) -> list[str]:
    if isinstance(node, dict):
        own = [node["description"]] if isinstance(node.get("description"), str) else []
        return own + [d for value in node.values() for d in _descriptions(value)]
    if isinstance(node, list):
        return [d for value in node for d in _descriptions(value)]
    return []


DESCRIPTIONS = _descriptions(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
_VIETNAMESE = re.compile("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.I)


@pytest.mark.parametrize("description", DESCRIPTIONS)
def test_every_description_of_the_schema_is_vietnamese(description):
    assert _VIETNAMESE.search(description), description
    assert english_outside_brackets(f"x: {description}") == []
