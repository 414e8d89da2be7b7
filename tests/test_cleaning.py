"""Cleaning: text repair, page furniture, paragraphs rejoined across page breaks."""

from __future__ import annotations

import pytest

from ingest.blocks import Block, Style
from ingest.cleaning import clean_blocks, clean_text, remove_page_furniture
from ingest.pdf import Line


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("ﬁnancial eﬀect", "financial effect"),
        ("soft\u00adhyphen", "softhyphen"),
        ("<p>Taking action</p> <p>CSE Coordinator</p>", "Taking action; CSE Coordinator"),
        ("<b>Thursday 21<sup>st</sup> April</b>", "Thursday 21st April"),
        ("Prevent &amp; Protect", "Prevent & Protect"),
        ("**inadequate** and *draft*", "inadequate and draft"),
        ("5 A\\* - C grades", "5 A* - C grades"),
        ("Tuesday 8 th March", "Tuesday 8th March"),
        ("too   many\tspaces \n here", "too many spaces here"),
        ("<ul><li>• One</li> <li>• Two</li></ul>", "• One; • Two"),
    ],
)
def test_clean_text_repairs(raw, clean):
    assert clean_text(raw) == clean


def _line(page: int, y: float, text: str, size: float = 10.5) -> Line:
    return Line(page=page, y=y, x=62.7, size=size, bold=False, text=text)


def test_running_headers_and_page_numbers_are_furniture():
    lines = []
    for page in range(1, 5):
        lines += [
            _line(page, 807.9, "Scrutiny Panel - 16 March 2016", 8),
            _line(page, 700, f"Body text on page {page}."),
            _line(page, 28.3, f"Page {page}", 8),
        ]
    kept = remove_page_furniture(lines, pages=4, height=841.9, size=10.5)
    assert [line.text for line in kept] == [f"Body text on page {n}." for n in range(1, 5)]


def test_body_text_near_the_margin_is_not_furniture_when_it_does_not_repeat():
    lines = [_line(1, 790, "A paragraph that starts high on the page."), _line(1, 700, "More.")]
    assert len(remove_page_furniture(lines, pages=1, height=841.9, size=10.5)) == 2


def test_paragraph_cut_by_a_page_break_is_rejoined():
    blocks = [
        Block(
            "44. Up-to-date case recording was seen, reflecting work with children and young", 25
        ),
        Block("people. Some of these records were warm.", 26),
    ]
    (joined,) = clean_blocks(blocks)
    assert joined.text.endswith("children and young people. Some of these records were warm.")
    assert (joined.page, joined.end_page) == (25, 26)


def test_a_long_paragraph_cut_mid_sentence_on_one_page_is_rejoined():
    first = (
        "The children in care council (CiCC) is not representative of the views of all looked "
        "after children. Although the CiCC meets regularly, meetings are only routinely attended "
        "by a small group. However, the CiCC meets regularly with the Corporate"
    )
    blocks = [Block(first, 10), Block("Parenting Panel and views have shaped policies.", 10)]
    (joined,) = clean_blocks(blocks)
    assert "with the Corporate Parenting Panel and views" in joined.text


def test_a_short_unpunctuated_line_on_the_same_page_stays_apart():
    blocks = [Block("Looked after children", 4), Block("Most children attend school.", 4)]
    assert len(clean_blocks(blocks)) == 2


def test_heading_at_a_page_foot_is_not_joined_to_the_next_page():
    blocks = [Block("5.1 Background", 3), Block("Since 2009, members have considered.", 4)]
    assert len(clean_blocks(blocks)) == 2


def test_running_header_inside_the_text_is_dropped_and_the_paragraph_rejoined():
    header = "Scrutiny Panel - 28.01.16"
    blocks = [
        Block(header, 2, Style.HEADING),
        Block("The first minute.", 2),
        Block(header, 3, Style.HEADING),
        Block("Thus far, SBC had pursued the relatively easier savings", 3),
        Block(header, 4, Style.HEADING),
        Block("and was now moving to harder ones.", 4),
    ]
    texts = [b.text for b in clean_blocks(blocks)]
    assert texts == [
        "The first minute.",
        "Thus far, SBC had pursued the relatively easier savings"
        " and was now moving to harder ones.",
    ]


def test_cover_sheet_lines_repeated_once_per_paper_are_kept():
    blocks = []
    for n in range(3):
        blocks += [
            Block("SLOUGH BOROUGH COUNCIL", n + 1, Style.HEADING),
            Block(f"Report {n}.", n + 1),
        ]
    assert sum(b.text == "SLOUGH BOROUGH COUNCIL" for b in clean_blocks(blocks)) == 3


def test_blank_page_notice_becomes_a_separator():
    (block,) = clean_blocks([Block("This page is intentionally left blank", 5)])
    assert block.style is Style.SEPARATOR


@pytest.mark.parametrize(
    "left, right, joined",
    [
        ("the multi-", "agency team", "the multi-agency team"),
        ("a well-", "coordinated plan", "a well-coordinated plan"),
        ("an assess-", "ment of need", "an assessment of need"),
        ("ends here", "Next line", "ends here Next line"),
        ("soft\u00ad", "hyphen", "softhyphen"),
        ("a range -", "of services", "a range - of services"),
    ],
)
def test_lines_join_repairing_only_split_words(left, right, joined):
    from ingest.blocks import join_lines

    assert join_lines(left, right) == joined


def test_a_body_line_repeating_a_contents_entry_is_that_sections_heading():
    # The 2013 Ofsted report sets its headings in the body type: only its contents name them.
    blocks = [
        Block("Contents", 1),
        Block("Summary of key findings    3", 1),
        Block("What does the Local Authority need to improve?    5", 1),
        Block("Summary of key findings", 3),
        Block("This Local Authority has serious weaknesses.", 3),
        Block("What does the Local Authority need to improve?", 5),
        Block("Summary of key findings and more words than an entry", 5),
    ]
    cleaned = clean_blocks(blocks)
    assert [(b.text[:23], b.style) for b in cleaned] == [
        ("Summary of key findings", Style.HEADING),
        ("This Local Authority ha", Style.BODY),
        ("What does the Local Aut", Style.HEADING),
        ("Summary of key findings", Style.BODY),
    ]
