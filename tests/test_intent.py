"""Reading what a question asks for from its wording."""

from __future__ import annotations

import pytest

from assistant.intent import (
    asks_to_count,
    counts_what_is_asked,
    has_date,
    has_figure,
    listed_topics,
    own_words,
    read_intent,
    searched_words,
    sub_questions,
)


@pytest.mark.parametrize(
    "question, when",
    [
        ("When was the 2013 inspection?", True),
        ("When was the 2013 inspection and who led it?", True),
        ("Who led it, and when did it start?", True),
        ("What date was the report published?", True),
        ("I heard morale collapsed when everyone moved to the trust - what did Ofsted say?", False),
        ("How many adopters were approved?", False),
        # how long an inspection or visit lasted: its dates, not a figure
        ("How long did the 2015 inspection last?", True),
        ("How long was the monitoring visit?", True),
        ("How long did care proceedings take in 2015-16?", False),
    ],
)
def test_a_question_asking_when_wants_a_date(question, when):
    assert read_intent(question).when is when


@pytest.mark.parametrize(
    "question, numeric",
    [
        ("How long did the 2013 inspection last?", False),
        ("How long did care proceedings take in 2015-16?", True),
    ],
)
def test_how_long_an_inspection_lasted_asks_for_no_figure(question, numeric):
    assert read_intent(question).numeric is numeric


@pytest.mark.parametrize(
    "question, quote",
    [
        ("2013 report - quote on care leavers' housing option", True),
        ("Give me the exact wording of the recommendation", True),
        ("LSCB report to scrutiny - line where they accept the inadequate grade as fair", True),
        ("What is the sentence that sums up the judgement?", True),
        ("What is the council's line on agency staff?", False),
        ("What did the front-line managers say about caseloads?", False),
    ],
)
def test_a_question_asking_for_words_as_printed_wants_a_quote(question, quote):
    assert read_intent(question).quote is quote


@pytest.mark.parametrize(
    "question, over_time",
    [
        ("How have caseloads changed since 2013?", True),
        ("Why did it take so long to get the trust going after 2013?", True),
        ("What has happened post-2013 on return home interviews?", True),
        ("Is early help better or worse than in 2013?", True),
        # what was done in answer to a paper: that year's papers say it
        ("After the 2011 inadequate judgement, what did officers expect to happen next?", False),
        ("What is the council committing to do after the 2016 Ofsted report?", False),
        ("What did the 2013 inspection say about caseloads?", False),
    ],
)
def test_a_question_about_what_came_after_a_year_asks_about_change_over_time(question, over_time):
    assert read_intent(question).over_time is over_time


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
        ("What is the name of the trust's chief executive?", True),
        ("What is the name of the strategy?", False),
    ],
)
def test_a_question_opening_with_who_asks_for_a_person(question, who):
    assert read_intent(question).who is who


@pytest.mark.parametrize(
    "question, where",
    [
        ("Where is the March scrutiny meeting being held?", True),
        ("is the march ECS meeting on the 9th or the 16th?? and what time / where", True),
        ("What venue is the panel using?", True),
        ("Where do care leavers live?", False),  # a place, but no meeting's
        ("LSCB report to scrutiny - line where they accept the grade as fair", False),
        ("What was the issue with where the social work teams were sitting?", False),
    ],
)
def test_where_asks_for_a_meetings_place(question, where):
    assert read_intent(question).where is where


@pytest.mark.parametrize(
    "question, holder, post",
    [
        ("Who was the lead member for children's services in 2016?", True, True),
        ("who is Slough's DCS?", True, True),
        ("who's the chief exec of the trust", True, True),
        ("who is DCS on the council side at the moment?", True, True),
        ("What is the name of the LSCB chair?", True, True),
        ("Who attended the March meeting?", True, False),
        ("Who is actually leading the FGM work now, the council or the LSCB?", False, False),
        ("Who is going to be in the new CSE team?", False, False),
        ("Who funds the post?", False, False),
    ],
)
def test_only_a_question_about_who_holds_a_post_or_was_at_a_meeting_needs_a_name(
    question, holder, post
):
    intent = read_intent(question)
    assert (intent.role_holder, intent.post_holder) == (holder, post)


@pytest.mark.parametrize(
    "question, voice",
    [
        ("a quote where a care leaver talks about their personal adviser?", True),
        ("What did young people say about their social workers?", True),
        ("children's views in their own words on the CiCC", True),
        ("What did Ofsted say about care leavers?", False),  # Ofsted's words, not theirs
        ("What did the council say about staff?", False),
    ],
)
def test_asking_what_children_or_families_said_asks_for_their_own_words(question, voice):
    assert read_intent(question).voice is voice


