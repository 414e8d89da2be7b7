"""Answering a question: follow-up resolution -> retrieval -> sentence scoring -> answer.

`Assistant` is the API the CLI and the app sit on. Build one per process and reuse it: it holds
the catalogue, the retriever (whose embedding model loads once, on first use) and, when
EVIDENCE_LLM_BASE_URL is set, the language-model client.

    with Assistant.open(Settings()) as assistant:
        answer = assistant.ask("How many adopters were approved in 2014-15?")
        for part in assistant.ask_stream("and in 2013?", history=[answer]):
            ...  # str deltas, then the final Answer
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant import (
    abstain,
    conversation,
    definitions,
    meetings,
    people,
    recommendations,
    series,
    summary,
)
from assistant.authorities import councils_named, councils_of_papers
from assistant.compose import (
    compose,
    is_speech,
    lead_with,
    led_by,
    led_by_announced_list,
    named_paragraphs,
    select,
    with_announced_items,
    with_figures_only,
    with_labelled_items,
    with_list_lead_ins,
    with_rarest_term,
    with_section_mates,
)
from assistant.definitions import spelled_out
from assistant.errors import IndexNotBuilt, InvalidFilter, LLMUnavailable, LLMUngrounded
from assistant.grades import GradeLead, grade_lead
from assistant.intent import (
    Intent,
    asks_to_count,
    counts_what_is_asked,
    has_date,
    has_figure,
    listed_topics,
    own_words,
    read_intent,
    searched_words,
    sub_questions,
)
from assistant.references import full_reference
from assistant.scope import (
    kind_note,
    may_answer,
    of_the_kind_named,
    of_the_paper_named,
    ofsteds_own,
    papers_by_kind_named,
    papers_of_the_kind_named,
    without_kind_named,
)
from assistant.scoring import (
    Scored,
    SentenceVectors,
    TermWeights,
    acronym_long_forms,
    question_texts,
    score_sentences,
    title_terms,
    unprinted_spelled,
)
from assistant.settings import Settings
from assistant.types import Answer, Citation, Document, Hit, Kind, Paragraph
from index.filters import Filters

log = logging.getLogger(__name__)

PASSAGES = 40  # ranked paragraphs retrieved, scored and reported with every answer
PER_YEAR = 10  # extra paragraphs fetched from each year a comparison names
PER_KIND = 10  # ...and from the papers of the kind a question names
# "How many children were looked after?": paragraphs this deep whose figure counts children join
# the answer's, up to PER_KIND of them ("looked after" and "children" are in hundreds)
COUNT_DEPTH = 3 * PASSAGES
VOICE_RANKS = 5  # direct speech leads from a paragraph ranked this high (its words seldom match)
# A listed topic held by at most this share of the paragraphs is searched on its own
TOPIC_SHARE = 0.06
PART_COVERAGE = 0.5  # of a later part's own words the answer must hold to count as answering it
RELATED = 3  # closest passages offered when the evidence does not answer
# Sentences naming a person that score this close are a tie on meaning: the one closer to the
# question's words leads (abstain.naming_a_person's order).
PERSON_TIE = 0.1
ABSTAIN_TEXT = "The documents do not answer this question."
FALLBACK_NOTICE = "{}"  # the error says what failed and that the answer is extractive


@dataclass(frozen=True)
class Scope:
    """Filters for retrieval, as `evidence search` takes them."""

    doc_ids: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None


class Assistant:
    def __init__(self, settings: Settings, catalogue, retriever=None, llm=None):
        from index.retriever import Retriever

        self.settings = settings
        self.catalogue = catalogue
        self.retriever = retriever or Retriever(settings, catalogue)
        self.vectors = SentenceVectors(self.retriever.embedder, self.retriever.store)
        self.llm = llm
        if llm is None and settings.llm_base_url:
            from assistant.llm import ChatModel

            self.llm = ChatModel(settings)
        self._weights: TermWeights | None = None
        self._lead_ins: dict[str, str] = {}
        self._judged: tuple = ((), {}, {})  # judgements, their paragraphs, documents
        self._recommended: list[Paragraph] = []  # see assistant.recommendations
        self._venues: list[Paragraph] = []  # a meeting's place, for "where" (abstain.is_venue)
        self._titles: tuple[frozenset[str], ...] = ()  # the papers' titles, as term sets
        self._templates: frozenset[str] = frozenset()  # ingest.duplicates.template_paragraphs
        self._documents: dict[str, Document] = {}
        self._kinds_named: dict[Kind, frozenset[str]] = {}  # see scope.papers_by_kind_named
        self._councils: dict[str, str] = {}  # doc_id -> its council's place (authorities)
        self._spelled_out = self.retriever.expand
        self._paper = self.catalogue.paragraphs  # a paper's paragraphs, doc_id -> list
        self._indexed = None  # the keyword index the term weights were computed with

    @classmethod
    def open(cls, settings: Settings) -> Assistant:
        """An assistant over the data folder of `settings` (IndexNotBuilt when it is empty)."""
        from ingest.catalogue import Catalogue

        if not settings.catalogue_path.exists():
            raise IndexNotBuilt(str(settings.data_dir))
        return cls(settings, Catalogue.open(settings.catalogue_path))

    def close(self) -> None:
        self.catalogue.close()

    def __enter__(self) -> Assistant:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def warm_up(self) -> None:
        """Load the embedding model, the sentence splitter and the term weights now."""
        from ingest.sentences import warm_up

        warm_up()
        self._term_weights()
        self.vectors.embed(["warm up"])
        self.retriever.search("warm up", k=1)

    # Answering ---------------------------------------------------------------------------

    def ask(
        self, question: str, history: Sequence[Answer] = (), filters: Scope | None = None
    ) -> Answer:
        """Answer `question`, resolving follow-ups against `history` (earlier answers, oldest
        first). Never raises for an unanswerable question: the Answer says so (`abstained`)."""
        answer = None
        for part in self.ask_stream(question, history, filters):
            if isinstance(part, Answer):
                answer = part
        assert answer is not None
        return answer

    def ask_stream(
        self, question: str, history: Sequence[Answer] = (), filters: Scope | None = None
    ) -> Iterator[str | Answer]:
        """Yield the answer's text as it is produced (str deltas), then the final Answer.

        The final Answer's text is authoritative: with a language model, markers that name no
        retrieved paragraph are removed after generation, so the UI should show `answer.text`
        once it arrives."""
        started = time.perf_counter()
        resolution = conversation.resolve(question, history)
        if resolution.reply is not None:
            answer = self._reply_from_history(question, resolution, started)
            yield answer.text
            yield answer
            return
        extractive, scored, retrieve_ms = self._extractive(question, resolution.query, filters)
        if self.llm is None or extractive.abstained:
            yield extractive.text
            yield _timed(extractive, started, retrieve_ms)
            return
        yield from self._generated(question, extractive, scored, started, retrieve_ms)

    # Steps -------------------------------------------------------------------------------

    def _evidence(
        self, query: str, filters: Scope | None, question: str
    ) -> tuple[list[Hit], list[Scored], Intent, float]:
        intent = _intent(query, question)
        started = time.perf_counter()
        weights = self._term_weights()
        scope = self._council_scope(f"{question}\n{query}", filters or Scope())
        hits = self._retrieve(query, intent, scope)
        extra: list[Hit] = []
        searched = Filters.build(scope.doc_ids, scope.kinds, scope.since, scope.until)
        if recommendations.asks_for_recommendations(query):
            # retrieval finds the findings, not what was recommended: every recommendation in scope
            extra = recommendations.hits_in_scope(
                self._recommended, self._documents, searched, intent
            )
        if intent.where:  # nor does "where" find a cover's "VENUE:" line: every venue in scope
            extra += recommendations.hits_in_scope(self._venues, self._documents, searched, intent)
        if extra:
            added = {h.paragraph.id for h in extra}
            hits = extra + [h for h in hits if h.paragraph.id not in added]
        retrieve_ms = (time.perf_counter() - started) * 1000
        scored = score_sentences(
            without_kind_named(query, intent, self._kinds_named),
            hits[: self.settings.top_k + len(extra)],
            weights,
            self.vectors,
            self._lead_ins,
            self._spelled_out,
            self._titles,
            acronym_long_forms(query, weights, self._glossary_lookup()),
            self._glossary_lookup(),
            self._templates,
        )
        return _reranked(hits, scored, intent), scored, intent, retrieve_ms

    def _council_scope(self, question: str, scope: Scope) -> Scope:
        """`scope` narrowed to the papers about the councils the question names, when the
        papers are about more than one ("what does Westshire need to improve?" beside Slough's
        papers). Papers that name no council stay in; filters naming papers are kept as given."""
        councils = set(self._councils.values())
        named = councils_named(question, councils)
        if scope.doc_ids or len(councils) < 2 or not named or named == councils:
            return scope
        papers = [
            d for d in self._documents if d not in self._councils or self._councils[d] in named
        ]
        return replace(scope, doc_ids=tuple(papers))

    def _retrieve(self, query: str, intent: Intent, scope: Scope) -> list[Hit]:
        hits = self._search(query, PASSAGES, scope)
        if intent.over_time and len(intent.years) >= 2:
            # A comparison needs evidence from each year it names, not only the best-matching one.
            known = {h.paragraph.id for h in hits}
            for year in intent.years:
                window = Scope(
                    scope.doc_ids, scope.kinds, f"{year}-01-01", f"{int(year) + 1}-12-31"
                )
                for hit in self._search(query, PER_YEAR, window):
                    if hit.paragraph.id not in known:
                        known.add(hit.paragraph.id)
                        hits.append(hit)
            hits = _interleave_years(hits, intent.years)
        hits = self._with_kind_named(query, intent, scope, hits)
        return self._with_counts(query, intent, scope, hits)

    def _with_kind_named(
        self, query: str, intent: Intent, scope: Scope, hits: list[Hit]
    ) -> list[Hit]:
        """`hits` with the best paragraphs of the papers of the kind the question names ("what
        did the news article say about managers?") among those an answer draws on: the news
        item never says "news", so a search for the question alone does not reach it."""
        papers = papers_of_the_kind_named(query, intent, self._kinds_named)
        if scope.doc_ids:
            papers = papers & set(scope.doc_ids)
        if not papers:
            return hits
        top_k = self.settings.top_k
        known = {h.paragraph.id for h in hits[:top_k]}
        searched = without_kind_named(query, intent, self._kinds_named)
        own = [
            h
            for h in self._search(searched, PER_KIND, replace(scope, doc_ids=tuple(sorted(papers))))
            if h.paragraph.id not in known
        ]
        return _drawn_on(hits, own, top_k)

    def _with_counts(self, query: str, intent: Intent, scope: Scope, hits: list[Hit]) -> list[Hit]:
        """`hits` with the paragraphs ranked below those an answer draws on whose figure counts
        what "how many ..." asks about (`counts_what_is_asked`): "At 31 October 2015, 183
        children were being looked after" ranks 47th for "how many children were looked after at
        the time of the 2016 inspection?", below paragraphs that say "children looked after"
        with no figure."""
        if not intent.numeric or not asks_to_count(query):
            return hits
        top_k = self.settings.top_k
        known = {h.paragraph.id for h in hits[:top_k]}
        own = [
            h
            for h in self._search(query, COUNT_DEPTH, scope)
            if h.paragraph.id not in known
            and has_figure(h.paragraph.text, query)
            and counts_what_is_asked(h.paragraph.text, query)
        ]
        return _drawn_on(hits, own[:PER_KIND], top_k)

    def _search(self, query: str, k: int, scope: Scope) -> list[Hit]:
        try:
            return self.retriever.search(
                query, k=k, doc_ids=scope.doc_ids or None, kinds=scope.kinds or None,
                since=scope.since, until=scope.until,
            )  # fmt: skip
        except ValueError as exc:  # a malformed date in the filters
            raise InvalidFilter(str(exc)) from exc

    def _extractive(
        self, question: str, query: str, filters: Scope | None
    ) -> tuple[Answer, list[Scored], float]:
        """The extractive answer, the scored sentences behind it and the retrieval time. A
        question that asks two things ("when was it and who led it?") is answered whole first;
        a part the answer leaves unanswered (no name for the "who") is searched and answered on
        its own, and added. What the question sets its subject against ("as opposed to the
        Trust") is not searched for."""
        query = searched_words(query)
        parts = sub_questions(query)
        if len(parts) > 1:
            self._embed_ahead([query, *parts], question)
        hits, scored, intent, retrieve_ms = self._evidence(query, filters, question)
        chosen = self._chosen(query, hits, scored, intent)
        answered = [chosen] if chosen else []
        rankings, all_scored = [hits], list(scored)
        weights = self._term_weights()
        # the whole answered the first part; when it answered nothing, each part may still be
        unasked = parts[1:] if chosen or len(parts) == 1 else parts
        # "... - supported lodgings, staying put, council housing?"
        topics = {t: self._on_topic(own_words(t)) for t in listed_topics(query)}
        topics = {t: on_topic for t, on_topic in topics.items() if on_topic}
        for part in unasked + list(topics):
            sentences = [s for c in answered for s in c.sentences]
            on_topic = topics.get(part)
            if on_topic and any(map(on_topic, sentences)):
                continue
            if not on_topic and _part_answered(part, sentences, weights):
                continue
            part_hits, part_scored, part_intent, ms = self._evidence(part, filters, question)
            retrieve_ms += ms
            rankings.append(part_hits)
            all_scored += part_scored
            if on_topic:  # the rest of the question it carries would outweigh the topic
                part_scored = list(filter(on_topic, part_scored))
            found = self._chosen(part, part_hits, part_scored, part_intent)
            if found:
                answered.append(found)
        hits, scored = _merged(rankings), all_scored
        if not answered:
            return Answer(question, _abstention(hits), (), tuple(hits), True), scored, retrieve_ms
        sentences = _unique([s for c in answered for s in c.sentences])
        note = "\n".join(dict.fromkeys(c.note for c in answered if c.note))  # each note once
        composed = compose(sentences, intent)
        text = f"{note}\n\n{composed.text}" if note else composed.text
        passages = _cited_first(hits, composed.citations)
        answer = Answer(question, text, composed.citations, passages, False)
        return answer, scored, retrieve_ms

    def _on_topic(self, topic: str) -> Callable[[Scored], bool] | None:
        """Whether a sentence holds every word of `topic`, or of its acronyms' long forms ("PEPs":
        "personal education plans"); None when too many paragraphs hold it for the topic to be
        searched on its own: "staying put" (2 of the sample's 809 paragraphs) is specific,
        "reviews" (117) matches too much else."""
        keyword = self.retriever.keyword_index()
        if keyword is None:
            return None
        spelled = spelled_out(topic, self._glossary_lookup())
        holding = max(keyword.paragraphs_holding(topic), keyword.paragraphs_holding(spelled))
        if not 0 < holding <= TOPIC_SHARE * len(keyword):
            return None
        tokenize = self._term_weights().tokenize
        wanted = [w for w in (set(tokenize(topic)), set(tokenize(spelled))) if w]
        return lambda s: any(w <= set(tokenize(s.text)) for w in wanted)

    def _embed_ahead(self, queries: list[str], question: str) -> None:
        """Embeds in one batch what searching and scoring each of `queries` embeds: one model
        call for a question in several parts rather than two a part (measured: 8 texts in one
        batch 29 ms, one at a time 13 ms each)."""
        texts = [t for q in queries for t in self.retriever.query_texts(q)]
        weights, lookup = self._term_weights(), self._glossary_lookup()
        for q in queries:
            scored_as = without_kind_named(q, _intent(q, question), self._kinds_named)
            texts += question_texts(unprinted_spelled(scored_as, weights, lookup))
        self.vectors.embed(list(dict.fromkeys(texts)))

    def _chosen(
        self, query: str, hits: list[Hit], scored: list[Scored], intent: Intent
    ) -> Chosen | None:
        """The sentences that answer `query`, in answer order, or None when none do."""
        named = named_paragraphs(hits, scored)
        if named:  # "what does para 49 say": the paragraph itself, whole, is the answer
            return Chosen(named)
        weights = self._term_weights()
        eligible = abstain.of_the_day(
            query,
            [s for s in scored if abstain.in_year_scope(s, intent) and may_answer(s, intent)],
        )
        eligible = ofsteds_own(query, eligible, intent, self._documents.values())
        eligible = recommendations.findings_first(query, eligible)
        eligible = of_the_paper_named(eligible, intent, self._documents.values())
        eligible = of_the_kind_named(query, eligible, intent, self._kinds_named)
        chosen = self._answer_from(query, hits, eligible, intent, weights)
        note = chosen and kind_note(query, intent, self._kinds_named, chosen.sentences)
        if note:
            return Chosen(chosen.sentences, "\n".join(filter(None, [note, chosen.note])))
        return chosen

    def _answer_from(
        self,
        query: str,
        hits: list[Hit],
        eligible: list[Scored],
        intent: Intent,
        weights: TermWeights,
    ) -> Chosen | None:
        """The sentences of `eligible` that answer `query`, in answer order, or None."""
        if recommendations.asks_for_recommendations(query):
            chosen = recommendations.answer_sentences(query, eligible, intent, weights)
            if chosen:
                return Chosen(chosen)
        if series.asks_for_series(query):  # "what are the strategy's priorities?"
            chosen = series.answer_sentences(query, hits, self._paper, weights)
            if chosen:
                return Chosen(chosen)
        if people.asks_who_attended(query):  # "who attended the January meeting?"
            chosen = people.attendance_sentences(query, hits, self._paper)
            if chosen:
                return Chosen(chosen)
            summoned, note = people.members_summoned(query, self._documents.values(), self._paper)
            if summoned:  # no minutes of the meeting: who its agenda summoned, and that it is
                return Chosen(summoned, note)
        if meetings.asks_next_meeting(query):  # "when is the next panel meeting?"
            chosen = meetings.next_meeting_sentences(
                query, self._documents.values(), self._paper, weights
            )
            if chosen:
                return Chosen(chosen)
        if meetings.asks_what_happened(query):  # "what happened at the January meeting?"
            chosen = meetings.outcome_sentences(query, hits, self._documents.values(), self._paper)
            if chosen:
                return Chosen(chosen)
        if people.asks_who_wrote(query):  # "who wrote the report on the CSE team?"
            lookup = self._glossary_lookup()
            chosen = people.author_sentences(query, hits, self._paper, weights, lookup)
            if chosen:
                return Chosen(chosen)
        of_kind = papers_of_the_kind_named(query, intent, self._kinds_named)  # "the news item"
        if people.asks_who_inspected(query):  # "who carried out the 2016 inspection?"
            chosen = people.inspector_sentences(query, hits, self._paper, intent.years, of_kind)
            if chosen:
                return Chosen(chosen)
        chosen = summary.day_sentences(query, hits, self._paper)
        if chosen:  # "what's on the agenda for 21 April 2016?": the programme's row for the day
            return Chosen(chosen)
        if summary.asks_for_summary(query, weights):  # "summarise the 2016 Ofsted report"
            chosen = summary.answer_sentences(query, hits, self._paper, intent, of_kind)
            if chosen:
                return Chosen(chosen)
        if not (intent.leads or intent.quote or intent.over_time):
            # "what did Ofsted say about leadership in 2015?": the area's printed summary
            chosen = summary.area_sentences(
                query, hits, self._paper, intent, weights, self._glossary_lookup(), of_kind
            )
            if chosen:
                return Chosen(chosen)
        lead = self._grade_lead(query, intent, eligible)
        decision = abstain.decide(query, eligible, intent, weights)
        log.info("answerable=%s (%s): %s", decision.answerable, decision.reason, query)
        if not decision.answerable and lead is None:
            return None
        chosen = select(eligible, intent)
        chosen = with_section_mates(chosen, eligible, intent, abstain.MIN_SCORE)
        chosen = led_by_announced_list(chosen, eligible, query, abstain.MIN_SCORE)
        if intent.numeric:  # the figure that made the question answerable leads
            figures = abstain.counting_figures(eligible, query)
            chosen = led_by(chosen, figures, scored=eligible)
            if not intent.over_time and len(sub_questions(query)) == 1:
                # one figure asked for, not a change: the figure, without context around it
                chosen = with_figures_only(chosen, figures)
        if intent.voice:  # "what did young people say": their words, as the report quotes them
            spoken = [s for s in eligible if s.hit.rank <= VOICE_RANKS and is_speech(s.text)]
            chosen = led_by(chosen, spoken, scored=eligible)
        chosen = with_rarest_term(chosen, eligible, weights.rarest_term(query), weights.tokenize)
        chosen = with_labelled_items(chosen, eligible, self._following)
        chosen = with_announced_items(chosen, self._following)
        chosen = with_list_lead_ins(chosen, eligible, self._preceding)
        chosen = definitions.with_definition(query, chosen, eligible, self._glossary_lookup())
        if intent.when:
            chosen = lead_with(chosen, lambda text: has_date(text, query))
        if intent.who:  # the person who made the question answerable leads
            persons = abstain.naming_a_person(eligible, query, weights, intent)
            chosen = led_by(chosen, persons, tie=PERSON_TIE, scored=eligible)
        if intent.where:
            chosen = _led_by_venue(chosen, abstain.giving_a_place(eligible), eligible)
        if lead is None:
            return Chosen(chosen)
        # the grades lead, and do not take the place of other evidence
        known = {s.hit.paragraph.id for s in lead.sentences}
        rest = [s for s in chosen if s.hit.paragraph.id not in known and lead.keeps(s)]
        rest = lead.with_verdicts(rest, eligible)
        return Chosen(lead.sentences + rest, lead.note)

    def _following(self, paragraph: Paragraph, n: int) -> list[Paragraph]:
        """`paragraph` and the `n` printed after it."""
        return self.retriever.neighbours(paragraph, before=0, after=n)

    def _preceding(self, paragraph: Paragraph, n: int) -> list[Paragraph]:
        """The `n` paragraphs printed before `paragraph`, and `paragraph`."""
        return self.retriever.neighbours(paragraph, before=n, after=0)

    def _grade_lead(self, query: str, intent: Intent, eligible: list[Scored]) -> GradeLead | None:
        weights = self._term_weights()  # also refreshes the judgements after an ingest
        judgements, paragraphs, documents = self._judged
        named = self._council_scope(query, Scope()).doc_ids
        if named:  # "how was Westshire rated?": not Slough's grades
            judgements = [j for j in judgements if j.doc_id in named]
        if not judgements:
            return None
        top = eligible[0].score if eligible else 1.0
        lookup = self._glossary_lookup()
        lead = grade_lead(
            query, intent, judgements, paragraphs, documents, weights, top, lookup, self._paper
        )
        if lead is not None and intent.quote and not lead.note:
            return None  # "the line where they accept the inadequate grade": that line, no table
        return lead

    def _glossary_lookup(self):
        """Acronym -> long form, from the live index's glossary (None before the first ingest)."""
        keyword = self.retriever.keyword_index()
        return keyword.glossary.lookup if keyword else None

    def _generated(self, question, extractive, scored, started, retrieve_ms):
        from assistant.generation import generate

        try:
            answer = None
            for part in generate(self.llm, question, extractive, scored):
                if isinstance(part, Answer):
                    answer = part
                else:
                    yield part
            assert answer is not None
        except (LLMUnavailable, LLMUngrounded) as exc:
            log.warning("%s", exc)
            answer = replace(extractive, notice=FALLBACK_NOTICE.format(exc))
            yield "\n\n" + answer.notice + "\n\n" + answer.text
        yield _timed(answer, started, retrieve_ms)

    def _reply_from_history(self, question, resolution, started) -> Answer:
        previous = resolution.previous
        text = conversation.reply_from_history(resolution)
        answer = Answer(question, text, previous.citations, previous.hits, False)
        return _timed(answer, started, 0.0)

    def _term_weights(self) -> TermWeights:
        """Term weights, lead-ins and judgements: read from the catalogue once, and again after
        an ingest swaps the index."""
        indexed = self.retriever.keyword_index()
        if self._weights is None or indexed is not self._indexed:
            from index.passages import lead_ins
            from ingest.duplicates import template_paragraphs

            paragraphs = self.catalogue.paragraphs()
            self._weights = TermWeights(p.text for p in paragraphs)
            self._lead_ins = lead_ins(paragraphs)
            self._recommended = [p for p in paragraphs if recommendations.is_recommendation(p)]
            self._venues = [p for p in paragraphs if abstain.is_venue(p)]
            # the glossary's long forms, once per sentence and index state
            self._spelled_out = lru_cache(maxsize=16384)(self.retriever.expand)
            # read once per paper and index state: series, summaries and a day's row all read
            # the papers of the same retrieved passages
            self._paper = lru_cache(maxsize=64)(self.catalogue.paragraphs)
            self._documents = {d.doc_id: d for d in self.catalogue.documents()}
            self._templates = template_paragraphs(paragraphs, self._documents)
            self._kinds_named = papers_by_kind_named(self._documents.values(), self._paper)
            texts: dict[str, list[str]] = {d: [self._documents[d].title] for d in self._documents}
            for paragraph in paragraphs:
                texts.setdefault(paragraph.doc_id, []).append(paragraph.text)
            self._councils = councils_of_papers(texts)
            # a title and its part after the organisation's name ("Slough Borough Council: ...")
            names = [
                part for d in self._documents.values() for part in [d.title, *d.title.split(":")]
            ]
            titles = {title_terms(name, self._weights) for name in names}
            self._titles = tuple(titles)
            judgements = self.catalogue.judgements()
            self._judged = (
                judgements,
                self.catalogue.paragraphs_by_id(j.paragraph_id for j in judgements),
                self._documents,
            )
            self._indexed = indexed
        return self._weights


@dataclass(frozen=True)
class Chosen:
    """The sentences an answer is made of, after `note` (what the papers record, for a false
    grade)."""

    sentences: list[Scored]
    note: str = ""


def _intent(query: str, question: str) -> Intent:
    """What the resolved query asks for; a quote asked for in the words typed counts too."""
    intent = read_intent(query)
    if read_intent(question).quote and not intent.quote:
        intent = replace(intent, quote=True)
    return intent


def _led_by_venue(
    chosen: list[Scored], places: list[Scored], eligible: list[Scored]
) -> list[Scored]:
    """The chosen sentences led by the best of `places`, with the rest of its paper's venue when
    that is printed over several lines ("VENUS SUITE 2, ST MARTINS PLACE, 51 BATH" / "ROAD,
    SLOUGH, BERKSHIRE, SL1 3UF")."""
    chosen = led_by(chosen, places, scored=eligible)
    lead = chosen[0] if chosen else None
    if lead is None or not abstain.is_venue(lead.hit.paragraph):
        return chosen
    rest = sorted(
        (
            s
            for s in places
            if s.hit.document.doc_id == lead.hit.document.doc_id
            and abstain.is_venue(s.hit.paragraph)
            and s not in chosen
        ),
        key=lambda s: s.hit.paragraph.seq,
    )
    return [lead, *rest, *chosen[1:]]


def _part_answered(part: str, sentences: Sequence[Scored], weights: TermWeights) -> bool:
    """Whether `sentences` already answer `part`: a name for a "who", a date for a "when", a
    figure for a "how many", else most of the part's own words."""
    asked = own_words(part)
    intent = read_intent(asked)
    texts = [s.text for s in sentences]
    # a name or a date in a sentence about the part's subject (a subject carried in included):
    # "Nicola Clemo, ... Trust Chief Executive" does not say who the council's DCS is
    subject_terms = weights.query_terms(part)
    if intent.where and not any(map(abstain.gives_place, sentences)):
        return False
    if intent.who:
        return any(
            abstain.names_person(t, asked, weights)
            and weights.coverage(subject_terms, t) >= PART_COVERAGE
            for t in texts
        )
    if intent.when:
        return any(
            has_date(t, asked) and weights.coverage(subject_terms, t) >= PART_COVERAGE
            for t in texts
        )
    if intent.numeric:  # a figure about this part's own subject, not the first part's
        own_terms = weights.query_terms(asked)
        return any(
            has_figure(t, asked) and weights.coverage(own_terms, t) >= PART_COVERAGE for t in texts
        )
    # a sentence of an Ofsted report is what Ofsted said: "... and what did Ofsted say about it?"
    papers = {f"{s.hit.document.kind} {s.hit.document.year or ''}" for s in sentences}
    held = set(weights.tokenize(" ".join([*texts, *papers])))
    return weights.coverage_of(weights.query_terms(asked), held, set()) >= PART_COVERAGE


def _merged(rankings: Sequence[list[Hit]]) -> list[Hit]:
    """The whole question's ranking, then what searching its parts added, each paragraph once."""
    if len(rankings) == 1:
        return rankings[0]
    seen: set[str] = set()
    merged: list[Hit] = []
    for hit in (h for ranking in rankings for h in ranking):
        if hit.paragraph.id not in seen:
            seen.add(hit.paragraph.id)
            merged.append(hit)
    return [replace(h, rank=i) for i, h in enumerate(merged, start=1)]


def _drawn_on(hits: list[Hit], own: list[Hit], top_k: int) -> list[Hit]:
    """`hits` with `own` last among the `top_k` an answer draws on, each paragraph once."""
    added = {h.paragraph.id for h in own}
    rest = [h for h in hits if h.paragraph.id not in added]
    cut = max(top_k - len(own), 0)
    return rest[:cut] + own + rest[cut:]


def _cited_first(hits: Sequence[Hit], citations: Sequence[Citation]) -> tuple[Hit, ...]:
    """The passages an answer reports: the paragraphs it cites first, then the rest, each in
    the order ranked. A cited paragraph found outside the ranking (a strategy's priority
    heading, read from the paper itself) follows the cited ones that were ranked."""
    ids = {pid for c in citations for pid in c.paragraph_ids}
    ordered = [h for h in hits if h.paragraph.id in ids]
    found = {h.paragraph.id for h in ordered}
    ordered += [h for c in citations for h in c.cited_hits if h.paragraph.id not in found]
    ordered += [h for h in hits if h.paragraph.id not in ids]
    return tuple(replace(h, rank=i) for i, h in enumerate(ordered, start=1))


def _unique(sentences: list[Scored]) -> list[Scored]:
    """Each sentence once, where two parts of a question chose the same one."""
    seen: set[tuple[str, int]] = set()
    kept = []
    for sentence in sentences:
        key = (sentence.hit.paragraph.id, sentence.position)
        if key not in seen:
            seen.add(key)
            kept.append(sentence)
    return kept


def _reranked(hits: list[Hit], scored: list[Scored], intent: Intent) -> list[Hit]:
    """Paragraphs the question names by number first, as retrieval put them; then paragraphs
    whose sentences were scored, by their best sentence, those the answer may use (in the
    question's years, `abstain.in_year_scope`) before those it may not; then the rest in
    retrieval order. Scores are the answer's sentence scores (fused scores for the rest)."""
    named = [h for h in hits if "label" in h.via]
    best: dict[str, float] = {}
    usable: set[str] = set()
    for sentence in scored:
        pid = sentence.hit.paragraph.id
        best[pid] = max(best.get(pid, float("-inf")), sentence.score)
        if abstain.in_year_scope(sentence, intent):
            usable.add(pid)
    others = [h for h in hits if "label" not in h.via]
    first = sorted(
        (h for h in others if h.paragraph.id in best),
        key=lambda h: (h.paragraph.id not in usable, -best[h.paragraph.id]),
    )
    rest = [h for h in others if h.paragraph.id not in best]
    ranked = named + [replace(h, score=best[h.paragraph.id]) for h in first] + rest
    return [replace(h, rank=i) for i, h in enumerate(ranked, start=1)]


def _interleave_years(hits: list[Hit], years: Sequence[str]) -> list[Hit]:
    """Round-robin over the years' papers so each year's best paragraphs are among the top."""
    buckets: dict[str, list[Hit]] = {}
    for hit in hits:
        year = hit.document.year or ""
        key = next((y for y in years if year in (y, str(int(y) + 1))), "")
        buckets.setdefault(key, []).append(hit)
    ordered: list[Hit] = []
    queues = [buckets[k] for k in [*years, ""] if k in buckets]
    while any(queues):
        for queue in queues:
            if queue:
                ordered.append(queue.pop(0))
    return ordered


def _abstention(hits: Sequence[Hit]) -> str:
    related = [f"- {full_reference(h.document, h.paragraph)}" for h in hits[:RELATED]]
    if not related:
        return ABSTAIN_TEXT
    return "\n".join([ABSTAIN_TEXT, "Related passages that may help:", *related])


def _timed(answer: Answer, started: float, retrieve_ms: float) -> Answer:
    total = (time.perf_counter() - started) * 1000
    timings = {
        "retrieve_ms": round(retrieve_ms, 1),
        "answer_ms": round(total - retrieve_ms, 1),
        "total_ms": round(total, 1),
    }
    return replace(answer, timings=timings)
