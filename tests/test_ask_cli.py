"""`evidence ask`: the JSON contract, JSON lines on stdin, and the human output."""

from __future__ import annotations

import io
import json

import pytest

from assistant.cli import EXIT_ERROR, EXIT_OK, main

pytestmark = pytest.mark.slow

CITATION_KEYS = {"n", "doc_id", "title", "kind", "date", "source", "paragraph", "locator",
                 "page", "text", "quote"}  # fmt: skip
PASSAGE_KEYS = CITATION_KEYS - {"n", "quote"} | {"score", "rank"}


@pytest.fixture
def data_dir(sample_data, embedder, monkeypatch):
    """The session's sample data folder; the CLI reuses the session's loaded model."""
    monkeypatch.setattr("index.retriever.Embedder", lambda settings: embedder)
    return str(sample_data.data_dir)


def test_ask_json_prints_one_object_with_the_documented_fields(data_dir, capsys):
    question = "How many adopters were approved in 2014-15, and so far this year?"
    assert main(["ask", question, "--json", "--data-dir", data_dir]) == EXIT_OK
    out = capsys.readouterr().out
    assert len(out.strip().splitlines()) == 1
    row = json.loads(out)
    assert {"id", "question", "answer", "abstained", "citations", "passages", "timings"} <= set(row)
    assert row["question"] == question and row["id"] is None and not row["abstained"]
    first = row["citations"][0]
    assert set(first) == CITATION_KEYS
    assert (first["paragraph"], first["page"]) == ("73", 28)
    assert first["quote"] in first["text"] and "[1]" in row["answer"]
    assert len(row["passages"]) >= 20 and set(row["passages"][0]) == PASSAGE_KEYS
    assert set(row["timings"]) == {"retrieve_ms", "answer_ms", "total_ms"}


def test_ask_json_lines_from_stdin_echo_ids_in_order(data_dir, capsys, monkeypatch):
    lines = [
        {"id": "q1", "question": "How many adopters were approved in 2014-15?", "kind": "x"},
        "Who was the lead inspector of the 2013 inspection?",
        {"id": 3, "question": "What did Ofsted say about staff morale in the trust?"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(["ask", "--json", "-", "--data-dir", data_dir]) == EXIT_OK
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["q1", None, 3]
    assert [r["question"] for r in rows] == [
        line if isinstance(line, str) else line["question"] for line in lines
    ]


def test_a_malformed_stdin_line_is_one_clear_error(data_dir, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": 1}\n'))
    assert main(["ask", "--json", "-", "--data-dir", data_dir]) == EXIT_ERROR
    assert "line 1" in capsys.readouterr().err


def test_stdin_takes_json_objects_json_strings_and_plain_lines():
    from assistant.answer_view import read_questions

    stdin = io.StringIO('{"id": 7, "question": "Q one?"}\n"Q two?"\n\nQ three, plain?\n')
    assert list(read_questions(stdin)) == [
        (7, "Q one?"),
        (None, "Q two?"),
        (None, "Q three, plain?"),
    ]
    with pytest.raises(ValueError, match="line 1"):
        list(read_questions(io.StringIO('{"question": \n')))


def test_human_output_writes_references_out_in_full(data_dir, capsys):
    assert main(["ask", "How many adopters were approved in 2014-15?", "--data-dir", data_dir]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "References" in out and "para 73, p. 28" in out


def test_filters_and_an_unknown_document(data_dir, capsys):
    code = main(["ask", "inspection", "--doc", "nope", "--json", "--data-dir", data_dir])
    assert code == EXIT_ERROR and "evidence docs" in capsys.readouterr().err
    code = main(["ask", "Who led the inspection?", "--since", "2016-01-01", "--json",
                 "--data-dir", data_dir])  # fmt: skip
    row = json.loads(capsys.readouterr().out)
    assert code == EXIT_OK and all(p["date"] >= "2016-01-01" for p in row["passages"])
