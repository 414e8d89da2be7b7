"""Acronyms harvested from "long form (ACRONYM)" and used to expand queries."""

from __future__ import annotations

import pytest

from index.glossary import Glossary, extract_acronyms


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the multi-agency safeguarding hub (MASH) is",
         [("MASH", "multi-agency safeguarding hub")]),
        ("the Local Authority Designated Officer (LADO).",
         [("LADO", "Local Authority Designated Officer")]),
        ("Independent Reviewing Officers (IROs) have", [("IRO", "Independent Reviewing Officers")]),
        ("young people not in education, employment or training (NEET)",
         [("NEET", "not in education employment or training")]),
        ("the Department for Education (DfE) said", [("DfE", "Department for Education")]),
        ("the Children in Care Council (CiCC)", [("CiCC", "Children in Care Council")]),
        ("child and adolescent mental health services (CAMHS)",
         [("CAMHS", "child and adolescent mental health services")]),
        ("Slough Children's Services Trust (SCST)", [("SCST", "Slough Children's Services Trust")]),
        # junk that must not be learned
        ("this is rubbish (MASH)", []),
        ("an action for the trust (Recommendation)", []),
        ("Education and Children's Services Scrutiny Panel (ECS)", []),
        ("the chair (Cllr)", []),
        ("page 4 (A)", []),
    ],
)  # fmt: skip
def test_extract_acronyms(text, expected):
    assert extract_acronyms(text) == expected


def _glossary() -> Glossary:
    texts = [
        "The multi-agency safeguarding hub (MASH) opens in summer.",
        "Risks of child sexual exploitation (CSE) are assessed monthly.",
        "Independent Reviewing Officers (IROs) chair reviews.",
        "Female genital mutilation (FGM) cases are reported.",
    ]
    return Glossary.harvest(texts)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("is the MASH open?", "is the MASH (multi-agency safeguarding hub) open?"),
        ("cse risk tool", "cse (child sexual exploitation) risk tool"),
        ("what do IROs do", "what do IROs (independent reviewing officers) do"),
        ("FGM and child sexual exploitation", "FGM (female genital mutilation) and child sexual "
         "exploitation"),
        ("CSE, and again CSE", "CSE (child sexual exploitation), and again CSE"),
        ("nothing to expand here", "nothing to expand here"),
    ],
)  # fmt: skip
def test_expand(query, expected):
    assert _glossary().expand(query) == expected


def test_lower_case_is_only_recognised_when_it_is_not_a_word():
    glossary = Glossary.harvest(["Adoption and Children Team (ACT) staff act quickly."])
    assert glossary.expand("ACT staff") == "ACT (adoption and children team) staff"
    assert glossary.expand("how to act") == "how to act"


def test_a_sector_acronym_typed_in_lower_case_is_recognised_unless_it_is_a_word():
    # no paper spells out PEP, UASC or SEND; "peps" is no word of theirs, "plan" is
    glossary = Glossary.harvest(["Personal education plans are sparse.", "A plan for UASC."])
    assert glossary.lookup("peps") == glossary.lookup("PEP") == "personal education plan"
    assert glossary.lookup("uasc") == "unaccompanied asylum-seeking children"
    assert glossary.lookup("send") is None  # an everyday word, in capitals only
    assert glossary.lookup("SEND") is not None
    worded = Glossary.harvest(["Nurses give each child a pep talk."])
    assert worded.lookup("pep") is None


def test_common_acronyms_are_not_expanded():
    texts = ["Local Safeguarding Children Board (LSCB) met."] + ["The LSCB met."] * 20
    glossary = Glossary.harvest(texts)
    assert "LSCB" in glossary.common
    assert glossary.expand("LSCB review") == "LSCB review"


def test_a_frequent_acronym_is_expanded_when_its_long_form_has_a_distinctive_word():
    # "hub" is in 1 of 61 paragraphs; papers that write the long form out never say "MASH"
    texts = ["The multi-agency safeguarding hub (MASH) opened."] + ["The MASH met the board."] * 10
    texts += ["The board met the agency on safeguarding."] * 50
    glossary = Glossary.harvest(texts)
    assert "MASH" not in glossary.common
    assert glossary.expand("MASH delays") == "MASH (multi-agency safeguarding hub) delays"


def test_save_and_load_round_trip(tmp_path):
    glossary = _glossary()
    glossary.save(tmp_path / "g.json")
    assert Glossary.load(tmp_path / "g.json") == glossary


def test_an_acronym_the_papers_never_spell_out_is_read_as_the_sector_uses_it():
    glossary = Glossary.harvest(["The majority of personal education plans are sparse."])
    assert glossary.lookup("PEPs") == "personal education plan"
    assert glossary.expand("PEPs for CLA") == (
        "PEPs (personal education plan) for CLA (children looked after)"
    )
    assert glossary.expand("send me the quote") == "send me the quote"  # capitals only


def test_the_papers_own_long_form_comes_before_the_sectors():
    glossary = Glossary.harvest(["The Development Agency (DA) met."])
    assert glossary.lookup("DA") == "development agency"
    assert Glossary.harvest(["The agency met."]).lookup("DA") == "domestic abuse"
