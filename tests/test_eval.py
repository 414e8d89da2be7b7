"""The dev set, answered end to end on the sample corpus, must not fall below measured floors.

Floors are the scores measured when they were set (README, "Evaluation"), less a small margin,
so that a change which makes answers worse fails here rather than in front of a councillor.
Raise them as answers improve; never lower one without saying why in the commit.
"""

from __future__ import annotations

import pytest

from assistant.evaluation import evaluate, load_questions
from tests.conftest import DEV_SET, HELD_OUT_SET

pytestmark = pytest.mark.slow

# Measured 2026-11-24 (session 13) on the sample corpus: recall@5 0.75, recall@20 0.84,
# citation recall 0.75, precision 0.50, paragraph accuracy 1.0 (16 checked), required terms
# 0.74, abstention 1.0, false abstention 0.0. Abstention has no slack: with three unanswerable
# questions, one answered by mistake (as "six" once answered "how many in its first six
# months") is 0.67.
FLOORS = {
    "evidence_recall@5": 0.70,
    "evidence_recall@20": 0.80,
    "citation_recall": 0.70,
    "citation_precision": 0.47,
    "paragraph_accuracy": 0.95,
    "must_mention_rate": 0.70,
    "abstention_unanswerable": 1.0,
}
CEILINGS = {
    "false_abstention": 0.05,
    "latency_p50_ms": 2000.0,  # generous: CI shares its 2 cores; measured 70 ms when quiet
}


# tests/data/heldout.jsonl: 48 questions on the sample corpus written in session 16 by a helper
# who saw neither the code nor its answers (README, "Evaluation"). Measured 2026-11-24 (session
# 16, after the changes they prompted): recall@5 0.72, recall@20 0.936, citation recall 0.696,
# precision 0.42, paragraph accuracy 1.0 (24 checked), required terms 0.66, abstention 1.0 (4
# questions), false abstention 0.0.
HELD_OUT_FLOORS = {
    "evidence_recall@5": 0.68,
    "evidence_recall@20": 0.90,
    "citation_recall": 0.65,
    "citation_precision": 0.38,
    "paragraph_accuracy": 0.95,
    "must_mention_rate": 0.60,
    "abstention_unanswerable": 1.0,
}


@pytest.fixture(scope="module")
def scores(sample_assistant):
    result, _ = evaluate(sample_assistant, load_questions(DEV_SET))
    return result


@pytest.fixture(scope="module")
def held_out_scores(sample_assistant):
    result, _ = evaluate(sample_assistant, load_questions(HELD_OUT_SET))
    return result


@pytest.mark.parametrize("measure, floor", FLOORS.items())
def test_dev_set_scores_stay_above_their_floors(scores, measure, floor):
    assert scores[measure] >= floor, f"{measure} = {scores[measure]} < {floor}: {scores}"


@pytest.mark.parametrize("measure, ceiling", CEILINGS.items())
def test_dev_set_costs_stay_below_their_ceilings(scores, measure, ceiling):
    assert scores[measure] <= ceiling, f"{measure} = {scores[measure]} > {ceiling}: {scores}"


@pytest.mark.parametrize("measure, floor", HELD_OUT_FLOORS.items())
def test_held_out_scores_stay_above_their_floors(held_out_scores, measure, floor):
    found = held_out_scores[measure]
    assert found >= floor, f"{measure} = {found} < {floor}: {held_out_scores}"


@pytest.mark.parametrize("measure, ceiling", CEILINGS.items())
def test_held_out_costs_stay_below_their_ceilings(held_out_scores, measure, ceiling):
    found = held_out_scores[measure]
    assert found <= ceiling, f"{measure} = {found} > {ceiling}: {held_out_scores}"
