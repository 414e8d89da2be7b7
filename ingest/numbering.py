"""Numbering: blocks of one document -> Paragraphs with the label a reader sees printed.

The rules, in the words a reader would use:
- A paragraph that starts with a number ("49.", "5.3", "28.") has that number as its label.
- A numbered heading ("5.1 Background", "7. Conclusion") numbers the paragraphs under it, up to
  the next heading; a lettered heading under it ("(a) Financial" in section 4) gives "4(a)".
- Lettered or roman items ("a)", "(iv)") and bullets belong to the numbered paragraph above them.
- An unnumbered heading ends the numbering: what follows has no label, and its locator says
  where to look instead ("p. 12, ¶3" is the third paragraph that starts on page 12).
- A number is only taken as a label where it looks like one: dotted ("5.3"), followed by a full
  stop ("49."), or a heading's number; a bare number in running text must continue the sequence.
- A list numbered afresh inside a numbered paragraph ("33. PFI contract ... Resolved: that 1. ...
  2. ...") is cited through it: "33(1)", "33(2)", as "4(a)" is. Three minutes each with a
  resolution "1." would otherwise all be "para 1".
- Footnotes and table rows never carry labels. A judgement table row printed "2.2 Adoption
  performance Requires improvement" is found as "p. 11, table row 2.2": its number is not a
  paragraph number (an Ofsted report's para 2 is a recommendation). Nothing is ever numbered
  that is not printed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from assistant.types import Paragraph
from ingest.blocks import Block, Style
from ingest.dates import MONTH, find_dates
from ingest.judgements import GRADE_ONLY, GRADES

_NUMBER = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)(?P<dot>[.)]?)\s+(?=[^\s%/:])")
# "14 March 2017" heading a letter, "3 March meeting": a day of the month, not a paragraph number
_MONTH_NAME = re.compile(rf"^(?:{MONTH})\b", re.IGNORECASE)
_LETTERED_HEADING = re.compile(r"^\((?P<letter>[a-z]{1,4})\)\s+(?P<title>[^.]{1,70})$")
_GRADE_END = re.compile(rf"\b(?:{GRADES})$", re.I)
_TERMINAL = re.compile(r"[.!?;:][\"'”’)\]]*$")


@dataclass
class _State:
    label: str = ""  # what an unnumbered paragraph here inherits
    top: str = ""  # number of the enclosing numbered section, for "4(a)"
    last_number: tuple[int, ...] = ()
    nested_in: str = ""  # the numbered paragraph a list numbered afresh sits in, for "33(1)"
    nested_last: int = 0
    sections: list[tuple[int, str]] = field(default_factory=list)
    per_page: Counter[int] = field(default_factory=Counter)
    recurring: frozenset[str] = frozenset()  # headings printed more than once (see below)
    parents: frozenset[str] = frozenset()  # headings whose sections the recurring ones divide
    plain_level: int = 1  # of a heading set in body type: below every heading set apart


def number_paragraphs(doc_id: str, blocks: list[Block]) -> list[Paragraph]:
    heads = _headings(blocks)
    recurring = _recurring_headings(blocks, heads)
    blocks, parents = _parents_promoted(blocks, heads, recurring)
    styled = [b.level for b, h in zip(blocks, heads, strict=True) if h and b.style is Style.HEADING]
    state = _State(recurring=recurring, parents=parents, plain_level=max(styled, default=0) + 1)
    paragraphs: list[Paragraph] = []
    for block, heading in zip(blocks, heads, strict=True):
        if block.style is Style.SEPARATOR:
            continue
        state.per_page[block.page] += 1
        row = _judgement_row(block)
        if row:  # numbered in the table, and numbers nothing after it
            label, locator = "", f"p. {block.page}, table row {row}"
            state.label = ""
        else:
            label, body, own = _label_of(block, state, heading)
            if heading or (own and heading_like(body)):
                _enter_section(state, block, label, body)
            locator = _locator(block, label, state.per_page[block.page])
        paragraphs.append(
            Paragraph(
                doc_id=doc_id,
                seq=len(paragraphs),
                label=label,
                locator=locator,
                page=block.page,
                last_page=block.end_page,
                section=tuple(text for _, text in state.sections),
                text=block.text,
                style=block.style.value,
            )
        )
    return paragraphs


def _label_of(block: Block, state: _State, heading: bool) -> tuple[str, str, bool]:
    """The block's label, the text after it, and whether the label is printed on this block
    (rather than inherited from the numbered paragraph or heading above). `heading`: whether
    the block is a heading (`_headings`)."""
    if block.style in (Style.FOOTNOTE, Style.TABLE):
        return "", block.text, False
    own = _own_number(block, state)
    if own:
        number, body = own
        nested = _nested_label(number, block, state)
        if nested:
            state.label = nested
            return nested, body, True
        state.last_number = _parts(number)
        state.label = number
        if "." not in number or block.style is Style.HEADING or heading_like(body):
            state.top = number.split(".")[0]
        return number, body, True
    lettered = _LETTERED_HEADING.match(block.text)
    if lettered and state.top and not _TERMINAL.search(block.text):
        state.label = f"{state.top}({lettered['letter']})"
        return state.label, lettered["title"], True
    if heading:
        state.label = state.top = state.nested_in = ""
        return "", block.text, False
    return state.label, block.text, False


def _nested_label(number: str, block: Block, state: _State) -> str:
    """ "33(1)" for a list numbered afresh inside numbered paragraph 33, or "" when the number
    continues the document's own numbering."""
    if "." in number or not number.isdigit() or block.style is Style.HEADING:
        return ""
    n = int(number)
    if state.nested_in and n == state.nested_last + 1:
        state.nested_last = n
        return f"{state.nested_in}({n})"
    state.nested_in = ""
    if n == 1 and state.top.isdigit() and state.label == state.top and int(state.top) > 1:
        state.nested_in, state.nested_last = state.top, 1
        return f"{state.top}(1)"
    return ""


