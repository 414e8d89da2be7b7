"""PDF reading: layout -> blocks, and bad PDFs reported by name with what to do."""

from __future__ import annotations

import pytest

from assistant.errors import EmptyFile, EncryptedFile, NoTextLayer, UnreadableFile
from ingest.blocks import Style
from ingest.pipeline import parse_file, read_blocks
from tests.pdfmaker import (
    Item,
    make_encrypted_pdf,
    make_image_only_pdf,
    make_pdf,
    sample_report,
)


def test_numbered_paragraphs_keep_their_printed_labels_and_pages(tmp_path):
    parsed = parse_file(sample_report(tmp_path / "report.pdf"))
    numbered = [p for p in parsed.paragraphs if p.label and p.label.isdigit()]
    assert [p.label for p in numbered] == [str(n) for n in range(1, 13)]
    assert all(p.text.startswith(f"{p.label}. ") for p in numbered)
    assert numbered[0].page == 1
    assert numbered[-1].page == 2


def test_running_header_and_page_footer_are_removed(tmp_path):
    parsed = parse_file(sample_report(tmp_path / "report.pdf"))
    texts = " ".join(p.text for p in parsed.paragraphs)
    assert "Test Council - Report" not in texts
    assert "Page 1" not in texts and "Page 2" not in texts


def test_paragraph_broken_by_a_page_break_is_one_paragraph(tmp_path):
    long = "This sentence keeps going across the page " * 40
    items = [Item(f"Filler paragraph {n}. " + "Text to fill the page. " * 12) for n in range(11)]
    items.append(Item(long.strip() + " and ends here.", "numbered", "7."))
    parsed = parse_file(make_pdf(tmp_path / "break.pdf", items))
    seven = [p for p in parsed.paragraphs if p.label == "7"]
    assert len(seven) == 1
    assert seven[0].text.endswith("and ends here.")
    assert seven[0].last_page == seven[0].page + 1


def test_unnumbered_heading_ends_numbering_and_gives_a_page_locator(tmp_path):
    parsed = parse_file(sample_report(tmp_path / "report.pdf"))
    summary = next(p for p in parsed.paragraphs if p.text.startswith("An unnumbered summary"))
    assert summary.label == ""
    assert summary.locator.startswith(f"p. {summary.page}, ¶")
    assert summary.section[-1] == "Summary of services for care leavers"


def test_bullets_are_their_own_blocks(tmp_path):
    pages, blocks, _ = read_blocks(sample_report(tmp_path / "report.pdf"))
    bullets = [b for b in blocks if b.style is Style.BULLET]
    assert [b.text for b in bullets] == ["Care leavers report feeling safe where they live."]


def test_empty_file_is_reported_as_empty(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyFile, match="empty.pdf: the file is empty"):
        parse_file(path)


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4\n1 0 obj << /Type /Catalog", b"this is not a pdf at all" * 10],
    ids=["truncated", "garbage"],
)
def test_corrupt_or_truncated_pdf_is_reported_with_advice(tmp_path, content):
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile) as info:
        parse_file(path)
    assert "broken.pdf" in str(info.value)
    assert "again" in info.value.advice


