"""`evidence bench`: ingest speed, query latency, cold start and memory, measured end to end.

The sample run ingests a folder of papers into a temporary data folder and splits ingest time
into parse, embed and store. `--scale N` then grows a synthetic corpus of N paragraphs from the
sample's (perturbed copies) to measure latency, index size and memory at that size. Embedding
N paragraphs for real takes about N/35 seconds on 2 cores, so by default a copy's vector is its
source paragraph's vector with noise added (the index and the query path are the same; only the
vectors' provenance differs); `embed=True` embeds every copy instead.
"""

from __future__ import annotations

import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from assistant.evaluation import load_questions
from assistant.settings import Settings
from assistant.types import Document, Paragraph

DOCS_PER_FILE = 200  # paragraphs per synthetic document
_NOISE = 0.5  # synthetic vectors sit at cosine ~0.9 from their source


def run_bench(
    settings: Settings, docs: Path, questions: Path, scale: int | None = None, embed: bool = False
) -> dict:
    queries = [q.question for q in load_questions(questions)]
    with tempfile.TemporaryDirectory(prefix="evidence-bench-") as tmp:
        sample_settings = settings.model_copy(update={"data_dir": Path(tmp) / "sample"})
        result = {"sample": bench_sample(sample_settings, docs, queries)}
        if scale:
            scale_settings = settings.model_copy(update={"data_dir": Path(tmp) / "scale"})
            result["scale"] = bench_scale(sample_settings, scale_settings, scale, queries, embed)
    result["peak_memory_mb"] = peak_memory_mb()
    return result


def bench_sample(settings: Settings, docs: Path, queries: Sequence[str]) -> dict:
    from index.embed import Embedder
    from index.retriever import Retriever
    from index.sync import sync_index
    from ingest.catalogue import Catalogue
    from ingest.pipeline import ingest_paths

    embedder = Embedder(settings)
    embedder.model  # noqa: B018 - load it outside the timings: cold start is measured apart
    with Catalogue.open(settings.catalogue_path) as catalogue:
        clock = time.perf_counter()
        report = ingest_paths([docs], catalogue)
        parse = time.perf_counter() - clock
        sync = sync_index(settings, catalogue, embedder=embedder)
        pages = sum(record.pages for record in catalogue.files())
        paragraphs = sync.paragraphs
        total = parse + sync.total_seconds
        latency = query_latency(Retriever(settings, catalogue, embedder=embedder), queries)
    return {
        "files": len(report.files),
        "pages": pages,
        "paragraphs": paragraphs,
        "ingest_seconds": round(total, 2),
        "parse_seconds": round(parse, 2),
        "embed_seconds": round(sync.embed_seconds, 2),
        "store_seconds": round(sync.store_seconds + sync.keyword_seconds, 2),
        "embed_share": round(sync.embed_seconds / total, 3) if total else 0.0,
        "pages_per_second": round(pages / total, 1) if total else 0.0,
        "paragraphs_per_second": round(paragraphs / total, 1) if total else 0.0,
        "query_ms": latency,
        "cold_search_seconds": round(cold_start(settings.data_dir, queries[0]), 2),
        "index_mb": disk_mb(settings.data_dir),
    }


def bench_scale(
    source: Settings, settings: Settings, n: int, queries: Sequence[str], embed: bool
) -> dict:
    from index.embed import Embedder
    from index.retriever import Retriever
    from ingest.catalogue import Catalogue

    embedder = Embedder(settings)
    with Catalogue.open(source.catalogue_path) as sample:
        originals = [p for p in sample.paragraphs() if p.text.strip()]
        documents = {d.doc_id: d for d in sample.documents()}
    with Catalogue.open(settings.catalogue_path) as catalogue:
        clock = time.perf_counter()
        copies = grow_catalogue(catalogue, originals, documents, n)
        build = time.perf_counter() - clock
        index = _index_copies(source, settings, catalogue, copies, embedder if embed else None)
        latency = query_latency(Retriever(settings, catalogue, embedder=embedder), queries)
    return {
        "paragraphs": n,
        "vectors": "embedded" if embed else "perturbed copies of the sample's vectors",
        "catalogue_seconds": round(build, 2),
        **index,
        "query_ms": latency,
        "index_mb": disk_mb(settings.data_dir),
    }