def _judgement_row(block: Block) -> str:
    """The printed number of a judgement table row set as text ("2.2 Adoption performance
    Requires improvement"), or ""."""
    match = _NUMBER.match(block.text)
    body = block.text[match.end() :] if match else ""
    if match and _GRADE_END.search(body) and heading_like(body):
        return match["num"]
    return ""


# A line ending on a word that needs more after it ("Resolved: that") is the start of a
# sentence, not a heading.
_OPEN_END = re.compile(r"\b(that|to|the|and|of|or|for|with|by|in|a|an)$", re.I)
_QUOTED_END = re.compile(r"(?:^|[\s:])['‘\"“].+['’\"”]$")  # ends on a title in quotes


def _headings(blocks: Sequence[Block]) -> list[bool]:
    """Which blocks are headings (`_is_heading`). Plain short lines that lead only to a styled
    heading, or to the end of the paper, head nothing: in minutes, "Jo Rockall (Secondary school
    teacher representative)" and "Maggie Stacey (Head teacher representative)" list co-opted
    members before "Apologies for Absence"; "Abe P P P Ap P" is a row of an attendance table.
    A run of them leading to text is headings ("Information about this Local Authority area",
    "Children living in this area", then the text)."""
    heads = [_is_heading(b) for b in blocks]
    run: list[int] = []  # plain heading lines since the last other block
    for i, block in enumerate(blocks):
        if block.style is Style.SEPARATOR:
            continue
        if heads[i] and block.style is not Style.HEADING:
            run.append(i)
            continue
        if heads[i]:
            for j in run:
                heads[j] = False
        run = []
    for j in run:  # nothing after them: an attendance table's rows, an address
        heads[j] = False
    return [
        h and (b.style is Style.HEADING or not _list_entry(b))
        for h, b in zip(heads, blocks, strict=True)
    ]


def _list_entry(block: Block) -> bool:
    """A plain line that names a day or ends on a title in quotes ("Scrutiny on 25th November
    2010: Agenda Item 3", "Agenda Item 2: 'Safeguarding in the Health Service'") is an entry of
    a list of meetings or papers, part of the numbered section that lists it ("8 Background
    Papers"), not a heading. It still counts as a short line in a run of them: "Date Wednesday
    16 March 2016" on a cover leads, with the lines around it, to a styled heading."""
    return bool(_QUOTED_END.search(block.text) or find_dates(block.text))


