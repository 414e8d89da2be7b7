"""A conversation written out as a briefing note, in Markdown and in Word (python-docx).

Each answer is followed by its numbered references written out in full (quote, title, kind,
date, paragraph as printed, page, source file), so the note stands on its own once it leaves
the app.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from assistant.references import full_reference
from assistant.types import Answer

TITLE = "Briefing note"
NO_REFERENCES = "No references: the documents do not answer this question."


def _prepared(now: datetime | None) -> str:
    moment = now or datetime.now()
    return f"Prepared {moment.day} {moment:%B %Y at %H:%M} with the inspection evidence assistant."


def references(answer: Answer) -> list[str]:
    """'[n] "quote" Title. Kind, date, para, page (file)' for each citation, in order."""
    return [
        f"[{c.n}] \u201c{c.quote.strip()}\u201d {full_reference(c.hit.document, c.hit.paragraph)}"
        for c in answer.citations
    ]


def _heading(answer: Answer, turn: int) -> str:
    return f"{turn}. {answer.question.strip()}"


def briefing_markdown(answers: Sequence[Answer], now: datetime | None = None) -> str:
    lines = [f"# {TITLE}", "", _prepared(now), ""]
    for turn, answer in enumerate(answers, start=1):
        lines += [f"## {_heading(answer, turn)}", ""]
        if answer.notice:
            lines += [f"> {answer.notice}", ""]
        lines += [answer.text.strip(), "", "**References**", ""]
        refs = references(answer) if not answer.abstained else []
        lines += [f"- {ref}" for ref in refs] or [NO_REFERENCES]
        lines.append("")
    return "\n".join(lines)


def write_briefing_docx(answers: Sequence[Answer], path: Path, now: datetime | None = None):
    from docx import Document as WordDocument
    from docx.shared import Pt

    word = WordDocument()
    word.core_properties.title = TITLE
    word.add_heading(TITLE, level=0)
    word.add_paragraph().add_run(_prepared(now)).italic = True
    for turn, answer in enumerate(answers, start=1):
        word.add_heading(_heading(answer, turn), level=1)
        if answer.notice:
            word.add_paragraph(answer.notice, style="Intense Quote")
        for block in answer.text.strip().split("\n\n"):
            word.add_paragraph(block)
        word.add_heading("References", level=2)
        refs = references(answer) if not answer.abstained else []
        for ref in refs or [NO_REFERENCES]:
            paragraph = word.add_paragraph(ref)
            paragraph.paragraph_format.space_after = Pt(4)
    word.save(str(path))
    return path


def write_briefing(
    answers: Sequence[Answer], folder: Path, now: datetime | None = None
) -> tuple[Path, Path]:
    """Both files in `folder`, named by the time they were made."""
    moment = now or datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"briefing-note-{moment:%Y%m%d-%H%M%S}"
    markdown = folder / f"{stem}.md"
    markdown.write_text(briefing_markdown(answers, moment), encoding="utf-8")
    docx = write_briefing_docx(answers, folder / f"{stem}.docx", moment)
    return markdown, docx
