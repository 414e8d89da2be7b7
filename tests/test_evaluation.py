"""Quote normalisation and matching for retrieval recall."""

from __future__ import annotations

import pytest

from assistant.evaluation import load_questions, normalise, quote_matches, retrieval_recall
from assistant.types import Document, Hit, Kind, Paragraph


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Services – **inadequate**", "services - inadequate"),
        ("<b>Thursday 21<sup>st</sup> April</b>", "thursday 21 st april"),
        ("<li>• <u>Corporate Parenting</u></li>", "corporate parenting"),
        ("children&#39;s &amp; young people&rsquo;s", "children's & young people's"),
        ("‘inadequate’ — “fair”", "'inadequate' - \"fair\""),
        ("# Heading\n\n  spread   over\tlines ", "heading spread over lines"),
        ("*emphasis* and ***strong***", "emphasis and strong"),
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "quote, passage, expected",
    [
        ("found to be 'inadequate'", "the report found to be 'inadequate'.", True),
        ("found childrens services inadequate", "it found children's services inadequate", True),
        ("nine adopters were approved", "six adopters were refused last year", False),
        ("a long quote that runs on past the end of this short paragraph", "a long quote", False),
        ("", "anything", False),
    ],
)
def test_quote_matches(quote, passage, expected):
    assert quote_matches(normalise(quote), normalise(passage)) is expected


class _Fixed:
    def __init__(self, hits):
        self.hits = hits

    def search(self, query, k=10):
        return self.hits[:k]


def test_retrieval_recall_counts_quotes_at_each_depth(tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"id": "q1", "question": "q?", "evidence": ['
        '{"doc": "report", "quote": "**Alpha** beta", "para": "1"},'
        '{"doc": "report", "quote": "gamma delta", "para": null}]}\n'
        '{"id": "q2", "question": "none?", "evidence": []}\n'
    )
    document = Document("report", "Report", Kind.OTHER, None, "report.pdf", 1, 1, "0")
    texts = ["nothing here", "alpha beta!", "more", "gamma   delta"]
    hits = [
        Hit(Paragraph("report", i, "", "", 1, 1, (), text), document, 1.0, i + 1)
        for i, text in enumerate(texts)
    ]
    report = retrieval_recall(_Fixed(hits), load_questions(questions), ks=(2, 5))
    assert [r.rank for r in report.results] == [2, 4]
    assert report.recall(2) == 0.5 and report.recall(5) == 1.0
    assert report.summary() == {"quotes": 2, "recall@2": 0.5, "recall@5": 1.0}


def test_a_paragraph_number_is_checked_only_where_the_quote_is_printed_word_for_word():
    from assistant.evaluation import Evidence, Question, score_answers
    from assistant.types import Answer, Citation
    from tests.answerfakes import document, hit

    pack = document("scrutiny-pack", "2016-03-16")
    row = hit("2.2", "2.2 Experiences and progress of care leavers Inadequate", doc=pack)
    bullet = hit("5.2", "The grades: • Experiences and progress of care leavers – inadequate",
                 doc=pack, seq=1)  # fmt: skip
    evidence = Evidence("scrutiny-pack", "Experiences and progress of care leavers – inadequate",
                        "5.2")  # fmt: skip
    question = Question("q", "care leavers grade?", "fact", (evidence,), {})
    cited = tuple(Citation(n, h, h.paragraph.text) for n, h in enumerate((row, bullet), 1))
    answer = Answer("care leavers grade?", "...", cited, (row, bullet), False)
    scores = score_answers([(question, answer)])
    assert (scores["paragraph_accuracy"], scores["paragraphs_checked"]) == (1.0, 1)
