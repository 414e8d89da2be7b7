"""Composing an extractive answer: choosing sentences, numbering citations, ordering the text.

The answer is made of verbatim sentences, each followed by the marker of the paragraph it comes
from. A paragraph is cited once however many of its sentences are used, and a paragraph printed
in two documents (`Paragraph.canonical`) once for both. Questions about change over time are
answered one paper at a time in date order; a question asking for a figure leads with the
sentence that holds it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import takewhile

from assistant.citing import citation_groups, citation_of
from assistant.evaluation import normalise
from assistant.intent import Intent, has_figure
from assistant.references import written_date
from assistant.scoring import Scored
from assistant.types import Citation, Document, Hit, Kind, Paragraph
from index.keyword import label_key
from ingest.sentences import paragraph_sentences

MARGIN = 0.2  # paragraphs whose best sentence is this close to the best one are cited
SENTENCE_MARGIN = 0.4  # within a cited paragraph, sentences this close to its best are used
MAX_PARAGRAPHS = 3
# A change over time is told paper by paper, and three paragraphs across three papers is a thin
# account of what each inspection found ("early help" in 2013: not well targeted; a strategy not
# yet in place): twice as many paragraphs as papers, each paper's best first. Measured over the
# four question sets against MAX_PARAGRAPHS: citation recall +1.6, +0.8, +3.0, 0 points;
# precision -2.1, -1.5, +0.9, -2.6; required terms +4.3, 0, +3.3, 0. Capping each paper at two
# as well cost dev a gold quote and a required term (the 2016 report gives the CiCC three
# paragraphs).
PARAGRAPHS_PER_PAPER = 2
MAX_OVER_TIME_PARAGRAPHS = 6
PAPER_MARGIN = 0.3  # a change over time: each paper's best paragraph this close is cited too
MAX_QUOTE_PARAGRAPHS = 2  # someone asking for a quote wants it, not a summary around it
QUOTE_MARGIN = 0.1  # ...and a second paragraph only when it is about as good a match
MAX_PER_PARAGRAPH = 5
MAX_LIST_ITEMS = 10  # items of a list quoted after the sentence that introduces it
# Findings on one topic fill a section ("Inspection findings" on child protection plans), and a
# question about the topic wants more of them than the three best paragraphs: up to this many
# more paragraphs of the best paragraph's section are cited, each for its best sentence, when
# that sentence is strong on its own. Measured on ../shared/eval/dev.jsonl: margin 0.3 cited
# 3 fewer gold quotes than 0.4, 0.5 the same as 0.4; coverage 0.2 cited one more unrelated
# paragraph, 0.4 one gold quote fewer; without the coverage and answerability floors, a
# question on staff morale got the section's sentences on leadership capacity.
SECTION_MATES = 3
SECTION_MARGIN = 0.4  # the sentence is this close to the answer's best...
SECTION_COVERAGE = 0.3  # ...covers this share of the question's term weight...
# ...and clears the answerability floor (abstain.MIN_SCORE).
UNDATED = "9999"  # sorts undated papers (news items, stand-alone extracts) last


@dataclass(frozen=True)
class Composed:
    text: str
    citations: tuple[Citation, ...]


def select(scored: Sequence[Scored], intent: Intent) -> list[Scored]:
    """The sentences an answer uses: the paragraphs whose best sentence is close to the best
    one, and in each its strong sentences. One copy of each text: near-duplicate paragraphs
    and repeated sentences are dropped."""
    if not scored:
        return []
    limit = MAX_QUOTE_PARAGRAPHS if intent.quote else MAX_PARAGRAPHS
    by_paragraph: dict[str, list[Scored]] = {}
    for candidate in scored:  # best first, so each list is best first too
        by_paragraph.setdefault(candidate.hit.paragraph.id, []).append(candidate)
    floor = scored[0].score - (QUOTE_MARGIN if intent.quote else MARGIN)
    paragraphs = [p for p in by_paragraph.values() if p[0].score >= floor]
    if intent.over_time:
        paragraphs = _each_paper_first(paragraphs + _papers_best(by_paragraph, paragraphs, scored))
        papers = len({p[0].hit.document.doc_id for p in paragraphs})
        limit = max(limit, min(MAX_OVER_TIME_PARAGRAPHS, PARAGRAPHS_PER_PAPER * papers))
    chosen: list[Scored] = []
    seen_text: set[str] = set()
    cited = 0
    for sentences in paragraphs:
        if cited == limit:
            break
        if _duplicates_chosen(sentences[0].hit, chosen):
            continue
        strong = [
            s
            for s in sentences
            if s.score >= sentences[0].score - SENTENCE_MARGIN
            and (s is sentences[0] or s.own_terms or not _record_of_many_points(s.hit))
        ]
        strong = _with_continuations(
            _with_antecedents(strong[:MAX_PER_PARAGRAPH], sentences), sentences
        )
        fresh = [s for s in strong if normalise(s.text) not in seen_text]
        if not fresh:
            continue
        seen_text.update(normalise(s.text) for s in fresh)
        chosen.extend(fresh)
        cited += 1
    if intent.numeric:
        chosen = lead_with(chosen, has_figure)
    if intent.quote:
        chosen = _items_asked_for(chosen)
    return chosen


def _items_asked_for(chosen: list[Scored]) -> list[Scored]:
    """A quote request's list items: only those that cover the most of the question. Someone
    asking for "the exact wording of what Ofsted said about elected members" wants "Ofsted
    highlighted some areas of good practice, including: ... e) Elected Members in Slough Borough
    Council are well-informed ...", not items a) to d) and another paragraph's list as well."""
    items = [s for s in chosen if is_list_item(s.text) or _inside_item(s)]
    if not items:
        return chosen
    best = max(s.lexical for s in items)
    dropped = {id(s) for s in items if s.lexical < best - ITEM_MARGIN}
    for lead in chosen:  # a lead-in goes when every item of its list that was chosen went
        if ANNOUNCES.search(lead.text):
            listed = [id(s) for s in _list_after(lead, items)]
            if listed and all(i in dropped for i in listed):
                dropped.add(id(lead))
    return [s for s in chosen if id(s) not in dropped]


