"""Answering end to end on the small hand-made corpus, with the real model and real Chroma."""

from __future__ import annotations

import re

import pytest

from assistant.answer import Assistant, Scope
from assistant.errors import InvalidFilter
from assistant.types import Answer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    from index.retriever import Retriever
    from index.sync import sync_index
    from tests.indexcorpus import make_catalogue

    settings, catalogue = make_catalogue(tmp_path_factory.mktemp("answer") / "data")
    sync_index(settings, catalogue, embedder=embedder)
    helper = Assistant(settings, catalogue, Retriever(settings, catalogue, embedder))
    yield helper
    helper.close()


def test_an_answer_quotes_the_paragraph_and_cites_its_printed_number(assistant):
    answer = assistant.ask("How many adopters were approved in 2014-15?")
    assert not answer.abstained
    assert answer.text.startswith("Nine adopters were approved in 2014-15")
    first = answer.citations[0]
    assert (first.n, first.hit.paragraph.label, first.hit.document.doc_id) == (
        1,
        "53",
        "ofsted-2016",
    )
    assert first.quote in first.hit.paragraph.text
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert markers == {c.n for c in answer.citations}
    assert set(answer.timings) == {"retrieve_ms", "answer_ms", "total_ms"}


def test_a_question_naming_a_paragraph_is_answered_with_that_paragraph_whole(assistant):
    answer = assistant.ask("What does para 49 of the 2016 report say?")
    assert not answer.abstained
    assert [(c.hit.document.doc_id, c.hit.paragraph.label) for c in answer.citations] == [
        ("ofsted-2016", "49")
    ]
    paragraph = answer.citations[0].hit.paragraph
    assert answer.text == f"{paragraph.text} [1]"
    assert answer.hits[0].paragraph.id == paragraph.id  # first among the passages too


def test_several_named_paragraphs_are_quoted_in_the_order_asked(assistant):
    answer = assistant.ask("paras 48 and 49 of the 2016 report")
    assert [c.hit.paragraph.label for c in answer.citations] == ["48", "49"]


def test_every_cited_quote_is_verbatim_from_its_paragraph(assistant):
    answer = assistant.ask("What is the council expected to set up after the inspection?")
    for citation in answer.citations:
        for sentence in re.split(r"(?<=[.:;])\s+", citation.quote):
            assert sentence in citation.hit.paragraph.text


def test_an_unrelated_question_abstains_and_offers_related_passages(assistant):
    answer = assistant.ask("What was the council's spending on highway repairs in 2019?")
    assert answer.abstained and not answer.citations
    assert answer.text.startswith("The documents do not answer this question.")
    assert answer.hits  # the closest passages are still reported


def test_which_paragraph_was_that_answers_from_history_without_retrieval(assistant):
    first = assistant.ask("How many adopters were approved in 2014-15?")
    follow = assistant.ask("which paragraph was that?", history=[first])
    assert follow.citations == first.citations
    assert "para 53" in follow.text
    assert follow.timings["retrieve_ms"] == 0.0


def test_the_exact_quote_follow_up(assistant):
    first = assistant.ask("How many adopters were approved in 2014-15?")
    follow = assistant.ask("give me the exact quote", history=[first])
    assert "“Nine adopters were approved in 2014-15" in follow.text


def test_ask_stream_yields_text_then_the_answer(assistant):
    parts = list(assistant.ask_stream("How many adopters were approved in 2014-15?"))
    assert all(isinstance(p, str) for p in parts[:-1]) and isinstance(parts[-1], Answer)
    assert "".join(parts[:-1]) == parts[-1].text


def test_filters_restrict_the_evidence(assistant):
    answer = assistant.ask(
        "What did the scrutiny report expect next?", filters=Scope(doc_ids=("scrutiny-2011",))
    )
    assert {h.document.doc_id for h in answer.hits} == {"scrutiny-2011"}


def test_a_bad_date_filter_is_a_user_error(assistant):
    with pytest.raises(InvalidFilter):
        assistant.ask("anything", filters=Scope(since="March 2016"))


