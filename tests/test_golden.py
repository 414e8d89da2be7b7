"""Golden files pin what users rely on for each sample document: the split into papers, and
every paragraph's label, page, section and opening words.

Refresh after an intended change with `pytest tests/test_golden.py --update-golden`, then read
the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from tests.conftest import CORPUS_PDF

GOLDEN = Path(__file__).parent / "golden"
SAMPLES = sorted(p.name for p in CORPUS_PDF.glob("*.pdf"))


def snapshot(path: Path) -> dict:
    parsed = parse_file(path)
    return {
        "documents": [
            {
                "doc_id": d.doc_id,
                "title": d.title,
                "kind": d.kind.value,
                "date": d.date,
                "pages": [d.first_page, d.last_page],
            }
            for d in parsed.documents
        ],
        "paragraphs": [
            [
                p.doc_id.rsplit(".", 1)[-1],
                p.label,
                p.locator,
                p.page,
                p.last_page,
                " > ".join(p.section)[-80:],
                p.style,
                p.text[:60],
            ]
            for p in parsed.paragraphs
        ],
        "judgements": [[j.area, j.grade, j.paragraph_id] for j in parsed.judgements],
    }


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_document_matches_its_golden_file(name, update_golden):
    actual = snapshot(CORPUS_PDF / name)
    golden = GOLDEN / f"{Path(name).stem}.json"
    if update_golden or not golden.exists():
        golden.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n")
    expected = json.loads(golden.read_text())
    assert actual["documents"] == expected["documents"]
    assert actual["judgements"] == expected["judgements"]
    for got, want in zip(actual["paragraphs"], expected["paragraphs"], strict=False):
        assert got == want, f"first difference in {name}"
    assert len(actual["paragraphs"]) == len(expected["paragraphs"])


def test_agenda_pack_splits_into_its_papers():
    documents = snapshot(CORPUS_PDF / "scrutiny-2016-03-16-agenda-pack.pdf")["documents"]
    kinds = [d["kind"] for d in documents]
    assert kinds[:6] == [
        "agenda",
        "minutes",
        "committee report",
        "Ofsted inspection",
        "committee report",
        "committee report",
    ]
    assert "work programme" in kinds
    ofsted = documents[3]
    assert ofsted["date"] == "2016-02-17"
    assert ofsted["title"].startswith("Slough Borough Council: Inspection of services")
    minutes = documents[1]
    assert minutes["date"] == "2016-01-28"


def test_ofsted_report_in_the_pack_yields_its_paragraphs_in_order():
    parsed = parse_file(CORPUS_PDF / "scrutiny-2016-03-16-agenda-pack.pdf")
    ofsted = next(d for d in parsed.documents if d.kind.value == "Ofsted inspection")
    numbered = [
        int(p.label)
        for p in parsed.paragraphs
        if p.doc_id == ofsted.doc_id
        and p.label.isdigit()
        and int(p.label) >= 5
        and p.locator == f"para {p.label}"
        and p.text.startswith(f"{p.label}.")
    ]
    assert numbered == list(range(5, 146))
    para_49 = next(p for p in parsed.paragraphs if p.doc_id == ofsted.doc_id and p.label == "49")
    assert para_49.text.startswith("49. The virtual school for children looked after")
    assert ofsted.first_page <= para_49.page <= ofsted.last_page
