"""The Gradio app: chat with cited sources, the library, inspection history, briefing export.

Gradio only: this module builds the UI and calls assistant functions (`assistant.workspace`,
`library`, `sources_html`, `history`, `export`, `users`), nothing else. Run it with
`python app.py` or `evidence serve`. Everything the page loads comes from this server: the
built-in theme serves its fonts locally, and static/app.js and app.css are sent inline.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from assistant.settings import Settings, apply_offline_environment

apply_offline_environment()  # before gradio is imported: it reads GRADIO_ANALYTICS_ENABLED

import gradio as gr  # noqa: E402

from assistant import export, history, library, sources_html  # noqa: E402
from assistant.answer import Scope  # noqa: E402
from assistant.errors import EvidenceError, IndexNotBuilt  # noqa: E402
from assistant.types import Answer  # noqa: E402
from assistant.users import load_users, verify  # noqa: E402
from assistant.workspace import Workspace  # noqa: E402

log = logging.getLogger(__name__)

TITLE = "Inspection evidence assistant"
STATIC = Path(__file__).resolve().parent / "static"
PENDING = "Searching the documents…"
EMPTY_LIBRARY = "the library is empty; add papers in the Library tab first"
LIBRARY_COLUMNS = ["Title", "Kind", "Date", "Pages", "Paragraphs", "Source file", "Judgements"]
RESULT_COLUMNS = ["File", "Result", "Documents", "Paragraphs", "What to do"]


# Chat --------------------------------------------------------------------------------------


def _scope(doc_ids, kinds, since, until) -> Scope:
    return Scope(
        tuple(doc_ids or ()), tuple(kinds or ()), (since or "").strip() or None,
        (until or "").strip() or None,
    )  # fmt: skip


def _respond(workspace: Workspace):
    def respond(question, messages, answers, doc_ids, kinds, since, until):
        """Stream the answer into the chat, then show its sources."""
        question = (question or "").strip()
        if not question:
            yield gr.skip(), messages, gr.skip(), answers
            return
        messages = [
            *messages,
            {"role": "user", "content": sources_html.question_markdown(question)},
            {"role": "assistant", "content": PENDING},
        ]
        yield "", messages, gr.skip(), answers
        text, answer = "", None
        try:
            stream = workspace.ask_stream(question, answers, _scope(doc_ids, kinds, since, until))
            for part in stream:
                if isinstance(part, Answer):
                    answer = part
                else:
                    text += part
                    messages[-1] = _said(sources_html.streaming_markdown(text))
                    yield "", messages, gr.skip(), answers
        except IndexNotBuilt:
            messages[-1] = _said(_problem(EMPTY_LIBRARY))
            yield "", messages, gr.skip(), answers
            return
        except EvidenceError as exc:
            messages[-1] = _said(_problem(str(exc)))
            yield "", messages, gr.skip(), answers
            return
        except Exception as exc:  # the page must say something rather than spin for ever
            log.exception("answering %r failed", question)
            messages[-1] = _said(_problem(f"something went wrong ({type(exc).__name__})"))
            yield "", messages, gr.skip(), answers
            return
        answers = [*answers, answer]
        messages[-1] = _said(sources_html.answer_markdown(answer, len(answers)))
        yield "", messages, sources_html.sources_panel(answers), answers

    return respond


def _said(content: str) -> dict:
    return {"role": "assistant", "content": content}


def _problem(message: str) -> str:
    return f"**Could not answer:** {sources_html.escape_markdown(message)}"


def _export(answers):
    if not answers:
        gr.Info("Ask a question first: the briefing note is made from the conversation.")
        return None
    folder = Path(tempfile.mkdtemp(prefix="evidence-briefing-"))
    markdown, docx = export.write_briefing(answers, folder)
    return [str(markdown), str(docx)]


def _example(event: gr.SelectData) -> str:
    return event.value["text"]


def _new_conversation():
    return [], sources_html.EMPTY_PANEL, [], None


def _chat_tab(workspace: Workspace, answers: gr.State) -> dict:
    catalogue = workspace.catalogue
    examples = library.example_questions(catalogue)
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=420):
            chatbot = gr.Chatbot(
                label="Conversation",
                elem_id="chat",
                height="62vh",
                latex_delimiters=[],
                feedback_options=None,
                buttons=[],
                placeholder="**Ask about the inspection reports and committee papers.** Every "
                "answer cites the document, date, page and printed paragraph number.",
                examples=[{"text": q} for q in examples],
            )
            with gr.Row():
                question = gr.Textbox(
                    placeholder="Ask a question, e.g. what did Ofsted say about care leavers?",
                    show_label=False,
                    scale=5,
                    elem_id="question",
                    autofocus=True,
                )
                ask = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
            filters = _filters(
                library.document_choices(catalogue),
                sorted({d.kind.value for d in catalogue.documents()}),
            )
            with gr.Row():
                new = gr.Button("New conversation", size="sm")
                brief = gr.Button("Export briefing note (Markdown and Word)", size="sm")
            files = gr.File(label="Briefing note", file_count="multiple", height=110)
        with gr.Column(scale=2, min_width=340):
            gr.Markdown("### Sources")
            sources = gr.HTML(sources_html.EMPTY_PANEL, elem_id="sources")
    respond = _respond(workspace)
    inputs = [question, chatbot, answers, *filters.values()]
    outputs = [question, chatbot, sources, answers]
    # One concurrency group for every way of asking, so EVIDENCE_CONCURRENCY holds across them.
    queued = {"concurrency_id": "answer", "concurrency_limit": workspace.settings.concurrency}
    ask.click(respond, inputs, outputs, api_name="ask", **queued)
    question.submit(respond, inputs, outputs, api_visibility="private", **queued)
    chatbot.example_select(_example, None, question, api_visibility="private").then(
        respond, inputs, outputs, api_visibility="private", **queued
    )
    new.click(_new_conversation, None, [chatbot, sources, answers, files], api_name="new")
    # The chat's own bin icon must forget the answers too, or follow-ups would use them.
    chatbot.clear(_new_conversation, None, [chatbot, sources, answers, files],
                  api_visibility="private")  # fmt: skip
    brief.click(_export, answers, files, api_name="export")
    return filters


def _filters(documents: list[tuple[str, str]], kinds: list[str]) -> dict:
    """Choices are filled in now, so the API accepts them before any page has loaded, and
    refreshed whenever the library changes."""
    with gr.Accordion("Filters: limit the conversation to some papers", open=False):
        documents = gr.Dropdown(
            label="Documents",
            multiselect=True,
            choices=documents,
            value=[],
            allow_custom_value=True,  # a paper added by someone else after this page loaded
        )
        kinds = gr.CheckboxGroup(label="Kinds of paper", choices=kinds)
        with gr.Row():
            since = gr.Textbox(label="From (YYYY-MM-DD)", placeholder="2013-01-01")
            until = gr.Textbox(label="To (YYYY-MM-DD)", placeholder="2016-12-31")
    return {"documents": documents, "kinds": kinds, "since": since, "until": until}


# Library -----------------------------------------------------------------------------------


def _library_tab(workspace: Workspace) -> dict:
    gr.Markdown(
        "The papers the assistant answers from. A file such as an agenda pack holds several "
        "papers (agenda, minutes, reports, appendices); each is listed on its own."
    )
    table = gr.Dataframe(
        headers=LIBRARY_COLUMNS,
        interactive=False,
        wrap=True,
        column_widths=["28%", "10%", "9%", "6%", "10%", "17%", "20%"],
        elem_id="library-table",
    )
    with gr.Row(equal_height=False):
        with gr.Column():
            uploads = gr.File(
                label="Add files: PDF, Word (DOCX), HTML, Markdown or plain text, "
                f"up to {workspace.settings.max_upload_mb} MB each",
                file_count="multiple",
                elem_id="upload",
            )
            add = gr.Button("Add to library", variant="primary", elem_id="add")
        with gr.Column():
            # Choices are refreshed after every change; custom values are allowed because
            # another user may have changed the library since this page was loaded.
            chosen = gr.Dropdown(
                label="Remove a file (and every paper in it)",
                choices=library.file_choices(workspace.catalogue),
                allow_custom_value=True,
            )
            remove = gr.Button("Remove file", variant="stop", elem_id="remove")
            reread = gr.Button("Re-read all files", elem_id="reread")
    status = gr.Markdown(elem_id="library-status")
    results = gr.Dataframe(
        headers=RESULT_COLUMNS,
        interactive=False,
        wrap=True,
        column_widths=["22%", "18%", "10%", "10%", "40%"],
        label="Result per file",
        elem_id="results",
    )
    library_queue = {"concurrency_id": "library", "concurrency_limit": 1}
    events = [
        add.click(_add(workspace), uploads, [status, results, uploads], api_name="upload",
                  **library_queue),
        remove.click(_remove(workspace), chosen, status, api_name="remove", **library_queue),
        reread.click(_reread(workspace), None, [status, results], api_name="reread",
                     **library_queue),
    ]  # fmt: skip
    return {"table": table, "chosen": chosen, "events": events}


def _add(workspace: Workspace):
    def add(files, progress=gr.Progress()):  # noqa: B008 - how Gradio passes its tracker
        if not files:
            return "Choose one or more files first.", gr.skip(), gr.skip()
        paths = [Path(f) for f in files]
        try:
            results = library.add_uploads(workspace, paths, lambda f, d: progress(f, desc=d))
        except EvidenceError as exc:
            return f"**Not added:** {exc}", gr.skip(), gr.skip()
        return _summary(results), library.result_rows(results), None

    return add


def _remove(workspace: Workspace):
    def remove(path):
        if not path:
            return "Choose a file to remove first."
        try:
            return library.remove_file(workspace, path)
        except EvidenceError as exc:
            return f"**Not removed:** {exc}"

    return remove


def _reread(workspace: Workspace):
    def reread(progress=gr.Progress()):  # noqa: B008 - how Gradio passes its tracker
        try:
            results = library.reingest_all(workspace, lambda f, d: progress(f, desc=d))
        except EvidenceError as exc:
            return f"**Not re-read:** {exc}", gr.skip()
        return _summary(results), library.result_rows(results)

    return reread


def _summary(results) -> str:
    if not results:
        return "Nothing to do: the library has no files yet."
    failed = [r for r in results if r.status == "failed"]
    done = len(results) - len(failed)
    text = f"{done} of {len(results)} file{'s' if len(results) != 1 else ''} done."
    if failed:
        text += " Not added: " + "; ".join(sources_html.escape_markdown(r.message) for r in failed)
    return text


# Inspection history ------------------------------------------------------------------------


def _history_tab() -> dict:
    gr.Markdown(
        "Ofsted judgements read from the inspection reports in the library, per area and "
        "inspection. Select a grade to read the paragraph it is printed in."
    )
    chart = gr.ScatterPlot(
        x="inspection",
        y="area",
        color="grade",
        color_map=history.GRADE_COLOURS,
        title="Grades per area at each inspection",
        x_title="Inspection",
        y_title="",
        sort=None,
        tooltip=["inspection", "area", "grade"],
        height=340,
        elem_id="history-chart",
    )
    table = gr.HTML(elem_id="history")
    return {"chart": chart, "table": table}


def _chart_frame(rows: list[dict]):
    import pandas as pd

    # Text columns only: Gradio types a datetime column through a pandas call that warns.
    return pd.DataFrame(rows, columns=["inspection", "area", "grade", "level"])


# The whole page ----------------------------------------------------------------------------


def _refresh(workspace: Workspace):
    """Everything that shows what is in the library, re-read after any change."""

    def refresh():
        catalogue = workspace.catalogue
        rows = library.library_rows(catalogue)
        kinds = sorted({row["kind"] for row in rows})
        built = history.build_history(catalogue)
        paragraphs = sum(row["paragraphs"] for row in rows)
        return (
            [[row[k] for k in _ROW_KEYS] for row in rows],
            gr.update(choices=library.document_choices(catalogue)),
            gr.update(choices=kinds),
            gr.update(choices=library.file_choices(catalogue), value=None),
            history.history_html(built),
            _chart_frame(history.chart_rows(built)),
            f"{len(rows)} documents · {paragraphs:,} paragraphs",
        )

    return refresh


_ROW_KEYS = ["title", "kind", "date", "pages", "paragraphs", "source", "judgements"]


def build_app(workspace: Workspace, signed_in: bool = False) -> gr.Blocks:
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        with gr.Row(elem_id="masthead"):
            gr.Markdown(f"## {TITLE}", elem_id="title")
            status = gr.Markdown(elem_id="library-summary")
            if signed_in:
                gr.HTML('<a href="/logout" class="ev-signout">Sign out</a>')
        answers = gr.State([])
        with gr.Tabs():
            with gr.Tab("Ask", id="ask"):
                filters = _chat_tab(workspace, answers)
            with gr.Tab("Library", id="library"):
                lib = _library_tab(workspace)
            with gr.Tab("Inspection history", id="history"):
                hist = _history_tab()
        outputs = [
            lib["table"], filters["documents"], filters["kinds"], lib["chosen"],
            hist["table"], hist["chart"], status,
        ]  # fmt: skip
        refresh = _refresh(workspace)
        demo.load(refresh, None, outputs, api_name="library")
        for event in lib["events"]:
            event.then(refresh, None, outputs, api_visibility="private")
    return demo


def _auth(settings: Settings):
    """A sign-in check when the users file lists anyone; None (no sign-in) otherwise. The file
    is read at each sign-in, so `evidence users add` takes effect without a restart."""
    path = settings.users_path
    if not load_users(path):
        return None
    return lambda name, password: verify(load_users(path), name, password)


def start(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int | None = None,
    block: bool = True,
    quiet: bool = False,
    workspace: Workspace | None = None,
) -> tuple[gr.Blocks, Workspace]:
    """Build the app over `settings` and serve it; with block=False return once it is up."""
    workspace = workspace or Workspace(settings)
    workspace.warm_up()
    auth = _auth(settings)
    demo = build_app(workspace, signed_in=auth is not None)
    demo.queue(default_concurrency_limit=settings.concurrency)
    demo.launch(
        server_name=host,
        server_port=port,
        prevent_thread_lock=not block,
        quiet=quiet,
        auth=auth,
        auth_message="Sign in with the name and password your administrator gave you.",
        max_file_size=f"{settings.max_upload_mb}mb",
        theme=gr.themes.Soft(),
        css=(STATIC / "app.css").read_text(encoding="utf-8"),
        js=(STATIC / "app.js").read_text(encoding="utf-8"),
        footer_links=["api", "settings"],
        run_history=False,  # answers stay on the server, not in the browser's storage
        ssr_mode=False,
        pwa=False,
        mcp_server=False,
        show_error=False,
    )
    return demo, workspace


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings()
    host = os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")
    port = int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
    start(settings, host, port)


if __name__ == "__main__":
    main()
