"""Questions asking for a paper's priorities, objectives or themes, answered with its headings.

A strategy names its priorities in its headings ("5. Strategic Priority 1: Identify", "7.
Strategic Objective 3: Protect & Support") and writes about each under it. Sentence scoring
reads headings as topics, not answers, so "What are the strategic priorities in the SLSCB CSE
strategy?" would be answered with whatever sentence mentions priorities most. Here the answer is
the series itself, in printed order, each heading cited by its own number or locator, after the
sentence announcing them when the paper has one ("We aim to do this under the following key
strategic priorities:-").

The paper is the one whose title the question names best ("the SLSCB ... strategy"), among
the papers of the retrieved passages that print at least two such headings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.compose import ANNOUNCES, LISTED
from assistant.scoring import Scored, TermWeights
from assistant.types import Document, Hit, Paragraph, papers_of
from ingest.sentences import paragraph_sentences

# The things a paper lists in its headings, in families a paper mixes ("Strategic Priority 2:
# Prevent", then "Strategic Objective 3: Protect & Support"). A question asks for several.
_FAMILIES = (
    ("priority", "priorities", "objective", "objectives", "aim", "aims", "goal", "goals"),
    ("theme", "themes", "strand", "strands", "workstream", "workstreams", "pillar", "pillars"),
    ("principle", "principles"),
    ("outcome", "outcomes"),
)
_PLURALS = "|".join(word for family in _FAMILIES for word in family if word.endswith("s"))
_ASKS = re.compile(
    rf"\b(?:what|which|list|name)\b(?:\W+\w+){{0,6}}?\W+(?P<noun>{_PLURALS})\b", re.IGNORECASE
)
_CONTINUED = re.compile(r"\s*\(?\s*con'?t'?d\s*\)?\s*$", re.IGNORECASE)  # "... (cont'd)"
MIN_SERIES = 2
PASSAGES = 20  # the retrieved passages whose papers are looked at


def asks_for_series(question: str) -> bool:
    return _ASKS.search(question) is not None


def answer_sentences(
    question: str,
    hits: Sequence[Hit],
    paragraphs_of: Callable[[str], list[Paragraph]],
    weights: TermWeights,
) -> list[Scored]:
    """The announcing sentence (when there is one) and the headings of the series, or [] when
    no retrieved paper prints one. `paragraphs_of(doc_id)` gives a paper's paragraphs in order."""
    asked = _ASKS.search(question)
    if asked is None:
        return []
    family = next(f for f in _FAMILIES if asked["noun"].lower() in f)
    # a heading that names one: "Strategic Priority 1: Identify", "Key Strategic Priority:
    # Prevent" (not "Strategic Priorities" over a table, nor a bare "Objective")
    names_one = re.compile(rf"\b(?:{'|'.join(family)})\s*\d*\s*[:–-]\s*\w", re.IGNORECASE)
    terms = weights.query_terms(question)
    best: tuple[float, Document, list[Paragraph], list[Paragraph]] | None = None
    for document in papers_of(hits[:PASSAGES]):
        paragraphs = paragraphs_of(document.doc_id)
        series = _series(paragraphs, names_one)
        named = weights.coverage(terms, document.title)
        if len(series) >= MIN_SERIES and (best is None or named > best[0]):
            best = (named, document, paragraphs, series)
    if best is None:
        return []
    _, document, paragraphs, series = best
    headings = [_sentence(p, document, _heading_text(p), listed=True) for p in series]
    announcing = _announcing(paragraphs[: paragraphs.index(series[0])], asked["noun"], document)
    return announcing + headings


def _series(paragraphs: Sequence[Paragraph], names_one: re.Pattern[str]) -> list[Paragraph]:
    """The headings naming a priority (objective, theme...), each once: a heading repeated on
    the next page ("Key Strategic Priority: Prevent cont'd") is the same one."""
    found: dict[str, Paragraph] = {}
    for paragraph in paragraphs:
        if paragraph.style == "heading" and names_one.search(paragraph.text):
            found.setdefault(_CONTINUED.sub("", _heading_text(paragraph)).casefold(), paragraph)
    return list(found.values())


def _heading_text(paragraph: Paragraph) -> str:
    sentences = paragraph_sentences(paragraph.text, paragraph.label)
    return " ".join(sentences) if sentences else paragraph.text


def _announcing(paragraphs: Sequence[Paragraph], noun: str, document: Document) -> list[Scored]:
    """The last sentence before the series that announces the things asked for ("We aim to do
    this under the following key strategic priorities:-"), as a one-sentence list."""
    for paragraph in reversed(paragraphs):
        sentences = paragraph_sentences(paragraph.text, paragraph.label)
        for position in reversed(range(len(sentences))):
            text = sentences[position]
            if ANNOUNCES.search(text) and re.search(rf"\b{noun}\b", text, re.IGNORECASE):
                return [_sentence(paragraph, document, text, position=position)]
    return []


def _sentence(
    paragraph: Paragraph, document: Document, text: str, position: int = 0, listed: bool = False
) -> Scored:
    hit = Hit(paragraph, document, 0.0, 0, (LISTED,) if listed else ())
    return Scored(hit, position, text, 0.0, 0.0, 0.0)
