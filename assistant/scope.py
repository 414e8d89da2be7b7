"""Which sentences may answer a question, beyond its years and day (`abstain.in_year_scope`,
`abstain.of_the_day`): whose words it asks for, and what kind of line can answer it.

Each is a rule about questions in general:
- "What did Ofsted (the inspection, the Ofsted report) say about ...?" asks for Ofsted's words:
  a council strategy that repeats the question's words is not what Ofsted said (`ofsteds_own`).
- "What did the 2013 inspection say ...?" asks for that paper: a 2016 report recalling "the
  previous inspection in 2013" is not it (`of_the_paper_named`).
- "What did the monitoring visit say ...?" asks for that kind of paper: the monitoring visit
  letters, and news reporting a visit (`of_the_kind_named`).
- A cover's field ("Inspection date: ...", "Lead inspector: ...") answers when, who or how many,
  never a topic (`may_answer`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from assistant.abstain import MIN_SCORE
from assistant.intent import Intent
from assistant.recommendations import is_ofsteds
from assistant.scoring import Scored
from assistant.types import Document, Kind, Paragraph
from ingest.numbering import FIELD

_OFSTED_SAID = re.compile(
    # "Ofsted said", "the inspectors found", "the inspection found", "the Ofsted report says"
    r"\b(?:ofsted(?:'s)?(?:\s+report)?|inspectors?|inspections?)\s+"
    r"(?:say|said|says|find|found|finds|think|thinks|thought|reported|concludes?|concluded|"
    r"describes?|described|identify|identifies|identified|make of|raises?|raised|"
    r"criticis(?:e|es|ed)|criticiz(?:e|es|ed)|prais(?:e|es|ed))\b",
    re.IGNORECASE,
)


def may_answer(sentence: Scored, intent: Intent) -> bool:
    """A cover's field ("Inspection date: 19 November - 11 December 2013", "Lead inspector: Gary
    Lamb") answers when, who or how many, and nothing about a topic: "what did the 2013
    inspection say about early help?" quoted the inspection date."""
    return intent.leads or not FIELD.match(sentence.text)


def ofsteds_own(
    question: str, eligible: list[Scored], intent: Intent, documents: Iterable[Document]
) -> list[Scored]:
    """For a question about what Ofsted (or the inspectors) said, the sentences of Ofsted's
    papers and of news reporting them, when one of them is strong enough to answer; all
    `eligible` sentences (best first) otherwise. A question about an inspection whose report is
    not among `documents` (the catalogue's) is answered from the papers that report on it: "what
    did the 2011 inspection say ...?" from the committee report on it, not from later reports
    recalling that "the previous inspection was in May 2011"."""
    if not _OFSTED_SAID.search(question) or not _has_report_on(intent.years, documents):
        return eligible
    own = [
        s
        for s in eligible
        if is_ofsteds(s.hit.document)
        or (s.hit.document.kind == Kind.NEWS and "ofsted" in s.hit.document.title.lower())
    ]
    return own if own and own[0].score >= MIN_SCORE else eligible


def of_the_paper_named(
    eligible: list[Scored], intent: Intent, documents: Iterable[Document]
) -> list[Scored]:
    """For "what did the 2013 inspection say ...", the sentences of the papers reporting on
    2013 (dated that year or the next). With no Ofsted report on the year among `documents`
    (the catalogue's), a paper of the year answers only when it is strong enough: "what did the
    2011 inspection say about safeguarding?" is answered from the 2011 committee report on it,
    not from later reports recalling that safeguarding was "also inspected in April 2011"; with
    no such paper, those accounts must stay. All `eligible` sentences otherwise. Undated papers
    pass."""
    if not intent.names_paper:
        return eligible
    year = intent.years[0]
    own = [
        s
        for s in eligible
        if s.hit.document.kind not in _MEETING_PAPERS
        and (not s.hit.document.years or s.hit.document.reports_on(year))
    ]
    if _has_report_on((year,), documents):
        return own or eligible
    return own if own and own[0].score >= MIN_SCORE else eligible


# A meeting's own papers are no "2016 report" or "2013 inspection", though they may mention one.
_MEETING_PAPERS = frozenset({Kind.MINUTES, Kind.AGENDA, Kind.WORK_PROGRAMME})


def _has_report_on(years: Iterable[str], documents: Iterable[Document]) -> bool:
    """Whether an Ofsted paper among `documents` reports on each of `years` (True for none)."""
    reports = [d for d in documents if is_ofsteds(d)]
    return all(any(d.reports_on(year) for d in reports) for year in years)


