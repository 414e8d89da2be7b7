"""The answerability decision: strength, scope in time and answer type."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.abstain import (
    MIN_SCORE,
    counting_figures,
    decide,
    giving_a_place,
    in_year_scope,
    is_venue,
    naming_a_person,
    of_the_day,
    on_topic_figures,
)
from assistant.intent import read_intent
from assistant.scoring import TermWeights
from tests.answerfakes import document, hit, scored

CORPUS = [
    "Social work caseloads were approximately 20 at the time of the visit.",
    "Lead inspector: Gary Lamb",
    "The inspection was led by HMI.",
    "The Chief Executive and the Director of Children's Services briefed members.",
    "Nine adopters were approved in 2014-15.",
    "The chief executive reported to members.",
    "Children's services were judged inadequate.",
    "The Director of Children's Services attended.",
    "The Chief Executive attended.",
    "Chief Executive and Director met.",
    "Children's Services Trust began in October.",
    "The scrutiny panel meeting was chaired well.",
    "Cllr Pantelic was nominated.",
]


@pytest.fixture(scope="module")
def weights():
    return TermWeights(CORPUS)


def _one(text: str, score: float = 1.0, lexical: float = 0.6, date: str | None = "2016-02-17"):
    return [scored(hit("1", text, doc=document("d", date)), text, score, lexical=lexical)]


def test_strong_relevant_evidence_is_answerable(weights):
    question = "How many adopters were approved?"
    decision = decide(question, _one("Nine adopters were approved in 2014-15."),
                      read_intent(question), weights)  # fmt: skip
    assert decision.answerable, decision.reason


def test_weak_evidence_abstains(weights):
    question = "What did the council spend on taxis?"
    sentences = _one("Children's services were judged inadequate.", score=MIN_SCORE - 0.1)
    assert not decide(question, sentences, read_intent(question), weights).answerable


def test_nothing_retrieved_abstains(weights):
    assert not decide("Anything?", [], read_intent("Anything?"), weights).answerable


def test_a_figure_question_needs_a_sentence_with_a_figure(weights):
    question = "How many social workers left the service?"
    sentences = _one("Social workers say that they are excited by the new organisation.")
    decision = decide(question, sentences, read_intent(question), weights)
    assert not decision.answerable and "figure" in decision.reason


def test_a_who_question_needs_a_name(weights):
    question = "Who was the lead member for children's services?"
    roles = _one("The Chief Executive and the Director of Children's Services briefed members.")
    assert not decide(question, roles, read_intent(question), weights).answerable
    question = "Who led the inspection?"
    name = _one("Lead inspector: Gary Lamb")
    assert decide(question, name, read_intent(question), weights).answerable


def test_who_is_doing_something_may_be_answered_by_an_organisation(weights):
    question = "Who is leading the work now, the council or the board?"
    organisation = _one(
        "The Chief Executive and the Director of Children's Services briefed members."
    )
    assert decide(question, organisation, read_intent(question), weights).answerable


def test_a_share_question_without_a_share_in_the_evidence_abstains(weights):
    question = "What percentage of social workers were agency staff?"
    count = _one("Social work caseloads were approximately 20 at the time of the visit.")
    decision = decide(question, count, read_intent(question), weights)
    assert not decision.answerable and "figure" in decision.reason


def test_a_figure_counting_what_is_asked_comes_before_other_figures():
    question = "How many case files did Ofsted look at?"
    audit = _one("Audit of all case files of children under 5.", score=1.0, lexical=0.8)[0]
    files = _one("Ofsted reviewed 51 files across social care.", score=0.9, lexical=0.3)[0]
    assert counting_figures([audit, files], question) == [files, audit]
    assert on_topic_figures([audit, files], question) == [audit]  # counting alone decides nothing


def test_a_title_and_a_surname_name_a_person(weights):
    question = "Who chaired the scrutiny panel meeting?"
    minute = _one("Resolved: that Cllr Pantelic be appointed Chair of the Panel.")
    assert decide(question, minute, read_intent(question), weights).answerable
    asked_about = "Who nominated Cllr Pantelic?"
    same_name = _one("Cllr Pantelic was nominated.")
    assert not decide(asked_about, same_name, read_intent(asked_about), weights).answerable


def test_a_cover_field_naming_who_is_asked_for_counts_however_far_below_the_best(weights):
    # a three-word field line is less like the question to the model than a sentence about it
    question = "Who led the Nov-Dec 2015 Ofsted inspection?"
    dates = _one("The Ofsted inspection took place between 23 November and 17 December 2015.")[0]
    lead = _one("Lead inspector: Stephanie Murray", score=0.66, lexical=0.56)[0]
    said = _one("Ofsted said so, reported Stephanie Murray.", score=0.66, lexical=0.56)[0]
    # the label must hold the question, its dates aside: an author is not who led it
    off_field = _one("Report author: Stephanie Murray", score=0.66, lexical=0.56)[0]
    assert naming_a_person([dates, said, lead], question, weights) == [lead]
    assert naming_a_person([dates, off_field], question, weights) == []
    # the month and year choose the inspection; the label is not asked to hold them
    dated = "Who led the inspection in November 2015?"
    low = _one("Lead inspector: Stephanie Murray", score=0.5, lexical=0.3)[0]
    assert naming_a_person([dates, off_field, low], dated, weights) == [low]


def test_a_venue_is_a_room_or_postcode_under_its_label_or_a_venue_field():
    def under(text: str, *section: str):
        return hit("", text, section=section).paragraph

    cover = ("VENUE:",)
    assert is_venue(under("VENUS SUITE 2, ST MARTINS PLACE, 51 BATH", *cover))
    assert is_venue(under("ROAD, SLOUGH, BERKSHIRE, SL1 3UF", *cover))
    assert is_venue(under("Venue: Council Chamber, Town Hall"))
    assert not is_venue(under("VENUE:", "VENUE:"))  # the label is no place
    assert not is_venue(under("DAVE GORDON", *cover))  # the next field's value, set below it
    # Ofsted's own address is printed on every report: a postcode alone is no venue
    assert not is_venue(under("Manchester M1 2WD", "The inspection team"))


def test_a_venue_answers_where_however_far_below_the_best(weights):
    moved = _one("The meeting had been moved to 16th March 2016.")[0]
    line = "VENUS SUITE 2, ST MARTINS PLACE"
    venue = scored(hit("", line, section=("VENUE:",)), line, 0.3)
    room = _one("Members met in the Council Chamber.", score=0.9)[0]
    far = _one("Members once met in the Town Hall.", score=0.2)[0]
    assert giving_a_place([moved, room, venue, far]) == [room, venue]


@pytest.mark.parametrize(
    "date, text, allowed",
    [
        ("2011-06-09", "Caseloads were approximately 20.", False),  # another year's paper
        ("2016-02-17", "Caseloads were approximately 20.", True),  # the next year's report
        ("2015-07-01", "Caseloads were approximately 20.", True),
        ("2011-06-09", "By 2015 caseloads will be 18.", True),  # names the year itself
        (None, "Caseloads were approximately 20.", True),  # undated: cannot tell
    ],
)
def test_a_question_about_one_year_is_answered_from_that_years_papers(date, text, allowed):
    intent = read_intent("What was the average caseload in 2015?")
    (sentence,) = _one(text, date=date)
    assert in_year_scope(sentence, intent) is allowed


@pytest.mark.parametrize(
    "source, allowed",
    [
        ("ofsted-2016-summary.pdf", False),  # the 2016 report's summary, printed without a date
        ("ofsted-2013-summary.pdf", True),
        ("looked-after-summary.pdf", True),  # no year anywhere: cannot tell
        ("plan-2015-to-2018.pdf", True),  # two years in the name: cannot tell
    ],
)
def test_an_undated_paper_takes_its_year_from_its_file_name(source, allowed):
    intent = read_intent("What were the problems with the IROs in the 2013 report?")
    paper = replace(document("summary", None), source=source)
    text = "IROs are not influential enough."
    (sentence,) = [scored(hit("8", text, doc=paper), text, 1.0)]
    assert in_year_scope(sentence, intent) is allowed


def test_a_dated_paper_keeps_its_own_year_whatever_its_file_is_called():
    paper = replace(document("report", "2013-12-11"), source="ofsted-2014-report.pdf")
    assert paper.year == "2013"


@pytest.mark.parametrize(
    "question, allowed",
    [
        ("What did the 2014 report say about early help?", True),  # published in 2014
        ("What did the 2013 inspection say about early help?", True),
        ("How was early help in 2014?", False),  # what happened in 2014 is not in it
        ("What did the 2016 report say about early help?", False),
    ],
)
def test_a_paper_named_by_the_year_its_file_is_named_with_is_that_years_paper(question, allowed):
    paper = replace(document("report", "2013-12-11"), source="ofsted-2014-report.pdf")
    assert paper.years == ("2013", "2014")
    text = "Early help is not well targeted."
    (sentence,) = [scored(hit("", text, doc=paper), text, 1.0)]
    assert in_year_scope(sentence, read_intent(question)) is allowed


def test_a_comparison_of_years_is_not_scoped_to_one():
    intent = read_intent("How did caseloads change between 2011 and 2015?")
    (sentence,) = _one("Caseloads were approximately 20.", date="2011-06-09")
    assert in_year_scope(sentence, intent)


@pytest.mark.parametrize(
    "question, date, allowed",
    [
        ("How many were looked after in 2013 compared with 2016?", "2011-06-09", False),
        ("How many were looked after in 2013 compared with 2016?", "2014-01-10", True),
        ("How many were looked after in 2013 compared with 2016?", "2016-02-17", True),
        ("Has the CiCC become more representative since 2013?", "2011-06-09", False),
        ("Has the CiCC become more representative since 2013?", "2016-02-17", True),
        ("Has the CiCC become more representative since 2013?", None, True),
    ],
)
def test_a_comparison_is_answered_from_the_years_it_names_or_since(question, date, allowed):
    (sentence,) = _one("Numbers were reported.", date=date)
    assert in_year_scope(sentence, read_intent(question)) is allowed


def test_a_question_naming_a_day_is_answered_from_that_days_papers_when_there_are_any():
    (minute,) = _one("Cllr Pantelic took the Chair.", date="2016-01-28")
    (agenda,) = _one("Minutes of the meeting held on 28th January 2016.", date="2016-03-16")
    question = "Who chaired the meeting on 28 January 2016?"
    assert of_the_day(question, [agenda, minute]) == [minute]
    assert of_the_day("Who chaired the meeting on 2 May 2016?", [agenda, minute]) == [
        agenda,
        minute,
    ]


def test_on_topic_figures_are_strong_sentences_with_a_figure_covering_the_question():
    best = _one("Care leavers are supported.", score=1.0, lexical=0.8)[0]
    figure = _one("Nearly 70% of care leavers are in EET.", score=0.9, lexical=0.6)[0]
    off_topic = _one("Caseloads are 20.", score=0.95, lexical=0.2)[0]
    weak = _one("In 2011, 12% were in EET.", score=0.5, lexical=0.6)[0]
    assert on_topic_figures([best, off_topic, figure, weak]) == [figure]


def test_the_person_named_by_the_closest_line_comes_first(weights):
    question = "Who was the lead inspector?"
    deputy = _one("Deputy lead inspector: Sheena Doyle", score=1.0, lexical=0.9)[0]
    lead = _one("Lead inspector: Stephanie Murray", score=0.95, lexical=0.9)[0]
    team = _one("The inspection team consisted of eight inspectors.", score=0.99)[0]
    assert naming_a_person([deputy, team, lead], question, weights) == [lead, deputy]


@pytest.mark.parametrize(
    "date, text, allowed",
    [
        ("2011-06-09", "A contingency budget of £600,000 was set aside.", False),
        ("2016-03-16", "The budget was agreed.", True),  # the year after the period
        ("2011-06-09", "The 2015 budget will be set in March.", True),  # names the period's start
    ],
)
def test_a_question_naming_only_a_period_is_answered_from_that_periods_papers(date, text, allowed):
    intent = read_intent("What was the children's services budget in 2015-16?")
    (sentence,) = _one(text, date=date)
    assert in_year_scope(sentence, intent) is allowed


def test_a_days_date_is_not_a_figure_answering_how_much():
    question = "How much did the trust cost to set up?"
    dated = _one("On 1 October 2015 the trust took over services.", 0.9, 0.6)[0]
    assert on_topic_figures([dated], question) == []


def test_a_figure_the_question_names_is_not_an_answer_to_how_many():
    question = "How many referrals did the new team get in its first six months?"
    echo = _one("Police refer over six times more cases than any agency.", 0.9, 0.6)[0]
    answer = _one("The team received 41 referrals in six months.", 0.9, 0.6)[0]
    assert on_topic_figures([echo], question) == []
    assert on_topic_figures([echo, answer], question) == [answer]


def test_passages_out_of_the_questions_years_rank_after_those_the_answer_may_use():
    from assistant.answer import _reranked

    old = hit(
        "5.6", "Actions after the Ofsted judgement on plans.", doc=document("r2011", "2011-06-09")
    )
    new = hit("18", "Child protection plans vary from inadequate to good.", seq=1)
    sentences = [scored(old, old.paragraph.text, 1.1), scored(new, new.paragraph.text, 0.8)]
    ranked = _reranked(
        [old, new], sentences, read_intent("What did Ofsted find about plans in 2015?")
    )
    assert [h.paragraph.label for h in ranked] == ["18", "5.6"]
    # with no year named, the better sentence ranks first
    ranked = _reranked([old, new], sentences, read_intent("What did Ofsted find about plans?"))
    assert [h.paragraph.label for h in ranked] == ["5.6", "18"]
