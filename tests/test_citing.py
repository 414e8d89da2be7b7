"""Paragraphs a reader finds in one place on the page are one citation."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.citing import citation_groups, cited_as
from assistant.compose import compose
from assistant.intent import read_intent
from assistant.types import Hit
from ingest.numbering import span_locator
from tests.answerfakes import document, hit, scored

PLAIN = read_intent("What did inspectors find about care plans?")


def _on_page(h: Hit, locator: str, page: int = 11) -> Hit:
    return replace(h, paragraph=replace(h.paragraph, locator=locator, page=page, last_page=page))


def _row(number: str, seq: int, page: int = 11) -> Hit:
    text = f"{number} Adoption performance Requires improvement"
    return _on_page(hit("", text, seq=seq), f"p. {page}, table row {number}", page)


def _line(nth: int, seq: int, page: int = 1) -> Hit:
    return _on_page(hit("", f"Line {nth}", seq=seq), f"p. {page}, ¶{nth}", page)


def _groups(*hits: Hit) -> list[list[int]]:
    key = citation_groups(hits)
    grouped: dict[str, list[int]] = {}
    for h in hits:
        grouped.setdefault(key[h.paragraph.id], []).append(h.paragraph.seq)
    return list(grouped.values())


def test_parts_of_one_printed_paragraph_are_one_citation():
    opening, item = hit("5.4", "5.4 The Ofsted judgements", seq=3), hit("5.4", "b) Most", seq=5)
    assert _groups(opening, item) == [[3, 5]]


def test_the_same_number_in_another_paper_of_a_pack_is_another_citation():
    # a pack's committee report and the LSCB's report to the same panel each have a para 5.2
    first = hit("5.2", "The report found services inadequate.", seq=9, section=("Report A",))
    second = hit("5.2", "Ofsted summarised its findings.", seq=90, section=("Report B",))
    assert _groups(first, second) == [[9], [90]]


def test_rows_of_one_judgement_table_are_one_citation_by_its_rows():
    rows = [_row(n, seq) for n, seq in (("1", 8), ("2", 9), ("2.1", 10))]
    assert _groups(*rows) == [[8, 9, 10]]
    cited = cited_as(rows)
    assert cited.paragraph.locator == "p. 11, table rows 1-2.1"
    assert cited.paragraph.text.splitlines()[0].startswith("1 Adoption")


def test_rows_not_printed_together_are_listed():
    assert span_locator([_row("1", 8).paragraph, _row("3", 12).paragraph]) == (
        "p. 11, table rows 1 and 3"
    )


def test_a_table_row_and_a_line_beside_it_are_two_citations():
    assert _groups(_line(7, seq=7, page=11), _row("1", 8)) == [[7], [8]]


def test_a_run_of_unnumbered_lines_on_a_page_is_one_citation():
    # the agenda's cover sets the venue over two lines
    first, second = _line(16, seq=15), _line(17, seq=16)
    assert _groups(first, second) == [[15, 16]]
    assert cited_as([second, first]).paragraph.locator == "p. 1, ¶16-17"


def test_a_line_between_two_cited_runs_joins_them():
    assert _groups(_line(13, 12), _line(15, 14), _line(14, 13)) == [[12, 14, 13]]


@pytest.mark.parametrize(
    "other",
    [
        _line(18, seq=17),  # a line further down the page
        _line(1, seq=16, page=2),  # the next line, over the page
        _on_page(
            hit("", "Line 17", doc=document("other"), seq=16), "p. 1, ¶17", 1
        ),  # another paper
    ],
)
def test_lines_apart_are_cited_apart(other):
    assert len(_groups(_line(16, seq=15), other)) == 2


def test_a_citation_spanning_parts_quotes_each_on_its_own_line_under_one_marker():
    lead = _line(5, seq=4, page=3)
    item = _on_page(hit("", "• No exclusions.", seq=5), "p. 3, ¶6", page=3)
    chosen = [scored(lead, "Line 5", 1.0), scored(item, "• No exclusions.", 0.9)]
    composed = compose(chosen, PLAIN)
    assert composed.text == "Line 5 [1]\n- No exclusions. [1]"
    (citation,) = composed.citations
    assert citation.quote == "Line 5\n• No exclusions."
    assert citation.hit.paragraph.locator == "p. 3, ¶5-6"
    assert citation.paragraph_ids == (lead.paragraph.id, item.paragraph.id)
