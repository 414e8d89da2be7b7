"""What happened at a meeting: its minutes' items and resolutions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.compose import LISTED, RESOLUTION
from assistant.meetings import (
    asks_next_meeting,
    asks_what_happened,
    items_and_resolutions,
    next_meeting_sentences,
    outcome_sentences,
)
from assistant.scoring import TermWeights
from assistant.types import Document, Hit, Kind, Paragraph

JANUARY = Document("jan", "Panel – Meeting held on 28th January 2016", Kind.MINUTES, "2016-01-28",
                   "pack.pdf", 1, 8, "0" * 64)  # fmt: skip
DECEMBER = Document("dec", "Panel – Meeting held on 3rd December 2015", Kind.MINUTES, "2015-12-03",
                    "dec.pdf", 1, 8, "0" * 64)  # fmt: skip


@pytest.mark.parametrize(
    "question, asks",
    [
        ("What happened at the January 2016 scrutiny panel?", True),
        ("Summarise the minutes of the January 2016 meeting", True),
        ("What was decided at the last meeting?", True),
        ("What did the panel decide in January 2016?", True),
        ("What were the outcomes of the meeting on 28 January 2016?", True),
        # a topic: that item's resolution, which sentence scoring finds
        ("What did the panel resolve about the Ofsted report?", False),
        ("What happened with Cllr Bal at the meeting?", False),
        ("what did we resolve (CSE worries members raised at the 28 Jan panel)?", False),
        # a paper, not a meeting
        ("Summarise the committee report on CSE", False),
        ("Summarise the 2016 Ofsted report", False),
        ("What happened to care leavers?", False),
        # more than one thing asked
        ("Who nominated Pantelic at the January meeting, and what happened with Cllr Bal?", False),
    ],
)
def test_a_question_about_what_a_meeting_did_is_recognised(question, asks):
    assert asks_what_happened(question) is asks


def _minutes(doc_id: str, *rows: tuple[str, str, str]) -> list[Paragraph]:
    return [
        Paragraph(doc_id, i, label, f"para {label}", 2, 2, (), text, style)
        for i, (label, style, text) in enumerate(rows)
    ]


PRINTED = _minutes(
    "jan",
    ("", "body", "Present:- Councillors Abe, Pantelic and Brooker"),
    ("28", "heading", "28. Election of Chair"),
    ("28", "body", "Cllr Brooker nominated Cllr Pantelic. Resolved: that Cllr Pantelic be Chair."),
    ("29", "heading", "29. Declaration of Interest"),
    ("29", "body", "Cllr Brooker declared his daughter's attendance."),
    ("33", "heading", "33. Private Finance Initiative Contract for Schools"),
    ("33", "body", "The PFI contract was an arrangement where the contractor took the risk."),
    ("33", "heading", "Resolved: that"),
    ("33(1)", "body", "1. The Panel would receive a financial statement on schools."),
    ("33(2)", "body", "2. The Panel receive a report on benchmarking."),
    ("34", "heading", "34. Date of Next Meeting"),
    ("34", "body", "The meeting had been moved to 16th March 2016."),
)


def test_each_item_is_its_heading_and_what_was_resolved_in_printed_order():
    sentences = items_and_resolutions(PRINTED, JANUARY)
    assert [(s.hit.paragraph.label, s.text, s.hit.via) for s in sentences] == [
        ("28", "Election of Chair", (LISTED,)),
        ("28", "Resolved: that Cllr Pantelic be Chair.", (RESOLUTION,)),
        ("29", "Declaration of Interest", (LISTED,)),
        ("33", "Private Finance Initiative Contract for Schools", (LISTED,)),
        ("33", "Resolved: that", (RESOLUTION,)),
        ("33(1)", "The Panel would receive a financial statement on schools.", (RESOLUTION,)),
        ("33(2)", "The Panel receive a report on benchmarking.", (RESOLUTION,)),
        ("34", "Date of Next Meeting", (LISTED,)),
    ]


def test_minutes_recording_no_resolution_give_no_answer():
    unresolved = [PRINTED[1], PRINTED[3], PRINTED[4]]  # items and discussion, no "Resolved"
    assert items_and_resolutions(unresolved, JANUARY) == []


def test_the_minutes_answering_are_those_of_the_month_named_or_the_latest():
    printed = {"jan": PRINTED, "dec": [replace(p, doc_id="dec") for p in PRINTED]}
    hits = [Hit(printed["dec"][2], DECEMBER, 1.0, 1), Hit(PRINTED[2], JANUARY, 0.5, 2)]

    def paper(question):
        found = outcome_sentences(question, hits, [DECEMBER, JANUARY], printed.__getitem__)
        return {s.hit.document.doc_id for s in found}

    assert paper("What happened at the January 2016 meeting?") == {"jan"}
    assert paper("What was decided at the last meeting?") == {"jan"}
    assert paper("Summarise the minutes") == {"dec"}  # none named: the first retrieved
    assert paper("What happened at the March 2016 meeting?") == set()  # not January's


@pytest.mark.parametrize(
    "question, asks",
    [
        ("When is the next scrutiny panel meeting?", True),
        ("What is the date of the next meeting?", True),
        ("when's the upcoming cabinet meeting", True),
        ("What happened at the last meeting?", False),
        ("What are the next steps for the LSCB?", False),
    ],
)
def test_a_question_about_the_next_meeting_is_recognised(question, asks):
    assert asks_next_meeting(question) is asks


def test_the_next_meeting_is_the_latest_papers_of_the_committee_named():
    agenda = Document("agenda", "Agenda: Scrutiny Panel - 16 March 2016", Kind.AGENDA,
                      "2016-03-16", "pack.pdf", 1, 2, "0" * 64)  # fmt: skip
    cabinet = Document("cabinet", "Agenda: Cabinet - 1 February 2016", Kind.AGENDA, "2016-02-01",
                       "cabinet.pdf", 1, 2, "0" * 64)  # fmt: skip
    printed = {
        "jan": PRINTED,
        "agenda": _minutes("agenda", ("9", "body", "9. Date of Next Meeting - 21st April 2016")),
        "cabinet": _minutes("cabinet", ("7", "body", "7. Date of Next Meeting - 7 March 2016")),
    }
    printed["jan"] = [*PRINTED, *_minutes("jan", ("35", "heading", "35. Date of Next Meeting"))]
    weights = TermWeights([p.text for paper in printed.values() for p in paper])

    def answer(question):
        papers = [JANUARY, agenda, cabinet]
        return [s.text for s in next_meeting_sentences(question, papers, printed.get, weights)]

    assert answer("When is the next scrutiny panel meeting?") == [
        "Date of Next Meeting - 21st April 2016"
    ]
    assert answer("When is the next cabinet meeting?") == ["Date of Next Meeting - 7 March 2016"]
