"""How every link target is cited, in one place, so the handout, the copy buttons and the
checklist rows all say the same thing.

Two forms, told apart by their separator:
- a part of the resolution itself takes a comma: "Biện pháp 4, Nghị quyết số 55/NQ-HĐND ngày
  07/12/2023 của HĐND tỉnh Tuyên Quang" (the way Vietnamese documents cite a clause);
- a page of ours about the resolution takes a dash: "Bảng kiểm: Xã, phường, thị trấn – Nghị
  quyết số ..." (a checklist, the glossary or one of its terms, the citizens' page), so that no
  one mistakes our wording for a clause of the text.
"""

from __future__ import annotations

from generator.model import Item, Requirement, Resolution, Term, UnitType

CHECKLISTS = "Bảng kiểm"
GLOSSARY = "Thuật ngữ và chữ viết tắt"
TERM = "Thuật ngữ"
CITIZENS = "Dành cho người dân"


def of_item(model: Resolution, item: Item) -> str:
    """ "Biện pháp 4, Nghị quyết số 55/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Tuyên Quang"."""
    return f"{item.label}, {model.citation}"


def of_page(model: Resolution, what: str, name: str | None = None) -> str:
    """ "Bảng kiểm: Xã, phường, thị trấn – Nghị quyết số ..." (or without a name: "Bảng kiểm –
    Nghị quyết số ...")."""
    return f"{what}{': ' + name if name else ''} – {model.citation}"


def of_checklist(model: Resolution, unit: UnitType | None = None) -> str:
    """A checklist of one unit type, or (without one) the list of checklists."""
    return of_page(model, CHECKLISTS, unit.name if unit else None)


def of_glossary(model: Resolution, term: Term | None = None) -> str:
    """One term of the glossary, or (without one) the whole glossary."""
    return of_page(model, TERM, term.term) if term else of_page(model, GLOSSARY)


def of_citizens(model: Resolution) -> str:
    """The page that explains the resolution to citizens."""
    return of_page(model, CITIZENS)


def of_clause(model: Resolution, clause_id: str) -> str:
    """A clause as Vietnamese documents cite it, smallest part first: "Điểm b khoản 3 Điều 4,
    Nghị quyết số ..." (an item or a whole article: "Biện pháp 4, Nghị quyết số ...")."""
    return f"{model.clause_label(clause_id)}, {model.citation}"


def short(model: Resolution) -> str:
    """ "Nghị quyết 55/NQ-HĐND"."""
    return f"{model.document.type} {model.document.number}"


def basis(model: Resolution, clause_id: str) -> str:
    """The căn cứ column of a checklist (web form, PDF, DOCX, index alike): "Biện pháp 3 – Nghị
    quyết 55/NQ-HĐND", "Điểm b khoản 3 Điều 4 – Nghị quyết 99/2025/NQ-HĐND"."""
    return f"{model.clause_label(clause_id)} – {short(model)}"


def of_checklist_row(model: Resolution, requirement: Requirement) -> str:
    """A row of a checklist is cited by the clause it rests on, exactly as that clause is: the
    row's wording is ours, the clause is what a document can invoke."""
    return of_clause(model, requirement.clause_id)
