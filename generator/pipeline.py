"""The stages joined: load -> validate -> render -> write. Used by the CLI and the MkDocs hook."""

from __future__ import annotations

from pathlib import Path

from generator import render, source
from generator.errors import unwritable
from generator.model import Resolution
from generator.validate import validate
from generator.write import SyncResult, plan_sync, sync_tree


def load_resolution(path: Path, name: str | None = None) -> Resolution:
    """Read and validate a resolution file; raises InputError with every problem."""
    return validate(source.load(path, name))


def plan(model: Resolution, source_name: str) -> dict[str, str]:
    """Every file the content directory should hold."""
    return render.render_site(model, source_name)


def build(resolution: Path, out: Path, *, check_only: bool = False,
          name: str | None = None) -> tuple[Resolution, SyncResult]:
    """Generate `out` from `resolution`; with check_only, report differences and write nothing."""
    model = load_resolution(resolution, name or str(resolution))
    files = plan(model, resolution.name)
    try:
        return model, (plan_sync(files, out) if check_only else sync_tree(files, out))
    except OSError as err:
        raise unwritable(out, err, "--out") from None
