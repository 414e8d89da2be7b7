"""A paper's priorities (objectives, themes) answered with the headings that name them."""

from __future__ import annotations

from assistant.scoring import TermWeights
from assistant.series import answer_sentences, asks_for_series
from assistant.types import Document, Hit, Kind, Paragraph


def paper(doc_id: str, title: str, lines: list[tuple[str, str, str]]):
    document = Document(doc_id, title, Kind.STRATEGY, "2016-03-16", "pack.pdf", 1, 9, "0" * 64)
    paragraphs = [
        Paragraph(
            doc_id, i, label, f"para {label}" if label else f"p. 2, ¶{i}", 2, 2, (), text, style
        )  # fmt: skip
        for i, (style, label, text) in enumerate(lines)
    ]
    return document, paragraphs


STRATEGY = paper(
    "strategy",
    "SLSCB Child Sexual Exploitation Strategy 2015 – 2017",
    [
        (
            "body",
            "1",
            "1. Summary We aim to do this under the following key strategic priorities:-",
        ),
        ("heading", "5", "5. Strategic Priority 1: Identify"),
        ("body", "5", "The SLSCB will develop a CSE problem profile."),
        ("heading", "6", "6. Strategic Objective 2: Prevent"),
        ("heading", "", "Strategic Objective 2: Prevent (cont'd)"),
        ("heading", "7", "7. Intelligence Sharing"),
    ],
)
PLAN = paper(
    "plan",
    "Missing Children Action Plan",
    [
        ("heading", "", "Key Strategic Priority: Find"),
        ("heading", "", "Key Strategic Priority: Return"),
        ("heading", "", "Key theme: Listen"),
    ],
)


def answer(question: str) -> list[tuple[str, str, str]]:
    papers = {d.doc_id: (d, ps) for d, ps in (STRATEGY, PLAN)}
    hits = [Hit(ps[0], d, 0.1, i + 1, ("bm25",)) for i, (d, ps) in enumerate([PLAN, STRATEGY])]
    weights = TermWeights(p.text for _, ps in papers.values() for p in ps)
    chosen = answer_sentences(question, hits, lambda doc_id: papers[doc_id][1], weights)
    return [(s.hit.document.doc_id, s.hit.paragraph.label, s.text) for s in chosen]


def test_questions_asking_for_several_named_things_are_told_apart():
    assert asks_for_series("What are the strategic priorities in the CSE strategy?")
    assert asks_for_series("List the themes of the business plan")
    assert not asks_for_series("Which priority did the panel agree first?")
    assert not asks_for_series("How did the trust perform on its priority cases?")


def test_the_paper_the_question_names_gives_its_series_with_the_sentence_announcing_it():
    assert answer("What are the strategic priorities of the SLSCB CSE strategy?") == [
        (
            "strategy",
            "1",
            "Summary We aim to do this under the following key strategic priorities:-",
        ),
        ("strategy", "5", "Strategic Priority 1: Identify"),
        ("strategy", "6", "Strategic Objective 2: Prevent"),  # once, though continued
    ]


def test_a_series_of_another_family_does_not_answer():
    # "Key theme: Listen" is one theme; priorities are not themes
    assert answer("What are the themes of the missing children plan?") == []
