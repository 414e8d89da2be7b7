"""Inspection history: the Ofsted grades the catalogue holds, per area, over time.

Built entirely from what was ingested (`Catalogue.judgements()` with each grade's paragraph); no
area, date or grade is written in here except Ofsted's four-point scale, which orders the chart.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from assistant.references import display_date, full_reference, kind_noun
from assistant.types import Document, Judgement, Paragraph

# Ofsted's scale, best first; older reports used "adequate" or "satisfactory" for the third step.
LEVELS = {
    "outstanding": 4,
    "good": 3,
    "requires improvement": 2,
    "requires improvement to be good": 2,
    "adequate": 2,
    "satisfactory": 2,
    "inadequate": 1,
}
GRADE_COLOURS = {
    "Outstanding": "#15803d",
    "Good": "#22c55e",
    "Requires improvement": "#f59e0b",
    "Inadequate": "#dc2626",
}


@dataclass(frozen=True)
class Grade:
    judgement: Judgement
    document: Document
    paragraph: Paragraph | None

    @property
    def level(self) -> int | None:
        return LEVELS.get(self.judgement.grade.strip().lower())


@dataclass(frozen=True)
class History:
    inspections: list[Document]  # oldest first; undated last
    areas: list[str]  # in the order the reports print them
    grades: list[Grade]

    def cell(self, area: str, document: Document) -> Grade | None:
        return next(
            (
                g
                for g in self.grades
                if g.judgement.area == area and g.document.doc_id == document.doc_id
            ),
            None,
        )


def build_history(catalogue) -> History:
    judgements = catalogue.judgements()
    documents = {d.doc_id: d for d in catalogue.documents()}
    paragraphs = catalogue.paragraphs_by_id(j.paragraph_id for j in judgements if j.paragraph_id)
    grades = [
        Grade(j, documents[j.doc_id], paragraphs.get(j.paragraph_id or ""))
        for j in judgements
        if j.doc_id in documents
    ]
    inspections = sorted(
        {g.document.doc_id: g.document for g in grades}.values(),
        key=lambda d: (d.date is None, d.date or "", d.title),
    )
    areas = list(dict.fromkeys(g.judgement.area for g in grades))
    return History(inspections, areas, grades)


def chart_rows(history: History) -> list[dict]:
    """One row per grade on Ofsted's scale, oldest inspection first: the inspection's date
    (as text, so the chart keeps one column per inspection), area, grade and level (4 = best)."""
    ordered = sorted(history.grades, key=lambda g: g.document.date or "")
    return [
        {
            "inspection": g.document.date,  # ISO, so the axis sorts by time
            "area": g.judgement.area,
            "grade": g.judgement.grade,
            "level": g.level,
        }
        for g in ordered
        if g.level is not None and g.document.date
    ]


def history_html(history: History) -> str:
    if not history.grades:
        return (
            '<div class="ev-empty">No Ofsted judgements found yet. They are read from the '
            "inspection reports you add in the Library tab.</div>"
        )
    keys = {id(g): f"grade-{i}" for i, g in enumerate(history.grades)}
    head = "".join(
        f'<th title="{html.escape(d.title)}">{html.escape(kind_noun(d.kind))}<br>'
        f"{html.escape(display_date(d.date))}</th>"
        for d in history.inspections
    )
    rows = []
    for area in history.areas:
        cells = []
        for document in history.inspections:
            grade = history.cell(area, document)
            cells.append(_cell(grade, keys[id(grade)]) if grade else "<td>—</td>")
        rows.append(f"<tr><th scope='row'>{html.escape(area)}</th>{''.join(cells)}</tr>")
    table = (
        f'<table class="ev-history"><thead><tr><th>Area</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    sources = "".join(_source(g, keys[id(g)]) for g in history.grades)
    return (
        f"{table}<h3>Where each grade is printed</h3>"
        f'<div class="ev-sources ev-grade-sources">{sources}</div>'
    )


def _cell(grade: Grade, key: str) -> str:
    level = grade.level or 0
    return (
        f'<td class="ev-grade ev-level-{level}"><a href="#{key}" class="ev-jump">'
        f"{html.escape(grade.judgement.grade)}</a></td>"
    )


def _source(grade: Grade, key: str) -> str:
    heading = (
        f"{html.escape(grade.judgement.area)}: <strong>{html.escape(grade.judgement.grade)}"
        f"</strong>"
    )
    if grade.paragraph is None:
        body = '<div class="ev-text">The paragraph holding this grade was not recorded.</div>'
        ref = html.escape(f"{grade.document.title} ({display_date(grade.document.date)})")
    else:
        body = f'<div class="ev-text">{html.escape(grade.paragraph.text)}</div>'
        ref = html.escape(full_reference(grade.document, grade.paragraph))
    return (
        f'<article class="ev-card" id="{key}"><div class="ev-head">{heading}</div>'
        f'{body}<div class="ev-ref">{ref}</div></article>'
    )
