"""The council the papers are about, read from the formal names they print."""

from __future__ import annotations

import pytest

from assistant.authorities import authority_words, councils_named, councils_of_papers
from assistant.scoring import TermWeights
from assistant.summary import asks_for_summary


@pytest.mark.parametrize(
    "text, words",
    [
        ("Slough Borough Council: Inspection of services", {"Slough", "Borough", "Council"}),
        ("Report to North Yorkshire County Council", {"North", "Yorkshire", "County", "Council"}),
        (
            "The Royal Borough of Windsor and Maidenhead",
            {"Royal", "Borough", "of", "Windsor", "Maidenhead"},
        ),
        ("London Borough of Tower Hamlets", {"London", "Borough", "of", "Tower", "Hamlets"}),
        ("Stoke-on-Trent City Council", {"Stoke-on-Trent", "City", "Council"}),
        (
            "Harlow District Council and Essex County Council",
            {"Harlow", "Essex", "District", "County", "Council"},
        ),
        ("The Children in Care Council met twice.", set()),  # no authority
    ],
)
def test_a_council_is_known_by_its_formal_name(text, words):
    assert authority_words([text]) == words


def test_a_word_the_papers_print_in_lower_case_is_no_part_of_a_council_name():
    texts = ["Inspection Report Harlow District Council", "The inspection report was late."]
    assert authority_words(texts) == {"Harlow", "District", "Council"}


def test_a_council_name_is_on_one_line():
    found = authority_words(["Children's Services Report\nHarlow District Council"])
    assert found == {"Harlow", "District", "Council"}


@pytest.mark.parametrize("council", ["Harlow District Council", "Slough Borough Council"])
def test_naming_the_council_does_not_make_a_summary_request_name_a_topic(council):
    place = council.split()[0]
    weights = TermWeights([f"{council}: inspection report", "Care leavers in training."])
    assert asks_for_summary(f"Summarise the 2016 Ofsted report on {place}", weights)
    assert not asks_for_summary(f"Summarise what Ofsted said about {place}'s care leavers", weights)


def test_each_paper_is_about_the_council_it_names_most_by_formal_name_or_else_by_place():
    papers = {
        "slough-2016": ["Slough Borough Council: Inspection of services",
                        "Slough Borough Council works with the Royal Borough of Windsor and "
                        "Maidenhead on exploitation."],
        "westshire-2019": ["Inspection of Westshire County Council children's services",
                           "Services for children in Westshire have improved."],
        "news": ["Inspectors say Westshire's services for children have improved."],
        "minutes": ["Apologies were received from the chair."],
    }  # fmt: skip
    assert councils_of_papers(papers) == {
        "slough-2016": "Slough",
        "westshire-2019": "Westshire",
        "news": "Westshire",  # no formal name: the place of another paper's council
    }  # the minutes name none


def test_a_question_names_a_council_in_any_case_and_as_a_possessive():
    councils = {"Slough", "Westshire", "Windsor and Maidenhead"}
    assert councils_named("what does westshire's report say?", councils) == {"Westshire"}
    assert councils_named("Slough and Windsor and Maidenhead compared", councils) == {
        "Slough", "Windsor and Maidenhead"
    }  # fmt: skip
    assert councils_named("What did the Sloughbourne report say?", councils) == set()


def test_a_councils_place_name_weighs_nothing_in_a_question_but_council_as_a_topic_does():
    texts = ["Westshire County Council: inspection report", "Care leavers live far from Westshire.",
             "Council housing is scarce."]  # fmt: skip
    weights = TermWeights(texts)
    terms = weights.query_terms("What about council housing for care leavers in Westshire?")
    assert set(terms) == set(weights.tokenize("council housing care leavers"))
