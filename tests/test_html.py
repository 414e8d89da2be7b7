"""HTML reading: content only, block kinds, list numbers as the browser prints them, charsets."""

from __future__ import annotations

import pytest

from assistant.errors import UnreadableFile
from ingest.blocks import Style
from ingest.html import html_blocks, read_html

B, H, L, T = Style.BODY, Style.HEADING, Style.BULLET, Style.TABLE


def _summary(markup):
    return [(b.style, b.level, b.text) for b in html_blocks(markup)]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            "<h1>Title</h1><h3>Sub</h3><p>Text.</p>",
            [(H, 1, "Title"), (H, 3, "Sub"), (B, 0, "Text.")],
        ),
        ("<p>One<br>two &amp; three&nbsp;  four</p>", [(B, 0, "One two & three four")]),
        (
            "<p>Inline <a href=x>link</a> and <em>emphasis</em>.</p>",
            [(B, 0, "Inline link and emphasis.")],
        ),
        ("<div>Lead <p>para</p> tail</div>", [(B, 0, "Lead"), (B, 0, "para"), (B, 0, "tail")]),
        ("<p>One<p>Two", [(B, 0, "One"), (B, 0, "Two")]),  # end tags left out
        (
            "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>",
            [(L, 0, "a"), (L, 1, "b"), (L, 0, "c")],
        ),
        ("<ol><li>First<li>Second</ol>", [(B, 0, "1. First"), (B, 0, "2. Second")]),
        (
            '<ol start="49"><li>x</li><li value="52">y</li><li>z</li></ol>',
            [(B, 0, "49. x"), (B, 0, "52. y"), (B, 0, "53. z")],
        ),
        ('<ol type="a"><li>x</li><li>y</li></ol>', [(L, 0, "a) x"), (L, 0, "b) y")]),
        ('<ol type="i" start="3"><li>x</li></ol>', [(L, 0, "iii) x")]),
        ("<ol><li>Para<ol><li>inner</li></ol></li></ol>", [(B, 0, "1. Para"), (L, 1, "1. inner")]),
        ("<ol><li><p>Item</p><p>more</p></li></ol>", [(B, 0, "1. Item"), (B, 0, "more")]),
        ("<ol><li></li><li>second</li></ol>", [(B, 0, "2. second")]),  # an empty item still counts
        (
            "<table><tr><th>Area</th><th>Grade</th></tr><tr><td>Leaders<td>Good</tr>"
            "<tr><td> </td><td></td></tr></table>",
            [(T, 0, "Area | Grade"), (T, 0, "Leaders | Good")],
        ),
        (
            "<table><tr><td>Outer <table><tr><td>inner</td></tr></table></td></tr></table>",
            [(T, 0, "Outer inner")],
        ),
    ],
)
def test_elements_become_blocks(markup, expected):
    assert _summary(markup) == expected


def test_only_the_content_is_read():
    page = """<html><head><title>Site</title><style>p{}</style></head><body>
        <header>Site banner</header><nav><a>Home</a></nav>
        <main><article><header><h1>Report title</h1></header>
        <p>Content.</p><span aria-hidden="true">icon</span><p hidden>secret</p>
        <noscript>Enable JS</noscript><script>alert(1)</script>
        <footer>Share</footer></article></main>
        <aside>Outside main</aside><footer>Site footer</footer></body></html>"""
    assert _summary(page) == [(H, 1, "Report title"), (B, 0, "Content.")]


def test_collapsed_accordion_sections_are_content():
    page = '<main><div hidden="until-found"><p>Collapsed finding.</p></div></main>'
    assert _summary(page) == [(B, 0, "Collapsed finding.")]


def test_article_is_used_when_there_is_no_main():
    page = "<body><div>Cookie notice</div><article><p>Report text.</p></article></body>"
    assert _summary(page) == [(B, 0, "Report text.")]


def test_script_text_never_appears(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<p>Safe.</p><script>alert(1)</script><p>Also safe.<script>x()</script></p>")
    texts = [b.text for b in read_html(path)]
    assert texts == ["Safe.", "Also safe."]


def test_whole_paragraph_in_bold_is_marked_bold():
    blocks = html_blocks(
        "<p><strong>Overall effectiveness: good</strong></p><p><b>Part</b> bold</p>"
    )
    assert [b.bold for b in blocks] == [True, False]


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<b>Good</b><br>overall", "Good overall"),
        ("Leaders<sup>1</sup> and &lt;managers&gt;", "Leaders1 and <managers>"),
        ("<!-- a comment -->visible", "visible"),
        ("<span>Split</span><span>word</span>", "Splitword"),
    ],
)
def test_inline_fragments_become_plain_text(fragment, text):
    assert [b.text for b in html_blocks(fragment)] == [text]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (
            '<meta charset="windows-1252"><p>\x93Good\x94 \x96 fine</p>'.encode("latin-1"),
            "“Good” – fine",
        ),
        (
            (
                '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
                "<p>caf\xe9 \x93q\x94</p>"
            ).encode("latin-1"),
            "café “q”",
        ),
        ("<p>Café – UTF-8</p>".encode(), "Café – UTF-8"),
        ("\ufeff<p>with BOM</p>".encode(), "with BOM"),
        ("<p>undeclared caf\xe9</p>".encode("cp1252"), "undeclared café"),  # not UTF-8: cp1252
        ('<meta charset="no-such-codec"><p>caf\xc3\xa9</p>'.encode("latin-1"), "café"),
    ],
)
def test_bytes_are_decoded_by_declared_charset_then_utf8_then_cp1252(tmp_path, data, text):
    path = tmp_path / "page.html"
    path.write_bytes(data)
    assert [b.text for b in read_html(path)] == [text]


def test_undecodable_page_is_reported_by_name(tmp_path):
    path = tmp_path / "broken.html"
    path.write_bytes(b"<p>bad \x81\x8d bytes \xff\xfe\xc3</p>")
    with pytest.raises(UnreadableFile) as raised:
        read_html(path)
    assert "broken.html" in str(raised.value)
    assert "save it as UTF-8" in str(raised.value)


def test_empty_page_yields_no_blocks(tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    assert read_html(path) == []
    assert html_blocks("<html><body><script>x()</script></body></html>") == []