def _list_after(lead: Scored, chosen: Sequence[Scored]) -> list[Scored]:
    """Those of `chosen` in the list `lead` announces: after it in its paragraph, up to the next
    sentence announcing a list."""
    said = paragraph_sentences(lead.hit.paragraph.text, lead.hit.paragraph.label)
    end = next(
        (i for i in range(lead.position + 1, len(said)) if ANNOUNCES.search(said[i])), len(said)
    )
    return [
        s
        for s in chosen
        if s.hit.paragraph.id == lead.hit.paragraph.id and lead.position < s.position < end
    ]


def _inside_item(sentence: Scored) -> bool:
    """Whether a sentence goes on in a list item printed in its paragraph ("a) Ofsted carried out
    an audit of cases ... Ofsted reviewed 51 files ...")."""
    text = sentence.hit.paragraph.text
    start = text.find(sentence.text)
    if start <= 0 or is_list_item(sentence.text):
        return False
    return is_list_item(text[text.rfind("\n", 0, start) + 1 :])


ITEM_MARGIN = 0.05  # of lexical coverage: items about as close to the question as the best


def _record_of_many_points(hit: Hit) -> bool:
    """Whether a paragraph is a minute's record of a discussion: one item of the minutes runs
    through many points ("The work to create a MASH was ongoing ... A sub group on female genital
    mutilation would be led by SBC ... The pressure on school places ..."), so a sentence there
    answers only if it shares a word with the question (or continues one that does)."""
    return hit.document.kind is Kind.MINUTES


def _papers_best(
    by_paragraph: dict[str, list[Scored]], within: list[list[Scored]], scored: Sequence[Scored]
) -> list[list[Scored]]:
    """The best paragraph of each paper that has none `within` the margin, when it is close
    enough (`PAPER_MARGIN`): a change over time needs each paper's account, and a paper's
    figure ("At 31 March 2013, 182 children were being looked after") scores a little below
    another paper's that names more of the question's years."""
    floor = scored[0].score - PAPER_MARGIN
    papers = {p[0].hit.document.doc_id for p in within}
    best: list[list[Scored]] = []
    for sentences in by_paragraph.values():  # best first
        doc_id = sentences[0].hit.document.doc_id
        if doc_id not in papers and sentences[0].score >= floor:
            papers.add(doc_id)
            best.append(sentences)
    return best


def _each_paper_first(paragraphs: list[list[Scored]]) -> list[list[Scored]]:
    """Paragraphs (best first) reordered so that each paper's best comes before any paper's
    second best: a change over time needs each paper's account, not three of the latest."""
    seen: dict[str, int] = {}
    turns = []
    for sentences in paragraphs:
        doc_id = sentences[0].hit.document.doc_id
        turns.append(seen.get(doc_id, 0))
        seen[doc_id] = turns[-1] + 1
    order = sorted(range(len(paragraphs)), key=lambda i: (turns[i], i))
    return [paragraphs[i] for i in order]


def with_section_mates(
    chosen: list[Scored], scored: Sequence[Scored], intent: Intent, floor: float
) -> list[Scored]:
    """The chosen sentences plus the best sentence of up to `SECTION_MATES` more paragraphs of
    the section the best chosen paragraph is in, strong ones only (see SECTION_MARGIN). Not for
    a question asking for one thing (a figure, a date, a person) or for a quote."""
    if not chosen or not scored or intent.leads or intent.quote:
        return chosen
    first = chosen[0].hit.paragraph
    if not first.section:
        return chosen
    floor = max(floor, scored[0].score - SECTION_MARGIN)
    used = {s.hit.paragraph.id for s in chosen}
    said = {normalise(s.text) for s in chosen}
    added: list[Scored] = []
    for sentence in scored:  # best first: the first of each paragraph is its best
        if len(added) == SECTION_MATES or sentence.score < floor:
            break
        paragraph = sentence.hit.paragraph
        if paragraph.id in used:
            continue
        used.add(paragraph.id)
        if (paragraph.doc_id, paragraph.section) != (first.doc_id, first.section):
            continue
        if sentence.lexical < SECTION_COVERAGE or normalise(sentence.text) in said:
            continue
        if _duplicates_chosen(sentence.hit, [*chosen, *added]):
            continue
        added.append(sentence)
    return chosen + added


