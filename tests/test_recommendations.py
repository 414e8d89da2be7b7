"""Finding recommendations by where they are printed, and listing one section of them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.recommendations import (
    asks_for_recommendations,
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
     "Areas for improvement", "What does the Local Authority need to improve?"],
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
    assert not asks_for_recommendations("What did Ofsted find about return home interviews?")
    # what a report asks to be done, asked without the word
    assert asks_for_recommendations("What should the council do next according to Ofsted?")
    assert asks_for_recommendations("What must the trust do about care leavers?")
    assert asks_for_recommendations("What are the next steps for the LSCB?")
    assert not asks_for_recommendations("What did the trust do about care leavers?")


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
    assert [s.text for s in listed("List the recommendations", candidates)] == ["That..."]
