"""The vector store: Chroma, embedded in the data folder or a `chroma run` server.

This is the only module that imports chromadb. It is a thin direct adapter rather than
llama-index's ChromaVectorStore because reconciliation needs what that class does not give:
`upsert` (its `add` fails or duplicates on a re-run after a crash), paging through every id with
its content digest, and raw `where` clauses with `$in` and integer date ranges. It also stores
each node's whole JSON in the metadata, doubling the store for text the catalogue already holds.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.errors import StoreUnavailable
from assistant.settings import Settings
from assistant.types import Document, Paragraph
from index.filters import date_number

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

log = logging.getLogger(__name__)

_PAGE = 2000  # ids read per request when listing the store
# Chroma's default (100) makes the HNSW search approximate enough that the 50 nearest paragraphs
# differed from one run to the next (an index below Chroma's sync threshold is rebuilt on each
# load, its layers drawn at random), so the same question could get a different answer. Wide
# enough, the search returns the same neighbours every run, at the sample's size and at 50,000.
EF_SEARCH = 512


@dataclass(frozen=True)
class VectorRecord:
    id: str
    vector: np.ndarray
    metadata: dict[str, str | int]


def record_metadata(paragraph: Paragraph, document: Document, digest: str) -> dict[str, str | int]:
    """What Chroma keeps per vector: enough to filter and to notice a changed paragraph."""
    return {
        "doc_id": paragraph.doc_id,
        "kind": str(document.kind),
        "date": document.date or "",
        "date_int": date_number(document.date),
        "label": paragraph.label,
        "page": paragraph.page,
        "digest": digest,
    }


def sentence_id(paragraph_id: str, position: int) -> str:
    return f"{paragraph_id}/{position}"


def paragraph_of(sentence: str) -> str:
    """The paragraph id of a sentence id (`sentence_id`'s inverse; a position has no "/")."""
    return sentence.rsplit("/", 1)[0]


class VectorStore:
    """Two Chroma collections: one vector per paragraph, which retrieval searches, and one per
    sentence, which answers score so that a warm question embeds only itself. The client
    connects on first use."""

    def __init__(self, settings: Settings):
        self._settings = settings
        self._collection: Collection | None = None
        self._sentences: Collection | None = None
        self._client = None
        if settings.chroma_host:
            self.where = f"http://{settings.chroma_host}:{settings.chroma_port}"
        else:
            self.where = str(settings.chroma_path)

    @property
    def collection(self) -> Collection:
        if self._collection is None:
            with self._translated():
                self._collection = self._connect()
        return self._collection

    @property
    def sentence_collection(self) -> Collection:
        if self._sentences is None:
            collection = self.collection  # connects the client
            with self._translated():
                self._sentences = self._client.get_or_create_collection(
                    f"{collection.name}-sentences",
                    embedding_function=None,
                    configuration={"hnsw": {"space": "cosine"}},
                )
        return self._sentences

    def _connect(self) -> Collection:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if self._settings.chroma_host:
            client = chromadb.HttpClient(
                host=self._settings.chroma_host,
                port=self._settings.chroma_port,
                settings=chroma_settings,
            )
        else:
            self._settings.chroma_path.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(
                path=str(self._settings.chroma_path), settings=chroma_settings
            )
        self._client = client
        # embedding_function=None: the default one downloads an ONNX model on first use.
        collection = client.get_or_create_collection(
            self._settings.collection_name,
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine", "ef_search": EF_SEARCH}},
        )
        # The raw JSON: parsing it (`.configuration`) fails on some collections in chromadb 1.5
        # ("hnsw and spann cannot both be provided").
        hnsw = collection.configuration_json.get("hnsw") or {}
        if hnsw.get("ef_search") != EF_SEARCH:  # a collection made before EF_SEARCH was set
            with warnings.catch_warnings():  # chromadb's own note about its stored defaults
                warnings.filterwarnings("ignore", "legacy embedding function", DeprecationWarning)
                collection.modify(configuration={"hnsw": {"ef_search": EF_SEARCH}})
        return collection

    def close(self) -> None:
        """Release the client (its HTTP connections, or the embedded store's files)."""
        if self._client is not None:
            self._client.close()
        self._client = self._collection = self._sentences = None

    @contextmanager
    def _translated(self) -> Iterator[None]:
        import chromadb.errors
        import httpx

        try:
            yield
        except (chromadb.errors.ChromaError, httpx.HTTPError, OSError, RuntimeError) as exc:
            raise StoreUnavailable(self.where, f"{type(exc).__name__}: {exc}") from exc
        except ValueError as exc:  # HttpClient reports "could not connect" as a ValueError
            raise StoreUnavailable(self.where, str(exc)) from exc

    def count(self) -> int:
        with self._translated():
            return self.collection.count()

    def digests(self) -> dict[str, str]:
        """Every stored id with the digest of the text its vector was made from."""
        found: dict[str, str] = {}
        with self._translated():
            offset = 0
            while True:
                page = self.collection.get(limit=_PAGE, offset=offset, include=["metadatas"])
                for pid, meta in zip(page["ids"], page["metadatas"] or [], strict=False):
                    found[pid] = str((meta or {}).get("digest", ""))
                if len(page["ids"]) < _PAGE:
                    return found
                offset += _PAGE

    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of `ids` (those the store has)."""
        found: dict[str, np.ndarray] = {}
        with self._translated():
            for start in range(0, len(ids), _PAGE):
                page = self.collection.get(
                    ids=list(ids[start : start + _PAGE]), include=["embeddings"]
                )
                for pid, vector in zip(page["ids"], page["embeddings"], strict=True):
                    found[pid] = np.asarray(vector, dtype=np.float32)
        return found

    def upsert(self, records: Sequence[VectorRecord]) -> None:
        if not records:
            return
        with self._translated():
            self.collection.upsert(
                ids=[record.id for record in records],
                embeddings=np.vstack([record.vector for record in records]),
                metadatas=[record.metadata for record in records],
            )

    def delete(self, ids: Sequence[str]) -> None:
        """Paragraphs out, with their sentences (sentences first: a paragraph vector present
        means its sentences are too, unless a kill came between, which the next sync mends)."""
        self.replace_sentences(ids, [])
        with self._translated():
            for start in range(0, len(ids), _PAGE):
                self.collection.delete(ids=list(ids[start : start + _PAGE]))

    def replace_sentences(self, paragraph_ids: Sequence[str], records: Sequence[VectorRecord]):
        """Drop every sentence vector of `paragraph_ids`, then store `records` (theirs, new)."""
        with self._translated():
            for start in range(0, len(paragraph_ids), _PAGE):
                chunk = list(paragraph_ids[start : start + _PAGE])
                self.sentence_collection.delete(where={"paragraph": {"$in": chunk}})
            if records:
                self.sentence_collection.upsert(
                    ids=[record.id for record in records],
                    embeddings=np.vstack([record.vector for record in records]),
                    metadatas=[record.metadata for record in records],
                )

    def sentence_vectors(self, paragraph_ids: Sequence[str]) -> dict[str, tuple[str, np.ndarray]]:
        """Stored sentence vectors of `paragraph_ids`: sentence id -> (text digest, vector)."""
        found: dict[str, tuple[str, np.ndarray]] = {}
        with self._translated():
            for start in range(0, len(paragraph_ids), _PAGE):
                chunk = list(paragraph_ids[start : start + _PAGE])
                page = self.sentence_collection.get(
                    where={"paragraph": {"$in": chunk}}, include=["embeddings", "metadatas"]
                )
                rows = zip(page["ids"], page["embeddings"], page["metadatas"] or [], strict=True)
                for sid, vector, meta in rows:
                    digest = str((meta or {}).get("digest", ""))
                    found[sid] = (digest, np.asarray(vector, dtype=np.float32))
        return found

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[str]:
        """Ids of the `n` nearest vectors that satisfy `where`, nearest first."""
        with self._translated():
            result = self.collection.query(
                query_embeddings=[vector], n_results=n, where=where, include=["distances"]
            )
        return list(result["ids"][0]) if result["ids"] else []