@pytest.mark.parametrize(
    "question, numeric",
    [
        ("whats the annual unitary charge we pay on the PFI schools contract?", True),
        ("What was the overspend in 2015-16?", True),
        ("What is the cost of agency staff?", True),
        ("What is the team in charge of the MASH?", False),
        ("What is the role of the LSCB?", False),
    ],
)
def test_asking_for_a_cost_or_charge_asks_for_an_amount(question, numeric):
    assert read_intent(question).numeric is numeric


def test_an_amount_asked_for_is_answered_only_by_a_sum():
    question = "What was the shortfall on the PFI contract?"
    assert has_figure("The Schools Forum agreed £200,000 towards the shortfall.", question)
    assert not has_figure("The three schools opened in 2007 with 15 classes.", question)


@pytest.mark.parametrize(
    "sentence, counts",
    [
        ("Ofsted reviewed 51 files across social care and health.", True),
        ("Audit of all case files of children under 5 on child protection plans.", False),
        ("Nine adopters were approved in 2014–15.", False),  # another count
        ("In 2015 the case files were audited.", False),  # a year counts nothing
    ],
)
def test_a_figure_counts_what_how_many_asks_about_when_it_names_it(sentence, counts):
    question = "How many case files did Ofsted look at during the April 2011 inspection?"
    assert counts_what_is_asked(sentence, question) is counts


@pytest.mark.parametrize(
    "question, counts",
    [
        ("How many children were looked after in 2016?", True),
        ("how many case files did Ofsted look at?", True),
        ("How much does the PFI contract cost?", False),
        ("What percentage of care leavers were in EET?", False),
    ],
)
def test_a_question_asks_to_count_when_it_asks_how_many_of_something(question, counts):
    assert asks_to_count(question) is counts


@pytest.mark.parametrize(
    "sentence, answers",
    [
        ("Over 29% live more than 20 miles away.", True),
        ("Almost a quarter are absent too often.", True),
        ("Care leavers are allocated to one of the two teams.", False),
    ],
)
def test_a_question_asking_for_a_share_is_answered_only_by_a_share(sentence, answers):
    assert has_figure(sentence, "What percentage of children live far away?") is answers
    assert has_figure(sentence, "How many children live far away?")


@pytest.mark.parametrize(
    "sentence, answers",
    [
        ("The cost of building the 3 schools was approximately £45 million.", True),
        ("Funding of 250 thousand pounds was agreed.", True),
        ("In October 2015 this figure had increased to 15%.", False),
        ("The trust will fund two specialist social workers.", False),
    ],
)
def test_a_question_asking_for_money_is_answered_only_by_a_sum(sentence, answers):
    assert has_figure(sentence, "How much money is the trust putting in? need the £ figure") is (
        answers
    )
    assert has_figure(sentence, "How much did the schools cost?") is answers


def test_a_part_that_only_frames_the_request_is_not_a_question_of_its_own():
    assert sub_questions("how much is the trust putting in? need the £ figure") == [
        "how much is the trust putting in? need the £ figure"
    ]
    assert len(sub_questions("what did ofsted say about managers? exact words pls")) == 1


@pytest.mark.parametrize(
    "question, parts",
    [
        ("Who led the 2013 inspection?", ["Who led the 2013 inspection?"]),
        ("What were the strengths and weaknesses?", ["What were the strengths and weaknesses?"]),
        # a later part that refers back carries the first part's subject
        (
            "When was the 2013 inspection and who led it?",
            ["When was the 2013 inspection?", "who led it (the 2013 inspection)?"],
        ),
        # a self-contained later part does not
        (
            "What percentage of care leavers were in EET, and who was the lead inspector in 2015?",
            ["What percentage of care leavers were in EET?", "who was the lead inspector in 2015?"],
        ),
        # two questions typed one after the other; the second names too little to search on
        (
            "care leavers NEET - is Slough doing ok? what did ofsted say",
            [
                "care leavers NEET - is Slough doing ok?",
                "what did ofsted say (care leavers NEET)?",
            ],
        ),
        # a question headed by its topic: a later part is about the topic, not the first part
        (
            "MASH - it was underdeveloped in late 2015. what's happened since and when is it due?",
            [
                "MASH - it was underdeveloped in late 2015. what's happened since?",
                "when is it due (MASH)?",
            ],
        ),
        ("FGM: how many cases and who leads it?", ["FGM: how many cases?", "who leads it (FGM)?"]),
        # questions listed with commas; a comma before a question alone splits nothing
        (
            "adoption support: how many children get help, how many letterbox arrangements?",
            [
                "adoption support: how many children get help?",
                "how many letterbox arrangements (adoption support)?",
            ],
        ),
        (
            "how many are home educated, and roughly how many referrals a year?",
            ["how many are home educated?", "how many referrals a year?"],
        ),
        ("In 2013, what did Ofsted say about CSE?", ["In 2013, what did Ofsted say about CSE?"]),
        # under a topic header every part is about the topic, not only one that refers back
        (
            "Return home interviews: what did Ofsted find, and what did the trust change?",
            [
                "Return home interviews: what did Ofsted find?",
                "what did the trust change (Return home interviews)?",
            ],
        ),
        # "whats", typed without its apostrophe, asks a question too
        (
            "LSCB money - why is the board not funded and whats the plan to fix it?",
            ["LSCB money - why is the board not funded?", "whats the plan to fix it (LSCB money)?"],
        ),
        # marks are not words: "what time / where" names too little to search on
        (
            "is the march meeting on the 9th or the 16th?? and what time / where",
            [
                "is the march meeting on the 9th or the 16th?",
                "what time / where (the march meeting on the 9th or the 16th)?",
            ],
        ),
        # "since" ending a part: since the first part's events
        (
            "CSE - what went wrong by 2015 and what's been agreed since?",
            ["CSE - what went wrong by 2015?", "what's been agreed since (CSE)?"],
        ),
    ],
)
def test_a_question_asking_two_things_is_split_into_its_parts(question, parts):
    assert sub_questions(question) == parts


