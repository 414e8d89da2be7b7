"""Turning results into what people read: JSON rows for scripts, rich tables for terminals."""

from __future__ import annotations

from assistant.types import Document, Hit, Judgement, Paragraph


def _document_fields(document: Document) -> dict:
    return {
        "doc_id": document.doc_id,
        "title": document.title,
        "kind": document.kind.value,
        "date": document.date,
        "source": document.source,
    }


def document_json(document: Document, paragraph_count: int, judgements: list[Judgement]) -> dict:
    return {
        **_document_fields(document),
        "pages": document.pages,
        "first_page": document.first_page,
        "last_page": document.last_page,
        "part_of": document.part_of,
        "paragraph_count": paragraph_count,
        "judgements": [
            {"area": j.area, "grade": j.grade, "paragraph_id": j.paragraph_id}
            for j in judgements
            if j.doc_id == document.doc_id
        ],
    }


def paragraph_json(paragraph: Paragraph) -> dict:
    return {
        "id": paragraph.id,
        "paragraph": paragraph.label or None,
        "locator": paragraph.locator,
        "page": paragraph.page,
        "last_page": paragraph.last_page,
        "section": paragraph.section_path,
        "style": paragraph.style,
        "text": paragraph.text,
        "duplicate_of": paragraph.canonical,
    }


def hit_fields(hit: Hit) -> dict:
    """The fields every result row shares: which paper, which paragraph, where, what it says."""
    paragraph = hit.paragraph
    return {
        **_document_fields(hit.document),
        "paragraph": paragraph.label or None,
        "locator": paragraph.locator,
        "page": paragraph.page,
        "section": paragraph.section_path,
        "text": paragraph.text,
    }


def _console():
    from rich.console import Console

    return Console()


def print_ingest_report(report) -> None:
    from rich.table import Table

    table = Table(title="Ingest", show_lines=False)
    for column in ("file", "result", "documents", "paragraphs", "pages"):
        table.add_column(column)
    for f in report.files:
        style = {"failed": "red", "unchanged": "dim"}.get(f.status, "")
        table.add_row(
            f.name, f.status, str(f.documents), str(f.paragraphs), str(f.pages), style=style
        )
    console = _console()
    console.print(table)
    for f in report.failed:
        console.print(f"[red]✗[/red] {f.message}", markup=True, highlight=False)
    if report.index is not None:
        i = report.index
        console.print(
            f"Index: {i.paragraphs} paragraphs ({i.added} added, {i.updated} updated, "
            f"{i.removed} removed) in {i.total_seconds:.1f} s"
        )


def print_documents(rows: list[dict]) -> None:
    from rich.table import Table

    table = Table(title="Documents")
    for column in ("doc_id", "title", "kind", "date", "pages", "paras"):
        table.add_column(column, overflow="fold")
    for row in rows:
        first, last = row["first_page"], row["last_page"]
        table.add_row(
            row["doc_id"],
            row["title"],
            row["kind"],
            row["date"] or "",
            f"{first}-{last}",
            str(row["paragraph_count"]),
        )
    _console().print(table)


def print_document(row: dict) -> None:
    console = _console()
    console.print(f"[bold]{row['title']}[/bold]", highlight=False)
    first, last = row["first_page"], row["last_page"]
    console.print(
        f"{row['kind']} · {row['date'] or 'undated'} · {row['source']} pp. {first}-{last}",
        highlight=False,
    )
    for j in row["judgements"]:
        console.print(f"  {j['area']}: {j['grade']}", highlight=False)
    for p in row["paragraphs"]:
        where = p["locator"] if not p["paragraph"] else f"para {p['paragraph']}, p. {p['page']}"
        console.print(f"\n[cyan]{where}[/cyan] [dim]{p['section']}[/dim]", highlight=False)
        console.print(p["text"], highlight=False, markup=False)
