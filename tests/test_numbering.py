"""Numbering rules as a table: blocks in, printed labels out."""

from __future__ import annotations

import pytest

from ingest.blocks import Block, Style
from ingest.numbering import number_paragraphs

H, B, L, F, T = Style.HEADING, Style.BODY, Style.BULLET, Style.FOOTNOTE, Style.TABLE


def labels(*blocks: tuple[Style, str]) -> list[str]:
    paragraphs = number_paragraphs("doc", [Block(text, 1, style) for style, text in blocks])
    return [p.label for p in paragraphs]


@pytest.mark.parametrize(
    "blocks, expected",
    [
        # Ofsted style: "49." paragraphs
        ([(B, "48. Nurses provide work."), (B, "49. The virtual school is poor.")], ["48", "49"]),
        # committee report: dotted numbers, and a numbered heading numbering what follows
        ([(H, "5 Supporting Information"), (B, "5.1 Ofsted reviewed the Board.")], ["5", "5.1"]),
        (
            [(B, "5.2 Context"), (B, "Slough's population rises."), (B, "More text.")],
            ["5.2", "5.2", "5.2"],
        ),
        # bullets and lettered items belong to the numbered paragraph above
        (
            [(B, "5.14 The Council has started work:"), (L, "To review LSCB arrangements.")],
            ["5.14", "5.14"],
        ),
        (
            [(B, "2.1 That the Panel"), (L, "a) Scrutinise the report"), (L, "b) Comment")],
            ["2.1", "2.1", "2.1"],
        ),
        # lettered sections take the section number: "4(a)"
        (
            [
                (H, "4 Other Implications"),
                (B, "(a) Financial"),
                (B, "No implications."),
                (B, "(b) Risk Management"),
                (B, "No risks."),
            ],
            ["4", "4(a)", "4(a)", "4(b)", "4(b)"],
        ),
        # minute numbers
        (
            [(H, "33. Private Finance Initiative Contract"), (B, "The PFI contract was costly.")],
            ["33", "33"],
        ),
        # an unnumbered heading ends the numbering
        (
            [(B, "34. Efforts have not been effective."), (H, "Summary"), (B, "Often, decisions.")],
            ["34", "", ""],
        ),
        # a plain short line reads as a heading and ends it too
        (
            [(B, "3. Leadership matters."), (B, "Summary of key findings"), (B, "Too slow.")],
            ["3", "", ""],
        ),
        # a list numbered afresh inside a minute is cited through the minute
        (
            [
                (H, "33. Private Finance Initiative Contract"),
                (B, "The PFI contract was costly."),
                (H, "Resolved: that"),
                (B, "1. The Panel would receive a financial statement."),
                (B, "2. The Panel receive a benchmarking report."),
                (H, "34. Assessment Results"),
                (B, "Resolved: that"),
                (B, "1. A termly report be commissioned."),
            ],
            ["33", "33", "33", "33(1)", "33(2)", "34", "34", "34(1)"],
        ),
        # the document's own numbering is not nested: it continues, or starts after a heading
        (
            [(B, "1. First finding."), (B, "2. Second finding."), (B, "3. Third finding.")],
            ["1", "2", "3"],
        ),
        ([(H, "Recommendations"), (B, "1. Ensure plans are timely.")], ["", "1"]),
        # a list of papers under a numbered heading is part of it, titles in quotes and all
        (
            [
                (H, "8 Background Papers"),
                (B, "Scrutiny Panel on 13th January 2010."),
                (B, "Agenda Item 2: 'Safeguarding in the Health Service'"),
                (B, "Scrutiny on 25th November 2010: Agenda Item 3"),
                (B, "'Ofsted inspection, Contact Referral and Assessment October 2010'."),
            ],
            ["8", "8", "8", "8", "8"],
        ),
        # "3a." as printed
        ([(H, "3a. Slough Joint Wellbeing Strategy Priorities"), (B, "Text.")], ["3a", "3a"]),
    ],
)
def test_printed_numbers_become_labels(blocks, expected):
    assert labels(*blocks) == expected


@pytest.mark.parametrize(
    "blocks, expected",
    [
        # counts and years are not paragraph numbers
        ([(L, "10 children are unaccompanied asylum-seeking children.")], [""]),
        ([(B, "2016 was a difficult year for the service overall.")], [""]),
        ([(B, "70% of care leavers are in education.")], [""]),
        ([(B, "1:1 work is not always completed.")], [""]),
        # a date heading a letter or a minute is not a paragraph number
        ([(B, "14 March 2017"), (B, "Dear Jo")], ["", ""]),
        ([(B, "3 March meeting of the panel")], [""]),
        # a bare number in running text must continue the sequence to count
        (
            [(B, "7. First point."), (B, "150 children were subject to a plan this year.")],
            ["7", "7"],
        ),
        # footnotes and table rows never carry labels
        ([(B, "12. Finding."), (F, "3 This figure differs from published data.")], ["12", ""]),
        ([(B, "12. Finding."), (T, "1 | Alpha | Beta")], ["12", ""]),
        # a judgement table row is numbered in the table, not as a paragraph: an Ofsted
        # report's para 2 is a recommendation, not "2. Children looked after ... Inadequate"
        (
            [
                (B, "2. Children looked after and achieving permanence Inadequate"),
                (B, "2.1 Adoption performance Requires improvement"),
                (H, "Recommendations"),
                (B, "1. Quality of practice"),
                (B, "2. Oversight by leaders"),
            ],
            ["", "", "", "1", "2"],
        ),
        # and what follows a table row inherits no number from above it
        (
            [
                (B, "12. Finding."),
                (B, "3. Leadership, management and governance Inadequate"),
                (B, "There are widespread failures across the service."),
            ],
            ["12", "", ""],
        ),
    ],
)
def test_numbers_that_are_not_labels_are_never_taken_for_them(blocks, expected):
    assert labels(*blocks) == expected