def grow_catalogue(
    catalogue, originals: list[Paragraph], documents: dict[str, Document], n: int, seed: int = 7
) -> dict[str, str]:
    """Write `n` perturbed copies of `originals` as synthetic documents; copy id -> source id."""
    from ingest.catalogue import FileRecord, now

    rng = random.Random(seed)
    vocabulary = sorted({w for p in originals for w in p.text.split() if w.isalpha()})
    sources: dict[str, str] = {}
    for number, start in enumerate(range(0, n, DOCS_PER_FILE)):
        picks = [rng.choice(originals) for _ in range(min(DOCS_PER_FILE, n - start))]
        like = documents[picks[0].doc_id]
        year = rng.randint(2008, 2020)
        document = replace(
            like,
            doc_id=f"synthetic-{number:05d}",
            title=f"{like.title} ({year}, synthetic {number})",
            date=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            source=f"synthetic-{number:05d}.pdf",
            part_of=None,
        )
        paragraphs = []
        for seq, original in enumerate(picks):
            text = perturb(original.text, rng, vocabulary)
            paragraphs.append(
                replace(original, doc_id=document.doc_id, seq=seq, text=text, canonical=None)
            )
            sources[paragraphs[-1].id] = original.id
        record = FileRecord(document.source, document.source, f"{number:064d}", 0, 1, now())
        catalogue.replace_file(record, [document], paragraphs)
    return sources


def perturb(text: str, rng: random.Random, vocabulary: Sequence[str]) -> str:
    """A plausible variant: sentences shuffled, numbers changed, one word in eight swapped."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    rng.shuffle(sentences)
    words = " ".join(sentences).split()
    for i, word in enumerate(words):
        if word.isdigit():
            words[i] = str(rng.randint(1, 99))
        elif vocabulary and word.isalpha() and rng.random() < 0.125:
            words[i] = rng.choice(vocabulary)
    return " ".join(words)


def _index_copies(
    source: Settings, settings: Settings, catalogue, copies: dict[str, str], embedder
) -> dict:
    """Vectors and BM25 for the synthetic catalogue, written the way `sync_index` writes them
    (same digests), so a later sync finds nothing to do."""
    from index.keyword import KeywordIndex
    from index.store import VectorRecord, VectorStore, record_metadata
    from index.sync import Prepared

    prepared = Prepared.of(catalogue)
    store = VectorStore(settings)
    clock = time.perf_counter()
    if embedder is not None:
        vectors = embedder.embed(prepared.passages)
    else:
        originals = VectorStore(source).vectors(sorted(set(copies.values())))
        rng = np.random.default_rng(7)
        vectors = np.vstack([originals[copies[p.id]] for p, _ in prepared.entries])
        vectors = vectors + rng.normal(0, _NOISE / np.sqrt(vectors.shape[1]), vectors.shape)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    embed = time.perf_counter() - clock
    clock = time.perf_counter()
    for start in range(0, len(prepared.entries), 2000):
        records = [
            VectorRecord(p.id, vectors[i], record_metadata(p, d, prepared.digests[p.id]))
            for i, (p, d) in enumerate(prepared.entries[start : start + 2000], start)
        ]
        store.upsert(records)
    stored = time.perf_counter() - clock
    clock = time.perf_counter()
    keyword = KeywordIndex.build(prepared.entries, prepared.keyword_texts, prepared.fingerprint)
    keyword.save(settings.bm25_path)
    return {
        "vector_seconds": round(embed, 2),
        "store_seconds": round(stored, 2),
        "bm25_seconds": round(time.perf_counter() - clock, 2),
    }


def query_latency(retriever, queries: Sequence[str], repeats: int = 2) -> dict:
    """Warm latency of `search` (k=10) in milliseconds; the first query warms up and is not
    counted. Each query is timed as if unseen: the vectors the embedder remembers are dropped
    first, so a repeat does not skip embedding the query."""
    retriever.search(queries[0], k=10)
    samples = []
    for _ in range(repeats):
        for query in queries:
            retriever.embedder.forget()
            clock = time.perf_counter()
            retriever.search(query, k=10)
            samples.append((time.perf_counter() - clock) * 1000)
    samples.sort()
    return {
        "queries": len(samples),
        "p50": round(statistics.median(samples), 1),
        "p95": round(samples[min(len(samples) - 1, int(0.95 * len(samples)))], 1),
        "max": round(samples[-1], 1),
    }


def cold_start(data_dir: Path, query: str) -> float:
    """Seconds for a fresh `evidence search` process, imports and model load included."""
    command = [
        sys.executable,
        "-m",
        "assistant",
        "search",
        query,
        "--json",
        "--data-dir",
        str(data_dir),
    ]
    clock = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return time.perf_counter() - clock


def disk_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 1)


def peak_memory_mb() -> float:
    """Peak resident memory of this process (Linux reports kilobytes)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def print_bench(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("measure", "value", title="evidence bench")
    for section in ("sample", "scale"):
        for key, value in result.get(section, {}).items():
            shown = (
                ", ".join(f"{k} {v}" for k, v in value.items())
                if isinstance(value, dict)
                else value
            )
            table.add_row(f"{section}.{key}", str(shown))
    table.add_row("peak_memory_mb", str(result["peak_memory_mb"]))
    Console().print(table)
