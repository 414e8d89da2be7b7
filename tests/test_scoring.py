"""Term weights for scoring sentences: what counts as the question's content."""

from __future__ import annotations

import pytest

from assistant.scoring import CONTEXT_SHARE, TermWeights

CORPUS = [
    "Morale is good, which is crucial at this stage.",
    "What did the panel decide? It did not decide.",  # question words do occur in papers
    "Staff moved over to the trust in October.",
    "How the trust works is set out in the contract.",
]


def test_question_words_are_not_part_of_what_a_question_is_about():
    weights = TermWeights(CORPUS)
    terms = weights.query_terms("What did Ofsted say about how staff morale was when they moved?")
    assert set(terms) == {"staff", "moral", "move"}  # Snowball stems; "ofsted" is not in CORPUS
    assert set(weights.query_terms("Give me a line from the trust on morale")) == {"trust", "moral"}


def test_a_sentence_with_the_questions_rare_word_covers_most_of_it():
    weights = TermWeights(CORPUS)
    terms = weights.query_terms("What did they say about morale?")
    assert weights.coverage(terms, "Morale is good, which is crucial at this stage.") == 1.0


def test_a_table_cell_cut_from_its_row_scores_below_a_sentence():
    from assistant.scoring import score_sentences
    from tests.answerfakes import hit

    weights = TermWeights(CORPUS)
    cell = hit("", "| staff moved over to the trust in October.", seq=1)
    sentence = hit("", "Staff moved over to the trust in October.", seq=2)
    scored = score_sentences("When did staff move to the trust?", [cell, sentence], weights, None)
    assert [s.text[:1] for s in scored] == ["S", "|"]


def test_an_acronym_in_a_sentence_covers_its_long_form_in_the_question():
    from assistant.scoring import score_sentences
    from tests.answerfakes import hit

    weights = TermWeights([*CORPUS, "Care leavers in education, employment or training."])
    eet = hit("93", "Nearly 70% of care leavers are in EET.", seq=1)
    question = "What share of care leavers are in education, employment or training?"

    def spelled_out(text: str) -> str:
        return text.replace("EET", "EET (education, employment or training)")

    plain = score_sentences(question, [eet], weights, None)[0]
    spelled = score_sentences(question, [eet], weights, None, spelled_out=spelled_out)[0]
    assert plain.lexical < 0.6 < spelled.lexical == 1.0


def test_a_long_form_in_a_sentence_covers_its_acronym_in_the_question():
    from assistant.scoring import acronym_long_forms, score_sentences
    from tests.answerfakes import hit

    weights = TermWeights([*CORPUS, "Care leavers in EET.", "Care leavers in training."])
    spelled = hit("", "Care leavers are helped to access employment, education or training.")
    question = "care leavers EET - what did ofsted say"
    glossary = {"EET": "education, employment or training"}
    long_forms = acronym_long_forms(question, weights, glossary.get)
    assert long_forms == {"eet": frozenset({"educ", "employ", "train"})}  # in any order
    plain = score_sentences(question, [spelled], weights, None)[0]
    read = score_sentences(question, [spelled], weights, None, long_forms=long_forms)[0]
    assert plain.lexical < 0.6 < read.lexical == 1.0


def test_need_is_a_term_of_children_in_need_but_frames_i_need():
    weights = TermWeights([*CORPUS, "1,172 children were in need.", "Care leavers need help."])
    assert set(weights.query_terms("How many children were in need?")) == {"children", "need"}
    assert "need" not in weights.query_terms("I need the figure for care leavers")


def test_a_lead_inspector_covers_who_led_it_without_another_term_to_find():
    from assistant.scoring import score_sentences
    from tests.answerfakes import hit

    weights = TermWeights([*CORPUS, "Lead inspector: Gary Lamb", "The inspection led to a plan."])
    lead = hit("", "Lead inspector: Gary Lamb", seq=1)
    scored = score_sentences("Who led the inspection?", [lead], weights, None)[0]
    # "led" is covered by "Lead"; "inspection" (stem "inspect") is not covered by "inspector",
    # only, as context, by the kind of paper the line is in (an Ofsted inspection report)
    assert set(weights.query_terms("Who led the inspection?")) == {"led", "inspect"}
    led, inspect = weights.idf("led"), weights.idf("inspect")
    assert scored.lexical == (led + CONTEXT_SHARE * inspect) / (led + inspect)