def with_rarest_term(
    chosen: list[Scored],
    scored: Sequence[Scored],
    rarest: str,
    tokenize: Callable[[str], list[str]],
) -> list[Scored]:
    """The chosen sentences plus, when none of them has the question's rarest term ("morale" in
    "did staff morale collapse when they moved to the trust?"), the best sentence of an already
    cited paragraph that has it, with what continues it: the paragraph was cited for that
    sentence's sake."""
    if not rarest or any(rarest in tokenize(s.text) for s in chosen):
        return chosen
    cited = {s.hit.paragraph.id for s in chosen}
    found = next(
        (s for s in scored if s.hit.paragraph.id in cited and rarest in tokenize(s.text)), None
    )
    if found is None:
        return chosen
    return [*chosen, *(s for s in _continued(found, scored) if s not in chosen)]


def with_announced_items(
    chosen: list[Scored], neighbours: Callable[[Paragraph, int], list[Paragraph]]
) -> list[Scored]:
    """The chosen sentences with the list that the best paragraph announces at its end ("The
    Local Authority has the following strengths"), when that list is printed as separate
    bullet paragraphs: each item is a paragraph of its own, cited by its locator, right after
    what announces it. A later paragraph's list only when its closing announcement was chosen
    (without the list it says nothing; with no list after it, it is dropped).
    `neighbours(paragraph, n)` gives the paragraph and the `n` printed after it."""
    if not chosen:
        return chosen
    lead = chosen[0].hit.paragraph.id
    known = {s.hit.paragraph.id for s in chosen}
    answer: list[Scored] = []
    for sentence in chosen:
        # the best paragraph's list; and a later one's when its announcement is all it gives
        # ("In the 12 months up to 31 March 2013 there have been:"), which alone says nothing
        closes = _announces_at_end(sentence)
        wanted = sentence.hit.paragraph.id == lead or closes
        items = _items(sentence, neighbours, known) if wanted else []
        if items or not (closes and sentence.hit.paragraph.id != lead):
            answer.append(sentence)
        answer += items
    return answer


def with_labelled_items(
    chosen: list[Scored],
    eligible: Sequence[Scored],
    neighbours: Callable[[Paragraph, int], list[Paragraph]] | None = None,
) -> list[Scored]:
    """The chosen sentences with the labelled items of a list that a chosen sentence announces
    inside its own paragraph ("Slough will use the following models ..." then lines opening
    "Boyfriend model: ...", "The 'party model'; ..."): each item's first sentence, in printed
    order, after the paragraph's other chosen sentences. Scoring keeps a paragraph's few best
    sentences and would quote some items and not others (`eligible` holds every sentence).
    A page break may split the paragraph into two records with one number ("• Medium Risk"
    on one page, "High Risk" on the next): `neighbours` (as for `with_announced_items`) gives
    the record after it, whose items are the list's too."""
    answer = list(chosen)
    for pid in dict.fromkeys(s.hit.paragraph.id for s in chosen):
        mine = [s for s in chosen if s.hit.paragraph.id == pid]
        if not any(_ANNOUNCING.search(s.text) for s in mine):
            continue
        paragraph = mine[0].hit.paragraph
        labelled = _labelled_lines(paragraph)
        if len(labelled) < 2:
            continue
        known = {s.position for s in mine}
        items = [
            s
            for s in eligible
            if s.hit.paragraph.id == pid
            and s.position not in known
            and any(line.startswith(s.text) for line in labelled)
        ]
        items = sorted(items, key=lambda s: s.position)
        items += _labelled_items_overleaf(mine[0].hit, neighbours, eligible)
        at = answer.index(mine[-1]) + 1
        answer[at:at] = items[:MAX_LIST_ITEMS]
    return answer


def with_list_lead_ins(
    chosen: list[Scored],
    eligible: Sequence[Scored],
    preceding: Callable[[Paragraph, int], list[Paragraph]],
) -> list[Scored]:
    """The chosen sentences with the announcement of each list one of them is an item of, when
    the item is no sentence of its own: "10 children who became subject of special
    guardianship orders" says nothing of when without "In the 12 months up to 31 March 2013
    there have been:". The announcement (the last sentence of the paragraph the bullets follow)
    is cited by its own locator, right before the first such item, which is set as a list item.
    `preceding(paragraph, n)` gives the `n` paragraphs printed before it and the paragraph."""
    known = {s.hit.paragraph.id for s in chosen}
    answer: list[Scored] = []
    for sentence in chosen:
        paragraph = sentence.hit.paragraph
        if paragraph.style != "bullet" or _starts_listed_item(sentence) or _is_sentence(sentence):
            answer.append(sentence)
            continue
        lead = _announcing(preceding(paragraph, MAX_LIST_ITEMS)[:-1])
        if lead is not None and lead.id not in known:
            known.add(lead.id)
            said = paragraph_sentences(lead.text, lead.label)
            hit = Hit(lead, sentence.hit.document, 0.0, 0, ())
            answer.append(_sentence_at(hit, len(said) - 1, said, eligible))
            listed = replace(sentence.hit, via=(*sentence.hit.via, LISTED))
            sentence = replace(sentence, hit=listed)
        answer.append(sentence)
    return answer


