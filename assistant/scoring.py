"""Scoring the sentences of the retrieved paragraphs against the question.

Each sentence gets three signals: how much of the question's rare vocabulary it (or its
paragraph, heading and lead-in, and its paper's kind and year) covers, weighted by inverse
document frequency over the catalogue; the cosine similarity of its embedding to the
question's, with the retriever's model; and the rank of its paragraph in the fused retrieval.
Only the sentences of the best `top_k` paragraphs are embedded, the lexically most promising
first, to keep a warm answer fast.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from assistant.authorities import authority_names
from assistant.types import Document, Hit, Kind, Paragraph
from index.embed import text_digest
from index.hybrid import FRAMING_WORDS, framing_as_subject, without_framing
from index.remembered import Remembered
from index.store import paragraph_of, sentence_id
from ingest.numbering import heading_like
from ingest.sentences import paragraph_sentences

# How a question is put, not what it is about: rare in reports (so BM25's idf rates "did" above
# "children"), they would otherwise be most of a question's term weight.
QUESTION_WORDS = (
    "what whats when where which who whom whose why how did does do doing done has have had "
    "were been being about any compare compared comparison versus me my we us our you your from"
)
LEXICAL_WEIGHT = 0.6  # against cosine similarity, which spans about 0.1-0.8 here
RANK_WEIGHT = 0.1  # a small preference for what fused retrieval ranked first
HEADING_PENALTY = 0.3  # a heading, a line in capitals or a table cell fragment does not answer
CONTEXT_SHARE = 0.5  # a term found only in the sentence's context (see context_of)
# Inspection papers say a service was "judged", "graded" or "rated" with one meaning.
VERDICT_WORDS = "judged graded rated"
TITLE_SHARE = 0.8  # of a paper's title terms a sentence holds to be read as naming the paper
MIN_TITLE_TERMS = 6  # a shorter title ("Multi-Agency Missing Strategy") is named in findings too
MAX_EMBEDDED = 15  # sentences embedded per question (with the question: one batch of 16)
_STORED_PARAGRAPHS = 2048  # paragraphs whose stored sentence vectors are kept


@dataclass(frozen=True)
class Scored:
    """One sentence of a retrieved paragraph, with its signals."""

    hit: Hit
    position: int  # index of the sentence within its paragraph
    text: str
    lexical: float  # 0..1, share of the question's term weight covered
    dense: float  # cosine similarity to the question, 0 when not embedded
    score: float
    own_terms: bool = True  # whether the sentence itself (not only its context) has a term


class TermWeights:
    """Inverse document frequencies of the catalogue's stemmed words (the BM25 tokenizer's)."""

    def __init__(self, texts: Iterable[str]):
        from index.keyword import Tokenizer

        self.tokenize = Tokenizer()
        texts = list(texts)
        df: Counter[str] = Counter()
        self.count = 0
        for text in texts:
            df.update(set(self.tokenize(text)))
            self.count += 1
        self._df = df
        self.framing = frozenset(self.tokenize(f"{FRAMING_WORDS} {QUESTION_WORDS}"))
        # the council the papers are about: named in a question, it names no topic
        places, kinds = authority_names(texts)
        self.authorities = frozenset(self.tokenize(" ".join(places | kinds)))
        self.places = frozenset(self.tokenize(" ".join(places)))  # the council's name alone
        self._verdicts = frozenset(self.tokenize(VERDICT_WORDS))

    def document_frequency(self, word: str) -> int:
        """Paragraphs holding `word` (stemmed as the index stems it); 0 for a stopword."""
        stems = self.tokenize(word)
        return self._df.get(stems[0], 0) if stems else 0

    def idf(self, term: str) -> float:
        df = self._df.get(term, 0)
        return math.log(1 + (self.count - df + 0.5) / (df + 0.5))

    def query_terms(self, question: str) -> dict[str, float]:
        """The question's content terms that occur in the catalogue, with their weights.

        Framing words are left out, and so are words no paragraph has: they cannot tell one
        sentence from another, and would only shrink every sentence's coverage. So is the name
        of a council: it picks the council's papers (`Assistant._council_scope`), and a paper
        printing it once ("placements more than 20 miles from Westshire") is no more about the
        question for that."""
        words = self.tokenize(without_framing(question))
        subject = self.tokenize(" ".join(framing_as_subject(question)))  # "children in need"
        unasked = (self.framing - set(subject)) | self.places
        terms = [t for t in words if t not in unasked and t in self._df]
        return {t: self.idf(t) for t in dict.fromkeys(terms)}

    def unprinted_acronyms(self, long_forms: dict[str, frozenset[str]] | None) -> dict[str, float]:
        """The question's acronyms no paragraph prints ("PEPs" where reports write "personal
        education plans"), weighted as the rarest word of their long form: `query_terms` leaves
        them out, and a question asking only about one would be scored on its framing."""
        found = {}
        for acronym, spelled in (long_forms or {}).items():
            known = [self.idf(t) for t in spelled if t in self._df]
            if acronym not in self._df and known:
                found[acronym] = max(known)
        return found

    def rarest_term(self, question: str) -> str:
        """The question's content term found in fewest paragraphs ("" when it has none)."""
        terms = self.query_terms(question)
        return max(terms, key=terms.get) if terms else ""

    def coverage(self, terms: dict[str, float], text: str, context: str = "") -> float:
        """Share of the question's term weight found in `text` (full) or `context` (part)."""
        return self.coverage_of(terms, set(self.tokenize(text)), set(self.tokenize(context)))

    def inflections(self, question: str) -> dict[str, str]:
        """Stems that count as the question's own terms: the dictionary form of a word stemming
        cannot reach ("lead" for "led"), so that "Lead inspector: Gary Lamb" covers "who led
        it?", and the other words of an inspection verdict (`VERDICT_WORDS`): "judged to be
        good" answers "how were the homes rated?". Counted as the question's word, not as one
        more term to cover."""
        found = self.tokenize.lemma_stems(question)
        asked = set(self.tokenize(question))
        for stem in self._verdicts & asked:
            found |= {other: stem for other in self._verdicts - asked}
        return found

    @staticmethod
    def with_inflections(words: set[str], inflections: dict[str, str]) -> set[str]:
        return words | {inflections[w] for w in words if w in inflections}

    @staticmethod
    def coverage_of(terms: dict[str, float], own: set[str], around: set[str]) -> float:
        if not terms:
            return 0.0
        got = sum(
            w if t in own else CONTEXT_SHARE * w if t in around else 0.0 for t, w in terms.items()
        )
        return got / sum(terms.values())


