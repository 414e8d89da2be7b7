"""PDF -> blocks, with pypdf.

pypdf's plain extraction gives one line per visual line with no paragraph breaks, and its layout
mode leaves blank lines only where it happens to see vertical space. Paragraphs are recovered here
from positions instead: fragments are grouped into lines by baseline, lines into blocks by the
vertical gap between them (a paragraph gap is larger than the line pitch), by bullets, by a change
of font, and by hanging paragraph numbers. Tables (fragments that start at recurring column
positions) become one block per row. Running headers, footers and page numbers are removed by
`ingest.cleaning`, which sees every page at once.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import EmptyFile, EncryptedFile, NoTextLayer, UnreadableFile
from ingest.blocks import Block, Style, join_lines

log = logging.getLogger(__name__)

BULLET_GLYPHS = "\x7f•●▪■◦○·‣⁃∙\uf0b7\uf0a7\uf076\uf0d8"
_COLUMN_JUMP = 60.0  # points: a fragment starting this far right of the previous one is a cell
_NARROW_CHAR = 0.4  # ems: below the mean width of a character of text in any common body face
# a label set in bold at the start of a paragraph: "Boyfriend model:", "The 'party model';",
# "Low Risk" (before " – A vulnerable child ...")
_RUN_IN_LABEL = re.compile(r"\W{0,2}[A-Z][^.!?]{1,60}")
_TERMINAL_END = re.compile(r"[.!?:][\"'”’)]*$")
_RULE = re.compile(r"^[-_=–—\s]{3,}$")


@dataclass
class Line:
    """One visual line: fragments that share a baseline."""

    page: int
    y: float  # baseline, PDF units (larger is higher on the page)
    x: float  # left edge of the first fragment
    size: float
    bold: bool
    text: str
    bullet_x: float | None = None  # x of a leading bullet glyph
    footnote: bool = False  # starts with a small raised number: the foot of the page
    cells: list[tuple[float, str]] = field(default_factory=list)  # (x, text) when a table row
    run_in: bool = False  # opens with a bold label in body text: "**Boyfriend model:** Abuser ..."


@dataclass
class PdfText:
    pages: int
    lines: list[Line]  # every line of every page, top to bottom, headers and footers included
    page_height: float
    title: str = ""  # from the document information dictionary, when set


def read_pdf_lines(path: Path) -> PdfText:
    """Every visual line of a PDF. Raises an UnreadableFile subclass for bad input."""
    import pypdf  # imported here: only PDF ingest needs it
    from pypdf.errors import PdfReadError

    name = path.name
    if path.stat().st_size == 0:
        raise EmptyFile(name)
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedFile(name)
        pages = list(reader.pages)
    except UnreadableFile:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UnreadableFile(
            name, f"corrupt or truncated PDF ({exc})", "download or export it again"
        ) from exc
    if reader.is_encrypted and not _text_allowed(reader):
        raise EncryptedFile(name)
    lines: list[Line] = []
    height = 842.0
    for number, page in enumerate(pages, start=1):
        try:
            height = float(page.mediabox.height)
            lines.extend(_page_lines(page, number))
        except Exception as exc:  # pypdf raises many types on damaged content streams
            log.warning("%s: page %d could not be read: %s", name, number, exc)
    if not pages:
        raise UnreadableFile(name, "the PDF has no pages", "download or export it again")
    if not any(line.text.strip() for line in lines):
        raise NoTextLayer(name)
    return PdfText(len(pages), lines, height, _metadata_title(reader))


def _metadata_title(reader) -> str:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # a damaged information dictionary is not worth failing a file for
        return ""
    return str(title).strip() if title and str(title).strip() not in ("", "untitled") else ""


def _text_allowed(reader) -> bool:
    try:
        reader.pages[0].extract_text()
        return True
    except Exception:
        return False


def _page_lines(page, number: int) -> list[Line]:
    fragments: list[tuple[float, float, float, bool, str]] = []

    def visit(text, cm, tm, font, size):
        if not text or not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (abs(tm[0] * tm[3] - tm[1] * tm[2]) * abs(cm[0] * cm[3] - cm[1] * cm[2])) ** 0.5
        name = str((font or {}).get("/BaseFont", ""))
        bold = bool(re.search(r"bold|black|heavy|semibold", name, re.I))
        for i, part in enumerate(text.split("\n")):
            if part.strip():
                fragments.append((x, y - i * size * scale * 1.2, size * (scale or 1), bold, part))

    page.extract_text(visitor_text=visit)
    return _group_lines(fragments, number)


def _group_lines(fragments, page: int) -> list[Line]:
    """Fragments -> lines; a raised, smaller fragment (a superscript) joins the line below it."""
    fragments.sort(key=lambda f: -f[1])
    groups: list[list[tuple]] = []
    for frag in fragments:
        x, y, size, _, _ = frag
        for group in groups[-3:]:
            base = group[0]
            if abs(base[1] - y) <= max(1.5, 0.45 * max(base[2], size)):
                group.append(frag)
                break
        else:
            groups.append([frag])
    return [_line(group, page) for group in groups]


def _line(group: list[tuple], page: int) -> Line:
    body = max(group, key=lambda f: (f[2], len(f[4])))  # the main fragment sets the baseline
    ordered = sorted(group, key=lambda f: f[0])  # stable: same-x fragments keep stream order
    bullet_x = None
    if ordered[0][4].strip() and all(c in BULLET_GLYPHS for c in ordered[0][4].strip()):
        bullet_x = ordered[0][0]
        ordered = ordered[1:]
    marker = ordered[0] if ordered else None
    footnote = bool(
        marker
        and len(ordered) > 1
        and re.fullmatch(r"[\d*†‡]{1,3}", marker[4].strip())
        and marker[2] < body[2] * 0.9
    )
    cells: list[tuple[float, str]] = []
    for frag in ordered:
        x, text = frag[0], frag[4]
        superscript = frag[2] < body[2] * 0.85 and frag[1] > body[1] + 1
        if cells and (x - cells[-1][0] < _COLUMN_JUMP or _is_label(cells[-1][1])):
            glue = "" if superscript or _no_space(cells[-1][1], text) else " "
            cells[-1] = (cells[-1][0], cells[-1][1] + glue + text)
        else:
            cells.append((x, text))
    text = " ".join(cell for _, cell in cells)
    bold_chars = sum(len(f[4].strip()) for f in ordered if f[3])
    all_chars = sum(len(f[4].strip()) for f in ordered) or 1
    bold = bold_chars / all_chars > 0.6
    opening = ordered[0] if ordered else None
    run_in = bool(
        opening and opening[3] and not bold and _RUN_IN_LABEL.fullmatch(opening[4].strip())
    )
    return Line(
        page=page,
        y=body[1],
        x=ordered[0][0] if ordered else body[0],
        size=round(body[2], 1),
        bold=bold,
        text=text,
        bullet_x=bullet_x,
        footnote=footnote,
        cells=cells if len(cells) > 1 else [],
        run_in=run_in,
    )


def _no_space(left: str, right: str) -> bool:
    """Fragments of one line that need no space between them: the left one already ends with a
    space or an opening bracket, or the right one starts with closing punctuation."""
    return left.endswith((" ", "(", "[", "‘", "“", "/", "-")) or right[:1] in " .,;:)]!?%’”'"


_LABEL = re.compile(r"^\(?(\d+(\.\d+)*|[a-z]|[ivx]+)[.)]?$", re.I)


def _is_label(text: str) -> bool:
    return bool(_LABEL.match(text.strip()))


def body_metrics(lines: list[Line]) -> tuple[float, float]:
    """The body font size (weighted by characters) and the line pitch within a paragraph.

    The pitch is read where a line wraps: after a long line that ends mid-sentence. In a letter
    the gap between paragraphs is the commonest gap of all (the address, the date, "Dear ...",
    the sign-off and short findings are one line each), and taken for the pitch it joined every
    paragraph of the letter into one."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    size = sizes.most_common(1)[0][0] if sizes else 10.0
    pairs = [
        (a, round(a.y - b.y, 1))
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.size == size == b.size and 0 < a.y - b.y < 3 * size
    ]
    longest = max((len(a.text) for a, _ in pairs), default=0)
    wrapped = [gap for a, gap in pairs if len(a.text) >= WRAPPED * longest and _runs_on(a.text)]
    gaps = wrapped or [gap for _, gap in pairs]
    pitch = statistics.mode(gaps) if gaps else size * 1.25
    return size, pitch


