"""Plain text and Markdown files -> blocks.

Plain text has no markup, so its structure is read from layout: blank lines separate paragraphs,
a form feed starts a new page, a leading bullet glyph marks a list item, and a heading is a short
unpunctuated line on its own in Title Case or capitals. Markdown is parsed in `ingest.markdown`.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.blocks import Block, Style, join_lines
from ingest.encoding import decode
from ingest.markdown import markdown_blocks

_BULLET = re.compile(r"^(?P<indent>\s*)[•*·▪◦‣●■–-]\s+(?P<text>\S.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})*\.?\s+\S")
_NUMBERED_HEADING = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?P<title>\S.*)$")
_DATE_WORDS = re.compile(
    r"\b(\d+(st|nd|rd|th)?|(mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april"
    r"|may|june|july|august|september|october|november|december)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_TERMINAL = re.compile(r"[.!?:;,][\"'”’)\]]*$")  # a heading ends with none of these
_MINOR_WORDS = set("a an and as at but by for from in into of on or the to with".split())


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
        text = join_lines(text, line.strip())
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


def heading_level(line: str) -> int:
    """The heading level of a line standing on its own, or 0 when it reads as text: a heading is
    short, unpunctuated, and in capitals (1), numbered ("5.1 Supporting Information": 2 for
    "5.1") or in Title Case (2)."""
    if len(line) >= 80 or _TERMINAL.search(line) or not re.search(r"[A-Za-z]{2}", line):
        return 0
    if not re.search(r"[A-Za-z]", _DATE_WORDS.sub("", line)):
        return 0  # a date line ("Tuesday 12 March 2024") on a cover or letter
    numbered = _NUMBERED_HEADING.match(line)
    if numbered:
        return numbered["num"].count(".") + 1 if _title_case(numbered["title"]) else 0
    if line.upper() == line:
        return 1
    return 2 if _title_case(line) else 0


def _title_case(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not words or not words[0][0].isupper() or len(words) > 12:
        return False
    return all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words)
