"""Word reading: styles -> block kinds, Word's list numbers rebuilt, tables, pages, bad files."""

from __future__ import annotations

import zipfile

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from assistant.errors import UnreadableFile
from ingest.blocks import Style
from ingest.docx import read_docx
from ingest.lists import format_number, item_style


def _save(document, tmp_path, name="report.docx"):
    path = tmp_path / name
    document.save(path)
    return path


def _summary(path):
    return [(b.style, b.level, b.text) for b in read_docx(path)]


def _add_outline(document, abstract_id=90, num_ids=(90,), starts=None):
    """A three-level paragraph numbering ("5.", "5.1", "a)") starting at 5, as council report
    templates define it, with one list instance per num id (`starts` overrides level 0)."""
    numbering = document.part.numbering_part.element
    levels = [("decimal", "%1.", 5), ("decimal", "%1.%2", 1), ("lowerLetter", "%3)", 1)]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text, start) in enumerate(levels)
    )
    abstract = (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'
    )
    numbering.find(qn("w:num")).addprevious(parse_xml(abstract))
    for num_id in num_ids:
        override = ""
        if starts and num_id in starts:
            override = (
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{starts[num_id]}"/>'
                "</w:lvlOverride>"
            )
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
            )
        )


def _numbered(document, text, ilvl, num_id=90, style=None):
    paragraph = document.add_paragraph(text, style=style)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def test_headings_body_and_bold_paragraphs(tmp_path):
    document = docx.Document()
    document.add_heading("Inspection of Anytown children's services", 0)
    document.add_heading("Summary", 1)
    document.add_heading("Leadership", 2)
    document.add_paragraph("Leaders know their services well.")
    document.add_paragraph().add_run("Overall effectiveness: good").bold = True
    mixed = document.add_paragraph("Partly ")
    mixed.add_run("bold").bold = True
    blocks = read_docx(_save(document, tmp_path))
    assert [(b.style, b.level, b.text) for b in blocks[:4]] == [
        (Style.HEADING, 1, "Inspection of Anytown children's services"),
        (Style.HEADING, 1, "Summary"),
        (Style.HEADING, 2, "Leadership"),
        (Style.BODY, 0, "Leaders know their services well."),
    ]
    assert [b.bold for b in blocks[3:]] == [False, True, False]
    assert all(b.page == 1 for b in blocks)


def test_list_number_style_gets_its_printed_numbers_back(tmp_path):
    document = docx.Document()
    document.add_paragraph("Recommendations", style="List Number")
    document.add_paragraph("Improve supervision.", style="List Number")
    document.add_paragraph("A paragraph between the items.")
    document.add_paragraph("Reduce caseloads.", style="List Number")
    assert _summary(_save(document, tmp_path)) == [
        (Style.BODY, 0, "1. Recommendations"),
        (Style.BODY, 0, "2. Improve supervision."),
        (Style.BODY, 0, "A paragraph between the items."),
        (Style.BODY, 0, "3. Reduce caseloads."),  # the same list continues in Word
    ]


def test_multilevel_paragraph_numbers_count_and_reset_like_word(tmp_path):
    document = docx.Document()
    _add_outline(document)
    _numbered(document, "Supporting information", 0, style="Heading 1")
    _numbered(document, "The inspection took place in March.", 1)
    _numbered(document, "Inspectors met leaders.", 1)
    _numbered(document, "social workers;", 2)
    _numbered(document, "managers.", 2)
    _numbered(document, "Next steps", 0)
    _numbered(document, "The council will respond.", 1)
    _numbered(document, "first deeper item", 2)
    assert _summary(_save(document, tmp_path)) == [
        (Style.HEADING, 1, "5. Supporting information"),
        (Style.BULLET, 1, "5.1 The inspection took place in March."),
        (Style.BULLET, 1, "5.2 Inspectors met leaders."),
        (Style.BULLET, 2, "a) social workers;"),
        (Style.BULLET, 2, "b) managers."),
        (Style.BODY, 0, "6. Next steps"),
        (Style.BULLET, 1, "6.1 The council will respond."),
        (Style.BULLET, 2, "a) first deeper item"),
    ]


def test_list_instances_share_the_count_unless_they_restart_it(tmp_path):
    document = docx.Document()
    _add_outline(document, num_ids=(90, 91, 92), starts={91: 1})
    _numbered(document, "first list", 0, num_id=90)
    _numbered(document, "first list again", 0, num_id=90)
    _numbered(document, "restarted", 0, num_id=91)
    _numbered(document, "continued", 0, num_id=92)
    texts = [text for _, _, text in _summary(_save(document, tmp_path))]
    assert texts == ["5. first list", "6. first list again", "1. restarted", "2. continued"]


def test_bullets_have_no_number_and_keep_their_depth(tmp_path):
    document = docx.Document()
    document.add_paragraph("Strengths", style="List Bullet")
    document.add_paragraph("a nested point", style="List Bullet 2")
    document.add_paragraph("• typed by hand", style="List Paragraph")
    assert _summary(_save(document, tmp_path)) == [
        (Style.BULLET, 0, "Strengths"),
        (Style.BULLET, 1, "a nested point"),
        (Style.BULLET, 0, "typed by hand"),
    ]


