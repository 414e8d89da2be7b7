"""What happened at a meeting, as its minutes record it: each item and what was resolved.

Minutes number their items ("28. Election of Chair") and close each with what the meeting
decided: "Resolved: that Cllr Pantelic be appointed Chair ...", or "Resolved: that" above a
numbered list. "What happened at the January 2016 meeting?" and "summarise the minutes" share
few words with any one of those lines, and sentence scoring answers them with the agenda's
"Minutes of the Meeting held on 28th January 2016 1 - 8"; their answer is the minutes' items
in printed order, each with its resolutions, quoted whole.

The minutes answering are those of the day or month the question names, the latest for "the
last meeting", else the first retrieved. A question on a topic ("what did the panel resolve
about the PFI contract?") is answered by sentence scoring, which finds that item's resolution.

"When is the next scrutiny panel meeting?" is answered with the "Date of Next Meeting - 21st
April 2016" line of the latest agenda or minutes of the committee it names: the papers' next
meeting, as of the latest of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from assistant.compose import LISTED, RESOLUTION
from assistant.intent import sub_questions
from assistant.people import papers_of_the_date
from assistant.scoring import Scored, TermWeights
from assistant.summary import quoted
from assistant.types import Document, Hit, Kind, Paragraph, papers_of

_MEETING = re.compile(r"\b(?:meetings?|minutes)\b", re.IGNORECASE)
# "what did the panel decide?" asks of a meeting; "summarise the committee report" of a paper
_BODY = re.compile(r"\b(?:panel|committee|cabinet)\b", re.IGNORECASE)
_PAPER = re.compile(r"\b(?:report|paper|strategy|plan|review|letter|inspection)s?\b", re.I)
_ASKS = re.compile(
    r"\bwhat\s+(?:happened|went on|took place)\b(?!\s+(?:to|with|about|over)\b)"
    r"|\bwhat\s+(?:was|were|got)\s+(?:decided|agreed|resolved|discussed|covered)\b"
    r"|\bwhat\s+did\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:decide|agree|resolve|discuss|cover)\b"
    r"|\b(?:summar(?:y|ise|ize)|overview|outcomes?|decisions|resolutions|key points)\b",
    re.IGNORECASE,
)
# A topic asked about: that item's resolution, which sentence scoring finds, not every item. A
# part of a question carries the first part's subject in brackets (`sub_questions`): "what did
# we resolve (CSE worries members raised at the 28 Jan panel)?".
_TOPIC = re.compile(
    r"\b(?:about|regarding|concerning|in relation to|on the (?!\d))\b|\(", re.IGNORECASE
)
_LAST = re.compile(r"\b(?:last|latest|most recent|previous)\s+(?:\w+\s+)?meeting\b", re.I)
_ITEM = re.compile(r"^\d+\.?\s+\S")  # "28. Election of Chair"
_RESOLVED = re.compile(r"^\W*resolved\b", re.IGNORECASE)
PASSAGES = 20  # the retrieved passages whose papers are looked at
# "When is the next scrutiny panel meeting?", "date of the next meeting"
_ASKS_NEXT = re.compile(
    r"\b(?:next|upcoming|following|future)\s+(?:[\w'’-]+\s+){0,3}?meeting\b", re.IGNORECASE
)
_NOT_A_COMMITTEE = "when what which date day time next upcoming following future meeting agenda"
_NEXT_LINE = re.compile(r"^\W*(?:\d+\.?\s*)?date of (?:the )?next meeting\b", re.IGNORECASE)


def asks_next_meeting(question: str) -> bool:
    return bool(_ASKS_NEXT.search(question))


def next_meeting_sentences(
    question: str,
    documents: Iterable[Document],
    paragraphs_of: Callable[[str], list[Paragraph]],
    weights: TermWeights,
) -> list[Scored]:
    """The "Date of Next Meeting - 21st April 2016" line of the latest agenda or minutes, of
    those whose title covers most of the question ("the next cabinet meeting" among several
    committees' papers), and what its item says of it ("this meeting had been moved to 16th
    March 2016"); [] when none prints one. The papers' next meeting, not today's."""
    asked = set(weights.tokenize(question)) - set(weights.tokenize(_NOT_A_COMMITTEE))

    def naming(document: Document) -> int:
        return len(asked & set(weights.tokenize(document.title)))  # "cabinet", "scrutiny"

    papers = [d for d in documents if d.kind in (Kind.AGENDA, Kind.MINUTES) and d.date]
    papers.sort(key=lambda d: (naming(d), d.date or ""), reverse=True)
    for document in papers:
        paragraphs = paragraphs_of(document.doc_id)
        start = next((i for i, p in enumerate(paragraphs) if _NEXT_LINE.match(p.text)), None)
        if start is not None:
            line = paragraphs[start]
            item = [line] + [
                p for p in paragraphs[start + 1 : start + 3] if p.label and p.label == line.label
            ]
            return quoted(item, document, whole=True)
    return []


def asks_what_happened(question: str) -> bool:
    """Whether the question asks what a meeting did as a whole: "what happened at the January
    2016 meeting?", "summarise the minutes", "what did the panel decide in January?". Not a
    question asking more ("who nominated Pantelic, and what happened with Cllr Bal?")."""
    if len(sub_questions(question)) > 1:
        return False
    meeting = _MEETING.search(question) or (_BODY.search(question) and not _PAPER.search(question))
    return bool(meeting and _ASKS.search(question) and not _TOPIC.search(question))


def outcome_sentences(
    question: str,
    hits: Sequence[Hit],
    documents: Iterable[Document],
    paragraphs_of: Callable[[str], list[Paragraph]],
) -> list[Scored]:
    """The items and resolutions of the minutes the question means (see the module docstring),
    [] when no minutes are meant or they print no numbered items. `documents` is the
    catalogue's; `paragraphs_of(doc_id)` gives a paper's paragraphs."""
    document = _minutes_meant(question, hits, documents)
    if document is None:
        return []
    return items_and_resolutions(paragraphs_of(document.doc_id), document)


def items_and_resolutions(paragraphs: Sequence[Paragraph], document: Document) -> list[Scored]:
    """Each numbered item's heading, starting a line of the answer (`LISTED`), and its
    resolutions on that line (`RESOLUTION`), in printed order: a paragraph's sentences from the
    one opening "Resolved", and the numbered paragraphs below a "Resolved: that" heading within
    the item. [] when the minutes record no resolution."""
    kept: list[Scored] = []
    resolving = False
    for paragraph in paragraphs:
        sentences = quoted([paragraph], document, whole=True)
        if paragraph.style == "heading" and _ITEM.match(paragraph.text):
            kept += [_as(s, LISTED) for s in sentences]
            resolving = False
        elif resolving and paragraph.label and paragraph.style != "heading":
            kept += [_as(s, RESOLUTION) for s in sentences]  # "1. The Panel receive a report"
        else:  # from "Resolved" to the paragraph's end, which may list what was resolved
            start = next((i for i, s in enumerate(sentences) if _RESOLVED.match(s.text)), None)
            resolved = [] if start is None else sentences[start:]
            kept += [_as(s, RESOLUTION) for s in resolved]
            resolving = bool(resolved) and paragraph.style == "heading"  # "Resolved: that"
    return kept if any(RESOLUTION in s.hit.via for s in kept) else []


def _as(sentence: Scored, via: str) -> Scored:
    return replace(sentence, hit=replace(sentence.hit, via=(via,)))


def _minutes_meant(
    question: str, hits: Sequence[Hit], documents: Iterable[Document]
) -> Document | None:
    minutes = [d for d in documents if d.kind == Kind.MINUTES]
    retrieved = [d for d in papers_of(hits[:PASSAGES]) if d.kind == Kind.MINUTES]
    if _LAST.search(question):
        dated = [d for d in minutes if d.date]
        return max(dated, key=lambda d: d.date or "") if dated else None
    named = papers_of_the_date(minutes, question)
    if named is not None:  # a day or month named: its minutes, the retrieved first
        ranked = [d for d in retrieved if d in named] + [d for d in named if d not in retrieved]
        return ranked[0] if ranked else None
    return retrieved[0] if retrieved else None