def test_the_papers_kind_and_year_count_as_context_for_its_sentences():
    from assistant.scoring import score_sentences
    from tests.answerfakes import document, hit

    weights = TermWeights([*CORPUS, "Ofsted inspection in 2013.", "Strengths are listed."])
    question = "What strengths did Ofsted identify in 2013?"
    in_2013 = hit("", "The Local Authority has the following strengths", seq=1,
                  doc=document("ofsted-2014", "2013-12-11"))  # fmt: skip
    in_2016 = hit("", "The Local Authority has the following strengths", seq=1,
                  doc=document("ofsted-2016", "2016-02-17"))  # fmt: skip
    [older] = score_sentences(question, [in_2013], weights, None)
    [newer] = score_sentences(question, [in_2016], weights, None)
    assert newer.lexical < older.lexical < 1.0  # the paper's words count half: context


def test_a_verdict_judged_covers_a_question_asking_how_it_was_rated():
    weights = TermWeights([*CORPUS, "Both homes were judged to be good.", "Homes rated good."])
    terms = weights.query_terms("How were the homes rated?")
    judged = weights.with_inflections(
        set(weights.tokenize("Both homes were judged to be good.")),
        weights.inflections("How were the homes rated?"),
    )
    assert weights.coverage_of(terms, judged, set()) == 1.0
    # and only for a question about a verdict: "judged" does not cover "homes"
    assert weights.inflections("How many homes are there?") == {}


def test_a_rate_per_10000_does_not_answer_how_something_was_rated():
    from assistant.scoring import score_sentences
    from tests.answerfakes import hit

    weights = TermWeights([*CORPUS, "The homes were rated.", "A rate of 48 per 10,000."])
    noun = hit("", "Looked after at a rate of 48 per 10,000.", seq=1)
    [count] = score_sentences("How were the homes rated?", [noun], weights, None)
    assert count.lexical == 0.0  # the noun shares the verb's stem, not its meaning
    [asked] = score_sentences("What was the rate per 10,000?", [noun], weights, None)
    assert asked.lexical == 1.0  # "rate" asked as a noun is the noun's


def test_a_notice_with_a_web_address_or_phone_number_scores_below_a_finding():
    from assistant.scoring import score_sentences
    from tests.answerfakes import hit

    weights = TermWeights([*CORPUS, "Complaints about the inspection go to Ofsted."])
    question = "What did Ofsted say about complaints?"
    notice = hit("", "Complaints about the inspection go to Ofsted at www.ofsted.gov.uk.", seq=1)
    phone = hit("", "Complaints about the inspection go to Ofsted on 0300 123 4234.", seq=2)
    finding = hit("", "Complaints about the inspection go to Ofsted.", seq=3)
    scored = score_sentences(question, [notice, phone, finding], weights, None)
    assert scored[0].hit is finding
    assert scored[0].score - scored[-1].score > 0.2


def test_a_line_restating_a_papers_title_scores_below_a_finding():
    from assistant.scoring import score_sentences, title_terms
    from tests.answerfakes import hit

    title = "Inspection of services for children in need of help and protection, and care leavers"
    weights = TermWeights([*CORPUS, title])
    question = "What did Ofsted say about help and protection for children in need?"
    agenda = hit("", f"Ofsted - {title} 9 - 60", seq=1)
    finding = hit("", "Ofsted found help and protection for children in need too slow.", seq=2)
    titles = [title_terms(title, weights)]
    plain = score_sentences(question, [agenda, finding], weights, None)  # agenda ranked first
    known = score_sentences(question, [agenda, finding], weights, None, titles=titles)
    assert plain[0].hit is agenda  # it holds more of the question's words
    assert known[0].hit is finding


