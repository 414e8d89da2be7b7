"""Questions about Ofsted grades lead with the judgement lines, and a stated grade the documents
do not record gets a note saying what they do record."""

from __future__ import annotations

import pytest

from assistant.grades import grade_lead
from assistant.intent import read_intent
from assistant.scoring import Scored, TermWeights
from assistant.types import Judgement
from tests.answerfakes import document, hit

OLD, NEW = document("ofsted-2014", "2013-12-11"), document("ofsted-2016", "2016-02-17")
CARE = "Experiences and progress of care leavers Inadequate"
TITLE = "Slough Borough Council: Inspection of services for children in need of help and protection"
ROWS = [
    (OLD, "Overall effectiveness", "Inadequate", "", "The overall judgement is inadequate"),
    (OLD, "Care leavers", "Inadequate", "2.2", f"2.2 {CARE}"),
    (NEW, "Overall effectiveness", "Inadequate", "", "Children's services are inadequate"),
    (
        NEW,
        "Adoption performance",
        "Requires improvement",
        "2.1",
        "2.1 Adoption Requires improvement",
    ),
    (NEW, "Care leavers", "Inadequate", "2.2", f"2.2 {CARE}"),
]


@pytest.fixture(scope="module")
def catalogue():
    hits = [hit(label, text, doc=doc, seq=i) for i, (doc, _, _, label, text) in enumerate(ROWS)]
    judgements = [
        Judgement(doc.doc_id, area, grade, h.paragraph.id)
        for (doc, area, grade, _, _), h in zip(ROWS, hits, strict=True)
    ]
    paragraphs = {h.paragraph.id: h.paragraph for h in hits}
    documents = {d.doc_id: d for d in (OLD, NEW)}
    # the reports print the council's formal name, which is how its name is known
    weights = TermWeights([TITLE, *(h.paragraph.text for h in hits)])
    return judgements, paragraphs, documents, weights


def lead(question, catalogue):
    judgements, paragraphs, documents, weights = catalogue
    return grade_lead(question, read_intent(question), judgements, paragraphs, documents,
                      weights, 1.0)  # fmt: skip


def test_a_false_grade_in_the_question_is_corrected_from_the_judgement_table(catalogue):
    found = lead("Why were care leavers only rated 'requires improvement' in 2016?", catalogue)
    assert [s.text for s in found.sentences] == [f"• {CARE}"]
    assert found.sentences[0].hit.paragraph.label == "2.2"
    assert "not record a grade of 'requires improvement'" in found.note
    assert "Care leavers: inadequate" in found.note


def test_a_stated_verdict_of_good_is_corrected_but_good_in_passing_is_not(catalogue):
    found = lead("Why did Ofsted judge adoption performance to be good in 2016?", catalogue)
    assert [s.hit.paragraph.label for s in found.sentences] == ["2.1"]
    assert "not record a grade of 'good'" in found.note
    assert "Adoption performance: requires improvement" in found.note
    passing = lead("Why was adoption performance judged requires improvement rather than good?",
                   catalogue)  # fmt: skip
    assert passing.note == ""


def test_services_said_to_have_become_good_are_corrected_by_the_overall_judgements(catalogue):
    found = lead("When did Slough's children's services become good?", catalogue)
    assert found.note == (
        "The documents do not record a grade of 'good' here. "
        "They record: Overall effectiveness: inadequate."  # once, though both years record it
    )
    assert found.sentences[0].text == "• The overall judgement is inadequate"
    assert lead("Has morale been good?", catalogue) is None  # no graded area named


def test_a_grade_the_documents_record_gets_no_note(catalogue):
    found = lead("Was adoption performance judged requires improvement in 2016?", catalogue)
    assert [s.hit.paragraph.label for s in found.sentences] == ["2.1"]
    assert found.note == ""


def test_the_overall_judgement_brings_the_whole_table_of_that_inspection(catalogue):
    found = lead("ofsted 2016 overall judgement?", catalogue)
    assert [s.hit.document.doc_id for s in found.sentences] == ["ofsted-2016"] * 3
    assert found.sentences[0].text == "• Children's services are inadequate"


def test_without_a_year_every_inspection_is_given_oldest_first(catalogue):
    found = lead("How were care leavers graded by Ofsted?", catalogue)
    assert [s.hit.document.date for s in found.sentences] == ["2013-12-11", "2016-02-17"]


def test_grades_asked_of_named_years_without_an_area_bring_each_years_table(catalogue):
    found = lead("How did the 2016 judgements compare with 2013?", catalogue)
    assert [s.hit.document.doc_id for s in found.sentences] == ["ofsted-2014"] * 2 + [
        "ofsted-2016"
    ] * 3


