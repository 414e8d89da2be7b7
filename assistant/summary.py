"""Questions asking for a paper's summary, answered with the summary the paper prints.

"Summarise the 2016 Ofsted report" or "What were the key findings of the 2013 inspection?" name
a paper and no topic. Sentence scoring would answer them with whatever repeats the question's
words ("The full Ofsted report, published on the 17 February 2016, is attached as Appendix A").
Reports print their own summary under a heading ("Executive summary", "Summary of key
findings", "Summary"), and that is the answer: its paragraphs in printed order, each cited, each
by its opening sentences.

The paper is the first retrieved one that prints such a section, among those in the years the
question names and, when it says "Ofsted" or "inspection", among Ofsted's papers.

An Ofsted report also prints a summary under each area it judges ("Leadership, management and
governance" > "Summary"): a question about that area and nothing narrower ("What did Ofsted say
about leadership in 2015?") is answered with it.

Like those summaries, a row a paper heads with a day ("Thursday 21st April" in a work programme)
is read from where it is printed: it answers a question about that day when no paper is dated
it (`day_sentences`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from assistant.definitions import Lookup, spelled_out
from assistant.intent import Intent
from assistant.recommendations import asks_about_ofsted, is_ofsteds
from assistant.scoring import Scored, TermWeights
from assistant.types import Document, Hit, Kind, Paragraph, papers_of
from ingest.dates import MONTH, find_dates
from ingest.numbering import FIELD
from ingest.sentences import paragraph_sentences

_ASKS = re.compile(
    r"\bsummar(?:y|ies|ise|ize|ised|ized)\b|\boverview\b|\bheadlines?\b|"
    # a report's summary leads with its main weaknesses; its strengths may come after the cut
    r"\b(?:key|main|biggest|major) (?:findings|issues|points|messages|concerns|weaknesses|"
    r"failings|criticisms|problems)\b|"
    # "what did the focused visit find?": a paper's findings, no topic named
    r"^what did\b[^?]{0,60}\b(?:find|say|conclude)\W*$",
    re.IGNORECASE,
)
_HEADING = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s*)?(?:executive summary|summary of (?:the )?(?:key |main )?"
    r"findings|summary|key findings|main findings|headline findings|overview)\W*$",
    re.IGNORECASE,
)
# Words that name the paper or ask for its summary, not a topic to summarise.
_NOT_A_TOPIC = (
    "summary summaries summarise summarize summarised summarized key main findings find found "
    "overview headline headlines report reports inspection inspections inspector inspectors "
    "ofsted review paper document letter monitoring focused visit visits council borough local "
    "news article item story press release "
    "authority say says said conclude concluded "
    "give brief briefly "
    "quick short latest last previous biggest major issues points messages concerns weaknesses "
    "failings criticisms problems"
)
# What a question about an area asks of Ofsted, not the area: "what did Ofsted say about ...".
_SAYS = "say says said find finds found think thought tell told make made of"
MAX_PARAGRAPHS = 8  # of the summary section, quoted in printed order...
MAX_SENTENCES = 2  # ...each by its opening sentences, so that the answer stays a summary
PASSAGES = 20  # the retrieved passages whose papers are looked at


def asks_for_summary(question: str, weights: TermWeights) -> bool:
    """Whether the question asks for a paper's summary and names no topic of its own ("the LSCB's
    strengths and weaknesses - summary for a board paper" names one: it is answered as usual)."""
    if not _ASKS.search(question):
        return False
    named = f"{_NOT_A_TOPIC} {MONTH.replace('|', ' ')}"  # "the March 2017 letter"
    not_topic = set(weights.tokenize(named)) | weights.framing | weights.authorities
    return not [t for t in weights.tokenize(question) if t not in not_topic and not t.isdigit()]


def answer_sentences(
    question: str,
    hits: Sequence[Hit],
    paragraphs_of: Callable[[str], list[Paragraph]],
    intent: Intent,
    of_kind: frozenset[str] = frozenset(),
) -> list[Scored]:
    """The summary section of the paper the question names, or [] when no retrieved paper in
    scope prints one. `paragraphs_of(doc_id)` gives a paper's paragraphs in order; `of_kind`,
    the papers of the kind the question names ("the monitoring visit"), when there are any."""
    papers = _papers_in_scope(hits, question, intent)
    if of_kind:  # "the main findings of the latest monitoring visit": not the inspection's
        papers = (d for d in papers if d.doc_id in of_kind)
    for document in papers:
        paragraphs = paragraphs_of(document.doc_id)
        section = _summary_section(paragraphs) or (
            # a news item's opening paragraphs are its summary, as news is written
            _opening(paragraphs) if is_ofsteds(document) or document.kind == Kind.NEWS else []
        )
        if section:  # a summary of one paragraph is quoted whole: it is short already
            return quoted(section, document, whole=len(section) == 1)
    return []


