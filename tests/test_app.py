"""The app through its API, as gradio_client sees it: chat, filters, escaping, upload, remove,
export and sign-in."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

NO_FILTERS = ([], [], "", "")  # documents, kinds, from, to


def _client(server):
    from gradio_client import Client

    return Client(server.url, auth=(server.user, server.password), verbose=False)


@pytest.fixture
def client(app_server):
    client = _client(app_server)
    yield client
    client.close()  # stops its heartbeat, which otherwise holds a socket open until exit


def _text(message: dict) -> str:
    """A chat message's text (Gradio 6 returns content as a list of typed parts)."""
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content)


def _ask(client, question, filters=NO_FILTERS):
    _, messages, sources = client.predict(question, [], *filters, api_name="/ask")
    return _text(messages[-1]), sources


def test_an_answer_links_each_marker_to_a_source_card(client):
    reply, sources = _ask(client, "What was attendance by health partners at conferences?")
    assert "](#src-1-1" in reply
    assert 'id="src-1-1"' in sources
    assert '<span class="ev-para">para 3.2</span>' in sources
    assert '<span class="ev-page">p. 7</span>' in sources
    assert "<mark>" in sources
    assert "LSCB review, 16 Mar 2016, para 3.2, p. 7" in sources


def test_a_follow_up_in_the_same_session_sees_the_first_answer(client):
    _ask(client, "What was attendance by health partners at conferences?")
    reply, sources = _ask(client, "which paragraph was that?")
    assert "3.2" in reply
    assert 'id="turn-2"' in sources and 'id="turn-1"' in sources


def test_filters_limit_the_papers_answers_come_from(client):
    _, sources = _ask(client, "inspection findings", (["scrutiny-2011"], [], "", ""))
    cards = sources.count('class="ev-card"')
    assert cards and sources.count("Scrutiny report 2011") >= cards


def test_a_malformed_date_filter_is_explained_in_plain_words(client):
    reply, _ = _ask(client, "virtual school", ([], [], "last spring", ""))
    assert reply.startswith("**Could not answer:**")
    assert "YYYY" in reply


def test_an_unanswerable_question_is_shown_as_an_abstention(client):
    reply, _ = _ask(client, "What is the recipe for lemon drizzle cake?")
    assert "Not answered by the documents" in reply


def test_markup_in_questions_and_documents_is_escaped(client):
    question = "<script>alert(1)</script> what did the portal show in the panel notes?"
    _, messages, sources = client.predict(question, [], *NO_FILTERS, api_name="/ask")
    assert "<script>" not in _text(messages[-2])  # the question as shown
    assert "<script>" not in sources
    assert "&lt;script&gt;" in sources
    assert "<b>notes</b>" not in sources


def test_upload_adds_files_and_reports_each_in_plain_words(client, tmp_path):
    from gradio_client import handle_file

    good = tmp_path / "fostering-update.md"
    good.write_text(
        "# Fostering update\n\n1. Twelve new foster carers were approved in the autumn.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "blank.txt"
    empty.write_bytes(b"")
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n")
    status, results, _ = client.predict(
        [handle_file(str(p)) for p in (good, empty, image)], api_name="/upload"
    )
    rows = {row[0]: row for row in results["data"]}
    assert rows["fostering-update.md"][1] == "added"
    assert "empty" in rows["blank.txt"][4]
    assert "convert it to PDF" in rows["photo.png"][4]
    assert status.startswith("1 of 3 files done")
    table = client.predict(api_name="/library")[0]
    assert "fostering-update.md" in [row[5] for row in table["data"]]
    reply, _ = _ask(client, "How many foster carers were approved?")
    assert "Twelve new foster carers" in reply


def test_a_file_over_the_size_limit_is_refused(client, tmp_path):
    from gradio_client import handle_file

    big = tmp_path / "huge.txt"
    big.write_text("word " * 300_000, encoding="utf-8")  # 1.5 MB; the test limit is 1 MB
    with pytest.raises(Exception, match="(?i)size|large"):
        client.predict([handle_file(str(big))], api_name="/upload")


def test_remove_takes_a_file_and_its_papers_out(client):
    table = client.predict(api_name="/library")[0]
    message = client.predict("/docs/news-visit.pdf", api_name="/remove")
    assert message.startswith("Removed news-visit.pdf")
    table = client.predict(api_name="/library")[0]
    assert "news-visit.pdf" not in [row[5] for row in table["data"]]


def test_export_writes_a_briefing_note_in_markdown_and_word(client):
    from docx import Document as WordDocument

    _ask(client, "What was attendance by health partners at conferences?")
    files = client.predict(api_name="/export")
    paths = {Path(f).suffix: Path(f) for f in files}
    markdown = paths[".md"].read_text(encoding="utf-8")
    assert "## 1. What was attendance by health partners at conferences?" in markdown
    assert "[1] \u201c" in markdown
    assert "Review of the LSCB. LSCB review, 16 Mar 2016, para 3.2, p. 7" in markdown
    word = "\n".join(p.text for p in WordDocument(str(paths[".docx"])).paragraphs)
    assert "Review of the LSCB. LSCB review, 16 Mar 2016, para 3.2, p. 7" in word


def test_sign_in_is_required_when_users_exist(app_server):
    import httpx

    response = httpx.get(app_server.url + "config", timeout=10)
    assert response.status_code in (401, 403)
    from gradio_client import Client

    with pytest.raises(Exception, match="(?i)login|auth|credential"):
        Client(app_server.url, auth=(app_server.user, "wrong password"), verbose=False)
