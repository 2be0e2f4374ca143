"""Text stays text in MkDocs' own templates: page titles, descriptions and navigation labels (and
the site's name and description, which the plugin sets from the data).

Our Markdown escapes data with `render.md`, but titles and descriptions travel in the front
matter and the navigation, and MkDocs renders its theme with autoescape off: a section title
`<script>…` would reach the page as markup. Here they become `Markup` holding the escaped text,
which prints as the literal text wherever the theme puts it (`| e` leaves Markup alone, so
nothing is escaped twice), and reaches the search index escaped, as the search expects HTML.
"""

from __future__ import annotations

from markupsafe import Markup, escape

# Front matter fields that the theme prints into the page.
_META = ("title", "description")


def literal(value: str) -> Markup:
    """`value` escaped for HTML, marked so that it is not escaped again."""
    return value if isinstance(value, Markup) else escape(value)


def escape_meta(page) -> None:
    """Escape the front matter fields of `page` that the theme prints."""
    for key in _META:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = literal(page.meta[key])


def escape_nav(items) -> None:
    """Escape the titles of navigation sections and links (from the data), recursively."""
    for item in items:
        if getattr(item, "is_page", False):
            continue  # NOTE: a page's title is its front matter title, escaped with the page
        if isinstance(getattr(item, "title", None), str):
            item.title = literal(item.title)
        escape_nav(getattr(item, "children", None) or ())