WRAPPED = 0.6  # of the longest line's length: a line this long that ends mid-sentence wrapped


def _runs_on(text: str) -> bool:
    return not text.rstrip().endswith((".", ":", ";", "?", "!"))


def lines_to_blocks(lines: list[Line], size: float, pitch: float) -> list[Block]:
    """Body lines (headers and footers already removed) -> blocks, page by page."""
    blocks: list[Block] = []
    heading_sizes = sorted({li.size for li in lines if li.size > size * 1.15}, reverse=True)
    margin = _body_margin(lines)
    bullet_levels = sorted({round(li.bullet_x) for li in lines if li.bullet_x is not None})
    current: list[Line] = []
    table: list[Line] = []
    last_number: tuple[int, ...] = ()  # of the last block that opened with a paragraph number

    def flush():
        if current:
            blocks.append(_block(current, size, margin, bullet_levels, heading_sizes))
            current.clear()

    for line in lines:
        if _RULE.match(line.text):
            flush()
            continue
        if table and _continues_table(table, line):
            table.append(line)
            continue
        if table:
            blocks.extend(_table_blocks(table))
            table = []
        if line.cells:
            flush()
            table = [line]
            continue
        number = _opening_number(line)
        if current and (
            _starts_block(current[-1], line, size, pitch)
            or _next_number_starts(current[-1], line, number, last_number)
        ):
            flush()
        if not current and number:
            last_number = number
        current.append(line)
    if table:
        blocks.extend(_table_blocks(table))
    flush()
    return blocks


