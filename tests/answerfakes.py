"""Hand-made hits and scored sentences for tests of answer logic (no model, no index)."""

from __future__ import annotations

from assistant.scoring import Scored
from assistant.types import Document, Hit, Kind, Paragraph


def document(doc_id: str = "ofsted-2016", date: str | None = "2016-02-17") -> Document:
    return Document(doc_id, f"Report {doc_id}", Kind.OFSTED_INSPECTION, date, f"{doc_id}.pdf",
                    1, 40, "0" * 64)  # fmt: skip


def hit(label: str, text: str, *, doc: Document | None = None, seq: int = 0, rank: int = 1,
        canonical: str | None = None, style: str = "body",
        section: tuple[str, ...] = ("Findings",)) -> Hit:  # fmt: skip
    doc = doc or document()
    locator = f"para {label}" if label else f"p. 3, ¶{seq + 1}"
    paragraph = Paragraph(doc.doc_id, seq, label, locator, 3, 3, section, text, style,
                          canonical)  # fmt: skip
    return Hit(paragraph, doc, 0.03, rank, ("bm25",))


def scored(h: Hit, text: str, score: float, position: int = 0, lexical: float = 0.5) -> Scored:
    return Scored(h, position, text, lexical, score - 0.6 * lexical, score)
