"""'What is the LADO?': an acronym the papers define is answered first with their definition.

The glossary (`index.glossary`) learned every "long form (ACRONYM)" from the papers. A question
asking what an acronym is, means or stands for is led by a retrieved sentence that spells it out
that way, cited like any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.scoring import Scored

Lookup = Callable[[str], str | None]  # acronym -> long form (the glossary's `lookup`)
_ASKS = re.compile(
    r"^\s*(?:and\s+)?what(?:'s|\s+is|\s+are|\s+does|\s+do)\s+(?:an?\s+|the\s+)?"
    r"([A-Za-z][A-Za-z&]{1,9})\b(?:\s+(?:stand|stands)\s+for|\s+mean)?\s*(?:\?|$|,|\s+and\b)",
    re.IGNORECASE,
)


_WORD = re.compile(r"\b[A-Za-z][A-Za-z&]{1,9}\b")  # a word that may be an acronym


def spelled_out(text: str, lookup: Lookup | None) -> str:
    """`text` with each acronym the glossary knows (`lookup`) replaced by its long form: "the
    LSCB" -> "the local safeguarding children board", to compare with a heading or a title."""
    if lookup is None:
        return text
    return _WORD.sub(lambda m: lookup(m.group(0)) or m.group(0), text)


def asked_acronym(question: str, lookup: Lookup) -> tuple[str, str] | None:
    """(acronym, long form) when the question asks what an acronym the papers define is
    ("What is CSE?", "What does LADO stand for?", "what's the MASH and ..."); `lookup` is the
    glossary's."""
    match = _ASKS.match(question)
    if match is None:
        return None
    word = match.group(1)
    if word.islower() and len(word) < 3:
        return None
    long_form = lookup(word)
    return (word, long_form) if long_form else None


def defining(sentences: Sequence[Scored], acronym: str, long_form: str) -> Scored | None:
    """The best-scored sentence that spells the acronym out: "... child sexual exploitation
    (CSE) ..." (the long form as the glossary learned it, in any case)."""
    pattern = re.compile(
        rf"{re.escape(long_form)}\s*\(\s*{re.escape(acronym)}s?\s*\)", re.IGNORECASE
    )
    return next((s for s in sentences if pattern.search(s.text)), None)


def with_definition(
    question: str, chosen: list[Scored], eligible: Sequence[Scored], lookup: Lookup | None
) -> list[Scored]:
    """The chosen sentences led by the papers' own definition when the question asks what an
    acronym is (`lookup` is the glossary's; None when there is no index)."""
    asked = asked_acronym(question, lookup) if lookup else None
    found = defining(eligible, *asked) if asked else None
    if found is None:
        return chosen
    return [found] + [s for s in chosen if s is not found]