class SentenceVectors:
    """Sentence vectors for scoring: those ingest stored (checked against the sentence's text,
    so a changed splitter cannot pair a vector with the wrong sentence), else embedded now with
    the retriever's model and remembered (a follow-up meets the same paragraphs again). What the
    store gave for a paragraph is kept too: each part of a question meets the same paragraphs."""

    def __init__(self, embedder, store=None):
        self.embedder = embedder
        self.store = store
        self._stored: Remembered[str, dict[str, tuple[str, np.ndarray]]] = Remembered(
            _STORED_PARAGRAPHS
        )

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.embedder.remembered(texts)

    def stored(self, sentences: Sequence[tuple[str, int, str]]) -> dict[int, np.ndarray]:
        """For (paragraph id, position, text) rows: row index -> the vector ingest stored."""
        if self.store is None or not sentences:
            return {}
        found = self._of_paragraphs(sorted({pid for pid, _, _ in sentences}))
        vectors: dict[int, np.ndarray] = {}
        for i, (pid, position, text) in enumerate(sentences):
            digest, vector = found.get(pid, {}).get(sentence_id(pid, position), ("", None))
            if vector is not None and digest == text_digest(text):
                vectors[i] = vector
        return vectors

    def _of_paragraphs(self, ids: list[str]) -> dict[str, dict[str, tuple[str, np.ndarray]]]:
        """Paragraph id -> its sentences' (digest, vector) by sentence id. A kept entry may be
        out of date after an ingest; `stored` checks each digest against the text it scores."""
        return self._stored.get(ids, self._read)

    def _read(self, ids: list[str]) -> dict[str, dict[str, tuple[str, np.ndarray]]]:
        read: dict[str, dict[str, tuple[str, np.ndarray]]] = {pid: {} for pid in ids}
        for sid, row in self.store.sentence_vectors(ids).items():
            read[paragraph_of(sid)][sid] = row
        return read


