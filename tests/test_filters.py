"""Filters become a Chroma `where` and a BM25 mask with the same meaning: tables."""

from __future__ import annotations

import numpy as np
import pytest

from index.filters import Filters, date_number

DOC_IDS = ["a", "a", "b", "c"]
KINDS = ["minutes", "minutes", "Ofsted inspection", "news"]
DATES = np.array([20110609, 20110609, 20160217, 0])


@pytest.mark.parametrize(
    "iso, expected",
    [("2016-03-16", 20160316), ("2016-03-16T10:00", 20160316), (None, 0), ("", 0),
     ("2016-02-30", 0), ("March 2016", 0)],
)  # fmt: skip
def test_date_number(iso, expected):
    assert date_number(iso) == expected


@pytest.mark.parametrize(
    "filters, where, mask",
    [
        (Filters.build(), None, None),
        (Filters.build(doc_ids=["b"]), {"doc_id": {"$in": ["b"]}}, [0, 0, 1, 0]),
        (Filters.build(kinds=["minutes"]), {"kind": {"$in": ["minutes"]}}, [1, 1, 0, 0]),
        (
            Filters.build(since="2012-01-01"),
            {"date_int": {"$gte": 20120101}},
            [0, 0, 1, 0],
        ),
        (
            Filters.build(until="2012-01-01"),
            {"$and": [{"date_int": {"$lte": 20120101}}, {"date_int": {"$gt": 0}}]},
            [1, 1, 0, 0],
        ),
        (
            Filters.build(doc_ids=["a", "b"], since="2011-06-09", until="2011-06-09"),
            {
                "$and": [
                    {"doc_id": {"$in": ["a", "b"]}},
                    {"date_int": {"$gte": 20110609}},
                    {"date_int": {"$lte": 20110609}},
                ]
            },
            [1, 1, 0, 0],
        ),
    ],
)
def test_where_mask_and_admits_agree(filters, where, mask):
    assert filters.where() == where
    got = filters.mask(DOC_IDS, KINDS, DATES)
    if mask is None:
        assert got is None
        return
    assert got.tolist() == mask
    admitted = [filters.admits(d, k, int(n)) for d, k, n in zip(DOC_IDS, KINDS, DATES, strict=True)]
    assert admitted == [bool(m) for m in mask]


def test_a_bad_date_is_refused_plainly():
    with pytest.raises(ValueError, match="since must be a date as YYYY-MM-DD"):
        Filters.build(since="16/03/2016")
