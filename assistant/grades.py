"""Questions about Ofsted grades, answered first from the judgements ingest extracted.

A grade is printed once, in a judgement table or a "graded judgement ... is" sentence, and a
question about it ("ofsted 2016 overall judgement", "why did care leavers only 'require
improvement' in 2016?") should lead with that line, cited, before any discussion around it. A
question that states a grade the documents do not record (a false premise) gets a note saying
what they do record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from assistant.compose import JUDGEMENT
from assistant.definitions import Lookup, spelled_out
from assistant.intent import Intent, paper_years
from assistant.scoring import Scored, TermWeights
from assistant.types import Document, Hit, Judgement, Paragraph
from ingest.dates import MONTH
from ingest.judgements import GRADES
from ingest.sentences import strip_label

_ASKS_GRADE = re.compile(
    r"\bjudge?ments?\b|\bjudge[sd]?\b|\bgraded?\b|\bgrades\b|\brated\b|\bratings?\b|\binadequate\b|"
    # "how did Ofsted rate the LSCB?": the verb, not "a rate of 45.9 per 10,000"
    r"\b(?:did|does|do)\s+(?:[\w']+\s+){0,2}rate\b|"
    r"\brequires? improvement\b|\boutstanding\b|"
    r"\b(?:become|became|becoming|been)\s+good\b|"  # "when did services become good?"
    r"\binspections?\b.*\b(?:results?|outcomes?)\b|\b(?:results?|outcomes?)\b.*\binspect",
    re.IGNORECASE,
)
# "good" only as a verdict ("judge the LSCB to be good", "rated good"): "rather than good" and
# "a good corporate parent" state no grade.
_STATED_GRADE = re.compile(
    r"\b(inadequate|requires? improvement|outstanding)\b|"
    r"\b(?:judged?|rated|graded|found)\s+"
    r"(?:(?!(?:than|rather|not|requires?|improvement|inadequate|outstanding)\b)\w+\s+){0,6}?"
    r"(?:to\s+be\s+|as\s+)?(good)\b|"
    r"\b(?:become|became|becoming|been)\s+(good)\b",
    re.I,
)
# Words of a question about grades in general: what was judged, by whom, and when.
_GRADE_WORDS = (
    "judgement judgements judgment judgments judged grade graded grades rated rating ratings "
    "inadequate requires require improvement outstanding good overall compare compared "
    "comparison ofsted inspection inspections inspected report council local authority "
    "children childrens services carried out took place conducted published get got given "
    "receive received awarded"
)
_MONTH_NAME = re.compile(rf"\b(?:{MONTH})\b", re.IGNORECASE)  # "the November-December 2013 one"
# A question that asks for the reasons wants the findings behind a grade, not more grades.
_ASKS_WHY = re.compile(r"\bwhy\b|\breasons?\b|\bexplain|\bbecause\b|\bhow come\b", re.I)
_STATES_GRADE = re.compile(rf"\b(?:{GRADES}|require improvement)\b", re.IGNORECASE)
AREA_SHARE = 0.5  # of an area's words ("care leavers", "adoption performance") the question names
OVERALL = "Overall effectiveness"  # the area name ingest gives the overall grade
# "the overall judgement", or the service as a whole: "when did Slough's children's services
# become good?"
_OVERALL = re.compile(r"\boverall\b|\bchildren'?s'? services\b", re.IGNORECASE)
# An inspection report's front page says when it inspected and when it was published; a question
# that follows grades over time, or asks when, gets those lines before each paper's grades.
_DATES_LINE = re.compile(r"^(?:inspection dates?|report published)\s*:", re.IGNORECASE)
_ASKS_WHEN = re.compile(r"\bwhen\b|\btimeline\b|\bhistory\b|\bdates?\b", re.IGNORECASE)


# A sentence giving a verdict: "The Local Authority was judged to be adequate", "Ofsted judged
# Safeguarding Services ... as 'inadequate'", "The LSCB is inadequate".
_VERDICT = re.compile(
    rf"\b(?:judged?|rated|graded)\b[^.;]{{0,80}}?\b(?:{GRADES})\b|"
    r"\b(?:is|are|was|were)\s+(?:judged\s+)?(?:to\s+be\s+)?"
    r"(?:inadequate|requires? improvement|outstanding)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class GradeLead:
    sentences: list[Scored]  # the judgement lines, to lead the answer
    note: str  # says what the documents record when the question states another grade
    grades_only: bool = False  # the question asks for grades and nothing else, not why

    def keeps(self, sentence: Scored) -> bool:
        """Whether other evidence belongs after the judgement lines: for "what was the 2016
        judgement?" only sentences that state a grade do; for "why?" all of it."""
        return not self.grades_only or bool(_STATES_GRADE.search(sentence.text))

    def with_verdicts(self, chosen: list[Scored], scored: Sequence[Scored]) -> list[Scored]:
        """`chosen` with, after each of its paragraphs, that paragraph's other sentences giving a
        verdict: the grades of a paper that prints no judgement table ("The previous inspection
        ... was in May 2011. The Local Authority was judged to be adequate.")."""
        taken = {id(s) for s in chosen}
        verdicts: dict[str, list[Scored]] = {}
        for sentence in scored:
            if id(sentence) not in taken and _VERDICT.search(sentence.text):
                verdicts.setdefault(sentence.hit.paragraph.id, []).append(sentence)
        last = {s.hit.paragraph.id: i for i, s in enumerate(chosen)}
        result: list[Scored] = []
        for i, sentence in enumerate(chosen):
            result.append(sentence)
            if last[sentence.hit.paragraph.id] == i:
                result += verdicts.pop(sentence.hit.paragraph.id, [])
        return result


