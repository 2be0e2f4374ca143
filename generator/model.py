"""The resolution as frozen, typed values, named in the data's words."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
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


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitType:
    """A kind of unit the resolution applies to (cơ quan Nhà nước, xã/phường/thị trấn ...)."""

    id: str
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Explanation:
    """Our plain-language reading of an item (Diễn giải): editorial, not the resolution's words."""

    duty: str
    citizen: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """An abbreviation (HĐND) or a term (hương ước) of the glossary, explained for a citizen."""

    term: str
    expansion: str | None
    explanation: str
    kind: str
    variants: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form that gets the explanation as a tooltip."""
        return (self.term, *self.variants)

    @property
    def tooltip(self) -> str:
        """ "Hội đồng nhân dân: cơ quan ..." for an abbreviation, the explanation for a term."""
        return f"{self.expansion}: {self.explanation}" if self.expansion else self.explanation


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """One numbered principle, objective or measure.

    `heading` is the text's own first sentence where it has one (verbatim); `title` is ours.
    """

    id: str
    number: int
    section_id: str
    section_name: str
    heading: str | None
    title: str | None
    text: str
    # Ids the item had before a rename: their old anchors and links keep working.
    aliases: tuple[str, ...] = ()
    explanation: Explanation | None = None

    @property
    def label(self) -> str:
        """How the item is named in prose: "Biện pháp 3"."""
        return f"{self.section_name} {self.number}"

    @property
    def full_text(self) -> str:
        """The item's words as they stand in the resolution, heading included."""
        return f"{self.heading} {self.text}" if self.heading else self.text


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A part of the resolution: its verbatim opening words and its numbered items."""

    id: str
    name: str
    title: str
    intro: str
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Requirement:
    """One checkable duty taken from an item (a row of the bảng kiểm).

    `quote` is the item's own words it rests on (verbatim); `wording` and `actor` are ours.
    """

    id: str
    clause_id: str
    quote: str
    wording: str
    actor: str | None
    applies_to: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """A whole validated resolution."""

    format: int
    version: str
    document: Document
    # Given in the data (`site:`), or made from `document` where the data leaves it out.
    site: Site
    source: Source
    status: Status
    unit_types: tuple[UnitType, ...]
    sections: tuple[Section, ...]
    requirements: tuple[Requirement, ...] = ()
    # item id -> why no requirement cites it (ours)
    not_checkable: tuple[tuple[str, str], ...] = ()
    glossary: tuple[Term, ...] = ()
    # NOTE: the lookups below are asked for on every page; when each looked through the whole
    # data, generation grew with the square of its size (most of the time of a 100× resolution).
    # Made once with the model. Not data: left out of comparisons, repr and the open data.
    _index: _Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _Index.of(self.sections, self.requirements))

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item, in the order of the text."""
        return self._index.items

    @property
    def citation(self) -> str:
        """ "Nghị quyết số 55/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Tuyên Quang"."""
        return self.document.citation

    def item(self, item_id: str) -> Item:
        """The item with this id (ids are validated to exist and be unique)."""
        return self._index.by_id[item_id]

    def neighbours(self, item_id: str) -> tuple[Item | None, Item | None]:
        """The items before and after this one in the order of the text (None at either end)."""
        items, i = self._index.items, self._index.position[item_id]
        return (items[i - 1] if i > 0 else None), (items[i + 1] if i + 1 < len(items) else None)

    def requirements_for(self, unit_type_id: str) -> tuple[Requirement, ...]:
        """The requirements that apply to a unit type, in the order of the data."""
        return self._index.by_unit.get(unit_type_id, ())

    def requirements_of(self, item_id: str) -> tuple[Requirement, ...]:
        """The requirements that rest on one item, in the order of the data."""
        return self._index.by_clause.get(item_id, ())


@dataclass(frozen=True, slots=True)
class _Index:
    """A resolution's items in the order of the text, and its lookups by id."""

    items: tuple[Item, ...]
    by_id: dict[str, Item]
    position: dict[str, int]
    by_unit: dict[str, tuple[Requirement, ...]]
    by_clause: dict[str, tuple[Requirement, ...]]

    @classmethod
    def of(cls, sections: tuple[Section, ...], requirements: tuple[Requirement, ...]) -> _Index:
        items = tuple(item for section in sections for item in section.items)
        by_unit: dict[str, list[Requirement]] = {}
        by_clause: dict[str, list[Requirement]] = {}
        for r in requirements:
            by_clause.setdefault(r.clause_id, []).append(r)
            for unit in dict.fromkeys(r.applies_to):
                by_unit.setdefault(unit, []).append(r)
        return cls(
            items,
            {item.id: item for item in items},
            {item.id: i for i, item in enumerate(items)},
            {k: tuple(v) for k, v in by_unit.items()},
            {k: tuple(v) for k, v in by_clause.items()},
        )
