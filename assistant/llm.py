"""The language-model adapter: any OpenAI-compatible endpoint, through llama-index's OpenAILike.

This is the only module that imports llama_index.llms (and the openai client under it). Every
failure of the endpoint (refused connection, timeout, HTTP error, malformed reply) becomes
`LLMUnavailable`, which the answering layer turns into an extractive answer with a notice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from assistant.errors import LLMUnavailable
from assistant.settings import Settings

log = logging.getLogger(__name__)

# Local servers (Ollama, llama.cpp) ignore the key, but the openai client insists on one.
_PLACEHOLDER_KEY = "not-needed"
# The prompt asks for at most six sentences; the cap stops a model that repeats itself from
# generating until the timeout.
MAX_ANSWER_TOKENS = 512


class ChatModel:
    """One endpoint and model; the client is built on first use and reused."""

    def __init__(self, settings: Settings):
        if not settings.llm_base_url:
            raise ValueError("ChatModel needs EVIDENCE_LLM_BASE_URL")
        self.base_url = settings.llm_base_url
        self.model = settings.llm_model
        self.api_key = settings.llm_api_key or _PLACEHOLDER_KEY
        self.timeout = settings.llm_timeout
        self._llm = None

    def _client(self):
        if self._llm is None:
            from llama_index.llms.openai_like import OpenAILike

            self._llm = OpenAILike(
                model=self.model,
                api_base=self.base_url,
                api_key=self.api_key,
                timeout=self.timeout,
                max_retries=0,  # a dead endpoint should fall back at once, not after retries
                temperature=0.0,
                max_tokens=MAX_ANSWER_TOKENS,
                is_chat_model=True,
                context_window=8192,
            )
        return self._llm

    def stream(self, system: str, prompt: str) -> Iterator[str]:
        """Text deltas of the reply to `prompt` under `system`, as the endpoint sends them."""
        import httpx
        import openai
        from llama_index.core.llms import ChatMessage

        messages = [
            ChatMessage(role="system", content=system),
            ChatMessage(role="user", content=prompt),
        ]
        try:
            for chunk in self._client().stream_chat(messages):
                if chunk.delta:
                    yield chunk.delta
        except (openai.OpenAIError, httpx.HTTPError, OSError, ValueError, KeyError) as exc:
            raise LLMUnavailable(self.base_url, _describe(exc)) from exc


def _describe(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__