def test_a_parts_own_words_leave_out_the_subject_it_carries():
    assert own_words("who led it (the 2013 inspection)?") == "who led it"
    assert own_words("who was the lead inspector in 2015?") == "who was the lead inspector in 2015?"


@pytest.mark.parametrize(
    "question, searched",
    [
        (
            "What is the council itself (as opposed to the Trust) committing to do?",
            "What is the council itself committing to do?",
        ),
        (
            "Why was care leavers' support only 'requires improvement' rather than good?",
            "Why was care leavers' support only 'requires improvement'?",
        ),
        ("adoption rather than fostering, in 2016?", "adoption, in 2016?"),
        ("What did the LSCB do apart from CSE work - summary", "What did the LSCB do - summary"),
        # "not" alone contrasts nothing: children not in education are the subject
        ("children not in education in 2016", "children not in education in 2016"),
        # a long clause after the marker is not cut off mid-sentence
        (
            "what did the council do rather than the trust after the inspection in 2016 and why",
            "what did the council do rather than the trust after the inspection in 2016 and why",
        ),
        # nothing left to search: the question stays whole
        ("rather than adoption?", "rather than adoption?"),
        # spoken words for a change, which no paper prints
        (
            "Has the number of children looked after gone up since 2013?",
            "Has the number of children looked after since 2013?",
        ),
        ("are timescales getting better?", "are timescales?"),
        # how long an event lasted asks its dates: "last" is not the "last inspection"
        ("How long did the 2015 inspection last?", "When did the 2015 inspection?"),
        ("How long was the 2013 inspection?", "When was the 2013 inspection?"),
        ("How long did care proceedings take?", "How long did care proceedings take?"),
    ],
)
def test_what_a_question_sets_its_subject_against_is_left_out_of_the_search(question, searched):
    assert searched_words(question) == searched


def test_a_period_is_one_span_of_years_not_two_years():
    intent = read_intent("What was the budget in 2015-16, and in 2013?")
    assert (intent.years, intent.periods) == (("2013",), ((2015, 2016),))
    assert read_intent("the strategy for 2015 – 2017").periods == ((2015, 2017),)


@pytest.mark.parametrize(
    "question, names",
    [
        ("What did the 2013 inspection say about early help?", True),
        ("what did the 2016 report say about elected members?", True),
        ("What did the inspection of 2013 find?", True),
        ("how many serious incident notifications since the 2013 inspection?", False),
        ("What did Ofsted find about CP plans in 2015?", False),  # a year, not a paper
    ],
)
def test_a_question_naming_a_years_paper_is_told_apart(question, names):
    assert read_intent(question).names_paper is names


@pytest.mark.parametrize(
    "question, topics",
    [
        (
            "What are the problems for care leavers - supported lodgings, staying put, housing?",
            [
                "supported lodgings (What are the problems for care leavers)?",
                "staying put (What are the problems for care leavers)?",
                "housing (What are the problems for care leavers)?",
            ],
        ),
        # the list may open the question, and its last topic run on to the phrase's end
        (
            "virtual school, PEPs and pupil premium for CLA - what did ofsted find",
            [
                "virtual school (what did ofsted find)?",
                "PEPs (what did ofsted find)?",
                "pupil premium for CLA (what did ofsted find)?",
            ],
        ),
        # years or papers listed ask for a comparison; questions listed are parts, not topics
        ("How was health rated - 2011, the 2016 inspection and the later visit?", []),
        ("what is SERAC, who chairs it and how often does it meet?", []),
        ("In 2013, what did Ofsted say about CSE?", []),
        # two topics are no list, and a list with nothing else asked is the question itself
        ("What did Ofsted say - adoption and fostering?", []),
        ("adoption, fostering, care leavers", []),
    ],
)
def test_a_phrase_listing_topics_gives_a_question_for_each(question, topics):
    assert listed_topics(question) == topics
