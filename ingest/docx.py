"""Word (.docx) -> blocks, with python-docx.

The body is read element by element, so tables stay between the paragraphs they are printed
between. Word's automatic numbering is not part of a paragraph's text: the printed number is
rebuilt (`ingest.wordlists`) and put in front of the text, so "5.1" in Word is "5.1" here.
Pages advance only at explicit page breaks and new-page section breaks; the
lastRenderedPageBreak marks reflect the layout of whichever machine last saved the file.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import nsmap, qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from assistant.errors import UnreadableFile
from ingest.blocks import Block, Style
from ingest.lists import item_style, prefixed
from ingest.wordlists import ListItem, WordLists, style_chain

_NS = {"w": nsmap["w"], "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
# Runs of the paragraph itself: text boxes anchored in it are separate stories, and the Fallback
# half of an AlternateContent repeats its Choice.
_RUN = "w:r[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)]"
_PIECES = etree.XPath(
    f".//{_RUN}/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen]",
    namespaces=_NS,
)
_TEXT_RUNS = etree.XPath(f".//{_RUN}[w:t[normalize-space()]]", namespaces=_NS)
_CELL_PARAGRAPHS = etree.XPath(".//w:p[not(ancestor::w:txbxContent)]", namespaces=_NS)
_PAGE_BREAKS = etree.XPath("count(.//w:br[@w:type='page'])", namespaces=_NS)
_NEXT_SECTION_TYPE = etree.XPath("following::w:sectPr[1]/w:type/@w:val", namespaces=_NS)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # a .doc, or a password-protected .docx
_CORRUPT = (PackageNotFoundError, zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError)


def read_docx(path: Path) -> list[Block]:
    if path.stat().st_size == 0:
        return []
    reader = _Reader(_open(path))
    for element in _body_elements(reader.document.element.body):
        reader.read(element)
    return reader.blocks


def _open(path: Path):
    try:
        return docx.Document(str(path))
    except (*_CORRUPT, etree.XMLSyntaxError) as exc:
        with path.open("rb") as file:
            protected = file.read(4) == _OLE_MAGIC
        if protected:
            reason = "a password-protected or old-format (.doc) Word file"
            advice = "open it in Word and save an unprotected copy as .docx"
        else:
            reason = f"corrupt or truncated Word file ({type(exc).__name__})"
            advice = "open it in Word and save it again as .docx, or export it again"
        raise UnreadableFile(path.name, reason, advice) from exc


def _body_elements(parent) -> Iterator:
    """Paragraphs and tables in order, looking inside content controls (w:sdt, w:customXml)."""
    for child in parent.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _body_elements(content)
        elif child.tag == qn("w:customXml"):
            yield from _body_elements(child)


class _Reader:
    def __init__(self, document) -> None:
        self.document = document
        self.lists = WordLists(_numbering(document), document.styles)
        self.blocks: list[Block] = []
        self.page = 1
        self.started = False  # anything read yet: a page break before the first text is no break

    def read(self, element) -> None:
        if element.tag == qn("w:tbl"):
            self.table(element)
        else:
            self.paragraph(element)
        self.started = True

    def paragraph(self, p) -> None:
        paragraph = Paragraph(p, self.document)
        style = paragraph.style
        if self.started and p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None:
            self.page += 1
        item = self._list_item(p, style)
        text, first, last = self._place(p)
        if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            if (_NEXT_SECTION_TYPE(p) or ["nextPage"])[0] != "continuous":
                self.page += 1
        name = (style.name or "").lower() if style is not None else ""
        if not text or name.startswith("toc "):  # contents entries: the headings follow anyway
            return
        kind, level = Style.BODY, max(item.level if item else 0, _list_style_depth(name))
        if heading := _heading_level(p, style):
            kind, level = Style.HEADING, heading
        elif item and item.prefix:
            kind = item_style(item.prefix, level)
        elif item or "list" in name:
            kind, text = Style.BULLET, re.sub(r"^[•·▪◦‣●■–-]\s+", "", text)  # typed by hand
        if item and item.prefix:
            text = prefixed(item.prefix, text)
        bold = _all_bold(paragraph, style)
        last_page = last if last != first else 0
        self.blocks.append(Block(text, first, kind, level=level, last_page=last_page, bold=bold))

    def _place(self, p) -> tuple[str, int, int]:
        """The paragraph's text and its first and last pages; advances past its page breaks."""
        parts: list[str] = []
        first, last = 0, self.page
        for piece in _PIECES(p):
            tag = piece.tag
            if tag == qn("w:br") and piece.get(qn("w:type")) == "page":
                self.page += 1
                parts.append(" ")
                continue
            text = piece.text or "" if tag == qn("w:t") else "-" if tag.endswith("Hyphen") else " "
            if text.strip():
                first, last = first or self.page, self.page
            parts.append(text)
        return re.sub(r"\s+", " ", "".join(parts)).strip(), first or self.page, last

    def _list_item(self, p, style) -> ListItem | None:
        num_id = p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        ilvl = p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
        for inherited in style_chain(style):  # numbering set on the paragraph style
            if num_id and ilvl:
                break
            num_id = num_id or inherited.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
            ilvl = ilvl or inherited.element.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
        if not num_id or num_id[0] == "0":
            return None
        return self.lists.item(num_id[0], int(ilvl[0]) if ilvl else 0)

    def table(self, tbl) -> None:
        for tr in tbl.iterchildren(qn("w:tr")):
            # one w:tc per printed cell: a merged cell's text appears once (python-docx's
            # row.cells repeats it for every grid column it spans)
            cells = [self._cell_text(tc) for tc in tr.iterchildren(qn("w:tc"))]
            if row := " | ".join(cell for cell in cells if cell):
                self.blocks.append(Block(row, self.page, Style.TABLE))
            self.page += int(_PAGE_BREAKS(tr))

    def _cell_text(self, tc) -> str:
        texts = []
        for p in _CELL_PARAGRAPHS(tc):
            item = self._list_item(p, Paragraph(p, self.document).style)
            pieces = "".join(
                piece.text or "" if piece.tag == qn("w:t") else " " for piece in _PIECES(p)
            )
            text = re.sub(r"\s+", " ", pieces).strip()
            texts.append(prefixed(item.prefix, text) if item and text else text)
        return " ".join(text for text in texts if text)


