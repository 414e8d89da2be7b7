"""What the app shows for an answer: the chat message (Markdown) and the sources panel (HTML).

Everything taken from a document or typed by a user is escaped here, before it reaches the page:
a paper containing `<script>` shows those characters as text. Chat messages are Markdown, so
their text has every ASCII punctuation character backslash-escaped (CommonMark then prints it
literally, neither as HTML nor as formatting); the panel is HTML built with `html.escape`.

Citation markers become links to `#src-<turn>-<n>`, the id of the matching source card; the
app's script scrolls to the card and highlights it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from assistant.references import (
    display_date,
    full_reference,
    kind_noun,
    pages,
    quote_with_reference,
    short_reference,
)
from assistant.types import Answer, Hit

_MARKER = re.compile(r"\[(\d+)\]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&$~\"'=:])")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")
RELATED = 3  # passages shown with an abstention

ABSTAINED_HEADING = "Not answered by the documents"
EMPTY_PANEL = (
    '<div class="ev-empty">Sources appear here: each paragraph an answer cites, in full, with '
    "its document, date, section, page and printed paragraph number.</div>"
)


def escape_markdown(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def question_markdown(question: str) -> str:
    return escape_markdown(question)


def answer_markdown(answer: Answer, turn: int) -> str:
    """The chat message for `answer`, the `turn`-th of the conversation (from 1)."""
    blocks = []
    if answer.notice:
        blocks.append(f"> ⚠ {escape_markdown(answer.notice)}")
    if answer.abstained:
        blocks.append(f"**{ABSTAINED_HEADING}.**")
    cited = {c.n: c for c in answer.citations}
    for line in answer.text.split("\n"):
        bullet = line.startswith("- ")
        body = _linked(line[2:] if bullet else line, cited, turn)
        blocks.append(("- " if bullet else "") + body)
    return "\n".join(blocks)


def streaming_markdown(text: str) -> str:
    """Text still arriving: escaped, markers left as they are until the answer is final."""
    return escape_markdown(text) + " …"


def _linked(line: str, cited: dict, turn: int) -> str:
    out, last = [], 0
    for match in _MARKER.finditer(line):
        out.append(escape_markdown(line[last : match.start()]))
        n = int(match.group(1))
        citation = cited.get(n)
        if citation is None:
            out.append(escape_markdown(match.group(0)))
        else:
            title = short_reference(citation.hit.document, citation.hit.paragraph)
            title = title.replace('"', "'")
            out.append(f'[\\[{n}\\]](#src-{turn}-{n} "{html.escape(title)}")')
        last = match.end()
    out.append(escape_markdown(line[last:]))
    return "".join(out)


# The panel ---------------------------------------------------------------------------------


def sources_panel(answers: Sequence[Answer]) -> str:
    """Every answer's sources, newest first; only the newest is open."""
    if not answers:
        return EMPTY_PANEL
    sections = []
    for turn in range(len(answers), 0, -1):
        answer = answers[turn - 1]
        sections.append(_turn_section(answer, turn, open_=turn == len(answers)))
    return '<div class="ev-sources">' + "".join(sections) + "</div>"


def _turn_section(answer: Answer, turn: int, open_: bool) -> str:
    if answer.abstained:
        cards = [_card(hit, f"{turn}-r{i}", "", "") for i, hit in enumerate(answer.hits[:RELATED])]
        lead = (
            f'<p class="ev-abstained">{ABSTAINED_HEADING}. '
            + ("The closest passages:" if cards else "No passage came close.")
            + "</p>"
        )
    else:
        cards = [_card(c.hit, f"{turn}-{c.n}", str(c.n), c.quote) for c in answer.citations]
        lead = "" if cards else '<p class="ev-abstained">No sources for this reply.</p>'
    notice = f'<p class="ev-notice">⚠ {html.escape(answer.notice)}</p>' if answer.notice else ""
    return (
        f'<details class="ev-turn" id="turn-{turn}"{" open" if open_ else ""}>'
        f"<summary>Question {turn}: {html.escape(answer.question)}</summary>"
        f"{notice}{lead}{''.join(cards)}</details>"
    )


def _card(hit: Hit, key: str, number: str, quote: str) -> str:
    document, paragraph = hit.document, hit.paragraph
    label = (
        f'<span class="ev-para">para {html.escape(paragraph.label)}</span>'
        if paragraph.label
        else f'<span class="ev-para ev-unnumbered">{html.escape(paragraph.locator)} '
        "(no printed number)</span>"
    )
    meta = [
        f'<span class="ev-kind">{html.escape(kind_noun(document.kind))}</span>',
        f'<span class="ev-date">{html.escape(display_date(document.date))}</span>',
        f'<span class="ev-page">{html.escape(pages(paragraph))}</span>',
        label,
    ]
    section = (
        f'<div class="ev-section">{html.escape(paragraph.section_path)}</div>'
        if paragraph.section
        else ""
    )
    copy = quote_with_reference(quote or paragraph.text, document, paragraph)
    badge = f'<span class="ev-n">{number}</span>' if number else ""
    return (
        f'<article class="ev-card" id="src-{key}" data-paragraph="{html.escape(paragraph.id)}">'
        f'<div class="ev-head">{badge}<span class="ev-title">{html.escape(document.title)}</span>'
        f"</div>"
        f'<div class="ev-meta">{" · ".join(meta)}</div>{section}'
        f'<div class="ev-text">{highlight(paragraph.text, quote)}</div>'
        f'<div class="ev-ref">{html.escape(full_reference(document, paragraph))}</div>'
        f'<button type="button" class="ev-copy" data-copy="{html.escape(copy, quote=True)}">'
        "Copy quote with reference</button></article>"
    )


def highlight(text: str, quote: str) -> str:
    """`text` escaped, with each sentence of `quote` found in it wrapped in <mark>.

    The quote is made of sentences of the paragraph, but whitespace may differ (line breaks in
    the paragraph), so each sentence is matched with flexible whitespace."""
    spans: list[tuple[int, int]] = []
    for sentence in _SENTENCE_END.split(quote.strip()) if quote.strip() else []:
        words = sentence.split()
        if not words:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words)
        match = re.search(pattern, text)
        if match:
            spans.append(match.span())
    out, last = [], 0
    for start, end in _merged(spans):
        out.append(html.escape(text[last:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
