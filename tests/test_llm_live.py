"""LLM mode with a real model: SmolLM2-135M-Instruct from PyPI behind `transformers serve`, an
OpenAI-compatible server on loopback (tests/smollm.py). A model this small rarely follows the
citation rules, which is what the checks after generation are for: whatever it writes, the
reader gets either sentences that cite a passage (or say they are unsupported) or the
extractive answer with a notice, never the model's text unchecked."""

from __future__ import annotations

import re

import pytest

from assistant.answer import Assistant
from assistant.generation import UNSUPPORTED
from assistant.llm import ChatModel
from assistant.types import Answer
from tests.smollm import model_folder, served

pytestmark = pytest.mark.slow

QUESTION = "How many adopters were approved in 2014-15?"
_ENDS_CHECKED = re.compile(rf"(?:\[\d+\]|{re.escape(UNSUPPORTED)})$")


@pytest.fixture(scope="module")
def smollm(tmp_path_factory):
    root = tmp_path_factory.mktemp("smollm")
    with served(model_folder(root), root / "serve.log") as base_url:
        yield base_url, str(root / "smollm2-135m-instruct")


@pytest.fixture(scope="module")
def live_settings(sample_data, smollm):
    base_url, model = smollm
    return sample_data.model_copy(
        update={"llm_base_url": base_url, "llm_model": model, "llm_timeout": 120.0}
    )


def test_a_real_server_streams_the_reply_in_pieces(live_settings):
    deltas = list(ChatModel(live_settings).stream("Answer in one short sentence.", "Say hello."))
    assert len(deltas) > 1
    assert "".join(deltas).strip()


def test_a_real_models_answer_is_checked_before_anyone_reads_it(
    live_settings, sample_assistant, embedder
):
    from index.retriever import Retriever
    from ingest.catalogue import Catalogue

    extractive = sample_assistant.ask(QUESTION)
    with Catalogue.open(live_settings.catalogue_path) as catalogue:
        retriever = Retriever(live_settings, catalogue, embedder)
        parts = list(Assistant(live_settings, catalogue, retriever).ask_stream(QUESTION))
    deltas, answer = parts[:-1], parts[-1]
    assert isinstance(answer, Answer) and not answer.abstained
    assert len(deltas) > 1  # the model's tokens reached the reader as they came
    assert "failed" not in answer.notice  # the protocol worked; only the content may fall short
    if answer.notice:
        assert "cited none of the passages" in answer.notice
        assert answer.text == extractive.text and answer.citations == extractive.citations
    else:
        numbers = {c.n for c in answer.citations}
        assert numbers and numbers == {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
        for line in filter(None, map(str.strip, answer.text.splitlines())):
            assert _ENDS_CHECKED.search(line), line