def _announcing(before: list[Paragraph]) -> Paragraph | None:
    """The nearest of `before` (printed before an item, in order) announcing a list, over the
    list's other items and any footnote of the page; an announcement may be a bullet itself
    ("In the 12 months up to 31 March 2013 there have been:" under a list of figures)."""
    for paragraph in reversed(before):
        if introduces_items(paragraph.text):
            return paragraph
        if paragraph.style != "bullet" and not _FOOTNOTE.match(paragraph.text):
            return None
    return None


_FOOTNOTE = re.compile(r"^\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]")  # a page's footnote, set between two items of a list


def _is_sentence(sentence: Scored) -> bool:
    """Whether a text reads as a sentence of its own: a capital first, a full stop last."""
    text = _LIST_ITEM.sub("", sentence.text.strip(), count=1)
    return text[:1].isupper() and text.endswith((".", "!", "?"))


def _labelled_lines(paragraph: Paragraph) -> list[str]:
    lines = [" ".join(line.split()) for line in paragraph.text.split("\n")]
    return [line for line in lines if _is_labelled(line)]


def _labelled_items_overleaf(
    hit: Hit,
    neighbours: Callable[[Paragraph, int], list[Paragraph]] | None,
    eligible: Sequence[Scored],
) -> list[Scored]:
    """The first sentences of the labelled lines of the record continuing `hit`'s paragraph
    after a page break: the next record, with the same printed number."""
    paragraph = hit.paragraph
    if neighbours is None or not paragraph.label:
        return []
    following = neighbours(paragraph, 1)[1:]
    if not following or following[0].label != paragraph.label:
        return []
    overleaf = following[0]
    said = paragraph_sentences(overleaf.text, overleaf.label)
    listed = Hit(overleaf, hit.document, 0.0, 0, (LISTED,))
    items = []
    for line in _labelled_lines(overleaf):
        position = next((i for i, text in enumerate(said) if line.startswith(text)), None)
        if position is not None:
            items.append(_sentence_at(listed, position, said, eligible))
    return items


def _sentence_at(hit: Hit, position: int, said: list[str], eligible: Sequence[Scored]) -> Scored:
    """The sentence at `position` of `hit`'s paragraph (whose sentences are `said`): as scored
    when it is among `eligible`, else unscored, added for what it completes."""
    pid = hit.paragraph.id
    found = (s for s in eligible if s.hit.paragraph.id == pid and s.position == position)
    return next(found, None) or Scored(hit, position, said[position], 0.0, 0.0, 0.0)


# "the following models", "as follows:", "... three outcomes/ risk categories:-". Unlike
# ANNOUNCES, anywhere in the sentence: its items follow in the same paragraph, so "Slough will
# use the following models ..., as well as the perpetrators." announces them too.
_ANNOUNCING = re.compile(r"\bthe following\b|\bas follows\b|:-?\s*$", re.IGNORECASE)
# a line opening with a short label: "Boyfriend model: ...", "• Low Risk – A vulnerable ..."
_LABELLED = re.compile(r"^\W{0,2}([A-Z][\w'’‘/&() -]{1,60}?)(?:[:;]|\s[–-])\s+\S")
MAX_LABEL_WORDS = 6


def _is_labelled(line: str) -> bool:
    match = _LABELLED.match(line)
    return match is not None and len(match.group(1).split()) <= MAX_LABEL_WORDS


def _items(
    sentence: Scored, neighbours: Callable[[Paragraph, int], list[Paragraph]], known: set[str]
) -> list[Scored]:
    """The bullet paragraphs printed after `sentence` when it closes its paragraph by announcing
    them, each as sentences cited by its own locator; `known` (paragraph ids already in the
    answer) is updated."""
    paragraph = sentence.hit.paragraph
    said = paragraph_sentences(paragraph.text, paragraph.label)
    if sentence.position != len(said) - 1 or not introduces_items(paragraph.text):
        return []
    items: list[Scored] = []
    for item in takewhile(lambda p: p.style == "bullet", neighbours(paragraph, MAX_LIST_ITEMS)[1:]):
        if item.id in known:
            continue
        known.add(item.id)
        hit = Hit(item, sentence.hit.document, 0.0, 0, (LISTED,))
        items += [
            Scored(hit, i, text, 0.0, 0.0, 0.0)
            for i, text in enumerate(paragraph_sentences(item.text, item.label))
        ]
    return items


def _announces_at_end(sentence: Scored) -> bool:
    paragraph = sentence.hit.paragraph
    said = paragraph_sentences(paragraph.text, paragraph.label)
    return sentence.position == len(said) - 1 and bool(ANNOUNCES.search(sentence.text.rstrip()))