def _body_margin(lines: list[Line]) -> float:
    xs = Counter(round(li.x) for li in lines if li.bullet_x is None)
    return float(xs.most_common(1)[0][0]) if xs else 0.0


def _starts_block(previous: Line, line: Line, size: float, pitch: float) -> bool:
    if line.page != previous.page or line.bullet_x is not None or line.footnote:
        return True
    gap = previous.y - line.y
    # Larger type has a larger line pitch: a two-line title is one block.
    if gap > pitch * max(1.0, line.size / size) * 1.25 or gap < 0:
        return True
    if abs(line.size - previous.size) > 0.6:
        return True
    # Bold switching on or off starts a block after a short line (a heading above its text), but
    # not inside a sentence that wraps around a bold phrase.
    if line.bold != previous.bold and (
        len(previous.text) < 60 or _TERMINAL_END.search(previous.text)
    ):
        return True
    # So does a bold label opening a line after a short one: a labelled paragraph set with no
    # space above it ("... aggressive and controlling" / "Boyfriend model: Abuser grooms ...").
    if line.run_in and (len(previous.text) < 60 or _TERMINAL_END.search(previous.text)):
        return True
    # A hanging number ("5." then the text further right) starts a paragraph even without a gap.
    return line.x < previous.x - 8 and bool(re.match(r"^\(?\w{1,6}[.)]\s", line.text))