def test_truncated_copy_of_a_real_pdf_is_reported(tmp_path):
    good = sample_report(tmp_path / "good.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(good[: len(good) // 3])
    with pytest.raises(UnreadableFile, match="cut.pdf"):
        parse_file(path)


def test_password_protected_pdf_is_reported(tmp_path):
    source = sample_report(tmp_path / "plain.pdf")
    path = make_encrypted_pdf(source, tmp_path / "locked.pdf")
    with pytest.raises(EncryptedFile, match="locked.pdf: password-protected"):
        parse_file(path)


def test_scanned_pdf_without_text_layer_asks_for_ocr(tmp_path):
    path = make_image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(NoTextLayer) as info:
        parse_file(path)
    assert "scan.pdf: no text layer" in str(info.value)
    assert "OCR" in str(info.value)


def test_pdf_from_a_flowing_layout_engine_keeps_numbers_headings_and_lists(tmp_path):
    from tests.pdfmaker import flowing_report

    parsed = parse_file(flowing_report(tmp_path / "visit.pdf"))
    (document,) = parsed.documents
    assert document.title == "Monitoring visit of Exampleshire children's services"
    assert document.kind.value == "monitoring visit"
    numbered = [p for p in parsed.paragraphs if p.label]
    assert [p.label for p in numbered] == [str(n) for n in range(1, 16)]
    assert {p.page for p in numbered} == {1, 2}
    bullets = [p.text for p in parsed.paragraphs if p.style == "bullet"]
    assert bullets == ["The timeliness of strategy meetings.", "The quality of supervision."]
    assert all(p.label == "" for p in parsed.paragraphs if p.style == "bullet"), (
        "bullets under an unnumbered heading carry no number"
    )
    text = " ".join(p.text for p in parsed.paragraphs)
    assert "Monitoring visit to Exampleshire" not in text  # running header
    assert "multi-agency" in text


def test_a_letter_of_one_line_paragraphs_keeps_them_apart_and_numbers_none(tmp_path):
    from tests.pdfmaker import visit_letter

    parsed = parse_file(visit_letter(tmp_path / "letter.pdf"))
    (document,) = parsed.documents
    assert document.title == "Monitoring visit of Exampleshire children's services"
    assert (document.kind.value, document.date) == ("monitoring visit", "2017-03-14")
    texts = [p.text.replace("\n", " ") for p in parsed.paragraphs]
    assert "14 March 2017" in texts  # its own paragraph...
    assert all(p.label == "" for p in parsed.paragraphs)  # ...and never "para 14"
    plans = next(t for t in texts if t.startswith("Child in need plans"))
    assert plans.endswith("needs to change.")  # one finding a paragraph, whole
    assert any(t.startswith("Management oversight") for t in texts)


def test_a_focused_visit_letter_is_a_visit_letter_titled_by_its_subject(tmp_path):
    from tests.pdfmaker import visit_letter

    subject = "Focused visit to Exampleshire children's services"
    (document,) = parse_file(visit_letter(tmp_path / "letter.pdf", subject)).documents
    assert (document.title, document.kind.value) == (subject, "monitoring visit")


def test_a_paragraph_printed_under_a_table_is_not_read_as_its_last_row(tmp_path):
    from tests.pdfmaker import judgement_table_report

    parsed = parse_file(judgement_table_report(tmp_path / "report.pdf"))
    rows = [p.text for p in parsed.paragraphs if p.style == "table"]
    assert rows == [
        "The impact of leaders on social work practice with children and families | "
        "Requires improvement to be good",  # a wrapped cell stays in its row
        "The experiences and progress of children who need help and protection | Good",
        "Overall effectiveness | Requires improvement to be good",
    ]
    opening = next(p for p in parsed.paragraphs if p.text.startswith("Services for children"))
    assert opening.style == "body"
    assert opening.text.endswith("Help and protection are now good.")
    grades = {j.area: j.grade for j in parsed.judgements}
    assert grades["Overall effectiveness"] == "Requires improvement to be good"
    assert grades["Children in care"] == "Requires improvement to be good"  # from a heading


def test_numbered_paragraphs_set_without_space_between_them_keep_their_numbers(tmp_path):
    from tests.pdfmaker import tight_report

    body = "Helvetica"
    path = tight_report(
        tmp_path / "tight.pdf",
        [
            (body, "1. Inspectors found that leaders have improved practice for children in"),
            (body, "need of help and protection across the partnership and its services."),
            (body, "2. Managers now supervise social workers regularly and the quality of"),
            (body, "supervision has improved since the last inspection in the summer of"),
            # a year opening a wrapped line is not the next paragraph's number
            (body, "2015. The council has also invested in training for its front-line staff."),
            (body, "3. Thresholds are understood by partners and are applied consistently."),
        ],
    )
    parsed = parse_file(path)
    numbered = {p.label: p.text for p in parsed.paragraphs if p.label}
    assert list(numbered) == ["1", "2", "3"]
    assert numbered["2"].endswith("training for its front-line staff.")
    assert numbered["3"].startswith("3. Thresholds are understood")


def test_a_bold_label_opening_a_line_after_a_short_one_starts_a_paragraph(tmp_path):
    from tests.pdfmaker import tight_report

    path = tight_report(
        tmp_path / "models.pdf",
        [
            ("Helvetica", "Many cases show young men who appear genuine but further down the line"),
            ("Helvetica", "become aggressive and controlling"),
            ("run-in", "Boyfriend model: Abuser grooms victim by striking up a relationship."),
            ("Helvetica", "A seemingly consensual sexual relationship develops but turns abusive."),
        ],
    )
    texts = [p.text for p in parse_file(path).paragraphs]
    assert texts[-1].startswith("Boyfriend model: Abuser grooms victim")
    assert texts[-2].endswith("become aggressive and controlling")
