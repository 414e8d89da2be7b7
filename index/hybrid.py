"""Fusing the dense and keyword rankings, and finding paragraphs a query names by number.

Reciprocal-rank fusion needs no score calibration between cosine distances and BM25 scores; each
list contributes `weight / (k + rank)`. A query that names a paragraph ("para 49 of the 2016
report", "paragraph 5.3", a bare "5.3") gets the exact label matches first: no embedding ranks
"para 49" near paragraph 49.

Before retrieval a query loses the words that frame a request rather than name its subject ("need
the quote", "what did they say"), and a question that asks several things ("when was it, and who
led it?") is also searched part by part (see `query_parts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

RRF_K = 60  # the constant from Cormack et al.; damps the difference between ranks 1 and 2
# Words that frame a request rather than name what it is about ("need the quote", "what did they
# say", "how many"). Queries are searched without them, and answer sentences are scored without
# them.
FRAMING_WORDS = (
    "quote quotes quotation quotable exact line need want tell say said says find found give "
    "summary summarise please document documents paper papers know happen happened think heard "
    "hear told believe why many still percentage percent figure figures words wording"
)
# "in late 2013": when in a year, which the papers date by month or season, not by these words
# (unlike "early" in "early help").
_TIME_OF_YEAR = r"\b(?:late|early|mid)[- ](?=(?:19|20)\d\d\b)"
# "has Ofsted's view changed between 2013 and 2016?": the change is asked of the years, and a
# paper states the finding of its year, not that it changed (unlike "plans changed from adoption").
_CHANGE_BETWEEN_YEARS = (
    r"\bchanged?\b(?=(?:\s+\w+){0,2}\s+(?:19|20)\d\d\b)|\bbetween\b(?=\s+(?:19|20)\d\d\b)"
    r"|(?<=['’]s )views?\b"
)
# Framing words that name a subject after these ("children in need", "CIN"), unlike "need the
# quote": each maps to the words before it that make it a subject.
_SUBJECT_AFTER = {"need": "in"}
_FRAMING_WORD = "|".join(
    rf"(?<!\b{_SUBJECT_AFTER[w]} ){w}" if w in _SUBJECT_AFTER else w for w in FRAMING_WORDS.split()
)
_FRAMING = re.compile(
    rf"\b(?:{_FRAMING_WORD})\b|{_TIME_OF_YEAR}|{_CHANGE_BETWEEN_YEARS}", re.IGNORECASE
)
_SUBJECT_PHRASE = re.compile(
    "|".join(rf"\b{before} {word}\b" for word, before in _SUBJECT_AFTER.items()), re.IGNORECASE
)
# Where one part of a question ends and the next begins: a dash between words, "?", ";", ": ",
# ", and"/", but", or "and" before a new question word ("... 2013 inspection and who led it?").
# The words a question opens with: after "and", they start another question.
QUESTION_START = (
    r"(?:who|whom|whose|whos|what|whats|when|where|wheres|why|how|hows|which|has|have|had|did|does|do|is|are|was|"
    r"were|can|could|will|would|should)\b"
)
_PART_BREAK = re.compile(
    rf"\s[-–—]\s|[?;]|:\s|,\s*(?:and|but)\s|\sand\s(?={QUESTION_START})", re.IGNORECASE
)


@dataclass(frozen=True)
class Fused:
    id: str
    score: float
    via: tuple[str, ...]


def fuse(
    rankings: Mapping[str, Sequence[str]],
    weights: Mapping[str, float] | None = None,
    k: int = RRF_K,
) -> list[Fused]:
    """Reciprocal-rank fusion of named rankings (best first), highest fused score first.

    Ties keep the order in which ids were first seen, so the result is deterministic.
    """
    scores: dict[str, float] = {}
    via: dict[str, list[str]] = {}
    for name, ids in rankings.items():
        weight = 1.0 if weights is None else weights.get(name, 1.0)
        for rank, pid in enumerate(ids, start=1):
            if pid in via and name in via[pid]:
                continue  # a retriever listing an id twice counts it once
            scores[pid] = scores.get(pid, 0.0) + weight / (k + rank)
            via.setdefault(pid, []).append(name)
    order = sorted(scores, key=lambda pid: -scores[pid])
    return [Fused(pid, scores[pid], tuple(via[pid])) for pid in order]


def strip_framing(query: str, terms: Callable[[str], list[str]]) -> str:
    """The query without framing words, or the query itself when no search term (`terms` gives a
    text's, stopwords out) would be left."""
    stripped = without_framing(query)
    return stripped if terms(stripped) else query


def query_parts(query: str, terms: Callable[[str], list[str]]) -> list[str]:
    """The parts of a query that asks several things, framing words out; [] for a single part.
    A part without a search term ("what did they say?") is no part.

    Each part is searched on its own as well as within the whole query, so the answer to a later
    part ("who led it?") is not crowded out by paragraphs that match the rest of the words."""
    parts = [without_framing(part) for part in _PART_BREAK.split(query)]
    parts = [part for part in parts if terms(part)]
    return parts if len(parts) > 1 else []


def without_framing(text: str) -> str:
    """The text without framing words (`FRAMING_WORDS`, "late" in "late 2013")."""
    return " ".join(_FRAMING.sub(" ", text).split())


def framing_as_subject(text: str) -> list[str]:
    """The framing words `text` uses as its subject, which `without_framing` keeps: "need" in
    "how many children were in need?"."""
    return [m.group(0).split()[-1].lower() for m in _SUBJECT_PHRASE.finditer(text)]


@dataclass(frozen=True)
class ParagraphRef:
    label: str  # as printed: "49", "5.3", "4(a)"
    year: str | None = None  # a year named in the query, to pick the document


_LABEL = r"\d{1,3}(?:\.\d{1,3}){0,2}(?:\s?\([a-z]{1,4}\)|[a-z](?![a-z]))?"
_NAMED = re.compile(
    r"(?:\b(?:para(?:graph)?s?\.?|section|item|minute)|¶|§)\s*"
    rf"({_LABEL}(?:\s*(?:,|and|&|to|-|–)\s*{_LABEL})*)(?![\d.]*\d)",
    re.IGNORECASE,
)
_ONE_LABEL = re.compile(_LABEL, re.IGNORECASE)
# "section 11 audits", "section 47 enquiries", "a section 20 placement": a section of an Act,
# named by a whole number with the thing it governs after it; "section 5.2" and "section 4 of
# the report" name a paper's paragraphs.
_STATUTE = re.compile(
    r"section\s*\d{1,3}\s+(?!(?:of|in|on|at|to|and|or|from|says?|said|states?|about)\b)[a-z]",
    re.IGNORECASE,
)
_RANGE = re.compile(r"^(\d{1,3})\s*(?:to|-|–)\s*(\d{1,3})$")
# A bare dotted number ("what does 5.3 say"): not money, not a percentage, not part of a date.
_BARE = re.compile(r"(?<![\w.£$/-])(\d{1,2}\.\d{1,2})(?![\w%/-]|\.\d)")
_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
_MAX_RANGE = 10


def _labels_in(group: str) -> list[str]:
    """ "16 and 17" -> 16, 17; "16-19" -> 16..19 (short integer ranges only)."""
    span = _RANGE.match(group.strip())
    if span and 0 < int(span[2]) - int(span[1]) < _MAX_RANGE:
        return [str(n) for n in range(int(span[1]), int(span[2]) + 1)]
    return [re.sub(r"\s+", "", m.group(0)) for m in _ONE_LABEL.finditer(group)]


def parse_paragraph_refs(query: str) -> list[ParagraphRef]:
    """Paragraph numbers a query names, in order, each with the year the query names (if one)."""
    years = _YEAR.findall(query)
    year = years[0] if len(set(years)) == 1 else None
    labels: list[str] = []
    for match in _NAMED.finditer(query):
        if not _STATUTE.match(query, match.start()):
            labels.extend(_labels_in(match.group(1)))
    for match in _BARE.finditer(query):
        labels.append(match.group(1))
    unique = list(dict.fromkeys(label.rstrip(".") for label in labels))
    return [ParagraphRef(label, year) for label in unique]
