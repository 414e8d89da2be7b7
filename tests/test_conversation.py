"""Follow-up questions resolved against earlier answers."""

from __future__ import annotations

import pytest

from assistant.conversation import reply_from_history, resolve, rewrite
from assistant.types import Answer, Citation
from tests.answerfakes import hit

CITED = hit("73", "Nine adopters were approved in 2014-15. Delays were long.")
FIRST = Answer(
    "How many adopters were approved in 2015?",
    "Nine adopters were approved in 2014-15. [1]",
    (Citation(1, CITED, "Nine adopters were approved in 2014-15."),),
    (CITED,),
    False,
)


@pytest.mark.parametrize(
    "follow_up", ["which paragraph was that?", "What page is that on?", "source?"]
)
def test_where_questions_are_answered_from_the_last_citations(follow_up):
    resolution = resolve(follow_up, [FIRST])
    assert resolution.reply == "where" and resolution.previous is FIRST
    text = reply_from_history(resolution)
    assert "para 73, p. 3" in text and "[1]" in text


@pytest.mark.parametrize("follow_up", ["give me the exact quote", "quote it", "exact words?"])
def test_quote_requests_return_the_verbatim_sentences_with_references(follow_up):
    resolution = resolve(follow_up, [FIRST])
    assert resolution.reply == "quote"
    text = reply_from_history(resolution)
    assert "“Nine adopters were approved in 2014-15.”" in text
    assert "Report ofsted-2016. Ofsted inspection report, 17 Feb 2016, para 73, p. 3" in text


@pytest.mark.parametrize(
    "follow_up, expected",
    [
        ("and in 2013?", "How many adopters were approved in 2013?"),
        ("2011?", "How many adopters were approved in 2011?"),
        ("what about foster carers?", "what about foster carers? " + FIRST.question),
    ],
)
def test_elliptical_follow_ups_are_rewritten_with_the_previous_question(follow_up, expected):
    assert resolve(follow_up, [FIRST]).query == expected


def test_follow_ups_chain():
    second = Answer("and in 2013?", "…", (), (), True)
    assert resolve("and in 2011?", [FIRST, second]).query == (
        "How many adopters were approved in 2011?"
    )


def test_a_full_question_stands_on_its_own():
    question = "What did Ofsted say about the virtual school for children looked after?"
    assert resolve(question, [FIRST]).query == question
    assert resolve(question, []).reply is None


def test_without_history_nothing_is_rewritten():
    assert resolve("and in 2013?", []).query == "and in 2013?"
    assert resolve("which paragraph was that?", []).reply is None


def test_a_year_is_appended_when_the_previous_question_named_none():
    assert rewrite("and in 2013?", "Who led the inspection?") == "Who led the inspection in 2013?"
