"""'What is CSE?' is led by the papers' own definition of the acronym."""

from __future__ import annotations

import pytest

from assistant.definitions import asked_acronym, defining
from tests.answerfakes import hit, scored

GLOSSARY = {"CSE": "child sexual exploitation", "LADO": "local authority designated officer"}


@pytest.mark.parametrize(
    "question, expected",
    [
        ("What is CSE?", "CSE"),
        ("What does LADO stand for?", "LADO"),
        ("what's the LADO and what did inspectors say about it?", "LADO"),
        ("What is the virtual school?", None),  # not an acronym the papers define
        ("What did Ofsted say about CSE?", None),  # asks about it, not what it is
    ],
)
def test_a_question_asking_what_an_acronym_is_is_recognised(question, expected):
    found = asked_acronym(question, GLOSSARY.get)
    assert (found[0] if found else None) == expected


def test_the_sentence_spelling_the_acronym_out_is_found_in_any_case():
    h = hit("1", "Plans for a multi-agency Child Sexual Exploitation (CSE) team.")
    uses = scored(h, "CSE is rising.", 1.0)
    defines = scored(h, "Plans for a multi-agency Child Sexual Exploitation (CSE) team.", 0.5)
    assert defining([uses, defines], "CSE", "child sexual exploitation") is defines
    assert defining([uses], "CSE", "child sexual exploitation") is None
