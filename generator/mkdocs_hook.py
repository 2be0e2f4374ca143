"""MkDocs hook: regenerate the content directory from the resolution before every build.

`mkdocs build` and `mkdocs serve` both run it, so the site can never be built from stale
Markdown; under `mkdocs serve` the resolution and the templates are watched too, so an edit to
the data shows in the browser without a restart. A broken edit stops the build with the
problems listed; the content and the last good site are left as they were.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# NOTE: MkDocs imports a hook by file path with only the hook's own folder on sys.path; the
# project root must be there for `import generator` to work without installing the project.
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402

from generator import pipeline, render  # noqa: E402
from generator.errors import InputError  # noqa: E402

# The resolution is `resolution.yaml` beside mkdocs.yml unless NQ_RESOLUTION names another file.
RESOLUTION_ENV = "NQ_RESOLUTION"


def resolution_path(config: MkDocsConfig) -> Path:
    """The resolution file this site is built from."""
    if os.environ.get(RESOLUTION_ENV):
        return Path(os.environ[RESOLUTION_ENV]).resolve()
    return Path(config.config_file_path).resolve().parent / "resolution.yaml"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Generate the content directory and the navigation from the resolution."""
    source = resolution_path(config)
    try:
        model, _ = pipeline.build(source, Path(config.docs_dir), name=_shown(source))
    except InputError as err:
        raise PluginError(f"{_shown(source)} has problems; nothing was generated:\n{err.report()}") from None
    config.nav = render.nav(model)
    return config


def on_serve(server, config: MkDocsConfig, builder):
    """Rebuild when the resolution or a template changes, not only the Markdown."""
    server.watch(str(resolution_path(config)))
    server.watch(str(render.TEMPLATES))
    return server


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
