"""The resolution as frozen, typed values, named in the data's words."""

from generator.model.document import (
    EVENTS,
    IN_FORCE,
    LEGAL_FORCES,
    UNVERIFIED,
    Contact,
    Document,
    Event,
    EventKind,
    LegalForce,
    Site,
    Source,
    Status,
)
from generator.model.resolution import (
    GENERIC_PREPARER,
    GENERIC_SIGNATURE,
    Requirement,
    Resolution,
    Signer,
    UnitType,
)
from generator.model.text import Appendix, Explanation, Item, Official, Part, PartKind, Section, Term

__all__ = [
    "EVENTS",
    "IN_FORCE",
    "LEGAL_FORCES",
    "GENERIC_PREPARER",
    "GENERIC_SIGNATURE",
    "UNVERIFIED",
    "Appendix",
    "Contact",
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
    "Signer",
    "Site",
    "Source",
    "Status",
    "Term",
    "UnitType",
]
