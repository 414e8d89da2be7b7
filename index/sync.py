"""Reconciling the vector store and the BM25 index with the catalogue, which is the truth.

`sync_index` is idempotent and safe to kill at any moment: stale vectors are deleted first,
missing or changed paragraphs are embedded and upserted a chunk at a time (an upsert of an id that
is already there replaces it), and the BM25 index is swapped in whole. Every run compares content
digests, so the next run finishes whatever a killed one left, with no duplicates; meanwhile the
retriever only returns paragraphs the catalogue still has.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.settings import Settings
from assistant.types import Document, Paragraph
from index.embed import Embedder, text_digest
from index.keyword import FORMAT, KeywordIndex, stored_fingerprint
from index.passages import keyword_text, lead_ins, passage_text
from index.store import VectorRecord, VectorStore, record_metadata, sentence_id
from ingest.catalogue import Catalogue
from ingest.sentences import paragraph_sentences

log = logging.getLogger(__name__)

Entry = tuple[Paragraph, Document]
_CHUNK = 256  # paragraphs embedded and upserted together: the unit of work a kill can lose


@dataclass(frozen=True)
class SyncReport:
    paragraphs: int  # in the catalogue
    added: int
    updated: int
    removed: int
    keyword_rebuilt: bool
    embed_seconds: float
    store_seconds: float
    keyword_seconds: float
    total_seconds: float

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.keyword_rebuilt)


def catalogue_entries(catalogue: Catalogue) -> list[Entry]:
    """Every searchable paragraph with its document, in catalogue order.

    Headings are not searched: a title such as "OFSTED REPORT ON THE INSPECTION" matches every
    question about Ofsted and answers none. Their words still reach BM25 through the section
    path of the paragraphs under them."""
    documents = {document.doc_id: document for document in catalogue.documents()}
    return [
        (p, documents[p.doc_id])
        for p in catalogue.paragraphs()
        if p.doc_id in documents and p.style != "heading"
    ]


@dataclass(frozen=True)
class Prepared:
    """The catalogue's paragraphs with the texts each index takes and their digests."""

    entries: list[Entry]
    passages: list[str]  # embedded
    sentences: list[list[str]]  # embedded one by one, for answers
    keyword_texts: list[str]  # BM25
    digests: dict[str, str]  # paragraph id -> digest of what the vector store holds for it

    @classmethod
    def of(cls, catalogue: Catalogue) -> Prepared:
        entries = catalogue_entries(catalogue)
        leads = lead_ins([p for p, _ in entries])
        passages = [passage_text(p, leads.get(p.id)) for p, _ in entries]
        keyword_texts = [keyword_text(p, leads.get(p.id), d.title) for p, d in entries]
        sentences = [paragraph_sentences(p.text, p.label) for p, _ in entries]
        digests = {
            p.id: _digest(passage, said, record_metadata(p, d, ""))
            for (p, d), passage, said in zip(entries, passages, sentences, strict=True)
        }
        return cls(entries, passages, sentences, keyword_texts, digests)

    @property
    def fingerprint(self) -> str:
        """Of everything the BM25 build holds. A change only BM25 sees (a paper's title) rebuilds
        it without embedding a paragraph again; the paragraph digests stay as they were."""
        rows = sorted(
            f"{p.id}:{self.digests[p.id]}:{text_digest(text)}"
            for (p, _), text in zip(self.entries, self.keyword_texts, strict=True)
        )
        lines = "\n".join([FORMAT, *rows])
        return hashlib.sha256(lines.encode()).hexdigest()[:24]


def _digest(passage: str, sentences: list[str], metadata: dict) -> str:
    return text_digest(json.dumps([passage, sentences, metadata], sort_keys=True))


