"""The resolution's legal force on the pages: the one-line notice on the pages of its text."""

from __future__ import annotations

from generator.model import IN_FORCE, LegalForce, Resolution

# The notice on the pages of the text, one fixed sentence per legal force; none where the
# resolution is simply in force. Each is followed by a link to the history on the about page.
NOTICES: dict[LegalForce, str] = {
    "Chưa xác minh": "Tình trạng hiệu lực: chưa xác minh.",
    "Chưa có hiệu lực": "Văn bản này chưa có hiệu lực.",
    "Hết hiệu lực một phần": "Văn bản này đã hết hiệu lực một phần.",
    "Hết hiệu lực toàn bộ": "Văn bản này đã hết hiệu lực toàn bộ.",
}
HISTORY_ANCHOR = "lich-su-hieu-luc"


def notice(model: Resolution) -> str | None:
    """The fixed sentence for the pages of the text, or None when the resolution is in force."""
    if model.status.legal_force == IN_FORCE:
        return None
    return NOTICES[model.status.legal_force]
