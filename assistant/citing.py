"""Which cited paragraphs share one citation: those a reader finds in one place on the page.

The index holds some printed paragraphs in parts (a long numbered paragraph with its list, a
judgement table row by row, a list of unnumbered lines item by item), because each part is found
on its own. Cited part by part, an answer would show "[1] ... para 33" and "[2] ... para 33",
or six references differing only in "table row 2.1". One citation covers:
- parts of one printed paragraph: the same label in the same section of one paper;
- rows of one judgement table: the same page of one paper;
- a run of unnumbered paragraphs printed one after another on one page (an address set over two
  lines, the items of a list).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.types import Citation, Hit, Paragraph
from ingest.numbering import nth_on_page, span_locator, table_row


def citation_groups(hits: Sequence[Hit]) -> dict[str, str]:
    """For each cited paragraph's id, the id of the paragraph its citation is numbered by: the
    first of its group in `hits` (given in order of first use)."""
    groups: list[list[Paragraph]] = []
    for hit in hits:
        paragraph = hit.paragraph
        if any(paragraph.id == p.id for g in groups for p in g):
            continue
        joined = [g for g in groups if _joins(paragraph, g)]
        if not joined:
            groups.append([paragraph])
            continue
        # a line between two cited runs joins them: "¶13", "¶15", then "¶14"
        first, *others = joined
        first.append(paragraph)
        for other in others:
            first.extend(other)
            groups.remove(other)
    return {p.id: g[0].id for g in groups for p in g}


def citation_of(n: int, hits: Sequence[Hit], quote: str) -> Citation:
    """Citation `n` of one group's hits (any order), quoting `quote`."""
    parts = tuple(sorted(hits, key=lambda h: h.paragraph.seq)) if len(hits) > 1 else ()
    return Citation(n, cited_as(hits), quote, parts)


def cited_as(hits: Sequence[Hit]) -> Hit:
    """The hit a group of paragraphs is cited as: one paragraph spanning them, in printed
    order, with the text of each and one locator (`span_locator`); the best-ranked hit's
    score and rank."""
    ordered = sorted(hits, key=lambda h: h.paragraph.seq)
    if len(ordered) == 1:
        return ordered[0]
    parts = [h.paragraph for h in ordered]
    spanning = replace(
        parts[0],
        locator=span_locator(parts),
        page=min(p.page for p in parts),
        last_page=max(p.last_page for p in parts),
        text="\n".join(p.text for p in parts),
    )
    best = min(hits, key=lambda h: h.rank)
    return replace(best, paragraph=spanning)


def _joins(paragraph: Paragraph, group: Sequence[Paragraph]) -> bool:
    first = group[0]
    if paragraph.doc_id != first.doc_id:
        return False
    if paragraph.label or first.label:
        return paragraph.label == first.label and paragraph.section == first.section
    if table_row(paragraph) or table_row(first):
        return bool(table_row(paragraph) and table_row(first)) and paragraph.page == first.page
    return (
        paragraph.page == first.page
        and nth_on_page(paragraph) > 0
        and nth_on_page(first) > 0
        and any(abs(paragraph.seq - p.seq) == 1 for p in group)
    )