def test_a_warm_answer_embeds_no_sentence_and_reads_their_vectors_from_the_store(
    assistant, embedded
):
    assistant.ask("What did inspectors find about long-term planning?")  # warm
    embedded = embedded(assistant.retriever.embedder)
    question = "Are children looked after visited regularly by their social workers?"
    answer = assistant.ask(question)
    assert not answer.abstained
    assert set(embedded) == {question}  # by retrieval, and for sentence scoring


def test_a_question_in_parts_is_embedded_in_one_model_call(assistant, monkeypatch):
    assistant.ask("What did inspectors find about long-term planning?")  # warm
    embedder, calls = assistant.retriever.embedder, []
    real = embedder.embed

    def counting(batch, *args, **kwargs):
        calls.append(list(batch))
        return real(batch, *args, **kwargs)

    monkeypatch.setattr(embedder, "embed", counting)
    answer = assistant.ask("When was the inspection and who led it?")
    assert not answer.abstained
    assert len(calls) == 1 and len(calls[0]) > 2  # the whole, its parts, each as scored


def test_a_question_asked_again_embeds_nothing(assistant, embedded):
    question = "When was the inspection and who led it?"  # a question in two parts
    first = assistant.ask(question)
    embedded = embedded(assistant.retriever.embedder)
    again = assistant.ask(question)
    assert embedded == []
    assert again.text == first.text


@pytest.fixture(scope="module")
def two_councils(tmp_path_factory, embedder):
    """Inspections of two councils in one library, as an officer comparing with a neighbour
    keeps them."""
    from assistant.settings import Settings
    from assistant.types import Kind
    from index.retriever import Retriever
    from index.sync import sync_index
    from ingest.catalogue import Catalogue
    from tests.indexcorpus import write_document

    settings = Settings(data_dir=tmp_path_factory.mktemp("councils") / "data")
    catalogue = Catalogue.open(settings.catalogue_path)
    papers = {
        "slough-2016": ("Slough Borough Council: Inspection of children's services", [
            ("1", "Findings", "Slough Borough Council has too few local foster carers, and too "
             "many children live in placements far from home."),
            ("2", "Findings", "Social workers carry high caseloads and many are agency staff."),
        ]),
        "westshire-2019": ("Westshire County Council: Inspection of children's services", [
            ("1", "Findings", "The council has recruited more local foster carers, and most "
             "children now live in placements close to home."),
            ("2", "Findings", "Care leavers who live more than 20 miles from Westshire keep in "
             "touch with their personal advisers."),
        ]),
    }  # fmt: skip
    for doc_id, (title, rows) in papers.items():
        write_document(catalogue, doc_id, rows, kind=Kind.OFSTED_INSPECTION,
                       date=f"{doc_id[-4:]}-06-01", title=title)  # fmt: skip
    sync_index(settings, catalogue, embedder=embedder)
    helper = Assistant(settings, catalogue, Retriever(settings, catalogue, embedder))
    yield helper
    helper.close()


@pytest.mark.parametrize(
    "question, council",
    [
        ("What did Ofsted find about placements and foster carers in Westshire?", "westshire"),
        ("what did ofsted find about placements and foster carers in slough?", "slough"),
    ],
)
def test_a_question_naming_a_council_is_answered_from_that_councils_papers(
    two_councils, question, council
):
    answer = two_councils.ask(question)
    assert not answer.abstained
    assert {c.hit.document.doc_id.split("-")[0] for c in answer.citations} == {council}
    # the council's name picks its papers and is no topic: "20 miles from Westshire" is not
    # about placements for printing the name
    assert answer.citations[0].hit.paragraph.label == "1"


def test_a_question_naming_no_council_may_be_answered_from_any(two_councils):
    answer = two_councils.ask("What did Ofsted find about placements and foster carers?")
    assert {c.hit.document.doc_id for c in answer.citations} == {"slough-2016", "westshire-2019"}