# "50. Text", "5.4 Text": a paragraph number opening a line
_OPENING_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})?)[.)]?\s+[A-Z(‘'\"]")
_SENTENCE_END = re.compile(r"[.!?:)][\"'”’)]*$")  # or a bracket: "... (Recommendation)"


def _opening_number(line: Line) -> tuple[int, ...]:
    match = _OPENING_NUMBER.match(line.text) if line.bullet_x is None else None
    return tuple(int(part) for part in match[1].split(".")) if match else ()


def _next_number_starts(
    previous: Line, line: Line, number: tuple[int, ...], last: tuple[int, ...]
) -> bool:
    """Whether a line level with the one above, with no space between them, starts a paragraph:
    it opens with the number after the last paragraph's (49 -> 50, 5.3 -> 5.4, 5 -> 5.1,
    5.9 -> 6) and the line above ends a sentence or is a bold heading. Layouts with no space
    between paragraphs leave nothing else to go by; the sequence keeps a year or a count that
    happens to open a wrapped line ("2015. The ...") from splitting its paragraph."""
    return (
        bool(number)
        and _follows(number, last)
        and abs(line.x - previous.x) < 3
        and bool(_SENTENCE_END.search(previous.text.rstrip()) or (previous.bold and not line.bold))
    )


def _follows(number: tuple[int, ...], last: tuple[int, ...]) -> bool:
    if not last:
        return number in ((1,), (1, 1))
    if len(number) == len(last):
        return number[:-1] == last[:-1] and number[-1] == last[-1] + 1
    if len(number) == 2 and len(last) == 1:  # 5 -> 5.1
        return number == (last[0], 1)
    if len(number) == 1 and len(last) == 2:  # 5.9 -> 6
        return number[0] == last[0] + 1
    return False


def _block(
    lines: list[Line], size: float, margin: float, bullets: list[int], headings: list[float]
) -> Block:
    text = lines[0].text.strip()
    for line in lines[1:]:
        text = join_lines(text, line.text.strip())
    first = lines[0]
    bold = all(li.bold for li in lines)
    style, level = Style.BODY, 0
    if first.bullet_x is not None:
        style = Style.BULLET
        level = bullets.index(round(first.bullet_x)) if bullets else 0
    elif first.footnote or (first.size < size * 0.88 and len(lines) <= 6):
        style = Style.FOOTNOTE
    elif (bold or first.size > size * 1.15) and len(text) < 160:
        # Larger type is a higher level; bold at body size is the lowest heading level.
        rank = headings.index(first.size) if first.size in headings else len(headings)
        style, level = Style.HEADING, rank + 1
    return Block(
        text=text,
        page=first.page,
        style=style,
        level=level,
        last_page=lines[-1].page,
        bold=bold,
        indent=round(first.x - margin, 1),
        run_in=first.run_in,
    )


def _continues_table(table: list[Line], line: Line) -> bool:
    columns = [x for x, _ in table[0].cells]
    xs = [x for x, _ in line.cells] or [line.x]
    gap = table[-1].y - line.y
    return (
        line.page == table[-1].page
        and abs(line.size - table[0].size) < 0.6
        and 0 < gap < 2.2 * max(table[0].size, 1)
        and all(min(abs(x - c) for c in columns) < 3 for x in xs)
        and (bool(line.cells) or not _crosses_a_column(line, columns))
    )


def _crosses_a_column(line: Line, columns: list[float]) -> bool:
    """Whether a line of one fragment runs on past the next column's left edge, so it is body
    text after the table, not a cell's wrapped line: the paragraph printed right under a
    judgement table would otherwise be read as the last row's second line. The width is an
    underestimate (pypdf gives no glyph widths here), so a wrapped cell is never cut off."""
    later = [c for c in columns if c > line.x + 3]
    return bool(later) and line.x + len(line.text) * line.size * _NARROW_CHAR > min(later)


def _table_blocks(table: list[Line]) -> list[Block]:
    """Table lines -> one block per row; a row ends where the vertical gap widens."""
    columns = [x for x, _ in table[0].cells]
    pitches = [a.y - b.y for a, b in zip(table, table[1:], strict=False)]
    pitch = min(pitches) if pitches else table[0].size
    # Rows are told apart by a wider gap than the lines of a wrapped cell.
    rows: list[list[Line]] = [[table[0]]]
    for previous, line in zip(table, table[1:], strict=False):
        if previous.y - line.y > pitch * 1.25:
            rows.append([])
        rows[-1].append(line)
    blocks = []
    for row in rows:
        cells = ["" for _ in columns]
        for line in row:
            for x, text in line.cells or [(line.x, line.text)]:
                i = min(range(len(columns)), key=lambda c: abs(columns[c] - x))
                cells[i] = join_lines(cells[i], text.strip()) if cells[i] else text.strip()
        text = " | ".join(cell for cell in cells)
        blocks.append(Block(text, row[0].page, Style.TABLE, last_page=row[-1].page))
    return blocks
