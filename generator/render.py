"""Model -> {content path: text}. Pure: no disk access but reading the templates."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path, PurePosixPath

import jinja2

from generator import checklist, compiled, glossary, paths
from generator.model import Resolution

TEMPLATES = Path(__file__).with_name("templates")

# Characters that start Markdown or extension syntax anywhere in a line (emphasis, code, links,
# raw HTML, entities, attribute lists, tables, keys/mark/caret/tilde). pymdownx.escapeall makes a
# backslash escape any character, so escaping these keeps text literal whatever it contains.
_ALWAYS = frozenset("\\`*_{}[]!|~^=+#:")
# NOTE: <, > and & become entities, not backslash escapes: inside an HTML block with the
# `markdown` attribute, Python-Markdown's HTML parser reads `\<script>` as a tag before any
# escape is applied, and would swallow the rest of the page as script.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ESCAPES = str.maketrans({**{c: "\\" + c for c in _ALWAYS}, **_ENTITIES})
# Characters that start a block (lists, headings, snippets) only at the start of a line.
_LINE_START = frozenset("-+*#")
_ORDERED = re.compile(r"^(\d+)([.)])")


def md(text: str) -> str:
    """Escape text for Markdown so that it is shown literally, never as markup."""
    out = text.translate(_ESCAPES)
    if out[:1] in _LINE_START:
        out = "\\" + out
    return _ORDERED.sub(r"\1\\\2", out)


def yaml_str(text: str) -> str:
    """A YAML-safe scalar for front matter (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def date_vn(value) -> str:
    """07/12/2023: days and months with a leading zero, as Vietnamese documents write them."""
    return f"{value:%d/%m/%Y}"


def summary(text: str, limit: int = 155) -> str:
    """The first words of a text, cut at a word boundary, for a meta description."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


@functools.cache
def environment() -> jinja2.Environment:
    """The strict Jinja environment all pages are rendered with; one per process, so that
    `mkdocs serve` compiles a template again only when its file changes (Jinja checks)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # NOTE: `{#id}` is attribute-list syntax in our Markdown; Jinja comments are `{## ##}`.
        comment_start_string="{##",
        comment_end_string="##}",
        autoescape=False,  # NOTE: Markdown is not HTML: data goes through `md`, in the templates.
    )
    env.bytecode_cache = compiled.TemplateCache(env, compiled.GENERATOR_CACHE)
    env.filters.update(md=md, yaml_str=yaml_str, date_vn=date_vn, summary=summary)
    env.globals.update(paths=paths, checklist=checklist)

    @jinja2.pass_context
    def href(context, target: str, anchor: str | None = None) -> str:
        return paths.link(context["here"], target, anchor)

    env.globals["href"] = href
    from generator import trainers  # NOTE: issue 5's filters and globals (attr, SITE_URL ...)

    trainers.install(env)
    glossary.register(env)
    return env


def render_site(model: Resolution, source_name: str = "resolution.yaml") -> dict[str, str]:
    """Every generated page, keyed by its path in the content directory, in a stable order."""
    env = environment()
    items = model.items
    pages: list[tuple[str, str, dict]] = [
        (paths.HOME, "home.md.jinja2", {}),
        (paths.FULL_TEXT, "full_text.md.jinja2", {}),
        (paths.ABOUT, "about.md.jinja2", {}),
    ]
    for section in model.sections:
        pages.append((paths.section_page(section), "section.md.jinja2", {"section": section}))
    section_of = {item.id: section for section in model.sections for item in section.items}
    for i, item in enumerate(items):
        pages.append((paths.item_page(item), "item.md.jinja2", {
            "item": item,
            "section": section_of[item.id],
            "previous": items[i - 1] if i > 0 else None,
            "next": items[i + 1] if i + 1 < len(items) else None,
        }))
    pages += checklist.pages(model)
    pages += glossary.pages(model)
    plan: dict[str, str] = {}
    for here, template, extra in pages:
        if here in plan:
            raise ValueError(f"two pages claim {here}")  # ids are validated unique; a bug if hit
        plan[here] = env.get_template(template).render(
            model=model, here=here, source_name=PurePosixPath(source_name).name, **extra)
    for here, text in _trainer_files(model, env, PurePosixPath(source_name).name).items():
        if here in plan:
            raise ValueError(f"two pages claim {here}")
        plan[here] = text
    return dict(sorted(glossary.with_tooltips(plan, model).items()))


def _trainer_files(model: Resolution, env: jinja2.Environment, source_name: str) -> dict[str, str]:
    """Issue 5: the trainers' pages, alias redirects and the open data (JSON and its schema)."""
    from generator import opendata, trainers

    return {**trainers.render_trainer_pages(model, env, source_name),
            **opendata.render_open_data(model)}


def nav(model: Resolution) -> list:
    """The MkDocs navigation, in the order of the text."""
    entries: list = [{"Trang chủ": paths.HOME}, {"Toàn văn Nghị quyết": paths.FULL_TEXT}]
    for section in model.sections:
        children = [paths.section_page(section)] + [paths.item_page(item) for item in section.items]
        entries.append({section.title: children})
    entries.append({"Giới thiệu": paths.ABOUT})
    entries += glossary.nav(model)
    entries += checklist_nav(model)
    entries.append({"Cho giảng viên": [paths.TRAINERS, paths.COLLECTION, paths.LEAFLET]})
    return entries


def checklist_nav(model: Resolution) -> list:
    """The navigation entry of the checklists, if the data has any."""
    lists = checklist.checklists(model)
    if not lists:
        return []
    return [{"Bảng kiểm": [paths.CHECKLISTS] + [paths.checklist_page(cl.unit) for cl in lists]}]
