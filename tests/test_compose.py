"""Sentence selection, citation numbering, date-ordered groups and the numeric lead."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from assistant.compose import (
    JUDGEMENT,
    LISTED,
    RESOLUTION,
    compose,
    introduces_items,
    is_speech,
    lead_with,
    led_by,
    select,
    with_figures_only,
    with_labelled_items,
    with_list_lead_ins,
    with_rarest_term,
    with_section_mates,
)
from assistant.intent import read_intent
from assistant.types import Kind
from tests.answerfakes import document, hit, scored

PLAIN = read_intent("What did inspectors find about care plans?")


def test_each_sentence_is_followed_by_the_marker_of_its_paragraph():
    a = hit("49", "Plans are late. They lack detail.", seq=1)
    b = hit("50", "Reviews are timely.", seq=2)
    chosen = [scored(a, "Plans are late.", 1.0), scored(b, "Reviews are timely.", 0.95),
              scored(a, "They lack detail.", 0.9, position=1)]  # fmt: skip
    composed = compose(select(chosen, PLAIN), PLAIN)
    assert composed.text == "Plans are late. [1] They lack detail. [1] Reviews are timely. [2]"
    assert [(c.n, c.hit.paragraph.label) for c in composed.citations] == [(1, "49"), (2, "50")]
    assert composed.citations[0].quote == "Plans are late. They lack detail."
    assert set(re.findall(r"\[(\d+)\]", composed.text)) == {"1", "2"}


def test_sentences_far_below_the_best_are_left_out():
    a, b = hit("1", "Strong.", seq=1), hit("2", "Weak.", seq=2)
    chosen = select([scored(a, "Strong.", 1.2), scored(b, "Weak.", 0.5)], PLAIN)
    assert [s.text for s in chosen] == ["Strong."]


def test_a_near_duplicate_paragraph_is_cited_once():
    original = hit("49", "Morale is good.", seq=1)
    copy = hit("", "Morale is good.", doc=document("summary", None), seq=0,
               canonical=original.paragraph.id)  # fmt: skip
    chosen = select([scored(original, "Morale is good.", 1.0),
                     scored(copy, "Morale is good.", 0.99)], PLAIN)  # fmt: skip
    assert len(compose(chosen, PLAIN).citations) == 1


def test_strong_findings_of_the_best_paragraphs_section_are_cited_too():
    best = hit("16", "Plans are not specific.", seq=1)
    mate = hit("18", "Plans vary from inadequate to good.", seq=3)
    weak = hit("19", "Minutes are late.", seq=4)
    elsewhere = hit("90", "Plans for care leavers are poor.", seq=9, section=("Care leavers",))
    ranked = [scored(best, "Plans are not specific.", 1.0),
              scored(elsewhere, "Plans for care leavers are poor.", 0.75),
              scored(mate, "Plans vary from inadequate to good.", 0.7),
              scored(weak, "Minutes are late.", 0.7, lexical=0.1)]  # fmt: skip
    chosen = select(ranked, PLAIN)
    assert [s.hit.paragraph.label for s in chosen] == ["16"]  # the others are below the margin
    widened = with_section_mates(chosen, ranked, PLAIN, floor=0.62)
    assert [s.hit.paragraph.label for s in widened] == ["16", "18"]
    # a sentence under the answerability floor is not added, however close to the best
    assert with_section_mates(chosen, ranked, PLAIN, floor=0.72) == chosen


def test_a_question_asking_for_one_figure_gets_no_more_of_the_section():
    intent = read_intent("How many plans were specific?")
    best = hit("16", "Ten plans were specific.", seq=1)
    mate = hit("18", "Plans vary from inadequate to good.", seq=3)
    ranked = [scored(best, "Ten plans were specific.", 1.0),
              scored(mate, "Plans vary from inadequate to good.", 0.7)]  # fmt: skip
    chosen = select(ranked, intent)
    assert with_section_mates(chosen, ranked, intent, floor=0.62) == chosen


def test_a_numeric_question_leads_with_the_figure():
    intent = read_intent("How many adopters were approved?")
    a = hit("72", "Adoption is a strength.", seq=1)
    b = hit("73", "Nine adopters were approved.", seq=2)
    chosen = select([scored(a, "Adoption is a strength.", 1.0),
                     scored(b, "Nine adopters were approved.", 0.95)], intent)  # fmt: skip
    text = compose(chosen, intent).text
    assert text.startswith("Nine adopters were approved. [1]")


def test_an_answer_is_led_by_a_chosen_sentence_holding_what_was_asked_and_nothing_is_added():
    a = hit("51", "The hub is not in place. It will open in Summer 2016.", seq=1)
    chosen = [scored(a, "The hub is not in place.", 1.0),
              scored(a, "It will open in Summer 2016.", 0.9, position=1)]  # fmt: skip
    led = lead_with(chosen, lambda text: "2016" in text)
    assert [s.text for s in led] == ["It will open in Summer 2016.", "The hub is not in place."]
    assert lead_with(chosen, lambda text: "2017" in text) == chosen


def test_the_lead_opens_the_answer_even_when_its_paragraph_has_earlier_sentences():
    intent = read_intent("What percentage of care leavers were in suitable accommodation?")
    a = hit("95", "Accommodation is underdeveloped. 88% are in suitable accommodation.", seq=1)
    chosen = select([scored(a, "Accommodation is underdeveloped.", 1.0),
                     scored(a, "88% are in suitable accommodation.", 0.95, position=1)],
                    intent)  # fmt: skip
    text = compose(chosen, intent).text
    assert text == "88% are in suitable accommodation. [1] Accommodation is underdeveloped. [1]"
    plain = compose(select(chosen, PLAIN), PLAIN).text  # no lead asked for: printed order
    assert plain.startswith("Accommodation is underdeveloped. [1]")


def test_the_next_sentence_of_a_bullet_point_stays_on_its_line():
    text = "Recommendations:\n• Develop a response. This should be rooted in guidance.\n• Review."
    a = hit("1", text, seq=1)
    chosen = [scored(a, "Recommendations:", 1.0),
              scored(a, "• Develop a response.", 0.9, position=1),
              scored(a, "This should be rooted in guidance.", 0.9, position=2),
              scored(a, "• Review.", 0.9, position=3)]  # fmt: skip
    text = compose(chosen, PLAIN).text
    assert text == (
        "Recommendations: [1]\n- Develop a response. This should be rooted in guidance. [1]\n"
        "- Review. [1]"
    )


def test_a_cited_paragraphs_sentence_with_the_questions_rarest_term_is_added():
    a = hit("118", "Staff moved to the trust. Morale is good.", seq=1)
    b = hit("119", "Morale was low in 2011.", seq=2)
    moved = scored(a, "Staff moved to the trust.", 1.0)
    morale = scored(a, "Morale is good.", 0.5, position=1)
    elsewhere = scored(b, "Morale was low in 2011.", 0.6)

    def tokenize(text: str) -> list[str]:
        return text.lower().rstrip(".").split()

    added = with_rarest_term([moved], [moved, elsewhere, morale], "morale", tokenize)
    assert added == [moved, morale]  # from the cited paragraph, not the better-scored other one
    assert with_rarest_term([moved, morale], [moved, morale], "morale", tokenize) == [moved, morale]
    assert with_rarest_term([moved], [moved, elsewhere], "morale", tokenize) == [moved]


def test_the_sentence_added_for_the_rarest_term_brings_what_continues_it():
    text = "Ofsted judged services. The report has 22 main findings. Of those, 6 were inadequate."
    a = hit("5.4", text)
    judged = scored(a, "Ofsted judged services.", 1.0)
    findings = scored(a, "The report has 22 main findings.", 0.5, position=1)
    of_those = scored(a, "Of those, 6 were inadequate.", 0.3, position=2)

    def tokenize(text: str) -> list[str]:
        return text.lower().rstrip(".").split()

    scored_ = [judged, findings, of_those]
    assert with_rarest_term([judged], scored_, "main", tokenize) == [judged, findings, of_those]


@pytest.mark.parametrize(
    "text, announces",
    [
        ("The Local Authority has the following strengths", True),
        ("The Board agreed the following actions:", True),
        ("Priority and immediate action", True),  # a heading set as text
        ("Plans were reviewed as follows", True),
        ("The following strengths were noted by inspectors.", False),
        ("Social work caseloads have reduced.", False),
    ],
)
def test_a_paragraph_announces_the_list_after_it(text, announces):
    assert introduces_items(text) is announces


def test_a_tag_printed_after_a_finding_stays_with_it():
    a = hit("49", "The school is ineffective. (Recommendation)", seq=1)
    chosen = [scored(a, "The school is ineffective.", 1.0),
              scored(a, "(Recommendation)", 0.9, position=1)]  # fmt: skip
    assert compose(chosen, PLAIN).text == "The school is ineffective. (Recommendation) [1]"


def test_an_answering_sentence_leads_and_is_added_only_when_none_was_chosen():
    a = hit("93", "EET is recorded. Nearly 70% are in EET.", seq=1)
    recorded = scored(a, "EET is recorded.", 1.0)
    figure = scored(a, "Nearly 70% are in EET.", 0.9, position=1)
    assert led_by([recorded, figure], [figure]) == [figure, recorded]
    assert led_by([recorded], [figure]) == [figure, recorded]
    assert led_by([recorded], []) == [recorded]


def test_an_answering_sentence_leads_with_the_sentence_that_goes_on_from_it():
    a = hit("5.4", "Ofsted reviewed 51 files. They looked at 43 cases. Good practice was seen.")
    practice = scored(a, "Good practice was seen.", 1.0, position=2)
    files = scored(a, "Ofsted reviewed 51 files.", 0.8)
    cases = scored(a, "They looked at 43 cases.", 0.1, position=1)
    chosen = led_by([practice], [files], scored=[practice, files, cases])
    assert chosen == [files, cases, practice]
    text = compose(chosen, read_intent("How many files did Ofsted review?")).text
    assert (
        text
        == "Ofsted reviewed 51 files. [1] They looked at 43 cases. [1] Good practice was seen. [1]"
    )


def test_one_figure_asked_for_is_cited_without_the_paragraphs_around_it():
    plans = hit("p. 6, ¶1", "147 children were the subject of a plan.", seq=1)
    looked_after = hit("p. 6, ¶4", "182 children were looked after.", seq=2)
    threshold = hit("p. 7, ¶4", "The threshold was too high.", seq=3)
    figure = scored(plans, "147 children were the subject of a plan.", 1.0)
    other = scored(looked_after, "182 children were looked after.", 0.9)
    context = scored(threshold, "The threshold was too high.", 0.85)
    chosen = [figure, other, context]
    assert with_figures_only(chosen, [figure]) == [figure]
    assert with_figures_only(chosen, [figure, other]) == [figure, other]
    # nothing answering leads: the answer is left as it was chosen
    assert with_figures_only([context, figure], [figure]) == [context, figure]


def test_a_sentence_counting_what_the_one_before_names_comes_with_it():
    a = hit("52", "Performance is poor. During 2014, none of the 13 achieved five passes. "
                  "Of these 13 children, 10 achieved one pass.")  # fmt: skip
    sentences = [scored(a, "Of these 13 children, 10 achieved one pass.", 1.0, position=2),
                 scored(a, "During 2014, none of the 13 achieved five passes.", 0.1, position=1),
                 scored(a, "Performance is poor.", 0.1)]  # fmt: skip
    quote = compose(select(sentences, PLAIN), PLAIN).citations[0].quote
    assert quote == (
        "During 2014, none of the 13 achieved five passes. Of these 13 children, 10 achieved "
        "one pass."
    )


def test_change_over_time_is_answered_one_paper_at_a_time_in_date_order():
    intent = read_intent("How were the homes rated in 2013 compared with 2016?")
    assert intent.over_time
    new = hit("", "Both homes are good.", doc=document("ofsted-2016", "2016-02-17"), seq=1)
    old = hit("", "One home requires improvement.", doc=document("ofsted-2014", "2013-12-11"))
    undated = hit("", "A visit found progress.", doc=document("news", None), seq=2)
    chosen = [
        scored(new, "Both homes are good.", 1.0),
        scored(undated, "A visit found progress.", 0.95),
        scored(old, "One home requires improvement.", 0.9),
    ]
    blocks = compose(select(chosen, intent), intent).text.split("\n\n")
    assert [b.split(",")[0] for b in blocks] == ["11 December 2013", "17 February 2016", "Undated"]
    assert blocks[0].endswith("One home requires improvement. [1]")


def test_a_change_over_time_cites_each_papers_best_before_a_papers_second():
    intent = read_intent("Has the council become more representative since 2013?")
    later, earlier = document("ofsted-2016", "2016-02-17"), document("ofsted-2014", "2013-12-11")
    texts = ["Not representative.", "No care leavers group.", "No juniors group."]
    ranked = [scored(hit(str(60 + i), text, doc=later, seq=i), text, 1.0 - i / 20)
              for i, text in enumerate(texts)]  # fmt: skip
    ranked.append(scored(hit("", "Few attend.", doc=earlier), "Few attend.", 0.85))
    chosen = select(ranked, intent)
    assert {s.hit.document.doc_id for s in chosen} == {"ofsted-2016", "ofsted-2014"}
    assert [s.text for s in chosen] == ["Not representative.", "Few attend.",
                                        "No care leavers group.", "No juniors group."]  # fmt: skip


def test_a_change_over_time_cites_twice_as_many_paragraphs_as_papers():
    intent = read_intent("Early help - has it got better or worse since 2011?")
    papers = [document(f"report-{year}", f"{year}-06-01") for year in (2011, 2013, 2016)]
    ranked = [
        scored(hit(str(i), f"Finding {i} of {doc.date[:4]}.", doc=doc, seq=i),
               f"Finding {i} of {doc.date[:4]}.", 1.0 - (3 * i + j) / 100)
        for i in range(4) for j, doc in enumerate(papers)
    ]  # fmt: skip
    chosen = select(ranked, intent)
    assert len(chosen) == 6  # not MAX_PARAGRAPHS
    assert [s.text for s in chosen[:3]] == [
        "Finding 0 of 2011.", "Finding 0 of 2013.", "Finding 0 of 2016."
    ]  # fmt: skip
    one_paper = [s for s in ranked if s.hit.document.doc_id == "report-2016"]
    assert len(select(one_paper, intent)) == 3  # one paper's account is no longer than any


def test_a_change_over_time_cites_a_papers_figure_a_little_below_the_margin():
    intent = read_intent("How has the number looked after changed - 2011, 2013?")
    early, later = document("report-2011", "2011-06-09"), document("ofsted-2014", "2013-12-11")
    best = scored(hit("5.2", "In 2008, 120; in 2011, 176.", doc=early), "In 2008, 120.", 1.15)
    figure = scored(hit("", "In 2013, 182.", doc=later), "In 2013, 182.", 0.9)  # 0.25 below
    far = scored(hit("", "Adoption is good.", doc=document("news", None)), "Adoption.", 0.8)
    chosen = select([best, figure, far], intent)
    assert [s.text for s in chosen] == ["In 2008, 120.", "In 2013, 182."]
    assert select([best, figure], read_intent("How many looked after in 2011?")) == [best]


def test_a_papers_group_that_opens_with_a_list_starts_it_on_a_new_line():
    intent = read_intent("How were the homes rated in 2013 compared with 2016?")
    row = hit("1", "• Homes Good", doc=document("ofsted-2014", "2013-12-11"))
    text = compose([scored(row, "• Homes Good", 1.0)], intent).text
    assert text.endswith(":\n- Homes Good [1]")


def test_a_quote_request_keeps_the_answer_short():
    intent = read_intent("give me the quote about housing")
    hits = [hit(str(i), f"Sentence {i}.", seq=i) for i in range(6)]
    chosen = select(
        [scored(h, f"Sentence {i}.", 1.0 - i / 100) for i, h in enumerate(hits)], intent
    )
    assert len({s.hit.paragraph.id for s in chosen}) == 2


def test_a_quote_request_cites_a_second_paragraph_only_when_it_matches_about_as_well():
    intent = read_intent("LSCB report - line where they accept the grade as fair")
    hits = [hit(str(i), f"Sentence {i}.", seq=i) for i in range(3)]
    close, far = (
        select([scored(hits[0], "Sentence 0.", 0.9), scored(h, "Sentence 1.", s)], intent)
        for h, s in ((hits[1], 0.85), (hits[2], 0.75))
    )
    assert len(close) == 2
    assert [s.hit for s in far] == [hits[0]]
    plain = select([scored(hits[0], "Sentence 0.", 0.9), scored(hits[2], "S.", 0.75)], PLAIN)
    assert len(plain) == 2  # an answer that is not a quote cites both


def test_nothing_scored_composes_nothing():
    assert select([], PLAIN) == []


@pytest.mark.parametrize(
    "first, then",
    [
        ("Members secured budgets.", "However, this has not ensured improvement."),
        # what answers the gap the chosen sentence describes
        ("Interviews are not independent.",
         "The Trust has commissioned the National Youth Advocacy Service (NYAS) to address this "
         "gap and this should be available in the new financial year."),
        ("There is no 1:1 service for these children.",
         "Again NYAS will provide for this group of children."),
        # what was done about it
        ("The council recognised that recruitment was central to improvement.",
         "Senior managers took steps to address this, including the appointment of a workforce "
         "lead who ran three national campaigns."),
        # a short turn, explained by the sentence after it
        ("However, the DCS is interim.",
         "The council is considering succession arrangements, but continued uncertainty risks "
         "undermining confidence in the new partnership."),
    ],
)  # fmt: skip
def test_a_sentence_that_continues_the_chosen_one_comes_with_it(first, then):
    a = hit("12", f"{first} {then}")
    chosen = select([scored(a, first, 1.0), scored(a, then, 0.2, position=1)], PLAIN)
    assert compose(chosen, PLAIN).citations[0].quote == f"{first} {then}"


def test_a_sentence_about_another_gap_is_not_a_continuation():
    a = hit("12", "Interviews are not independent. Gaps in school data remain across the region.")
    chosen = select([scored(a, "Interviews are not independent.", 1.0),
                     scored(a, "Gaps in school data remain across the region.", 0.2, position=1)],
                    PLAIN)  # fmt: skip
    assert compose(chosen, PLAIN).citations[0].quote == "Interviews are not independent."


def test_a_short_sentence_that_turns_nothing_is_not_continued_by_the_next():
    first = "The DCS is interim."
    then = "The council is considering succession arrangements."
    a = hit("108", f"{first} {then}")
    chosen = select([scored(a, first, 1.0), scored(a, then, 0.2, position=1)], PLAIN)
    assert compose(chosen, PLAIN).citations[0].quote == first


def test_a_sentence_that_counts_what_the_chosen_one_names_comes_with_it():
    text = "In total the report has 22 main findings. Of those, 6 were graded as inadequate."
    a = hit("5.4", text)
    chosen = select([scored(a, "In total the report has 22 main findings.", 1.0),
                     scored(a, "Of those, 6 were graded as inadequate.", 0.2, position=1)],
                    PLAIN)  # fmt: skip
    assert compose(chosen, PLAIN).citations[0].quote == text


def test_a_quotation_is_quoted_to_its_closing_mark():
    said = "One young person said, 'I know she's busy. She helps me. I really need her'."
    a = hit("85", f"Some advisers are helpful. {said} Plans are poor.")
    sentences = [
        scored(a, "Some advisers are helpful.", 0.5),
        scored(a, "One young person said, 'I know she's busy.", 1.0, position=1),
        scored(a, "She helps me.", 0.1, position=2),
        scored(a, "I really need her'.", 0.1, position=3),
        scored(a, "Plans are poor.", 0.1, position=4),
    ]
    chosen = select(sentences[1:2] + sentences[2:], PLAIN)
    assert compose(chosen, PLAIN).citations[0].quote == said


@pytest.mark.parametrize(
    "sentence, speech",
    [
        ("One young person said, 'I know she's busy but she always makes me feel welcome.", True),
        ("A parent told inspectors: \u201cThey listened to us.\u201d", True),
        ("Abusers use the 'party model' to groom victims.", False),
        ("Young people say that they do not feel safe.", False),  # reported, not their words
    ],
)
def test_direct_speech_is_told_from_a_phrase_in_quotation_marks(sentence, speech):
    assert is_speech(sentence) is speech


def test_a_list_is_quoted_with_the_sentence_that_introduces_it_one_item_per_line():
    text = (
        "The judgements were: • Help and protection – inadequate • Adoption – requires improvement"
    )
    a = hit("5.2", text, seq=1)
    b = hit("5.3", "This is the third such report.", seq=2)
    sentences = [
        scored(a, "The judgements were:", 1.0),
        scored(a, "• Help and protection – inadequate", 0.2, position=1),
        scored(a, "• Adoption – requires improvement", 0.1, position=2),
        scored(b, "This is the third such report.", 0.95),
    ]
    composed = compose(select(sentences, PLAIN), PLAIN)
    assert composed.text == (
        "The judgements were: [1]\n- Help and protection – inadequate [1]\n"
        "- Adoption – requires improvement [1]\n\nThis is the third such report. [2]"
    )


def test_a_sentence_inside_a_list_item_does_not_pull_in_the_rest_of_the_list():
    a = hit("35", "minutes", seq=1)
    sentences = [  # best first, as scoring returns them
        scored(a, "A report would follow in February.", 1.0, position=1),
        scored(a, "• Members asked about waiting times.", 0.3, position=0),
        scored(a, "• Golden threads were requested.", 0.2, position=2),
    ]
    chosen = select(sentences, PLAIN)
    assert [s.text for s in chosen] == ["A report would follow in February."]


def test_a_figure_that_updates_the_one_before_is_kept_with_it():
    a = hit("61", "stability", seq=1)
    sentences = [
        scored(a, "As at 31 March 2015, 10% had more than three moves.", 1.0, position=0),
        scored(a, "This is in line with England figures.", 0.3, position=1),
        scored(a, "According to the trust's data, in October 2015 this figure was 15%.", 0.2, 2),
    ]
    text = compose(select(sentences, PLAIN), PLAIN).text
    assert "10%" in text and "15%" in text


def test_a_better_answering_sentence_in_a_near_tie_leads_the_chosen_one():
    team = hit("", "Lead inspector: Stephanie Murray. Deputy lead inspector: Sheena Doyle.", seq=1)
    deputy = scored(team, "Deputy lead inspector: Sheena Doyle", 0.96, position=1)
    lead = scored(team, "Lead inspector: Stephanie Murray", 0.87)
    far = scored(team, "Lead inspector: Stephanie Murray", 0.80)
    assert led_by([deputy], [lead, deputy], tie=0.1) == [lead, deputy]
    assert led_by([deputy], [far, deputy], tie=0.1) == [deputy]  # not a tie: chosen leads
    assert led_by([deputy], [lead, deputy]) == [deputy]  # no tie asked for


def _paper_of(*hits):
    """`neighbours` over hand-made hits of one paper, in seq order."""
    paragraphs = sorted((h.paragraph for h in hits), key=lambda p: p.seq)

    def neighbours(paragraph, n):
        i = next(i for i, p in enumerate(paragraphs) if p.seq == paragraph.seq)
        return paragraphs[i : i + n + 1]

    return neighbours


def test_a_later_paragraph_that_only_announces_a_list_brings_its_items_or_goes():
    from assistant.compose import with_announced_items

    best = hit("", "Adoption performance has improved.", seq=0)
    closing = hit("", "In the 12 months up to 31 March 2013 there have been:", seq=5)
    item = hit("", "nine adoptions", seq=6, style="bullet")
    dangling = hit("", "The figures are as follows:", seq=9)
    neighbours = _paper_of(best, closing, item, dangling)
    chosen = [
        scored(best, best.paragraph.text, 0.9),
        scored(closing, closing.paragraph.text, 0.8),
        scored(dangling, dangling.paragraph.text, 0.7),
    ]
    answer = with_announced_items(chosen, neighbours)
    assert [s.text for s in answer] == [
        "Adoption performance has improved.",
        "In the 12 months up to 31 March 2013 there have been:",
        "nine adoptions",  # the list it announces, right after it
    ]  # and the announcement with no list after it is gone


def test_a_question_about_strengths_is_led_by_the_announced_list_of_them():
    from assistant.compose import led_by_announced_list

    other = hit("", "Other Ofsted inspections", seq=0)
    listing = hit("", "The Local Authority has the following strengths", seq=4)
    best = scored(other, other.paragraph.text, 1.0, lexical=0.4)
    announces = scored(listing, listing.paragraph.text, 0.7, lexical=0.6)
    question = "What strengths did Ofsted identify in the 2013 inspection?"
    led = led_by_announced_list([best], [best, announces], question, floor=0.62)
    assert [s.text for s in led] == [listing.paragraph.text, other.paragraph.text]
    # not below the answerability floor, and not when the question asks for no such list
    assert led_by_announced_list([best], [best, announces], question, floor=0.8) == [best]
    assert led_by_announced_list([best], [best, announces], "What did Ofsted find?", 0.6) == [best]


def test_judgement_rows_of_several_papers_are_headed_by_their_papers():
    older = document("ofsted-2014", "2013-12-11")
    rows = [
        scored(replace(hit("", "• 2.1 Adoption performance Requires improvement", doc=doc),
                       via=(JUDGEMENT,)), "• 2.1 Adoption performance Requires improvement", 1.0)
        for doc in (document(), older)
    ]  # fmt: skip
    text = compose(rows, PLAIN).text
    assert text.startswith("11 December 2013, Report ofsted-2014:\n- 2.1 Adoption performance")
    assert "\n\n17 February 2016, Report ofsted-2016:\n- 2.1 Adoption performance" in text
    # one paper's rows are a plain list
    assert compose(rows[:1], PLAIN).text.startswith("- 2.1 Adoption performance")


def test_a_list_announced_inside_a_paragraph_is_quoted_by_each_labelled_item():
    text = (
        "Slough will use the following models to identify children at risk.\n"
        "Inappropriate relationships model: One abuser has power over a young person. "
        "The young person may believe it is a genuine friendship.\n"
        "Boyfriend model: Abuser grooms victim by striking up a normal relationship.\n"
        "The 'party model'; parties are organised by groups of men to lure young."
    )
    a = hit("4", text)
    said = ["Slough will use the following models to identify children at risk.",
            "Inappropriate relationships model: One abuser has power over a young person.",
            "The young person may believe it is a genuine friendship.",
            "Boyfriend model: Abuser grooms victim by striking up a normal relationship.",
            "The 'party model'; parties are organised by groups of men to lure young."]  # fmt: skip
    every = [scored(a, t, 1.0 - i / 10, position=i) for i, t in enumerate(said)]
    chosen = [every[0], every[2]]
    assert with_labelled_items(chosen, every) == [every[0], every[2], every[1], every[3], every[4]]
    # with no announcement chosen, or one labelled line only, nothing is added
    assert with_labelled_items([every[2]], every) == [every[2]]
    one = hit("5", "As follows:\nLow Risk - A vulnerable child.\nThe child is groomed.")
    lone = [scored(one, "As follows:", 1.0),
            scored(one, "Low Risk - A vulnerable child.", 0.5, position=1)]  # fmt: skip
    assert with_labelled_items(lone[:1], lone) == lone[:1]


def test_a_labelled_list_split_by_a_page_break_is_quoted_from_both_records():
    from dataclasses import replace

    text = "Three risk categories:-\n• Low Risk – A vulnerable child.\n• Medium Risk – Targeted."
    first = hit("5", text, seq=1)
    overleaf = replace(
        hit("5", "High Risk – Exploitation is habitual.\n• Child under 13", seq=2).paragraph, page=4
    )
    after = replace(overleaf, seq=3, label="6", text="Strategic Priority 2: Prevent")
    said = [
        "Three risk categories:-",
        "• Low Risk – A vulnerable child.",
        "• Medium Risk – Targeted.",
    ]
    every = [scored(first, t, 1.0 - i / 10, position=i) for i, t in enumerate(said)]

    def following(paragraph, n):
        return [paragraph, overleaf] if paragraph.seq == 1 else [paragraph, after]

    answer = with_labelled_items(every[:1], every, following)
    assert [s.text for s in answer] == [*said, "High Risk – Exploitation is habitual."]
    assert answer[-1].hit.paragraph is overleaf  # cited by its own page
    # the next record with another number is another paragraph
    assert with_labelled_items(every[:1], every, lambda p, n: [p, after]) == every


def test_a_list_item_that_is_no_sentence_is_quoted_after_what_announces_it():
    announcing = hit("", "In the 12 months up to 31 March 2013 there have been:", seq=5,
                     style="bullet").paragraph  # fmt: skip
    footnote = hit("", "¹ The authority reviewed this section.", seq=6).paragraph
    adoptions = hit("", "nine adoptions", seq=7, style="bullet")
    orders = hit("", "10 children who became subject of special guardianship orders", seq=8,
                 style="bullet")  # fmt: skip
    printed = [hit("", "Children looked after in this area", seq=4).paragraph, announcing,
               footnote, adoptions.paragraph, orders.paragraph]  # fmt: skip

    def preceding(paragraph, n):
        return printed[: printed.index(paragraph) + 1]

    item = scored(orders, orders.paragraph.text, 1.0)
    answer = with_list_lead_ins([item], [item], preceding)
    assert [s.text for s in answer] == [announcing.text, item.text]
    assert answer[0].hit.paragraph is announcing  # cited by its own locator
    text = compose(answer, read_intent("how many special guardianship orders?")).text
    assert "there have been: [1]\n- 10 children who became" in text
    # announced once for two of its items
    both = [item, scored(adoptions, "nine adoptions", 0.9)]
    assert [s.text for s in with_list_lead_ins(both, both, preceding)][0] == announcing.text
    assert len(with_list_lead_ins(both, both, preceding)) == 3


def test_a_list_item_that_reads_as_a_sentence_needs_no_announcement():
    lead = hit("", "The council has the following strengths:", seq=0).paragraph
    item = hit("", "Leaders know their services well.", seq=1, style="bullet")
    chosen = [scored(item, item.paragraph.text, 1.0)]
    assert with_list_lead_ins(chosen, chosen, lambda p, n: [lead, p]) == chosen
    # nor is an item announced by anything across a paragraph of text
    fragment = hit("", "nine adoptions", seq=2, style="bullet")
    body = hit("", "Adoption is good.", seq=1).paragraph
    alone = [scored(fragment, "nine adoptions", 1.0)]
    assert with_list_lead_ins(alone, alone, lambda p, n: [lead, body, p]) == alone


def test_a_blocks_lines_are_set_one_a_line_under_one_marker_after_the_last():
    rows = ["Abe P P P Ap P", "Bal P Ap Ap Ap Ap", "Ab = Absent, no apologies given"]
    record = [hit("", text, seq=i) for i, text in enumerate(rows)]
    finding = hit("7", "Attendance was noted.", seq=9)
    chosen = [scored(h, h.paragraph.text, 1.0 - i / 100) for i, h in enumerate(record)]
    chosen.append(scored(finding, "Attendance was noted.", 0.9))
    text = compose(chosen, PLAIN).text
    assert text == (
        "- Abe P P P Ap P\n- Bal P Ap Ap Ap Ap\n- Ab = Absent, no apologies given [1]\n\n"
        "Attendance was noted. [2]"
    )


def test_one_line_alone_or_lines_of_separate_places_keep_their_markers():
    cover = hit("", "CONTACT OFFICER: Jayne James", seq=1)
    lead = hit("", "Lead inspector: Gary Lamb", seq=1, doc=document("ofsted-2014", "2013-12-11"))
    dates = hit("", "Inspection date: 19 November 2013", seq=5,
                doc=document("ofsted-2014", "2013-12-11"))  # fmt: skip
    alone = compose([scored(cover, cover.paragraph.text, 1.0)], PLAIN).text
    assert alone == "CONTACT OFFICER: Jayne James [1]"  # a line alone is not a list
    apart = compose([scored(lead, lead.paragraph.text, 1.0),
                     scored(dates, dates.paragraph.text, 0.99)], PLAIN).text  # fmt: skip
    assert apart == "- Lead inspector: Gary Lamb [1]\n- Inspection date: 19 November 2013 [2]"


def test_a_minutes_other_points_are_quoted_only_when_they_share_a_word_of_the_question():
    minutes = replace(document("minutes-2016", "2016-01-28"), kind=Kind.MINUTES)
    mash = "The work to create a MASH was ongoing, with completion due in Summer 2016."
    fgm = "A sub group on female genital mutilation would be led by SBC."
    hub = "The hub would have police staff on site."
    a = hit("35", f"{mash} {fgm} {hub}", doc=minutes)
    sentences = [
        scored(a, mash, 1.0),
        replace(scored(a, fgm, 0.8, position=1), own_terms=False),
        scored(a, hub, 0.7, position=2),
    ]
    assert [s.text for s in select(sentences, PLAIN)] == [mash, hub]
    report = hit("35", f"{mash} {fgm} {hub}")  # a report's paragraph keeps to one subject
    assert len(select([replace(s, hit=report) for s in sentences], PLAIN)) == 3


def test_a_quote_request_quotes_the_list_item_asked_about_under_its_lead_in():
    quote = read_intent("exact wording of what ofsted said about elected members please")
    good = "Ofsted highlighted some areas of good practice, including:"
    a_item = "• a) Early help services are good."
    e_item = "• e) Elected Members are well-informed and provide challenge."
    poor = "However, Ofsted found that aspects of our service were not up to standard:"
    audit = "• a) Ofsted carried out an audit of cases."
    files = "Ofsted reviewed 51 files."
    text = "\n".join([good, a_item, e_item, poor, f"{audit} {files}"])
    p = hit("5.4", text)
    said = [good, a_item, e_item, poor, audit, files]
    lexical = [0.56, 0.5, 0.69, 0.56, 0.56, 0.56]
    score = [0.89, 0.6, 0.85, 0.86, 0.75, 0.8]
    sentences = sorted(
        (scored(p, t, s, position=i, lexical=x)
         for i, (t, s, x) in enumerate(zip(said, score, lexical, strict=True))),
        key=lambda s: -s.score,
    )  # fmt: skip
    assert [s.text for s in select(sentences, quote)] == [good, e_item]
    assert len(select(sentences, PLAIN)) > 2  # an answer that is not a quote keeps the list


def test_a_minutes_resolutions_are_set_on_the_line_of_their_item():
    def as_(h, text, via):
        return replace(scored(h, text, 1.0), hit=replace(h, via=(via,)))

    chair = hit("28", "28. Election of Chair")
    resolved = hit("28", "Resolved: that Cllr Pantelic be Chair.", seq=1)
    pfi = hit("33", "33. PFI Contract", seq=2)
    first = hit("33(1)", "1. The Panel receive a statement.", seq=3)
    chosen = [
        as_(chair, "Election of Chair", LISTED),
        as_(resolved, "Resolved: that Cllr Pantelic be Chair.", RESOLUTION),
        as_(pfi, "PFI Contract", LISTED),
        as_(first, "The Panel receive a statement.", RESOLUTION),
    ]
    assert compose(chosen, PLAIN).text.splitlines() == [
        "- Election of Chair: Resolved: that Cllr Pantelic be Chair. [1]",
        "- PFI Contract [2] The Panel receive a statement. [3]",
    ]
