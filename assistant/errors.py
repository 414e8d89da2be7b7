"""Errors whose message is written for the person using the product.

Adapters translate library exceptions into these with `raise ... from exc`; only the CLI and the UI
present them. Every message names the file, page or setting involved and says what to do.
"""

from __future__ import annotations


class EvidenceError(Exception):
    """Base class: `str(error)` is a complete sentence for the user."""


class UnreadableFile(EvidenceError):
    """A file could not be read at all (corrupt, truncated, wrong type, undecodable)."""

    def __init__(self, name: str, reason: str, advice: str):
        self.name, self.reason, self.advice = name, reason, advice
        super().__init__(f"{name}: {reason}; {advice}")


class EncryptedFile(UnreadableFile):
    def __init__(self, name: str):
        super().__init__(
            name,
            "password-protected PDF",
            "save an unprotected copy (print to PDF) and ingest that",
        )


class NoTextLayer(UnreadableFile):
    def __init__(self, name: str):
        super().__init__(
            name,
            "no text layer (a scanned or image-only PDF)",
            "run OCR first (for example `ocrmypdf in.pdf out.pdf`) and ingest the result",
        )


class EmptyFile(UnreadableFile):
    def __init__(self, name: str):
        super().__init__(name, "the file is empty", "check the download or copy and try again")


class UnsupportedType(UnreadableFile):
    def __init__(self, name: str, suffix: str):
        super().__init__(
            name,
            f"unsupported file type '{suffix or 'none'}'",
            "convert it to PDF, DOCX, HTML, Markdown or plain text",
        )


class IndexNotBuilt(EvidenceError):
    def __init__(self, data_dir: str):
        super().__init__(
            f"no documents have been ingested into {data_dir}; "
            "run `evidence ingest PATH` first (or `make run` for the sample corpus)"
        )


class UnknownDocument(EvidenceError):
    def __init__(self, doc_id: str):
        super().__init__(f"no document '{doc_id}'; `evidence docs` lists the ids")


class StoreUnavailable(EvidenceError):
    """The vector store (a Chroma server) could not be reached or failed."""

    def __init__(self, where: str, detail: str):
        super().__init__(
            f"the Chroma store at {where} failed ({detail}); check that `chroma run` is up, "
            "or unset EVIDENCE_CHROMA_HOST to use the embedded store"
        )


class LLMUnavailable(EvidenceError):
    def __init__(self, base_url: str, detail: str):
        super().__init__(
            f"the language model at {base_url} failed ({detail}); answers fall back to "
            "extractive. Check EVIDENCE_LLM_BASE_URL, EVIDENCE_LLM_MODEL and EVIDENCE_LLM_API_KEY"
        )


class LLMUngrounded(EvidenceError):
    """The model answered, but no sentence of its answer cites a passage it was shown."""

    def __init__(self, model: str):
        super().__init__(
            f"the language model ({model}) cited none of the passages it was shown, so this "
            "answer is extractive. A larger model follows the citation rules more reliably; "
            "set EVIDENCE_LLM_MODEL"
        )


class InvalidFilter(EvidenceError):
    """A search or answer filter the user gave could not be understood."""

    def __init__(self, detail: str):
        super().__init__(f"{detail}; dates are written YYYY-MM-DD, kinds as `evidence docs` shows")


class InvalidInput(EvidenceError):
    """Input the user gave (a question file, JSON lines on stdin) could not be read."""

    def __init__(self, detail: str):
        super().__init__(
            f'{detail}; give one JSON object per line with a "question" field, or a JSON string'
        )
