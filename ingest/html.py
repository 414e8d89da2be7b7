"""HTML -> blocks, with BeautifulSoup's built-in parser.

Only the page's content is read: the <main> element (or a single <article>) when there is one, and
never scripts, styles, navigation, site headers and footers or anything hidden from screen
readers. Block elements become blocks; inline elements run together into the text of the block
around them. List numbers, which the browser generates, are rebuilt (`ingest.lists`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from ingest.blocks import Block, Style
from ingest.encoding import decode
from ingest.lists import format_number, item_style, prefixed

_DROPPED = "script style noscript template head nav footer svg iframe button select".split()
_BLOCK = set("address article aside blockquote caption center dd details dialog div dl dt".split())
_BLOCK |= set("fieldset figcaption figure form header hr li main ol p pre section summary".split())
_BLOCK |= set("table tbody td tfoot th thead tr ul h1 h2 h3 h4 h5 h6 body html".split())
_LIST_FORMATS = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
# Elements whose end tag HTML lets an author leave out; html.parser nests the next one inside.
_IMPLIED_END = {"li": {"li"}, "p": {"p"}, "tr": {"tr"}, "td": {"td", "th"}, "th": {"td", "th"}}
_IMPLIED_END |= {"dt": {"dt", "dd"}, "dd": {"dt", "dd"}}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def read_html(path: Path) -> list[Block]:
    data = path.read_bytes()
    declared = _CHARSET.search(data[:4096])
    text = decode(data, path.name, declared[1].decode("ascii") if declared else None)
    return html_blocks(text)


def html_blocks(markup: str) -> list[Block]:
    """The blocks of an HTML page or fragment, all on page 1."""
    soup = BeautifulSoup(markup, "html.parser")
    _strip(soup)
    root = _content_root(soup)
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return walker.blocks


def _strip(soup: BeautifulSoup) -> None:
    """Drop what is not content and undo html.parser's nesting of unclosed items."""
    for element in soup.find_all(_DROPPED) + soup.find_all(_hidden):
        if not element.decomposed:
            element.decompose()
    for header in soup.find_all("header"):
        # a site banner; a <header> inside the article holds the article's own title
        if not header.find_parent(["main", "article"]):
            header.decompose()
    for element in soup.find_all(list(_IMPLIED_END)):
        if element.parent and element.parent.name in _IMPLIED_END[element.name]:
            element.parent.insert_after(element)  # "<li>a<li>b": b is a's sibling


def _hidden(tag: Tag) -> bool:
    # hidden="until-found" is collapsed content (GOV.UK accordions) that a reader can open
    hidden = tag.has_attr("hidden") and str(tag["hidden"]).lower() != "until-found"
    return hidden or str(tag.get("aria-hidden", "false")).lower() != "false"


def _content_root(soup: BeautifulSoup) -> Tag:
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    articles = soup.find_all("article")
    return main or (articles[0] if len(articles) == 1 else None) or soup.body or soup


def _text(node: Tag) -> str:
    """Text of a node's content (a table cell); block boundaries and <br> become spaces."""
    parts: list[str] = []
    for child in node.children:
        if isinstance(child, PreformattedString):  # comments, doctypes, CDATA
            continue
        if isinstance(child, NavigableString):
            parts.append(str(child))
        elif isinstance(child, Tag):
            inner = _text(child)
            parts.append(f" {inner} " if child.name in _BLOCK or child.name == "br" else inner)
    return "".join(parts)


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class _Kind:
    """What the text being collected will become."""

    style: Style = Style.BODY
    level: int = 0
    prefix: str = ""  # a list number, used once, on the item's first block


@dataclass
class _Walker:
    blocks: list[Block] = field(default_factory=list)
    kind: _Kind = field(default_factory=_Kind)
    parts: list[tuple[str, bool]] = field(default_factory=list)  # (text, inside <b>/<strong>)
    bold: int = 0
    depth: int = -1  # list nesting, 0 for a top-level list

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, PreformattedString):
                continue
            if isinstance(child, NavigableString):
                self.parts.append((str(child), self.bold > 0))
            elif isinstance(child, Tag):
                self.element(child)

    def element(self, tag: Tag) -> None:
        name = tag.name
        if name == "br":
            self.parts.append((" ", self.bold > 0))
        elif name in ("b", "strong"):
            self.bold += 1
            self.walk(tag)
            self.bold -= 1
        elif re.fullmatch(r"h[1-6]", name):
            self.block(tag, _Kind(Style.HEADING, int(name[1])))
        elif name in ("ul", "ol"):
            self.list(tag)
        elif name == "li":  # an item outside any list
            self.block(tag, _Kind(Style.BULLET, max(self.depth, 0)))
        elif name == "tr":
            self.flush()
            cells = [_collapse(_text(c)) for c in tag.find_all(["td", "th"], recursive=False)]
            if row := " | ".join(c for c in cells if c):
                self.blocks.append(Block(row, 1, Style.TABLE))
        elif name in _BLOCK:
            self.block(tag, self.kind)
        else:
            self.walk(tag)

    def block(self, tag: Tag, kind: _Kind) -> None:
        self.flush()
        outer, self.kind = self.kind, kind
        self.walk(tag)
        self.flush()
        self.kind = outer

    def list(self, tag: Tag) -> None:
        self.depth += 1
        ordered = tag.name == "ol"
        fmt = _LIST_FORMATS.get(str(tag.get("type", "1")), "decimal")
        step = -1 if ordered and tag.has_attr("reversed") else 1
        items = tag.find_all("li", recursive=False)
        number = _int(tag.get("start"), len(items) if step < 0 else 1)
        for child in tag.children:
            if not (isinstance(child, Tag) and child.name == "li"):
                if isinstance(child, Tag):
                    self.element(child)
                continue
            number = _int(child.get("value"), number)
            prefix = ""
            if ordered:
                prefix = format_number(number, fmt) + ("." if fmt == "decimal" else ")")
            style = item_style(prefix, self.depth) if ordered else Style.BULLET
            self.block(child, _Kind(style, self.depth, prefix))
            number += step
        self.depth -= 1

    def flush(self) -> None:
        text = _collapse("".join(part for part, _ in self.parts))
        bold = all(in_bold for part, in_bold in self.parts if part.strip())
        self.parts = []
        if not text:
            return
        kind = self.kind
        self.blocks.append(
            Block(prefixed(kind.prefix, text), 1, kind.style, level=kind.level, bold=bold)
        )
        kind.prefix = ""


def _int(value, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default