def test_grades_asked_of_the_council_without_a_year_bring_every_inspections_table(catalogue):
    found = lead("How was Slough rated by Ofsted?", catalogue)
    assert [s.hit.document.doc_id for s in found.sentences] == ["ofsted-2014"] * 2 + [
        "ofsted-2016"
    ] * 3


@pytest.mark.parametrize(
    "question",
    [
        "How many care leavers are in education?",
        "What was the rating of the youth club in 2016?",
        "What was the rate of care leavers in education in 2016?",  # a rate is no rating
    ],
)
def test_questions_not_about_a_graded_area_get_no_lead(question, catalogue):
    assert lead(question, catalogue) is None


def test_how_ofsted_rate_an_area_asks_for_its_grade(catalogue):
    found = lead("How did Ofsted rate care leavers in 2016?", catalogue)
    assert [s.text for s in found.sentences] == [f"• {CARE}"]
    assert found.sentences[0].hit.document == NEW


def test_an_area_printed_as_an_acronym_is_named_by_its_long_form_too():
    board = hit("", "The Local Safeguarding Children Board is inadequate", doc=NEW, seq=9)
    judgements = [Judgement(NEW.doc_id, "LSCB", "Inadequate", board.paragraph.id)]
    paragraphs, documents = {board.paragraph.id: board.paragraph}, {NEW.doc_id: NEW}
    weights = TermWeights([board.paragraph.text])
    question = "Why did Ofsted judge the Local Safeguarding Children Board to be good in 2016?"
    long_forms = {"LSCB": "local safeguarding children board"}
    found = grade_lead(question, read_intent(question), judgements, paragraphs, documents,
                       weights, 1.0, long_forms.get)  # fmt: skip
    assert [s.hit.paragraph.id for s in found.sentences] == [board.paragraph.id]
    assert found.note.startswith("The documents do not record a grade of 'good' here.")
    assert grade_lead(question, read_intent(question), judgements, paragraphs, documents,
                      weights, 1.0) is None  # fmt: skip


def test_an_area_is_named_by_a_run_of_its_words_not_by_two_of_them_apart():
    board = hit("", "The Local Safeguarding Children Board is inadequate", doc=NEW, seq=9)
    judgements = [Judgement(NEW.doc_id, "Local Safeguarding Children Board", "Inadequate",
                            board.paragraph.id)]  # fmt: skip
    paragraphs, documents = {board.paragraph.id: board.paragraph}, {NEW.doc_id: NEW}
    weights = TermWeights([board.paragraph.text])

    def found(question):
        return grade_lead(question, read_intent(question), judgements, paragraphs, documents,
                          weights, 1.0)  # fmt: skip

    assert (
        found("Why was there no children's improvement board after the inadequate rating?") is None
    )
    assert found("Why was the safeguarding children board rated inadequate?") is not None


def test_a_question_only_about_grades_keeps_only_evidence_that_states_one(catalogue):
    found = lead("ofsted 2016 overall judgement for slough childrens services?", catalogue)
    said = hit("5.2", "The report found children's services in Slough to be 'inadequate'.")
    aside = hit("35", "A report on CSE would be presented to the Board on 11th February 2016.")
    assert found.grades_only
    assert found.keeps(Scored(said, 0, said.paragraph.text, 1.0, 1.0, 1.0))
    assert not found.keeps(Scored(aside, 0, aside.paragraph.text, 1.0, 1.0, 1.0))


@pytest.mark.parametrize(
    "council, question",
    [
        ("Harlow District Council", "how was Harlow rated in 2016?"),
        ("Harlow District Council", "how was Harlow District Council rated in 2016?"),
        ("Royal Borough of Windsor and Maidenhead", "Windsor and Maidenhead's 2016 judgements?"),
    ],
)
def test_the_council_the_papers_are_about_is_no_topic_of_a_grade_question(council, question):
    judgements = [Judgement(NEW.doc_id, "Overall effectiveness", "Inadequate", "p1")]
    row = hit("", "Children's services are inadequate", doc=NEW, seq=1)
    paragraphs = {"p1": row.paragraph}

    def found(weights):
        return grade_lead(question, read_intent(question), judgements, paragraphs,
                          {NEW.doc_id: NEW}, weights, 1.0)  # fmt: skip

    assert found(TermWeights([f"Inspection of {council}", row.paragraph.text])).grades_only
    # papers of another council: the name is a word of the question like any other
    other = found(TermWeights([TITLE, row.paragraph.text]))
    assert other is None or not other.grades_only


