"""People named where papers print them: who attended a meeting, who wrote a report.

Minutes open with who was there: "Present:- Councillors Abe (Vice-Chair, in the Chair at the
outset), Pantelic, ...", the co-opted members, then "Apologies for Absence:- Councillor Bal".
Sentence scoring misses these lines ("attended" is not a word they use, and a list of names is
nothing like the question), so a question asking who attended, was present or sent apologies is
answered with them, quoted whole, from the minutes it names by day or month, or, naming neither,
the first minutes among the retrieved passages. Minutes of another meeting never answer a
question naming a date: "who attended the March 2016 meeting?" is not answered from January's.
A question about attendance across the year's meetings ("the attendance record", "who has
missed the most meetings?") is answered with the members' attendance record when a retrieved
paper is one, quoted whole: a row per member, a column per meeting, and the key to its codes.

A committee report prints who wrote it on its cover ("CONTACT OFFICER: Krutika Pau (Interim
Director of Children's Services)", "Author Robina Khan, ..."). "Who wrote the report on the
Ofsted inspection?" is answered with that line from the first retrieved paper that prints one.

An Ofsted paper prints who inspected: a report its team ("The inspection team consisted of eight
of Her Majesty's Inspectors (HMI) from Ofsted.", "Lead inspector: ...", "Team inspectors: ..."),
a letter a sentence ("His Majesty's Inspectors for this visit were Helen Carter and Tom Reid.").
"Who carried out the 2016 inspection?" shares no word with those lines but "inspection", and the
model ranks "The inspection ... was carried out under section 136 of the Education and
Inspections Act 2006" far above them; the lines are its answer, from the Ofsted paper the
question means. "Who led it?" is the lead inspector's line alone, which sentence scoring finds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from assistant.definitions import Lookup, spelled_out
from assistant.recommendations import is_ofsteds
from assistant.references import written_date
from assistant.scoring import Scored, TermWeights
from assistant.summary import quoted
from assistant.types import Document, Hit, Kind, Paragraph, papers_of
from ingest.dates import MONTH, find_dates, month_number

_MEETING = r"(?:meeting|panel|committee|board|cabinet|council)"
_ASKS = re.compile(
    # the verb right after "who": "who was the lead member when the report came out?" is not
    r"\bwho\s+(?:else\s+|actually\s+|all\s+)?(?:attend(?:ed|s)?|"
    r"(?:was|were) (?:present|there|absent)|(?:sent|gave|offered) (?:their )?apologies|"
    r"apologi[sz]ed)\b"
    rf"|\b(?:attendance|attendees|apologies)\b[^?]*?\b{_MEETING}\b"
    rf"|\b{_MEETING}\b[^?]*?\b(?:attendance|attendees|apologies)\b"
    r"|\bmissed\b[^?]*?\bmeetings?\b",  # not "missing children ... strategy meetings"
    re.IGNORECASE,
)
# Attendance over many meetings, not at one: the record answers, not a meeting's minutes.
_RECORD = r"\battendance (?:record|register)s?\b|\bregister of attendance\b"
_ASKS_RECORD = re.compile(
    rf"{_RECORD}|\b(?:most|least|fewest|how many|how often|every|all)\b[^?]*?\bmeetings\b|"
    r"\bmeetings\b[^?]*?\b(?:most|least|fewest|how many|how often)\b",
    re.IGNORECASE,
)
_RECORD_TITLE = re.compile(_RECORD, re.IGNORECASE)
MAX_RECORD = 40  # a record's heading, dates, a row per member and the key
# The lines that say who was there, as minutes print them.
_ATTENDANCE = re.compile(
    r"^\W*(?:present|also present|in attendance|officers? present|apologies(?: for absence)?|"
    r"absent)\b",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"\b({MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
MAX_PARAGRAPHS = 8  # from "Present" to the last attendance line: co-opted members in between
PASSAGES = 20  # the retrieved passages whose papers are looked at


# "who wrote ...", "who is the contact officer for ...": not "who is the chair?"
_ASKS_AUTHOR = re.compile(
    r"\bwho\s+(?:wrote|writes|authored|prepared|drafted)\b"
    r"|\bwho\s+(?:is|was)\s+(?:the\s+)?(?:author|contact(?: officer)?|report author)\b"
    r"|\b(?:author|contact officer|report author)\s+(?:of|for)\b",
    re.IGNORECASE,
)
# The cover line naming who wrote a paper, or whom to ask about it.
_AUTHOR_LINE = re.compile(r"^\W*(?:contact officers?|report author|authors?|lead officer)\b", re.I)


# "who carried out the 2016 inspection?", "who were the inspectors?", "which inspectors did the
# focused visit?": not "who did the inspection criticise?" nor "who led it?" (the lead's line)
_ASKS_INSPECTORS = re.compile(
    r"\bwho\s+(?:carried out|conducted|undertook|performed|inspected)\b"
    r"|\bwho\s+did\s+(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?(?:inspection|visit)s?\b"
    r"(?:\s+(?:in|of|to)\s+[\w -]+)?\s*\??\s*$"
    r"|\bwho\s+(?:were|was|are|is)\s+(?:on\s+|in\s+)?(?:the\s+)?(?:inspectors|inspection team)\b"
    r"|\b(?:which|what)\s+inspectors\b|\bnames?\s+of\s+the\s+inspectors\b",
    re.IGNORECASE,
)
_INSPECTED = re.compile(r"\b(?:inspect\w*|visit\w*|HMI)\b", re.IGNORECASE)
# "Lead inspector: Gary Lamb", "Deputy lead inspector: ...", "Team inspectors: ..."
_INSPECTOR_FIELD = re.compile(
    r"^\W*(?:(?:lead|deputy lead|team|additional|senior|assistant)\s+)?(?:inspectors?|HMIs?)\s*:",
    re.IGNORECASE,
)
# A sentence saying who the team were: not "His Majesty's Inspector" under a signature.
_TEAM = re.compile(
    r"\b(?:inspection team|Majesty['’]s Inspectors?|HMIs?)\b[^.]*?"
    r"\b(?:consisted|comprised|included|were|was carried out by|was conducted by)\b"
    r"|\b(?:carried out|conducted|undertaken) by (?:His|Her) Majesty['’]s Inspectors?\b",
    re.IGNORECASE,
)
MAX_TEAM_LINES = 6  # the team's sentence, the lead, the deputy, the team, the analyst


def asks_who_attended(question: str) -> bool:
    return bool(_ASKS.search(question))


def asks_who_wrote(question: str) -> bool:
    return bool(_ASKS_AUTHOR.search(question))


def asks_who_inspected(question: str) -> bool:
    return bool(_ASKS_INSPECTORS.search(question)) and bool(_INSPECTED.search(question))


def inspector_sentences(
    question: str,
    hits: Sequence[Hit],
    paragraphs_of: Callable[[str], list[Paragraph]],
    years: Sequence[str] = (),
    of_kind: frozenset[str] = frozenset(),
) -> list[Scored]:
    """Who inspected, as the Ofsted paper the question means prints it (see the module
    docstring): the first retrieved Ofsted paper reporting on the question's `years`, of the
    papers of the kind it names (`of_kind`, "the focused visit") when there are any, and not a
    visit's letter when it asks about an inspection. [] when none prints who inspected."""
    asks_inspection = "inspection" in question.lower() and "visit" not in question.lower()
    for document in papers_of(hits[:PASSAGES]):
        if not is_ofsteds(document) or (of_kind and document.doc_id not in of_kind):
            continue
        if years and not any(document.reports_on(y) for y in years):
            continue
        if asks_inspection and document.kind == Kind.MONITORING_VISIT:
            continue
        lines = _team_lines(paragraphs_of(document.doc_id), document)
        if lines:
            return lines[:MAX_TEAM_LINES]
    return []


