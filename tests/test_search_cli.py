"""`evidence search`: the documented JSON, filters from the command line, clear errors."""

from __future__ import annotations

import json

import pytest

from assistant.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, main

pytestmark = pytest.mark.slow


def test_search_prints_the_documented_json(indexed, capsys):
    settings, _ = indexed
    data = str(settings.data_dir)
    assert (
        main(["search", "para 49 of the 2016 report", "-k", "3", "--json", "--data-dir", data])
        == EXIT_OK
    )
    result = json.loads(capsys.readouterr().out)
    assert result["query"] == "para 49 of the 2016 report"
    first = result["hits"][0]
    assert set(first) == {"doc_id", "title", "kind", "date", "source", "paragraph", "locator",
                          "page", "section", "text", "score", "rank"}  # fmt: skip
    assert (first["doc_id"], first["paragraph"], first["rank"]) == ("ofsted-2016", "49", 1)
    assert first["section"] == "Inspection findings" and first["kind"] == "Ofsted inspection"


def test_search_filters_and_human_output(indexed, capsys):
    settings, _ = indexed
    data = str(settings.data_dir)
    args = ["search", "social workers", "--kind", "news", "--since", "2000-01-01", "--json"]
    assert main([*args, "--data-dir", data]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["hits"] == []  # news is undated
    assert main(["search", "social workers", "--kind", "news", "--data-dir", data]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Fourth monitoring visit" in out and "1." in out
    unlabelled = main(["search", "long-term planning", "--doc", "news-visit", "--json",
                       "--data-dir", data])  # fmt: skip
    assert unlabelled == EXIT_OK
    assert json.loads(capsys.readouterr().out)["hits"][0]["paragraph"] is None


def test_search_errors_are_one_line(indexed, tmp_path, capsys):
    settings, _ = indexed
    assert (
        main(["search", "x", "--doc", "nope", "--data-dir", str(settings.data_dir)]) == EXIT_ERROR
    )
    assert "no document 'nope'" in capsys.readouterr().err
    assert main(["search", "x", "--data-dir", str(tmp_path / "none")]) == EXIT_ERROR
    assert "evidence ingest" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["search", "x", "--since", "16/03/2016"])
    assert usage.value.code == EXIT_USAGE
    with pytest.raises(SystemExit):
        main(["search", "x", "--kind", "gossip"])
