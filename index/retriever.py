"""Hybrid retrieval: dense (Chroma) and BM25 candidates, fused, with paragraph-number lookups.

Hits always come from the catalogue: an id an index returns that the catalogue no longer has
(left by a killed sync) is dropped. Build one `Retriever` and reuse it: the embedding model loads
on the first query and stays loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace

from assistant.errors import IndexNotBuilt
from assistant.settings import Settings
from assistant.types import Document, Hit, Paragraph
from index.embed import Embedder
from index.filters import Filters, date_number
from index.hybrid import (
    Fused,
    ParagraphRef,
    fuse,
    parse_paragraph_refs,
    query_parts,
    strip_framing,
)
from index.keyword import KeywordIndex, live_folder
from index.store import VectorStore
from ingest.catalogue import Catalogue
from ingest.dates import find_dates

log = logging.getLogger(__name__)

LABEL_SCORE = 1.0  # above any fused score (at most about 2/61): an exact paragraph-number match
_MAX_LABEL_HITS = 5
# BM25 is the stronger retriever on these papers (names, numbers, local terms); measured on
# ../shared/eval/dev.jsonl, a lighter dense weight lifted recall@20 without hurting recall@5.
WEIGHTS = {"dense": 0.7, "bm25": 1.0}
# The parts of a query that asks several things, together, against the whole query (measured on
# ../shared/eval/dev.jsonl: 0.5 lifted recall@5; 1 and more cost recall@20).
PARTS_WEIGHT = 0.5
# The papers dated a day the query names, against the whole collection.
DAY_WEIGHT = 1.0


class Retriever:
    def __init__(
        self,
        settings: Settings,
        catalogue: Catalogue,
        embedder: Embedder | None = None,
        store: VectorStore | None = None,
    ):
        self.settings = settings
        self.catalogue = catalogue
        self.embedder = embedder or Embedder(settings)
        self.store = store or VectorStore(settings)
        self._keyword: KeywordIndex | None = None
        self._keyword_folder = None

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Retriever:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def keyword_index(self) -> KeywordIndex | None:
        """The live BM25 build, reloaded when a sync has swapped in a new one."""
        folder = live_folder(self.settings.bm25_path)
        if folder != self._keyword_folder:
            self._keyword = KeywordIndex.load(self.settings.bm25_path) if folder else None
            self._keyword_folder = folder
        return self._keyword

    def expand(self, query: str) -> str:
        keyword = self.keyword_index()
        return keyword.glossary.expand(query) if keyword else query

    def search(
        self,
        query: str,
        k: int = 10,
        doc_ids: Iterable[str] | None = None,
        kinds: Iterable[str] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Hit]:
        """The `k` best paragraphs for `query` among those passing the filters, best first."""
        filters = Filters.build(doc_ids, kinds, since, until)
        if not query.strip():
            return []
        keyword = self.keyword_index()
        if keyword is None and self.store.count() == 0:
            raise IndexNotBuilt(str(self.settings.data_dir))
        n = max(self.settings.candidates, k)
        rankings, weights = self._rankings(query, keyword, filters, n)
        fused = [replace(item, via=_retrievers(item.via)) for item in fuse(rankings, weights)]
        labelled = self._label_matches(parse_paragraph_refs(query), keyword, filters, fused)
        return self._hits(_label_first(labelled, fused), k)

    def query_texts(self, query: str) -> list[str]:
        """What a search for `query` embeds and matches: the query without framing words, then
        each of its parts (`query_parts`), acronyms expanded by the glossary."""
        keyword = self.keyword_index()
        terms = keyword.terms if keyword else str.split
        texts = [strip_framing(query, terms), *query_parts(query, terms)]
        return [keyword.glossary.expand(t) if keyword else t for t in texts]

    def _rankings(
        self, query: str, keyword: KeywordIndex | None, filters: Filters, n: int
    ) -> tuple[dict[str, list[str]], dict[str, float]]:
        """Dense and BM25 rankings of the whole query and of each of its parts, with their
        weights; a part's rankings are named after their retriever and the part ("bm25 2")."""
        texts = self.query_texts(query)
        parts = texts[1:]
        vectors = self.embedder.remembered(texts)  # one batch; a part searched again is known
        rankings: dict[str, list[str]] = {}
        weights: dict[str, float] = {}
        for i, (text, vector) in enumerate(zip(texts, vectors, strict=True)):
            suffix, share = ("", 1.0) if i == 0 else (f" {i}", PARTS_WEIGHT / len(parts))
            rankings["dense" + suffix] = self.store.query(vector, n, filters.where())
            rankings["bm25" + suffix] = keyword.search(text, n, filters) if keyword else []
            weights |= {name + suffix: WEIGHTS[name] * share for name in WEIGHTS}
        day = _day_named(query, filters)
        if day is not None:
            # "the meeting on 28 January 2016": the papers dated that day, searched on their own
            dated = replace(filters, since=day, until=day)
            rankings["dense day"] = self.store.query(vectors[0], n, dated.where())
            rankings["bm25 day"] = keyword.search(texts[0], n, dated) if keyword else []
            weights |= {f"{name} day": WEIGHTS[name] * DAY_WEIGHT for name in WEIGHTS}
        return rankings, weights

    def neighbours(self, paragraph: Paragraph, before: int = 1, after: int = 1) -> list[Paragraph]:
        """The paragraph with up to `before` paragraphs ahead of it and `after` behind it, in
        document order (the context a reader sees around a cited paragraph)."""
        siblings = self.catalogue.paragraphs(paragraph.doc_id)
        position = next((i for i, p in enumerate(siblings) if p.seq == paragraph.seq), None)
        if position is None:
            return [paragraph]
        return siblings[max(0, position - before) : position + after + 1]

    def _label_matches(
        self,
        refs: Sequence[ParagraphRef],
        keyword: KeywordIndex | None,
        filters: Filters,
        fused: Sequence[Fused],
    ) -> list[str]:
        """Ids of paragraphs printed with a number the query names, in the named year's papers
        when it names one; among several, those the fused ranking liked first."""
        if not refs or keyword is None:
            return []
        rows = keyword.rows
        fused_rank = {item.id: rank for rank, item in enumerate(fused)}
        found: list[str] = []
        for ref in refs:
            candidates = [
                i
                for i in keyword.with_label(ref.label)
                if filters.admits(rows.doc_ids[i], rows.kinds[i], int(rows.dates[i]))
            ]
            if ref.year:
                candidates = self._in_year(candidates, rows.doc_ids, ref.year)
            ids = [rows.ids[i] for i in candidates]
            ids.sort(key=lambda pid: fused_rank.get(pid, len(fused_rank)))
            found.extend(ids[:_MAX_LABEL_HITS])
        return list(dict.fromkeys(found))[:_MAX_LABEL_HITS]

    def _in_year(self, rows: list[int], doc_ids: Sequence[str], year: str) -> list[int]:
        documents = {d: self.catalogue.document(d) for d in {doc_ids[i] for i in rows}}

        def names_year(document: Document | None) -> bool:
            if document is None:
                return False
            return (
                (document.date or "").startswith(year)
                or year in document.doc_id
                or (year in document.title)
            )

        return [i for i in rows if names_year(documents[doc_ids[i]])]

    def _hits(self, ranked: Sequence[Fused], k: int) -> list[Hit]:
        paragraphs = self.catalogue.paragraphs_by_id(item.id for item in ranked)
        present = [item for item in ranked if item.id in paragraphs]  # stale ids dropped
        hits: list[Hit] = []
        for item in _collapse_duplicates(present, paragraphs):
            paragraph = paragraphs[item.id]
            document = self._document(paragraph.doc_id)
            if document is not None:
                hits.append(Hit(paragraph, document, item.score, len(hits) + 1, item.via))
            if len(hits) == k:
                break
        return hits

    def _document(self, doc_id: str) -> Document | None:
        return self.catalogue.document(doc_id)


