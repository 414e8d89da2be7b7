"""Evaluation against question files (../shared/eval/*.jsonl): quote matching and retrieval recall.

A question line holds `question` and `evidence`, a list of `{doc, quote, para}`: the quotes are
what a correct answer must be able to cite. Quotes come with markup (`**bold**`, `<b>`, `<sup>`,
entities) and typographic quotes and dashes the paragraphs may not have, so both sides are
normalised before comparing. `score_answers` scores whole answers (citations, abstention,
required terms, latency) for `evidence eval`.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from assistant.types import Answer, Hit

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


SAME_TEXT_ELSEWHERE = 40  # characters: a quote this long found in another paper is the same text


def hit_matches(evidence: Evidence, hit: Hit) -> bool:
    """Whether a retrieved paragraph carries the evidence quote, in the right source file.

    A long quote found word for word in another paper also counts: the same paragraph printed
    twice (a summary published alone and inside the full report) is the same evidence, and the
    retriever deliberately shows only one copy."""
    quote = normalise(evidence.quote)
    same_source = Path(hit.document.source).stem == evidence.doc or hit.document.doc_id == (
        evidence.doc
    )
    if not same_source and (
        len(quote) < SAME_TEXT_ELSEWHERE or quote not in normalise(hit.paragraph.text)
    ):
        return False
    passage = normalise(f"{hit.paragraph.section_path}\n{hit.paragraph.text}")
    return quote_matches(quote, passage)


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


# Answers -----------------------------------------------------------------------------------

Twins = Callable[[Hit], Sequence[Hit]]


def _no_twins(hit: Hit) -> Sequence[Hit]:
    return ()


def cited_matches(evidence: Evidence, hit: Hit, twins: Twins = _no_twins) -> bool:
    """Whether a cited paragraph carries the evidence quote, directly or through a near-duplicate
    in the quote's own document (a duplicate is cited once, under its canonical copy)."""
    return hit_matches(evidence, hit) or any(hit_matches(evidence, t) for t in twins(hit))


def _holds(hit: Hit, evidence: Evidence) -> bool:
    return normalise(evidence.quote) in normalise(hit.paragraph.text)


def _same_label(a: str, b: str) -> bool:
    return a.strip().rstrip(".").lower() == b.strip().rstrip(".").lower()


def _percentile(values: Sequence[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


@dataclass
class _Tally:
    found: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.found += int(hit)
        self.total += 1

    @property
    def rate(self) -> float:
        return self.found / self.total if self.total else 0.0


def score_answers(
    pairs: Sequence[tuple[Question, Answer]], twins: Twins = _no_twins
) -> dict[str, float | int]:
    """The answer-level scores of a question file (see README, "Evaluation")."""
    recall = {5: _Tally(), 20: _Tally()}
    cite_recall, cite_precision, labels = _Tally(), _Tally(), _Tally()
    mentions, abstained, false_abstained = _Tally(), _Tally(), _Tally()
    for question, answer in pairs:
        if question.kind == "unanswerable":
            abstained.add(answer.abstained)
            continue
        false_abstained.add(answer.abstained)
        must = question.raw.get("must_mention") or []
        if must:
            text = answer.text.lower()
            mentions.add(all(term.lower() in text for term in must))
        for evidence in question.evidence:
            for k, tally in recall.items():
                tally.add(any(hit_matches(evidence, h) for h in answer.hits[:k]))
            cite_recall.add(any(cited_matches(evidence, c.hit, twins) for c in answer.citations))
        if not question.evidence:
            continue
        for citation in answer.citations:
            matched = [e for e in question.evidence if cited_matches(e, citation.hit, twins)]
            cite_precision.add(bool(matched))
            # A printed number can only be checked against a paragraph that holds the quote word
            # for word: a table row "2.2 Experiences and progress of care leavers Inadequate"
            # resembles a quoted "care leavers – inadequate" bullet of para 5.2 in another paper
            # of the same pack, and is rightly cited by its own page and row, not as 5.2.
            numbered = [e.para for e in matched if e.para and _holds(citation.hit, e)]
            if numbered:
                labels.add(any(_same_label(citation.hit.paragraph.label, p) for p in numbered))
    latencies = [a.timings.get("total_ms", 0.0) for _, a in pairs]
    return {
        "questions": len(pairs),
        "evidence_recall@5": round(recall[5].rate, 4),
        "evidence_recall@20": round(recall[20].rate, 4),
        "citation_recall": round(cite_recall.rate, 4),
        "citation_precision": round(cite_precision.rate, 4),
        "paragraph_accuracy": round(labels.rate, 4),
        "paragraphs_checked": labels.total,
        "must_mention_rate": round(mentions.rate, 4),
        "abstention_unanswerable": round(abstained.rate, 4),
        "false_abstention": round(false_abstained.rate, 4),
        "latency_p50_ms": round(_percentile(latencies, 0.5), 1),
        "latency_p95_ms": round(_percentile(latencies, 0.95), 1),
    }


def question_rows(pairs: Sequence[tuple[Question, Answer]], twins: Twins = _no_twins) -> list[dict]:
    """One row per question for the on-screen table: what was cited and found, terms missed."""
    rows = []
    for question, answer in pairs:
        found = sum(
            any(cited_matches(e, c.hit, twins) for c in answer.citations) for e in question.evidence
        )
        text = answer.text.lower()
        missed = [t for t in question.raw.get("must_mention") or [] if t.lower() not in text]
        rows.append(
            {
                "id": question.id,
                "kind": question.kind,
                "abstained": answer.abstained,
                "cited": len(answer.citations),
                "found": f"{found}/{len(question.evidence)}",
                "terms": ", ".join(missed) if missed else "ok",
                "ms": answer.timings.get("total_ms", 0.0),
            }
        )
    return rows


def catalogue_twins(catalogue) -> Twins:
    """Near-duplicates of a paragraph (same canonical copy), with their documents."""
    groups: dict[str, list] = {}
    for paragraph in catalogue.paragraphs():
        groups.setdefault(paragraph.canonical or paragraph.id, []).append(paragraph)
    documents = {d.doc_id: d for d in catalogue.documents()}

    def twins(hit: Hit) -> Sequence[Hit]:
        group = groups.get(hit.paragraph.canonical or hit.paragraph.id, [])
        return [
            Hit(p, documents[p.doc_id], hit.score, hit.rank)
            for p in group
            if p.id != hit.paragraph.id and p.doc_id in documents
        ]

    return twins


def evaluate(assistant, questions: Sequence[Question]) -> tuple[dict, list[dict]]:
    """Ask every question (warm: the model is loaded first, as in a running app) and score."""
    assistant.warm_up()
    pairs = [(q, assistant.ask(q.question)) for q in questions]
    twins = catalogue_twins(assistant.catalogue)
    return score_answers(pairs, twins), question_rows(pairs, twins)
