"""Golden output of the small fixture: `python -m tests.golden` (make golden) rewrites it."""

from __future__ import annotations

from generator import pipeline
from generator.write.tree import sync_tree
from tests.conftest import ROOT, SMALL, rendered

GOLDEN = ROOT / "tests" / "golden" / "small"


def render_fixture() -> dict[str, str]:
    """What the generator makes of the small fixture resolution."""
    return rendered(pipeline.load_resolution(SMALL, "small.yaml"))


def main() -> int:
    """Rewrite the golden tree; review the diff before committing it."""
    result = sync_tree(render_fixture(), GOLDEN)
    print(f"{GOLDEN.relative_to(ROOT)}: {len(result.written)} written, {len(result.removed)} removed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