# "the fourth monitoring visit", "the latest work programme": which paper of the kind
_WHICH = (
    r"(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|latest|last|most recent|"
    r"recent|later|previous|current)\s+)?"
)
# Kinds of paper a question names by the words people use for them. Not "minutes" (of core
# groups, of conferences) nor "report" (every paper is one).
_KINDS_NAMED = (
    (
        re.compile(rf"\b{_WHICH}(?:monitoring|focused) (?:visits?|letters?)\b", re.IGNORECASE),
        Kind.MONITORING_VISIT,
    ),
    (re.compile(rf"\b{_WHICH}work programmes?\b", re.IGNORECASE), Kind.WORK_PROGRAMME),
    (
        re.compile(
            rf"\b{_WHICH}(?:news|press)\s+(?:articles?|items?|stor(?:y|ies)|reports?|releases?)\b",
            re.IGNORECASE,
        ),
        Kind.NEWS,
    ),
)


def papers_by_kind_named(
    documents: Iterable[Document], paper: Callable[[str], list[Paragraph]]
) -> dict[Kind, frozenset[str]]:
    """For each kind a question can name (`_KINDS_NAMED`), the doc_ids of its papers and of the
    news items that mention it: "Managers at Slough need to identify practice weaknesses sooner,
    says Ofsted" reports a monitoring visit."""
    documents = list(documents)
    news = {d.doc_id: " ".join(p.text for p in paper(d.doc_id)) for d in documents
            if d.kind == Kind.NEWS}  # fmt: skip
    return {
        kind: frozenset(
            [d.doc_id for d in documents if d.kind == kind]
            + [doc_id for doc_id, text in news.items() if pattern.search(text)]
        )
        for pattern, kind in _KINDS_NAMED
    }


def kind_named(question: str, intent: Intent) -> Kind | None:
    """The kind of paper the question asks one of ("the fourth monitoring visit"); None when it
    names none, or also names years or asks for a change over time ("what did the 2016
    inspection find, and had it improved by the later monitoring visit?"), which wants more
    than one paper, or asks about a meeting, whose minutes answer."""
    if intent.over_time or intent.years or _AT_A_MEETING.search(question):
        return None
    return next((kind for pattern, kind in _KINDS_NAMED if pattern.search(question)), None)


# "what changes did we agree to the work programme at the January meeting?": the minutes say,
# and the work programme is what they are about
_AT_A_MEETING = re.compile(r"\bmeetings?\b|\bminutes\b", re.IGNORECASE)


def of_the_kind_named(
    question: str, eligible: list[Scored], intent: Intent, papers: dict[Kind, frozenset[str]]
) -> list[Scored]:
    """For "what did the monitoring visit say about management oversight?", the sentences of
    the papers of that kind (`papers_by_kind_named`), when one is strong enough to answer; all
    `eligible` sentences otherwise (see `kind_named`), except for a question of when or who."""
    kind = kind_named(question, intent)
    if kind is None:
        return eligible
    own = [s for s in eligible if s.hit.document.doc_id in papers.get(kind, ())]
    if own and own[0].score >= MIN_SCORE:
        return own
    if intent.when or intent.who:
        # "when did the fourth monitoring visit happen, who led it?" asks about the paper
        # itself: another paper answers only where it speaks of one (not the 2016 inspection's
        # own dates and lead inspector)
        pattern = next(p for p, k in _KINDS_NAMED if k == kind)
        return [s for s in eligible if pattern.search(_with_section(s.hit.paragraph))]
    return eligible


def papers_of_the_kind_named(
    question: str, intent: Intent, papers: dict[Kind, frozenset[str]]
) -> frozenset[str]:
    """The papers of the kind the question names ("the latest monitoring visit"), or none when
    it names no kind or there is no paper of it."""
    kind = kind_named(question, intent)
    return papers.get(kind, frozenset()) if kind else frozenset()


def _with_section(paragraph: Paragraph) -> str:
    return f"{paragraph.section_path}\n{paragraph.text}"


def kind_note(
    question: str, intent: Intent, papers: dict[Kind, frozenset[str]], answer: list[Scored]
) -> str:
    """What a reader must know when the kind of paper asked for is not where the answer comes
    from: none of the documents is one, or none of them answers this closely."""
    kind = kind_named(question, intent)
    if kind is None or any(s.hit.document.doc_id in papers.get(kind, ()) for s in answer):
        return ""
    if not papers.get(kind):
        return f"None of these documents is a {kind} paper; this answer is from other papers."
    return f"The {kind} papers do not answer this closely; this answer is from other papers."


def without_kind_named(question: str, intent: Intent, papers: dict[Kind, frozenset[str]]) -> str:
    """The question as its sentences are scored: a kind of paper it names, when there are such
    papers, chooses the paper (`of_the_kind_named`) and is not its topic; otherwise "the fourth
    monitoring visit since ..." would answer what the visit said about management oversight."""
    if kind_named(question, intent) is None:
        return question
    for pattern, kind in _KINDS_NAMED:
        if papers.get(kind):
            question = pattern.sub(" ", question)
    return question
