"""The resolution's legal force on the pages: the one-line notice on the pages of its text, and
its metadata as schema.org `Legislation` in JSON-LD for the head of every page."""

from __future__ import annotations

import json
from typing import Any

from generator import paths
from generator.model import IN_FORCE, Item, LegalForce, Resolution

# The notice on the pages of the text, one fixed sentence per legal force; none where the
# resolution is simply in force. Each is followed by a link to the history on the about page.
NOTICES: dict[LegalForce, str] = {
    "Chưa xác minh": "Tình trạng hiệu lực: chưa xác minh.",
    "Chưa có hiệu lực": "Văn bản này chưa có hiệu lực.",
    "Hết hiệu lực một phần": "Văn bản này đã hết hiệu lực một phần.",
    "Hết hiệu lực toàn bộ": "Văn bản này đã hết hiệu lực toàn bộ.",
}
HISTORY_ANCHOR = "lich-su-hieu-luc"
# schema.org's LegalForceStatus for each verified legal force; "Chưa xác minh" has none, and the
# JSON-LD then says nothing of the legal force rather than something unverified.
LEGAL_FORCE_STATUS: dict[LegalForce, str] = {
    "Còn hiệu lực": "https://schema.org/InForce",
    "Hết hiệu lực một phần": "https://schema.org/PartiallyInForce",
    "Hết hiệu lực toàn bộ": "https://schema.org/NotInForce",
    "Chưa có hiệu lực": "https://schema.org/NotInForce",
}
# NOTE: JSON inside <script> ends at the first "</script" whatever JSON thinks of it, and "<!--"
# changes how the browser looks for that end. Written as JSON escapes, "<", ">" and "&" cannot
# start markup, and the value read back is the same text. U+2028 and U+2029 would end a line of
# the YAML front matter the JSON travels in.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def notice(model: Resolution) -> str | None:
    """The fixed sentence for the pages of the text, or None when the resolution is in force."""
    if model.status.legal_force == IN_FORCE:
        return None
    return NOTICES[model.status.legal_force]


def legislation(model: Resolution, site_url: str) -> dict[str, Any]:
    """The resolution as a schema.org `Legislation`. Its `url` is the full text's page, the
    resolution's own, on every page: the object describes the resolution, not the page."""
    d = model.document
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{d.type} số {d.number} {d.subject}",
        "legislationIdentifier": d.number,
        "legislationDate": d.date.isoformat(),
        "legislationType": d.type,
        "jurisdiction": {"@type": "AdministrativeArea", "name": d.place},
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": d.issuer},
        "inLanguage": "vi",
        "url": site_url + paths.url(paths.FULL_TEXT),
    }
    status = LEGAL_FORCE_STATUS.get(model.status.legal_force)
    if status:
        data["legislationLegalForce"] = status
    return data


def jsonld(model: Resolution, site_url: str) -> str:
    """`legislation()` as JSON that can stand as it is inside <script type="application/ld+json">."""
    return json.dumps(legislation(model, site_url), ensure_ascii=False).translate(_SCRIPT_SAFE)


def article(model: Resolution, item: Item, site_url: str) -> dict[str, Any]:
    """An article (Điều) of a resolution in the official layout, as a schema.org `Legislation`
    that is part of the resolution: its name is its first line as written, its `url` its own
    page. No legal force of its own: the data records the document's, not each article's."""
    whole = {k: v for k, v in legislation(model, site_url).items() if k != "@context"}
    return {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": item.heading_line or item.label,
        "legislationIdentifier": f"{item.label}, {model.document.type} số {model.document.number}",
        "legislationDate": model.document.date.isoformat(),
        "inLanguage": "vi",
        "url": site_url + paths.url(paths.item_page(item)),
        "isPartOf": whole,
    }


def jsonld_of_article(model: Resolution, item: Item, site_url: str) -> str:
    """`article()` as JSON safe inside <script type="application/ld+json">."""
    return json.dumps(article(model, item, site_url), ensure_ascii=False).translate(_SCRIPT_SAFE)
