"""The resolution as frozen, typed values, named in the data's words."""

from generator.model.document import (
    EVENTS,
    IN_FORCE,
    LEGAL_FORCES,
    UNVERIFIED,
    Document,
    Event,
    EventKind,
    LegalForce,
    Site,
    Source,
    Status,
)
from generator.model.resolution import Requirement, Resolution, UnitType
from generator.model.text import Appendix, Explanation, Item, Official, Part, PartKind, Section, Term

__all__ = [
    "EVENTS",
    "IN_FORCE",
    "LEGAL_FORCES",
    "UNVERIFIED",
    "Appendix",
    "Document",
    "Event",
    "EventKind",
    "Explanation",
    "Item",
    "LegalForce",
    "Official",
    "Part",
    "PartKind",
    "Requirement",
    "Resolution",
    "Section",
    "Site",
    "Source",
    "Status",
    "Term",
    "UnitType",
]
