"""The app's non-UI parts: references, escaping and highlighting, inspection history, the
briefing-note export and the users file. No server, no model."""

from __future__ import annotations

import re
import stat
from datetime import datetime

import pytest

from assistant import export, history, sources_html, users
from assistant.references import display_date, full_reference, short_reference, written_date
from assistant.types import Answer, Citation, Document, Hit, Kind, Paragraph

REPORT = Document("ofsted-2016", "Inspection of Slough", Kind.OFSTED_INSPECTION, "2016-02-17",
                  "pack.pdf", 11, 41, "0" * 64)  # fmt: skip
PARA_49 = Paragraph("ofsted-2016", 48, "49", "para 49", 25, 25, ("Findings", "Virtual school"),
                    "49. The virtual school has been ineffective for at least a year.\n"
                    "The head lacks status.")  # fmt: skip
UNNUMBERED = Paragraph("ofsted-2016", 3, "", "p. 12, ¶3", 12, 12, (), "Some <script>x</script>.")


def _answer(text="The virtual school has been ineffective for at least a year. [1]", **extra):
    quote = "The virtual school has been ineffective for at least a year."
    hit = Hit(PARA_49, REPORT, 1.0, 1)
    fields = {"citations": (Citation(1, hit, quote),), "hits": (hit,), "abstained": False}
    fields.update(extra)
    return Answer("What about the virtual school?", text, **fields)


@pytest.mark.parametrize(
    "iso, shown",
    [
        ("2016-02-17", "17 Feb 2016"),
        ("2011-06-09", "9 Jun 2011"),
        (None, "undated"),
        ("2016", "2016"),
    ],
)
def test_display_date(iso, shown):
    assert display_date(iso) == shown


@pytest.mark.parametrize(
    "iso, written",
    [("2013-12-11", "11 December 2013"), ("2011-06-09", "9 June 2011"), (None, "Undated")],
)
def test_a_paper_heading_writes_its_date_out_in_full(iso, written):
    assert written_date(iso) == written


def test_references_read_as_a_councillor_writes_them():
    assert (
        short_reference(REPORT, PARA_49) == "Ofsted inspection report, 17 Feb 2016, para 49, p. 25"
    )
    assert short_reference(REPORT, UNNUMBERED) == "Ofsted inspection report, 17 Feb 2016, p. 12, ¶3"
    assert full_reference(REPORT, PARA_49) == (
        "Inspection of Slough. Ofsted inspection report, 17 Feb 2016, para 49, p. 25 (pack.pdf)"
    )


def test_markers_become_links_to_their_source_cards():
    markdown = sources_html.answer_markdown(_answer(), turn=3)
    assert '[\\[1\\]](#src-3-1 "Ofsted inspection report, 17 Feb 2016, para 49, p. 25")' in markdown
    assert "[\\[2\\]]" not in markdown


def test_a_marker_with_no_citation_stays_text():
    markdown = sources_html.answer_markdown(_answer("Claim. [7]"), turn=1)
    assert "#src" not in markdown and "\\[7\\]" in markdown


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"])
def test_markup_in_chat_text_is_escaped(text):
    markdown = sources_html.question_markdown(text)
    assert "<" not in markdown.replace("\\<", "")


def test_abstentions_and_fallbacks_say_so():
    markdown = sources_html.answer_markdown(
        _answer("The documents do not answer this question.", citations=(), abstained=True,
                notice="The language model could not be reached"), turn=1)  # fmt: skip
    assert "**Not answered by the documents.**" in markdown
    assert markdown.startswith("> ⚠ The language model could not be reached")
    panel = sources_html.sources_panel([_answer(citations=(), abstained=True)])
    assert "Not answered by the documents" in panel and 'id="src-1-r0"' in panel


def test_the_panel_shows_the_paragraph_with_the_quote_marked_and_a_copy_action():
    panel = sources_html.sources_panel([_answer()])
    assert '<span class="ev-para">para 49</span>' in panel
    assert '<span class="ev-page">p. 25</span>' in panel
    assert "Findings &gt; Virtual school" in panel
    assert "<mark>The virtual school has been ineffective for at least a year.</mark>" in panel
    copy = re.search(r'data-copy="([^"]*)"', panel).group(1)
    assert copy == (
        "“The virtual school has been ineffective for at least a year.” (Inspection of Slough. "
        "Ofsted inspection report, 17 Feb 2016, para 49, p. 25 (pack.pdf))"
    )