def context_of(paragraph: Paragraph, lead_in: str = "", document: Document | None = None) -> str:
    """What a sentence is read with: its heading, the paragraph's lead-in and the paragraph, and
    what kind of paper it is in and the paper's year. Every sentence of the 2013 Ofsted report is
    what Ofsted said in 2013, so "what strengths did Ofsted identify in the 2013 inspection?"
    is covered in part by "The Local Authority has the following strengths" there."""
    heading = heading_above(paragraph)
    paper = f"{document.kind} {document.year or ''}" if document else ""
    return f"{heading} {lead_in} {paragraph.text} {paper}".strip()


def score_sentences(
    question: str,
    hits: Sequence[Hit],
    weights: TermWeights,
    vectors: SentenceVectors | None,
    lead_ins: dict[str, str] | None = None,
    spelled_out: Callable[[str], str] | None = None,
    titles: Sequence[frozenset[str]] = (),
    long_forms: dict[str, frozenset[str]] | None = None,
    lookup: Callable[[str], str | None] | None = None,
    templates: frozenset[str] = frozenset(),
) -> list[Scored]:
    """Every sentence of `hits`, best first. Dense similarity only for the lexically most
    promising `MAX_EMBEDDED`; the rest keep their lexical and rank signals. `spelled_out` adds
    the long forms of a sentence's acronyms (the glossary's `expand`), so that "in EET" covers
    a question asking about "education, employment or training". `titles` are the papers'
    titles as term sets (`title_terms`): a sentence that restates one names a paper, and scores
    like a heading. `long_forms` maps an acronym the question uses to the words of its long form
    (`acronym_long_forms`): a sentence holding them all holds the acronym ("helped to access
    employment, education or training" covers "EET").
    `templates` are the ids of paragraphs of the inspectorate's template (`_off_template`)."""
    terms = weights.query_terms(question) | weights.unprinted_acronyms(long_forms)
    inflections = weights.inflections(question)
    # "how were the homes rated?" asks for a verdict: the noun "rate" shares the verb's stem
    rate = (weights.tokenize("rated") or [""])[0]
    asks_rated = bool(_RATED.search(question))
    asks_agenda = bool(_AGENDA.search(question))
    asks_papers = bool(_BACKGROUND.search(question))
    rows: list[tuple[Hit, int, str, float, float, float, bool]] = []  # ..., prior, penalty, own
    for rank, hit in enumerate(hits):
        lead_in = (lead_ins or {}).get(hit.paragraph.id, "")
        context = context_of(hit.paragraph, lead_in, hit.document)
        prior = 1.0 / (1.0 + rank / 3.0)
        read = set(weights.tokenize(context))
        if asks_rated and not _RATED.search(context):
            read.discard(rate)  # "a rate of 48 per 10,000" rates nothing
        around = weights.with_inflections(read, inflections) | _spelled_acronyms(read, long_forms)
        sentences = paragraph_sentences(hit.paragraph.text, hit.paragraph.label)
        listed_paper = not asks_papers and _is_background_paper(hit)
        for position, sentence in enumerate(sentences):
            words = set(weights.tokenize(spelled_out(sentence) if spelled_out else sentence))
            if asks_rated and not _RATED.search(sentence):
                words.discard(rate)  # "a rate of 48 per 10,000" rates nothing
            own = weights.with_inflections(words, inflections) | _spelled_acronyms(
                words, long_forms
            )
            lexical = weights.coverage_of(terms, own, around)
            penalty = _penalty(hit, sentence, words, titles)
            if (not asks_agenda and _is_agenda_entry(hit, sentence)) or listed_paper:
                penalty = HEADING_PENALTY
            if position == 0 and hit.paragraph.style == "body":
                penalty = penalty or _opening_penalty(sentence, sentences[1:2])
            rows.append(
                (hit, position, sentence, lexical, prior, penalty, bool(terms.keys() & own))
            )
    dense = _dense_scores(unprinted_spelled(question, weights, lookup), rows, vectors)
    scored = [
        Scored(h, pos, text, lex, d, d + LEXICAL_WEIGHT * lex + RANK_WEIGHT * prior - penalty, own)
        for (h, pos, text, lex, prior, penalty, own), d in zip(rows, dense, strict=True)
    ]
    return sorted(_off_template(scored, templates), key=lambda s: -s.score)