def test_unlabelled_paragraph_has_a_page_and_position_locator():
    blocks = [Block("Heading", 12, H), Block("First.", 12), Block("Second.", 12)]
    paragraphs = number_paragraphs("doc", blocks)
    assert [p.locator for p in paragraphs] == ["p. 12, ¶1", "p. 12, ¶2", "p. 12, ¶3"]


def test_judgement_table_row_locator_names_the_page_and_row():
    blocks = [Block("2.1 Adoption performance Requires improvement", 11)]
    assert number_paragraphs("doc", blocks)[0].locator == "p. 11, table row 2.1"


def test_labelled_paragraph_locator_names_the_paragraph():
    paragraphs = number_paragraphs("doc", [Block("49. The virtual school is poor.", 25)])
    assert paragraphs[0].locator == "para 49"
    assert paragraphs[0].page == 25


def test_section_path_follows_headings():
    blocks = [
        Block("The local authority", 1, H, level=1),
        Block("Recommendations", 1, H, level=2),
        Block("Ensure plans are timely.", 1),
    ]
    assert number_paragraphs("doc", blocks)[-1].section == (
        "The local authority",
        "Recommendations",
    )


def sections(blocks: list[Block]) -> dict[str, tuple[str, ...]]:
    return {p.text: p.section for p in number_paragraphs("doc", blocks)}


def test_a_cover_field_is_not_a_heading_but_a_titled_priority_is():
    got = sections(
        [
            Block("Report published: 17 February 2016", 1),
            Block("Lead inspector: Gary Lamb", 1),
            Block("Executive summary", 1, H, level=2),
            Block("Services are inadequate.", 1),
            Block("Key Strategic Priority: Prevent", 2, H, level=3),
            Block("Raise awareness in schools.", 2),
        ]
    )
    assert got["Services are inadequate."] == ("Executive summary",)
    assert got["Raise awareness in schools."] == (
        "Executive summary",
        "Key Strategic Priority: Prevent",
    )


def test_a_dated_line_on_a_cover_heads_nothing_and_leaves_the_title_in_place():
    # a report's cover table set as text: the date line, an entry rather than a heading, must
    # not split the run of cover lines and make "Meeting ..." a heading over the report
    got = sections(
        [
            Block("TACKLING CHILD SEXUAL EXPLOITATION IN SLOUGH", 1, H, level=1),
            Block("Meeting Education and Children's Services Scrutiny Committee", 1),
            Block("Date Wednesday 16 March 2016", 1),
            Block("Author Robina Khan, Interim Head of Safeguarding", 1),
            Block("1 Introduction", 1, H, level=2),
            Block("1.1 The purpose of this report is to update the Committee.", 1),
        ]
    )
    assert got["1.1 The purpose of this report is to update the Committee."] == (
        "TACKLING CHILD SEXUAL EXPLOITATION IN SLOUGH",
        "1 Introduction",
    )


def test_findings_printed_larger_than_their_judgement_still_belong_to_it():
    # An Ofsted report: each judgement in bold body type, then its grade, "Summary" and, in a
    # larger type, "Inspection findings"; the same two sub-headings under every judgement.
    judgement = "The experiences and progress of children who need help and protection"
    leadership = "Leadership, management and governance"

    def judged(title: str, page: int, summary: str, finding: str) -> list[Block]:
        return [
            Block(title, page, H, level=3),
            Block("Inadequate", page, H, level=3),
            Block("Summary", page, H, level=3),
            Block(summary, page),
            Block("Inspection findings", page + 1, H, level=2),
            Block(finding, page + 1),
        ]

    got = sections(
        [
            Block("Summary for children and young people", 1, H, level=2),
            Block("Social workers know children well.", 1, L),
            *judged(
                judgement,
                2,
                "Services continue to be inadequate.",
                "16. A minority of children have had repeated plans.",
            ),
            *judged(
                leadership,
                4,
                "Leaders have not been aspirational.",
                "104. The transition to the trust has not been smooth.",
            ),
        ]
    )
    assert got["Social workers know children well."] == ("Summary for children and young people",)
    assert got["Services continue to be inadequate."] == (judgement, "Summary")
    assert got["16. A minority of children have had repeated plans."] == (
        judgement,
        "Inspection findings",
    )
    assert got["104. The transition to the trust has not been smooth."] == (
        leadership,
        "Inspection findings",
    )