def test_an_agenda_entry_scores_like_a_heading_unless_the_agenda_is_asked_about():
    from dataclasses import replace

    from assistant.scoring import HEADING_PENALTY, score_sentences
    from assistant.types import Kind
    from tests.answerfakes import document, hit

    weights = TermWeights(CORPUS)
    line = "2. Minutes of the Meeting held on 28th January 2016 1 - 8"
    agenda = replace(document("pack.01-agenda"), kind=Kind.AGENDA)
    entry = hit("2", line, doc=agenda)
    same = hit("2", line, doc=replace(document("pack.02-minutes"), kind=Kind.MINUTES))

    def score(question: str, h) -> float:
        return score_sentences(question, [h], weights, None)[0].score

    question = "What did the meeting held on 28th January agree?"
    assert abs(score(question, same) - score(question, entry) - HEADING_PENALTY) < 1e-9
    asked = "What was on the agenda of the meeting held on 28th January?"
    assert score(asked, entry) == score(asked, same)
    # the entry's page range makes it one: a minute ending with a year range is no entry
    minute = hit("36", "The report be moved to the first meeting of 2016 - 17", doc=agenda)
    assert score(question, minute) == score(question, replace(minute, document=same.document))


def test_a_background_paper_scores_like_a_heading_unless_background_papers_are_asked_about():
    from assistant.scoring import HEADING_PENALTY, score_sentences
    from tests.answerfakes import hit

    weights = TermWeights(CORPUS)
    line = "Scrutiny on 25th November 2010: Agenda Item 3 'Ofsted inspection October 2010'."
    listed = hit("8", line, section=("PART I", "8 Background Papers"))
    found = hit("8", line, section=("PART I", "8 Findings"))

    def score(question: str, h) -> float:
        return score_sentences(question, [h], weights, None)[0].score

    question = "What did the October 2010 Ofsted inspection find?"
    assert abs(score(question, found) - score(question, listed) - HEADING_PENALTY) < 1e-9
    asked = "Which background papers did the report list for the October 2010 inspection?"
    assert score(asked, listed) == score(asked, found)


def test_a_fields_value_in_capitals_under_its_label_is_not_a_heading():
    from assistant.scoring import HEADING_PENALTY, score_sentences
    from tests.answerfakes import hit

    weights = TermWeights(CORPUS)
    value = "WEDNESDAY, 16TH MARCH, 2016 AT 6.30 PM"
    question = "What time is the meeting on 16 March?"

    def score(section: tuple[str, ...]) -> float:
        return score_sentences(question, [hit("", value, section=section)], weights, None)[0].score

    # the label is part of the value's context either way; only the colon makes it a field
    field, heading = score(("DATE AND TIME:",)), score(("DATE AND TIME",))
    assert abs(field - heading - HEADING_PENALTY) < 1e-9
    # a capitals line that opened a section of its own still stands under the label
    assert score(("DATE AND TIME:", value)) == field


def test_an_unmarked_heading_opening_a_paragraph_scores_below_a_finding():
    from assistant.scoring import HEADING_PENALTY, score_sentences
    from tests.answerfakes import hit

    weights = TermWeights(CORPUS)
    question = "Who was on the inspection team?"
    heading = hit("", "The inspection team", seq=1)  # printed as a plain line, no heading mark
    finding = hit("", "The team inspected the trust in October.", seq=2)
    ranked = score_sentences(question, [heading, finding], weights, None)
    scored = {s.hit.paragraph.seq: s for s in ranked}
    plain = score_sentences(question, [hit("", "The inspection team.", seq=1)], weights, None)
    assert plain[0].score - scored[1].score > HEADING_PENALTY - 0.01  # only the full stop differs


def test_a_short_line_stating_a_verdict_a_field_or_a_date_is_not_a_heading():
    from assistant.scoring import is_unmarked_heading

    assert is_unmarked_heading("Actions as a result of the Ofsted judgement")
    assert is_unmarked_heading("Other Ofsted inspections")
    for line in (
        "The overall judgement is inadequate",
        "Leadership, management and governance are inadequate",
        "Lead inspector: Gary Lamb",
        "Thursday 21st April",
        "Requires improvement",
        "Morale is good.",
        "the rest of a sentence cut at a page break",
    ):
        assert not is_unmarked_heading(line), line


def test_a_lead_in_followed_by_lettered_items_is_not_read_as_a_heading():
    from assistant.scoring import score_sentences
    from tests.answerfakes import hit

    weights = TermWeights(CORPUS)
    lead_in = "That the Scrutiny Panel\n• a) Scrutinise and comment on the Ofsted report"
    heading = "That the Scrutiny Panel\nThe panel met in October."
    question = "What was the Scrutiny Panel asked to do?"
    listed, headed = (
        next(s for s in score_sentences(question, [hit("", t)], weights, None) if s.position == 0)
        for t in (lead_in, heading)
    )
    assert listed.score - headed.score > 0.2