def led_by(
    chosen: list[Scored],
    answering: Sequence[Scored],
    tie: float = 0.0,
    scored: Sequence[Scored] = (),
) -> list[Scored]:
    """The chosen sentences led by one of `answering`, the strong sentences that answer what was
    asked (a figure for "how many", a person for "who"), best first: the first chosen one, or
    else the best of them, added; the abstention rule found the question answerable on their
    strength. With a `tie`, a better one of `answering` scoring within `tie` of the chosen one
    leads instead, chosen or not ("Lead inspector: Stephanie Murray" before "Deputy lead
    inspector: Sheena Doyle", which the model happened to score a little higher). The lead
    brings the sentence of `scored` that continues it ("Ofsted reviewed 51 files. They looked
    at 43 cases in children's social care.")."""
    found = next((s for s in chosen if s in answering), None)
    if found is not None and tie:
        found = next(s for s in answering if s is found or s.score >= found.score - tie)
    if found is None and answering:
        found = answering[0]
    if found is None:
        return chosen
    lead = _continued(found, scored)
    return lead + [s for s in chosen if s not in lead]


def with_figures_only(chosen: list[Scored], answering: Sequence[Scored]) -> list[Scored]:
    """For a question asking one figure, led by a sentence of `answering` (see `led_by`), the
    paragraphs that hold one of `answering`: "number of children on CP plans in 2013" is answered
    by "147 children ... were the subject of a child protection plan", not also by the looked
    after children's count and the history of the threshold. As they are when nothing answers."""
    if not chosen or chosen[0] not in answering:
        return chosen
    holding = {s.hit.paragraph.id for s in chosen if s in answering}
    return [s for s in chosen if s.hit.paragraph.id in holding]


# What a paper lists under an announcement ("The Local Authority has the following strengths").
_LISTED = re.compile(
    r"\b(strengths|weaknesses|concerns|risks|areas? (?:for|of) (?:improvement|development))\b",
    re.IGNORECASE,
)


def led_by_announced_list(
    chosen: list[Scored], eligible: Sequence[Scored], question: str, floor: float
) -> list[Scored]:
    """For "What strengths did Ofsted identify in 2013?", the chosen sentences led by the best
    eligible one (scoring at least `floor`, and covering as much of the question as the best
    chosen one) that closes its paragraph by announcing a list of what was asked ("The Local
    Authority has the following strengths"), so that the list is quoted after it
    (`with_announced_items`); the chosen sentences as they are otherwise."""
    asked = {" ".join(m.lower().split()) for m in _LISTED.findall(question)}
    if not asked or not chosen:
        return chosen
    for sentence in eligible:  # best first
        if sentence.score < floor:
            break
        if sentence.lexical < chosen[0].lexical:
            continue  # "strengths in early help": a list of strengths that says less of it
        text = sentence.text.lower()
        if _announces_at_end(sentence) or introduces_items(sentence.hit.paragraph.text):
            if any(noun in text for noun in asked):
                pid = sentence.hit.paragraph.id
                return [sentence] + [s for s in chosen if s.hit.paragraph.id != pid]
    return chosen


def lead_with(chosen: list[Scored], holds: Callable[[str], bool]) -> list[Scored]:
    """The chosen sentences led by the first that holds what the question asks for (a date for
    "when", a name for "who"). Only reordered: a sentence that was not chosen on its merits is
    not added for holding a date or a name (measured: "when did the trust start" then led
    with "at the start of 2015 when Berkshire Healthcare NHS Foundation Trust...")."""
    found = next((s for s in chosen if holds(s.text)), None)
    if found is None:
        return chosen
    return [found] + [s for s in chosen if s is not found]


def named_paragraphs(hits: Sequence[Hit], scored: Sequence[Scored]) -> list[Scored]:
    """Every sentence, in printed order, of the paragraphs the question names by number
    ("para 49 of the 2016 report", "5.3"): for each number, the paper retrieval ranked first."""
    chosen: dict[str, Hit] = {}
    for hit in hits:
        if "label" in hit.via:
            chosen.setdefault(label_key(hit.paragraph.label), hit)
    ids = {hit.paragraph.id for hit in chosen.values()}
    order = {pid: i for i, pid in enumerate(h.paragraph.id for h in chosen.values())}
    sentences = [s for s in scored if s.hit.paragraph.id in ids]
    return sorted(sentences, key=lambda s: (order[s.hit.paragraph.id], s.position))


# A sentence opening with one of these leans on the one before ("However, this has not ensured
# sufficient improvement"); quoting the first without it would misreport the paragraph.
_CONTINUES = re.compile(
    r"^(?:However|But|Although|Despite this|This|These|That|Those|It|They|Such|As a result|Again|"
    r"According to [^,]{0,40}, (?:this|these|that))\b"
    # "According to the trust's data, in October 2015 this figure had increased to 15%."; "The
    # Trust has commissioned the National Youth Advocacy Service (NYAS) to address this gap"
    r"|^[^.;]{0,100}\b(?:this|these|that) (?:figures?|numbers?|rates?|proportions?|percentages?|"
    r"gaps?|shortfalls?|problems?|weakness(?:es)?)\b"
    # what was done about what the sentence before names: "Senior managers ... took steps to
    # address this, including the appointment of a workforce lead ..."
    r"|^[^.;]{0,100}\b(?:address|tackle|resolve|remedy|rectify|deal with)(?:e?[sd]|ing)? "
    r"(?:this|these|that|those|it|them)\b"
)