def _team_lines(paragraphs: Sequence[Paragraph], document: Document) -> list[Scored]:
    """A paper's inspector fields whole and its sentences saying who the team were, in printed
    order."""
    lines: list[Scored] = []
    for paragraph in paragraphs:
        if _INSPECTOR_FIELD.match(paragraph.text):
            lines += quoted([paragraph], document, whole=True)
        elif _TEAM.search(paragraph.text):  # split into sentences only the paragraphs naming one
            lines += [s for s in quoted([paragraph], document, whole=True) if _TEAM.search(s.text)]
    return lines


def author_sentences(
    question: str,
    hits: Sequence[Hit],
    paragraphs_of: Callable[[str], list[Paragraph]],
    weights: TermWeights,
    lookup: Lookup | None = None,
) -> list[Scored]:
    """The line naming who wrote the paper the question means: of the retrieved papers that
    print one, the one whose title covers most of the question, the first retrieved among
    equals; [] when none prints one. `lookup` gives an acronym's long form (the glossary's), so
    that "the LSCB report" names "... the Local Safeguarding Children Board"."""
    terms = weights.query_terms(spelled_out(question, lookup))
    best: tuple[float, Document, Paragraph] | None = None
    for document in papers_of(hits[:PASSAGES]):
        head = paragraphs_of(document.doc_id)[:PASSAGES]
        line = next((p for p in head if _AUTHOR_LINE.match(p.text)), None)
        named = weights.coverage(terms, document.title)
        if line is not None and (best is None or named > best[0]):
            best = (named, document, line)
    return quoted([best[2]], best[1], whole=True) if best else []


