"""Where the package's own files are: the page templates, the theme (Material overrides, our CSS
and JavaScript) and the data's JSON Schema. Read-only: nothing is ever written here."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
THEME = PACKAGE / "theme"
STYLESHEETS = THEME / "assets" / "stylesheets"
SCHEMA = PACKAGE / "check" / "resolution.schema.json"
