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
from index.embed import Embedder, passage_text, text_digest
from index.keyword import KeywordIndex, keyword_text, stored_fingerprint
from index.store import VectorRecord, VectorStore, record_metadata
from ingest.catalogue import Catalogue

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
    """Every paragraph with its document, in catalogue order."""
    documents = {document.doc_id: document for document in catalogue.documents()}
    return [(p, documents[p.doc_id]) for p in catalogue.paragraphs() if p.doc_id in documents]


def entry_digest(paragraph: Paragraph, document: Document) -> str:
    """Changes whenever anything the indexes hold for the paragraph changes."""
    payload = [
        passage_text(paragraph, document),
        keyword_text(paragraph, document),
        record_metadata(paragraph, document, ""),
    ]
    return text_digest(json.dumps(payload, sort_keys=True))


def fingerprint(digests: dict[str, str]) -> str:
    lines = "\n".join(f"{pid}:{digest}" for pid, digest in sorted(digests.items()))
    return hashlib.sha256(lines.encode()).hexdigest()[:24]


def sync_index(
    settings: Settings,
    catalogue: Catalogue,
    progress: Callable[[int, int], None] | None = None,
    embedder: Embedder | None = None,
    store: VectorStore | None = None,
) -> SyncReport:
    """Make the vector store and BM25 index hold exactly the catalogue's paragraphs."""
    started = time.perf_counter()
    entries = catalogue_entries(catalogue)
    digests = {p.id: entry_digest(p, d) for p, d in entries}
    store = store or VectorStore(settings)

    clock = time.perf_counter()
    stored = store.digests()
    stale = [pid for pid in stored if pid not in digests]
    store.delete(stale)
    store_seconds = time.perf_counter() - clock

    clock = time.perf_counter()
    current = fingerprint(digests)
    rebuild = stored_fingerprint(settings.bm25_path) != current
    if rebuild:
        KeywordIndex.build(entries, current).save(settings.bm25_path)
    keyword_seconds = time.perf_counter() - clock

    todo = [(p, d) for p, d in entries if stored.get(p.id) != digests[p.id]]
    embed_seconds, upsert_seconds = _embed_and_store(
        todo, digests, embedder or Embedder(settings), store, progress
    )
    report = SyncReport(
        paragraphs=len(entries),
        added=sum(1 for p, _ in todo if p.id not in stored),
        updated=sum(1 for p, _ in todo if p.id in stored),
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
    todo: Sequence[Entry],
    digests: dict[str, str],
    embedder: Embedder,
    store: VectorStore,
    progress: Callable[[int, int], None] | None,
) -> tuple[float, float]:
    embed_seconds = store_seconds = 0.0
    if progress is not None:
        progress(0, len(todo))
    for start in range(0, len(todo), _CHUNK):
        chunk = todo[start : start + _CHUNK]
        clock = time.perf_counter()
        vectors = embedder.embed([passage_text(p, d) for p, d in chunk])
        embed_seconds += time.perf_counter() - clock

        clock = time.perf_counter()
        store.upsert(
            [
                VectorRecord(p.id, vector, record_metadata(p, d, digests[p.id]))
                for (p, d), vector in zip(chunk, vectors, strict=True)
            ]
        )
        store_seconds += time.perf_counter() - clock
        if progress is not None:
            progress(start + len(chunk), len(todo))
    return embed_seconds, store_seconds