def test_a_question_is_also_compared_by_its_subject_without_the_paper_it_names():
    from assistant.scoring import question_texts

    question = "What did Ofsted's 2015 inspection say about Prevent training?"
    assert question_texts(question) == [question, "What did say about Prevent training?"]
    assert question_texts("Are children visited regularly?") == ["Are children visited regularly?"]
    # nothing left to be about: the question alone
    assert question_texts("What did the 2013 Ofsted report say?") == [
        "What did the 2013 Ofsted report say?"
    ]


@pytest.mark.parametrize(
    "question, subject",
    [
        ("Early help - has Ofsted's view got better or worse since 2011?", "Early help - ?"),
        ("Caseloads - how have they changed from 2011 to 2013?", "Caseloads - from to ?"),
        ("Private fostering 2013 vs 2016 - any progress?", "Private fostering vs - ?"),
        ("How has health support been rated over time?", "How has health support been rated ?"),
    ],
)
def test_a_question_about_a_change_is_compared_by_its_subject_alone(question, subject):
    """ "Insufficient progress has been made since Ofsted judged ..." matches how the change is
    asked about, not the topic."""
    from assistant.scoring import question_texts

    assert question_texts(question) == [subject]


def test_an_acronym_no_paragraph_prints_weighs_as_the_rarest_word_of_its_long_form():
    from assistant.scoring import acronym_long_forms, unprinted_spelled

    papers = ["Personal education plans are poor.", "A plan was agreed.", "The LSCB met."]
    weights = TermWeights([*CORPUS, *papers])
    lookup = {"PEPs": "personal education plan", "LSCB": "local safeguarding children board"}.get
    long_forms = acronym_long_forms("What about PEPs?", weights, lookup)
    assert weights.query_terms("What about PEPs?") == {}  # no paragraph holds "pep"
    (weight,) = weights.unprinted_acronyms(long_forms).values()
    assert weight == weights.idf("person") > weights.idf("plan")
    assert unprinted_spelled("What about PEPs and staff?", weights, lookup) == (
        "What about PEPs (personal education plan) and staff?"
    )
    assert unprinted_spelled("Has the LSCB met?", weights, lookup) == "Has the LSCB met?"


def test_the_inspectorates_template_gives_way_to_a_finding_but_answers_about_the_inspection():
    from assistant.scoring import score_sentences
    from tests.answerfakes import hit

    about = "Ofsted inspects services for children looked after and child protection."
    finding = "Advocacy for children looked after is weak."
    method = "Inspectors read case files and talked to children looked after."
    weights = TermWeights([*CORPUS, about, finding, method])
    template = hit("", about, seq=1)
    hits = [template, hit("42", finding, seq=2), hit("", method, seq=3)]
    marked = frozenset({template.paragraph.id})

    def ranked(question: str, templates: frozenset[str]) -> dict[str, float]:
        scored = score_sentences(question, hits, weights, None, templates=templates)
        return {s.text: s.score for s in scored}  # best first

    question = "What about advocacy for children looked after?"
    plain, penalised = ranked(question, frozenset()), ranked(question, marked)
    assert next(iter(plain)) == next(iter(penalised))
    assert penalised[about] < plain[about]
    # the template answers a question about what Ofsted inspects: it leads, unpenalised
    inspects = "What does Ofsted inspect for children looked after and child protection?"
    assert next(iter(ranked(inspects, marked))) == about


def test_a_sentence_knows_whether_it_holds_a_term_of_the_question_itself():
    from assistant.scoring import score_sentences
    from tests.answerfakes import hit

    weights = TermWeights(CORPUS)
    minute = hit("35", "Morale is good, which is crucial at this stage. It did not decide.")
    scored = score_sentences("How is staff morale?", [minute], weights, None)
    assert {s.text: s.own_terms for s in scored} == {
        "Morale is good, which is crucial at this stage.": True,
        "It did not decide.": False,  # its paragraph's word "morale" is context, not its own
    }
