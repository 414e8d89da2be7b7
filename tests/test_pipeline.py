"""Ingest of many files: bad ones reported by name, the rest stored, nothing partial, reruns
skip unchanged files, replace changed ones and prune vanished ones."""

from __future__ import annotations

import shutil
import sqlite3

from ingest.catalogue import Catalogue
from ingest.pipeline import ingest_paths
from tests.pdfmaker import Item, make_image_only_pdf, make_pdf, sample_report


def _catalogue(tmp_path):
    return Catalogue.open(tmp_path / "data" / "catalogue.sqlite3")


def test_bad_files_are_reported_and_the_good_ones_still_go_in(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    sample_report(docs / "good.pdf")
    (docs / "empty.pdf").write_bytes(b"")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    make_image_only_pdf(docs / "scan.pdf")
    (docs / "notes.txt").write_text("A plain note.\n\nSecond paragraph.", encoding="utf-8")
    with _catalogue(tmp_path) as catalogue:
        report = ingest_paths([docs], catalogue)
        by_name = {f.name: f for f in report.files}
        assert by_name["good.pdf"].status == "added"
        assert by_name["notes.txt"].status == "added"
        for name in ("empty.pdf", "broken.pdf", "scan.pdf"):
            assert by_name[name].status == "failed"
            assert by_name[name].message.startswith(name)
        assert "OCR" in by_name["scan.pdf"].message
        assert not report.ok
        sources = {d.source for d in catalogue.documents()}
        assert sources == {"good.pdf", "notes.txt"}


def test_unsupported_type_is_reported_with_what_to_do(tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with _catalogue(tmp_path) as catalogue:
        (result,) = ingest_paths([path], catalogue).files
    assert result.status == "failed"
    assert "unsupported file type '.xlsx'" in result.message
    assert "convert it to PDF" in result.message


def test_rerun_skips_unchanged_files(tmp_path):
    path = sample_report(tmp_path / "report.pdf")
    with _catalogue(tmp_path) as catalogue:
        ingest_paths([path], catalogue)
        (again,) = ingest_paths([path], catalogue).files
    assert again.status == "unchanged"


def test_file_read_by_an_older_reader_is_read_again(tmp_path):
    path = sample_report(tmp_path / "report.pdf")
    with _catalogue(tmp_path) as catalogue:
        ingest_paths([path], catalogue)
    # a catalogue written before files recorded their reader has no such column
    db = sqlite3.connect(tmp_path / "data" / "catalogue.sqlite3")
    with db:
        db.execute("ALTER TABLE files DROP COLUMN reader")
    db.close()
    with _catalogue(tmp_path) as catalogue:
        (result,) = ingest_paths([path], catalogue).files
        assert result.status == "updated"
        (again,) = ingest_paths([path], catalogue).files
    assert again.status == "unchanged"


def test_changed_file_replaces_its_paragraphs(tmp_path):
    path = tmp_path / "report.pdf"
    make_pdf(path, [Item("The old finding about placements.", "numbered", "1.")])
    with _catalogue(tmp_path) as catalogue:
        ingest_paths([path], catalogue)
        make_pdf(path, [Item("The new finding about adoption.", "numbered", "1.")])
        (result,) = ingest_paths([path], catalogue).files
        texts = [p.text for p in catalogue.paragraphs()]
    assert result.status == "updated"
    assert texts == ["1. The new finding about adoption."]


def test_prune_removes_files_that_vanished(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    sample_report(docs / "a.pdf")
    sample_report(docs / "b.pdf")
    with _catalogue(tmp_path) as catalogue:
        ingest_paths([docs], catalogue)
        (docs / "b.pdf").unlink()
        report = ingest_paths([docs], catalogue, prune=True)
        assert {f.name: f.status for f in report.files}["b.pdf"] == "removed"
        assert {d.source for d in catalogue.documents()} == {"a.pdf"}
        assert all(p.doc_id == "a" for p in catalogue.paragraphs())


def test_a_file_that_fails_to_parse_leaves_its_earlier_version_intact(tmp_path):
    path = sample_report(tmp_path / "report.pdf")
    with _catalogue(tmp_path) as catalogue:
        ingest_paths([path], catalogue)
        before = catalogue.paragraphs()
        path.write_bytes(b"%PDF-1.4 now corrupt")
        (result,) = ingest_paths([path], catalogue).files
        assert result.status == "failed"
        assert catalogue.paragraphs() == before


def test_duplicate_paragraphs_across_documents_link_to_one_canonical(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    sample_report(docs / "full.pdf")
    shutil.copy(docs / "full.pdf", tmp_path / "copy.pdf")
    text = "An unnumbered summary paragraph. Inspectors found that the quality of practice has "
    text += "improved for most children, although too many plans still lack clear timescales "
    text += "and contingency arrangements."
    make_pdf(docs / "excerpt.pdf", [Item(text)])
    with _catalogue(tmp_path) as catalogue:
        ingest_paths([docs], catalogue)
        excerpt = catalogue.paragraphs("excerpt")[0]
        canonical = catalogue.paragraphs_by_id([excerpt.canonical])[excerpt.canonical]
    assert canonical.doc_id == "full"
    assert canonical.text == excerpt.text