@pytest.mark.parametrize(
    "question",
    ["What grade did adoption performance get in 2016?", "What judgement were care leavers given?"],
)
def test_the_area_a_grade_question_names_is_what_the_grade_is_of_not_more_asked(
    question, catalogue
):
    # "What grade did the LSCB get?" went on with the GCSE "grades" of children looked after
    found = lead(question, catalogue)
    gcse = hit("52", "During 2014, none of the 13 children achieved five A* to C grades.")
    assert found.grades_only
    assert not found.keeps(Scored(gcse, 0, gcse.paragraph.text, 1.0, 1.0, 1.0))


def test_a_question_asking_why_keeps_all_the_evidence_behind_the_grade(catalogue):
    found = lead("Why were care leavers judged inadequate in 2016?", catalogue)
    finding = hit("93", "Pathway plans are not always up to date.")
    assert not found.grades_only
    assert found.keeps(Scored(finding, 0, finding.paragraph.text, 1.0, 1.0, 1.0))


def test_when_the_inspection_took_place_does_not_make_a_grade_question_ask_more(catalogue):
    found = lead(
        "What was the overall judgement of the Ofsted inspection carried out in "
        "November-December 2013?",
        catalogue,
    )
    assert found.grades_only


@pytest.mark.parametrize(
    "question",
    [
        "What were the results of the Ofsted inspections of children's services since 2013?",
        "Give me the outcome of each inspection of Slough's children's services",
    ],
)
def test_the_results_of_inspections_bring_every_inspections_grades(question, catalogue):
    found = lead(question, catalogue)
    assert {s.hit.document.doc_id for s in found.sentences} == {"ofsted-2014", "ofsted-2016"}


def test_the_results_of_anything_but_an_inspection_are_not_grades(catalogue):
    assert lead("What were the results of the children's services audit?", catalogue) is None


def test_since_a_year_takes_in_the_inspections_after_it_but_not_before(catalogue):
    found = lead("How has the overall judgement of children's services changed since 2014?",
                 catalogue)  # fmt: skip
    assert {s.hit.document.doc_id for s in found.sentences} == {"ofsted-2016"}


def test_grades_over_time_open_each_inspection_with_its_dates(catalogue):
    judgements, paragraphs, documents, weights = catalogue
    printed = {
        "ofsted-2014": [hit("", "Inspection date: 19 November – 11 December 2013", doc=OLD, seq=9)],
        "ofsted-2016": [
            hit("", "Inspection date: 24 November 2015 - 17 December 2015", doc=NEW, seq=0),
            hit("", "Report published: 17 February 2016", doc=NEW, seq=1),
            hit("", "Inspection dates matter to the board.", doc=NEW, seq=20),  # not the line
        ],
    }
    paper = {doc: [h.paragraph for h in hits] for doc, hits in printed.items()}.__getitem__
    question = "Timeline of the overall judgements of children's services since 2013"
    found = grade_lead(question, read_intent(question), judgements, paragraphs, documents,
                       weights, 1.0, paper=paper)  # fmt: skip
    texts = [s.text for s in found.sentences]
    assert texts == [  # each paper's lines as printed: the 2013 dates come after its table here
        "• The overall judgement is inadequate",
        f"• {CARE}",
        "• Inspection date: 19 November – 11 December 2013",
        "• Inspection date: 24 November 2015 - 17 December 2015",
        "• Report published: 17 February 2016",
        "• Children's services are inadequate",
        "• Adoption Requires improvement",
        f"• {CARE}",
    ]
    assert "• Inspection dates matter to the board." not in texts
    one = "What was the overall judgement of children's services in 2016?"  # no dates asked
    plain = grade_lead(one, read_intent(one), judgements, paragraphs, documents, weights, 1.0,
                       paper=paper)  # fmt: skip
    assert not any("Inspection date" in s.text for s in plain.sentences)


def test_a_paragraph_in_a_grade_answer_brings_its_sentences_that_give_a_verdict(catalogue):
    found = lead("What were the results of the inspections of children's services?", catalogue)
    previous = hit("", "The previous inspection was in May 2011. The Local Authority was judged "
                   "to be adequate. Staff turnover was high.", doc=OLD, seq=30)  # fmt: skip
    first, verdict, aside = (
        Scored(previous, i, text, 1.0, 1.0, score)
        for i, (text, score) in enumerate(
            [
                ("The previous inspection was in May 2011.", 1.0),
                ("The Local Authority was judged to be adequate.", 0.4),
                ("Staff turnover was high.", 0.3),
            ]
        )
    )
    assert [s.text for s in found.with_verdicts([first], [first, verdict, aside])] == [
        first.text,
        verdict.text,
    ]
