"""The MkDocs hook named in mkdocs.yml; the work is done in generator/site.py (content, checklist
downloads) and generator/publish.py (site address, QR codes, leaflet PDF)."""

from __future__ import annotations

import sys
from pathlib import Path

# NOTE: MkDocs imports a hook by file path with only the hook's own folder on sys.path; the
# project root must be there for `import generator` to work without installing the project.
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from generator import publish, site  # noqa: E402
from generator.publish import on_page_content  # noqa: E402
from generator.site import (on_config, on_env, on_nav, on_page_markdown, on_post_page,  # noqa: E402
                            on_serve, on_startup)


def on_post_build(*, config) -> None:
    """Files written into the built site: trainers' QR codes and leaflet, checklist downloads."""
    model = site.built_model()
    if model is None:
        return  # the first build failed: there is no site to finish
    publish.on_post_build(config, model)
    site.on_post_build(config=config)


__all__ = ["on_config", "on_env", "on_nav", "on_page_content", "on_page_markdown", "on_post_build",
           "on_post_page", "on_serve", "on_startup"]
