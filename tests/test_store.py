"""The Chroma adapter against the real embedded Chroma: upsert, list, filter, delete, errors."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from assistant.errors import StoreUnavailable
from assistant.settings import Settings
from index.filters import Filters
from index.store import VectorRecord, VectorStore

pytestmark = pytest.mark.slow


def _record(pid: str, axis: int, doc_id: str, date_int: int, digest: str = "d") -> VectorRecord:
    vector = np.zeros(8, dtype=np.float32)
    vector[axis] = 1.0
    meta = {"doc_id": doc_id, "kind": "minutes", "date": "", "date_int": date_int}
    return VectorRecord(pid, vector, meta | {"label": "", "page": 1, "digest": digest})


def test_upsert_query_filter_delete(tmp_path):
    store = VectorStore(Settings(data_dir=tmp_path))
    store.upsert([_record("a#0", 0, "a", 20110609), _record("b#0", 1, "b", 20160217)])
    store.upsert([_record("a#0", 0, "a", 20110609, digest="changed")])  # replaces, no duplicate
    assert store.count() == 2
    assert store.digests() == {"a#0": "changed", "b#0": "d"}
    probe = np.eye(8, dtype=np.float32)[1]
    assert store.query(probe, 5) == ["b#0", "a#0"]
    assert store.query(probe, 5, Filters.build(doc_ids=["a"]).where()) == ["a#0"]
    assert store.query(probe, 5, Filters.build(since="2012-01-01").where()) == ["b#0"]
    assert np.allclose(store.vectors(["b#0"])["b#0"], probe)
    store.delete(["a#0", "never-there"])
    assert store.digests() == {"b#0": "d"}


def test_the_store_persists_in_the_data_folder(tmp_path):
    VectorStore(Settings(data_dir=tmp_path)).upsert([_record("a#0", 0, "a", 0)])
    assert (tmp_path / "chroma").is_dir()
    assert VectorStore(Settings(data_dir=tmp_path)).count() == 1


def test_digests_page_through_large_stores(tmp_path):
    store = VectorStore(Settings(data_dir=tmp_path))
    store.upsert([_record(f"x#{i}", i % 8, "x", 0) for i in range(2500)])
    assert len(store.digests()) == 2500


def test_an_unreachable_server_is_a_store_error(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    store = VectorStore(Settings(data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=port))
    with pytest.raises(StoreUnavailable, match=f"127.0.0.1:{port}") as caught:
        store.count()
    assert caught.value.__cause__ is not None


def test_the_nearest_paragraphs_are_the_exact_nearest_on_every_load(tmp_path):
    # Random vectors are HNSW's hardest case: with Chroma's default search width, 14 of 20 such
    # queries missed some of their 50 exact neighbours, and which ones changed between loads.
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(900, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    meta = {"doc_id": "x", "kind": "minutes", "date": "", "date_int": 0}
    records = [VectorRecord(f"x#{i}", v, meta | {"label": "", "page": 1, "digest": "d"})
               for i, v in enumerate(vectors)]  # fmt: skip
    VectorStore(Settings(data_dir=tmp_path)).upsert(records)
    for _ in range(10):
        probe = rng.normal(size=384).astype(np.float32)
        exact = [f"x#{i}" for i in np.argsort(-(vectors @ probe))[:50]]
        store = VectorStore(Settings(data_dir=tmp_path))
        assert store.query(probe, 50) == exact
        store.close()


def test_a_store_made_with_chromas_default_search_width_is_widened(tmp_path):
    import chromadb

    from index.store import EF_SEARCH

    settings = Settings(data_dir=tmp_path)
    settings.chroma_path.mkdir(parents=True)
    client = chromadb.PersistentClient(path=str(settings.chroma_path))
    client.create_collection(settings.collection_name, embedding_function=None,
                             configuration={"hnsw": {"space": "cosine"}})  # fmt: skip
    client.close()
    store = VectorStore(settings)
    assert store.collection.configuration_json["hnsw"]["ef_search"] == EF_SEARCH