def _collapse_duplicates(ranked: Sequence[Fused], paragraphs: dict[str, Paragraph]) -> list[Fused]:
    """A near-duplicate whose canonical paragraph is also ranked gives way to it: the canonical
    paragraph takes the better of the two positions, and they share their `via`."""
    present = {item.id for item in ranked}

    def target(pid: str) -> str:
        canonical = paragraphs[pid].canonical
        return canonical if canonical and canonical in present else pid

    via: dict[str, list[str]] = {}
    for item in ranked:
        via.setdefault(target(item.id), []).extend(item.via)
    emitted: list[Fused] = []
    seen: set[str] = set()
    for item in ranked:
        pid = target(item.id)
        if pid not in seen:
            seen.add(pid)
            emitted.append(Fused(pid, item.score, tuple(dict.fromkeys(via[pid]))))
    return emitted


def _day_named(query: str, filters: Filters) -> int | None:
    """The first day (yyyymmdd) the query names with its year, unless a date filter is set."""
    if filters.since is not None or filters.until is not None:
        return None
    days = find_dates(query)
    return date_number(days[0]) if days else None


def _retrievers(via: Sequence[str]) -> tuple[str, ...]:
    """ "dense 1" (the dense ranking of a query's first part) counts as "dense"."""
    return tuple(dict.fromkeys(name.split()[0] for name in via))


def _label_first(labelled: Sequence[str], fused: Sequence[Fused]) -> list[Fused]:
    by_id = {item.id: item for item in fused}
    top = [
        Fused(pid, LABEL_SCORE, ("label", *by_id[pid].via) if pid in by_id else ("label",))
        for pid in labelled
    ]
    chosen = set(labelled)
    return top + [item for item in fused if item.id not in chosen]
