"""Where the audit tools live: the npm packages installed by `make node_modules` (npm ci)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
IFRAME_WORKER_SHIM = NODE_MODULES / "iframe-worker" / "shim" / "index.js"


def require(path: Path) -> Path:
    """`path`, or a clear error naming the command that installs it."""
    if not path.exists():
        raise RuntimeError(f"{path.relative_to(ROOT)} is missing: run `make node_modules` (npm ci)")
    return path
