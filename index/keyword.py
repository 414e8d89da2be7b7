"""BM25 over the catalogue's paragraphs (bm25s, English stemming and stopwords), with the glossary.

On disk the index is a folder per build under `settings.bm25_path`, and a `CURRENT` file naming the
live one. A build is written into a fresh folder and `CURRENT` is swapped with `os.replace`, so a
kill at any moment leaves either the old index or the new one, never half of one.
"""

from __future__ import annotations

import calendar
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.types import Document, Paragraph
from index.filters import Filters, date_number
from index.glossary import Glossary
from ingest.dates import MONTH, month_number

log = logging.getLogger(__name__)

# Part of every build's fingerprint: bump it when tokenising or the glossary rules change, so the
# next sync rebuilds the index even though no paragraph changed.
FORMAT = "bm25-v4"
TOKENIZED = 8192  # texts whose terms a tokenizer keeps (a paragraph's cost a few kB)
_TOKEN = re.compile(r"\b\w\w+\b")
# "21st April" and "21 April" name the same day; the suffix would make "21st" a different word.
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_POINTER = "CURRENT"
# A day of a month is one term as well as two ("21 April" -> "21april"): "21" and "april" are
# everywhere in a year of papers, the day itself names one meeting.
_DAY_MONTH = re.compile(rf"\b([0-3]?\d),?\s+({MONTH})\b")
_MONTH_DAY = re.compile(rf"\b({MONTH})\s+([0-3]?\d)\b(?!\s*(?:,\s*)?\d{{3}})")


def _stem_words():
    import Stemmer

    return Stemmer.Stemmer("english").stemWords


def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


class Tokenizer:
    """Lower case, ordinals as their numbers, words of two or more characters, English stopwords
    out, Snowball stems; and each day of a month written out as one more term ("21april")."""

    def __init__(self) -> None:
        self._stem = _stem_words()
        self._stopwords = _stopwords()
        # query time tokenises the same sentences for every part of a question and follow-up
        self._terms = lru_cache(maxsize=TOKENIZED)(self._tokenize)

    def __call__(self, text: str) -> list[str]:
        return list(self._terms(text))

    def _tokenize(self, text: str) -> tuple[str, ...]:
        text = _ORDINAL.sub(r"\1", text.lower())
        words = [w for w in _TOKEN.findall(text) if w not in self._stopwords]
        days = [_day_term(day, month) for day, month in _DAY_MONTH.findall(text)]
        days += [_day_term(day, month) for month, day in _MONTH_DAY.findall(text)]
        return (*self._stem(words), *days)

    def query(self, text: str) -> list[str]:
        """The terms of a question, plus the dictionary form of any word stemming cannot reach
        ("led" -> "lead", "held" -> "hold", "met" -> "meet"): papers say "Lead inspector" and
        "the meeting held", people ask "who led it?". Only questions get these extra terms;
        lemmatising the papers too measured worse."""
        terms = self(text)
        extra = [lemma for lemma in self.lemma_stems(text) if lemma not in terms]
        return terms + extra

    def lemma_stems(self, text: str) -> dict[str, str]:
        """For each word of `text` whose dictionary form stems differently: that form's stem ->
        the word's own stem ("lead" -> "led")."""
        found: dict[str, str] = {}
        for word in _TOKEN.findall(text.lower()):
            if word in self._stopwords:
                continue
            lemma = _lemma(word)
            if lemma != word and len(lemma) > 2 and lemma not in self._stopwords:
                stem, own = self._stem([lemma, word])
                if stem != own:
                    found.setdefault(stem, own)
        return found


def _lemma(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="en")


@dataclass(frozen=True)
class Rows:
    """Per corpus row: what filters and paragraph-number lookups need, aligned with BM25."""

    ids: list[str]
    doc_ids: list[str]
    kinds: list[str]
    dates: np.ndarray  # yyyymmdd, 0 when undated
    labels: list[str]

    @classmethod
    def of(cls, entries: Sequence[tuple[Paragraph, Document]]) -> Rows:
        return cls(
            ids=[p.id for p, _ in entries],
            doc_ids=[p.doc_id for p, _ in entries],
            kinds=[str(d.kind) for _, d in entries],
            dates=np.array([date_number(d.date) for _, d in entries], dtype=np.int64),
            labels=[p.label for p, _ in entries],
        )

    def to_json(self) -> dict:
        data = {k: v for k, v in vars(self).items() if k != "dates"}
        return data | {"dates": self.dates.tolist()}

    @classmethod
    def from_json(cls, data: dict) -> Rows:
        return cls(**(data | {"dates": np.array(data["dates"], dtype=np.int64)}))


