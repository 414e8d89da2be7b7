"""A small hand-made catalogue for the index tests: three papers, labelled and unlabelled
paragraphs, a bullet list, an acronym definition and one near-duplicate paragraph."""

from __future__ import annotations

from pathlib import Path

from assistant.settings import Settings
from assistant.types import Document, Kind, Paragraph
from ingest.catalogue import Catalogue, FileRecord

OFSTED_2016 = [
    ("48", "Inspection findings", "Children looked after are visited regularly by their social "
     "workers, who know them well and listen to their wishes."),
    ("49", "Inspection findings", "The virtual school for children looked after has been "
     "ineffective for at least a year and the head of the virtual school lacks status."),
    ("50", "Inspection findings", "Young people expressed concerns about the safety of housing "
     "options offered to care leavers, including fights and drug use."),
    ("51", "Inspection findings", "The multi-agency safeguarding hub (MASH) is not yet in place; "
     "police reluctance to commit resources has delayed it."),
    ("52", "Inspection findings", "The MASH will be completed in summer 2016, according to the "
     "trust's improvement plan."),
    ("53", "Adoption", "Nine adopters were approved in 2014-15 and six have been approved so "
     "far this year."),
    ("54", "Leadership", "Morale is good among social workers who moved to the new trust, and "
     "there is a clear sense of momentum."),
]  # fmt: skip
SCRUTINY_2011 = [
    ("5.3", "Ofsted inspection regime", "The new inspection regime will be unannounced and "
     "will focus on the experiences of children and young people."),
    ("5.4", "Findings", "Ofsted carried out an audit of case files and found weaknesses in "
     "management oversight of child protection plans."),
    ("5.5", "Next steps", "The council expects the Department for Education (DfE) to issue an "
     "improvement notice within weeks."),
    ("5.6", "Next steps", "An Improvement Board will oversee the delivery of the recovery plan:"),
    ("5.6", "Next steps", "Monthly reports on caseloads to the lead member."),
    ("5.6", "Next steps", "An audit of all cases of children under five on protection plans."),
]  # fmt: skip
NEWS = [
    ("", "", "Inspectors found that long-term planning for children has improved since the "
     "last inspection, on their fourth monitoring visit."),
    ("", "", "Children looked after are visited regularly by their social workers, who know "
     "them well and listen to their wishes."),  # duplicates Ofsted para 48
    ("", "", "Plans too often falter when a child is allocated to a new social worker."),
]  # fmt: skip

DOCUMENTS = {
    "ofsted-2016": (Kind.OFSTED_INSPECTION, "2016-02-17", "Inspection of Slough 2016", OFSTED_2016),
    "scrutiny-2011": (Kind.COMMITTEE_REPORT, "2011-06-09", "Scrutiny report 2011", SCRUTINY_2011),
    "news-visit": (Kind.NEWS, None, "Fourth monitoring visit", NEWS),
}


def paragraphs_of(doc_id: str, rows) -> list[Paragraph]:
    out = []
    for seq, (label, section, text) in enumerate(rows):
        style = "bullet" if label and out and out[-1].label == label else "body"
        locator = f"para {label}" if label else f"p. 1, ¶{seq + 1}"
        out.append(
            Paragraph(doc_id, seq, label, locator, 1, 1, (section,) if section else (), text, style)
        )
    return out


def write_document(
    catalogue: Catalogue, doc_id: str, rows=None, *, kind=None, date="", title=""
) -> None:
    """(Re)write one paper as its own file; `rows` defaults to its rows above."""
    base = DOCUMENTS.get(doc_id, (Kind.OTHER, None, doc_id, []))
    base_kind, base_date, base_title, base_rows = base
    document = Document(
        doc_id,
        title or base_title,
        kind or base_kind,
        base_date if date == "" else date,
        f"{doc_id}.pdf",
        1,
        1,
        "0" * 64,
    )
    paragraphs = paragraphs_of(doc_id, base_rows if rows is None else rows)
    record = FileRecord(f"/docs/{doc_id}.pdf", f"{doc_id}.pdf", "0" * 64, 1, 1, "2024-01-01")
    catalogue.replace_file(record, [document], paragraphs)


def make_catalogue(data_dir: Path) -> tuple[Settings, Catalogue]:
    settings = Settings(data_dir=data_dir)
    catalogue = Catalogue.open(settings.catalogue_path)
    for doc_id in DOCUMENTS:
        write_document(catalogue, doc_id)
    catalogue.set_canonical({"news-visit#1": "ofsted-2016#0"})
    return settings, catalogue
