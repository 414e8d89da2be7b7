"""The one Assistant a server process shares, and the lock that serialises changes to the library.

Questions run concurrently (up to EVIDENCE_CONCURRENCY at a time, queued by the app) on the
Assistant's catalogue connection and retriever. Uploads, removals and re-ingests take
`write_lock` and write through a connection of their own: SQLite in WAL mode lets readers carry
on against the last committed state while a file is stored, and the keyword index is swapped in
whole, so a question never sees half a document.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from assistant.settings import Settings
from assistant.types import Answer

log = logging.getLogger(__name__)


class Workspace:
    def __init__(self, settings: Settings, embedder=None):
        self.settings = settings
        self._embedder = embedder  # a model already loaded (tests share one); None loads one
        self.write_lock = threading.Lock()
        self._open_lock = threading.Lock()
        self._assistant = None

    @property
    def assistant(self):
        """Built on first use (loading torch and the model takes seconds), then shared."""
        if self._assistant is None:
            with self._open_lock:
                if self._assistant is None:
                    from assistant.answer import Assistant
                    from index.retriever import Retriever
                    from ingest.catalogue import Catalogue

                    catalogue = Catalogue.open(self.settings.catalogue_path)
                    retriever = Retriever(self.settings, catalogue, embedder=self._embedder)
                    self._assistant = Assistant(self.settings, catalogue, retriever=retriever)
        return self._assistant

    @property
    def catalogue(self):
        return self.assistant.catalogue

    def warm_up(self) -> None:
        """Load the model now so the first question is not the slow one; an empty library is
        fine (there is nothing to warm up until documents are added)."""
        from assistant.errors import EvidenceError

        try:
            self.assistant.warm_up()
        except EvidenceError as exc:
            log.info("warm-up skipped: %s", exc)

    def ask_stream(self, question: str, history: Sequence[Answer], scope) -> Iterator[str | Answer]:
        return self.assistant.ask_stream(question, history, scope)

    @contextmanager
    def writer(self):
        """A catalogue connection for changes, held with the write lock."""
        from ingest.catalogue import Catalogue

        with self.write_lock, Catalogue.open(self.settings.catalogue_path) as catalogue:
            yield catalogue

    def sync(self, catalogue, progress=None):
        """Bring the indexes up to date, reusing the loaded model and the open vector store."""
        from index.sync import sync_index

        retriever = self.assistant.retriever
        return sync_index(
            self.settings,
            catalogue,
            progress=progress,
            embedder=retriever.embedder,
            store=retriever.store,
        )

    def close(self) -> None:
        if self._assistant is not None:
            self._assistant.retriever.close()
            self._assistant.close()
            self._assistant = None
