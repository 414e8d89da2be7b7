"""The `evidence` command's catalogue commands: exit codes and JSON shapes."""

from __future__ import annotations

import json

from assistant.cli import EXIT_ERROR, EXIT_OK, EXIT_SOME_FILES_FAILED, main
from tests.pdfmaker import sample_report


def test_ingest_reports_each_file_and_exits_3_when_one_failed(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    sample_report(docs / "good.pdf")
    (docs / "bad.pdf").write_bytes(b"")
    code = main(["ingest", str(docs), "--data-dir", str(tmp_path / "data"), "--no-index", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == EXIT_SOME_FILES_FAILED
    assert {f["name"]: f["status"] for f in report["files"]} == {
        "bad.pdf": "failed",
        "good.pdf": "added",
    }


def _catalogued_sample(tmp_path, capsys) -> str:
    """A data folder holding the sample report, catalogued but not indexed; its path."""
    data = str(tmp_path / "data")
    report = str(sample_report(tmp_path / "r.pdf"))
    assert main(["ingest", report, "--data-dir", data, "--no-index", "--json"]) == EXIT_OK
    capsys.readouterr()
    return data


def test_docs_and_show_print_the_documented_json(tmp_path, capsys):
    data = _catalogued_sample(tmp_path, capsys)
    assert main(["docs", "--data-dir", data, "--json"]) == EXIT_OK
    (doc,) = json.loads(capsys.readouterr().out)
    for key in (
        "doc_id",
        "title",
        "kind",
        "date",
        "source",
        "pages",
        "paragraph_count",
        "judgements",
    ):
        assert key in doc
    assert main(["show", doc["doc_id"], "--data-dir", data, "--json"]) == EXIT_OK
    shown = json.loads(capsys.readouterr().out)
    first = shown["paragraphs"][0]
    for key in ("paragraph", "locator", "page", "last_page", "section", "text"):
        assert key in first
    labelled = [p for p in shown["paragraphs"] if p["paragraph"] == "3"]
    assert labelled and labelled[0]["locator"] == "para 3"
    unlabelled = [p for p in shown["paragraphs"] if p["paragraph"] is None]
    assert unlabelled and all(p["locator"].startswith("p. ") for p in unlabelled)


def test_unknown_document_is_one_clear_line(tmp_path, capsys):
    data = _catalogued_sample(tmp_path, capsys)
    assert main(["show", "nope", "--data-dir", data]) == EXIT_ERROR
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: no document 'nope'; `evidence docs` lists the ids"]


def test_commands_before_any_ingest_say_what_to_run(tmp_path, capsys):
    assert main(["docs", "--data-dir", str(tmp_path / "nothing")]) == EXIT_ERROR
    assert "run `evidence ingest PATH` first" in capsys.readouterr().err


def test_data_dir_comes_from_the_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("EVIDENCE_DATA_DIR", str(tmp_path / "env-data"))
    main(["ingest", str(sample_report(tmp_path / "r.pdf")), "--no-index", "--json"])
    assert (tmp_path / "env-data" / "catalogue.sqlite3").exists()
