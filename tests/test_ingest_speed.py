"""Parsing and structuring (no embedding) must keep up with a council's back catalogue."""

from __future__ import annotations

import time

from ingest.pipeline import parse_file
from tests.conftest import CORPUS_PDF

PAGES_PER_SECOND_FLOOR = 30


def test_parsing_runs_at_30_pages_a_second_or_more():
    files = sorted(CORPUS_PDF.glob("*.pdf"))
    parse_file(files[0])  # warm imports
    started = time.perf_counter()
    pages = sum(parse_file(path).record.pages for path in files)
    rate = pages / (time.perf_counter() - started)
    assert rate >= PAGES_PER_SECOND_FLOOR, f"{rate:.0f} pages/s"
