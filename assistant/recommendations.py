"""Recommendations: what a report asks to be done, found by where it is printed.

Reports print their recommendations under a heading ("Recommendations", "Areas for improvement",
"What does the Local Authority need to improve?", an inspection's "What needs to improve?", a
visit letter's "Areas for priority action", a committee report's "Recommendation(s)/Proposed
Action"), and an Ofsted finding that led to one ends "(Recommendation)". Retrieval by meaning
finds the findings a question is about, not the recommendations made on them, so a question
about recommendations is answered from these paragraphs:

- "what did Ofsted recommend about return home interviews?" names a topic: the recommendation
  sentences that best answer it;
- "list the recommendations in the 2016 report" names none: one report's recommendations section,
  whole, in printed order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.abstain import MIN_SCORE, decide
from assistant.compose import select
from assistant.intent import Intent
from assistant.scoring import Scored, TermWeights
from assistant.types import INSPECTIONS, Document, Hit, Paragraph, reports_on
from index.filters import Filters, date_number

_ASKED = re.compile(
    r"\brecommend\w*|\bareas? for (?:priority action|improvement)\b|\bneeds? to improve\b|"
    r"\bproposed actions?\b|"
    # "what should the council do next?", "what must the trust do?": what a report asks for
    r"\bwhat (?:should|must|ought)\b[\w' ]{0,40}?\bdo\b|\bnext steps?\b|"
    # "what did the 2013 inspection ask the LSCB to do?", "what are we told to do?" (but not
    # "when do we have to do a screening?")
    r"\bask(?:s|ed)?\b[\w' ]{0,40}?\bto do\b|"
    r"\bwhat\b[\w' ]{0,30}?\b(?:told|tells?|required|expected)\b[\w' ]{0,30}?\bto do\b|"
    # "what does the council need to do about CSE?", "what has the trust got to do?"
    r"\bwhat\b[\w' ]{0,40}?\b(?:needs?|got|ha(?:ve|s))\s+to do\b",
    re.IGNORECASE,
)
_HEADING = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s*)?(?:recommendations?\b|recommendation\(s\)|"
    r"areas? for (?:priority action|improvement)\b|"
    r"what (?:(?:does|do) [\w ]{0,40})?needs? to improve\b)",
    re.IGNORECASE,
)
_FLAGGED = re.compile(r"\(Recommendations?\)\s*$")
# Words that say which paper or that recommendations are wanted, not what they should be about.
_NOT_A_TOPIC = (
    "recommend recommends recommended recommendation recommendations area areas improvement "
    "improve need needs proposed action actions report reports inspection inspections ofsted "
    "list all main key full every each make made give latest last previous "
    "should must ought do next step steps according say says said council trust"
)
_OFSTED = re.compile(r"\bofsted\b|\binspect(?:ion|ions|ors?)\b", re.IGNORECASE)
# What a committee's papers recommend to it: "the recommendations to the scrutiny panel"
_COUNCILS_OWN = re.compile(
    r"\b(?:committee|panel|scrutiny|cabinet|officers?|members|councillors|minutes)\b",
    re.IGNORECASE,
)
MAX_LISTED = 15  # paragraphs of one recommendations section quoted in full
_MAX_GAP = 2  # positions between two paragraphs of one section (a sub-heading between them)


def asks_for_recommendations(question: str) -> bool:
    return bool(_ASKED.search(question))


def findings_first(question: str, eligible: list[Scored]) -> list[Scored]:
    """For a question that does not ask what a report recommends, the sentences outside its
    recommendations sections, when one is strong enough to answer; all `eligible` (best first)
    otherwise. A recommendation shares its finding's words ("Ensure that children ... express
    their views"), and would otherwise answer "what did Ofsted find about children's views?"
    with what Ofsted asked for instead of what it found."""
    if asks_for_recommendations(question):
        return eligible
    found = [s for s in eligible if not under_heading(s.hit.paragraph)]
    return found if found and found[0].score >= MIN_SCORE else eligible


def asks_about_ofsted(question: str) -> bool:
    """Whether the question says "Ofsted" or "inspection": it wants Ofsted's own papers."""
    return bool(_OFSTED.search(question))


def wants_ofsteds(question: str) -> bool:
    """Whether the recommendations asked for are Ofsted's: a question naming Ofsted or an
    inspection, or naming no committee, panel or officers. "The recommendations in the 2016
    report" are the inspection's, not the committee report's "The Panel is recommended to ..."
    in the same month's pack."""
    return asks_about_ofsted(question) or not _COUNCILS_OWN.search(question)


