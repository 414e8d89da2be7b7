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
HELD_OUT_SET = ROOT / "tests" / "data" / "heldout.jsonl"  # see tests/test_eval.py
SECOND_HELD_OUT_SET = ROOT / "tests" / "data" / "heldout2.jsonl"
THIRD_HELD_OUT_SET = ROOT / "tests" / "data" / "heldout3.jsonl"


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


@pytest.fixture(scope="session")
def embedder():
    """The real embedding model, loaded once for the whole session."""
    from assistant.settings import Settings
    from index.embed import Embedder

    model = Embedder(Settings())
    model.model  # noqa: B018 - load now, not inside the first test that uses it
    return model


@pytest.fixture
def embedded(monkeypatch):
    """`embedded(model)` -> the list of texts the real `model` is asked to embed from then on."""

    def spy(model) -> list[str]:
        texts: list[str] = []
        real = model.embed

        def counting(batch, *args, **kwargs):
            texts.extend(batch)
            return real(batch, *args, **kwargs)

        monkeypatch.setattr(model, "embed", counting)
        return texts

    return spy


@pytest.fixture
def indexed(tmp_path, embedder):
    """The small hand-made catalogue of tests/indexcorpus.py, synced into a fresh data folder."""
    from index.sync import sync_index
    from tests.indexcorpus import make_catalogue

    settings, catalogue = make_catalogue(tmp_path / "data")
    sync_index(settings, catalogue, embedder=embedder)
    yield settings, catalogue
    catalogue.close()


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory: pytest.TempPathFactory, corpus_pdf: Path, embedder):
    """The sample corpus ingested and indexed (real model, embedded Chroma) once per session;
    yields its Settings. Used by the answer evaluation and the `evidence ask` contract tests."""
    from assistant.settings import Settings
    from index.sync import sync_index
    from ingest.catalogue import Catalogue
    from ingest.pipeline import ingest_paths

    settings = Settings(data_dir=tmp_path_factory.mktemp("sample-data"))
    with Catalogue.open(settings.catalogue_path) as catalogue:
        report = ingest_paths([corpus_pdf], catalogue)
        assert report.ok, [f.message for f in report.failed]
        sync_index(settings, catalogue, embedder=embedder)
    return settings


@pytest.fixture(scope="session")
def sample_assistant(sample_data, embedder):
    """An Assistant over the sample corpus sharing the session's embedding model."""
    from assistant.answer import Assistant
    from index.retriever import Retriever
    from ingest.catalogue import Catalogue

    catalogue = Catalogue.open(sample_data.catalogue_path)
    assistant = Assistant(sample_data, catalogue, Retriever(sample_data, catalogue, embedder))
    assistant.warm_up()
    yield assistant
    assistant.close()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory, embedder):
    """The Gradio app served in-process over tests/appcorpus.py, with sign-in on."""
    from tests.appserver import start_server, stop

    demo, server = start_server(tmp_path_factory.mktemp("app") / "data", embedder)
    yield server
    stop(demo, server)
