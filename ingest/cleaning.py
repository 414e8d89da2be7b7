"""Cleaning: page furniture out, broken paragraphs joined, text repaired.

Works on any reader's output. Page furniture (running headers, footers, page numbers) is found by
position and repetition across pages, so nothing here knows a particular council's header text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import replace

from ingest.blocks import Block, Style
from ingest.pdf import Line

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_PAGE_NUMBER = re.compile(
    r"^(page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(\s*(of|/)\s*\d{1,4})?$|^[ivxlc]{1,6}$", re.I
)
_HTML_TAG = re.compile(
    r"</?(p|li|ul|ol|b|i|u|em|strong|sup|sub|br|span|div|td|tr|th)\b[^>]*>", re.I
)
_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}(?=\S)|(?<=\S)\*{1,2}(?![\w*])")
_BLANK_PAGE = re.compile(r"this page (is )?(intentionally|deliberately) (left )?blank", re.I)
_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")
_ZONE = 0.09  # top and bottom 9% of the page are where running headers and footers live


def remove_page_furniture(lines: list[Line], pages: int, height: float, size: float) -> list[Line]:
    """Drop running headers, footers and page numbers."""
    top, bottom = height * (1 - _ZONE), height * _ZONE
    in_zone = [line for line in lines if line.y > top or line.y < bottom]
    seen: Counter[str] = Counter()
    for line in in_zone:
        seen[_shape(line.text)] += 1
    repeated = {shape for shape, n in seen.items() if n >= max(2, pages * 0.3)}

    def furniture(line: Line) -> bool:
        if not (line.y > top or line.y < bottom):
            return False
        text = line.text.strip()
        return (
            _shape(text) in repeated
            or bool(_PAGE_NUMBER.match(text))
            or (line.size < size * 0.85 and (line.y > height * 0.94 or line.y < height * 0.06))
        )

    return [line for line in lines if not furniture(line)]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def clean_text(text: str) -> str:
    """Repair ligatures, soft hyphens, leaked HTML and markdown, and whitespace."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    if _HTML_TAG.search(text):
        text = re.sub(r"<li\b[^>]*>\s*[•\x7f]?", " • ", text, flags=re.I)
        text = re.sub(r"</(p|li|td|th|tr|div)>", "; ", text, flags=re.I)
        text = _HTML_TAG.sub(" ", text)
        text = re.sub(r"(;\s*)+", "; ", text)
    text = html.unescape(text)
    text = text.replace("\\*", "\x00")
    text = _EMPHASIS.sub("", text).replace("\x00", "*")
    text = text.replace("\x7f", "•").replace("\t", " ")
    text = re.sub(r"(\d) (st|nd|rd|th)\b", r"\1\2", text)  # a superscript ordinal: "8th"
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^[;\s]+|[;\s]+$", "", text)


def clean_blocks(blocks: list[Block]) -> list[Block]:
    """Clean text, mark blank-page notices, drop in-text running headers and rejoin paragraphs
    that a page break (or a dropped running header) cut in two."""
    cleaned: list[Block] = []
    for block in blocks:
        text = clean_text(block.text)
        if not text:
            continue
        if _BLANK_PAGE.search(text) and len(text) < 60:
            cleaned.append(Block(text, block.page, Style.SEPARATOR, last_page=block.end_page))
            continue
        cleaned.append(_with_text(block, text))
    cleaned = _without_contents(cleaned)
    repeated = _running_headers(cleaned)
    joined: list[Block] = []
    for block in cleaned:
        if block.style is not Style.TABLE and block.text in repeated:
            continue
        if joined and _continues(joined[-1], block):
            joined[-1] = joined[-1].joined(block)
        else:
            joined.append(block)
    return joined


def _with_text(block: Block, text: str) -> Block:
    return replace(block, text=text)


def _without_contents(blocks: list[Block]) -> list[Block]:
    """Drop table-of-contents entries ("Recommendations 9") under a Contents heading. A later
    body line that repeats an entry is the heading of that section: a PDF that sets its headings
    in the body type ("Summary of key findings" in the 2013 Ofsted report) shows them nowhere
    else."""
    kept: list[Block] = []
    entries: set[str] = set()
    in_contents = False
    for block in blocks:
        if re.fullmatch(r"(table of )?contents", block.text, re.I):
            in_contents = True
            continue
        if in_contents and re.search(r"\S\s+\d{1,3}$", block.text) and len(block.text) < 150:
            entries.add(_entry_key(re.sub(r"\s+\d{1,3}$", "", block.text)))
            continue
        in_contents = False
        if block.style is Style.BODY and _entry_key(block.text) in entries:
            block = replace(block, style=Style.HEADING, level=1)
        kept.append(block)
    return kept


def _entry_key(text: str) -> str:
    return " ".join(text.lower().split())


def _running_headers(blocks: list[Block]) -> set[str]:
    """Running headers that are part of the text layer (a paper's own header reproduced inside a
    pack): short unpunctuated lines printed three or more times, at least once in the middle of a
    sentence. A cover-sheet line that repeats once per paper never cuts a sentence, so it stays."""
    counts = Counter(
        b.text
        for b in blocks
        if b.style in (Style.HEADING, Style.BODY) and len(b.text) < 100 and not b.text.endswith(".")
    )
    candidates = {text for text, n in counts.items() if n >= 3}
    return {
        block.text
        for before, block, after in zip(blocks, blocks[1:], blocks[2:], strict=False)
        if block.text in candidates and _continues(before, after)
    }


_RUNNING_SENTENCE = 200  # characters: on the same page, only a long paragraph is cut mid-flow


def _continues(previous: Block, block: Block) -> bool:
    """A paragraph cut in two: the first part stops mid-sentence and the second starts in lower
    case, or straight after a word or comma (on the next page, or after a long first part)."""
    if previous.style not in (Style.BODY, Style.BULLET) or block.style is not Style.BODY:
        return False
    if block.run_in:  # "Boyfriend model: ..." after "... aggressive and controlling"
        return False
    if _TERMINAL.search(previous.text):
        return False
    if block.text[:1].islower():
        return True
    # An upper-case start can still continue a sentence ("...the Trust in" / "Slough."), across
    # a page break or a stray blank line in the source ("...with the Corporate" / "Parenting
    # Panel and..."), but a short unpunctuated line is a heading ("5.1 Background").
    if not re.search(r"[a-z,]$", previous.text):
        return False
    if block.page > previous.end_page:
        return len(previous.text) > 90 or previous.text.endswith(",")
    return len(previous.text) > _RUNNING_SENTENCE
