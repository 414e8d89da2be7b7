"""Reading what a question asks for from its wording."""

from __future__ import annotations

import pytest

from assistant.intent import has_date, read_intent


@pytest.mark.parametrize(
    "question, when",
    [
        ("When was the 2013 inspection?", True),
        ("When was the 2013 inspection and who led it?", True),
        ("Who led it, and when did it start?", True),
        ("What date was the report published?", True),
        ("I heard morale collapsed when everyone moved to the trust - what did Ofsted say?", False),
        ("How many adopters were approved?", False),
    ],
)
def test_a_question_asking_when_wants_a_date(question, when):
    assert read_intent(question).when is when


@pytest.mark.parametrize(
    "sentence, dated",
    [
        ("The trust took over from the council on 1 October 2015.", True),
        ("Completion is due in Summer 2016.", True),
        ("The panel meets on Thursday 21st April.", True),
        ("Inspection date: 19 November – 11 December 2013", True),
        ("The previous inspection was in 2011.", True),
        ("The pace of improvement has accelerated since the trust began operations.", False),
        ("Nine adopters were approved in 2014-15.", False),  # a period, not a date
    ],
)
def test_a_sentence_gives_a_date(sentence, dated):
    assert has_date(sentence) is dated


def test_a_year_the_question_names_is_not_an_answer_to_when():
    assert not has_date("The 2016 report was critical.", "When in 2016 was the report published?")
    assert has_date("It was published on 17 February 2016.", "When in 2016 was it published?")


@pytest.mark.parametrize(
    "question, who",
    [
        ("Who chaired the panel?", True),
        ("And who led it?", True),
        ("When was the 2013 inspection and who led it?", False),  # a person is half the answer
        ("What did the lead member say?", False),
    ],
)
def test_a_question_opening_with_who_asks_for_a_person(question, who):
    assert read_intent(question).who is who
