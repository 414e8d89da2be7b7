"""The catalogue: files, documents, paragraphs and judgements in SQLite in the data folder.

It is the source of truth. The vector and keyword indexes are derived from it and reconciled with
it, so a crash between writing here and indexing never leaves an answer pointing at a paragraph
that is not in the catalogue. Each file is replaced in one transaction: a failed file leaves
nothing partial.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from assistant.types import Document, Judgement, Kind, Paragraph

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    pages INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    reader TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    date TEXT,
    source TEXT NOT NULL,
    first_page INTEGER NOT NULL,
    last_page INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    part_of TEXT
);
CREATE TABLE IF NOT EXISTS paragraphs (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    label TEXT NOT NULL,
    locator TEXT NOT NULL,
    page INTEGER NOT NULL,
    last_page INTEGER NOT NULL,
    section TEXT NOT NULL,
    text TEXT NOT NULL,
    style TEXT NOT NULL,
    canonical TEXT
);
CREATE INDEX IF NOT EXISTS paragraphs_doc ON paragraphs(doc_id, seq);
CREATE TABLE IF NOT EXISTS judgements (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    area TEXT NOT NULL,
    grade TEXT NOT NULL,
    paragraph_id TEXT
);
"""


@dataclass(frozen=True)
class FileRecord:
    path: str
    name: str
    sha256: str
    size: int
    pages: int
    ingested_at: str
    reader: str = ""  # the reader version that produced the file's paragraphs


class Catalogue:
    """A thin adapter over one SQLite file; open it with `Catalogue.open(path)`."""

    def __init__(self, connection: sqlite3.Connection):
        self._db = connection

    @classmethod
    def open(cls, path: Path) -> Catalogue:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=30, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.executescript(_SCHEMA)
        columns = {row[1] for row in db.execute("PRAGMA table_info(files)")}
        if "reader" not in columns:  # a catalogue written before files recorded their reader
            db.execute("ALTER TABLE files ADD COLUMN reader TEXT NOT NULL DEFAULT ''")
        return cls(db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._db:  # commits on success, rolls back on any exception
            yield self._db

    # Files ---------------------------------------------------------------------------------

    def files(self) -> list[FileRecord]:
        rows = self._db.execute(
            "SELECT path, name, sha256, size, pages, ingested_at, reader FROM files ORDER BY name"
        )
        return [FileRecord(*row) for row in rows]

    def file(self, path: str) -> FileRecord | None:
        row = self._db.execute(
            "SELECT path, name, sha256, size, pages, ingested_at, reader FROM files WHERE path = ?",
            (path,),
        ).fetchone()
        return FileRecord(*row) if row else None

    def replace_file(
        self,
        record: FileRecord,
        documents: Iterable[Document],
        paragraphs: Iterable[Paragraph],
        judgements: Iterable[Judgement] = (),
    ) -> None:
        """Store everything a file yielded, replacing what an earlier version of it yielded."""
        with self._transaction() as db:
            db.execute("DELETE FROM files WHERE path = ?", (record.path,))
            db.execute(
                "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record.path,
                    record.name,
                    record.sha256,
                    record.size,
                    record.pages,
                    record.ingested_at,
                    record.reader,
                ),
            )
            db.executemany(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        d.doc_id,
                        record.path,
                        i,
                        d.title,
                        d.kind.value,
                        d.date,
                        d.source,
                        d.first_page,
                        d.last_page,
                        d.sha256,
                        d.part_of,
                    )
                    for i, d in enumerate(documents)
                ],
            )
            db.executemany(
                "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        p.id,
                        p.doc_id,
                        p.seq,
                        p.label,
                        p.locator,
                        p.page,
                        p.last_page,
                        json.dumps(list(p.section)),
                        p.text,
                        p.style,
                        p.canonical,
                    )
                    for p in paragraphs
                ],
            )
            db.executemany(
                "INSERT INTO judgements VALUES (?, ?, ?, ?)",
                [(j.doc_id, j.area, j.grade, j.paragraph_id) for j in judgements],
            )

    def remove_file(self, path: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM files WHERE path = ?", (path,))

    def set_canonical(self, links: dict[str, str | None]) -> None:
        """Record which paragraph each near-duplicate points to (None clears a link)."""
        with self._transaction() as db:
            db.executemany(
                "UPDATE paragraphs SET canonical = ? WHERE id = ?",
                [(canonical, pid) for pid, canonical in links.items()],
            )

    # Documents -----------------------------------------------------------------------------

    _DOC_COLUMNS = "doc_id, title, kind, date, source, first_page, last_page, sha256, part_of"

    def documents(self) -> list[Document]:
        rows = self._db.execute(f"SELECT {self._DOC_COLUMNS} FROM documents ORDER BY source, ord")
        return [_document(row) for row in rows]

    def document(self, doc_id: str) -> Document | None:
        row = self._db.execute(
            f"SELECT {self._DOC_COLUMNS} FROM documents WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        return _document(row) if row else None

    def documents_of_file(self, path: str) -> list[Document]:
        rows = self._db.execute(
            f"SELECT {self._DOC_COLUMNS} FROM documents WHERE path = ? ORDER BY ord", (path,)
        )
        return [_document(row) for row in rows]

    # Paragraphs ----------------------------------------------------------------------------

    _PARA_COLUMNS = "doc_id, seq, label, locator, page, last_page, section, text, style, canonical"

    def paragraphs(self, doc_id: str | None = None) -> list[Paragraph]:
        if doc_id is None:
            rows = self._db.execute(
                f"SELECT {self._PARA_COLUMNS} FROM paragraphs ORDER BY doc_id, seq"
            )
        else:
            rows = self._db.execute(
                f"SELECT {self._PARA_COLUMNS} FROM paragraphs WHERE doc_id = ? ORDER BY seq",
                (doc_id,),
            )
        return [_paragraph(row) for row in rows]

    def paragraphs_by_id(self, ids: Iterable[str]) -> dict[str, Paragraph]:
        ids = list(ids)
        found: dict[str, Paragraph] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT {self._PARA_COLUMNS} FROM paragraphs WHERE id IN ({marks})", chunk
            )
            for row in rows:
                paragraph = _paragraph(row)
                found[paragraph.id] = paragraph
        return found

    def paragraph_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT id FROM paragraphs")}

    def paragraph_counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT doc_id, count(*) FROM paragraphs GROUP BY doc_id")
        return dict(rows.fetchall())

    # Judgements ----------------------------------------------------------------------------

    def judgements(self, doc_id: str | None = None) -> list[Judgement]:
        query = "SELECT doc_id, area, grade, paragraph_id FROM judgements"
        rows = (
            self._db.execute(query + " WHERE doc_id = ? ORDER BY rowid", (doc_id,))
            if doc_id
            else self._db.execute(query + " ORDER BY rowid")
        )
        return [Judgement(*row) for row in rows]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _document(row: tuple) -> Document:
    doc_id, title, kind, date, source, first, last, sha, part_of = row
    return Document(doc_id, title, Kind(kind), date, source, first, last, sha, part_of)


def _paragraph(row: tuple) -> Paragraph:
    doc_id, seq, label, locator, page, last_page, section, text, style, canonical = row
    return Paragraph(
        doc_id,
        seq,
        label,
        locator,
        page,
        last_page,
        tuple(json.loads(section)),
        text,
        style,
        canonical,
    )
