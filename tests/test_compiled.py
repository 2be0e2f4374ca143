"""Compiled templates kept on disk (generator/compiled.py): reused, compiled again when the
template or the environment's options change, and never a reason for a build to fail."""

from __future__ import annotations

import jinja2
import pytest

from generator.write.compiled import TemplateCache


def environment(templates, cache, **options) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), **options)
    env.bytecode_cache = TemplateCache(env, cache)
    return env


def counting(env: jinja2.Environment, compiled: list[str]) -> jinja2.Environment:
    compile_ = env.compile

    def compile_and_count(source, name=None, *args, **kwargs):
        compiled.append(name)
        return compile_(source, name, *args, **kwargs)

    env.compile = compile_and_count
    return env


@pytest.fixture
def templates(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("Xin chào {{ name }}{# a comment #}", encoding="utf-8")
    return folder


def test_a_second_process_takes_the_compiled_template_from_the_cache(templates, tmp_path):
    compiled: list[str] = []
    first = counting(environment(templates, tmp_path / "cache"), compiled)
    assert first.get_template("page.html").render(name="Hà") == "Xin chào Hà"
    second = counting(environment(templates, tmp_path / "cache"), compiled)  # as a new process would
    assert second.get_template("page.html").render(name="Hà") == "Xin chào Hà"
    assert compiled == ["page.html"]


def test_an_edited_template_or_other_options_are_compiled_again(templates, tmp_path):
    compiled: list[str] = []
    counting(environment(templates, tmp_path / "cache"), compiled).get_template("page.html")
    (templates / "page.html").write_text("Tạm biệt {{ name }} [[ name ]]", encoding="utf-8")
    edited = counting(environment(templates, tmp_path / "cache"), compiled)
    assert edited.get_template("page.html").render(name="Hà") == "Tạm biệt Hà [[ name ]]"
    # Other markers: the same source compiles to other code, so it is not taken from the cache.
    other = counting(
        environment(templates, tmp_path / "cache", variable_start_string="[[", variable_end_string="]]"),
        compiled,
    )
    assert other.get_template("page.html").render(name="Hà") == "Tạm biệt {{ name }} Hà"
    assert compiled == ["page.html"] * 3


def test_a_cache_that_cannot_be_written_only_costs_time(templates, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    env = environment(templates, blocked / "cache")
    assert env.get_template("page.html").render(name="Hà") == "Xin chào Hà"
