"""The MkDocs hook named in mkdocs.yml; the work is done in generator/site.py."""

from __future__ import annotations

import sys
from pathlib import Path

# NOTE: MkDocs imports a hook by file path with only the hook's own folder on sys.path; the
# project root must be there for `import generator` to work without installing the project.
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from generator.site import on_config, on_nav, on_page_markdown, on_serve, on_startup  # noqa: E402

__all__ = ["on_config", "on_nav", "on_page_markdown", "on_serve", "on_startup"]
