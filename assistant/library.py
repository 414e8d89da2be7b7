"""The app's Library tab without the UI: list documents, add uploads, remove files, re-read all.

Every change runs under the workspace's write lock, then brings the indexes up to date, and
reports per file in plain words (the same `FileResult`s `evidence ingest` prints).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from assistant.errors import UnsupportedType
from assistant.references import display_date
from assistant.workspace import Workspace

Progress = Callable[[float, str], None]
STATUS_WORDS = {
    "added": "added",
    "updated": "replaced the earlier version",
    "unchanged": "already in the library (unchanged)",
    "removed": "removed",
    "failed": "not added",
}


def library_rows(catalogue) -> list[dict]:
    counts = catalogue.paragraph_counts()
    grades: dict[str, list[str]] = {}
    for j in catalogue.judgements():
        grades.setdefault(j.doc_id, []).append(f"{j.area}: {j.grade}")
    return [
        {
            "title": d.title,
            "kind": d.kind.value,
            "date": display_date(d.date),
            "pages": f"{d.first_page}-{d.last_page}" if d.pages > 1 else str(d.first_page),
            "paragraphs": counts.get(d.doc_id, 0),
            "source": d.source,
            "judgements": "; ".join(grades.get(d.doc_id, [])),
            "doc_id": d.doc_id,
        }
        for d in catalogue.documents()
    ]


def document_choices(catalogue) -> list[tuple[str, str]]:
    """(what the filter shows, doc_id) for every document, newest first."""
    documents = sorted(catalogue.documents(), key=lambda d: d.date or "", reverse=True)
    return [(f"{d.title} ({display_date(d.date)})", d.doc_id) for d in documents]


def file_choices(catalogue) -> list[tuple[str, str]]:
    """(file name and how many documents it holds, path) for the remove list."""
    choices = []
    for record in catalogue.files():
        n = len(catalogue.documents_of_file(record.path))
        choices.append((f"{record.name} ({n} document{'s' if n != 1 else ''})", record.path))
    return choices


def add_uploads(workspace: Workspace, uploads: Sequence[Path], progress: Progress) -> list:
    """Copy uploaded files into the data folder, ingest them, and index what is new."""
    from ingest.pipeline import SUPPORTED, FileResult, ingest_paths

    results: list[FileResult] = []
    limit = workspace.settings.max_upload_mb
    folder = workspace.settings.uploads_path
    with workspace.writer() as catalogue:
        for i, upload in enumerate(uploads):
            progress(0.6 * i / max(len(uploads), 1), f"Reading {upload.name}")
            size_mb = upload.stat().st_size / 1_048_576
            if upload.suffix.lower() not in SUPPORTED:
                error = UnsupportedType(upload.name, upload.suffix.lower())
                results.append(FileResult(str(upload), upload.name, "failed", message=str(error)))
                continue
            if size_mb > limit:
                message = (
                    f"{upload.name}: too large ({size_mb:.0f} MB; the limit is {limit} MB, "
                    "set by EVIDENCE_MAX_UPLOAD_MB)"
                )
                results.append(FileResult(str(upload), upload.name, "failed", message=message))
                continue
            _forget_same_name_elsewhere(catalogue, upload, folder)
            folder.mkdir(parents=True, exist_ok=True)
            stored = folder / upload.name
            shutil.copyfile(upload, stored)
            report = ingest_paths([stored], catalogue)
            results.extend(report.files)
            if catalogue.file(str(stored.resolve())) is None:
                stored.unlink(missing_ok=True)  # nothing of it went in: keep no stray copy
        _index(workspace, catalogue, results, progress)
    return results


def _forget_same_name_elsewhere(catalogue, upload: Path, folder: Path) -> None:
    """An upload named like a file already catalogued from elsewhere is a new version of it:
    the old one goes, or the two would claim the same document ids."""
    for record in catalogue.files():
        if record.name == upload.name and Path(record.path).parent != folder.resolve():
            catalogue.remove_file(record.path)


def remove_file(workspace: Workspace, path: str) -> str:
    from ingest.pipeline import relink_duplicates

    with workspace.writer() as catalogue:
        record = catalogue.file(path)
        if record is None:
            return "That file is no longer in the library."
        documents = catalogue.documents_of_file(path)
        catalogue.remove_file(path)
        relink_duplicates(catalogue)
        workspace.sync(catalogue)
    uploaded = Path(path).parent == workspace.settings.uploads_path.resolve()
    if uploaded:
        Path(path).unlink(missing_ok=True)
    return f"Removed {record.name} ({len(documents)} document{'s' if len(documents) != 1 else ''})."


def reingest_all(workspace: Workspace, progress: Progress) -> list:
    """Read every catalogued file again, even unchanged ones (after a software update that
    changes how paragraphs are read), and re-index."""
    from assistant.errors import EvidenceError
    from ingest.pipeline import FileResult, parse_file, relink_duplicates

    results: list[FileResult] = []
    with workspace.writer() as catalogue:
        records = catalogue.files()
        for i, record in enumerate(records):
            progress(0.6 * i / max(len(records), 1), f"Reading {record.name}")
            path = Path(record.path)
            if not path.exists():
                message = (
                    f"{record.name}: the file is no longer at {record.path}; put it back or "
                    "remove it from the library"
                )
                results.append(FileResult(record.path, record.name, "failed", message=message))
                continue
            try:
                parsed = parse_file(path)
            except EvidenceError as exc:
                results.append(FileResult(record.path, record.name, "failed", message=str(exc)))
                continue
            catalogue.replace_file(
                parsed.record, parsed.documents, parsed.paragraphs, parsed.judgements
            )
            results.append(
                FileResult(
                    record.path,
                    record.name,
                    "updated",
                    documents=len(parsed.documents),
                    paragraphs=len(parsed.paragraphs),
                    pages=parsed.record.pages,
                )
            )
        relink_duplicates(catalogue)
        _index(workspace, catalogue, results, progress, force=True)
    return results


def _index(workspace, catalogue, results, progress: Progress, force: bool = False) -> None:
    if not force and not any(r.status in ("added", "updated") for r in results):
        return

    def advance(done: int, total: int) -> None:
        progress(0.6 + 0.4 * done / max(total, 1), f"Indexing paragraphs ({done} of {total})")

    progress(0.6, "Indexing")
    workspace.sync(catalogue, advance)
    progress(1.0, "Done")


def result_rows(results: Sequence) -> list[list]:
    """Per-file results as table rows: file, result, documents, paragraphs, what to do."""
    return [
        [r.name, STATUS_WORDS.get(r.status, r.status), r.documents, r.paragraphs, r.message]
        for r in results
    ]


def example_questions(catalogue) -> list[str]:
    """Questions to offer on an empty chat, chosen from what the library holds."""
    kinds = {d.kind.value: d for d in catalogue.documents()}
    dated = sorted(
        (d for d in catalogue.documents() if d.kind.value == "Ofsted inspection" and d.date),
        key=lambda d: d.date,
    )
    questions = []
    if dated:
        questions.append(f"What was the overall judgement in the {dated[-1].date[:4]} inspection?")
        questions.append("What did inspectors say about care leavers?")
    if len(dated) > 1:
        questions.append("Did services improve between the inspections?")
    if "monitoring visit" in kinds or "news" in kinds:
        questions.append("What did the latest monitoring visit find?")
    if "minutes" in kinds:
        questions.append("What did the scrutiny panel ask officers to do?")
    questions.append("Which areas did Ofsted say need to improve?")
    return questions[:4]
