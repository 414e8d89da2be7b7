"""Questions asking for a paper's summary: told apart from questions about a topic."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.intent import read_intent
from assistant.scoring import TermWeights
from assistant.summary import answer_sentences, asks_for_summary
from assistant.types import Kind
from tests.answerfakes import document, hit

CORPUS = [
    "Summary of key findings: the 2016 Ofsted report on Slough.",
    "The LSCB's strengths and weaknesses, for a board paper.",
    "Care leavers in education, employment or training.",
]


@pytest.mark.parametrize(
    "question, asks",
    [
        ("Summarise the 2016 Ofsted report.", True),
        ("What were the key findings of the 2013 inspection?", True),
        ("Give me a brief overview of the latest report", True),
        ("LSCB strengths and weaknesses from the 2016 review - summary for a board paper", False),
        ("Summarise what Ofsted said about care leavers in 2015", False),
        # what a paper found or said, no topic named: its summary
        ("What did the 2016 Ofsted report say?", True),
        ("What did the latest focused visit find?", True),
        ("What did the 2016 Ofsted report say about care leavers?", False),
        # a report's summary leads with its main weaknesses
        ("What are the main weaknesses Ofsted found in 2013?", True),
        ("What were the biggest concerns in the 2016 report?", True),
        ("What concerns did Ofsted raise about care leavers?", False),  # a topic, not the summary
        # a letter named by its kind and month
        ("Summarise the March 2017 monitoring visit letter", True),
        ("What were the main findings of the latest monitoring visit?", True),
        # news named by its kind
        ("Summarise the latest news item", True),
        ("What did the news article say?", True),
        ("What did the news article say about managers?", False),
    ],
)
def test_a_summary_of_a_paper_is_asked_for_only_when_no_topic_is_named(question, asks):
    assert asks_for_summary(question, TermWeights(CORPUS)) is asks


@pytest.mark.parametrize(
    "heading, named",
    [
        ("Thursday 21st April", True),  # a programme's row: the year is the question's
        ("21 April 2016", True),
        ("21st April 2015", False),
        ("Wednesday 16th March", False),
    ],
)
def test_a_heading_names_the_asked_day_with_or_without_its_year(heading, named):
    from assistant.summary import names_day

    assert names_day(heading, {"2016-04-21"}) is named


def test_a_summary_of_the_kind_of_paper_named_is_taken_from_a_paper_of_that_kind():
    """ "the main findings of the latest monitoring visit": the letter's overview, not the
    summary of the inspection that ranks above it."""
    report, letter = document("ofsted-2016"), document("visit-2017", "2017-03-14")
    papers = {
        doc.doc_id: [
            hit("", heading, doc=doc, seq=0, style="heading").paragraph,
            hit("", text, doc=doc, seq=1, section=(heading,)).paragraph,
        ]
        for doc, heading, text in [
            (report, "Summary", "Children's services are inadequate."),
            (letter, "Overview", "Progress remains too slow."),
        ]
    }
    hits = [hit("", "Services are inadequate.", doc=report), hit("", "Slow.", doc=letter)]
    question = "What were the main findings of the latest monitoring visit?"
    intent = read_intent(question)
    answer = answer_sentences(question, hits, papers.__getitem__, intent)
    assert [s.text for s in answer] == ["Children's services are inadequate."]
    answer = answer_sentences(question, hits, papers.__getitem__, intent, frozenset({"visit-2017"}))
    assert [s.text for s in answer] == ["Progress remains too slow."]


def test_an_inspection_printing_no_summary_heading_is_summarised_by_its_opening_prose():
    """An inspection since 2018 opens with its cover's fields, a table of judgements and its
    summary, unheaded, before "What needs to improve"; one paragraph is quoted whole."""
    report = document("ilacs-2019", "2019-06-21")
    opening = "Services have improved. Help is now good. Care plans are not yet good."
    rows = [
        ("", "Inspection of Exampleshire children's services", "heading"),
        ("", "Lead inspector: Helen Carter", "body"),
        ("", "Overall effectiveness | Good", "table"),
        ("", opening, "body"),
        ("", "What needs to improve", "heading"),
        ("", "The quality of care plans.", "bullet"),
        ("1", "1. Children are seen quickly.", "body"),
    ]
    paragraphs = [hit(label, text, doc=report, seq=i, style=style).paragraph
                  for i, (label, text, style) in enumerate(rows)]  # fmt: skip
    hits = [hit("1", "1. Children are seen quickly.", doc=report, seq=6)]
    question = "Summarise the 2019 inspection report"
    answer = answer_sentences(question, hits, {"ilacs-2019": paragraphs}.__getitem__,
                              read_intent(question))  # fmt: skip
    assert " ".join(s.text for s in answer) == opening


def test_a_news_item_is_summarised_by_its_opening_paragraphs():
    """News is written with its summary first: the item prints no summary heading."""
    news = replace(document("news-visit", None), kind=Kind.NEWS)
    texts = ["Managers need to act sooner, says Ofsted.", "Plans too often falter."]
    paragraphs = [hit("", t, doc=news, seq=i).paragraph for i, t in enumerate(texts)]
    hits = [hit("", texts[1], doc=news, seq=1)]
    question = "Summarise the latest news item"
    answer = answer_sentences(question, hits, {"news-visit": paragraphs}.__getitem__,
                              read_intent(question))  # fmt: skip
    assert [s.text for s in answer] == texts
