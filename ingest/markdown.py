"""Markdown -> blocks, with markdown-it-py (CommonMark plus tables).

Inline markup is dropped (a paragraph entirely in **bold** is marked bold); HTML blocks inside the
Markdown are read as HTML (`ingest.html`). Ordered items keep the number written in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ingest.blocks import Block, Style
from ingest.html import html_blocks
from ingest.lists import item_style, prefixed

_FRONT_MATTER = re.compile(r"\A---\n.*?\n(---|\.\.\.)\n", re.S)


def markdown_blocks(text: str) -> list[Block]:
    """Blocks of a Markdown document (CommonMark with tables), all on page 1."""
    text = _FRONT_MATTER.sub("", text.replace("\r\n", "\n").lstrip("\ufeff"))
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return _MarkdownWalker().walk(tokens)


@dataclass
class _List:
    ordered: bool
    next_number: int
    delimiter: str  # "." or ")" after an ordered item's number


@dataclass
class _Item:
    style: Style
    level: int
    prefix: str  # the printed number, put on the item's first block only


@dataclass
class _MarkdownWalker:
    blocks: list[Block] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    heading: int = 0  # level of the heading being read, 0 outside headings
    cells: list[str] | None = None  # the table row being read

    def walk(self, tokens: list[Token]) -> list[Block]:
        for token in tokens:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                start = int(token.attrs.get("start", 1))
                self.lists.append(_List(kind == "ordered_list_open", start, token.markup))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                self.items.append(self._item(token))
            elif kind == "list_item_close":
                self.items.pop()
            elif kind in ("heading_open", "heading_close"):
                self.heading = int(token.tag[1]) if kind == "heading_open" else 0
            elif kind == "tr_open":
                self.cells = []
            elif kind == "tr_close" and self.cells is not None:
                if row := " | ".join(cell for cell in self.cells if cell):
                    self.blocks.append(Block(row, 1, Style.TABLE))
                self.cells = None
            elif kind == "inline":
                self._inline(token)
            elif kind in ("code_block", "fence"):
                self._emit(re.sub(r"\s+", " ", token.content).strip(), bold=False)
            elif kind == "html_block":
                self.blocks.extend(html_blocks(token.content))
        return self.blocks

    def _item(self, token: Token) -> _Item:
        current = self.lists[-1]
        level = len(self.lists) - 1
        if not current.ordered:
            return _Item(Style.BULLET, level, "")
        # the number as written, which is what a reader of the file sees
        number = int(token.info) if token.info.isdigit() else current.next_number
        current.next_number = number + 1
        prefix = f"{number}{current.delimiter}"
        return _Item(item_style(prefix, level), level, prefix)

    def _inline(self, token: Token) -> None:
        text, bold = _inline_text(token.children or [])
        if self.cells is not None:
            self.cells.append(text)
        else:
            self._emit(text, bold)

    def _emit(self, text: str, bold: bool) -> None:
        if not text:
            return
        if self.heading:
            self.blocks.append(Block(text, 1, Style.HEADING, level=self.heading, bold=bold))
        elif self.items:
            item = self.items[-1]
            text, item.prefix = prefixed(item.prefix, text), ""
            self.blocks.append(Block(text, 1, item.style, level=item.level, bold=bold))
        else:
            self.blocks.append(Block(text, 1, bold=bold))


def _inline_text(children: list[Token]) -> tuple[str, bool]:
    """Plain text of inline tokens, and whether all of it is bold (**...** or <b>...</b>)."""
    parts: list[tuple[str, bool]] = []
    strong = 0
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append((child.content, strong > 0))
        elif kind in ("softbreak", "hardbreak"):
            parts.append((" ", strong > 0))
        elif kind in ("strong_open", "strong_close"):
            strong += 1 if kind == "strong_open" else -1
        elif kind == "html_inline":
            tag = re.match(r"<(/?)(b|strong|br)\b", child.content, re.I)
            if tag and tag[2].lower() == "br":
                parts.append((" ", strong > 0))
            elif tag:
                strong += -1 if tag[1] else 1
    text = re.sub(r"\s+", " ", "".join(part for part, _ in parts)).strip()
    bold = bool(text) and all(in_bold for part, in_bold in parts if part.strip())
    return text, bold
