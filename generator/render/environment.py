"""The Jinja environments the pages and the checklist form are rendered with: strict, one per
process and cache folder, so that `mkdocs serve` compiles a template again only when its file
changes (Jinja checks), and a new process takes compiled templates from the cache."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
import markupsafe

from generator import paths, resources
from generator.render import citation, glossary, markdown, report
from generator.write.compiled import TemplateCache


@functools.cache
def markdown_environment(cache: Path | None) -> jinja2.Environment:
    """The environment of the Markdown pages (`templates/*.md.jinja2`). Data goes through the
    `md` filter, raw HTML through `attr`: autoescape is off because Markdown is not HTML."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(resources.TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # NOTE: `{#id}` is attribute-list syntax in our Markdown; Jinja comments are `{## ##}`.
        comment_start_string="{##",
        comment_end_string="##}",
        autoescape=False,
    )
    if cache is not None:
        env.bytecode_cache = TemplateCache(env, cache)
    env.filters.update(
        md=markdown.md,
        yaml_str=markdown.yaml_str,
        date_vn=markdown.date_vn,
        summary=markdown.summary,
        attr=markdown.attr,
        term_id=glossary.term_id,
    )
    env.globals.update(paths=paths, item_citation=citation.of_item, report_mailto=report.mailto)

    @jinja2.pass_context
    def href(context, target: str, anchor: str | None = None) -> str:
        return paths.link(context["here"], target, anchor)

    env.globals["href"] = href
    return env


@functools.cache
def html_environment(cache: Path | None) -> jinja2.Environment:
    """The environment of the HTML fragments (`templates/*.html.jinja2`): autoescaped, but for
    text through `md` (Markdown-escaped instead)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(resources.TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    if cache is not None:
        env.bytecode_cache = TemplateCache(env, cache)
    # NOTE: for the text of elements with the `markdown` attribute, which is Markdown, not HTML.
    env.filters["md"] = lambda text: markupsafe.Markup(markdown.md(text))
    return env
