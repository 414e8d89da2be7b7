"""Near-duplicate paragraphs across documents, linked to one canonical paragraph.

The same text often appears twice: a summary published alone and inside the full report in an
agenda pack, a paragraph quoted in a committee report. Answers should cite it once, from the
fullest source. Candidates share their opening words (cheap blocking, so this scales with the
corpus); a pair is a duplicate when rapidfuzz finds them nearly identical.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz

from assistant.types import INSPECTIONS, Document, Paragraph

_MIN_CHARS = 60
_THRESHOLD = 90.0


def link_duplicates(
    paragraphs: list[Paragraph], doc_sizes: dict[str, int]
) -> dict[str, str | None]:
    """paragraph id -> canonical paragraph id (None for canonical or unique paragraphs).

    The canonical copy is the one with a printed paragraph number, else the one in the larger
    document (the full report rather than an excerpt), else the first."""
    groups: dict[str, list[Paragraph]] = defaultdict(list)
    for paragraph in paragraphs:
        if paragraph.style in ("body", "bullet") and len(paragraph.text) >= _MIN_CHARS:
            groups[_opening(paragraph.text)].append(paragraph)
    links: dict[str, str | None] = {p.id: None for p in paragraphs}
    for group in groups.values():
        if len({p.doc_id for p in group}) < 2:
            continue
        ranked = sorted(group, key=lambda p: (not p.label, -doc_sizes.get(p.doc_id, 0), p.id))
        for i, paragraph in enumerate(ranked):
            if links[paragraph.id] is not None:
                continue
            for other in ranked[i + 1 :]:
                if other.doc_id != paragraph.doc_id and links[other.id] is None:
                    if _same(_norm(paragraph.text), _norm(other.text)):
                        links[other.id] = paragraph.id
    return links


def _same(a: str, b: str) -> bool:
    """Nearly identical, or one is the other with a sentence more (an excerpt that ran two
    paragraphs together)."""
    if fuzz.ratio(a, b) >= _THRESHOLD:
        return True
    shorter, longer = sorted((len(a), len(b)))
    return shorter / longer >= 0.6 and fuzz.partial_ratio(a, b) >= 97


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _opening(text: str) -> str:
    words = _norm(re.sub(r"^\d+(\.\d+)*\.?\s+", "", text)).split()
    return " ".join(words[:6])


def template_paragraphs(
    paragraphs: Sequence[Paragraph], documents: Mapping[str, Document]
) -> frozenset[str]:
    """The ids of paragraphs whose text recurs in inspection reports of different dates: the
    inspectorate's template ("The Office for Standards in Education ... regulates and inspects
    ...", "Inspectors considered the quality of work ..."), printed in every report, which finds
    nothing about this council. Findings change from one inspection to the next; template text
    does not."""
    groups: dict[str, list[str]] = defaultdict(list)
    for paragraph in paragraphs:
        groups[paragraph.canonical or paragraph.id].append(paragraph.doc_id)
    template: set[str] = set()
    for canonical, doc_ids in groups.items():
        if len(doc_ids) < 2:
            continue
        dates = {
            documents[d].date
            for d in doc_ids
            if d in documents and documents[d].kind in INSPECTIONS and documents[d].date
        }
        if len(dates) > 1:
            template.add(canonical)
    return frozenset(p.id for p in paragraphs if p.id in template or p.canonical in template)