# Direct speech: a quotation mark opening after "said," or ":" or at the start, before a capital.
_SPEECH = re.compile(
    r"(?:\b(?:said|says|say|told|commented|explained|added)\b,?|:|^)\s*['‘“\"](?=[A-Z])"
)
_OPENS = re.compile(r"(?:^|(?<=[\s(\[—–-]))['‘“\"](?=\w)")
_CLOSES = re.compile(r"(?<=[\w.,!?])['’”\"](?=[\s.,;:!?)]|$)")
MAX_QUOTED = 6  # sentences of one quotation quoted after the one that opens it


def is_speech(sentence: str) -> bool:
    """Whether a sentence quotes someone's own words ("One young person said, 'I know she's
    busy ..."), not a phrase in quotation marks ("the 'party model'")."""
    return bool(_SPEECH.search(sentence))


def _opens_quotation(sentence: str) -> bool:
    """Whether a quotation opens in the sentence and goes on after it (apostrophes, between
    letters, are neither)."""
    return len(_OPENS.findall(sentence)) > len(_CLOSES.findall(sentence))


def _with_continuations(chosen: list[Scored], paragraph: Sequence[Scored]) -> list[Scored]:
    """The chosen sentences plus what they lean on or announce: a sentence right after one of
    them that continues it or counts what it names ("In total the report has 22 main findings.
    Of those, 6 were graded as inadequate"), and the list printed right after one (a list
    answers the sentence that introduces it: "The judgements were:" is nothing without them)."""
    by_position = {s.position: s for s in paragraph}
    out = list(chosen)
    for sentence in out:  # grows: a continuation can itself be continued
        following = by_position.get(sentence.position + 1)
        if following is not None and following not in out:
            if _continues(following.text) or _is_short_turn(sentence.text):
                out.append(following)
        if _opens_quotation(sentence.text):  # the rest of the quotation, up to its closing mark
            for position in range(sentence.position + 1, sentence.position + 1 + MAX_QUOTED):
                said = by_position.get(position)
                if said is None:
                    break
                if said not in out:
                    out.append(said)
                if _CLOSES.search(said.text):
                    break
        if not _introduces_list(sentence, by_position):
            continue
        position = sentence.position + 1
        while (item := by_position.get(position)) is not None and is_list_item(item.text):
            if position - sentence.position > MAX_LIST_ITEMS:
                break
            if item not in out:
                out.append(item)
            position += 1
    return out


# A sentence opening with one of these counts or sorts what the sentence before it names ("Of
# these 13 children, 10 achieved ...", "One was judged to be good and the other requires
# improvement"): quoted alone, it says nothing of what it is about. (Openings such as "This" or
# "It" are left alone: "It is too early to say" leans on nothing.)
_LEANS_BACK = re.compile(
    r"^(?:Of (?:these|those|them|this number|whom|which)|Both (?:were|are|have|had)|"
    r"Neither|One (?:was|is|has|had)\b.*\bthe other|Each of (?:these|them|those))\b"
)


def _continued(sentence: Scored, scored: Sequence[Scored]) -> list[Scored]:
    """`sentence` and what continues it (`_with_continuations`) among `scored`."""
    paragraph = [s for s in scored if s.hit.paragraph.id == sentence.hit.paragraph.id]
    return _with_continuations([sentence], paragraph)


def _continues(sentence: str) -> bool:
    return bool(_CONTINUES.match(sentence) or _LEANS_BACK.match(sentence))


MAX_TURN = 6  # words: "However, the DCS is interim." sets up the sentence after it
_TURNS = re.compile(r"^(?:However|But|Yet|Nevertheless|Even so)\b")


def _is_short_turn(sentence: str) -> bool:
    """Whether a sentence is a short turn that the sentence after it explains: "However, the DCS
    is interim." is followed by why that matters ("The council is considering succession
    arrangements, but continued uncertainty risks ..."), and ends no answer on its own."""
    return bool(_TURNS.match(sentence)) and len(sentence.split()) <= MAX_TURN


def _with_antecedents(chosen: list[Scored], paragraph: Sequence[Scored]) -> list[Scored]:
    """The chosen sentences plus the sentence before each one that counts or sorts what that
    sentence names (see _LEANS_BACK)."""
    by_position = {s.position: s for s in paragraph}
    out = list(chosen)
    for sentence in chosen:
        before = by_position.get(sentence.position - 1)
        if before is not None and before not in out and _LEANS_BACK.match(sentence.text):
            out.append(before)
    return out


def _introduces_list(sentence: Scored, by_position: dict[int, Scored]) -> bool:
    """The sentence right before a paragraph's first list item (a sentence inside an item of a
    list, such as a minute's bullet points, introduces nothing)."""
    following = by_position.get(sentence.position + 1)
    return (
        following is not None
        and is_list_item(following.text)
        and not any(is_list_item(s.text) for p, s in by_position.items() if p <= sentence.position)
    )


