"""Golden output of the small fixture and of the official-layout fixture: `python -m tests.golden`
(make golden) rewrites both."""

from __future__ import annotations

from generator import pipeline
from generator.write.tree import sync_tree
from tests.conftest import ROOT, SMALL, rendered

GOLDEN = ROOT / "tests" / "golden" / "small"
OFFICIAL = ROOT / "tests" / "fixtures" / "official" / "nq-99-2025-gia-dinh.yaml"
GOLDEN_OFFICIAL = ROOT / "tests" / "golden" / "official"


def render_fixture() -> dict[str, str]:
    """What the generator makes of the small fixture resolution."""
    return rendered(pipeline.load_resolution(SMALL, "small.yaml"))


def render_official() -> dict[str, str]:
    """What the generator makes of the official-layout fixture (a fictional resolution)."""
    return rendered(pipeline.load_resolution(OFFICIAL, OFFICIAL.name), source_name=OFFICIAL.name)


def main() -> int:
    """Rewrite the golden trees; review the diff before committing it."""
    for plan, golden in ((render_fixture(), GOLDEN), (render_official(), GOLDEN_OFFICIAL)):
        result = sync_tree(plan, golden)
        print(f"{golden.relative_to(ROOT)}: {len(result.written)} written, {len(result.removed)} removed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
