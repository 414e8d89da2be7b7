"""Plain text and Markdown reading (ingest.text, ingest.markdown): paragraphs, headings, bullets,
pages, decoding."""

from __future__ import annotations

import pytest

from assistant.errors import UnreadableFile
from ingest.blocks import Style
from ingest.markdown import markdown_blocks
from ingest.text import heading_level, read_markdown, read_text, text_blocks

B, H, L, T = Style.BODY, Style.HEADING, Style.BULLET, Style.TABLE


def _summary(blocks):
    return [(b.style, b.level, b.text) for b in blocks]


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("5 Supporting Information", 1),
        ("5.1 Background and Context", 2),
        ("SUMMARY OF FINDINGS", 1),
        ("Key Findings", 2),
        ("The Experiences and Progress of Children", 2),
        ("Recommendations", 2),
        ("5.1 The four week inspection of children's services took place.", 0),
        ("5.1 The inspection took place in March", 0),  # a sentence, not a title
        ("The inspection found:", 0),
        ("Leaders know their services well", 0),
        ("12 March 2024", 0),
        ("Tuesday 12th March", 0),
        ("May Meeting", 2),
        ("Page 4 of 12.", 0),
        ("2024", 0),
        (
            "A Title That Goes On And On For Far Too Long To Be Any Sort Of Section Heading At All",
            0,
        ),
    ],
)
def test_heading_lines_are_recognised_conservatively(line, level):
    assert heading_level(line) == level


def test_plain_text_paragraphs_headings_and_bullets():
    text = (
        "SUMMARY\n\n"
        "5 Supporting Information\n\n"
        "5.1 The four week inspection took place in\n"
        "March. It was well organ-\n"
        "ised and thorough.\n"
        "5.2 A second paragraph starts on its own line.\n\n"
        "Key Findings\n\n"
        "• Leaders are visible and\n"
        "  well regarded\n"
        "    - a nested point\n"
        "• Caseloads are manageable\n\n"
        "A last paragraph,\n"
        "12 of whom were seen.\n"
    )
    assert _summary(text_blocks(text)) == [
        (H, 1, "SUMMARY"),
        (H, 1, "5 Supporting Information"),
        (
            B,
            0,
            "5.1 The four week inspection took place in March. It was well organised and thorough.",
        ),
        (B, 0, "5.2 A second paragraph starts on its own line."),
        (H, 2, "Key Findings"),
        (L, 0, "Leaders are visible and well regarded"),
        (L, 1, "a nested point"),
        (L, 0, "Caseloads are manageable"),
        (B, 0, "A last paragraph, 12 of whom were seen."),
    ]


def test_form_feed_starts_a_new_page():
    blocks = text_blocks("Page one text.\n\fPage two text.\r\n\r\nStill two.\fThree.")
    assert [(b.text, b.page) for b in blocks] == [
        ("Page one text.", 1),
        ("Page two text.", 2),
        ("Still two.", 2),
        ("Three.", 3),
    ]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Café – UTF-8.".encode(), "Café – UTF-8."),
        ("\ufeffWith a BOM.".encode(), "With a BOM."),
        (
            "\u201cQuoted\u201d \u2013 Windows.".encode("cp1252"),
            "\u201cQuoted\u201d \u2013 Windows.",
        ),
    ],
)
def test_text_is_decoded_as_utf8_or_windows_1252(tmp_path, data, text):
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    assert [b.text for b in read_text(path)] == [text]


@pytest.mark.parametrize("reader", [read_text, read_markdown])
def test_undecodable_file_is_reported_by_name_with_what_to_do(tmp_path, reader):
    path = tmp_path / "minutes.txt"
    path.write_bytes(b"Bad \x81 byte and \x8d another \xc3(")
    with pytest.raises(UnreadableFile) as raised:
        reader(path)
    assert raised.value.name == "minutes.txt"
    assert str(raised.value) == (
        "minutes.txt: cannot decode the text (not UTF-8 or Windows-1252); "
        "save it as UTF-8 and ingest it again"
    )


@pytest.mark.parametrize("reader", [read_text, read_markdown])
@pytest.mark.parametrize("data", [b"", b"\n\n  \n", b"\xef\xbb\xbf"])
def test_empty_file_yields_no_blocks(tmp_path, reader, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert reader(path) == []


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Title\n\n## Section\n\nText.", [(H, 1, "Title"), (H, 2, "Section"), (B, 0, "Text.")]),
        ("Setext\n======\n", [(H, 1, "Setext")]),
        ("Line one\nline two", [(B, 0, "Line one line two")]),
        (
            "Some **bold**, *emphasis*, `code` and [a link](x).",
            [(B, 0, "Some bold, emphasis, code and a link.")],
        ),
        ("- a\n  - b\n- c", [(L, 0, "a"), (L, 1, "b"), (L, 0, "c")]),
        ("49. First\n50. Second", [(B, 0, "49. First"), (B, 0, "50. Second")]),
        ("5. Para\n\n   a) not a list\n", [(B, 0, "5. Para"), (B, 0, "a) not a list")]),
        (
            "1. Para\n   1) inner\n   2) next",
            [(B, 0, "1. Para"), (L, 1, "1) inner"), (L, 1, "2) next")],
        ),
        (
            "1. First\n\n   More of it.\n2. Second",
            [(B, 0, "1. First"), (B, 0, "More of it."), (B, 0, "2. Second")],
        ),
        ("3. three\n3. written again", [(B, 0, "3. three"), (B, 0, "3. written again")]),
        (
            "| Area | Grade |\n|---|---|\n| Leaders | Good |\n|  |  |",
            [(T, 0, "Area | Grade"), (T, 0, "Leaders | Good")],
        ),
        ("> Quoted text.", [(B, 0, "Quoted text.")]),
        ("Text<sup>1</sup> and <b>bold</b><br>after", [(B, 0, "Text1 and bold after")]),
        ("<ul>\n<li>html item</li>\n</ul>", [(L, 0, "html item")]),
        ("Fish &amp; chips &copy;", [(B, 0, "Fish & chips ©")]),
        ("---\ntitle: Minutes\n---\n# Minutes", [(H, 1, "Minutes")]),
        ("Above\n\n---\n\nBelow", [(B, 0, "Above"), (B, 0, "Below")]),
    ],
)
def test_markdown_becomes_blocks(markdown, expected):
    assert _summary(markdown_blocks(markdown)) == expected


def test_markdown_paragraph_entirely_bold_is_marked_bold():
    blocks = markdown_blocks("**Overall effectiveness: good**\n\n**Part** bold\n\n<b>Html bold</b>")
    assert [b.bold for b in blocks] == [True, False, True]


def test_markdown_file_is_read_from_disk(tmp_path):
    path = tmp_path / "report.md"
    path.write_bytes("\ufeff# Report\r\n\r\n1. Café\r\n".encode())
    assert _summary(read_markdown(path)) == [(H, 1, "Report"), (B, 0, "1. Café")]
    assert all(b.page == 1 for b in read_markdown(path))