_LIST_ITEM = re.compile(r"^\s*(?:[•▪‣◦·-]|\(?[a-z]\)|\(?[ivx]{1,4}\))\s+")


def is_list_item(sentence: str) -> bool:
    return bool(_LIST_ITEM.match(sentence))


def _duplicates_chosen(hit: Hit, chosen: Sequence[Scored]) -> bool:
    """Whether `hit` is a near-duplicate of a paragraph already used (or the other way)."""
    mine = hit.paragraph.canonical or hit.paragraph.id
    for other in chosen:
        if other.hit.paragraph.id == hit.paragraph.id:
            continue
        theirs = other.hit.paragraph.canonical or other.hit.paragraph.id
        if mine == theirs:
            return True
    return False


def compose(chosen: Sequence[Scored], intent: Intent) -> Composed:
    """The answer text with [n] markers, and its citations numbered in order of appearance."""
    if intent.over_time or _rows_of_several_papers(chosen):
        groups = _by_paper(chosen)
    else:
        groups = [(None, _reading_order(chosen, lead_first=intent.leads))]
    cited_by = citation_groups([s.hit for _, sentences in groups for s in sentences])
    numbers: dict[str, int] = {}  # by the id of the paragraph a citation is numbered by
    quotes: dict[str, list[Scored]] = {}
    hits: dict[str, dict[str, Hit]] = {}
    blocks: list[str] = []
    for document, sentences in groups:
        body = ""
        previous: Scored | None = None
        lines = _lines(sentences)
        for i, sentence in enumerate(sentences):
            key = cited_by[sentence.hit.paragraph.id]
            n = numbers.setdefault(key, len(numbers) + 1)
            quotes.setdefault(key, []).append(sentence)
            hits.setdefault(key, {})[sentence.hit.paragraph.id] = sentence.hit
            joins = _within_item(previous, sentence) or _tag_of(previous, sentence)
            if joins and body.endswith(f" [{n}]"):
                # the next sentence of the same bullet point, or a "(Recommendation)" tag, stays
                # with the sentence before it under one marker
                body = f"{body[: -len(f' [{n}]')]} {sentence.text} [{n}]"
            elif RESOLUTION in sentence.hit.via and body:  # on its minute's line
                body = body.removesuffix(f" [{n}]")
                after = "" if body.endswith((".", ":", ";", "?", "!", "]")) else ":"
                body = f"{body}{after} {sentence.text} [{n}]"
            else:
                if i in lines and i - 1 in lines and body.endswith(f" [{n}]"):
                    body = body[: -len(f" [{n}]")]  # a block's lines: one marker, after the last
                item = _starts_listed_item(sentence) or i in lines
                body = _appended(body, sentence.text, n, item)
            previous = sentence
        if document is not None:  # a list starts on the line after the paper's heading
            body = f"{paper_heading(document)}:{chr(10) if body.startswith('- ') else ' '}{body}"
        blocks.append(body)
    citations = tuple(
        citation_of(n, list(hits[key].values()), _quote(quotes[key]))
        for key, n in sorted(numbers.items(), key=_n)
    )
    return Composed("\n\n".join(blocks), citations)


JUDGEMENT = "judgement"  # the `via` of a judgement table's row that leads an answer (grades)


def _rows_of_several_papers(chosen: Sequence[Scored]) -> bool:
    """Whether judgement rows of more than one paper lead: "2.1 Adoption performance Requires
    improvement" from 2013 and from 2016 read as one line twice unless each paper heads its own."""
    papers = {s.hit.document.doc_id for s in chosen if JUDGEMENT in s.hit.via}
    return len(papers) > 1


def _appended(body: str, sentence: str, n: int, item: bool = False) -> str:
    """Running text, with list items (and `item`s) as a Markdown list, one per line, and text
    after a list starting a new paragraph."""
    if item or is_list_item(sentence):
        item = f"- {_LIST_ITEM.sub('', sentence, count=1)} [{n}]"
        return f"{body}\n{item}" if body else item
    if body.rpartition("\n")[2].startswith("- "):
        return f"{body}\n\n{sentence} [{n}]"
    return f"{body} {sentence} [{n}]" if body else f"{sentence} [{n}]"


LISTED = "list"  # the `via` of a hit added as an item of a list its lead-in announced
RESOLUTION = "resolution"  # ...and of a minute's resolution, set on the line of its item


def _starts_listed_item(sentence: Scored) -> bool:
    return LISTED in sentence.hit.via and sentence.position == 0


MAX_LINE = 200  # characters: a row, an address line or a name list, not a paragraph


def _lines(sentences: Sequence[Scored]) -> set[int]:
    """The positions of the sentences that are lines of a block printed a line at a time (the
    rows of an attendance record, an address, who was present): two or more in a row, each a
    whole short paragraph with no full stop to end it in running text (a comma ends a line of
    names a cover wraps: "(Councillors Pantelic (Chair), Abe (Vice Chair), Bal,"). Each is set
    on a line of its own, not run into the next ("Abe P P P Ap P [1] Bal P Ap ..."); one line
    alone (a cover line, a list's lead-in) stays as it is."""
    line = [_is_line(s) for s in sentences]
    return {
        i
        for i, is_line in enumerate(line)
        if is_line and ((i > 0 and line[i - 1]) or (i + 1 < len(line) and line[i + 1]))
    }