def _off_template(scored: list[Scored], templates: frozenset[str]) -> list[Scored]:
    """Sentences of the inspectorate's template (`ingest.duplicates.template_paragraphs`: "The
    Office for Standards in Education ... regulates and inspects ...", printed in every report)
    score like headings unless one of them is the best match of all. Then the question is about
    the inspection itself ("what did inspectors look at?": "Inspectors considered the quality
    of work ..."); otherwise they find nothing about the council and only pad the answer."""
    if not templates or not scored:
        return scored
    best = max(scored, key=lambda s: s.score)
    if best.hit.paragraph.id in templates:
        return scored
    return [
        replace(s, score=s.score - HEADING_PENALTY) if s.hit.paragraph.id in templates else s
        for s in scored
    ]


def acronym_long_forms(
    question: str, weights: TermWeights, lookup: Callable[[str], str | None] | None
) -> dict[str, frozenset[str]]:
    """For each acronym of the question the glossary knows (`lookup`), its term -> the terms of
    its long form, in any order: "EET" -> {educ, employ, train}."""
    if lookup is None:
        return {}
    found: dict[str, frozenset[str]] = {}
    for word in _ACRONYM.findall(question):
        long_form = lookup(word)
        terms = weights.tokenize(word)
        if long_form and terms:
            found[terms[0]] = frozenset(weights.tokenize(long_form))
    return found


def unprinted_spelled(
    question: str, weights: TermWeights, lookup: Callable[[str], str | None] | None
) -> str:
    """The question with each acronym no paragraph prints followed by its long form: "PEPs
    (personal education plan)". The model knows no meaning for "PEPs"; the reports' sentences
    say "personal education plans". Acronyms the papers print stay as they are."""
    if lookup is None:
        return question

    def spell(match: re.Match) -> str:
        word = match.group(0)
        long_form = lookup(word)
        if long_form and not weights.document_frequency(word):
            return f"{word} ({long_form})"
        return word

    return _ACRONYM.sub(spell, question)


def _spelled_acronyms(words: set[str], long_forms: dict[str, frozenset[str]] | None) -> set[str]:
    return {a for a, spelled in (long_forms or {}).items() if spelled and spelled <= words}


_AGENDA = re.compile(r"\bagendas?\b", re.IGNORECASE)
# A committee report's list of the papers it drew on, by law under its own heading: what it
# lists are other papers' titles and meetings, no finding of the report.
_BACKGROUND = re.compile(r"\bbackground\s+(?:papers?|documents?|reading)\b", re.IGNORECASE)
# an agenda's entry: item number, the paper's title, its pages in the pack ("7. Forward Work
# Programme 107 - 110")
_AGENDA_ENTRY = re.compile(r"\S\s+(\d{1,3})\s*[-–]\s*(\d{1,3})$")
_RATED = re.compile(r"\brat(?:ed|ing|ings)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z&]*[A-Z]s?\b")  # two capitals or more: "EET", "LSCBs"


def title_terms(title: str, weights: TermWeights) -> frozenset[str]:
    return frozenset(t for t in weights.tokenize(title) if not t.isdigit())