def _numbering(document):
    try:
        return document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
    except KeyError:
        return None  # no list in the file is numbered


def _heading_level(p, style) -> int:
    """1 for Title, N for Heading N (or a style based on one), else the outline level."""
    for inherited in style_chain(style):
        name = (inherited.name or "").lower()
        if name == "title":
            return 1
        if match := re.fullmatch(r"heading ([1-9])", name):
            return int(match[1])
    for element in [p, *(s.element for s in style_chain(style))]:
        outline = element.xpath("./w:pPr/w:outlineLvl/@w:val")
        if outline:
            return int(outline[0]) + 1 if outline[0].isdigit() and int(outline[0]) < 9 else 0
    return 0


def _list_style_depth(name: str) -> int:
    """ "List Bullet 2" is a second-level list even when its own list level is 0."""
    match = re.fullmatch(r"list.* ([2-9])", name)
    return int(match[1]) - 1 if match else 0


def _all_bold(paragraph: Paragraph, style) -> bool:
    default = next((s.font.bold for s in style_chain(style) if s.font.bold is not None), False)
    runs = [Run(r, paragraph) for r in _TEXT_RUNS(paragraph._p)]
    return bool(runs) and all(_run_bold(run, default) for run in runs)


def _run_bold(run: Run, default: bool) -> bool:
    if run.bold is not None:
        return run.bold
    for inherited in style_chain(run.style):
        if inherited.font.bold is not None:
            return inherited.font.bold
    return default
