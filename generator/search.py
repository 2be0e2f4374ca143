"""Vietnamese search and heading anchors: the MkDocs side of the search override.

The search itself runs in the reader's browser, in Material's search worker, with our
generator/theme/assets/javascripts/lunr/min/lunr.vi.min.js in place of Material's Vietnamese
support. This module (1) makes heading anchors keep "đ" as "d" ("điện tử" -> `#dien-tu`) and
(2) writes the glossary's abbreviation pairs into that file after the build, so that "HĐND" and
"Hội đồng nhân dân" find each other. Explicit `{#id}` anchors are not touched.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from markdown.extensions.toc import slugify as _markdown_slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from generator.model import Resolution

# The file Material's search worker loads for `lang: vi`; ours replaces it through custom_dir.
WORKER_LANGUAGE = Path("assets", "javascripts", "lunr", "min", "lunr.vi.min.js")
_PLACEHOLDER = re.compile(r"(/\*__VI_GLOSSARY__\*/).*?(/\*__END_VI_GLOSSARY__\*/)", re.S)


def slugify(value: str, separator: str) -> str:
    """Python-Markdown's slugify, but "đ" becomes "d" instead of disappearing ("điện tử" -> "dien-tu")."""
    return _markdown_slugify(value.replace("đ", "d").replace("Đ", "D"), separator)


def configure(config: MkDocsConfig) -> None:
    """Use our slugify for heading anchors unless mkdocs.yml names one."""
    if "toc" not in config.markdown_extensions:
        config.markdown_extensions.append("toc")
    config.mdx_configs.setdefault("toc", {}).setdefault("slugify", slugify)


def pairs(model: Resolution) -> list[list[str]]:
    """[abbreviation, expansion] for search, from the glossary's abbreviations.

    A shared first word is dropped ("Ban TTND" / "Ban Thanh tra nhân dân" -> "TTND" / "Thanh
    tra nhân dân"): search compares one word of the query with one abbreviation.
    """
    out: list[list[str]] = []
    for term in model.glossary:
        if term.kind != "abbreviation" or not term.expansion:
            continue
        for form in term.forms:
            short, long = form.split(), term.expansion.split()
            while len(short) > 1 and len(long) > 1 and short[0].lower() == long[0].lower():
                short, long = short[1:], long[1:]
            if len(short) == 1:
                out.append([short[0], " ".join(long)])
    return out


def write_glossary(site_dir: Path, model: Resolution) -> None:
    """Put the glossary pairs into the built search language file."""
    target = site_dir / WORKER_LANGUAGE
    try:
        script = target.read_text(encoding="utf-8")
    except OSError as err:
        raise PluginError(f"{target}: cannot read the search language file ({err.strerror}); "
                          "is theme.custom_dir generator/theme?") from None
    data = json.dumps(pairs(model), ensure_ascii=False)
    script, count = _PLACEHOLDER.subn(lambda m: m.group(1) + data + m.group(2), script)
    if count != 1:
        raise PluginError(f"{target}: not our Vietnamese search file (no glossary placeholder)")
    target.write_text(script, encoding="utf-8")
