"""The dev set, answered end to end on the sample corpus, must not fall below measured floors.

Floors are the scores measured when they were set (README, "Evaluation"), less a small margin,
so that a change which makes answers worse fails here rather than in front of a councillor.
Raise them as answers improve; never lower one without saying why in the commit.
"""

from __future__ import annotations

import pytest

from assistant.evaluation import evaluate, load_questions
from tests.conftest import DEV_SET, HELD_OUT_SET, SECOND_HELD_OUT_SET, THIRD_HELD_OUT_SET

pytestmark = pytest.mark.slow

# Measured 2026-11-24 (session 22) on the sample corpus: recall@5 0.762, recall@20 0.841,
# citation recall 0.778, precision 0.569, paragraph accuracy 1.0 (17 checked), required terms
# 0.870 (one question of 23 is 0.043), abstention 1.0, false abstention 0.0. Abstention has no
# slack: with three unanswerable questions, one answered by mistake (as "six" once answered
# "how many in its first six months") is 0.67.
FLOORS = {
    "evidence_recall@5": 0.70,
    "evidence_recall@20": 0.80,
    "citation_recall": 0.72,
    "citation_precision": 0.50,
    "paragraph_accuracy": 0.95,
    "must_mention_rate": 0.82,
    "abstention_unanswerable": 1.0,
}
CEILINGS = {
    "false_abstention": 0.05,
    "latency_p50_ms": 2000.0,  # generous: CI shares its 2 cores; measured 70 ms when quiet
}


# Questions written by helpers who saw neither the code nor its answers (README, "Evaluation").
# Measured at the end of session 22:
# tests/data/heldout.jsonl, 48 questions of session 16: recall@5 0.784, recall@20 0.968, citation
# recall 0.784, precision 0.522, paragraph accuracy 1.0 (28 checked), required terms 0.818,
# abstention 1.0 (4 questions), false abstention 0.0.
# tests/data/heldout2.jsonl, 32 questions of session 17: recall@5 0.68, recall@20 0.82, citation
# recall 0.67, precision 0.49, paragraph accuracy 1.0 (17 checked), required terms 0.80,
# abstention 1.0 (2 questions), false abstention 0.0.
# tests/data/heldout3.jsonl, 30 questions of session 18: recall@5 0.746, recall@20 0.882,
# citation recall 0.718, precision 0.573, paragraph accuracy 0.962 (one of 26 checked: the set
# numbers a background paper listed under "8 Background Papers" as 8; the answer cites it by
# page and paragraph on the page), required terms 0.607 (one question of 28 is 0.036),
# abstention 1.0 (2 questions), false abstention 0.0.
HELD_OUT_FLOORS = {
    HELD_OUT_SET: {
        "evidence_recall@5": 0.74,
        "evidence_recall@20": 0.93,
        "citation_recall": 0.72,
        "citation_precision": 0.46,
        "paragraph_accuracy": 0.95,
        "must_mention_rate": 0.77,
        "abstention_unanswerable": 1.0,
    },
    SECOND_HELD_OUT_SET: {
        "evidence_recall@5": 0.60,
        "evidence_recall@20": 0.78,
        "citation_recall": 0.62,
        "citation_precision": 0.43,
        "paragraph_accuracy": 0.95,
        "must_mention_rate": 0.73,
        "abstention_unanswerable": 1.0,
    },
    THIRD_HELD_OUT_SET: {
        "evidence_recall@5": 0.68,
        "evidence_recall@20": 0.84,
        "citation_recall": 0.66,
        "citation_precision": 0.50,
        "paragraph_accuracy": 0.95,
        # 0.786 (22 of 28) at the end of session 27; two questions of slack
        "must_mention_rate": 0.71,
        "abstention_unanswerable": 1.0,
    },
}


@pytest.fixture(scope="module")
def scores(sample_assistant):
    result, _ = evaluate(sample_assistant, load_questions(DEV_SET))
    return result


@pytest.fixture(scope="module")
def held_out_scores(sample_assistant):
    return {path: evaluate(sample_assistant, load_questions(path))[0] for path in HELD_OUT_FLOORS}


@pytest.mark.parametrize("measure, floor", FLOORS.items())
def test_dev_set_scores_stay_above_their_floors(scores, measure, floor):
    assert scores[measure] >= floor, f"{measure} = {scores[measure]} < {floor}: {scores}"


@pytest.mark.parametrize("measure, ceiling", CEILINGS.items())
def test_dev_set_costs_stay_below_their_ceilings(scores, measure, ceiling):
    assert scores[measure] <= ceiling, f"{measure} = {scores[measure]} > {ceiling}: {scores}"


@pytest.mark.parametrize(
    "path, measure, floor",
    [(path, m, f) for path, floors in HELD_OUT_FLOORS.items() for m, f in floors.items()],
    ids=lambda value: value.name if hasattr(value, "name") else str(value),
)
def test_held_out_scores_stay_above_their_floors(held_out_scores, path, measure, floor):
    found = held_out_scores[path][measure]
    assert found >= floor, f"{path.name}: {measure} = {found} < {floor}: {held_out_scores[path]}"


@pytest.mark.parametrize(
    "path, measure, ceiling",
    [(path, m, c) for path in HELD_OUT_FLOORS for m, c in CEILINGS.items()],
    ids=lambda value: value.name if hasattr(value, "name") else str(value),
)
def test_held_out_costs_stay_below_their_ceilings(held_out_scores, path, measure, ceiling):
    found = held_out_scores[path][measure]
    assert found <= ceiling, (
        f"{path.name}: {measure} = {found} > {ceiling}: {held_out_scores[path]}"
    )
