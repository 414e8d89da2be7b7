"""Prompt templates, kept as text files next to this module and read with importlib.resources.

Each template's placeholders are listed in `PLACEHOLDERS`; tests/test_prompts.py checks that every
template uses exactly those, so a renamed placeholder fails a test rather than a user's question.
"""

from __future__ import annotations

from importlib.resources import files

PLACEHOLDERS = {
    "system.txt": frozenset(),
    "answer.txt": frozenset({"question", "passages"}),
}


def template(name: str) -> str:
    """The text of `prompts/<name>`."""
    return files(__package__).joinpath(name).read_text(encoding="utf-8")
