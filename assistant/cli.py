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

from assistant.errors import EvidenceError, IndexNotBuilt, UnknownDocument
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