def test_tables_are_rows_in_place_with_merged_cells_once(tmp_path):
    document = docx.Document()
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).text = "Judgement"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Grade"
    for col, text in enumerate(["Leaders", "Good", "Good"]):
        table.cell(1, col).text = text
    table.cell(3, 0).text = "Help and protection"
    table.cell(3, 1).text = "Requires improvement"
    document.add_paragraph("After the table.")
    assert _summary(_save(document, tmp_path)) == [
        (Style.BODY, 0, "Before the table."),
        (Style.TABLE, 0, "Judgement | Grade"),
        (Style.TABLE, 0, "Leaders | Good | Good"),  # two cells that both say Good
        (Style.TABLE, 0, "Help and protection | Requires improvement"),
        (Style.BODY, 0, "After the table."),
    ]


def test_pages_advance_at_page_and_new_page_section_breaks_only(tmp_path):
    document = docx.Document()
    document.add_paragraph("Page one.")
    rendered = document.add_paragraph("Word's own layout mark is ignored.")
    rendered.runs[0]._r.append(parse_xml(f"<w:lastRenderedPageBreak {nsdecls('w')}/>"))
    document.add_page_break()
    split = document.add_paragraph("Starts on two")
    split.add_run().add_break(WD_BREAK.PAGE)
    split.add_run("and ends on three.")
    document.add_paragraph("Page three.")
    document.add_section(WD_SECTION.CONTINUOUS)
    document.add_paragraph("Still page three.")
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("Page four.")
    pages = [(b.text, b.page, b.end_page) for b in read_docx(_save(document, tmp_path))]
    assert pages == [
        ("Page one.", 1, 1),
        ("Word's own layout mark is ignored.", 1, 1),
        ("Starts on two and ends on three.", 2, 3),
        ("Page three.", 3, 3),
        ("Still page three.", 3, 3),
        ("Page four.", 4, 4),
    ]


def test_hyperlink_text_is_part_of_the_paragraph(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("See the ")
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w")} w:anchor="x"><w:r><w:t>full report</w:t></w:r>'
            "</w:hyperlink>"
        )
    )
    paragraph.add_run(" online.")
    assert _summary(_save(document, tmp_path)) == [(Style.BODY, 0, "See the full report online.")]


def test_contents_entries_are_left_out(tmp_path):
    document = docx.Document()
    document.styles.add_style("toc 1", 1)
    document.add_paragraph("Summary\t3", style="toc 1")
    document.add_heading("Summary", 1)
    assert _summary(_save(document, tmp_path)) == [(Style.HEADING, 1, "Summary")]


def test_empty_file_yields_no_blocks(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    assert read_docx(path) == []


def _truncated(tmp_path):
    path = _save(docx.Document(), tmp_path, "truncated.docx")
    path.write_bytes(path.read_bytes()[:2000])
    return path


def _random_bytes(tmp_path):
    path = tmp_path / "random.docx"
    path.write_bytes(bytes(range(256)) * 8)
    return path


def _missing_part(tmp_path):
    path = tmp_path / "parts.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return path


@pytest.mark.parametrize("make", [_truncated, _random_bytes, _missing_part])
def test_corrupt_file_is_reported_by_name_with_what_to_do(tmp_path, make):
    path = make(tmp_path)
    with pytest.raises(UnreadableFile) as raised:
        read_docx(path)
    assert raised.value.name == path.name
    assert "corrupt" in raised.value.reason
    assert "save it again" in raised.value.advice
    assert str(raised.value).startswith(path.name)


def test_old_format_or_protected_file_says_so(tmp_path):
    path = tmp_path / "protected.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    with pytest.raises(UnreadableFile, match="password-protected or old-format"):
        read_docx(path)


@pytest.mark.parametrize(
    ("n", "fmt", "printed"),
    [
        (5, "decimal", "5"),
        (3, "decimalZero", "03"),
        (1, "lowerLetter", "a"),
        (26, "lowerLetter", "z"),
        (27, "lowerLetter", "aa"),
        (2, "upperLetter", "B"),
        (4, "lowerRoman", "iv"),
        (14, "upperRoman", "XIV"),
        (7, "ordinal", "7"),  # formats we do not spell out print as digits
    ],
)
def test_list_numbers_print_as_word_prints_them(n, fmt, printed):
    assert format_number(n, fmt) == printed


@pytest.mark.parametrize(
    ("prefix", "level", "style"),
    [
        ("5.", 0, Style.BODY),  # a numbered paragraph: its number is the label
        ("5.1", 0, Style.BODY),
        ("5.1", 1, Style.BULLET),
        ("a)", 0, Style.BULLET),
        ("(iv)", 0, Style.BULLET),
        ("1.", 1, Style.BULLET),  # a list inside a paragraph
    ],
)
def test_numbered_items_are_paragraphs_only_at_the_top_level(prefix, level, style):
    assert item_style(prefix, level) is style
