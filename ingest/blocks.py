"""What every reader produces: the text of a file as a sequence of layout blocks.

A block is one visual paragraph, heading, list item or table row, in reading order, with the page
it starts on. Readers know formats; they do not number paragraphs or split documents. Numbering
(`ingest.numbering`) and structure (`ingest.structure`) work on blocks from any format alike.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class Style(StrEnum):
    HEADING = "heading"
    BODY = "body"
    BULLET = "bullet"  # an item of a bulleted list; `level` is its nesting depth from 0
    TABLE = "table"  # one table row, cells joined with " | "
    FOOTNOTE = "footnote"  # small print at a page foot; its leading number is never a label
    SEPARATOR = "separator"  # "This page is intentionally left blank": a break between papers


@dataclass(frozen=True)
class Block:
    text: str
    page: int  # 1-based page where the block starts (1 for formats without pages)
    style: Style = Style.BODY
    level: int = 0  # heading level (1 = top) or bullet nesting depth
    last_page: int = 0  # page where it ends; 0 means the same as `page`
    bold: bool = False  # the whole block is set in bold (a heading hint in PDFs)
    indent: float = 0.0  # left edge relative to the page's body margin, in points (PDF only)
    run_in: bool = False  # opens with a bold label ("Boyfriend model: ..."): a paragraph's start

    @property
    def end_page(self) -> int:
        return self.last_page or self.page

    def joined(self, other: Block) -> Block:
        """This block continued by `other` (a paragraph broken across a page or column)."""
        return replace(self, text=join_lines(self.text, other.text), last_page=other.end_page)


# Words that end in a hyphen at a line break because they are compounds, not because the line
# split a word: "multi-agency" must not become "multiagency".
_COMPOUND_PREFIXES = frozenset(
    "multi co non pre post self well cross inter intra sub anti semi re ex mid out over under "
    "step long short full part high low first second third year term cross-border".split()
)


def join_lines(left: str, right: str) -> str:
    """Two lines of one paragraph as one string, repairing a word hyphenated at the break."""
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if left.endswith("-") and right[:1].islower() and left[-2:-1].isalpha():
        word = left.rsplit(" ", 1)[-1][:-1].lower()
        if word in _COMPOUND_PREFIXES or "-" in word:
            return left + right  # a compound broken at its hyphen keeps it
        return left[:-1] + right  # a word split across the line
    return f"{left} {right}"