def test_a_recurring_heading_after_a_section_with_text_is_a_section_of_its_own():
    # "Recommendations" for the council and, later, for the LSCB: the first follows the
    # contextual facts, it does not divide them.
    got = sections(
        [
            Block("Children looked after in this area", 1, H, level=2),
            Block("183 children were looked after.", 1, L),
            Block("Recommendations", 1, H, level=2),
            Block("Ensure plans are timely.", 1, L),
            Block("The LSCB", 2, H, level=2),
            Block("Recommendations", 2, H, level=2),
            Block("Recruit lay members.", 2, L),
        ]
    )
    assert got["Ensure plans are timely."] == ("Recommendations",)
    assert got["Recruit lay members."] == ("The LSCB", "Recommendations")


def test_a_heading_set_in_body_type_ranks_below_headings_set_apart():
    got = sections(
        [
            Block("What does the Local Authority need to improve?", 1, H, level=2),
            Block("Areas for improvement", 1),  # body type, yet a heading: text follows
            Block("Improve housing options for care leavers.", 1, L),
        ]
    )
    assert got["Improve housing options for care leavers."] == (
        "What does the Local Authority need to improve?",
        "Areas for improvement",
    )


def test_names_listed_before_a_heading_head_nothing():
    # minutes: the co-opted members, one per line, then "Apologies for Absence"
    got = sections(
        [
            Block("Education Non-Voting Co-opted Members", 1, H, level=2),
            Block("Jo Rockall (Secondary school teacher representative)", 1),
            Block("Maggie Stacey (Head teacher representative)", 1),
            Block("PART 1", 1, H, level=2),
            Block("28. Election of Chair", 1, H, level=2),
            Block("Cllr Brooker nominated Cllr Pantelic.", 1),
        ]
    )
    co_opted = ("Education Non-Voting Co-opted Members",)
    assert got["Maggie Stacey (Head teacher representative)"] == co_opted
    assert got["Cllr Brooker nominated Cllr Pantelic."] == ("PART 1", "28 Election of Chair")


def test_an_unnumbered_heading_inside_a_numbered_section_ends_at_the_next_section():
    # a committee report: "Current Situation" printed between 5.4 and 5.5
    paragraphs = number_paragraphs(
        "doc",
        [
            Block("5 Supporting Information", 1, H, level=1),
            Block("5.4 Ofsted judged safeguarding inadequate.", 1),
            Block("Current Situation", 2),
            Block("5.5 Performance is monitored weekly.", 2),
            Block("6 Conclusion", 3, H, level=1),
            Block("The panel is asked to note the report.", 3),
        ],
    )
    got = {p.text: (p.label, p.section) for p in paragraphs}
    situation = ("5 Supporting Information", "Current Situation")
    assert got["5.5 Performance is monitored weekly."] == ("5.5", situation)
    assert got["The panel is asked to note the report."] == ("6", ("6 Conclusion",))


def test_a_line_under_a_numbered_heading_at_the_end_of_a_paper_is_its_text():
    # "9. Background Papers" then "None": the text of para 9, not a heading
    assert labels((H, "9. Background Papers"), (B, "None")) == ["9", "9"]


def test_list_items_join_the_numbered_paragraph_they_belong_to():
    from ingest.numbering import attach_list_items

    blocks = [
        Block("5.14 The Council has started work in these areas:", 10),
        Block("To review LSCB arrangements.", 10, L),
        Block("To review scrutiny.", 11, L),
        Block("5.15 A delivery plan has been developed.", 11),
        Block("Summary", 11, H),
        Block("Unnumbered lead-in:", 11),
        Block("An unnumbered finding.", 11, L),
    ]
    paragraphs = attach_list_items(number_paragraphs("doc", blocks))
    assert [p.label for p in paragraphs] == ["5.14", "5.15", "", "", ""]
    assert paragraphs[0].text.endswith("\n• To review LSCB arrangements.\n• To review scrutiny.")
    assert (paragraphs[0].page, paragraphs[0].last_page) == (10, 11)
    assert [p.seq for p in paragraphs] == list(range(5))
    assert paragraphs[-1].text == "An unnumbered finding."


def test_an_unnumbered_paragraph_under_a_numbered_one_is_part_of_it():
    from ingest.numbering import attach_list_items

    blocks = [
        Block("61. As at 31 March 2015, 10% had more than three moves.", 27),
        Block("According to the trust's data, this figure had increased to 15%.", 27),
        Block("62. There is no accurate data on unplanned endings.", 27),
    ]
    paragraphs = attach_list_items(number_paragraphs("doc", blocks))
    assert [p.label for p in paragraphs] == ["61", "62"]
    assert paragraphs[0].text.endswith("moves.\nAccording to the trust's data, this figure had "
                                       "increased to 15%.")  # fmt: skip
