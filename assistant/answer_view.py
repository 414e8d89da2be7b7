"""`evidence ask` and `evidence eval`: their JSON and their terminal output.

The JSON of an answer is the contract scripts rely on (README, "Answers as JSON"): `id`,
`question`, `answer`, `abstained`, `notice`, `citations`, `passages`, `timings`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from assistant.references import full_reference
from assistant.render import hit_fields
from assistant.types import Answer, Hit


def _contract_fields(hit: Hit) -> dict:
    # The documented contract of `evidence ask --json` has no section; search's does.
    fields = hit_fields(hit)
    del fields["section"]
    return fields


def answer_json(answer: Answer, question_id=None) -> dict:
    return {
        "id": question_id,
        "question": answer.question,
        "answer": answer.text,
        "abstained": answer.abstained,
        "notice": answer.notice,
        "citations": [
            {"n": c.n, **_contract_fields(c.hit), "quote": c.quote} for c in answer.citations
        ],
        "passages": [
            {**_contract_fields(h), "score": round(h.score, 6), "rank": h.rank} for h in answer.hits
        ],
        "timings": answer.timings,
    }


def read_questions(stream: TextIO) -> Iterator[tuple[object, str]]:
    """(id, question) per line: a JSON object with `question` (and `id`), a JSON string, or a
    plain line of text (a file of questions, one per line, works as it is). Blank lines are
    skipped; a line that starts like JSON but is not, or JSON of another shape, raises
    ValueError naming its number."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        if line.lstrip()[:1] not in ("{", '"', "["):
            yield None, line.strip()
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {number} is not JSON ({exc.msg})") from exc
        if isinstance(data, str):
            yield None, data
        elif isinstance(data, dict) and isinstance(data.get("question"), str):
            yield data.get("id"), data["question"]
        else:
            raise ValueError(f'line {number} is neither a string nor {{"question": ...}}')


def print_answer(answer: Answer) -> None:
    """The answer, then its references written out in full."""
    from rich.console import Console
    from rich.markup import escape

    console = Console()
    if answer.notice:
        console.print(f"[yellow]{escape(answer.notice)}[/yellow]\n")
    console.print(escape(answer.text), highlight=False)
    if answer.citations:
        console.print("\n[bold]References[/bold]")
    for c in answer.citations:
        console.print(
            f"[{c.n}] {escape(full_reference(c.hit.document, c.hit.paragraph))}", markup=False
        )
    console.print(f"\n[dim]{answer.timings.get('total_ms', 0):.0f} ms[/dim]")


EVAL_ROWS = (
    ("evidence_recall@5", "evidence recall at 5", "share"),
    ("evidence_recall@20", "evidence recall at 20", "share"),
    ("citation_recall", "citation recall", "share"),
    ("citation_precision", "citation precision", "share"),
    ("paragraph_accuracy", "paragraph-number accuracy", "share"),
    ("must_mention_rate", "answers with the required terms", "share"),
    ("abstention_unanswerable", "abstention on unanswerable", "share"),
    ("false_abstention", "false abstention", "share"),
    ("latency_p50_ms", "latency p50", "ms"),
    ("latency_p95_ms", "latency p95", "ms"),
)


def print_scores(scores: dict, per_question: Iterable[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    detail = Table(title="Questions")
    for column in ("id", "kind", "abstained", "cited", "gold found", "terms", "ms"):
        detail.add_column(column)
    for row in per_question:
        detail.add_row(*(str(row[k]) for k in ("id", "kind", "abstained", "cited", "found")),
                       str(row["terms"]), f"{row['ms']:.0f}")  # fmt: skip
    table = Table(title=f"Evaluation ({scores['questions']} questions)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, label, unit in EVAL_ROWS:
        value = scores[key]
        table.add_row(label, f"{value:.0f} ms" if unit == "ms" else f"{100 * value:.1f}%")
    console = Console()
    console.print(detail)
    console.print(table)
