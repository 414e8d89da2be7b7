"""Plain text and Markdown -> blocks.

Plain text has no markup, so its structure is read from layout: blank lines separate paragraphs,
a form feed starts a new page, a leading bullet glyph marks a list item, and a heading is a short
unpunctuated line on its own in Title Case or capitals. Markdown is parsed with markdown-it-py;
inline markup is dropped and HTML inside it is read as HTML (`ingest.html`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ingest.blocks import Block, Style
from ingest.encoding import decode
from ingest.html import html_blocks
from ingest.lists import item_style, prefixed

_BULLET = re.compile(r"^(?P<indent>\s*)[•*·▪◦‣●■–-]\s+(?P<text>\S.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})*\.?\s+\S")
_NUMBERED_HEADING = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?P<title>\S.*)$")
_DATE = re.compile(r"^\d{1,2}(st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_TERMINAL = re.compile(r"[.!?:;,][\"'”’)\]]*$")  # a heading ends with none of these
_MINOR_WORDS = set("a an and as at but by for from in into of on or the to with".split())
_FRONT_MATTER = re.compile(r"\A---\n.*?\n(---|\.\.\.)\n", re.S)


def read_text(path: Path) -> list[Block]:
    return text_blocks(decode(path.read_bytes(), path.name))


def read_markdown(path: Path) -> list[Block]:
    return markdown_blocks(decode(path.read_bytes(), path.name))


def text_blocks(text: str) -> list[Block]:
    """Blocks of plain text; pages are separated by form feeds."""
    blocks: list[Block] = []
    indents: list[int] = []  # indents of the open bullet levels, to tell nesting
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for page, page_text in enumerate(text.split("\f"), start=1):
        for chunk in re.split(r"\n(?:[ \t\u00a0]*\n)+", page_text):
            lines = [line for line in chunk.split("\n") if line.strip()]
            alone = len(lines) == 1 and not _BULLET.match(lines[0])
            if alone and (level := heading_level(lines[0].strip())):
                blocks.append(Block(lines[0].strip(), page, Style.HEADING, level=level))
                continue
            for item in _items(lines):
                blocks.append(_item_block(item, page, indents))
    return blocks


def _items(lines: list[str]) -> list[list[str]]:
    """The lines of one paragraph grouped into items: each bullet starts one, as does a numbered
    line after a line that ends a sentence ("...took place.\\n5.2 The ...")."""
    items: list[list[str]] = []
    for line in lines:
        starts = _BULLET.match(line) or (
            items and _NUMBERED.match(line) and _SENTENCE_END.search(items[-1][-1].rstrip())
        )
        if starts or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return items


def _item_block(lines: list[str], page: int, indents: list[int]) -> Block:
    bullet = _BULLET.match(lines[0])
    words = [bullet["text"] if bullet else lines[0]] + lines[1:]
    text = words[0].strip()
    for line in words[1:]:
        text = _join_line(text, line.strip())
    text = re.sub(r"\s+", " ", text)
    if not bullet:
        indents.clear()
        return Block(text, page)
    indent = len(bullet["indent"].expandtabs(4))
    while indents and indents[-1] > indent:
        indents.pop()
    if not indents or indents[-1] < indent:
        indents.append(indent)
    return Block(text, page, Style.BULLET, level=len(indents) - 1)


def _join_line(left: str, right: str) -> str:
    if left.endswith("-") and right[:1].islower() and not left.endswith(" -"):
        return left[:-1] + right  # a word hyphenated at the end of the line
    return f"{left} {right}"


def heading_level(line: str) -> int:
    """The heading level of a line standing on its own, or 0 when it reads as text: a heading is
    short, unpunctuated, and in capitals (1), numbered ("5.1 Supporting Information": 2 for
    "5.1") or in Title Case (2)."""
    if len(line) >= 80 or _TERMINAL.search(line) or not re.search(r"[A-Za-z]{2}", line):
        return 0
    numbered = _NUMBERED_HEADING.match(line)
    if numbered and not _DATE.match(line):
        return numbered["num"].count(".") + 1 if _title_case(numbered["title"]) else 0
    if line.upper() == line:
        return 1
    return 2 if _title_case(line) else 0


def _title_case(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not words or not words[0][0].isupper() or len(words) > 12:
        return False
    return all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words)


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
