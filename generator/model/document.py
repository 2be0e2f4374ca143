"""The document's identity, the site's name, the source article and the legal status."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal, get_args

# Tình trạng hiệu lực as the national legal database writes it, and ours for what no official
# source has confirmed (the default: a status is never assumed).
LegalForce = Literal[
    "Còn hiệu lực",
    "Chưa có hiệu lực",
    "Hết hiệu lực một phần",
    "Hết hiệu lực toàn bộ",
    "Chưa xác minh",
]
LEGAL_FORCES: tuple[str, ...] = get_args(LegalForce)
UNVERIFIED: LegalForce = "Chưa xác minh"
IN_FORCE: LegalForce = "Còn hiệu lực"
# The events of a document's history (Lịch sử hiệu lực), in the national legal database's words.
EventKind = Literal[
    "Văn bản được ban hành",
    "Văn bản có hiệu lực",
    "Được sửa đổi/bổ sung",
    "Bị bãi bỏ một phần",
    "Bị thay thế",
    "Văn bản hết hiệu lực",
]
EVENTS: tuple[str, ...] = get_args(EventKind)


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """The resolution's identity: số hiệu, ngày ban hành, cơ quan ban hành, trích yếu."""

    type: str
    number: str
    date: datetime.date
    issuer: str
    issuer_short: str
    place: str
    subject: str
    # Optional: what the data does not give is unknown, never guessed.
    in_force: datetime.date | None = None
    signer: str | None = None
    signer_title: str | None = None

    @property
    def citation(self) -> str:
        """ "Nghị quyết số 55/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Tuyên Quang"."""
        return f"{self.type} số {self.number} ngày {self.date:%d/%m/%Y} của {self.issuer_short}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    """How the resolution's site names itself (ours): the name in every page's title and header,
    the description for pages without their own, and the public address (None: not given)."""

    name: str
    description: str
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    """Who publishes the site and how readers reach them to report a mistake (ours): each part
    only as the data gives it, None where it does not (never invented)."""

    organisation: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """The article the text was taken from, and our note on it."""

    title: str
    date: datetime.date
    author: str
    publisher: str
    lead: str
    note: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One dated event of the resolution's history (ban hành, có hiệu lực, sửa đổi ...), with the
    document that caused it and the part it touched, where the data names them."""

    date: datetime.date
    event: EventKind
    document: str | None = None
    part: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Status:
    """What is known of the resolution's effect: `label` and `text` are ours (editorial);
    `legal_force` and `history` are facts, "Chưa xác minh" and empty where none is verified."""

    label: str
    text: str
    legal_force: LegalForce = UNVERIFIED
    history: tuple[Event, ...] = ()

    @property
    def known(self) -> bool:
        """Whether the legal force is verified (anything but "Chưa xác minh")."""
        return self.legal_force != UNVERIFIED
