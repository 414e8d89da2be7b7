"""A small library for the app tests: the index tests' three papers, plus an LSCB review whose
numbered paragraphs sit on later pages, two inspections with Ofsted judgements, and a paper
that contains markup (it must show as text)."""

from __future__ import annotations

from pathlib import Path

from assistant.settings import Settings
from assistant.types import Document, Judgement, Kind, Paragraph
from ingest.catalogue import Catalogue, FileRecord
from tests.indexcorpus import make_catalogue

SCRIPT_TEXT = (
    "The portal showed <script>alert('x')</script> in the corporate parenting panel notes."
)

LSCB = [  # label, page, text
    ("3.1", 6, "The board has agreed a new threshold document with its partners."),
    ("3.2", 7, "Attendance by health partners at child protection conferences fell to 58 per "
     "cent in 2015, well below the target of 90 per cent."),
    ("3.3", 7, "Training for school governors on safeguarding reached every secondary school."),
]  # fmt: skip

JUDGEMENTS = {  # doc_id -> (date, [(area, grade)])
    "inspection-2013": (
        "2013-12-11",
        [("Overall effectiveness", "Inadequate"), ("Adoption performance", "Good")],
    ),
    "inspection-2016": (
        "2016-02-17",
        [("Overall effectiveness", "Requires improvement"), ("Adoption performance", "Good")],
    ),
}


def _write(catalogue: Catalogue, document: Document, paragraphs, judgements=()) -> None:
    record = FileRecord(f"/docs/{document.source}", document.source, "1" * 64, 1, 9, "2024-01-01")
    catalogue.replace_file(record, [document], paragraphs, judgements)


def _document(doc_id: str, title: str, kind: Kind, date: str | None, last_page: int = 1):
    return Document(doc_id, title, kind, date, f"{doc_id}.pdf", 1, last_page, "1" * 64)


def make_app_library(data_dir: Path) -> tuple[Settings, Catalogue]:
    settings, catalogue = make_catalogue(data_dir)
    lscb = _document("lscb-review", "Review of the LSCB", Kind.LSCB_REVIEW, "2016-03-16", 9)
    _write(
        catalogue,
        lscb,
        [
            Paragraph(lscb.doc_id, i, label, f"para {label}", page, page, ("Partnership",), text)
            for i, (label, page, text) in enumerate(LSCB)
        ],
    )
    for doc_id, (date, grades) in JUDGEMENTS.items():
        document = _document(doc_id, f"Inspection of children's services {date[:4]}",
                             Kind.OFSTED_INSPECTION, date)  # fmt: skip
        paragraphs = [
            Paragraph(doc_id, i, str(i + 1), f"para {i + 1}", 1, 1, ("Judgements",),
                      f"{i + 1}. {area}: {grade}")
            for i, (area, grade) in enumerate(grades)
        ]  # fmt: skip
        judgements = [
            Judgement(doc_id, area, grade, f"{doc_id}#{i}")
            for i, (area, grade) in enumerate(grades)
        ]
        _write(catalogue, document, paragraphs, judgements)
    markup = _document("portal-notes", "Portal <b>notes</b>", Kind.OTHER, "2015-05-01")
    _write(catalogue, markup, [Paragraph(markup.doc_id, 0, "", "p. 1, ¶1", 1, 1, (), SCRIPT_TEXT)])
    return settings, catalogue
