"""`evidence search`: its argument types, its JSON and its terminal output."""

from __future__ import annotations

import argparse

from assistant.render import hit_fields
from assistant.types import Hit, Kind


def kind_argument(text: str) -> str:
    """A document kind as typed: "minutes", "Ofsted inspection", "ofsted-inspection"."""
    wanted = text.strip().lower().replace("-", " ").replace("_", " ")
    for kind in Kind:
        if wanted in (kind.value.lower(), kind.name.lower().replace("_", " ")):
            return kind.value
    choices = ", ".join(f"'{kind.value}'" for kind in Kind)
    raise argparse.ArgumentTypeError(f"unknown kind '{text}'; choose from {choices}")


def date_argument(text: str) -> str:
    from index.filters import date_number

    if not date_number(text) or len(text) != 10:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date as YYYY-MM-DD")
    return text


def hit_json(hit: Hit) -> dict:
    return {**hit_fields(hit), "score": round(hit.score, 6), "rank": hit.rank}


def search_json(query: str, hits: list[Hit]) -> dict:
    return {"query": query, "hits": [hit_json(hit) for hit in hits]}


def print_hits(query: str, hits: list[Hit]) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console()
    if not hits:
        console.print(f"No paragraphs found for [bold]{escape(query)}[/bold].")
        return
    for hit in hits:
        paragraph, document = hit.paragraph, hit.document
        where = f"para {paragraph.label}" if paragraph.label else paragraph.locator
        date = f", {document.date}" if document.date else ""
        console.print(
            f"[bold]{hit.rank}.[/bold] [cyan]{escape(document.title)}[/cyan]{escape(date)} "
            f"- [bold]{escape(where)}[/bold], p. {paragraph.page}"
            f"  [dim]{escape(document.doc_id)} · {'+'.join(hit.via)}[/dim]"
        )
        if paragraph.section:
            console.print(f"   [dim]{escape(paragraph.section_path)}[/dim]")
        console.print(f"   {escape(_clip(paragraph.text))}\n")


def _clip(text: str, limit: int = 400) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"
