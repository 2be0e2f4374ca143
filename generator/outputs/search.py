"""The search additions: the glossary's abbreviation pairs written into our Vietnamese search
language file, so that "HĐND" and "Hội đồng nhân dân" find each other.

The search itself runs in the reader's browser, in Material's search worker, with our
generator/theme/assets/javascripts/lunr/min/lunr.vi.min.js in place of Material's Vietnamese
support (queries without diacritics find words with them; "đ" is folded to "d" as the heading
anchors fold it, see render/markdown.slugify).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator import resources
from generator.model import Resolution

# The file Material's search worker loads for `lang: vi`; ours replaces it through custom_dir.
WORKER_LANGUAGE = Path("assets", "javascripts", "lunr", "min", "lunr.vi.min.js")
_PLACEHOLDER = re.compile(r"(/\*__VI_GLOSSARY__\*/).*?(/\*__END_VI_GLOSSARY__\*/)", re.S)


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


def language_file(model: Resolution) -> dict[str, bytes]:
    """{site path: bytes} of the search language file with the glossary's pairs in its placeholder."""
    script = (resources.THEME / WORKER_LANGUAGE).read_text(encoding="utf-8")
    data = json.dumps(pairs(model), ensure_ascii=False)
    script, count = _PLACEHOLDER.subn(lambda m: m.group(1) + data + m.group(2), script)
    if count != 1:
        raise ValueError(f"{resources.THEME / WORKER_LANGUAGE}: no glossary placeholder")
    return {WORKER_LANGUAGE.as_posix(): script.encode("utf-8")}
