"""Files -> catalogue (-> index): what `evidence ingest` and the app's upload run.

Each file is parsed completely in memory and then written in one transaction, so a file that
fails leaves nothing behind and the others still go in. Unchanged files (same content hash, read
by the same READER) are skipped; changed ones are replaced; with `prune`, files that have vanished
from disk are removed.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import EmptyFile, EvidenceError, UnreadableFile, UnsupportedType
from assistant.types import Document, Judgement, Paragraph
from ingest.blocks import Block
from ingest.catalogue import Catalogue, FileRecord, now
from ingest.cleaning import clean_blocks, remove_page_furniture
from ingest.duplicates import link_duplicates
from ingest.judgements import extract_judgements
from ingest.numbering import attach_list_items, number_paragraphs
from ingest.structure import Part, split_parts

log = logging.getLogger(__name__)

# Bumped whenever reading, splitting or numbering changes what a file's paragraphs are, so that
# the next ingest reads every file again instead of keeping labels an older reader gave.
# 7: the line pitch is read where lines wrap (a letter of one-line paragraphs had run together),
# and a day of the month opening a line ("14 March 2017") is no paragraph number; 6: a bold
# label opening a line after a short one starts a paragraph; 5: plain headings rank
# below styled ones, and a run of them before a styled heading heads nothing; 4: body lines
# repeating a contents entry are headings; 3: cover fields
READER = "9"

SUPPORTED = (".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt")


@dataclass
class FileResult:
    path: str
    name: str
    status: str  # added, updated, unchanged, removed, failed
    documents: int = 0
    paragraphs: int = 0
    pages: int = 0
    message: str = ""
    seconds: float = 0.0


@dataclass
class IngestReport:
    files: list[FileResult] = field(default_factory=list)
    parse_seconds: float = 0.0
    index: object | None = None  # index.sync.SyncReport when indexing ran

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class Parsed:
    record: FileRecord
    documents: list[Document]
    paragraphs: list[Paragraph]
    judgements: list[Judgement]


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files named, and files of supported types inside folders named (recursively)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in SUPPORTED
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def parse_file(path: Path) -> Parsed:
    """Read, clean, split, number. Raises an UnreadableFile subclass for bad input."""
    if not path.exists():
        raise UnreadableFile(path.name, "no such file", "check the path")
    data = path.read_bytes()
    if not data:
        raise EmptyFile(path.name)
    sha = hashlib.sha256(data).hexdigest()
    pages, blocks, title = read_blocks(path)
    parts = split_parts(clean_blocks(blocks), title)
    if not parts:
        raise UnreadableFile(path.name, "no text found", "check that the file has content")
    record = FileRecord(str(path.resolve()), path.name, sha, len(data), pages, now(), READER)
    documents, paragraphs, judgements = _assemble(path, sha, parts)
    return Parsed(record, documents, paragraphs, judgements)


def read_blocks(path: Path) -> tuple[int, list[Block], str]:
    """(pages, blocks, title from the file's metadata) for any supported format."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from ingest.pdf import body_metrics, lines_to_blocks, read_pdf_lines

        pdf = read_pdf_lines(path)
        size, pitch = body_metrics(pdf.lines)
        lines = remove_page_furniture(pdf.lines, pdf.pages, pdf.page_height, size)
        return pdf.pages, lines_to_blocks(lines, size, pitch), pdf.title
    if suffix not in SUPPORTED:
        raise UnsupportedType(path.name, suffix)
    blocks = _other_readers()[suffix](path)
    return max((b.end_page for b in blocks), default=1), blocks, ""


def _other_readers() -> dict[str, Callable[[Path], list[Block]]]:
    from ingest.docx import read_docx
    from ingest.html import read_html
    from ingest.text import read_markdown, read_text

    return {
        ".docx": read_docx,
        ".html": read_html,
        ".htm": read_html,
        ".md": read_markdown,
        ".markdown": read_markdown,
        ".txt": read_text,
    }


def _assemble(
    path: Path, sha: str, parts: list[Part]
) -> tuple[list[Document], list[Paragraph], list[Judgement]]:
    stem = _slug(path.stem)
    documents, paragraphs, judgements = [], [], []
    for n, part in enumerate(parts, start=1):
        doc_id = stem if len(parts) == 1 else f"{stem}.{n:02d}-{_slug(part.kind.value)}"
        document = Document(
            doc_id=doc_id,
            title=part.title,
            kind=part.kind,
            date=part.date,
            source=path.name,
            first_page=part.first_page,
            last_page=part.last_page,
            sha256=sha,
            part_of=None if len(parts) == 1 else path.stem,
        )
        numbered = attach_list_items(number_paragraphs(doc_id, part.blocks))
        documents.append(document)
        paragraphs.extend(numbered)
        judgements.extend(extract_judgements(document, numbered))
    return documents, paragraphs, judgements


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "document"


def ingest_paths(
    paths: Iterable[Path],
    catalogue: Catalogue,
    prune: bool = False,
    on_file: Callable[[FileResult], None] | None = None,
) -> IngestReport:
    """Parse and store every file; one bad file never stops the rest."""
    report = IngestReport()
    files = discover(paths)
    for path in files:
        result = _ingest_one(path, catalogue)
        report.files.append(result)
        report.parse_seconds += result.seconds
        if on_file:
            on_file(result)
    if prune:
        wanted = {str(p.resolve()) for p in files}
        for record in catalogue.files():
            if record.path not in wanted and not Path(record.path).exists():
                catalogue.remove_file(record.path)
                report.files.append(FileResult(record.path, record.name, "removed"))
    if any(f.status in ("added", "updated", "removed") for f in report.files):
        relink_duplicates(catalogue)
    return report


def _ingest_one(path: Path, catalogue: Catalogue) -> FileResult:
    started = time.perf_counter()
    key = str(path.resolve())
    try:
        existing = catalogue.file(key)
        if existing and existing.sha256 == _sha256(path) and existing.reader == READER:
            return FileResult(key, path.name, "unchanged", pages=existing.pages)
        parsed = parse_file(path)
        catalogue.replace_file(
            parsed.record, parsed.documents, parsed.paragraphs, parsed.judgements
        )
        status = "updated" if existing else "added"
        return FileResult(
            key,
            path.name,
            status,
            documents=len(parsed.documents),
            paragraphs=len(parsed.paragraphs),
            pages=parsed.record.pages,
            seconds=time.perf_counter() - started,
        )
    except EvidenceError as exc:
        return FileResult(key, path.name, "failed", message=str(exc))
    except Exception as exc:  # a reader bug must not lose the other files
        log.exception("unexpected failure reading %s", path)
        return FileResult(
            key,
            path.name,
            "failed",
            message=f"{path.name}: could not be read ({type(exc).__name__}: {exc}); "
            "please report this file",
        )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def relink_duplicates(catalogue: Catalogue) -> None:
    paragraphs = catalogue.paragraphs()
    links = link_duplicates(paragraphs, catalogue.paragraph_counts())
    changed = {pid: canon for pid, canon in links.items() if canon is not None}
    current = {p.id: p.canonical for p in paragraphs}
    updates = {pid: canon for pid, canon in links.items() if current.get(pid) != canon}
    if updates:
        catalogue.set_canonical(updates)
    log.info("%d paragraphs linked to a canonical copy", len(changed))
