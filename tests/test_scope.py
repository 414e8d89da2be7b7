"""Which sentences may answer: Ofsted's own words, a named year's paper, cover fields."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.intent import read_intent
from assistant.scope import (
    kind_named,
    kind_note,
    may_answer,
    of_the_kind_named,
    of_the_paper_named,
    ofsteds_own,
    papers_by_kind_named,
    without_kind_named,
)
from assistant.types import Kind
from tests.answerfakes import document, hit, scored

OFSTED_2013 = document("ofsted-2014", "2013-12-11")
OFSTED_2016 = document("ofsted-2016", "2016-02-17")
STRATEGY = replace(document("missing-strategy", "2016-03-16"), kind=Kind.STRATEGY)


def test_what_ofsted_said_is_taken_from_ofsteds_papers_when_they_answer():
    strategy = scored(hit("", "Children missing from home or care.", doc=STRATEGY), "a", 1.1)
    finding = scored(hit("46", "Return home interviews were late.", doc=OFSTED_2016), "b", 0.9)
    catalogue = [OFSTED_2013, OFSTED_2016, STRATEGY]

    def own(question, eligible):
        return ofsteds_own(question, eligible, read_intent(question), catalogue)

    question = "What did Ofsted say about children missing from home or care?"
    assert own(question, [strategy, finding]) == [finding]
    # not when Ofsted's best is too weak to answer, and not for other questions
    weak = scored(finding.hit, "b", 0.3)
    assert own(question, [strategy, weak]) == [strategy, weak]
    assert own("What does the strategy say?", [strategy, finding]) == [strategy, finding]
    # any form of a verb of saying; not "the Ofsted report", which names a paper
    describes = "Need the sentence where Ofsted describes the missing strategy."
    assert own(describes, [strategy, finding]) == [finding]
    resolved = "What was resolved about the Ofsted report?"
    assert own(resolved, [strategy, finding]) == [strategy, finding]
    # the inspection or Ofsted's report saying is Ofsted saying
    for said in ("What did the inspection say about the virtual school?",
                 "What did the Ofsted report say about return home interviews?",
                 "What did Ofsted's 2015 inspection find?"):  # fmt: skip
        assert own(said, [strategy, finding]) == [finding], said


def test_what_an_inspection_whose_report_is_not_held_said_is_taken_from_papers_reporting_it():
    committee = replace(document("committee-2011", "2011-06-09"), kind=Kind.COMMITTEE_REPORT)
    account = scored(hit("5.1", "The inspection judged safeguarding adequate.", doc=committee),
                     "a", 0.9)  # fmt: skip
    recalled = scored(hit("", "Safeguarding was last inspected in May 2011.", doc=OFSTED_2016),
                      "b", 1.0)  # fmt: skip
    question = "What did the 2011 inspection say about safeguarding?"
    catalogue = [OFSTED_2013, OFSTED_2016, committee]
    eligible = [recalled, account]
    assert ofsteds_own(question, eligible, read_intent(question), catalogue) == eligible
    # with the 2011 report held, its words are Ofsted's
    report_2011 = document("ofsted-2011", "2011-06-01")
    held = [*catalogue, report_2011]
    assert ofsteds_own(question, eligible, read_intent(question), held) == [recalled]


def test_a_years_paper_answers_for_itself_when_an_ofsted_paper_reports_on_that_year():
    old = scored(hit("", "Early help is insufficiently targeted.", doc=OFSTED_2013), "a", 0.9)
    new = scored(hit("142", "A recommendation from the inspection in 2013.", doc=OFSTED_2016),
                 "b", 1.0)  # fmt: skip
    intent = read_intent("What did the 2013 inspection say about early help?")
    documents = [OFSTED_2013, OFSTED_2016]
    assert of_the_paper_named([new, old], intent, documents) == [old]
    # no Ofsted paper of 2011 in the catalogue: later papers' accounts of it stay...
    intent_2011 = read_intent("What did the 2011 inspection say about safeguarding?")
    assert of_the_paper_named([new, old], intent_2011, documents) == [new, old]
    # ...unless a paper of 2011 reporting on it answers, as strongly as an answer must
    committee = replace(document("committee-2011", "2011-06-09"), kind=Kind.COMMITTEE_REPORT)
    account = scored(hit("5.4", "Ofsted judged safeguarding inadequate.", doc=committee), "c", 0.9)
    assert of_the_paper_named([new, account, old], intent_2011, [*documents, committee]) == [
        account
    ]
    weak = scored(account.hit, "c", 0.3)
    assert of_the_paper_named([new, weak], intent_2011, [*documents, committee]) == [new, weak]


def test_a_meetings_minutes_are_not_the_years_report_they_share_a_pack_with():
    minutes = replace(document("minutes-2016", "2016-01-28"), kind=Kind.MINUTES)
    moved = scored(hit("38", "Members were reminded the meeting had moved.", doc=minutes), "a", 1.0)
    found = scored(hit("107", "Political leadership has not been effective.", doc=OFSTED_2016),
                   "b", 0.8)  # fmt: skip
    intent = read_intent("What did the 2016 report say about elected members?")
    assert of_the_paper_named([moved, found], intent, [OFSTED_2016, minutes]) == [found]


def test_a_cover_field_answers_when_or_who_but_not_a_topic():
    field = scored(hit("", "Inspection date: 19 November – 11 December 2013"), "a", 0.9)
    field = replace(field, text=field.hit.paragraph.text)
    assert may_answer(field, read_intent("When was the 2013 inspection?"))
    assert not may_answer(field, read_intent("What did the 2013 inspection say about early help?"))


NEWS = replace(document("news-visit", None), kind=Kind.NEWS)
VISIT_NEWS = ["Inspectors said so following the fourth monitoring visit.", "Plans falter."]


def papers(text: dict[str, list[str]]):
    """`papers_by_kind_named` over OFSTED_2016 and NEWS with these paragraph texts."""

    def paper(doc_id: str):
        return [hit("", t, doc=NEWS).paragraph for t in text.get(doc_id, [])]

    return papers_by_kind_named([OFSTED_2016, NEWS], paper)


def test_news_reporting_a_monitoring_visit_counts_as_a_paper_of_that_kind():
    assert papers({"news-visit": VISIT_NEWS})[Kind.MONITORING_VISIT] == {"news-visit"}
    assert papers({"news-visit": ["Plans falter."]})[Kind.MONITORING_VISIT] == set()


def test_what_the_monitoring_visit_said_is_taken_from_its_papers_when_they_answer():
    known = papers({"news-visit": VISIT_NEWS})
    finding = scored(hit("43", "Most care plans are poor.", doc=OFSTED_2016), "a", 1.1)
    visit = scored(hit("", "Plans falter when a social worker changes.", doc=NEWS), "b", 0.9)
    question = "What did the latest monitoring visit say about care plans?"
    intent = read_intent(question)
    assert of_the_kind_named(question, [finding, visit], intent, known) == [visit]
    weak = scored(visit.hit, "b", 0.3)  # too weak to answer: every paper stays
    assert of_the_kind_named(question, [finding, weak], intent, known) == [finding, weak]
    # two papers asked for: the inspection's findings, then the visit's
    both = "What did the 2016 inspection find about care plans, and the later monitoring visit?"
    assert of_the_kind_named(both, [finding, visit], read_intent(both), known) == [finding, visit]


def test_when_or_who_of_a_paper_kind_is_not_answered_by_another_papers_own_dates_or_names():
    known = papers({"news-visit": VISIT_NEWS})
    lead = scored(hit("", "Lead inspector: Stephanie Murray", doc=OFSTED_2016), "a", 1.1)
    weak = scored(hit("", "Inspectors said so.", doc=NEWS), "b", 0.3)
    question = "when did the fourth monitoring visit happen and who was the lead HMI for it?"
    intent = read_intent(question)
    assert of_the_kind_named(question, [lead, weak], intent, known) == []
    # another paper that speaks of the visit may still answer
    dated = "The fourth monitoring visit took place on 3 May 2017."
    report = scored(hit("4.2", dated, doc=OFSTED_2016), "c", 1.0)
    assert of_the_kind_named(question, [lead, report, weak], intent, known) == [report]


def test_a_paper_a_meeting_discussed_is_its_topic_not_its_source():
    question = "what changes did we agree to the work programme at the January meeting?"
    assert kind_named(question, read_intent(question)) is None
    alone = "what is on the work programme for April?"
    assert kind_named(alone, read_intent(alone)) == Kind.WORK_PROGRAMME


@pytest.mark.parametrize(
    "question",
    [
        "What did the news article say about managers?",
        "What does the press release say about the pace of improvement?",
        "Summarise the latest news item",
    ],
)
def test_a_news_article_named_is_a_news_paper(question):
    assert kind_named(question, read_intent(question)) == Kind.NEWS
    assert papers({})[Kind.NEWS] == {"news-visit"}


def test_the_kind_of_paper_named_is_not_what_the_question_is_about():
    known = papers({"news-visit": VISIT_NEWS})
    question = "What did the fourth monitoring visit find about management oversight?"
    scored_as = without_kind_named(question, read_intent(question), known)
    assert "monitoring" not in scored_as and "fourth" not in scored_as
    assert "management oversight" in scored_as
    # no such paper: the words stay, and may find a paper that mentions a visit
    none = papers({})
    assert without_kind_named(question, read_intent(question), none) == question


def test_an_answer_from_other_papers_says_the_kind_asked_for_did_not_answer():
    known = papers({"news-visit": VISIT_NEWS})
    finding = scored(hit("118", "Management oversight is weak.", doc=OFSTED_2016), "a", 0.9)
    visit = scored(hit("", "Plans falter when a social worker changes.", doc=NEWS), "b", 0.9)
    question = "What did the fourth monitoring visit find about management oversight?"
    intent = read_intent(question)
    note = kind_note(question, intent, known, [finding])
    assert note.startswith("The monitoring visit papers do not answer this closely")
    assert kind_note(question, intent, known, [finding, visit]) == ""  # the visit is quoted
    assert "None of these documents is a monitoring visit" in kind_note(
        question, intent, papers({}), [finding]
    )
    # a question that names no kind, or wants several papers, needs no note
    plain = "What did Ofsted find about management oversight?"
    assert kind_note(plain, read_intent(plain), known, [finding]) == ""
    both = "What did the 2016 inspection find, and had it improved by the later monitoring visit?"
    assert kind_note(both, read_intent(both), known, [finding]) == ""
