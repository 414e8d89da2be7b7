"""Word's automatic list numbers ("5.", "5.1", "a)"), rebuilt from the numbering definitions.

Word stores no number in a numbered paragraph's text, only a list instance (numId) and a level
(ilvl); the printed number comes from numbering.xml. Counting follows ECMA-376 §17.9 as Word does:
the running count belongs to the abstract definition, so list instances that share one continue
each other's numbering, and an instance with a startOverride restarts it when first used. Using a
level restarts every deeper level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn
from docx.styles.style import BaseStyle

from ingest.lists import format_number

_MAX_STYLE_DEPTH = 10  # style inheritance chains are short; this only guards against cycles


@dataclass(frozen=True)
class Level:
    fmt: str  # numFmt: decimal, lowerLetter, bullet, none...
    text: str  # lvlText, "%1.%2"
    start: int
    legal: bool  # isLgl: every number in the text printed as decimal ("1.1" under "I.")


@dataclass(frozen=True)
class ListItem:
    prefix: str  # the printed number, "" for a bullet
    bullet: bool
    level: int  # ilvl, 0 at the outermost level


def style_chain(style: BaseStyle | None):
    """The style and the styles it is based on, nearest first."""
    for _ in range(_MAX_STYLE_DEPTH):
        if style is None:
            return
        yield style
        style = style.base_style


class WordLists:
    def __init__(self, numbering, styles) -> None:
        """`numbering` is the w:numbering element (None when the file has no numbering part),
        `styles` the document's Styles, used to follow numStyleLink references."""
        self._levels: dict[str, dict[int, Level]] = {}  # abstractNumId -> ilvl -> level
        self._instances: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract, starts)
        self._counts: dict[str, dict[int, int]] = {}  # abstractNumId -> ilvl -> current number
        self._used: set[tuple[str, int]] = set()  # (numId, ilvl) already counted once
        if numbering is not None:
            self._load(numbering, styles)

    def _load(self, numbering, styles) -> None:
        links: dict[str, str] = {}
        for abstract in numbering.iterchildren(qn("w:abstractNum")):
            key = abstract.get(qn("w:abstractNumId"))
            self._levels[key] = {
                _int(lvl.get(qn("w:ilvl"))): _level(lvl) for lvl in _lvls(abstract)
            }
            if (link := abstract.find(qn("w:numStyleLink"))) is not None:
                links[key] = link.get(qn("w:val"))
        for num in numbering.iterchildren(qn("w:num")):
            abstract = num.find(qn("w:abstractNumId"))
            starts = {
                _int(override.get(qn("w:ilvl"))): _int(start.get(qn("w:val")), 1)
                for override in num.iterchildren(qn("w:lvlOverride"))
                if (start := override.find(qn("w:startOverride"))) is not None
            }
            if abstract is not None:
                self._instances[num.get(qn("w:numId"))] = (abstract.get(qn("w:val")), starts)
        # A definition that only names a list style is that style's definition, and counts with it
        aliases = {
            key: self._instances[target][0]
            for key, style_id in links.items()
            if (target := _style_num_id(styles, style_id)) in self._instances
        }
        for num_id, (abstract, starts) in self._instances.items():
            self._instances[num_id] = (aliases.get(abstract, abstract), starts)

    def item(self, num_id: str, ilvl: int) -> ListItem | None:
        """Count one paragraph of list instance `num_id` at level `ilvl` and return its number,
        or None when the instance is not defined (numId 0 means "not numbered")."""
        if num_id not in self._instances:
            return None
        abstract, starts = self._instances[num_id]
        levels = self._levels.get(abstract, {})
        if ilvl not in levels:
            return None
        counts = self._counts.setdefault(abstract, {})
        if (num_id, ilvl) not in self._used and ilvl in starts:
            counts[ilvl] = starts[ilvl]
        else:
            counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else levels[ilvl].start
        self._used.add((num_id, ilvl))
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return ListItem("", True, ilvl)

        def number(match: re.Match) -> str:
            k = int(match[1]) - 1
            of = levels.get(k, level)
            return format_number(counts.get(k, of.start), "decimal" if level.legal else of.fmt)

        prefix = "" if level.fmt == "none" else re.sub(r"%([1-9])", number, level.text)
        return ListItem(prefix.strip(), not prefix.strip(), ilvl)


def _lvls(abstract):
    return abstract.iterchildren(qn("w:lvl"))


def _level(lvl) -> Level:
    def value(tag: str, default: str) -> str:
        element = lvl.find(qn(tag))
        return element.get(qn("w:val"), default) if element is not None else default

    legal = lvl.find(qn("w:isLgl"))
    return Level(
        fmt=value("w:numFmt", "decimal"),
        text=value("w:lvlText", ""),
        start=_int(value("w:start", "1"), 1),
        legal=legal is not None and legal.get(qn("w:val"), "1") not in ("0", "false"),
    )


def _style_num_id(styles, style_id: str) -> str | None:
    style = styles.element.get_by_id(style_id)
    num_id = style.xpath("./w:pPr/w:numPr/w:numId/@w:val") if style is not None else []
    return num_id[0] if num_id else None


def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