class KeywordIndex:
    def __init__(self, bm25, rows: Rows, glossary: Glossary, fingerprint: str, tokenizer=None):
        self._bm25 = bm25  # None for an empty corpus: bm25s cannot index nothing
        self.rows = rows
        self.glossary = glossary
        self.fingerprint = fingerprint  # of the catalogue state this index was built from
        self._tokenize = tokenizer or Tokenizer()
        self._query_terms = getattr(self._tokenize, "query", self._tokenize)
        self._labels: dict[str, list[int]] | None = None

    @classmethod
    def build(
        cls, entries: Sequence[tuple[Paragraph, Document]], texts: Sequence[str], fingerprint: str
    ) -> KeywordIndex:
        """Index `texts[i]` as the text of `entries[i]`; the glossary comes from the paragraphs."""
        import bm25s

        tokenize = Tokenizer()
        bm25 = None
        if entries:
            bm25 = bm25s.BM25()
            bm25.index([tokenize(text) for text in texts], show_progress=False)
        glossary = Glossary.harvest(p.text for p, _ in entries)
        return cls(bm25, Rows.of(entries), glossary, fingerprint, tokenize)

    def __len__(self) -> int:
        return len(self.rows.ids)

    def terms(self, text: str) -> list[str]:
        """The search terms of `text`, as the index tokenises it."""
        return self._tokenize(text)

    def search(self, query: str, k: int, filters: Filters | None = None) -> list[str]:
        """Ids of the `k` best-scoring paragraphs that pass `filters`, best first."""
        if self._bm25 is None:
            return []
        token_ids = self._bm25.get_tokens_ids(self._query_terms(query))
        if not token_ids:
            return []
        mask = None
        if filters is not None:
            mask = filters.mask(self.rows.doc_ids, self.rows.kinds, self.rows.dates)
        scores = self._bm25.get_scores_from_ids(token_ids, weight_mask=mask)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [self.rows.ids[i] for i in top if scores[i] > 0]

    def paragraphs_holding(self, text: str) -> int:
        """How many paragraphs hold every search term of `text` (0 for a text without one)."""
        if self._bm25 is None:
            return 0
        vocabulary = self._bm25.vocab_dict
        terms = self.terms(text)
        if not terms or any(t not in vocabulary for t in terms):
            return 0
        # bm25s keeps its scores as a sparse column per term: the rows of a term's column are
        # the paragraphs holding it
        starts, rows = self._bm25.scores["indptr"], self._bm25.scores["indices"]
        holding = None
        for term in dict.fromkeys(terms):
            at = vocabulary[term]
            column = rows[starts[at] : starts[at + 1]]
            holding = column if holding is None else np.intersect1d(holding, column)
        return len(holding)

    def with_label(self, label: str) -> list[int]:
        """Corpus rows whose printed paragraph number is `label`."""
        if self._labels is None:
            self._labels = {}
            for i, row_label in enumerate(self.rows.labels):
                if row_label:
                    self._labels.setdefault(label_key(row_label), []).append(i)
        return self._labels.get(label_key(label), [])

    # Persistence --------------------------------------------------------------------------

    def save(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        name = f"build-{time.time_ns()}-{os.getpid()}"
        folder = root / name
        folder.mkdir()
        if self._bm25 is not None:
            self._bm25.save(str(folder / "bm25"), show_progress=False)
        (folder / "rows.json").write_text(json.dumps(self.rows.to_json()), encoding="utf-8")
        self.glossary.save(folder / "glossary.json")
        manifest = {"fingerprint": self.fingerprint, "count": len(self)}
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        pointer = root / f"{_POINTER}.{name}"
        pointer.write_text(name, encoding="utf-8")
        os.replace(pointer, root / _POINTER)  # the moment the new build goes live
        _remove_other_builds(root, keep=name)

    @classmethod
    def load(cls, root: Path) -> KeywordIndex | None:
        """The live build, or None when there is none yet."""
        folder = live_folder(root)
        if folder is None:
            return None
        import bm25s

        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        rows = Rows.from_json(json.loads((folder / "rows.json").read_text(encoding="utf-8")))
        bm25 = None
        if (folder / "bm25").is_dir():
            bm25 = bm25s.BM25.load(str(folder / "bm25"), show_progress=False)
        glossary = Glossary.load(folder / "glossary.json")
        return cls(bm25, rows, glossary, manifest["fingerprint"])


def _day_term(day: str, month: str) -> str:
    """ "21", "Apr" -> "21april": one term however the month is written."""
    return f"{int(day)}{calendar.month_name[month_number(month)].lower()}"


def label_key(label: str) -> str:
    """ "49." and "49", "4 (a)" and "4(a)", "5A" and "5a" are the same printed number."""
    return re.sub(r"\s+", "", label).rstrip(".").lower()


def live_folder(root: Path) -> Path | None:
    try:
        name = (root / _POINTER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    folder = root / name
    return folder if (folder / "manifest.json").is_file() else None


def stored_fingerprint(root: Path) -> str | None:
    folder = live_folder(root)
    if folder is None:
        return None
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["fingerprint"]


def _remove_other_builds(root: Path, keep: str) -> None:
    """Old builds and leftovers of killed builds; a reader still holding one keeps its copy in
    memory, so removing the folder under it is safe."""
    for entry in root.iterdir():
        if entry.name in (keep, _POINTER):
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
