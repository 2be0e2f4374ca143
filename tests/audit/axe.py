"""axe-core (node_modules/axe-core, injected by Playwright) at WCAG 2.1 A and AA.

Every page type is checked in the states a reader sees: desktop, desktop with search results
open, phone, phone with the navigation drawer open: Material's dialogs and overlays included.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from tests.audit.browser import DESKTOP, PHONE, chromium, open_drawer, open_search
from tests.audit.paths import AXE_JS, require

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STATES = (
    ("desktop", DESKTOP, None),
    ("desktop+search", DESKTOP, open_search),
    ("phone", PHONE, None),
    ("phone+drawer", PHONE, open_drawer),
)


@dataclass(frozen=True)
class Violation:
    """One axe rule failing on one page in one state."""

    page: str
    state: str
    rule: str
    impact: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.page} [{self.state}] {self.rule} ({self.impact}): {', '.join(self.targets[:3])}"


def audit(base_url: str, pages) -> tuple[list[Violation], int]:
    """All WCAG 2.1 AA violations on `pages`, and how many page states were checked."""
    script = require(AXE_JS).read_text(encoding="utf-8")
    found, checked = [], 0
    with chromium() as context:
        page = context.new_page()
        for page_type in pages:
            for state, viewport, action in STATES:
                if action in (open_search, open_drawer) and not page_type.search:
                    continue
                page.set_viewport_size(viewport)
                page.goto(base_url + page_type.path, wait_until="networkidle")
                if action:
                    action(page)
                found += check(page, "/" + page_type.path, state, script)
                checked += 1
    return found, checked


def check(page, name: str, state: str, script: str | None = None) -> list[Violation]:
    """The WCAG 2.1 AA violations of the page open in `page`, as it is now."""
    page.add_script_tag(content=script or require(AXE_JS).read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run({runOnly: {type: 'tag', values: tags}})", TAGS)
    return [
        Violation(name, state, v["id"], v["impact"] or "", tuple(json.dumps(n["target"]) for n in v["nodes"]))
        for v in result["violations"]
    ]
