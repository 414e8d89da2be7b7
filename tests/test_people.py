"""People named where papers print them: who attended a meeting, who wrote a report."""

from __future__ import annotations

import pytest

from assistant.people import (
    asks_who_attended,
    asks_who_inspected,
    asks_who_wrote,
    attendance,
    attendance_sentences,
    inspector_sentences,
    members_summoned,
)
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


@pytest.mark.parametrize(
    "question, asks",
    [
        ("Who carried out the 2016 inspection?", True),
        ("Who inspected Slough's children's services in 2013?", True),
        ("Who were the inspectors?", True),
        ("Which inspectors did the focused visit?", True),
        ("Who did the monitoring visit in 2021?", True),
        ("Who was on the inspection team?", True),
        ("Who did the inspection criticise?", False),
        ("Who led the 2013 inspection?", False),  # the lead inspector's line alone answers
        ("Who carried out the audit of CSE cases?", False),
        ("Who conducts return home interviews?", False),
    ],
)
def test_a_question_about_who_inspected_is_recognised(question, asks):
    assert asks_who_inspected(question) is asks


def _paper(doc_id: str, kind: Kind, date: str, *texts: str) -> tuple[Document, list[Paragraph]]:
    document = Document(doc_id, doc_id, kind, date, f"{doc_id}.pdf", 1, 9, "0" * 64)
    paragraphs = [
        Paragraph(doc_id, i, "", f"p. 1, ¶{i + 1}", 1, 1, (), text) for i, text in enumerate(texts)
    ]
    return document, paragraphs


def test_who_inspected_is_the_team_the_paper_meant_prints_not_a_signature_or_a_finding():
    report, report_lines = _paper(
        "report", Kind.OFSTED_INSPECTION, "2019-06-21",
        "Lead inspector: Helen Carter, Her Majesty's Inspector",
        "12. Her Majesty's Inspectors found that too many children live far from home.",
    )  # fmt: skip
    letter, letter_lines = _paper(
        "letter", Kind.MONITORING_VISIT, "2021-12-09",
        "This letter summarises the visit. His Majesty's Inspectors for this visit were Helen "
        "Carter and Tom Reid.",
        "Yours sincerely", "Helen Carter", "His Majesty's Inspector",
    )  # fmt: skip
    strategy, strategy_lines = _paper(
        "strategy", Kind.STRATEGY, "2021-12-01", "Lead inspector: Sarah Cook, police CSE lead"
    )
    printed = {"report": report_lines, "letter": letter_lines, "strategy": strategy_lines}
    hits = [
        Hit(strategy_lines[0], strategy, 1.0, 1),
        Hit(report_lines[1], report, 0.9, 2),
        Hit(letter_lines[0], letter, 0.8, 3),
    ]

    def answer(question, years=(), of_kind=frozenset()):
        found = inspector_sentences(question, hits, printed.__getitem__, years, of_kind)
        return [s.text for s in found]

    # a police inspector in a strategy is not Ofsted's, and a finding names no one
    assert answer("Who carried out the inspection?") == [
        "Lead inspector: Helen Carter, Her Majesty's Inspector"
    ]
    assert answer("Who carried out the focused visit?", of_kind=frozenset({"letter"})) == [
        "His Majesty's Inspectors for this visit were Helen Carter and Tom Reid."
    ]
    assert answer("Who were the inspectors in 2021?", years=("2021",)) == [
        "His Majesty's Inspectors for this visit were Helen Carter and Tom Reid."
    ]
    assert answer("Who carried out the 2016 inspection?", years=("2016",)) == []


def test_a_meeting_without_minutes_is_answered_with_the_members_its_agenda_summons():
    agenda = Document("agenda", "Agenda: Scrutiny Panel - 16 March 2016", Kind.AGENDA,
                      "2016-03-16", "pack.pdf", 1, 2, "0" * 64)  # fmt: skip
    minutes = Document("minutes", "Panel minutes, 28 January 2016", Kind.MINUTES, "2016-01-28",
                       "pack.pdf", 3, 8, "0" * 64)  # fmt: skip
    printed = {
        "agenda": [
            Paragraph("agenda", i, "", f"p. 1, ¶{i + 1}", 1, 1, (), text)
            for i, text in enumerate(
                [
                    "SCRUTINY PANEL",
                    "(Councillors Pantelic (Chair), Abe (Vice Chair), Bal,",
                    "Brooker and Rana)",
                    "Education Non-Voting Co-opted Members",
                    "Jo Rockall (Secondary school teacher representative)",
                    "DATE AND TIME:",
                    "WEDNESDAY, 16TH MARCH, 2016 AT 6.30 PM",
                ]
            )
        ],
        "minutes": _minutes("Present:- Councillors Abe and Bal"),
    }

    def answer(question):
        lines, note = members_summoned(question, [agenda, minutes], printed.__getitem__)
        return [s.text for s in lines], note

    lines, note = answer("Who was present at the March 2016 meeting?")
    assert lines == [
        "(Councillors Pantelic (Chair), Abe (Vice Chair), Bal,", "Brooker and Rana)",
        "Education Non-Voting Co-opted Members",
        "Jo Rockall (Secondary school teacher representative)",
    ]  # fmt: skip
    assert note.startswith("The papers hold no minutes of the meeting of 16 March 2016")
    assert answer("Who attended the January 2016 meeting?") == ([], "")  # its minutes say
    assert answer("Who attended the meeting?") == ([], "")  # no day: the minutes retrieved
