"""Hybrid search over the small hand-made catalogue, with the real model and real Chroma."""

from __future__ import annotations

import pytest

from assistant.errors import IndexNotBuilt
from assistant.settings import Settings
from index.retriever import LABEL_SCORE, Retriever
from ingest.catalogue import Catalogue
from tests.indexcorpus import write_document

pytestmark = pytest.mark.slow


@pytest.fixture
def retriever(indexed, embedder):
    settings, catalogue = indexed
    return Retriever(settings, catalogue, embedder=embedder)


def _ids(hits):
    return [hit.paragraph.id for hit in hits]


def test_hits_are_ranked_catalogue_paragraphs(retriever):
    hits = retriever.search("were care leavers safe in their housing?", k=3)
    assert hits[0].paragraph.id == "ofsted-2016#2"
    assert [hit.rank for hit in hits] == [1, 2, 3]
    assert hits[0].document.title == "Inspection of Slough 2016"
    assert set(hits[0].via) <= {"dense", "bm25"} and hits[0].via
    assert hits[0].score >= hits[1].score >= hits[2].score


def test_an_acronym_finds_its_long_form(retriever):
    assert retriever.expand("when will the MASH open") == (
        "when will the MASH (multi-agency safeguarding hub) open"
    )
    assert "ofsted-2016#3" in _ids(retriever.search("MASH police", k=2))


@pytest.mark.parametrize(
    "query, first",
    [
        ("para 49 of the 2016 report", "ofsted-2016#1"),
        ("paragraph 5.3", "scrutiny-2011#0"),
        ("5.3", "scrutiny-2011#0"),
        ("what does para 5.5 of the 2011 report say about the DfE", "scrutiny-2011#2"),
    ],
)
def test_a_named_paragraph_comes_first(retriever, query, first):
    hits = retriever.search(query, k=5)
    assert hits[0].paragraph.id == first
    assert hits[0].via[0] == "label" and hits[0].score == LABEL_SCORE


def test_each_part_of_a_question_that_asks_two_things_is_found(retriever):
    hits = retriever.search("When will the MASH be in place, and what has delayed it?", k=3)
    assert {"ofsted-2016#3", "ofsted-2016#4"} <= set(_ids(hits))
    assert all(set(hit.via) <= {"dense", "bm25"} for hit in hits)  # parts count as their retriever


def test_framing_words_do_not_pull_in_paragraphs(retriever):
    hits = retriever.search("need the exact quote on the virtual school, what did they say", k=1)
    assert _ids(hits) == ["ofsted-2016#1"]


def test_a_named_year_without_that_paragraph_adds_no_label_hit(retriever):
    hits = retriever.search("para 49 of the 2011 report", k=5)
    assert all("label" not in hit.via for hit in hits)


@pytest.mark.parametrize(
    "filters, allowed",
    [
        ({"doc_ids": ["news-visit"]}, {"news-visit"}),
        ({"kinds": ["committee report"]}, {"scrutiny-2011"}),
        ({"since": "2012-01-01"}, {"ofsted-2016"}),
        ({"until": "2012-01-01"}, {"scrutiny-2011"}),
        ({"kinds": ["news", "Ofsted inspection"]}, {"news-visit", "ofsted-2016"}),
    ],
)
def test_filters_are_pushed_down_not_applied_to_a_short_list(retriever, filters, allowed):
    hits = retriever.search("social workers children plans", k=20, **filters)
    assert hits and {hit.document.doc_id for hit in hits} <= allowed
    # every paragraph that passes the filter can be reached, not just those in a global top-k
    every = [p.id for p in retriever.catalogue.paragraphs() if p.doc_id in allowed]
    assert len(hits) == min(20, len(every)) or len(hits) >= len(every) // 2


def test_label_hits_respect_filters(retriever):
    hits = retriever.search("para 49", k=5, doc_ids=["scrutiny-2011"])
    assert all(hit.document.doc_id == "scrutiny-2011" for hit in hits)


def test_a_near_duplicate_gives_way_to_its_canonical_paragraph(retriever):
    hits = retriever.search("children looked after visited regularly by social workers", k=5)
    ids = _ids(hits)
    assert "ofsted-2016#0" in ids and "news-visit#1" not in ids
    assert ids.index("ofsted-2016#0") == 0
    # restricted to the copy's own paper, the copy is found
    only_news = retriever.search("visited regularly by social workers", k=5, doc_ids=["news-visit"])
    assert "news-visit#1" in _ids(only_news)


def test_paragraphs_gone_from_the_catalogue_are_never_hits(retriever):
    write_document(retriever.catalogue, "ofsted-2016", rows=[("1", "New", "A brand new finding.")])
    hits = retriever.search("care leavers housing fights drugs", k=20)  # index not yet synced
    present = retriever.catalogue.paragraph_ids()
    assert hits and all(hit.paragraph.id in present for hit in hits)
    assert "ofsted-2016#2" not in _ids(hits)


def test_neighbours_are_the_surrounding_paragraphs_in_order(retriever):
    paragraphs = retriever.catalogue.paragraphs("ofsted-2016")
    window = retriever.neighbours(paragraphs[3], before=1, after=2)
    assert [p.seq for p in window] == [2, 3, 4, 5]
    assert [p.seq for p in retriever.neighbours(paragraphs[0])] == [0, 1]
    assert [p.seq for p in retriever.neighbours(paragraphs[-1], after=5)] == [5, 6]


def test_blank_query_and_empty_index(tmp_path, embedder, retriever):
    assert retriever.search("   ") == []
    settings = Settings(data_dir=tmp_path / "empty")
    with Catalogue.open(settings.catalogue_path) as catalogue:
        with pytest.raises(IndexNotBuilt):
            Retriever(settings, catalogue, embedder=embedder).search("anything")


def test_a_day_the_query_names_lifts_the_papers_dated_that_day(retriever):
    plain = retriever.search("what was said about an improvement notice?", k=3)
    dated = retriever.search("what was said on 17 February 2016 about an improvement notice?", k=3)
    assert plain[0].document.doc_id == "scrutiny-2011"
    assert dated[0].document.doc_id == "ofsted-2016"  # the only paper of that day
