"""Fusion and paragraph-reference parsing: pure functions, as tables."""

from __future__ import annotations

import pytest

from index.hybrid import RRF_K, fuse, parse_paragraph_refs, query_parts, strip_framing
from index.keyword import Tokenizer


@pytest.mark.parametrize(
    "rankings, weights, expected",
    [
        ({"dense": ["a", "b"], "bm25": ["b", "a"]}, None, ["a", "b"]),  # tie: first seen first
        ({"dense": ["a", "b", "c"], "bm25": ["c", "b"]}, None, ["c", "b", "a"]),
        ({"dense": ["a"], "bm25": ["b"]}, {"dense": 0.5, "bm25": 1.0}, ["b", "a"]),
        ({"dense": [], "bm25": ["x", "y"]}, None, ["x", "y"]),
        ({"dense": ["a", "a", "b"]}, None, ["a", "b"]),  # a repeated id counts once
        ({}, None, []),
    ],
)
def test_fuse_orders_by_reciprocal_rank(rankings, weights, expected):
    assert [item.id for item in fuse(rankings, weights)] == expected


def test_fuse_scores_and_via():
    fused = fuse({"dense": ["a", "b"], "bm25": ["b"]})
    by_id = {item.id: item for item in fused}
    assert by_id["b"].score == pytest.approx(1 / (RRF_K + 2) + 1 / (RRF_K + 1))
    assert by_id["b"].via == ("dense", "bm25")
    assert by_id["a"].via == ("dense",)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("para 49 of the 2016 report", [("49", "2016")]),
        ("paragraph 5.3", [("5.3", None)]),
        ("5.3", [("5.3", None)]),
        ("what does 5.3 say?", [("5.3", None)]),
        ("Para. 12", [("12", None)]),
        ("¶7", [("7", None)]),
        ("§ 5.3", [("5.3", None)]),
        ("paras 16 and 17", [("16", None), ("17", None)]),
        ("paras 16-19", [("16", None), ("17", None), ("18", None), ("19", None)]),
        ("paragraph 4 (a) of the 2011 report", [("4(a)", "2011")]),
        ("para 5a", [("5a", None)]),
        ("section 5.2 of the 2016 pack", [("5.2", "2016")]),
        ("minute 31", [("31", None)]),
        ("section 4 of the 2011 report", [("4", "2011")]),
        ("section 11 audits - what did ofsted say?", []),  # an Act's section, not a paragraph
        ("are section 47 enquiries timely", []),
        ("compare para 5 in 2013 and 2016", [("5", None)]),  # two years: no single document
        ("£5.30 was spent", []),
        ("a rate of 5.3% in 2015", []),
        ("on 16.03.2016", []),
        ("version 1.2.3", []),
        ("how many children in 2015?", []),
        ("care leavers aged 16", []),  # a bare integer is not a paragraph reference
    ],
)
def test_parse_paragraph_refs(query, expected):
    assert [(ref.label, ref.year) for ref in parse_paragraph_refs(query)] == expected


@pytest.fixture(scope="module")
def terms():
    return Tokenizer()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("need the exact quote on care leavers' housing", "the on care leavers' housing"),
        ("what did ofsted say about morale?", "what did ofsted about morale?"),
        ("quote please", "quote please"),  # nothing else left: the query as it is
        ("How many looked after children were there?", "How looked after children were there?"),
        ("care leavers' housing", "care leavers' housing"),
        ("why was there still no MASH in late 2013?", "was there no MASH in 2013?"),
        ("early help in mid-2015", "early help in 2015"),  # "early help" is a service
        ("has Ofsted's view changed between 2013 and 2016?", "has Ofsted's 2013 and 2016?"),
        ("how has it changed since 2013?", "how has it since 2013?"),
        (
            "assessments finished between day 41 and day 45",
            "assessments finished between day 41 and day 45",
        ),
        ("why were plans changed from adoption?", "were plans changed from adoption?"),
        # "in need" names who a service is for, not what the asker needs
        ("How many children were in need in 2015?", "How children were in need in 2015?"),
        ("I need the quote on children in need", "I the on children in need"),
    ],
)
def test_strip_framing_drops_words_that_frame_the_request(query, expected, terms):
    assert strip_framing(query, terms) == expected


@pytest.mark.parametrize(
    "query, expected",
    [
        ("When was the inspection and who led it?", ["When was the inspection", "who led it"]),
        ("CiCC - is it more representative now?", ["CiCC", "is it more representative now"]),
        ("FGM: how many cases?", ["FGM", "how cases"]),  # "many" frames the count
        ("adopters in 2014-15, and so far this year?", ["adopters in 2014-15", "so far this year"]),
        ("I heard morale collapsed - what did they say?", ["I morale collapsed", "what did they"]),
        ("LSCB report - need the quote", []),  # the second part has no search term
        ("how many children in 2014-15?", []),  # a hyphen inside a word breaks nothing
        ("homes rated in 2013 and 2016", []),
    ],
)  # fmt: skip
def test_query_parts_split_a_question_that_asks_several_things(query, expected, terms):
    assert query_parts(query, terms) == expected
