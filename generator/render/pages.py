"""Model -> {content path: text}: every page of the site as Markdown, and the files MkDocs copies
as they are (open data, redirect pages). Pure: no disk access but reading the templates."""

from __future__ import annotations

import datetime
from pathlib import Path, PurePosixPath

from generator import paths
from generator.model import Resolution
from generator.render import aggregate, checklist, glossary, legislation, official, opendata, trainers
from generator.render.environment import markdown_environment
from generator.write.cache import NO_CACHE, Cache


def render_site(
    model: Resolution,
    *,
    site_url: str,
    date: datetime.date,
    source_name: str = "resolution.yaml",
    templates_cache: Path | None = None,
    cache: Cache = NO_CACHE,
) -> dict[str, str]:
    """Every generated page, keyed by its path in the content directory, in a stable order.

    `site_url` is the published address with its final slash (absolute links, QR codes, copy
    buttons name it); `date` is the build date printed on the checklists; `cache` keeps the
    checklists' QR codes."""
    env = markdown_environment(templates_cache)
    source_name = PurePosixPath(source_name).name
    # NOTE: the names every template may use, beside its own variables.
    common = {
        "model": model,
        "source_name": source_name,
        "SITE_URL": site_url,
        "checklist": checklist,
        "opendata": opendata,
        "glance": trainers.glance,
        "legislation": legislation,
        # The official layout's helpers (header columns, chapter labels, cited parts).
        "layout": official,
        # The same on every page: it describes the resolution (render/legislation.py).
        "jsonld": legislation.jsonld(model, site_url),
    }
    # NOTE: a text in the official layout has pages of its own shape (the document as printed,
    # chapters, articles with their khoản and điểm); the news article's shape keeps its own.
    shaped = "_official" if model.official_layout else ""
    pages: list[tuple[str, str, dict]] = [
        (paths.HOME, "home.md.jinja2", {}),
        (paths.FULL_TEXT, f"full_text{shaped}.md.jinja2", {}),
        (paths.ABOUT, "about.md.jinja2", {}),
    ]
    for section in model.sections:
        pages.append((paths.section_page(section), f"section{shaped}.md.jinja2", {"section": section}))
    section_of = {item.id: section for section in model.sections for item in section.items}
    for item in model.items:
        previous, next_ = model.neighbours(item.id)
        extra = {"item": item, "section": section_of[item.id], "previous": previous, "next": next_}
        if item.is_article:
            extra["jsonld"] = legislation.jsonld_of_article(model, item, site_url)
        template = "article.md.jinja2" if item.is_article else "item.md.jinja2"
        pages.append((paths.item_page(item), template, extra))
    pages += checklist.pages(
        model, site_url=site_url, date=date, templates_cache=templates_cache, cache=cache
    )
    pages += aggregate.pages(model)
    pages += glossary.pages(model)
    plan: dict[str, str] = {}
    for here, template, extra in pages:
        if here in plan:
            raise ValueError(f"two pages claim {here}")  # ids are validated unique; a bug if hit
        plan[here] = env.get_template(template).render(here=here, **{**common, **extra})
    for here, text in {
        **trainers.render_trainer_pages(model, env, common),
        **opendata.render_open_data(model),
    }.items():
        if here in plan:
            raise ValueError(f"two pages claim {here}")
        plan[here] = text
    return dict(sorted(glossary.with_tooltips(plan, model).items()))


def nav(model: Resolution) -> list:
    """The MkDocs navigation, in the order of the text."""
    entries: list = [{"Trang chủ": paths.HOME}, {"Toàn văn Nghị quyết": paths.FULL_TEXT}]
    for section in model.sections:
        children = [paths.section_page(section)] + [paths.item_page(item) for item in section.items]
        entries.append({official.section_label(section): children})
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
    return [
        {
            "Bảng kiểm": [paths.CHECKLISTS]
            + [paths.checklist_page(cl.unit) for cl in lists]
            + [paths.AGGREGATE]
        }
    ]
