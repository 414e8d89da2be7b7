"""The text each index sees for a paragraph, which is not always the paragraph alone.

A bullet carries the number of the paragraph it belongs to ("5.14") but not its meaning: "To review
and improve the scrutiny of children's services." says nothing about who commits to it. Such a
paragraph is indexed with the opening words of the paragraph that introduces it (its lead-in).

Measured on ../shared/eval/dev.jsonl with the sample PDFs: prefixing the paper's title and heading
path to the embedded text made dense recall worse (all-MiniLM-L6-v2 mean-pools, so a long shared
prefix makes every paragraph of a paper look alike), so the dense side gets the lead-in only.
BM25 also gets the paper's title and the nearest heading: people name a paper by its title ("the
SLSCB CSE and trafficking strategy") and a topic by its heading. The title lifted the answers'
recall@5 from 31 to 33 of 63 gold quotes and recall@20 from 48 to 51; the whole heading path
instead of the nearest heading measured no better.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.types import Paragraph

LEAD_IN_WORDS = 25


def lead_ins(paragraphs: Sequence[Paragraph]) -> dict[str, str]:
    """The opening words of the paragraph that introduces each bullet, or each continuation of a
    numbered paragraph (same label as the one before it, in the same document)."""
    found: dict[str, str] = {}
    lead: Paragraph | None = None
    for paragraph in paragraphs:
        same_doc = lead is not None and lead.doc_id == paragraph.doc_id
        continues = same_doc and (
            paragraph.style == "bullet" or (paragraph.label and paragraph.label == lead.label)
        )
        if continues:
            found[paragraph.id] = " ".join(lead.text.split()[:LEAD_IN_WORDS])
        else:
            lead = paragraph
    return found


def passage_text(paragraph: Paragraph, lead_in: str | None = None) -> str:
    """What is embedded."""
    return f"{lead_in} {paragraph.text}" if lead_in else paragraph.text


def keyword_text(paragraph: Paragraph, lead_in: str | None = None, title: str = "") -> str:
    """What BM25 indexes: the paper's `title`, the nearest heading, the passage."""
    heading = paragraph.section[-1] if paragraph.section else ""
    return f"{title}\n{heading}\n{passage_text(paragraph, lead_in)}".lstrip("\n")
