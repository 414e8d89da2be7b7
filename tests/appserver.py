"""Starting the app in-process for the gradio_client and browser tests (see conftest's
`app_server`): the small library of tests/appcorpus.py, one signed-in user, a free port."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.processes import free_port

USER, PASSWORD = "councillor", "correct horse battery"


@dataclass
class Server:
    url: str
    settings: object
    workspace: object
    user: str = USER
    password: str = PASSWORD


def start_server(data_dir: Path, embedder):
    """(demo, Server) with the library indexed and sign-in on; close with `stop`."""
    import app
    from assistant.users import add_user
    from assistant.workspace import Workspace
    from index.sync import sync_index
    from tests.appcorpus import make_app_library

    settings, catalogue = make_app_library(data_dir)
    with catalogue:
        sync_index(settings, catalogue, embedder=embedder)
    settings = settings.model_copy(update={"max_upload_mb": 1})
    add_user(settings.users_path, USER, PASSWORD)
    workspace = Workspace(settings, embedder=embedder)
    port = free_port()
    demo, _ = app.start(settings, port=port, block=False, quiet=True, workspace=workspace)
    return demo, Server(f"http://127.0.0.1:{port}/", settings, workspace)


def stop(demo, server: Server) -> None:
    demo.close()
    server.workspace.close()
