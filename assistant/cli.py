"""The `evidence` command: everything the app does, for scripts and evaluation.

Each subcommand is a small handler; errors are shown as one line with an exit code (see
EXIT_CODES), never as a traceback. `--json` prints machine-readable output on stdout.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from assistant.errors import EvidenceError, IndexNotBuilt, InvalidInput, UnknownDocument
from assistant.settings import Settings, apply_offline_environment

EXIT_OK = 0
EXIT_ERROR = 1  # the command could not run (bad setting, index missing, unknown document)
EXIT_USAGE = 2  # argparse's own code for a malformed command line
EXIT_SOME_FILES_FAILED = 3  # ingest: the other files went in, these did not
EXIT_CODES = {
    EXIT_OK: "success",
    EXIT_ERROR: "the command failed; the message says why and what to do",
    EXIT_USAGE: "the command line was not understood",
    EXIT_SOME_FILES_FAILED: "ingest: some files could not be read (listed); the rest went in",
}

Handler = Callable[[argparse.Namespace, Settings], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="evidence",
        description="Ask questions of Ofsted reports and council papers; every answer cites "
        "the printed paragraph number.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        help="data folder (default: $EVIDENCE_DATA_DIR or ./data)",
    )
    _add_ingest(sub, common)
    _add_docs(sub, common)
    _add_show(sub, common)
    _add_search(sub, common)
    _add_bench(sub, common)
    _add_ask(sub, common)
    _add_eval(sub, common)
    _add_serve(sub, common)
    _add_users(sub, common)
    return parser


def _add_ingest(sub, common) -> None:
    p = sub.add_parser(
        "ingest",
        parents=[common],
        help="add or update files and folders (PDF, DOCX, HTML, Markdown, text)",
    )
    p.add_argument("paths", nargs="+", type=Path, help="files or folders")
    p.add_argument("--prune", action="store_true", help="remove files that no longer exist")
    p.add_argument("--no-index", action="store_true", help="catalogue only; skip embedding")
    p.add_argument("--json", action="store_true", help="print the per-file report as JSON")
    p.set_defaults(handler=run_ingest)


def _add_docs(sub, common) -> None:
    p = sub.add_parser("docs", parents=[common], help="list the documents")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_docs)


def _add_show(sub, common) -> None:
    p = sub.add_parser("show", parents=[common], help="one document with its paragraphs")
    p.add_argument("doc_id", help="a document id from `evidence docs`")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_show)


def _add_search(sub, common) -> None:
    from assistant.search_view import date_argument, kind_argument

    p = sub.add_parser("search", parents=[common], help="find the paragraphs that match a query")
    p.add_argument("query", help="words, a question, or a paragraph number ('para 49 of 2016')")
    p.add_argument("-k", type=int, default=10, help="paragraphs to show (default 10)")
    p.add_argument("--doc", action="append", metavar="DOC_ID", help="only this document")
    p.add_argument("--kind", action="append", type=kind_argument, help="only this kind")
    p.add_argument("--since", type=date_argument, help="only papers dated on or after")
    p.add_argument("--until", type=date_argument, help="only papers dated on or before")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_search)


def _add_bench(sub, common) -> None:
    p = sub.add_parser("bench", parents=[common], help="measure ingest, query speed, memory")
    p.add_argument("--docs", type=Path, default=Path("../shared/corpus/pdf"), help="papers")
    p.add_argument(
        "--questions", type=Path, default=Path("../shared/eval/dev.jsonl"), help="query file"
    )
    p.add_argument("--scale", type=int, metavar="N", help="also grow a corpus of N paragraphs")
    p.add_argument("--embed", action="store_true", help="with --scale, embed every copy")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_bench)


def _add_ask(sub, common) -> None:
    from assistant.search_view import date_argument, kind_argument

    p = sub.add_parser("ask", parents=[common], help="answer a question, citing paragraphs")
    p.add_argument("question", help="the question, or - to read JSON lines from stdin")
    p.add_argument("--doc", action="append", metavar="DOC_ID", help="only this document")
    p.add_argument("--kind", action="append", type=kind_argument, help="only this kind")
    p.add_argument("--since", type=date_argument, help="only papers dated on or after")
    p.add_argument("--until", type=date_argument, help="only papers dated on or before")
    p.add_argument("--json", action="store_true", help="print one JSON object per answer")
    p.set_defaults(handler=run_ask)


def _add_eval(sub, common) -> None:
    p = sub.add_parser("eval", parents=[common], help="score answers on a question file")
    p.add_argument("questions", type=Path, help="JSON lines as in ../shared/eval/dev.jsonl")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_eval)


def _add_serve(sub, common) -> None:
    p = sub.add_parser("serve", parents=[common], help="start the web app (chat, library, history)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.set_defaults(handler=run_serve)


def _add_users(sub, common) -> None:
    # --data-dir goes on each action (not on `users`), so it may follow the user name.
    p = sub.add_parser("users", help="manage who may sign in to the app")
    action = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = action.add_parser(
        "add", parents=[common], help="add a user or change their password (prompted)"
    )
    add.add_argument("name")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    remove = action.add_parser("remove", parents=[common], help="remove a user")
    remove.add_argument("name")
    action.add_parser("list", parents=[common], help="list the users")
    p.set_defaults(handler=run_users)


def main(argv: list[str] | None = None) -> int:
    apply_offline_environment()
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = Settings(**({"data_dir": args.data_dir} if args.data_dir else {}))
        return args.handler(args, settings)
    except EvidenceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted; run the same command again to finish", file=sys.stderr)
        return 130


# Handlers ----------------------------------------------------------------------------------


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.render import print_ingest_report
    from ingest.catalogue import Catalogue
    from ingest.pipeline import discover, ingest_paths

    files = discover(args.paths)
    with Catalogue.open(settings.catalogue_path) as catalogue:
        with _progress(len(files), "Reading", quiet=args.json) as advance:
            report = ingest_paths(
                args.paths, catalogue, prune=args.prune, on_file=lambda _: advance()
            )
        if not args.no_index:
            report.index = _sync(settings, catalogue, quiet=args.json)
    if args.json:
        print(json.dumps(_ingest_json(report), indent=2))
    else:
        print_ingest_report(report)
    return EXIT_SOME_FILES_FAILED if report.failed else EXIT_OK


def _sync(settings: Settings, catalogue, quiet: bool):
    from index.sync import sync_index

    with _progress(None, "Indexing", quiet=quiet) as advance:
        return sync_index(settings, catalogue, progress=lambda done, total: advance(done, total))


def _ingest_json(report) -> dict:
    from dataclasses import asdict

    return {
        "ok": report.ok,
        "files": [asdict(f) for f in report.files],
        "parse_seconds": round(report.parse_seconds, 3),
        "index": asdict(report.index) if report.index else None,
    }


def run_docs(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.render import document_json, print_documents

    with _open_catalogue(settings) as catalogue:
        documents = catalogue.documents()
        counts = catalogue.paragraph_counts()
        judgements = catalogue.judgements()
    rows = [document_json(d, counts.get(d.doc_id, 0), judgements) for d in documents]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        print_documents(rows)
    return EXIT_OK


def run_show(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.render import document_json, paragraph_json, print_document

    with _open_catalogue(settings) as catalogue:
        document = catalogue.document(args.doc_id)
        if document is None:
            raise UnknownDocument(args.doc_id)
        paragraphs = catalogue.paragraphs(document.doc_id)
        judgements = catalogue.judgements(document.doc_id)
    row = document_json(document, len(paragraphs), judgements)
    row["paragraphs"] = [paragraph_json(p) for p in paragraphs]
    if args.json:
        print(json.dumps(row, indent=2, ensure_ascii=False))
    else:
        print_document(row)
    return EXIT_OK


def run_search(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.search_view import print_hits, search_json
    from index.retriever import Retriever

    with _open_catalogue(settings) as catalogue:
        for doc_id in args.doc or ():
            if catalogue.document(doc_id) is None:
                raise UnknownDocument(doc_id)
        with Retriever(settings, catalogue) as retriever:
            hits = retriever.search(
                args.query, args.k, args.doc, args.kind, since=args.since, until=args.until
            )
    if args.json:
        print(json.dumps(search_json(args.query, hits), indent=2, ensure_ascii=False))
    else:
        print_hits(args.query, hits)
    return EXIT_OK


def run_bench(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.bench import print_bench, run_bench

    result = run_bench(settings, args.docs, args.questions, args.scale, args.embed)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_bench(result)
    return EXIT_OK


def run_ask(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.answer import Assistant, Scope
    from assistant.answer_view import answer_json, print_answer, read_questions

    scope = Scope(tuple(args.doc or ()), tuple(args.kind or ()), args.since, args.until)
    with Assistant.open(settings) as assistant:
        for doc_id in scope.doc_ids:
            if assistant.catalogue.document(doc_id) is None:
                raise UnknownDocument(doc_id)
        if args.question != "-":
            answer = assistant.ask(args.question, filters=scope)
            if args.json:
                print(json.dumps(answer_json(answer), ensure_ascii=False))
            else:
                print_answer(answer)
            return EXIT_OK
        try:
            for question_id, question in read_questions(sys.stdin):
                answer = assistant.ask(question, filters=scope)
                if args.json:
                    row = answer_json(answer, question_id)
                    print(json.dumps(row, ensure_ascii=False), flush=True)
                else:
                    print_answer(answer)
        except ValueError as exc:
            raise InvalidInput(f"stdin: {exc}") from exc
    return EXIT_OK


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.answer import Assistant
    from assistant.answer_view import print_scores
    from assistant.evaluation import evaluate, load_questions

    if not args.questions.is_file():
        raise InvalidInput(f"{args.questions}: no such question file")
    questions = load_questions(args.questions)
    with Assistant.open(settings) as assistant:
        scores, rows = evaluate(assistant, questions)
    if args.json:
        print(json.dumps({"scores": scores, "questions": rows}, indent=2, ensure_ascii=False))
    else:
        print_scores(scores, rows)
    return EXIT_OK


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    import app

    app.start(settings, args.host, args.port)
    return EXIT_OK


def run_users(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import users

    path = settings.users_path
    if args.action == "list":
        for name in sorted(users.load_users(path)):
            print(name)
        return EXIT_OK
    if args.action == "remove":
        users.remove_user(path, args.name)
        print(f"removed {args.name} from {path}")
        return EXIT_OK
    password = _read_password(args.password_stdin)
    new = users.add_user(path, args.name, password)
    print(f"{'added' if new else 'changed the password of'} {args.name} in {path}")
    return EXIT_OK


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    from assistant.users import UsersFileError

    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat it: ") != first:
        raise UsersFileError("the two passwords differ; nothing was changed")
    return first


# Helpers -----------------------------------------------------------------------------------


def _open_catalogue(settings: Settings):
    from ingest.catalogue import Catalogue

    if not settings.catalogue_path.exists():
        raise IndexNotBuilt(str(settings.data_dir))
    return Catalogue.open(settings.catalogue_path)


class _progress:
    """A progress bar on stderr (tqdm) unless quiet; yields `advance(done=None, total=None)`."""

    def __init__(self, total: int | None, label: str, quiet: bool):
        self.total, self.label, self.quiet = total, label, quiet

    def __enter__(self):
        if self.quiet:
            return lambda *a: None
        from tqdm import tqdm

        self.bar = tqdm(total=self.total, desc=self.label, unit="item", file=sys.stderr)

        def advance(done: int | None = None, total: int | None = None) -> None:
            if total is not None:
                self.bar.total = total
            if done is None:
                self.bar.update(1)
            else:
                self.bar.n = done
                self.bar.refresh()

        return advance

    def __exit__(self, *exc):
        if not self.quiet:
            self.bar.close()


if __name__ == "__main__":
    sys.exit(main())
