"""`evidence bench`'s warm query latency, measured on a real index with the real model."""

from __future__ import annotations

import pytest

from assistant.bench import query_latency
from index.retriever import Retriever

pytestmark = pytest.mark.slow


def test_each_timed_search_embeds_its_query_as_if_unseen(indexed, embedder, embedded):
    settings, catalogue = indexed
    retriever = Retriever(settings, catalogue, embedder=embedder)
    queries = ["care leavers housing", "adoption timeliness"]
    texts = embedded(embedder)
    latency = query_latency(retriever, queries, repeats=2)
    assert latency["queries"] == 4
    assert 0 < latency["p50"] <= latency["p95"] <= latency["max"]
    # the warm-up, then each query in each repeat: a remembered vector would skip embedding
    assert texts.count("care leavers housing") == 3
    assert texts.count("adoption timeliness") == 2
