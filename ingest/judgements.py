"""Ofsted judgements (area -> grade) as printed in an inspection report, with their paragraph.

Ofsted prints grades in a few fixed shapes: a judgement table ("2.1 Adoption performance
Requires improvement", its cells joined by " | " when read as a table), a heading ending on the
grade after a colon ("The experiences and progress of children in care: good"), a heading
followed by the grade alone, and sentences such as "The graded judgement about ... is that it is
inadequate" or "The overall judgement is inadequate". Only inspection documents are read, so a
committee report quoting the grades does not count twice.
"""

from __future__ import annotations

import re

from assistant.types import INSPECTIONS, Document, Judgement, Paragraph

# The grades Ofsted prints, as a regex alternation: also what numbering and answers look for.
GRADES = r"inadequate|requires improvement(?: to be good)?|good|outstanding|adequate"
_GRADE = rf"(?P<grade>{GRADES})"
_TABLE_ROW = re.compile(
    rf"^(?:\d(?:\.\d)?\.?\s+)?(?P<area>[A-Z][^.:;]{{4,110}}?)\s*[–|:-]?\s+{_GRADE}\.?$", re.I
)
_GRADED_SENTENCE = re.compile(
    rf"^(?:the )?graded judge?ment (?:for|about) (?:the )?(?P<area>.+?) is (?:that it )?(?:is )?"
    rf"{_GRADE}\.?$",
    re.I,
)
_AREA_IS = re.compile(rf"^(?P<area>[A-Z][^.:;]{{4,110}}?) (?:are|is) {_GRADE}\.?$", re.I)
_OVERALL = re.compile(
    rf"^(?:the overall judgement is|children's services in \w[\w ]* (?:are|is)) {_GRADE}\.?$",
    re.I,
)
_BOARD = re.compile(rf"^the local safeguarding children board is {_GRADE}\.?$", re.I)
GRADE_ONLY = re.compile(rf"^{_GRADE}$", re.I)  # a line that is only a grade: "Inadequate"


def extract_judgements(document: Document, paragraphs: list[Paragraph]) -> list[Judgement]:
    if document.kind not in INSPECTIONS:
        return []
    found: dict[str, Judgement] = {}
    for previous, paragraph in zip([None, *paragraphs], paragraphs, strict=False):
        area_grade = _area_and_grade(previous, paragraph)
        if area_grade is None:
            continue
        area, grade = area_grade
        key = area.lower()
        if key not in found:  # the first statement of a grade is the one to cite
            found[key] = Judgement(document.doc_id, area, grade, paragraph.id)
    return list(found.values())


def _area_and_grade(previous: Paragraph | None, paragraph: Paragraph) -> tuple[str, str] | None:
    text = paragraph.text.strip()
    for pattern, area in ((_OVERALL, "Overall effectiveness"), (_BOARD, "LSCB")):
        match = pattern.match(text)
        if match:
            return area, _grade(match["grade"])
    match = _GRADED_SENTENCE.match(text)
    if match:
        return _area(match["area"]), _grade(match["grade"])
    if GRADE_ONLY.match(text) and previous is not None and previous.style == "heading":
        return _area(previous.text), _grade(text)
    if len(text) >= 140 or paragraph.style not in ("heading", "body", "table"):
        return None
    match = _AREA_IS.match(text) or _TABLE_ROW.match(text)
    if match:
        return _area(match["area"]), _grade(match["grade"])
    return None


def _area(text: str) -> str:
    """One name per area across years: "The experiences and progress of care leavers" and
    "Experiences and progress of Care Leavers" are the same area."""
    text = re.sub(r"^\d(?:\.\d)?\.?\s+", "", text.strip())
    text = re.sub(r"^the experiences? and progress of ", "", text, flags=re.I)
    text = re.sub(r"^the ", "", text, flags=re.I)
    text = re.sub(r"^(experiences? and progress of )?(care leavers)$", r"\2", text, flags=re.I)
    text = text.strip(" –-")
    return text[:1].upper() + text[1:].lower().replace("lscb", "LSCB")


def _grade(text: str) -> str:
    text = text.lower()
    return text[:1].upper() + text[1:]
