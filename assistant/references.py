"""References as a councillor writes them: "Ofsted inspection report, 17 Feb 2016, para 49, p. 25".

Shared by the app's sources panel, the copy-quote action and the briefing-note export, so a
reference reads the same wherever it appears.
"""

from __future__ import annotations

from datetime import date

from assistant.types import Document, Kind, Paragraph

# What a reader calls each kind of paper when citing it.
_NOUNS = {
    Kind.OFSTED_INSPECTION: "Ofsted inspection report",
    Kind.LSCB_REVIEW: "LSCB review",
    Kind.MONITORING_VISIT: "Ofsted monitoring visit",
    Kind.COMMITTEE_REPORT: "Committee report",
    Kind.MINUTES: "Minutes",
    Kind.AGENDA: "Agenda",
    Kind.STRATEGY: "Strategy or plan",
    Kind.WORK_PROGRAMME: "Work programme",
    Kind.NEWS: "News item",
    Kind.OTHER: "Document",
}


def kind_noun(kind: Kind) -> str:
    return _NOUNS.get(kind, str(kind).capitalize())


def display_date(iso: str | None) -> str:
    """'2016-02-17' -> '17 Feb 2016'; undated papers say so rather than leave a gap."""
    return _dated(iso, "%b", "undated")


def written_date(iso: str | None) -> str:
    """'2016-02-17' -> '17 February 2016', as a committee paper writes it in running text."""
    return _dated(iso, "%B", "Undated")


def _dated(iso: str | None, month: str, undated: str) -> str:
    if not iso:
        return undated
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day.strftime(month)} {day.year}"


def pages(paragraph: Paragraph) -> str:
    if paragraph.last_page > paragraph.page:
        return f"pp. {paragraph.page}-{paragraph.last_page}"
    return f"p. {paragraph.page}"


def where(paragraph: Paragraph) -> str:
    """'para 49, p. 25' for a numbered paragraph; the locator ('p. 12, ¶3') otherwise."""
    if paragraph.label:
        return f"para {paragraph.label}, {pages(paragraph)}"
    return paragraph.locator


def short_reference(document: Document, paragraph: Paragraph) -> str:
    """'Ofsted inspection report, 17 Feb 2016, para 49, p. 25'."""
    return f"{kind_noun(document.kind)}, {display_date(document.date)}, {where(paragraph)}"


def full_reference(document: Document, paragraph: Paragraph) -> str:
    """The short reference preceded by the title and followed by the source file: enough to
    find the paragraph again without the app."""
    return f"{document.title}. {short_reference(document, paragraph)} ({document.source})"


def quote_with_reference(quote: str, document: Document, paragraph: Paragraph) -> str:
    return f"\u201c{quote.strip()}\u201d ({full_reference(document, paragraph)})"
