"""The acceptance measure of paragraph numbering: for the dev set's evidence quotes that give a
printed paragraph number, the paragraph holding the quote carries exactly that label."""

from __future__ import annotations

from pathlib import Path

from assistant.evaluation import load_questions, normalise, quote_matches
from tests.conftest import DEV_SET

FLOOR = 0.98


def label_accuracy(catalogue) -> tuple[int, int, list[str]]:
    documents = {d.doc_id: d for d in catalogue.documents()}
    paragraphs = catalogue.paragraphs()
    normalised = {p.id: normalise(p.text) for p in paragraphs}
    right = total = 0
    misses = []
    for question in load_questions(DEV_SET):
        for evidence in question.evidence:
            if evidence.para is None:
                continue
            total += 1
            quote = normalise(evidence.quote)
            holders = [
                p
                for p in paragraphs
                if Path(documents[p.doc_id].source).stem == evidence.doc
                and quote_matches(quote, normalised[p.id])
            ]
            if any(p.label == evidence.para for p in holders):
                right += 1
            else:
                misses.append(
                    f"{question.id}: want {evidence.para}, got "
                    f"{[p.label for p in holders]} for {evidence.quote[:50]!r}"
                )
    return right, total, misses


def test_evidence_quotes_sit_in_paragraphs_with_the_printed_label(ingested_catalogue):
    right, total, misses = label_accuracy(ingested_catalogue)
    assert total >= 30
    assert right / total >= FLOOR, misses


def test_every_evidence_quote_is_found_in_some_paragraph(ingested_catalogue):
    documents = {d.doc_id: d for d in ingested_catalogue.documents()}
    texts = [
        (Path(documents[p.doc_id].source).stem, normalise(p.text))
        for p in ingested_catalogue.paragraphs()
    ]
    missing = [
        e.quote
        for q in load_questions(DEV_SET)
        for e in q.evidence
        if not any(doc == e.doc and quote_matches(normalise(e.quote), t) for doc, t in texts)
    ]
    assert not missing