def test_document_markup_in_the_panel_is_text():
    hit = Hit(UNNUMBERED, REPORT, 1.0, 1)
    answer = _answer(citations=(Citation(1, hit, "Some <script>x</script>."),), hits=(hit,))
    panel = sources_html.sources_panel([answer])
    assert "<script>" not in panel and "&lt;script&gt;" in panel
    assert "(no printed number)" in panel


def test_highlight_matches_across_line_breaks_and_escapes():
    text = "First <b>one</b>.\nThe second\nsentence here. Third."
    marked = sources_html.highlight(text, "The second sentence here.")
    assert marked == "First &lt;b&gt;one&lt;/b&gt;.\n<mark>The second\nsentence here.</mark> Third."


def test_history_is_built_from_the_catalogue(ingested_catalogue):
    built = history.build_history(ingested_catalogue)
    judgements = ingested_catalogue.judgements()
    assert len(built.grades) == len(judgements) > 0
    dates = [d.date for d in built.inspections]
    assert dates == sorted(dates)
    assert {g.judgement.area for g in built.grades} == set(built.areas)
    page = history.history_html(built)
    for target in re.findall(r'href="#(grade-\d+)"', page):
        assert f'id="{target}"' in page  # every grade links to the paragraph printing it
    rows = history.chart_rows(built)
    assert rows and all(r["level"] in (1, 2, 3, 4) for r in rows)


def test_history_without_judgements_says_where_they_come_from():
    empty = history.History([], [], [])
    assert "No Ofsted judgements found yet" in history.history_html(empty)


def test_briefing_note_writes_each_reference_in_full(tmp_path):
    when = datetime(2024, 5, 1, 9, 30)
    answers = [_answer(), _answer("Nothing.", citations=(), abstained=True)]
    markdown, docx = export.write_briefing(answers, tmp_path, when)
    text = markdown.read_text(encoding="utf-8")
    assert "Prepared 1 May 2024 at 09:30" in text
    assert "## 1. What about the virtual school?" in text
    assert (
        "- [1] “The virtual school has been ineffective for at least a year.” Inspection of "
        "Slough. Ofsted inspection report, 17 Feb 2016, para 49, p. 25 (pack.pdf)"
    ) in text
    assert export.NO_REFERENCES in text
    from docx import Document as WordDocument

    word = "\n".join(p.text for p in WordDocument(str(docx)).paragraphs)
    assert "Ofsted inspection report, 17 Feb 2016, para 49, p. 25 (pack.pdf)" in word


def test_users_file_holds_salted_hashes_only(tmp_path):
    path = tmp_path / "users.json"
    assert users.add_user(path, "alice", "a long password")
    assert users.add_user(path, "bob", "a long password")
    raw = path.read_text()
    assert "a long password" not in raw
    stored = users.load_users(path)
    assert stored["alice"]["salt"] != stored["bob"]["salt"]
    assert stored["alice"]["hash"] != stored["bob"]["hash"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert users.verify(stored, "alice", "a long password")
    assert not users.verify(stored, "alice", "a wrong password")
    assert not users.verify(stored, "carol", "a long password")
    users.remove_user(path, "alice")
    assert list(users.load_users(path)) == ["bob"]


@pytest.mark.parametrize("name, password", [("two words", "long enough"), ("dan", "short")])
def test_bad_users_are_refused_in_plain_words(tmp_path, name, password):
    with pytest.raises(users.UsersFileError):
        users.add_user(tmp_path / "users.json", name, password)


def test_evidence_users_add_and_remove(tmp_path, monkeypatch, capsys):
    import io

    from assistant.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("a long password\n"))
    assert main(["users", "add", "erin", "--password-stdin", "--data-dir", str(tmp_path)]) == 0
    assert users.verify(users.load_users(tmp_path / "users.json"), "erin", "a long password")
    assert main(["users", "remove", "erin", "--data-dir", str(tmp_path)]) == 0
    assert main(["users", "remove", "erin", "--data-dir", str(tmp_path)]) == 1
    assert "no user 'erin'" in capsys.readouterr().err
