"""People named where papers print them: who attended a meeting, who wrote a report."""

from __future__ import annotations

import pytest

from assistant.people import asks_who_attended, asks_who_wrote, attendance, attendance_sentences
from assistant.types import Document, Hit, Kind, Paragraph


@pytest.mark.parametrize(
    "question, asks",
    [
        ("Who attended the scrutiny panel meeting on 28 January 2016?", True),
        ("Who was present at the January 2016 panel meeting?", True),
        ("Who sent apologies to the last meeting?", True),
        ("What was the attendance at the panel?", True),
        ("Apologies at the meeting in January?", True),
        ("Who has missed the most panel meetings this year?", True),
        ("Who missed the January meeting?", True),
        ("How many looked after children missed school?", False),
        ("How many missing children were discussed at strategy meetings?", False),
        ("Who was the lead member when the 2016 Ofsted report came out?", False),
        # school attendance is not a meeting's
        ("How many looked after children attend school regularly?", False),
        ("What did Ofsted say about school attendance?", False),
    ],
)
def test_a_question_about_who_was_at_a_meeting_is_recognised(question, asks):
    assert asks_who_attended(question) is asks


def _minutes(*texts: str) -> list[Paragraph]:
    return [
        Paragraph("minutes", i, "", f"p. 2, ¶{i + 1}", 2, 2, (), text)
        for i, text in enumerate(texts)
    ]


def test_attendance_runs_from_present_to_apologies_with_the_co_opted_members_between():
    paragraphs = _minutes(
        "Education and Children's Services Scrutiny Panel – Meeting held on 28th January 2016.",
        "Present:- Councillors Abe, Pantelic and Brooker",
        "Education Non-Voting Co-opted Members",
        "Jo Rockall (Secondary school teacher representative)",
        "Apologies for Absence:- Councillor Bal",
        "PART 1",
        "28. Election of Chair",
    )
    assert [p.seq for p in attendance(paragraphs)] == [1, 2, 3, 4]


def test_attendance_across_meetings_is_the_record_and_one_meeting_is_its_minutes():
    minutes = Document("minutes", "Panel minutes, 28 January 2016", Kind.MINUTES, "2016-01-28",
                       "pack.pdf", 1, 2, "0" * 64)  # fmt: skip
    record = Document("record", "Members' Attendance Record: Scrutiny Panel 2015-16", Kind.OTHER,
                      "2016-03-16", "pack.pdf", 67, 68, "0" * 64)  # fmt: skip
    printed = {
        "minutes": _minutes("Present:- Councillors Abe and Bal", "Apologies for Absence:- None"),
        "record": [
            Paragraph("record", i, "", f"p. 68, ¶{i + 1}", 68, 68, (), text)
            for i, text in enumerate(["Abe P P Ap", "Bal Ap Ap Ap", "Ap = Apologies given"])
        ],
    }
    hits = [Hit(printed["minutes"][1], minutes, 1.0, 1), Hit(printed["record"][0], record, 0.5, 2)]

    def answer(question):
        return [s.text for s in attendance_sentences(question, hits, printed.__getitem__)]

    assert answer("Who has missed the most meetings this year?") == [
        "Abe P P Ap", "Bal Ap Ap Ap", "Ap = Apologies given"
    ]  # fmt: skip
    assert answer("Who missed the meeting on 28 January 2016?") == [
        "Present:- Councillors Abe and Bal", "Apologies for Absence:- None"
    ]  # fmt: skip


def test_minutes_that_print_no_attendance_have_none():
    assert (
        attendance(_minutes("28. Election of Chair", "Cllr Brooker nominated Cllr Pantelic.")) == []
    )


@pytest.mark.parametrize(
    "question, asks",
    [
        ("Who wrote the report on the Ofsted inspection for the March 2016 panel?", True),
        ("Who is the contact officer for the CSE team report?", True),
        ("Who was the author of the LSCB report?", True),
        ("Author of the work programme?", True),
        ("Who is the independent chair of the LSCB?", False),
        ("Who led the 2013 inspection?", False),
    ],
)
def test_a_question_about_who_wrote_a_paper_is_recognised(question, asks):
    assert asks_who_wrote(question) is asks
