"""LLM mode against an OpenAI-compatible server started on loopback (tests/openai_stub.py):
streaming, marker checking, renumbering, and the extractive fallback."""

from __future__ import annotations

import re
import socket

import pytest

from assistant.answer import Assistant
from assistant.errors import LLMUnavailable
from assistant.generation import UNSUPPORTED, ground
from assistant.llm import ChatModel
from assistant.settings import Settings
from assistant.types import Answer
from tests.answerfakes import hit
from tests.openai_stub import StubServer

pytestmark = pytest.mark.slow

REPLY = (
    "Nine adopters were approved in 2014-15 [1]. Morale among social workers is good [2]. "
    "The council won a national award [9]. Ofsted called it 'a beacon' [1]."
)
QUESTION = "How many adopters were approved, and how is morale?"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, embedder):
    from index.retriever import Retriever
    from index.sync import sync_index
    from tests.indexcorpus import make_catalogue

    settings, catalogue = make_catalogue(tmp_path_factory.mktemp("llm") / "data")
    sync_index(settings, catalogue, embedder=embedder)
    yield settings, catalogue, Retriever(settings, catalogue, embedder)
    catalogue.close()


def _assistant(corpus, base_url: str, timeout: float = 10.0) -> Assistant:
    settings, catalogue, retriever = corpus
    llm_settings = settings.model_copy(
        update={"llm_base_url": base_url, "llm_model": "stub", "llm_timeout": timeout}
    )
    return Assistant(llm_settings, catalogue, retriever)


def test_generated_answers_stream_and_keep_only_valid_markers(corpus):
    with StubServer(REPLY) as server:
        parts = list(_assistant(corpus, server.base_url).ask_stream(QUESTION))
    deltas, answer = parts[:-1], parts[-1]
    assert len(deltas) > 3 and "".join(deltas).strip() == REPLY.strip()  # tokens streamed
    assert isinstance(answer, Answer) and not answer.abstained and not answer.notice
    assert "[9]" not in answer.text
    assert f"The council won a national award. {UNSUPPORTED}" in answer.text
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert markers == {c.n for c in answer.citations} == {1, 2}
    labels = {c.n: c.hit.paragraph.label for c in answer.citations}
    assert labels[1] and labels[2]
    request = server.requests[0]
    assert request["stream"] is True and request["model"] == "stub"
    prompt = request["messages"][-1]["content"]
    assert "[1] " in prompt and QUESTION in prompt


def test_a_quotation_not_in_the_cited_paragraph_is_unsupported():
    cited = hit("53", "Nine adopters were approved in 2014-15.")
    text, citations = ground('Ofsted said "nine adopters were approved" [1]. It was "superb" [1].',
                             [cited])  # fmt: skip
    first, second = text.split(". ", 1)
    assert first.endswith('approved"') and "[1]" in text
    assert second.endswith(UNSUPPORTED)
    assert [c.n for c in citations] == [1]


def test_markers_are_renumbered_in_order_of_appearance():
    a, b = hit("1", "Alpha is here.", seq=1), hit("2", "Beta is there.", seq=2)
    text, citations = ground("Beta is there [2]. Alpha is here [1][2].", [a, b])
    assert text == "Beta is there. [1] Alpha is here. [2][1]"
    assert [(c.n, c.hit.paragraph.label) for c in citations] == [(1, "2"), (2, "1")]


def test_passages_that_are_one_place_on_the_page_are_one_generated_citation():
    # the index holds a long para 33 in two parts; the model cites each part by its passage
    first, rest = hit("33", "The contract runs to 2036.", seq=4), hit("33", "It cost £45m.", seq=5)
    other = hit("34", "Members noted it.", seq=6)
    text, citations = ground(
        "It runs to 2036 [1]. Members noted it [3]. It cost £45m [2].", [first, rest, other]
    )
    assert text == "It runs to 2036. [1] Members noted it. [2] It cost £45m. [1]"
    assert [(c.n, c.hit.paragraph.locator, len(c.parts)) for c in citations] == [
        (1, "para 33", 2), (2, "para 34", 0)
    ]  # fmt: skip
    assert citations[0].quote == "The contract runs to 2036.\nIt cost £45m."


def test_a_failing_endpoint_falls_back_to_extractive_with_a_notice(corpus):
    with StubServer(REPLY, status=500) as server:
        answer = _assistant(corpus, server.base_url).ask(QUESTION)
    assert answer.notice and "fall back to extractive" in answer.notice
    assert answer.citations and not answer.abstained
    assert "[unsupported]" not in answer.text


def test_a_reply_citing_no_passage_falls_back_to_extractive_with_a_notice(corpus):
    reply = "Adoption in Slough is excellent. Everyone agrees."  # no marker, nothing to quote
    with StubServer(reply) as server:
        parts = list(_assistant(corpus, server.base_url).ask_stream(QUESTION))
    answer = parts[-1]
    assert "cited none of the passages" in answer.notice
    assert "excellent" not in answer.text and UNSUPPORTED not in answer.text
    assert answer.citations and not answer.abstained
    assert any("excellent" in p for p in parts[:-1])  # the model's text did stream first


def test_an_unreachable_endpoint_raises_llm_unavailable():
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    model = ChatModel(Settings(llm_base_url=f"http://127.0.0.1:{port}/v1", llm_timeout=2))
    with pytest.raises(LLMUnavailable, match="EVIDENCE_LLM_BASE_URL"):
        list(model.stream("system", "prompt"))


def test_not_in_documents_from_the_model_is_an_abstention(corpus):
    with StubServer("NOT IN DOCUMENTS") as server:
        answer = _assistant(corpus, server.base_url).ask(QUESTION)
    assert answer.abstained
