"""Shared fixtures. Every test runs with the network-facing libraries told to stay offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import apply_offline_environment

apply_offline_environment()

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS_PDF = SHARED / "corpus" / "pdf"
DEV_SET = SHARED / "eval" / "dev.jsonl"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden from the current output (then read the diff)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def corpus_pdf() -> Path:
    assert CORPUS_PDF.is_dir(), f"the sample corpus is missing: {CORPUS_PDF}"
    return CORPUS_PDF


@pytest.fixture(scope="session")
def ingested_catalogue(tmp_path_factory: pytest.TempPathFactory, corpus_pdf: Path):
    """The sample corpus parsed into a catalogue once per session (no embedding)."""
    from ingest.catalogue import Catalogue
    from ingest.pipeline import ingest_paths

    path = tmp_path_factory.mktemp("catalogue") / "catalogue.sqlite3"
    catalogue = Catalogue.open(path)
    report = ingest_paths([corpus_pdf], catalogue)
    assert report.ok, [f.message for f in report.failed]
    yield catalogue
    catalogue.close()
