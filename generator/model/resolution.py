"""A whole validated resolution, its bảng kiểm requirements and its lookups."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.document import Contact, Document, Site, Source, Status
from generator.model.text import Appendix, Item, Official, Part, Section, Term


@dataclass(frozen=True, slots=True, kw_only=True)
class Signer:
    """A signature block at the foot of a checklist (ours): the authority line a commune signs on
    behalf of ("TM. ỦY BAN NHÂN DÂN", None where there is none), the title ("CHỦ TỊCH") and the
    note under it ("(Ký, ghi rõ họ tên, đóng dấu)"), each printed as written."""

    title: str
    note: str
    authority: str | None = None

    @property
    def lines(self) -> tuple[str, ...]:
        """The block's capitals, top down: the authority line, if any, then the title."""
        return (self.authority, self.title) if self.authority else (self.title,)


# The blocks of a unit type whose data gives none: the generic head of any agency or unit, and
# whoever drew the checklist up (Người lập), on the left.
GENERIC_SIGNATURE = Signer(title="THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", note="(Ký, ghi rõ họ tên, đóng dấu)")
GENERIC_PREPARER = Signer(title="NGƯỜI LẬP", note="(Ký, ghi rõ họ tên)")


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitType:
    """A kind of unit the resolution applies to (cơ quan Nhà nước, xã/phường/thị trấn ...), and
    who signs its checklist (ours: the generic blocks where the data gives none)."""

    id: str
    name: str
    signature: Signer = GENERIC_SIGNATURE
    prepared_by: Signer = GENERIC_PREPARER


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
    # Ids the requirement had before: its old row anchors and stored answers keep working.
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """A whole validated resolution."""

    format: int
    version: str
    document: Document
    # Given in the data (`site:`), or made from `document` where the data leaves it out.
    site: Site
    # The news article the text was taken from: None for a text imported in the official layout.
    source: Source | None
    status: Status
    unit_types: tuple[UnitType, ...]
    sections: tuple[Section, ...]
    requirements: tuple[Requirement, ...] = ()
    # item id -> why no requirement cites it (ours)
    not_checkable: tuple[tuple[str, str], ...] = ()
    glossary: tuple[Term, ...] = ()
    # The official layout's header, preamble and closing (None for the news article's shape),
    # and its appendices.
    official: Official | None = None
    appendices: tuple[Appendix, ...] = ()
    # Where readers report a mistake (ours): None where the data names no one.
    contact: Contact | None = None
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
        """The requirements that rest on one item or on any of its parts, in the order of the data."""
        return self._index.by_item.get(item_id, ())

    @property
    def official_layout(self) -> bool:
        """Whether the text is in the official layout (Chương, Điều, khoản, điểm)."""
        return self.official is not None

    def clause(self, clause_id: str) -> tuple[Item, Part | None]:
        """The item a clause id names, and the part (khoản, điểm) within it, if it names one."""
        return self._index.clauses[clause_id]

    def clause_label(self, clause_id: str) -> str:
        """A clause named as Vietnamese documents cite it, smallest part first: "Điểm b khoản 3
        Điều 4", "Khoản 2 Điều 5", "Điều 4a", "Biện pháp 3"."""
        item, part = self.clause(clause_id)
        chain = self._index.chain.get(clause_id, ())
        words = [f"{_PART_WORD[p.kind]} {p.number}" for p in reversed(chain)]
        if part is None or not words:
            return item.label
        words.append(item.label)
        text = " ".join(words)
        return text[0].upper() + text[1:]


# How a part is named when cited ("Điểm b khoản 3 Điều 4"); only khoản and điểm are cited.
_PART_WORD = {"khoan": "khoản", "diem": "điểm"}


@dataclass(frozen=True, slots=True)
class _Index:
    """A resolution's items in the order of the text, and its lookups by id."""

    items: tuple[Item, ...]
    by_id: dict[str, Item]
    position: dict[str, int]
    by_unit: dict[str, tuple[Requirement, ...]]
    by_item: dict[str, tuple[Requirement, ...]]
    # clause id (an item's or a khoản's or điểm's) -> (item, part or None)
    clauses: dict[str, tuple[Item, Part | None]]
    # part id -> the khoản and điểm it is, outermost first
    chain: dict[str, tuple[Part, ...]]

    @classmethod
    def of(cls, sections: tuple[Section, ...], requirements: tuple[Requirement, ...]) -> _Index:
        items = tuple(item for section in sections for item in section.items)
        clauses: dict[str, tuple[Item, Part | None]] = {}
        chain: dict[str, tuple[Part, ...]] = {}

        def visit(item: Item, parts: tuple[Part, ...], above: tuple[Part, ...]) -> None:
            for part in parts:
                path = above + (part,) if part.kind in _PART_WORD else above
                if part.id:
                    clauses[part.id] = (item, part)
                    chain[part.id] = path
                visit(item, part.parts, path)

        for item in items:
            clauses[item.id] = (item, None)
            visit(item, item.parts, ())
        by_unit: dict[str, list[Requirement]] = {}
        by_item: dict[str, list[Requirement]] = {}
        for r in requirements:
            # A clause is checked to exist; one that does not is listed under its own id.
            cited = clauses.get(r.clause_id)
            by_item.setdefault(cited[0].id if cited else r.clause_id, []).append(r)
            for unit in dict.fromkeys(r.applies_to):
                by_unit.setdefault(unit, []).append(r)
        return cls(
            items,
            {item.id: item for item in items},
            {item.id: i for i, item in enumerate(items)},
            {k: tuple(v) for k, v in by_unit.items()},
            {k: tuple(v) for k, v in by_item.items()},
            clauses,
            chain,
        )
