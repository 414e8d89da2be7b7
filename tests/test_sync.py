"""Reconciling the indexes with the catalogue: idempotent, change-aware and safe to kill."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import pytest

from index.keyword import KeywordIndex
from index.retriever import Retriever
from index.store import VectorStore
from index.sync import sync_index
from tests.indexcorpus import write_document

pytestmark = pytest.mark.slow


def _store_ids(settings) -> set[str]:
    return set(VectorStore(settings).digests())


def test_first_sync_indexes_everything_and_a_second_does_nothing(tmp_path, embedder):
    from tests.indexcorpus import make_catalogue

    settings, catalogue = make_catalogue(tmp_path / "data")
    progress = []
    first = sync_index(
        settings, catalogue, embedder=embedder, progress=lambda *a: progress.append(a)
    )
    total = len(catalogue.paragraph_ids())
    assert (first.added, first.updated, first.removed, first.keyword_rebuilt) == (total, 0, 0, True)
    assert progress[0] == (0, total) and progress[-1] == (total, total)
    assert first.embed_seconds > 0 and first.store_seconds > 0
    assert _store_ids(settings) == catalogue.paragraph_ids()
    again = sync_index(settings, catalogue, embedder=embedder)
    assert not again.changed and again.embed_seconds == 0


def _sentence_ids(settings, paragraph_ids) -> set[str]:
    return set(VectorStore(settings).sentence_vectors(sorted(paragraph_ids)))


def test_every_sentence_is_stored_with_its_text_digest_so_answers_embed_only_the_question(
    indexed,
):
    from index.embed import text_digest
    from ingest.sentences import paragraph_sentences

    settings, catalogue = indexed
    paragraph = catalogue.paragraphs_by_id(["news-visit#1"])["news-visit#1"]
    sentences = paragraph_sentences(paragraph.text, paragraph.label)
    stored = VectorStore(settings).sentence_vectors([paragraph.id])
    assert sorted(stored) == [f"{paragraph.id}/{n}" for n in range(len(sentences))]
    assert [stored[f"{paragraph.id}/{n}"][0] for n in range(len(sentences))] == [
        text_digest(s) for s in sentences
    ]


def test_a_changed_paragraph_replaces_its_vector_and_bm25_entry(indexed, embedder):
    settings, catalogue = indexed
    before = VectorStore(settings).vectors(["news-visit#2"])["news-visit#2"]
    rows = [
        ("", "", "Inspectors found that long-term planning for children has improved."),
        ("", "", "Children looked after are visited regularly by their social workers."),
        ("", "", "Quokkas were introduced as therapy animals in every children's home."),
    ]
    write_document(catalogue, "news-visit", rows)
    report = sync_index(settings, catalogue, embedder=embedder)
    assert (report.added, report.removed, report.keyword_rebuilt) == (0, 0, True)
    assert report.updated == 3  # every text changed
    after = VectorStore(settings).vectors(["news-visit#2"])["news-visit#2"]
    assert float(before @ after) < 0.9
    assert KeywordIndex.load(settings.bm25_path).search("quokkas", 3) == ["news-visit#2"]
    hits = Retriever(settings, catalogue, embedder=embedder).search("quokka therapy animals", k=1)
    assert hits[0].paragraph.id == "news-visit#2"
    assert _store_ids(settings) == catalogue.paragraph_ids()
    assert _sentence_ids(settings, ["news-visit#2"]) == {"news-visit#2/0"}


def test_a_renamed_paper_is_found_by_its_new_title_without_embedding_anything_again(
    indexed, embedder
):
    settings, catalogue = indexed
    keyword = KeywordIndex.load(settings.bm25_path)
    assert keyword.search("Quokka Strategy", 5) == []
    write_document(catalogue, "scrutiny-2011", title="Quokka Strategy 2011")
    report = sync_index(settings, catalogue, embedder=embedder)
    assert report.keyword_rebuilt and (report.added, report.updated, report.removed) == (0, 0, 0)
    found = KeywordIndex.load(settings.bm25_path).search("Quokka Strategy", 10)
    assert found and all(pid.startswith("scrutiny-2011#") for pid in found)
    assert len(found) == len(catalogue.paragraphs("scrutiny-2011"))


def test_removing_a_file_removes_its_vectors_and_bm25_entries(indexed, embedder):
    settings, catalogue = indexed
    catalogue.remove_file("/docs/news-visit.pdf")
    report = sync_index(settings, catalogue, embedder=embedder)
    assert report.removed == 3 and report.added == 0
    assert not any(pid.startswith("news-visit#") for pid in _store_ids(settings))
    assert not _sentence_ids(settings, [f"news-visit#{n}" for n in range(3)])
    keyword = KeywordIndex.load(settings.bm25_path)
    assert not any(pid.startswith("news-visit#") for pid in keyword.rows.ids)


_KILLABLE_SYNC = """
import sys
from pathlib import Path
from assistant.settings import Settings, apply_offline_environment
apply_offline_environment()
import index.sync
from ingest.catalogue import Catalogue
index.sync._CHUNK = 8  # many small chunks, so the kill lands between two of them
settings = Settings(data_dir=Path(sys.argv[1]))
def progress(done, total):
    print(done, total, flush=True)
index.sync.sync_index(settings, Catalogue.open(settings.catalogue_path), progress=progress)
print("finished", flush=True)
"""


def test_a_sync_killed_midway_leaves_a_correct_index_and_the_next_one_completes(indexed, embedder):
    settings, catalogue = indexed
    # replace a paper with a longer version: old ids become stale, new ones need embedding
    rows = [("", "Findings", f"Finding number {i} about placement stability and moves.")
            for i in range(60)]  # fmt: skip
    write_document(catalogue, "ofsted-2016", rows)
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_KILLABLE_SYNC), str(settings.data_dir)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for line in process.stdout:
            done, _ = line.split()
            if int(done) >= 16:  # two chunks are in, more than five to go
                break
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL

    wanted = catalogue.paragraph_ids()
    stored = _store_ids(settings)
    assert stored != wanted  # the kill really left work undone
    retriever = Retriever(settings, catalogue, embedder=embedder)
    for query in ("placement stability", "care leavers housing", "para 49", "MASH"):
        assert all(hit.paragraph.id in wanted for hit in retriever.search(query, k=20))

    report = sync_index(settings, catalogue, embedder=embedder)
    assert report.added > 0
    assert VectorStore(settings).count() == len(wanted)
    assert _store_ids(settings) == wanted
    assert set(KeywordIndex.load(settings.bm25_path).rows.ids) == wanted
    assert not sync_index(settings, catalogue, embedder=embedder).changed
