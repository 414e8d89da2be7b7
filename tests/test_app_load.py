"""20 questions sent at once through the API all complete; the latency percentiles are written
to tests/artifacts/load.json.

By default this runs against the test library (tests/appcorpus.py). To measure a real library,
point EVIDENCE_LOAD_DATA_DIR at an ingested data folder (no sign-in is used there):

    EVIDENCE_LOAD_DATA_DIR=data .venv/bin/pytest tests/test_app_load.py -s
"""

from __future__ import annotations

import json
import os
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.test_app import NO_FILTERS, _text

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
QUESTIONS = [
    "What was attendance by health partners at conferences?",
    "What did Ofsted say about the virtual school?",
    "Is the MASH in place?",
    "How many adopters were approved in 2014-15?",
    "What did young people say about housing for care leavers?",
]
USERS = 20


@pytest.fixture
def target(app_server, embedder):
    """(url, auth, settings): the test app, or a server over EVIDENCE_LOAD_DATA_DIR."""
    data_dir = os.environ.get("EVIDENCE_LOAD_DATA_DIR")
    if not data_dir:
        yield app_server.url, (app_server.user, app_server.password), app_server.settings
        return
    import app
    from assistant.settings import Settings
    from assistant.workspace import Workspace
    from tests.processes import free_port

    settings = Settings(data_dir=Path(data_dir), users_file=Path(data_dir) / "no-users.json")
    port = free_port()
    workspace = Workspace(settings, embedder=embedder)
    demo, _ = app.start(settings, port=port, block=False, quiet=True, workspace=workspace)
    yield f"http://127.0.0.1:{port}/", None, settings
    demo.close()
    workspace.close()


def test_twenty_questions_at_once_all_complete(target):
    from gradio_client import Client

    url, auth, settings = target
    clients = [Client(url, auth=auth, verbose=False) for _ in range(USERS)]

    def one(i: int) -> float:
        begun = time.perf_counter()
        job = clients[i].submit(QUESTIONS[i % len(QUESTIONS)], [], *NO_FILTERS, api_name="/ask")
        _, messages, _ = job.result(timeout=300)
        assert "Could not answer" not in _text(messages[-1])
        return time.perf_counter() - begun

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=USERS) as pool:
        latencies = sorted(pool.map(one, range(USERS)))
        wall = time.perf_counter() - started
        list(pool.map(lambda client: client.close(), clients))  # each waits for its heartbeat
    report = {
        "questions": USERS,
        "library": os.environ.get("EVIDENCE_LOAD_DATA_DIR", "tests/appcorpus.py"),
        "concurrency": settings.concurrency,
        "p50_s": round(statistics.median(latencies), 2),
        "p95_s": round(latencies[-(-95 * USERS // 100) - 1], 2),  # nearest rank
        "max_s": round(latencies[-1], 2),
        "wall_s": round(wall, 2),
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"\n{USERS} concurrent questions: {report}")
    assert len(latencies) == USERS