def _is_line(sentence: Scored) -> bool:
    text = sentence.text.strip()
    whole = " ".join(sentence.hit.paragraph.text.split())
    return (
        sentence.position == 0
        and " ".join(text.split()) == whole
        and len(whole) <= MAX_LINE
        and not whole.endswith((".", "?", "!", ":", ";"))
    )


def introduces_items(paragraph_text: str) -> bool:
    """Whether a paragraph ends by announcing the list printed after it ("... has the following
    strengths", "... as follows:"), or is a heading set as text ("Priority and immediate
    action"). The caller checks that bullet points do follow."""
    last = paragraph_text.rstrip().rsplit("\n", 1)[-1]
    if ANNOUNCES.search(last):
        return True
    # a heading printed as text: "Priority and immediate action", "Areas for improvement"
    return "\n" not in paragraph_text.strip() and _HEADING_LINE.match(last) is not None


_HEADING_LINE = re.compile(r"^[A-Z][^.;:!?]{2,60}$")
# the end of a sentence announcing a list: "... the following key strategic priorities:-"
ANNOUNCES = re.compile(r"(?::-?|\bthe following\b[^.;]*|\bas follows)\s*$", re.IGNORECASE)


_TAG = re.compile(r"^\(\w+(?: \w+)?\)$")  # "(Recommendation)", printed after a finding


def _tag_of(previous: Scored | None, sentence: Scored) -> bool:
    return (
        previous is not None
        and previous.hit.paragraph.id == sentence.hit.paragraph.id
        and sentence.position == previous.position + 1
        and _TAG.match(sentence.text) is not None
    )


def _within_item(previous: Scored | None, sentence: Scored) -> bool:
    """Whether `sentence` goes on in the same list item as `previous`, the sentence printed just
    before it: "• Develop a multi-agency response. This should be rooted in ...". A list item on
    the page runs to the next line break."""
    if previous is None or previous.hit.paragraph.id != sentence.hit.paragraph.id:
        return False
    if sentence.position != previous.position + 1 or is_list_item(sentence.text):
        return False
    text = sentence.hit.paragraph.text
    start = text.find(previous.text)
    if start < 0:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    item = is_list_item(text[line_start:]) or (
        sentence.hit.paragraph.style == "bullet" and line_start == 0
    )
    end = start + len(previous.text)
    following = text.find(sentence.text, end)
    return item and following >= 0 and "\n" not in text[end:following]


def _n(item: tuple[str, int]) -> int:
    return item[1]


def _quote(sentences: Sequence[Scored]) -> str:
    """The sentences used, in printed order: one line per paragraph where a citation spans
    several (the items of a list stay apart)."""
    by_paragraph: dict[int, list[Scored]] = {}
    for sentence in sorted(
        dict.fromkeys(sentences), key=lambda s: (s.hit.paragraph.seq, s.position)
    ):
        by_paragraph.setdefault(sentence.hit.paragraph.seq, []).append(sentence)
    lines = (" ".join(dict.fromkeys(s.text for s in part)) for part in by_paragraph.values())
    return "\n".join(dict.fromkeys(lines))


def _reading_order(chosen: Sequence[Scored], lead_first: bool = False) -> list[Scored]:
    """Best paragraph first; a paragraph's sentences together and in the order printed. With
    `lead_first`, the first chosen sentence (the one holding the figure, date or name asked
    for) and the chosen sentences printed right after it open the answer even when its
    paragraph has earlier sentences."""
    order: dict[str, int] = {}
    for sentence in chosen:
        order.setdefault(sentence.hit.paragraph.id, len(order))
    ordered = sorted(chosen, key=lambda s: (order[s.hit.paragraph.id], s.position))
    if lead_first and chosen:
        lead = [chosen[0]]  # with the sentences printed right after it, which go on from it
        following = {(s.hit.paragraph.id, s.position): s for s in chosen}
        while (nxt := following.get((lead[0].hit.paragraph.id, lead[-1].position + 1))) is not None:
            lead.append(nxt)
        ordered = lead + [s for s in ordered if s not in lead]
    return ordered


def _by_paper(chosen: Sequence[Scored]) -> list[tuple[Document, list[Scored]]]:
    """One group per paper, oldest first; undated papers last."""
    papers: dict[str, list[Scored]] = {}
    documents: dict[str, Document] = {}
    for sentence in chosen:
        documents[sentence.hit.document.doc_id] = sentence.hit.document
        papers.setdefault(sentence.hit.document.doc_id, []).append(sentence)
    ordered = sorted(papers, key=lambda d: (documents[d].date or UNDATED, d))
    return [(documents[d], _reading_order(papers[d])) for d in ordered]


def paper_heading(document: Document) -> str:
    """'11 December 2013, Slough Borough Council: Inspection of ...' (or 'Undated, ...')."""
    return f"{written_date(document.date)}, {document.title}"
