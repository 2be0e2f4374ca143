"""The glossary and the plain-language layer: their pages, and the tooltips on every page.

Every page gets the glossary's definitions appended (`*[HĐND]: …`, the syntax of Python-Markdown's
`abbr` extension), so that the first occurrence of a term in each block of the rendered text
carries its explanation in an <abbr title> (mkdocs/glossary_marks.py), which the theme's
nq-terms.js shows as a tooltip on hover or tap.
"""

from __future__ import annotations

import re
import unicodedata

import jinja2

from generator import paths
from generator.model import Resolution, Term
from generator.render.markdown import fold_dd


def term_id(term: Term) -> str:
    """A stable anchor for a term on the glossary page: "Ban TTND" -> "ban-ttnd", "HĐND" -> "hdnd"."""
    text = fold_dd(term.term)
    text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def abbreviations(model: Resolution) -> str:
    """The `abbr` definitions of every form of every term, to append to a Markdown page."""
    if not model.glossary:
        return ""
    lines = [f"*[{form}]: {_attribute(term.tooltip)}" for term in model.glossary for form in term.forms]
    # NOTE: a comment keeps the definitions from joining the page's last paragraph or list.
    return "\n<!-- Chú thích thuật ngữ, tạo từ glossary -->\n\n" + "\n".join(lines) + "\n"


def with_tooltips(plan: dict[str, str], model: Resolution) -> dict[str, str]:
    """Every Markdown page of `plan` with the glossary's definitions appended (unchanged if the
    glossary is empty); other files (JSON, redirect pages) are left as they are."""
    block = abbreviations(model)
    if not block:
        return plan
    return {here: text + block if here.endswith(".md") else text for here, text in plan.items()}


def in_page_order(model: Resolution) -> tuple[Term, ...]:
    """The terms in the order of the glossary page: abbreviations first, then the other terms."""
    return tuple(t for t in model.glossary if t.kind == "abbreviation") + tuple(
        t for t in model.glossary if t.kind != "abbreviation"
    )


def has_citizens_page(model: Resolution) -> bool:
    """Whether the data has explanations, and so the site a page for citizens."""
    return any(item.explanation for item in model.items)


def pages(model: Resolution) -> list[tuple[str, str, dict]]:
    """(path, template, extra context) of the glossary page and the citizens' page, if the data
    has a glossary or explanations."""
    out: list[tuple[str, str, dict]] = []
    if model.glossary:
        out.append(
            (
                paths.GLOSSARY,
                "glossary.md.jinja2",
                {
                    "abbreviations": [t for t in model.glossary if t.kind == "abbreviation"],
                    "terms": [t for t in model.glossary if t.kind != "abbreviation"],
                },
            )
        )
    if any(item.explanation for item in model.items):
        out.append((paths.CITIZENS, "citizens.md.jinja2", {}))
    return out


def nav(model: Resolution) -> list:
    """Navigation entries for the pages above, to append to the site's navigation."""
    entries: list = []
    if any(item.explanation for item in model.items):
        entries.append({"Dành cho người dân": paths.CITIZENS})
    if model.glossary:
        entries.append({"Thuật ngữ": paths.GLOSSARY})
    return entries


def register(env: jinja2.Environment) -> None:
    """The filters the glossary templates use."""
    env.filters.update(term_id=term_id)


def _attribute(text: str) -> str:
    # NOTE: the title runs to the end of the line; a line break would cut it. Python-Markdown
    # escapes the title when it writes the attribute, but leaves what looks like an entity
    # ("&amp;", "&#x41;") as it is, so a browser would show "&" for the data's "&amp;": every "&"
    # is escaped here, the one escaping this output (an attribute's text) needs.
    return " ".join(text.split()).replace("&", "&amp;")
