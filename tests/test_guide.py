"""The editors' guide (HUONG-DAN-BIEN-TAP.md) names only what exists: every command is a make
target or a subcommand with options of the CLI's own parser, every data field is in the JSON
Schema, every message it quotes is a corpus message exactly, and every YAML example passes the
whole check once placed in the real data. The README links it on its first screen.

Each check is also run on a slip of the kind it must catch, so that none passes vacuously."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from tests import guide
from tests.guide import GUIDE, ROOT, SCHEMA

TEXT = GUIDE.read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
SETTINGS = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
SCHEMA_DATA = json.loads(SCHEMA.read_text(encoding="utf-8"))
EXPECTED = {
    p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8").rstrip("\n")
    for folder in ("tests/corpus", "tests/corpus-import")
    for p in sorted((ROOT / folder).glob("*.expected"))
}
# Where an example is placed: NQ 55's data (a text in sections), and the fictional official text
# with its checklist (chapters, articles, khoản, điểm).
BASES = {
    "resolution.yaml": yaml.safe_load((ROOT / "resolution.yaml").read_text(encoding="utf-8")),
    "nq-99-2025-gia-dinh.yaml": yaml.safe_load(
        "\n".join(
            (ROOT / "tests" / "fixtures" / "official" / name).read_text(encoding="utf-8")
            for name in ("nq-99-2025-gia-dinh.yaml", "requirements-block.yaml")
        )
    ),
}


def _problems(check, items):
    return [problem for item in items if (problem := check(item))]


def test_every_block_is_of_a_kind_the_test_reads():
    kinds = [(b.line, b.kind) for b in guide.blocks(TEXT) if b.kind not in guide.KINDS]
    assert kinds == []


def test_every_command_is_a_make_target_or_the_generator_s_own():
    found = list(guide.commands(TEXT))
    assert _problems(lambda w: guide.command_problem(w, MAKEFILE, SETTINGS), found) == []
    makes = {w for words in found if "make" in words for w in words[words.index("make") + 1 :]}
    subcommands = {words[words.index("-m") + 2] for words in found if "-m" in words}
    # The guide's sections: install, check, preview, import, publish.
    assert {"serve", "test", "check", "site", "offline"} <= makes
    assert {"check", "serve", "import", "site", "offline"} <= subcommands
    options = {w for words in found for w in words if w.startswith("--")}
    assert {"--resolution", "--output", "--force", "--into", "--site-url"} <= options


@pytest.mark.parametrize(
    "line",
    [
        "make chek",
        "SITE_ADDRESS=https://example.gov.vn/ make site",
        "python -m generator imprt NQ.docx --output nq.yaml",
        "python -m generator import NQ.docx --outptu nq.yaml",
        "python -m generator import NQ.docx --out nq.yaml",
        "python -m generator import NQ.docx --output nq.yaml --into old.yaml",
        "python -m generator check --resolution nq.yaml",
        "python -m generator serve --resolution",
    ],
)
def test_a_command_that_does_not_exist_is_caught(line):
    (words,) = guide.commands(f"```sh\n{line}\n```\n")
    assert guide.command_problem(words, MAKEFILE, SETTINGS)


def test_every_field_named_in_backticks_is_in_the_schema():
    named = guide.fields(TEXT)
    assert len(named) > 30
    assert _problems(lambda p: guide.path_problem(p, SCHEMA_DATA), named) == []


@pytest.mark.parametrize(
    "path", ["qoute", "requirements[x].quotes", "explanation.citizens", "document.author"]
)
def test_a_field_that_does_not_exist_is_caught(path):
    assert guide.path_problem(path, SCHEMA_DATA)


def test_every_key_of_the_yaml_examples_is_in_the_schema():
    examples = [yaml.safe_load(b.body) for b in guide.blocks(TEXT) if b.kind == "yaml"]
    assert len(examples) >= 6
    fields = guide.field_names(SCHEMA_DATA)
    assert {k for example in examples for k in guide.keys(example)} - fields == set()
    assert "qoute" not in fields


def test_every_yaml_example_passes_the_check_in_the_real_data():
    found = [b for b in guide.blocks(TEXT) if b.kind == "yaml"]
    problems = {
        b.line: problem for b in found if (problem := guide.context_problem(yaml.safe_load(b.body), BASES))
    }
    assert problems == {}


@pytest.mark.parametrize(
    "example",
    [
        # a quote that is not in its clause
        {"requirements": [{"id": "d4-hoi-nghi-nguoi-lao-dong", "quote": "hội nghị người lao động hằng năm"}]},
        # a unit type the data does not have
        {"requirements": [{"id": "d2-doi-tuong", "applies_to": ["truong-hoc"]}]},
        # a field the schema does not have
        {"glossary": [{"term": "HĐND", "expanson": "Hội đồng nhân dân"}]},
    ],
)
def test_an_example_that_does_not_fit_the_data_is_caught(example):
    assert guide.context_problem(example, BASES)


def test_the_merge_renames_an_entry_by_its_alias():
    base = {"items": [{"id": "a", "text": "x"}, {"id": "b"}]}
    assert guide.merged(base, {"items": [{"id": "a2", "aliases": ["a"]}]}) == {
        "items": [{"id": "a2", "text": "x", "aliases": ["a"]}, {"id": "b"}]
    }


def test_every_quoted_message_is_a_corpus_message_exactly():
    quoted = [b for b in guide.blocks(TEXT) if b.kind == "text"]
    assert len(quoted) >= 12
    assert [(b.line, b.body) for b in quoted if b.body.rstrip("\n") not in EXPECTED.values()] == []
    # Both corpora: the data's messages and the import's.
    sources = {
        name.split("/")[1] for name, text in EXPECTED.items() for b in quoted if b.body.rstrip("\n") == text
    }
    assert sources == {"corpus", "corpus-import"}


def test_every_link_of_the_guide_names_a_file_of_the_project():
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", guide.prose(TEXT))
    local = [t for t in targets if not re.match(r"[a-z]+:", t)]
    assert local
    assert [t for t in local if not (ROOT / t).exists()] == []


def test_every_anchor_of_the_guide_is_one_of_its_headings():
    headings = {
        guide.slug(line.lstrip("#")) for line in guide.prose(TEXT).splitlines() if line.startswith("#")
    }
    anchors = re.findall(r"\]\(#([^)]+)\)", TEXT)
    assert len(anchors) >= 12
    assert [a for a in anchors if a not in headings] == []
    assert guide.slug("12. Thông báo lỗi: cách đọc, từng loại") == "12-thông-báo-lỗi-cách-đọc-từng-loại"


def test_the_readme_links_the_guide_on_its_first_screen():
    first_screen = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:12])
    assert f"]({GUIDE.name})" in first_screen


def test_the_words_kept_in_english_are_explained_first():
    section = TEXT.split("\n## 1. ", 1)[1].split("\n## ", 1)[0]
    explained = set(re.findall(r"^\| \*\*([^*]+)\*\*", section, re.MULTILINE))
    assert {"YAML", "id", "alias", "schema", "DOCX", "UTF-8", "WSL"} <= explained


def test_every_phrase_the_guide_explains_is_in_the_messages():
    section = TEXT.split("\n## 12. ", 1)[1]
    phrases = re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE)
    assert len(phrases) >= 8
    assert [p for p in phrases if not any(p in text for text in EXPECTED.values())] == []
    assert not any("thiếu trường bắc buộc" in text for text in EXPECTED.values())