def attendance_sentences(
    question: str, hits: Sequence[Hit], paragraphs_of: Callable[[str], list[Paragraph]]
) -> list[Scored]:
    """The attendance record, for attendance across meetings, or else the attendance lines of
    the minutes the question means (see the module docstring); [] when no retrieved paper
    prints either. `paragraphs_of(doc_id)` gives a paper's paragraphs."""
    if _ASKS_RECORD.search(question) and not find_dates(question):
        record = next((d for d in papers_of(hits) if _RECORD_TITLE.search(d.title)), None)
        if record is not None:
            return quoted(paragraphs_of(record.doc_id)[:MAX_RECORD], record, whole=True)
    minutes = [d for d in papers_of(hits[:PASSAGES]) if d.kind == Kind.MINUTES]
    named = papers_of_the_date(minutes, question)
    for document in minutes if named is None else named:
        lines = attendance(paragraphs_of(document.doc_id))
        if lines:
            return quoted(lines, document, whole=True)
    return []


def members_summoned(
    question: str, documents: Iterable[Document], paragraphs_of: Callable[[str], list[Paragraph]]
) -> tuple[list[Scored], str]:
    """For "who attended the March 2016 meeting?" when no minutes of it are held, the members
    its agenda summons ("(Councillors Pantelic (Chair), Abe (Vice Chair), ...", the co-opted
    members), with a note that they are not a record of who came; ([], "") when the question
    names no day or month, its minutes are held, or no agenda of it lists members."""
    papers = list(documents)
    minutes = papers_of_the_date([d for d in papers if d.kind == Kind.MINUTES], question)
    agendas = papers_of_the_date([d for d in papers if d.kind == Kind.AGENDA], question)
    if minutes is None or minutes or not agendas:
        return [], ""
    for agenda in agendas:
        lines = _members_lines(paragraphs_of(agenda.doc_id))
        if lines:
            note = NO_MINUTES.format(day=written_date(agenda.date))
            return quoted(lines, agenda, whole=True), note
    return [], ""


NO_MINUTES = (
    "The papers hold no minutes of the meeting of {day}, so they do not record who attended. "
    "Its agenda lists the members summoned:"
)
_MEMBERS = re.compile(r"^\W*councillors?\b", re.IGNORECASE)  # "(Councillors Pantelic (Chair), ..."
MAX_MEMBER_LINES = 16  # councillors wrapped over lines, then each kind of co-opted member's names
_COVER_FIELD = re.compile(r"^\W*(?:date|time|venue|agenda|notice|contact|scrutiny officer)\b", re.I)


def _members_lines(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """An agenda cover's members: from the councillors' line to the next field ("DATE AND
    TIME:"), within `MAX_MEMBER_LINES`."""
    start = next((i for i, p in enumerate(paragraphs) if _MEMBERS.match(p.text)), None)
    if start is None:
        return []
    lines = []
    for paragraph in paragraphs[start : start + MAX_MEMBER_LINES]:
        if _COVER_FIELD.match(paragraph.text):
            break
        lines.append(paragraph)
    return lines


def attendance(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """From the first attendance line to the last one within `MAX_PARAGRAPHS` of it."""
    start = next((i for i, p in enumerate(paragraphs) if _ATTENDANCE.match(p.text)), None)
    if start is None:
        return []
    window = paragraphs[start : start + MAX_PARAGRAPHS]
    end = max(i for i, p in enumerate(window) if _ATTENDANCE.match(p.text))
    return list(window[: end + 1])


def papers_of_the_date(papers: list[Document], question: str) -> list[Document] | None:
    """The papers of the day or month the question names; None when it names neither."""
    days = set(find_dates(question))
    if days:
        return [d for d in papers if d.date in days]
    months = {f"{year}-{month_number(name):02d}" for name, year in _MONTH_YEAR.findall(question)}
    if months:
        return [d for d in papers if (d.date or "")[:7] in months]
    return None
