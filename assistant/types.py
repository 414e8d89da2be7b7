"""The values that flow between layers: file -> Document -> Paragraph -> Hit -> Answer.

Small frozen dataclasses with no behaviour beyond formatting. This module imports nothing of ours,
so every layer can depend on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePath


class Kind(StrEnum):
    """What a document is. The values are what users see and filter on."""

    OFSTED_INSPECTION = "Ofsted inspection"
    LSCB_REVIEW = "LSCB review"
    MONITORING_VISIT = "monitoring visit"
    COMMITTEE_REPORT = "committee report"
    MINUTES = "minutes"
    AGENDA = "agenda"
    STRATEGY = "strategy or plan"
    WORK_PROGRAMME = "work programme"
    NEWS = "news"
    OTHER = "other"


# the kinds an inspectorate writes: their findings, judgements and recommendations are its own
INSPECTIONS = frozenset({Kind.OFSTED_INSPECTION, Kind.LSCB_REVIEW, Kind.MONITORING_VISIT})


@dataclass(frozen=True)
class Document:
    """One paper. A file usually holds one; an agenda pack holds several (agenda, minutes, reports,
    appendices), each a Document with the page range it occupies in the source file."""

    doc_id: str
    title: str
    kind: Kind
    date: str | None  # ISO date, the one a reader would cite the paper by
    source: str  # file name of the source file
    first_page: int  # 1-based pages of the source file
    last_page: int
    sha256: str  # of the source file
    part_of: str | None = None  # title of the pack this paper was split from

    @property
    def pages(self) -> int:
        return self.last_page - self.first_page + 1

    @property
    def year(self) -> str | None:
        """The year of its date; for a paper that prints none, the one year its file is named
        with ("ofsted-2016-summary.pdf"), so that "the 2013 report" does not take it in."""
        if self.date:
            return self.date[:4]
        return self._named_year

    @property
    def years(self) -> tuple[str, ...]:
        """The years a reader may call the paper by: its date's, and the one year its file is
        named with. "ofsted-2014-slough-inspection-report.pdf", dated by its inspection's last
        day (11 December 2013) and published in 2014, is "the 2014 report" too."""
        return tuple(dict.fromkeys(y for y in (self.year, self._named_year) if y))

    def reports_on(self, year: str | int) -> bool:
        """Whether the paper can report on `year`: a report describes the year before it is
        published, so "the 2015 inspection" is in the paper dated 2016."""
        return any(reports_on(own, year) for own in self.years)

    @property
    def _named_year(self) -> str | None:
        years = set(_YEAR.findall(PurePath(self.source).stem))
        return years.pop() if len(years) == 1 else None


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class Paragraph:
    """One citable paragraph.

    `label` is the paragraph number exactly as printed ("49", "5.3", "4(a)"), or "" where the
    document prints none; `locator` always says where to look ("para 49" or "p. 12, ¶3").
    """

    doc_id: str
    seq: int  # order within the document, from 0
    label: str
    locator: str
    page: int  # 1-based page of the source file where the paragraph starts
    last_page: int
    section: tuple[str, ...]  # heading path, outermost first
    text: str
    style: str = "body"  # body, bullet, heading, table or footnote
    canonical: str | None = None  # id of the paragraph this one duplicates, if any

    @property
    def id(self) -> str:
        return f"{self.doc_id}#{self.seq}"

    @property
    def section_path(self) -> str:
        return " > ".join(self.section)


@dataclass(frozen=True)
class Judgement:
    """An Ofsted grade for one area, with the paragraph it is printed in."""

    doc_id: str
    area: str
    grade: str
    paragraph_id: str | None


@dataclass(frozen=True)
class Hit:
    """A paragraph returned by retrieval; wraps the paragraph rather than extending it."""

    paragraph: Paragraph
    document: Document
    score: float
    rank: int  # 1-based
    via: tuple[str, ...] = ()  # which retrievers found it: "dense", "bm25", "label"


def reports_on(date: str, year: str | int) -> bool:
    """Whether a paper dated `date` (ISO, or a year) can report on `year`: a report describes
    the year before it is published, so "the 2015 inspection" is in the paper dated 2016."""
    return int(year) <= int(date[:4]) <= int(year) + 1


def papers_of(hits: Sequence[Hit]) -> list[Document]:
    """The papers the hits are in, each once, in the order of their best hit."""
    papers: dict[str, Document] = {}
    for hit in hits:
        papers.setdefault(hit.document.doc_id, hit.document)
    return list(papers.values())


@dataclass(frozen=True)
class Citation:
    n: int
    hit: Hit  # one paragraph, or one spanning the parts cited as one (assistant.citing)
    quote: str  # the sentences of the paragraph the answer uses
    parts: tuple[Hit, ...] = ()  # the indexed paragraphs `hit` spans, when more than one

    @property
    def cited_hits(self) -> tuple[Hit, ...]:
        """The indexed paragraphs the citation stands for: its parts, or its one hit."""
        return self.parts or (self.hit,)

    @property
    def paragraph_ids(self) -> tuple[str, ...]:
        return tuple(h.paragraph.id for h in self.cited_hits)


@dataclass(frozen=True)
class Answer:
    question: str
    text: str  # with [n] markers
    citations: tuple[Citation, ...]
    hits: tuple[Hit, ...]
    abstained: bool
    timings: dict[str, float] = field(default_factory=dict)
    notice: str = ""  # e.g. "the language model was unreachable; this answer is extractive"