def is_ofsteds(document: Document) -> bool:
    """An inspection report, an LSCB review or a monitoring-visit letter."""
    return document.kind in INSPECTIONS


def under_heading(paragraph: Paragraph) -> bool:
    """Printed in a recommendations section (not a heading itself)."""
    return paragraph.style != "heading" and any(_HEADING.match(h) for h in paragraph.section)


def is_recommendation(paragraph: Paragraph) -> bool:
    """A recommendation, or a finding flagged "(Recommendation)"."""
    if paragraph.style == "heading":
        return False
    return under_heading(paragraph) or bool(_FLAGGED.search(paragraph.text))


def topic_terms(question: str, weights: TermWeights) -> set[str]:
    """What the recommendations asked for should be about, as index terms (none for "list the
    recommendations in the 2016 report")."""
    not_topic = set(weights.tokenize(_NOT_A_TOPIC)) | weights.authorities
    return {t for t in weights.query_terms(question) if t not in not_topic and not t.isdigit()}


def listed(question: str, scored: Sequence[Scored]) -> list[Scored]:
    """Every sentence, in printed order, of the recommendations section holding the best-scored
    recommendation (in an Ofsted paper when the question names Ofsted or an inspection), at most
    `MAX_LISTED` paragraphs, without a line that only repeats the heading."""
    candidates = [
        s
        for s in scored
        if under_heading(s.hit.paragraph) and s.text.strip() != _section_heading(s.hit.paragraph)
    ]
    if wants_ofsteds(question):
        candidates = [s for s in candidates if is_ofsteds(s.hit.document)] or candidates
    if not candidates:
        return []
    best = max(candidates, key=lambda s: s.score).hit.paragraph
    same_paper = [s for s in candidates if s.hit.paragraph.doc_id == best.doc_id]
    section = _run_around(sorted({s.hit.paragraph.seq for s in same_paper}), best.seq)
    kept = [s for s in same_paper if s.hit.paragraph.seq in section[:MAX_LISTED]]
    return sorted(kept, key=lambda s: (s.hit.paragraph.seq, s.position))


def _run_around(seqs: list[int], seq: int) -> list[int]:
    """The run of paragraph positions holding `seq` with no gap wider than a heading between
    neighbours: one recommendations section, not every one in the paper (a full report has its
    own and its LSCB review's)."""
    runs: list[list[int]] = []
    for n in seqs:
        if runs and n - runs[-1][-1] <= _MAX_GAP:
            runs[-1].append(n)
        else:
            runs.append([n])
    return next((run for run in runs if seq in run), [seq])


def _section_heading(paragraph: Paragraph) -> str:
    return next((h for h in paragraph.section if _HEADING.match(h)), "")


def hits_in_scope(
    paragraphs: Sequence[Paragraph],
    documents: dict[str, Document],
    filters: Filters,
    intent: Intent,
) -> list[Hit]:
    """Hits for `paragraphs` that retrieval does not find by the question's words (the
    recommendations, a meeting's venue) that pass the search filters and, for a question about
    one or more years (not a comparison), are in those years' papers."""
    years = intent.years if not intent.over_time else ()
    hits = []
    for paragraph in paragraphs:
        document = documents.get(paragraph.doc_id)
        if document is None:
            continue
        date = document.date or ""
        if not filters.admits(document.doc_id, str(document.kind), date_number(date)):
            continue
        if years and not (date and any(reports_on(date, y) for y in years)):
            continue
        hits.append(Hit(paragraph, document, 0.0, 0, ("recommendations",)))
    return hits


def answer_sentences(
    question: str, eligible: Sequence[Scored], intent: Intent, weights: TermWeights
) -> list[Scored]:
    """The sentences answering a question about recommendations: one section listed whole when
    the question names no topic, else the recommendations that answer it; none when they do
    not (the question is then answered from all the evidence as usual)."""
    recommended = [s for s in eligible if is_recommendation(s.hit.paragraph)]
    if not recommended:
        return []
    if not topic_terms(question, weights):
        return listed(question, recommended)
    if wants_ofsteds(question):  # not a committee report's recommendation to its panel
        recommended = [s for s in recommended if is_ofsteds(s.hit.document)] or recommended
    if not decide(question, recommended, intent, weights).answerable:
        return []
    chosen = select(recommended, intent)
    # what was recommended first, then the findings flagged "(Recommendation)" that led to it
    return sorted(chosen, key=lambda s: not under_heading(s.hit.paragraph))
