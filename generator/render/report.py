"""The "Báo lỗi" links: a mail to the publisher's contact, with the citation and the address of
what is reported already written in, so that a reader who finds a mistake reports it from the
page where they found it. Only when the data gives an email: never a link that leads nowhere."""

from __future__ import annotations

from urllib.parse import quote

from generator.model import Resolution

LABEL = "Báo lỗi"


def subject(cite: str) -> str:
    """The mail's subject: "Báo lỗi: Biện pháp 4, Nghị quyết số 55/NQ-HĐND ..."."""
    return f"{LABEL}: {cite}"


def body(cite: str, url: str) -> str:
    """The mail's text: what is reported, where, and room for the reader's words (ours)."""
    return (
        f"Trích dẫn: {cite}\n"
        f"Địa chỉ trang: {url}\n"
        "\n"
        "Lỗi tôi thấy (đoạn văn bản liên quan và nội dung đúng, nếu biết):\n"
    )


def mailto(model: Resolution, cite: str, url: str) -> str | None:
    """The mailto: URL reporting `url` (cited as `cite`), or None when the data gives no email.

    Subject and body are percent-encoded UTF-8 (RFC 6068): spaces as %20, line breaks as %0D%0A,
    Vietnamese letters as their UTF-8 bytes; nothing is left for a mail program to guess."""
    email = model.contact.email if model.contact else None
    if not email:
        return None

    def encode(text: str) -> str:
        return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")

    return f"mailto:{quote(email, safe='@')}?subject={encode(subject(cite))}&body={encode(body(cite, url))}"