def _is_heading(block: Block) -> bool:
    """A heading by style, or a plain short line that reads as one ("Summary of key findings",
    "What does the Local Authority need to improve?"): PDFs often set headings in body type.
    A field of a cover sheet or contact block ("Report published: 17 February 2016", "Lead
    inspector: Gary Lamb") is not one, whatever its type: it heads nothing."""
    if FIELD.match(block.text):
        return False
    if block.style is Style.HEADING:
        return not _OPEN_END.search(block.text)
    text = block.text
    return (
        block.style is Style.BODY
        and len(text) <= 80
        and len(text.split()) <= 12
        and text[:1].isupper()
        and not re.search(r"[.;:,-]$", text)
        and not _OPEN_END.search(text)
    )


def _parts(number: str) -> tuple[int, ...]:
    return tuple(int(re.sub(r"\D", "", part)) for part in number.split("."))


def _own_number(block: Block, state: _State) -> tuple[str, str] | None:
    match = _NUMBER.match(block.text)
    if not match:
        return None
    number, body = match["num"], block.text[match.end() :]
    parts = _parts(number)
    if parts[0] == 0:
        return None
    dotted = "." in number or number[-1].isalpha()
    if not dotted and not match["dot"] and parts[0] <= 31 and _MONTH_NAME.match(body):
        return None
    if block.style is Style.BULLET and not dotted:
        return None  # "10 children are..." in a list is a count, not a paragraph number
    if dotted or match["dot"] or block.style is Style.HEADING or heading_like(body):
        return number, body
    if state.last_number and parts == (state.last_number[0] + 1,):
        return number, body
    return None


def heading_like(text: str) -> bool:
    """Short and unpunctuated, as a section title is ("Supporting Information")."""
    return len(text) <= 90 and not _TERMINAL.search(text) and text[:1].isupper()


# "Field: value" lines of covers and contact blocks: dates, people by role, contact details.
FIELD = re.compile(
    r"^(?:[\w ]{0,30}\b(?:date|dates|published|issued?|inspector|manager|officer|analyst|"
    r"author|clerk|tel|telephone|textphone|phone|fax|e-?mail|web|website|enquiries)|[TEW]|"
    r"wards?|ward\(s\)|report to)\s*:\s*\S",
    re.IGNORECASE,
)


def _recurring_headings(blocks: list[Block], heads: Sequence[bool]) -> frozenset[str]:
    """Headings printed more than once in a document: "Summary" and "Inspection findings" under
    each judgement of an Ofsted report, "Recommendations" for the council and for the LSCB."""
    counts = Counter(_heading_key(b.text) for b, h in zip(blocks, heads, strict=True) if h)
    return frozenset(text for text, n in counts.items() if n > 1)


def _parents_promoted(
    blocks: list[Block], heads: Sequence[bool], recurring: frozenset[str]
) -> tuple[list[Block], frozenset[str]]:
    """The blocks, and the headings that a recurring heading follows with nothing between but
    a grade ("The experiences and progress of children looked after", "Inadequate", "Summary"):
    those are sections the recurring headings divide. Each is raised to its first recurring
    heading's level when set smaller: an Ofsted report prints the judgement in bold body type
    and its "Inspection findings" in a larger type, yet the findings are part of the judgement."""
    promoted = list(blocks)
    parents: set[str] = set()
    candidate: int | None = None  # a distinct heading with nothing printed under it yet
    parent: int | None = None  # the section the recurring headings now seen divide
    for i, block in enumerate(blocks):
        if GRADE_ONLY.match(block.text.strip()):
            continue
        if not heads[i]:
            candidate = None
        elif _heading_key(block.text) not in recurring:
            candidate, parent = i, None
        else:
            if candidate is not None:
                parent, candidate = candidate, None
                parents.add(_heading_key(blocks[parent].text))
            if parent is not None and max(promoted[parent].level, 1) > max(block.level, 1):
                promoted[parent] = replace(promoted[parent], level=block.level)
    return promoted, frozenset(parents)


def _heading_key(text: str) -> str:
    """A heading as compared: as the section path keeps it (`_short`), case and spaces aside."""
    return " ".join(_short(text).lower().split())


