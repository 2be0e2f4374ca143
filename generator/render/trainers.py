"""Pages for trainers: the handout of link targets, the collection page, the A4 leaflet and one
projector page per item; and the redirects that keep an item's old ids working.

Absolute URLs (printed in handouts, encoded in QR codes) are made from the site's address, which
the renderers are given (`SITE_URL` in the templates' context).
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from generator import paths
from generator.model import Item, Resolution
from generator.render import checklist, citation, glossary, official
from generator.render.markdown import attr


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    """Something a trainer links to: a page, or an anchor in one, with its citation."""

    id: str
    label: str
    title: str
    page: str
    anchor: str | None
    citation: str
    item: Item | None = None

    @property
    def url(self) -> str:
        """Site-relative URL: `bien-phap/3/` or `nghi-quyet/#bien-phap-3`."""
        return paths.url(self.page) + (f"#{self.anchor}" if self.anchor else "")

    @property
    def qr(self) -> str:
        """Site-relative path of its QR code (written by the build)."""
        return paths.qr_file(self.page, self.anchor)


def link_targets(model: Resolution) -> tuple[Target, ...]:
    """Every published link target, in the order of the navigation: the home page, the full
    text, the sections and every item, then the pages the data may add (the citizens' page, the
    glossary and each of its terms, the checklists and each unit type's)."""
    d = model.document
    out = [
        Target(
            id="trang-chu",
            label="Trang chủ",
            title=f"{d.type} số {d.number}",
            page=paths.HOME,
            anchor=None,
            citation=model.citation,
        ),
        Target(
            id="toan-van",
            label="Toàn văn",
            title=f"{d.type} số {d.number}",
            page=paths.FULL_TEXT,
            anchor=None,
            citation=model.citation,
        ),
    ]
    for section in model.sections:
        out.append(
            Target(
                id=section.id,
                label=official.section_label(section),
                title=official.section_label(section),
                page=paths.section_page(section),
                anchor=None,
                citation=official.section_citation(model, section),
            )
        )
        for item in section.items:
            out.append(
                Target(
                    id=item.id,
                    label=item.label,
                    title=glance(item),
                    page=paths.item_page(item),
                    anchor=None,
                    citation=citation.of_item(model, item),
                    item=item,
                )
            )
    return tuple(out + _page_targets(model))


def _page_targets(model: Resolution) -> list[Target]:
    """Targets of the pages that exist only when the data has explanations, a glossary or
    requirements; their citations come from generator/citation.py."""
    out: list[Target] = []
    if glossary.has_citizens_page(model):
        out.append(
            Target(
                id="nguoi-dan",
                label=citation.CITIZENS,
                title=citation.CITIZENS,
                page=paths.CITIZENS,
                anchor=None,
                citation=citation.of_citizens(model),
            )
        )
    if model.glossary:
        out.append(
            Target(
                id="thuat-ngu",
                label=citation.GLOSSARY,
                title=citation.GLOSSARY,
                page=paths.GLOSSARY,
                anchor=None,
                citation=citation.of_glossary(model),
            )
        )
        for term in glossary.in_page_order(model):
            anchor = glossary.term_id(term)
            label = f"{citation.TERM}: {term.term}"
            out.append(
                Target(
                    id=f"thuat-ngu-{anchor}",
                    label=label,
                    title=label,
                    page=paths.GLOSSARY,
                    anchor=anchor,
                    citation=citation.of_glossary(model, term),
                )
            )
    lists = checklist.checklists(model)
    if lists:
        out.append(
            Target(
                id="bang-kiem",
                label=citation.CHECKLISTS,
                title=citation.CHECKLISTS,
                page=paths.CHECKLISTS,
                anchor=None,
                citation=citation.of_checklist(model),
            )
        )
    for cl in lists:
        label = f"{citation.CHECKLISTS}: {cl.unit.name}"
        out.append(
            Target(
                id=f"bang-kiem-{cl.unit.id}",
                label=label,
                title=label,
                page=paths.checklist_page(cl.unit),
                anchor=None,
                citation=citation.of_checklist(model, cl.unit),
            )
        )
    return out


def glance(item: Item) -> str:
    """An item in a few words: its verbatim heading (an article's title), else our title, else
    its first words (an article's first part)."""
    if item.heading:
        return item.heading
    if item.title:
        return item.title
    text = next((p.line for p in item.walk() if p.line), "") if item.is_article else item.text
    return text if len(text) <= 120 else text[:120].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def render_trainer_pages(model: Resolution, env: jinja2.Environment, common: dict) -> dict[str, str]:
    """The trainers' pages and the alias redirects, keyed by content path; `common` is the
    context every template gets (the model, the site's address ...)."""
    site_url = common["SITE_URL"]
    context = {**common, "targets": link_targets(model)}
    out: dict[str, str] = {}
    for here, template in (
        (paths.TRAINERS, "trainers.md.jinja2"),
        (paths.COLLECTION, "collection.md.jinja2"),
        (paths.LEAFLET, "leaflet.md.jinja2"),
    ):
        out[here] = env.get_template(template).render(here=here, **context)
    for item in model.items:
        here = paths.projector_page(item)
        previous, next_ = model.neighbours(item.id)
        out[here] = env.get_template("projector.md.jinja2").render(
            here=here, item=item, previous=previous, next=next_, **context
        )
        for alias in item.aliases:
            # NOTE: the old page and the new one are siblings in trinh-chieu/.
            out[paths.projector_redirect(alias)] = redirect_html(f"../{item.id}/", site_url + paths.url(here))
    return out


def redirect_html(relative: str, absolute: str) -> str:
    """A static page that sends the browser on to `relative` (works without JavaScript)."""
    rel, absu = attr(relative), attr(absolute)
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f'<title>Đã chuyển địa chỉ</title>\n<link rel="canonical" href="{absu}">\n'
        f'<meta name="robots" content="noindex">\n<meta http-equiv="refresh" content="0; url={rel}">\n'
        f'</head>\n<body>\n<p>Mục này đã chuyển đến <a href="{rel}">{absu}</a>.</p>\n</body>\n</html>\n'
    )
