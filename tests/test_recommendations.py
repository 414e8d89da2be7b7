"""Finding recommendations by where they are printed, and listing one section of them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.intent import read_intent
from assistant.recommendations import (
    answer_sentences,
    asks_for_recommendations,
    findings_first,
    is_recommendation,
    listed,
    topic_terms,
    under_heading,
)
from assistant.scoring import TermWeights
from assistant.types import Kind
from tests.answerfakes import document, hit, scored


def _in(section: tuple[str, ...], text: str = "Ensure plans are up to date.", **kwargs):
    h = hit("", text, **kwargs)
    return replace(h, paragraph=replace(h.paragraph, section=section))


@pytest.mark.parametrize(
    "heading",
    ["Recommendations", "2. Recommendation(s)/Proposed Action", "2 Recommendations",
     "Areas for improvement", "What does the Local Authority need to improve?",
     "What needs to improve?", "Areas for priority action"],
)  # fmt: skip
def test_paragraphs_under_a_recommendations_heading_are_recommendations(heading):
    assert under_heading(_in(("Report", heading, "1 Quality of practice")).paragraph)


def test_a_finding_flagged_recommendation_is_one_but_ordinary_findings_are_not():
    flagged = _in(("Inspection findings",), "Plans are poor. (Recommendation)").paragraph
    finding = _in(("Inspection findings",), "Plans are poor; we recommend nothing.").paragraph
    assert is_recommendation(flagged) and not under_heading(flagged)
    assert not is_recommendation(finding)


def test_questions_about_recommendations_are_recognised():
    assert asks_for_recommendations("What did Ofsted recommend about return home interviews?")
    assert asks_for_recommendations("List the areas for improvement in 2013")
    assert asks_for_recommendations("What are Exampleshire's areas for priority action?")
    assert not asks_for_recommendations("What did Ofsted find about return home interviews?")
    # what a report asks to be done, asked without the word
    assert asks_for_recommendations("What should the council do next according to Ofsted?")
    assert asks_for_recommendations("What must the trust do about care leavers?")
    assert asks_for_recommendations("What are the next steps for the LSCB?")
    assert not asks_for_recommendations("What did the trust do about care leavers?")
    assert asks_for_recommendations("thresholds - what did the 2013 inspection ask the LSCB to do?")
    assert not asks_for_recommendations("What did the inspectors ask children about?")
    assert asks_for_recommendations("advocacy - what did Ofsted find, and what are we told to do?")
    assert asks_for_recommendations("What is the council required to do about care leavers?")
    assert not asks_for_recommendations("When do we have to do a CSE screening tool?")
    assert not asks_for_recommendations("Who told the panel what to do with the budget?")
    assert asks_for_recommendations("What does the local authority need to do about CSE?")
    assert asks_for_recommendations("What has the trust got to do for care leavers?")
    assert not asks_for_recommendations("Do children need to do a return home interview?")


def test_a_finding_answers_before_the_recommendation_that_shares_its_words():
    recommended = _in(("Report", "Recommendations"), "Ensure children can express their views.")
    found = _in(("Children looked after",), "Children's views are not heard.", seq=40)
    ask = scored(recommended, "Ensure children can express their views.", 1.2)
    finding = scored(found, "Children's views are not heard.", 0.9)
    question = "What did Ofsted find about children's views?"
    assert findings_first(question, [ask, finding]) == [finding]
    asked = "What did Ofsted recommend about children's views?"
    assert findings_first(asked, [ask, finding]) == [ask, finding]
    weak = replace(finding, score=0.3)  # no finding strong enough to answer: both stay
    assert findings_first(question, [ask, weak]) == [ask, weak]


def test_a_list_request_names_no_topic_but_a_topical_one_does():
    weights = TermWeights(["Return home interviews are late.", "The 2016 Ofsted report.",
                           "List all recommendations of the inspection."])  # fmt: skip
    assert topic_terms("List the recommendations in the 2016 Ofsted report.", weights) == set()
    assert topic_terms("What did Ofsted recommend about return home interviews?", weights) == {
        "return", "home", "interview"}  # fmt: skip


def test_a_list_is_the_section_holding_the_best_recommendation_in_printed_order():
    ofsted = document("ofsted-2016")
    committee = replace(document("committee-2016"), kind=Kind.COMMITTEE_REPORT)
    main = [_in(("Recommendations",), f"Recommendation {n}.", doc=ofsted, seq=n) for n in (10, 11)]
    lscb = _in(("LSCB", "Recommendations"), "Strengthen the LSCB.", doc=ofsted, seq=40)
    panel = _in(("2 Recommendations",), "That the Panel notes the report.", doc=committee, seq=3)
    candidates = [
        scored(main[1], "Recommendation 11.", 0.9),
        scored(lscb, "Strengthen.", 0.5),
        scored(main[0], "Recommendation 10.", 0.4),
        scored(panel, "That...", 1.0),
    ]
    chosen = listed("List the Ofsted recommendations", candidates)
    assert [s.text for s in chosen] == ["Recommendation 10.", "Recommendation 11."]
    # "the recommendations" are Ofsted's unless the question names the committee's papers
    assert [s.text for s in listed("List the recommendations", candidates)] == [
        "Recommendation 10.",
        "Recommendation 11.",
    ]
    assert [s.text for s in listed("List the recommendations to the panel", candidates)] == [
        "That..."
    ]


def test_ofsteds_recommendations_on_a_topic_are_ofsteds_not_a_committees():
    ofsted = document("ofsted-2016")
    committee = replace(document("committee-2016"), kind=Kind.COMMITTEE_REPORT)
    lscb = _in(("LSCB", "Recommendations"), "Strengthen the LSCB's scrutiny.", doc=ofsted, seq=40)
    panel = _in(("2 Recommendations",), "That the Panel notes the LSCB report.", doc=committee)
    candidates = [scored(panel, panel.paragraph.text, 1.3), scored(lscb, lscb.paragraph.text, 1.1)]
    weights = TermWeights([lscb.paragraph.text, panel.paragraph.text, "Return home interviews."])
    question = "What recommendations did Ofsted make for the LSCB?"
    chosen = answer_sentences(question, candidates, read_intent(question), weights)
    assert [s.hit.document.doc_id for s in chosen] == ["ofsted-2016"]
    # Ofsted's too when the question names neither, but a committee's when it names one
    plain = "What recommendations were made about the LSCB?"
    chosen = answer_sentences(plain, candidates, read_intent(plain), weights)
    assert [s.hit.document.doc_id for s in chosen] == ["ofsted-2016"]
    to_panel = "What did officers recommend to the panel about the LSCB report?"
    chosen = answer_sentences(to_panel, candidates, read_intent(to_panel), weights)
    assert "committee-2016" in {s.hit.document.doc_id for s in chosen}
