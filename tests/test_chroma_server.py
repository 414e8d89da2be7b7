"""The same sync and search through a `chroma run` server as through the embedded store."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from index.retriever import Retriever
from index.sync import sync_index
from tests.processes import free_port, running

pytestmark = pytest.mark.slow

CHROMA = Path(sys.executable).parent / "chroma"


@pytest.fixture
def chroma_server(tmp_path):
    if not CHROMA.exists() and shutil.which("chroma") is None:
        pytest.skip("the chroma executable is not installed")
    port = free_port()
    command = [str(CHROMA if CHROMA.exists() else "chroma"), "run", "--path",
               str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    heartbeat = f"http://127.0.0.1:{port}/api/v2/heartbeat"
    with running(command, heartbeat, 60, tmp_path / "chroma.log"):
        yield port


def test_server_and_embedded_store_give_the_same_hits(indexed, embedder, chroma_server):
    settings, catalogue = indexed
    remote = settings.model_copy(
        update={
            "chroma_host": "127.0.0.1",
            "chroma_port": chroma_server,
            "data_dir": settings.data_dir.parent / "remote",
        }  # fmt: skip
    )
    report = sync_index(remote, catalogue, embedder=embedder)
    assert report.added == len(catalogue.paragraph_ids())
    assert not (remote.data_dir / "chroma").exists()  # vectors went to the server
    with (
        Retriever(settings, catalogue, embedder=embedder) as local,
        Retriever(remote, catalogue, embedder=embedder) as served,
    ):
        for query in ("care leavers housing", "para 5.3", "MASH police", "adopters approved"):
            assert [h.paragraph.id for h in served.search(query, k=8)] == [
                h.paragraph.id for h in local.search(query, k=8)
            ]
