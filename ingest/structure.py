"""Structure: split a file's blocks into papers, and give each a title, kind and date.

An agenda pack holds an agenda, minutes, reports and appendices back to back. Papers are told
apart by the marks councils print between them: "This page is intentionally left blank", a new
cover sheet ("REPORT TO:"), or a strategy or plan title with its years. Each part then gets a
kind from its cover (what a reader would call it) and the date a reader would cite it by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.types import INSPECTIONS, Kind
from ingest.blocks import Block, Style
from ingest.dates import find_dates
from ingest.judgements import GRADE_ONLY

_COVER = re.compile(r"^REPORT TO\b", re.I)
_PLAN_TITLE = re.compile(r"\b(strategy|action plan|strategic plan|protocol)\b", re.I)
# "Monitoring visit of Slough children's services", "Monitoring visit to ... local authority"
# a visit letter's subject line: "Monitoring visit of ...", "Focused visit to ..."
_VISIT_SUBJECT = re.compile(r"^(?:\w+ )?(?:monitoring|focused) visit\b[^.!?\n]{0,150}$", re.I)
_YEARS = re.compile(r"\b20\d\d\s*[-–/]\s*(20)?\d\d\b")
_FIELD_LINE = re.compile(
    r"^(report to|date|contact officer|for all enquiries|\(for all enquiries\)|wards?\(?s?\)?|"
    r"part i+|for (information|scrutiny|comment|decision|note)|to note|meeting|author)\b",
    re.I,
)


@dataclass(frozen=True)
class Part:
    title: str
    kind: Kind
    date: str | None
    blocks: list[Block]

    @property
    def first_page(self) -> int:
        return self.blocks[0].page

    @property
    def last_page(self) -> int:
        return max(block.end_page for block in self.blocks)


def split_parts(blocks: list[Block], file_title: str) -> list[Part]:
    """The papers in a file, in order. A file with one paper gives one part."""
    groups: list[list[Block]] = [[]]
    for i, block in enumerate(blocks):
        if block.style is Style.SEPARATOR:
            groups.append([])
            continue
        if _starts_paper(blocks, i, groups[-1]):
            groups.append([])
        groups[-1].append(block)
    groups = [group for group in groups if group]
    if len(groups) > 1:  # a scrap between two blank-page notices is not a paper
        groups = [group for group in groups if _substantive(group)]
    if not groups:
        return []
    parts = [_describe(group, file_title) for group in groups]
    pack_date = next((p.date for p in parts if p.kind is Kind.AGENDA and p.date), None)
    return [
        part if part.date or not pack_date else Part(part.title, part.kind, pack_date, part.blocks)
        for part in parts
    ]


def _starts_paper(blocks: list[Block], i: int, current: list[Block]) -> bool:
    if len(current) < 4:
        return False
    block = blocks[i]
    following = blocks[i + 1 : i + 3]
    if _COVER.match(block.text) or any(_COVER.match(b.text) for b in following[:1]):
        return not _COVER.match(block.text) or not _is_org_line(current[-1])
    if block.style is Style.HEADING and _PLAN_TITLE.search(block.text) and len(block.text) < 200:
        near = " ".join(b.text for b in [block, *following])
        return bool(_YEARS.search(near)) and not _PLAN_TITLE.search(current[-1].text)
    return False


def _is_org_line(block: Block) -> bool:
    return block.text.isupper() and len(block.text) < 60


def _substantive(group: list[Block]) -> bool:
    return sum(len(b.text) for b in group) > 40


def _describe(blocks: list[Block], file_title: str) -> Part:
    head = blocks[:15]
    kind = _kind(blocks, "\n".join(b.text for b in blocks[:30]))
    return Part(_title(blocks, kind, file_title), kind, _date(head, kind), blocks)


def _kind(blocks: list[Block], head: str) -> Kind:
    top = "\n".join(b.text for b in blocks[:4])
    if re.search(r"work programme", head, re.I):
        return Kind.WORK_PROGRAMME
    if re.search(r"attendance record", top, re.I):
        return Kind.OTHER
    if re.search(r"\bAGENDA\b", head) and re.search(r"notice of meeting|date of issue", head, re.I):
        return Kind.AGENDA
    if re.search(r"meeting held on", top, re.I):
        return Kind.MINUTES
    if re.search(r"^REPORT TO\b|^Author\b", head, re.I | re.M):
        return Kind.COMMITTEE_REPORT
    if re.search(r"^meeting\b.*\n?.*^date\b", head, re.I | re.M):
        return Kind.COMMITTEE_REPORT
    if _PLAN_TITLE.search(top):
        return Kind.STRATEGY
    return _inspection_kind(blocks, head)


def _inspection_kind(blocks: list[Block], head: str) -> Kind:
    text = " ".join(b.text for b in blocks)
    if (
        not re.search(r"inspection date", head, re.I)
        and re.search(r"contact us|cookies|website design|all rights reserved|©", text, re.I)
        and re.search(r"\b(said|says|has warned|added)\b", text)
    ):
        return Kind.NEWS
    # an Ofsted letter between inspections: a monitoring visit, or since 2018 a focused visit
    visit = re.search(r"(?:monitoring|focused) visit", head, re.I)
    if visit and not re.search(r"inspection date", head, re.I):
        return Kind.MONITORING_VISIT
    graded = any(GRADE_ONLY.match(b.text) for b in blocks[:6])
    if re.search(r"inspection date|inspection of services|ofsted", head, re.I) or graded:
        if re.search(r"review of the effectiveness of the local safeguarding", head, re.I) and not (
            re.search(r"inspection of services", head, re.I)
        ):
            return Kind.LSCB_REVIEW
        return Kind.OFSTED_INSPECTION
    return Kind.OTHER


def _title(blocks: list[Block], kind: Kind, file_title: str) -> str:
    head = [b for b in blocks[:15] if b.style is not Style.TABLE]
    if kind is Kind.AGENDA:
        return f"Agenda: {file_title}" if file_title else "Agenda"
    if kind is Kind.MINUTES:
        return head[0].text.rstrip(".").replace("**", "")
    if kind in (Kind.COMMITTEE_REPORT, Kind.WORK_PROGRAMME):
        subject = [
            b.text
            for b in head
            if b.text.isupper() and len(b.text) > 12 and not _FIELD_LINE.match(b.text)
        ]
        if kind is Kind.WORK_PROGRAMME:
            subject = [t for t in subject if "WORK PROGRAMME" in t] or subject
        if subject:
            return _readable_caps(max(subject, key=len), blocks)
    if kind is Kind.MONITORING_VISIT:
        # a letter opens with Ofsted's address and the addressee: its subject line names the visit
        subject = next((b.text for b in head if _VISIT_SUBJECT.match(b.text)), "")
        if subject:
            return subject
    first = head[0].text if head else file_title
    if len(head) > 1 and len(first) < 40 and len(head[1].text) < 200:
        second = head[1].text
        if not re.search(r"[.!?]$", second) and not re.match(r"^\w[\w ]*:", second):
            first = f"{first}: {second}"
    elif len(head) > 1 and _YEARS.fullmatch(head[1].text.strip()):
        first = f"{first} {head[1].text.strip()}"  # "... Trafficking Strategy" over "2015 – 2017"
    if first.isupper():
        first = _readable_caps(first, blocks)
    return first if len(first) < 200 else first[:197].rsplit(" ", 1)[0] + "..."


def _readable_caps(title: str, blocks: list[Block]) -> str:
    """An ALL CAPS cover title in title case, keeping the acronyms the paper uses as acronyms."""
    acronyms = {
        word
        for b in blocks
        if b.style is Style.BODY and not b.text.isupper()
        for word in re.findall(r"\b[A-Z]{2,5}s?\b", b.text)
    }
    small = {"of", "and", "for", "in", "the", "to", "a", "an", "on", "at", "by", "or", "with"}
    words = []
    for i, word in enumerate(title.split()):
        bare = re.sub(r"\W", "", word)
        if bare in acronyms:
            words.append(word)
        elif i and word.lower() in small:
            words.append(word.lower())
        else:
            words.append(word.capitalize())
    return " ".join(words)


_PUBLISHED = (r"^report published", 0)
_MEETING = (r"^date\b(?! of issue)|^date and time|meeting held on", 0)
_INSPECTED = (r"^inspection dates?", -1)
_ISSUED = (r"^date of issue", 0)


def _date(head: list[Block], kind: Kind) -> str | None:
    """The date a reader cites the paper by: a report's publication (or the end of the
    inspection), a committee paper's meeting."""
    texts = [b.text for b in head]
    inspection = kind in INSPECTIONS
    fields = [_PUBLISHED, _INSPECTED, _MEETING] if inspection else [_MEETING, _PUBLISHED, _ISSUED]
    for pattern, pick in fields:
        for i, text in enumerate(texts):
            if re.search(pattern, text, re.I | re.M):
                dates = find_dates(text) or find_dates(" ".join(texts[i + 1 : i + 3]))
                if dates:
                    return dates[pick]
    if kind in (Kind.NEWS, Kind.OTHER, Kind.STRATEGY):
        return None
    dates = find_dates(" ".join(texts))
    return dates[0] if dates else None
