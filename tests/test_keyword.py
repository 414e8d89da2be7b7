"""BM25: stemming, stopwords, filters as masks, and an atomic on-disk swap."""

from __future__ import annotations

import os

from index.filters import Filters
from index.keyword import KeywordIndex, Tokenizer, live_folder, stored_fingerprint
from index.passages import keyword_text, lead_ins
from tests.indexcorpus import make_catalogue


def _entries(tmp_path):
    from index.sync import catalogue_entries

    _, catalogue = make_catalogue(tmp_path / "data")
    return catalogue_entries(catalogue)


def _build(entries, fingerprint="f1"):
    leads = lead_ins([p for p, _ in entries])
    texts = [keyword_text(p, leads.get(p.id)) for p, _ in entries]
    return KeywordIndex.build(entries, texts, fingerprint)


def test_tokenizer_stems_and_drops_stopwords():
    assert Tokenizer()("The care leavers and the housing") == ["care", "leaver", "hous"]


def test_a_tokenizer_remembers_terms_but_hands_out_a_fresh_list_each_time():
    tokenize = Tokenizer()
    terms = tokenize("Children looked after")
    terms.append("changed by the caller")
    assert tokenize("Children looked after") == ["children", "look", "after"]


def test_tokenizer_reads_ordinals_as_numbers():
    assert Tokenizer()("Thursday 21st April") == Tokenizer()("Thursday 21 April")
    assert Tokenizer()("the 33rd meeting") == ["33", "meet"]


def test_a_day_of_a_month_is_also_one_term_however_it_is_written():
    day = "21april"
    for text in ("Thursday 21st April", "on 21 April 2016", "April 21, the panel"):
        assert day in Tokenizer()(text), text
    assert not any(t.endswith("april") and t != "april" for t in Tokenizer()("April 2016"))


def test_a_query_naming_a_day_prefers_the_paragraph_of_that_day(tmp_path):
    from assistant.types import Document, Kind, Paragraph

    doc = Document("d", "Work programme", Kind.WORK_PROGRAMME, "2016-03-16", "d.pdf", 1, 1, "0")
    rows = [("Items for 21 March and for April", "The March items; April reports."),
            ("Thursday 21st April", "Looked after children; corporate parenting.")]  # fmt: skip
    entries = [
        (Paragraph("d", i, "", f"p. 1, ¶{i + 1}", 1, 1, (heading,), text, "body"), doc)
        for i, (heading, text) in enumerate(rows)
    ]
    index = KeywordIndex.build(entries, [keyword_text(p) for p, _ in entries], "f")
    assert index.search("what is on the agenda for 21 april?", 2)[0] == "d#1"


def test_search_finds_stemmed_forms_best_first(tmp_path):
    index = _build(_entries(tmp_path))
    assert index.search("care leaver housing", 3)[0] == "ofsted-2016#2"
    assert index.search("adopter approvals", 1) == ["ofsted-2016#5"]
    assert index.search("zzzz qqqq", 5) == []
    assert index.search("the and of", 5) == []  # stopwords only


def test_filters_are_applied_over_the_whole_corpus(tmp_path):
    index = _build(_entries(tmp_path))
    everywhere = index.search("children looked after visited", 10)
    assert {pid.split("#")[0] for pid in everywhere} >= {"ofsted-2016", "news-visit"}
    only_news = index.search("children looked after visited", 10, Filters.build(["news-visit"]))
    assert only_news and all(pid.startswith("news-visit#") for pid in only_news)
    dated = index.search("children looked after visited", 10, Filters.build(until="2020-01-01"))
    assert not any(pid.startswith("news-visit#") for pid in dated)  # undated papers drop out


def test_bullets_are_indexed_with_their_lead_in(tmp_path):
    index = _build(_entries(tmp_path))
    # "Improvement Board" is only in the lead-in paragraph, not in the bullets themselves
    found = index.search("Improvement Board caseloads", 3)
    assert found[0] == "scrutiny-2011#4"


def test_label_lookup(tmp_path):
    index = _build(_entries(tmp_path))
    rows = index.with_label("5.6")
    assert [index.rows.ids[i] for i in rows] == [
        "scrutiny-2011#3",
        "scrutiny-2011#4",
        "scrutiny-2011#5",
    ]
    assert index.with_label("49.") == index.with_label("49")


def test_save_swaps_builds_atomically_and_cleans_up(tmp_path):
    entries = _entries(tmp_path)
    root = tmp_path / "bm25"
    assert KeywordIndex.load(root) is None and stored_fingerprint(root) is None
    _build(entries, "first").save(root)
    first = live_folder(root)
    # a build killed half-way leaves a folder that is never read, and is removed later
    (root / "build-killed").mkdir()
    (root / "CURRENT.build-killed").write_text("build-killed")
    assert stored_fingerprint(root) == "first"
    _build(entries[:5], "second").save(root)
    assert stored_fingerprint(root) == "second"
    assert sorted(os.listdir(root)) == sorted(["CURRENT", live_folder(root).name])
    assert not first.exists()
    loaded = KeywordIndex.load(root)
    assert len(loaded) == 5 and loaded.glossary.terms == {}  # no definition in the first five


def test_empty_corpus(tmp_path):
    index = KeywordIndex.build([], [], "empty")
    assert index.search("anything", 5) == []
    index.save(tmp_path / "bm25")
    assert len(KeywordIndex.load(tmp_path / "bm25")) == 0


def test_a_question_also_searches_the_dictionary_form_stemming_cannot_reach():
    tokenize = Tokenizer()
    assert "lead" in tokenize.query("Who led the 2013 inspection?")
    assert "hold" in tokenize.query("When was the meeting held?")
    assert tokenize.query("Who chaired the panel?") == tokenize("Who chaired the panel?")
    assert "lead" not in tokenize("Who led the 2013 inspection?")  # papers are not lemmatised


def test_paragraphs_holding_counts_those_with_every_term_of_a_text(tmp_path):
    index = _build(_entries(tmp_path))
    assert index.paragraphs_holding("virtual school") == 1
    assert index.paragraphs_holding("social workers") == 4
    assert index.paragraphs_holding("social workers visited") == 2
    assert index.paragraphs_holding("zzzz social") == 0  # a term in no paragraph
    assert index.paragraphs_holding("the of") == 0  # no search term at all
    assert KeywordIndex.build([], [], "empty").paragraphs_holding("virtual school") == 0