def _penalty(hit: Hit, text: str, words: set[str], titles: Sequence[frozenset[str]]) -> float:
    """Headings and lines in capitals name a topic; a sentence opening with a table's cell
    separator ("| from joining Slough ...", "; Children's Social Care; ...") is a cell cut from
    its row; a sentence giving a web address, an email address or a phone number is a notice
    ("Any complaints ... Ofsted's website: www.ofsted.gov.uk"); a sentence holding most of a
    paper's title names the paper (an agenda item, an appendix list, a cover page). None reads
    as a finding. A field's value in capitals under its label is no heading (`_field_value`)."""
    if hit.paragraph.style == "heading" or text.lstrip()[:1] in ("|", ";"):
        return HEADING_PENALTY
    if text.isupper() and not _field_value(hit.paragraph):
        return HEADING_PENALTY
    if _NOTICE.search(text):
        return HEADING_PENALTY
    if any(len(t) >= MIN_TITLE_TERMS and len(words & t) >= TITLE_SHARE * len(t) for t in titles):
        return HEADING_PENALTY
    return 0.0


def _field_value(paragraph: Paragraph) -> bool:
    """Whether a paragraph is the value of a field printed as its own line under the label, as on
    an agenda's cover ("DATE AND TIME:" then "WEDNESDAY, 16TH MARCH, 2016 AT 6.30 PM"): in
    capitals, and still no heading."""
    return heading_above(paragraph).rstrip().endswith(":")


def heading_above(paragraph: Paragraph) -> str:
    """The heading a paragraph stands under: not the paragraph's own line, where a line in
    capitals opened a section of its own ("VENUS SUITE 2, ST MARTINS PLACE" under "VENUE:")."""
    above = [h for h in paragraph.section if h != paragraph.text]
    return above[-1] if above else ""


def _is_agenda_entry(hit: Hit, text: str) -> bool:
    """An agenda's list of items points to the papers that follow it: "2. Minutes of the
    Meeting held on 28th January 2016 1 - 8" names the minutes, and reads as no finding of them.
    It answers a question about the agenda only."""
    if not (hit.document and hit.document.kind is Kind.AGENDA):
        return False
    pages = _AGENDA_ENTRY.search(text.strip())
    # pages run upwards: "the first meeting of 2016 - 17" is no entry
    return bool(pages) and int(pages[1]) <= int(pages[2])


def _is_background_paper(hit: Hit) -> bool:
    """An entry of a report's background papers ("Education and Children's Services Scrutiny on
    25th November 2010: Agenda Item 3 'Ofsted inspection, Contact Referral and Assessment
    Arrangements October 2010'"): it names a paper and a meeting, and answers a question
    about the report's background papers only."""
    return any(_BACKGROUND.search(heading) for heading in hit.paragraph.section)


def _opening_penalty(sentence: str, following: Sequence[str]) -> float:
    """A paragraph's opening line that reads as an unmarked heading names a topic too ("The
    inspection team"; "Actions as a result of the Ofsted judgement" before the text of 5.6),
    unless a lettered or bulleted item follows it: "That the Scrutiny Panel" then "a) Scrutinise
    and comment on ..." is a recommendation's lead-in."""
    if not is_unmarked_heading(sentence):
        return 0.0
    if following and _ITEM.match(following[0]):
        return 0.0
    return HEADING_PENALTY


_ITEM = re.compile(r"\s*(?:\(?[a-z0-9]{1,3}[.)]\s|[•●▪◦\-–]\s)", re.IGNORECASE)


def is_unmarked_heading(text: str) -> bool:
    """A short capitalised line with no closing punctuation, figure or colon and no verb of being
    or having: a heading printed as plain text. "The overall judgement is inadequate" states a
    finding, "Lead inspector: Gary Lamb" a field, "Thursday 21st April" a date; a line naming
    only a grade ("Inadequate") is a verdict."""
    words = text.split()
    return (
        heading_like(text)  # short, capitalised, unpunctuated: the test ingest reads headings by
        and len(words) <= MAX_HEADING_WORDS
        and not text.rstrip().endswith(")")  # "Jo Rockall (Secondary school teacher ...)"
        and not any(ch.isdigit() or ch == ":" for ch in text)
        and not any(w.lower().strip(",") in _STATING for w in words)
    )


