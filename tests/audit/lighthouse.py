"""Lighthouse (node_modules/lighthouse, Debian Chromium), mobile, on the pages marked for it.

Accessibility, best practices and SEO do not depend on the machine's speed and are asserted by
the tests; performance does, so it is printed by `make audit` only.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.audit.browser import ARGS, CHROMIUM
from tests.audit.paths import LIGHTHOUSE, require

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass(frozen=True)
class Scores:
    """One Lighthouse run: scores out of 100 and the audits that lost points."""

    page: str
    scores: dict[str, int]
    failing: tuple[str, ...]
    seconds: float


def run(base_url: str, path: str) -> Scores:
    """Lighthouse on one page (one run, mobile emulation and throttling, Lighthouse's defaults)."""
    import time

    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        flags = " ".join(ARGS + [f"--user-data-dir={tmp}/profile"])
        started = time.perf_counter()
        result = subprocess.run(
            [
                str(require(LIGHTHOUSE)),
                base_url + path,
                f"--chrome-path={CHROMIUM}",
                f"--chrome-flags={flags}",
                "--form-factor=mobile",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={out}",
                "--quiet",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        seconds = time.perf_counter() - started
        if result.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed on /{path}: {result.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                shown = f" {audit['displayValue']}" if audit.get("displayValue") else ""
                failing.append(f"{ref['id']}={audit['score']:.2f}{shown}")
    return Scores("/" + path, scores, tuple(failing), seconds)
