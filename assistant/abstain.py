"""Deciding whether the retrieved evidence answers the question at all.

An extractive system always finds *something*; the question is whether it is about what was
asked. The decision uses three kinds of signal, each a rule about questions in general:

- strength: the best sentence's combined score (cosine similarity to the question plus the share
  of the question's rare words it covers) must clear a floor calibrated on the dev set;
- scope in time: a question about one year is answered from papers of that year or the next (a
  report describes the year before it) or from sentences naming the year;
- answer type: "how many" needs a sentence with a figure among the strong ones, one that covers
  much of the question itself (a figure about something else does not answer); "who was the
  lead member" (who holds a post) needs a name (capitalised words rare in the catalogue and not
  taken from the question); "who is leading the work" may be answered by an organisation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.intent import (
    Intent,
    counts_what_is_asked,
    has_figure,
    paper_years,
    without_dates,
)
from assistant.scoring import Scored, TermWeights, heading_above
from assistant.types import Paragraph
from ingest.dates import find_dates
from ingest.numbering import FIELD

MIN_SCORE = 0.62  # best sentence's combined score; measured on ../shared/eval/dev.jsonl
MIN_COVERAGE = 0.2  # best sentence's share of the question's term weight
FIGURE_WINDOW = 0.3  # a figure must be in a sentence this close to the best one...
FIGURE_COVERAGE = 0.45  # ...that itself covers this share of the question (dev: 0.49-0.91
# for questions with an answer, at most 0.40 for those without)
ROLE_WINDOW = 0.5  # ...and a name of who holds a post, this close
RARE_NAME_DF = 3  # a word in at most this many paragraphs can be part of a person's name
_CAPITALISED_PAIR = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+)\b")
# "Cllr Pantelic", "Councillor Bal", "Dr Smith": a title names a person whatever the word after it.
_TITLED = re.compile(
    r"\b(?:Cllrs?|Councill?ors?|Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Sir|Dame|Lord|Lady)\.?\s+"
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)


@dataclass(frozen=True)
class Decision:
    answerable: bool
    reason: str  # for logs and tests: which rule decided


def in_year_scope(sentence: Scored, intent: Intent) -> bool:
    """Whether a sentence may answer a question that names years (see the module docstring):
    one year, from that year's papers; several ("2013 compared with 2016"), from any of theirs;
    "since 2013", from papers of 2013 on; a period alone ("2015-16"), from papers dated in it or
    the year after. A paper the question names by a year counts in each of its years
    (`Document.years`: "the 2014 report" is dated December 2013), but "GCSEs in 2014" are not
    in it. Papers of no known year and sentences naming the year pass."""
    years = paper_years(sentence.hit.document, intent)
    if not intent.years and intent.periods and years:
        # "the budget in 2015-16": papers of the period or the year after, or naming its start
        return any(
            start <= int(year) <= end + 1 or str(start) in sentence.text
            for start, end in intent.periods
            for year in years
        )
    if not intent.years or not years or any(y in sentence.text for y in intent.years):
        return True
    return any(intent.admits(year) for year in years)


def on_topic_figures(scored: Sequence[Scored], question: str = "") -> list[Scored]:
    """Sentences with a figure the question does not name, strong (close to the best) and
    covering much of the question: what answers "how many"."""
    if not scored:
        return []
    floor = scored[0].score - FIGURE_WINDOW
    return [
        s
        for s in scored
        if s.score >= floor and has_figure(s.text, question) and s.lexical >= FIGURE_COVERAGE
    ]


def counting_figures(scored: Sequence[Scored], question: str) -> list[Scored]:
    """Strong sentences whose figure counts what "how many ..." asks about ("Ofsted reviewed 51
    files" for "how many case files did Ofsted look at?"), then the on-topic figures: the order
    in which they answer. Counting alone does not make a question answerable ("92% of
    statutory reviews" for "how many serious case reviews"), so only `on_topic_figures` decides
    that."""
    if not scored:
        return []
    floor = scored[0].score - FIGURE_WINDOW
    counting = [
        s
        for s in scored
        if s.score >= floor
        and has_figure(s.text, question)
        and counts_what_is_asked(s.text, question)
    ]
    return counting + [s for s in on_topic_figures(scored, question) if s not in counting]


def giving_a_place(scored: Sequence[Scored]) -> list[Scored]:
    """Sentences that give a place, what answers "where": a meeting's venue as its papers print
    it (`is_venue`) however low it scores, as "VENUS SUITE 2, ST MARTINS PLACE" under "VENUE:"
    on an agenda's cover shares no word with "where is the meeting?"; else a named room or
    building in a sentence close to the best (`ROLE_WINDOW`). Best first."""
    if not scored:
        return []
    floor = scored[0].score - ROLE_WINDOW
    return [s for s in scored if gives_place(s) and (s.score >= floor or is_venue(s.hit.paragraph))]


def gives_place(sentence: Scored) -> bool:
    """Whether a sentence gives a place: a venue (`is_venue`), a room or building by its name
    ("Venus Suite 2", "the Council Chamber") or a numbered street."""
    return is_venue(sentence.hit.paragraph) or bool(_VENUE.search(_named(sentence.text)))


def is_venue(paragraph: Paragraph) -> bool:
    """A meeting's place as papers print it: a "Venue: ..." line, or a line under a "VENUE:"
    label naming a room or giving a postcode. A postcode alone is no venue: Ofsted prints its
    own address on every report."""
    if _PLACE_FIELD.match(paragraph.text):
        return True
    return bool(
        _PLACE_LABEL.match(heading_above(paragraph))
        and (_POSTCODE.search(paragraph.text) or _VENUE.search(_named(paragraph.text)))
    )


def _named(text: str) -> str:
    """Text in capitals as names are written ("VENUS SUITE 2" -> "Venus Suite 2")."""
    return text.title() if text.isupper() else text


_PLACE = r"\s*(?:venue|location|address|place of meeting)\s*:"
_PLACE_FIELD = re.compile(rf"{_PLACE}(?=\s*\S)", re.IGNORECASE)  # "Venue: Council Chamber"
_PLACE_LABEL = re.compile(rf"{_PLACE}\s*$", re.IGNORECASE)  # "VENUE:", its value below it
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")  # "SL1 3UF"
_VENUE = re.compile(
    r"\b[A-Z][\w'’]+\s+(?:Suite|Room|Chamber|Hall|Centre|Offices)\b"
    r"|\b\d{1,4}\s+[A-Z][\w'’]+\s+(?:Road|Street|Lane|Avenue|Place|Square|Way)\b"
)


def naming_a_person(
    scored: Sequence[Scored], question: str, weights: TermWeights, intent: Intent | None = None
) -> list[Scored]:
    """Strong sentences (close to the best) that name a person, what answers "who": those
    covering most of the question first, then those adding fewest other words ("Lead inspector:
    Stephanie Murray" before "Deputy lead inspector: Sheena Doyle"). Who holds a post is looked
    for further down (`ROLE_WINDOW`): a cover line or an action plan's row names the holder
    ("CONTACT OFFICER: Krutika Pau (Interim Director of Children's Services)"), but the report's
    sentences about the post score higher."""
    if not scored:
        return []
    window = ROLE_WINDOW if intent is not None and intent.post_holder else FIGURE_WINDOW
    floor = scored[0].score - window
    named = [
        s
        for s in scored
        if (s.score >= floor or _asked_field(s, question, weights))
        and names_person(s.text, question, weights)
    ]
    asked = set(weights.tokenize(question))
    return sorted(named, key=lambda s: (-s.lexical, len(set(weights.tokenize(s.text)) - asked)))


def _asked_field(sentence: Scored, question: str, weights: TermWeights) -> bool:
    """A cover's field whose label holds much of the question ("Lead inspector: Stephanie
    Murray" for "who led the Nov-Dec 2015 inspection?"): a line of three words, which the model
    finds less like the question than any sentence about the inspection, and is its answer.
    The question's dates are left out of what the label must hold: they say which paper is
    meant (the year scope keeps to it), not what the field is about."""
    if not FIELD.match(sentence.text):
        return False
    undated = weights.query_terms(without_dates(question))
    own = weights.with_inflections(
        set(weights.tokenize(sentence.text)), weights.inflections(question)
    )
    return weights.coverage_of(undated, own, set()) >= FIGURE_COVERAGE


def of_the_day(question: str, sentences: list[Scored]) -> list[Scored]:
    """For a question naming a day ("the meeting on 28 January 2016"), the sentences of the
    papers dated that day when there are any: the minutes of the meeting answer, not an agenda
    line or work programme that mentions its date. All sentences otherwise."""
    days = set(find_dates(question))
    same_day = [s for s in sentences if s.hit.document.date in days]
    return same_day or sentences


def decide(
    question: str, scored: Sequence[Scored], intent: Intent, weights: TermWeights
) -> Decision:
    """Answerable or not, given the scored sentences (best first, already scoped in time)."""
    if not scored:
        return Decision(False, "nothing retrieved")
    if not _names_something(question, weights):
        return Decision(False, "the question names nothing to look for beyond dates")
    best = scored[0]
    if best.score < MIN_SCORE:
        return Decision(False, f"best sentence scores {best.score:.2f} < {MIN_SCORE}")
    if best.lexical < MIN_COVERAGE:
        return Decision(False, f"best sentence covers {best.lexical:.2f} of the question")
    if intent.numeric and not on_topic_figures(scored, question):
        return Decision(False, "a figure was asked for and no strong, on-topic sentence has one")
    if intent.role_holder and not naming_a_person(scored, question, weights, intent):
        return Decision(False, "who holds a post was asked and no strong sentence names anyone")
    return Decision(True, "strong, in scope and of the right type")


def _names_something(question: str, weights: TermWeights) -> bool:
    """Whether the question has a content word that is not a number ("and in 2013?" alone)."""
    return any(not term.isdigit() for term in weights.query_terms(question))


def names_person(sentence: str, question: str, weights: TermWeights) -> bool:
    """A title and a name not taken from the question ("Cllr Pantelic"), or two capitalised
    words in a row, both rare in the catalogue and not in the question ("Gary Lamb"; not "Chief
    Executive" or "Children's Services")."""
    asked = question.lower()
    if any(m.group(1).lower() not in asked for m in _TITLED.finditer(sentence)):
        return True
    for match in _CAPITALISED_PAIR.finditer(sentence):
        words = match.groups()
        if any(w.lower() in asked for w in words):
            continue
        if all(weights.document_frequency(w) <= RARE_NAME_DF for w in words):
            return True
    return False