MAX_HEADING_WORDS = 8
_STATING = frozenset(
    "is are was were be been being has have had will would can could may might must shall should "
    "do does did requires inadequate adequate good outstanding none".split()
)
_NOTICE = re.compile(r"\bwww\.|https?://|\b[\w.-]+@[\w-]+\.\w|\b0\d{3}\s?\d{3}\s?\d{4}\b")


def _dense_scores(question, rows, vectors: SentenceVectors | None) -> list[float]:
    """Cosine similarity of each sentence to the question (the better of the question whole and
    its subject, `question_texts`): every sentence with a stored vector, and of the rest only
    the lexically most promising `MAX_EMBEDDED`, embedded now."""
    scores = [0.0] * len(rows)
    if vectors is None or not rows:
        return scores
    stored = vectors.stored([(row[0].paragraph.id, row[1], row[2]) for row in rows])
    missing = [i for i in range(len(rows)) if i not in stored]
    chosen = sorted(missing, key=lambda i: -(rows[i][3] + 0.2 * rows[i][4]))[:MAX_EMBEDDED]
    asked = question_texts(question)
    matrix = vectors.embed(asked + [rows[i][2] for i in chosen])
    queries = matrix[: len(asked)]
    for i, vector in [*stored.items(), *zip(chosen, matrix[len(asked) :], strict=True)]:
        scores[i] = float(np.max(queries @ vector))
    return scores


# Words that say which paper a question asks about ("what did Ofsted's 2015 inspection say
# about Prevent?"); the year and kind scope rules choose the paper by them. Matched whole, they
# make every sentence that mentions an inspection look like an answer.
_SOURCE = re.compile(
    r"\b(?:ofsted(?:['’]s)?|inspections?|inspectors?|reports?|(?:19|20)\d\d)\b", re.IGNORECASE
)
# How a question asks about a change ("has Ofsted's view got better or worse since 2011?", "how
# have they changed", "any progress?"): a paper states what it found, not that it got worse, so
# a sentence matching these words ("Insufficient progress has been made since ...") matches the
# asking, not the topic. Such a question's sentences are compared with its subject alone.
_CHANGE_ASKED = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:[\w'’]+\s+){0,3}?(?:got|gotten|become|been)\s+)?better or worse\b"
    r"|\b(?:how\s+)?(?:has|have|had)\s+(?:it|they|this|that|[\w'’]+\s+views?)?\s*"
    r"(?:changed|improved)\b"
    r"|\bany (?:progress|improvement)\b|\bover (?:the )?(?:years|time)\b|\bsince\b",
    re.IGNORECASE,
)
_MIN_SUBJECT_WORDS = 2  # of four letters or more; "What did the 2013 Ofsted report say?" has one


def question_texts(question: str) -> list[str]:
    """What sentences are compared with by meaning: the question, and its subject without the
    words naming its source paper (`_SOURCE`) when enough is left. A sentence scores the better
    of the two: measured over the four question sets, citation recall rose on three of them and
    the question "What did Ofsted's 2015 inspection say about Prevent / radicalisation work?"
    found the Prevent paragraph it had missed. A question about a change is compared with its
    subject only (`_CHANGE_ASKED`): "early help - has Ofsted's view got better or worse since
    2011?" had cited, for 2013, "Insufficient progress has been made since Ofsted judged ..."
    rather than what the report said of early help."""
    subject = " ".join(_SOURCE.sub(" ", _CHANGE_ASKED.sub(" ", question)).split())
    if subject == question or len(re.findall(r"\w{4,}", subject)) < _MIN_SUBJECT_WORDS:
        return [question]
    if _CHANGE_ASKED.search(question):
        return [subject]
    return [question, subject]
