from __future__ import annotations

import pytest

from ingest.dates import find_dates


@pytest.mark.parametrize(
    "text, dates",
    [
        ("DATE: 16 March 2016", ["2016-03-16"]),
        ("Date of issue: Tuesday 8th March 2016", ["2016-03-08"]),
        ("WEDNESDAY, 16TH MARCH, 2016 AT 6.30 PM", ["2016-03-16"]),
        ("Inspection date: 19 November – 11 December 2013", ["2013-11-19", "2013-12-11"]),
        ("24 November 2015 - 17 December 2015", ["2015-11-24", "2015-12-17"]),
        ("Meeting held on Thursday, 28th January, 2016.", ["2016-01-28"]),
        ("17/02/2016 CSE Strategy Revised", ["2016-02-17"]),
        ("9th June 2011", ["2011-06-09"]),
        ("31 February 2016 is not a date", []),
        ("no dates here, 2016 alone is a year", []),
    ],
)
def test_printed_dates_are_read(text, dates):
    assert find_dates(text) == dates