def grade_lead(
    question: str,
    intent: Intent,
    judgements: Sequence[Judgement],
    paragraphs: dict[str, Paragraph],
    documents: dict[str, Document],
    weights: TermWeights,
    score: float,
    lookup: Lookup | None = None,
    paper: Callable[[str], Sequence[Paragraph]] | None = None,
) -> GradeLead | None:
    """The judgement lines a question about grades asks for (`score` is given to each, the best
    sentence's, so they lead without pushing the rest of the evidence out), or None. `lookup`
    gives an acronym's long form (the glossary's); `paper`, a paper's paragraphs (for the lines
    giving its inspection dates)."""
    if not _ASKS_GRADE.search(question):
        return None
    chosen: list[tuple[Judgement, Paragraph, Document]] = []
    for judgement in judgements:
        paragraph = paragraphs.get(judgement.paragraph_id or "")
        document = documents.get(judgement.doc_id)
        if paragraph is None or document is None or not _in_years(document, intent):
            continue
        if _names_area(question, judgement.area, weights, lookup):
            chosen.append((judgement, paragraph, document))
    # "what grade did the LSCB get?": the area named is what the grade is of, not another topic
    areas = " ".join(dict.fromkeys(j.area for j, _, _ in chosen))
    if not chosen and _only_about_grades(question, weights):
        # "how did the 2016 judgements compare with 2013?" names no area: each year's whole table
        chosen = [
            (j, paragraphs[j.paragraph_id], documents[j.doc_id])
            for j in judgements
            if j.paragraph_id in paragraphs
            and j.doc_id in documents
            and _in_years(documents[j.doc_id], intent)
        ]
    if not chosen:
        return None
    if all(j.area == OVERALL for j, _, _ in chosen):  # "the overall judgement": the whole table
        papers = {d.doc_id for _, _, d in chosen}
        chosen += [
            (j, paragraphs[j.paragraph_id], documents[j.doc_id])
            for j in judgements
            if j.doc_id in papers and j.area != OVERALL and j.paragraph_id in paragraphs
        ]
    lines = [(p, d) for _, p, d in chosen]
    if paper is not None and (intent.over_time or _ASKS_WHEN.search(question)):
        papers = {d.doc_id: d for _, d in lines}
        lines += [(p, d) for d in papers.values() for p in paper(d.doc_id) if _dates_line(p)]
    lines.sort(key=lambda item: (item[1].date or "", item[0].seq))
    # As list items: a table row has no full stop to end it in running text.
    sentences = [
        Scored(Hit(p, d, score, 0, (JUDGEMENT,)), 0, f"• {_row(p)}", 1.0, 1.0, score)
        for p, d in dict.fromkeys(lines)
    ]
    asked = spelled_out(question, lookup)
    named = f"{areas} {spelled_out(areas, lookup)}"
    grades_only = _only_about_grades(asked, weights, named) and not _ASKS_WHY.search(question)
    return GradeLead(sentences, _note(question, [j for j, _, _ in chosen]), grades_only)


def _dates_line(paragraph: Paragraph) -> bool:
    return bool(_DATES_LINE.match(paragraph.text.strip()))


def _only_about_grades(question: str, weights: TermWeights, areas: str = "") -> bool:
    """Whether the question asks about grades and nothing else ("how was Slough rated in 2016?",
    not "what was the rating of the youth club in 2016?"); the words of `areas`, the areas the
    grades are of, ask nothing more ("what grade did the Local Safeguarding Children Board
    get?")."""
    question = _MONTH_NAME.sub(" ", question)
    words = set(weights.tokenize(question)) - weights.framing - set(weights.tokenize(_GRADE_WORDS))
    words -= weights.authorities | set(weights.tokenize(areas))
    return not {w for w in words if not w.isdigit()}


def _row(paragraph: Paragraph) -> str:
    return strip_label(" ".join(paragraph.text.split()), paragraph.label)


def _names_area(question: str, area: str, weights: TermWeights, lookup: Lookup | None) -> bool:
    """Whether the question names the area, as printed or, for an acronym such as "LSCB", by
    the long form the papers define for it ("Local Safeguarding Children Board"): a run of the
    name's words, together in the question too ("care leavers"; not the "children's improvement
    board" of "Children Board")."""
    if area == OVERALL:
        return bool(_OVERALL.search(question))
    said = weights.tokenize(question)
    names = [area, (lookup(area) if lookup else None) or ""]
    for name in names:
        words = weights.tokenize(name)
        if words and _longest_common_run(words, said) / len(set(words)) >= AREA_SHARE:
            return True
    return False


def _longest_common_run(a: Sequence[str], b: Sequence[str]) -> int:
    """The length of the longest run of words that `a` and `b` both have, in the same order."""
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match().size


def _in_years(document: Document, intent: Intent) -> bool:
    if not intent.years:
        return True
    return any(intent.admits(year) for year in paper_years(document, intent))


def _note(question: str, judgements: Sequence[Judgement]) -> str:
    stated = {_grade_key(m) for found in _STATED_GRADE.findall(question) for m in found if m}
    recorded = {_grade_key(j.grade) for j in judgements}
    if not stated or stated & recorded:
        return ""
    overall = [j for j in judgements if j.area == OVERALL]  # the table under it is cited anyway
    rows = dict.fromkeys(f"{j.area}: {j.grade.lower()}" for j in overall or judgements)
    found = "; ".join(rows)
    said = " or ".join(sorted(stated))
    return f"The documents do not record a grade of '{said}' here. They record: {found}."


def _grade_key(grade: str) -> str:
    grade = grade.lower()
    return "requires improvement" if grade.startswith("require") else grade