def _enter_section(state: _State, block: Block, label: str, title: str) -> None:
    if not label and GRADE_ONLY.match(title.strip()):
        return  # "Inadequate" under a judgement's heading is its grade, not a heading
    if not label and _heading_key(title) in state.recurring:
        # a recurring heading closes the one before it and nests in the section it divides
        while state.sections and _heading_key(state.sections[-1][1]) in state.recurring:
            state.sections.pop()
        if state.sections and _heading_key(state.sections[-1][1]) in state.parents:
            state.sections.append((state.sections[-1][0] + 1, _short(title)))
            return
    if label:
        depth = label.count(".") + (1 if "(" in label else 0)
        level = NUMBERED_LEVEL + 2 * depth
        title = (
            f"{label} {title}".strip() if "(" not in label else f"({label.split('(')[1]} {title}"
        )
    elif block.level:
        level = block.level
    elif any(open_level >= NUMBERED_LEVEL for open_level, _ in state.sections):
        level = NUMBERED_LEVEL + 1  # "Current Situation" between 5.4 and 5.5: a part of 5
    else:
        level = state.plain_level
    while state.sections and state.sections[-1][0] >= level:
        state.sections.pop()
    state.sections.append((level, _short(title)))


# Section levels: headings set apart by type are 1 (largest) and down, a heading set in body
# type sits below them all, numbered sections below those ("5", then "5.1" and "4(a)") with an
# unnumbered heading inside a numbered section between the section and its subsections.
NUMBERED_LEVEL = 10


def _short(title: str) -> str:
    return title if len(title) <= 120 else title[:117].rsplit(" ", 1)[0] + "..."


def _locator(block: Block, label: str, nth_on_page: int) -> str:
    if label:
        return f"para {label}"
    if block.style is Style.FOOTNOTE:
        return f"p. {block.page}, footnote"
    return f"p. {block.page}, ¶{nth_on_page}"


# the locators `number_paragraphs` writes for a table row and an unnumbered paragraph
_TABLE_ROW = re.compile(r"^p\. \d+, table row (?P<row>\S+)$")
_NTH_ON_PAGE = re.compile(r"^p\. \d+, ¶(?P<nth>\d+)$")


def table_row(paragraph: Paragraph) -> str:
    """The printed number of a judgement table row ("2.2"), or "" for any other paragraph."""
    match = _TABLE_ROW.match(paragraph.locator)
    return match["row"] if match else ""


def nth_on_page(paragraph: Paragraph) -> int:
    """Where an unnumbered paragraph stands on its page (3 for "p. 12, ¶3"), or 0."""
    match = _NTH_ON_PAGE.match(paragraph.locator)
    return int(match["nth"]) if match else 0


def span_locator(paragraphs: Sequence[Paragraph]) -> str:
    """One locator for paragraphs cited as one place on the page, in printed order: parts of
    one printed paragraph keep its "para 33"; rows of one table are "p. 11, table rows 1-3"
    (or "rows 1, 2.2 and 3" where rows between were not cited); a run of unnumbered paragraphs
    is "p. 6, ¶13-17"."""
    first, last = paragraphs[0], paragraphs[-1]
    if len(paragraphs) == 1 or first.label:
        return first.locator
    rows = [table_row(p) for p in paragraphs]
    if all(rows):
        run = all(b.seq - a.seq == 1 for a, b in zip(paragraphs, paragraphs[1:], strict=False))
        listed = f"{rows[0]}-{rows[-1]}" if run else f"{', '.join(rows[:-1])} and {rows[-1]}"
        return f"p. {first.page}, table rows {listed}"
    if nth_on_page(first) and nth_on_page(last):
        return f"p. {first.page}, ¶{nth_on_page(first)}-{nth_on_page(last)}"
    return first.locator


_MERGED_MAX_CHARS = 2500


def attach_list_items(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Bullets, lettered items and unnumbered follow-on paragraphs that belong to a numbered
    paragraph become part of it, as they are part of it on the page: "para 5.14" is the sentence
    and the list under it, "para 61" both blocks printed under 61. One printed number is one
    citation. Unnumbered lists stay item by item (each is its own finding, found by its page
    locator)."""
    merged: list[Paragraph] = []
    for paragraph in paragraphs:
        lead = merged[-1] if merged else None
        if (
            lead is not None
            and paragraph.style in ("bullet", "body")
            and paragraph.label
            and paragraph.label == lead.label
            and lead.style in ("body", "bullet")
            and len(lead.text) + len(paragraph.text) < _MERGED_MAX_CHARS
        ):
            joint = "\n• " if paragraph.style == "bullet" else "\n"
            merged[-1] = replace(
                lead,
                text=f"{lead.text}{joint}{paragraph.text}",
                last_page=max(lead.last_page, paragraph.last_page),
            )
        else:
            merged.append(paragraph)
    return [replace(p, seq=i) for i, p in enumerate(merged)]