def area_sentences(
    question: str,
    hits: Sequence[Hit],
    paragraphs_of: Callable[[str], list[Paragraph]],
    intent: Intent,
    weights: TermWeights,
    lookup: Lookup | None = None,
    of_kind: frozenset[str] = frozenset(),
) -> list[Scored]:
    """For a question about an area an Ofsted report judges and nothing narrower ("What did
    Ofsted say about leadership in 2015?"), the summary printed under that area's heading
    ("Leadership, management and governance" > "Summary"); [] otherwise. `lookup` gives an
    acronym's long form (the glossary's), so that "the LSCB" names "The Local Safeguarding
    Children Board is inadequate"; `of_kind`, the papers of the kind the question names ("what
    did the news article say about managers?"), when there are any."""
    question = spelled_out(question, lookup)
    not_topic = set(weights.tokenize(f"{_NOT_A_TOPIC} {_SAYS}")) | weights.framing
    not_topic |= weights.authorities
    topic = {t for t in weights.tokenize(question) if t not in not_topic and not t.isdigit()}
    if not topic:
        return []
    for document in filter(is_ofsteds, _papers_in_scope(hits, question, intent)):
        if of_kind and document.doc_id not in of_kind:
            continue
        paragraphs = paragraphs_of(document.doc_id)
        summaries = dict.fromkeys(
            p.section for p in paragraphs if len(p.section) >= 2 and _HEADING.match(p.section[-1])
        )
        for path in summaries:
            if topic <= set(weights.tokenize(path[-2])):
                section = [p for p in paragraphs if p.section == path and p.style != "heading"]
                return quoted(section[:MAX_PARAGRAPHS], document)
    return []


def day_sentences(
    question: str, hits: Sequence[Hit], paragraphs_of: Callable[[str], list[Paragraph]]
) -> list[Scored]:
    """For a question naming a day that no paper is dated ("what's on the agenda for 21 April
    2016?"), what a retrieved paper prints under a heading naming that day ("Thursday 21st
    April", a work programme's row): the heading, then its paragraphs up to the next list's
    announcement ("To be programmed:"); [] when there is none."""
    days = set(find_dates(question))
    if not days or any(hit.document.date in days for hit in hits):
        return []  # the papers of the day answer (abstain.of_the_day)
    for document in papers_of(hits[:PASSAGES]):
        paragraphs = paragraphs_of(document.doc_id)
        for i, heading in enumerate(paragraphs):
            if heading.style == "heading" and names_day(heading.text, days):
                under: list[Paragraph] = []
                for paragraph in paragraphs[i + 1 : i + 1 + MAX_PARAGRAPHS]:
                    if paragraph.style == "heading" or paragraph.text.rstrip().endswith(":"):
                        break
                    under.append(paragraph)
                if under:
                    return quoted([heading, *under], document, whole=True)
    return []


def names_day(text: str, days: set[str]) -> bool:
    """Whether `text` prints one of `days` (ISO), with its year or, as a row of a year's
    programme does, without one ("Thursday 21st April")."""
    return any(day in find_dates(f"{text} {day[:4]}") for day in days)


def quoted(
    paragraphs: Sequence[Paragraph], document: Document, whole: bool = False
) -> list[Scored]:
    """`paragraphs` of `document` as an answer's sentences, in the order given: each paragraph
    by its opening `MAX_SENTENCES`, or `whole`."""
    return [
        Scored(Hit(p, document, 0.0, 0, ()), i, text, 0.0, 0.0, 0.0)
        for p in paragraphs
        for i, text in enumerate(
            paragraph_sentences(p.text, p.label)[: None if whole else MAX_SENTENCES]
        )
    ]


def _papers_in_scope(hits: Sequence[Hit], question: str, intent: Intent) -> Iterator[Document]:
    """The papers of the best `PASSAGES` hits, each once, in rank order: those in the years the
    question names, and Ofsted's own when it says "Ofsted" or "inspection"."""
    for document in papers_of(hits[:PASSAGES]):
        if intent.years and not any(document.reports_on(year) for year in intent.years):
            continue
        if is_ofsteds(document) or not asks_about_ofsted(question):
            yield document


def _opening(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """An Ofsted paper's opening prose, up to its first heading after it: the summary of a report
    that prints none under a heading ("Services for children in Westshire have improved since
    ..." between the judgement table and "What needs to improve"). Cover lines ("Lead inspector:
    ...") and table rows are no part of it."""
    section: list[Paragraph] = []
    for paragraph in paragraphs:
        if paragraph.style == "heading":
            if section:
                break
        elif paragraph.style == "body" and not FIELD.match(paragraph.text):
            section.append(paragraph)
            if len(section) == MAX_PARAGRAPHS:
                break
    return section


def _summary_section(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs under the paper's first summary heading, up to the next heading."""
    start = next(
        (
            i
            for i, p in enumerate(paragraphs)
            if p.style == "heading" and _HEADING.match(" ".join(p.text.split()))
        ),
        None,
    )
    if start is None:
        return []
    section: list[Paragraph] = []
    for paragraph in paragraphs[start + 1 :]:
        if paragraph.style == "heading" or len(section) == MAX_PARAGRAPHS:
            break
        section.append(paragraph)
    return section
