"""Near-duplicate paragraphs across documents, and the inspectorate's template text among them."""

from __future__ import annotations

from dataclasses import replace

from assistant.types import Kind
from ingest.duplicates import link_duplicates, template_paragraphs
from tests.answerfakes import document, hit

ABOUT_OFSTED = (
    "The Office for Standards in Education, Children's Services and Skills (Ofsted) regulates and "
    "inspects to achieve excellence in the care of children and young people."
)
FINDING = (
    "Advocacy services for children and the independent visitor service have not been "
    "effectively commissioned."
)


def _paragraph(doc, seq, text):
    return hit("", text, doc=doc, seq=seq).paragraph


def _linked(paragraphs):
    links = link_duplicates(paragraphs, {p.doc_id: 10 for p in paragraphs})
    return [replace(p, canonical=links[p.id]) for p in paragraphs]


def test_a_paragraph_printed_in_two_papers_is_linked_to_one_canonical_copy():
    report, pack = document("ofsted-2016"), document("pack-2016", "2016-03-16")
    first, second = _paragraph(report, 0, FINDING), _paragraph(pack, 5, FINDING)
    links = link_duplicates([first, second], {"ofsted-2016": 40, "pack-2016": 68})
    assert links == {second.id: None, first.id: second.id}  # the larger paper's copy


def test_text_printed_in_inspection_reports_of_different_dates_is_template():
    old, new = document("ofsted-2013", "2013-12-11"), document("ofsted-2016", "2016-02-17")
    paragraphs = _linked(
        [_paragraph(old, 0, ABOUT_OFSTED), _paragraph(new, 0, ABOUT_OFSTED),
         _paragraph(new, 1, FINDING)]
    )  # fmt: skip
    documents = {d.doc_id: d for d in (old, new)}
    template = template_paragraphs(paragraphs, documents)
    assert template == {paragraphs[0].id, paragraphs[1].id}


def test_a_finding_a_committee_paper_reprints_is_not_template():
    report = document("ofsted-2016", "2016-02-17")
    pack = replace(document("pack-2016", "2016-03-16"), kind=Kind.COMMITTEE_REPORT)
    summary = document("ofsted-2016-summary", None)  # the same inspection, published alone
    paragraphs = _linked(
        [_paragraph(report, 0, FINDING), _paragraph(pack, 0, FINDING),
         _paragraph(summary, 0, FINDING)]
    )  # fmt: skip
    documents = {d.doc_id: d for d in (report, pack, summary)}
    assert template_paragraphs(paragraphs, documents) == frozenset()
