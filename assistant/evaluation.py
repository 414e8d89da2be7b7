"""Evaluation against question files (../shared/eval/*.jsonl): quote matching and retrieval recall.

A question line holds `question` and `evidence`, a list of `{doc, quote, para}`: the quotes are
what a correct answer must be able to cite. Quotes come with markup (`**bold**`, `<b>`, `<sup>`,
entities) and typographic quotes and dashes the paragraphs may not have, so both sides are
normalised before comparing. The answer-level evaluation is to be added here too.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from assistant.types import Hit

FUZZY_THRESHOLD = 90  # rapidfuzz partial_ratio, for quotes that differ slightly or span a break

_TAG = re.compile(r"<[^>]{0,200}>")
_MARKDOWN = re.compile(r"(\*{1,3}|_{2,3}|`+|^#{1,6}\s*|^\s*[-•▪]\s+)", re.MULTILINE)
_TRANSLATE = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‒": "-",
        "−": "-",
        "\u00a0": " ",
        "\u00ad": None,
        "•": " ",
        "\x7f": " ",
    }
)


def normalise(text: str) -> str:
    """Text for comparison: no tags, markdown or entities; plain quotes and dashes; single
    spaces; lower case."""
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = _MARKDOWN.sub(" ", text)
    text = text.translate(_TRANSLATE)
    return " ".join(text.split()).lower().strip()


def quote_matches(quote: str, passage: str) -> bool:
    """Whether a quote (already normalised) is in a passage (already normalised): contained
    exactly, or a fuzzy partial match for small differences and quotes over a paragraph break.

    The fuzzy rule only applies when the shorter side is at least half as long as the quote, so a
    short paragraph ("Ofsted") does not "contain" a long quote by being inside it.
    """
    if not quote:
        return False
    if quote in passage:
        return True
    if min(len(passage), len(quote)) < len(quote) / 2:
        return False
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(quote, passage, score_cutoff=FUZZY_THRESHOLD) > 0


@dataclass(frozen=True)
class Evidence:
    doc: str  # source file name without its suffix
    quote: str
    para: str | None


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    kind: str
    evidence: tuple[Evidence, ...]
    raw: dict = field(repr=False, compare=False, default_factory=dict)


def load_questions(path: Path) -> list[Question]:
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        evidence = tuple(
            Evidence(e["doc"], e["quote"], e.get("para")) for e in data.get("evidence") or ()
        )
        questions.append(
            Question(data["id"], data["question"], data.get("kind", ""), evidence, data)
        )
    return questions


def hit_matches(evidence: Evidence, hit: Hit) -> bool:
    """Whether a retrieved paragraph carries the evidence quote, in the right source file."""
    if Path(hit.document.source).stem != evidence.doc and hit.document.doc_id != evidence.doc:
        return False
    passage = normalise(f"{hit.paragraph.section_path}\n{hit.paragraph.text}")
    return quote_matches(normalise(evidence.quote), passage)


class Searcher(Protocol):
    def search(self, query: str, k: int = 10) -> list[Hit]: ...


@dataclass(frozen=True)
class QuoteResult:
    question_id: str
    evidence: Evidence
    rank: int | None  # 1-based rank of the first matching hit, None when not retrieved


@dataclass(frozen=True)
class RecallReport:
    ks: tuple[int, ...]
    results: tuple[QuoteResult, ...]

    def recall(self, k: int) -> float:
        if not self.results:
            return 0.0
        found = sum(1 for r in self.results if r.rank is not None and r.rank <= k)
        return found / len(self.results)

    def misses(self, k: int) -> list[QuoteResult]:
        return [r for r in self.results if r.rank is None or r.rank > k]

    def summary(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {"quotes": len(self.results)}
        out |= {f"recall@{k}": round(self.recall(k), 4) for k in self.ks}
        return out


def retrieval_recall(
    retriever: Searcher, questions: Iterable[Question], ks: Sequence[int] = (5, 20)
) -> RecallReport:
    """For every evidence quote: the rank at which the retriever first returns a paragraph
    carrying it, searching with the question text. Questions without evidence are skipped."""
    depth = max(ks)
    results: list[QuoteResult] = []
    for question in questions:
        if not question.evidence:
            continue
        hits = retriever.search(question.question, k=depth)
        for evidence in question.evidence:
            rank = next((h.rank for h in hits if hit_matches(evidence, h)), None)
            results.append(QuoteResult(question.id, evidence, rank))
    return RecallReport(tuple(ks), tuple(results))
