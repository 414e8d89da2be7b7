"""Every prompt template uses exactly its expected placeholders (and exists)."""

from __future__ import annotations

import string

import pytest

from prompts import PLACEHOLDERS, template


@pytest.mark.parametrize("name, expected", sorted(PLACEHOLDERS.items()))
def test_template_uses_exactly_its_placeholders(name, expected):
    text = template(name)
    used = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    assert used == set(expected), f"{name}: uses {sorted(used)}, expected {sorted(expected)}"


def test_every_template_file_is_listed():
    from importlib.resources import files

    on_disk = {p.name for p in files("prompts").iterdir() if p.name.endswith(".txt")}
    assert on_disk == set(PLACEHOLDERS)


def test_the_answer_prompt_formats():
    text = template("answer.txt").format(question="Q?", passages="[1] P")
    assert "Q?" in text and "[1] P" in text