def sync_index(
    settings: Settings,
    catalogue: Catalogue,
    progress: Callable[[int, int], None] | None = None,
    embedder: Embedder | None = None,
    store: VectorStore | None = None,
) -> SyncReport:
    """Make the vector store and BM25 index hold exactly the catalogue's paragraphs.

    Pass the retriever's `embedder` to reuse a loaded model; `progress(done, total)` is called
    as paragraphs are embedded.
    """
    started = time.perf_counter()
    prepared = Prepared.of(catalogue)
    own_store = store is None
    store = store or VectorStore(settings)
    try:
        return _sync(settings, prepared, store, embedder or Embedder(settings), progress, started)
    finally:
        if own_store:
            store.close()


def _sync(
    settings: Settings,
    prepared: Prepared,
    store: VectorStore,
    embedder: Embedder,
    progress: Callable[[int, int], None] | None,
    started: float,
) -> SyncReport:
    """Stale vectors out, BM25 swapped in if anything changed, then new vectors in."""
    clock = time.perf_counter()
    stored = store.digests()
    stale = [pid for pid in stored if pid not in prepared.digests]
    store.delete(stale)
    store_seconds = time.perf_counter() - clock

    clock = time.perf_counter()
    rebuild = stored_fingerprint(settings.bm25_path) != prepared.fingerprint
    if rebuild:
        keyword = KeywordIndex.build(prepared.entries, prepared.keyword_texts, prepared.fingerprint)
        keyword.save(settings.bm25_path)
    keyword_seconds = time.perf_counter() - clock

    todo = [
        i for i, (p, _) in enumerate(prepared.entries) if stored.get(p.id) != prepared.digests[p.id]
    ]
    embed_seconds, upsert_seconds = _embed_and_store(prepared, todo, embedder, store, progress)
    added = sum(1 for i in todo if prepared.entries[i][0].id not in stored)
    report = SyncReport(
        paragraphs=len(prepared.entries),
        added=added,
        updated=len(todo) - added,
        removed=len(stale),
        keyword_rebuilt=rebuild,
        embed_seconds=embed_seconds,
        store_seconds=store_seconds + upsert_seconds,
        keyword_seconds=keyword_seconds,
        total_seconds=time.perf_counter() - started,
    )
    log.info("index sync: %s", report)
    return report


def _embed_and_store(
    prepared: Prepared,
    todo: Sequence[int],
    embedder: Embedder,
    store: VectorStore,
    progress: Callable[[int, int], None] | None,
) -> tuple[float, float]:
    """Embed and upsert the paragraphs at positions `todo`, a chunk at a time."""
    embed_seconds = store_seconds = 0.0
    if progress is not None:
        progress(0, len(todo))
    for start in range(0, len(todo), _CHUNK):
        chunk = todo[start : start + _CHUNK]
        clock = time.perf_counter()
        vectors = embedder.embed([prepared.passages[i] for i in chunk])
        said = [(i, n, text) for i in chunk for n, text in enumerate(prepared.sentences[i])]
        sentence_vectors = embedder.embed([text for _, _, text in said])
        embed_seconds += time.perf_counter() - clock

        clock = time.perf_counter()
        sentence_records = [
            VectorRecord(
                sentence_id(prepared.entries[i][0].id, n),
                vector,
                {"paragraph": prepared.entries[i][0].id, "digest": text_digest(text)},
            )
            for (i, n, text), vector in zip(said, sentence_vectors, strict=True)
        ]
        # Sentences before their paragraph: a paragraph stored under its current digest has
        # its sentences, so a kill between the two leaves work the next sync redoes.
        store.replace_sentences([prepared.entries[i][0].id for i in chunk], sentence_records)
        records = []
        for i, vector in zip(chunk, vectors, strict=True):
            paragraph, document = prepared.entries[i]
            metadata = record_metadata(paragraph, document, prepared.digests[paragraph.id])
            records.append(VectorRecord(paragraph.id, vector, metadata))
        store.upsert(records)
        store_seconds += time.perf_counter() - clock
        if progress is not None:
            progress(start + len(chunk), len(todo))
    return embed_seconds, store_seconds
