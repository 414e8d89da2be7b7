"""Answers written by a language model, held to the same citation rules as extractive ones.

The model sees the best paragraphs, numbered, and must end every sentence with a marker. After
generation the text is checked, not trusted: markers naming no passage are removed, a sentence
left with no valid marker is marked "[unsupported]", and so is a sentence whose quotation is not
found word for word in the passages it cites. Citations are renumbered in order of appearance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.citing import citation_groups, citation_of
from assistant.errors import LLMUngrounded
from assistant.evaluation import normalise
from assistant.references import full_reference
from assistant.scoring import Scored
from assistant.types import Answer, Citation, Hit
from ingest.sentences import paragraph_sentences, split_sentences
from prompts import template

CONTEXT_PARAGRAPHS = 8  # paragraphs shown to the model: enough for a synthesis, short enough
NOT_FOUND = "NOT IN DOCUMENTS"
UNSUPPORTED = "[unsupported]"
_MARKERS = re.compile(r"\s*((?:\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)")
_NUMBER = re.compile(r"\d+")
_QUOTED = re.compile(r"[“\"‘]([^”\"’]{4,})[”\"’]")  # double or curly quotes; apostrophes are not


def context(scored: Sequence[Scored], limit: int = CONTEXT_PARAGRAPHS) -> list[Hit]:
    """The best distinct paragraphs by their best sentence, one copy of each near-duplicate."""
    chosen: list[Hit] = []
    seen: set[str] = set()
    for sentence in scored:
        paragraph = sentence.hit.paragraph
        key = paragraph.canonical or paragraph.id
        if key not in seen:
            seen.add(key)
            chosen.append(sentence.hit)
        if len(chosen) == limit:
            break
    return chosen


def prompt_for(question: str, passages: Sequence[Hit]) -> tuple[str, str]:
    blocks = [
        f"[{i}] {full_reference(h.document, h.paragraph)}\n{h.paragraph.text}"
        for i, h in enumerate(passages, start=1)
    ]
    answer = template("answer.txt").format(question=question, passages="\n\n".join(blocks))
    return template("system.txt"), answer


def generate(
    model, question: str, extractive: Answer, scored: Sequence[Scored]
) -> Iterator[str | Answer]:
    """Yield the model's text deltas, then the checked Answer. Raises LLMUnavailable when the
    endpoint fails, and LLMUngrounded when not one sentence of the reply cites a passage: an
    answer that is all "[unsupported]" tells a reader nothing they can quote."""
    passages = context(scored)
    system, prompt = prompt_for(question, passages)
    parts: list[str] = []
    for delta in model.stream(system, prompt):
        parts.append(delta)
        yield delta
    raw = "".join(parts).strip()
    if not raw or raw.upper().startswith(NOT_FOUND):
        yield Answer(question, extractive.text, extractive.citations, extractive.hits, True)
        return
    text, citations = ground(raw, passages)
    if not citations:
        raise LLMUngrounded(model.model)
    yield Answer(question, text, citations, extractive.hits, False)


def ground(raw: str, passages: Sequence[Hit]) -> tuple[str, tuple[Citation, ...]]:
    """Check and renumber the markers of generated text (see the module docstring)."""
    numbering: dict[int, int] = {}  # passage number -> citation number
    used: dict[int, list[str]] = {}  # passage number -> answer sentences citing it
    lines = []
    for line in raw.splitlines():
        sentences = [
            _checked(s, passages, numbering, used) for s in split_sentences(line) if s.strip()
        ]
        lines.append(" ".join(sentences))
    # passages that are one place on the page (rows of one table...) are one citation, as in
    # an extractive answer: renumber the markers by group
    cited = [p for p, _ in sorted(numbering.items(), key=lambda item: item[1])]
    key = citation_groups([passages[p - 1] for p in cited])
    grouped: dict[str, list[int]] = {}
    for p in cited:
        grouped.setdefault(key[passages[p - 1].paragraph.id], []).append(p)
    numbered = list(enumerate(grouped.values(), start=1))
    citations = tuple(_citation(n, group, passages, used) for n, group in numbered)
    by_group = {numbering[p]: n for n, group in numbered for p in group}  # marker -> citation
    text = _MARKERS.sub(lambda m: _renumbered(m, by_group), "\n".join(lines).strip())
    return text, citations


def _renumbered(marker: re.Match, by_group: dict[int, int]) -> str:
    """A checked marker run ("[2][3]") in the numbers of the citations the markers fall in."""
    numbers = dict.fromkeys(by_group[int(n)] for n in _NUMBER.findall(marker[1]))
    return " " + "".join(f"[{n}]" for n in numbers)


def _citation(n: int, group: list[int], passages: Sequence[Hit], used) -> Citation:
    by_seq = sorted(group, key=lambda p: passages[p - 1].paragraph.seq)
    quote = "\n".join(dict.fromkeys(_quote(passages[p - 1], used[p]) for p in by_seq))
    return citation_of(n, [passages[p - 1] for p in group], quote)


def _checked(sentence: str, passages, numbering: dict[int, int], used) -> str:
    cited = [int(n) for group in _MARKERS.findall(sentence) for n in _NUMBER.findall(group)]
    valid = list(dict.fromkeys(n for n in cited if 1 <= n <= len(passages)))
    bare = _MARKERS.sub("", sentence).strip()
    if valid and not _quotes_hold(bare, [passages[n - 1] for n in valid]):
        valid = []
    if not valid:
        return f"{bare} {UNSUPPORTED}"
    for n in valid:
        numbering.setdefault(n, len(numbering) + 1)
        used.setdefault(n, []).append(bare)
    return bare + " " + "".join(f"[{numbering[n]}]" for n in valid)


def _quotes_hold(sentence: str, cited: Sequence[Hit]) -> bool:
    """Every quotation in the sentence appears word for word in one of the cited paragraphs."""
    texts = [normalise(h.paragraph.text) for h in cited]
    return all(
        any(normalise(q) in t for t in texts) for q in _QUOTED.findall(sentence) if q.strip()
    )


def _quote(hit: Hit, citing: Sequence[str]) -> str:
    """The paragraph's sentence that shares most words with the answer sentences citing it."""
    sentences = paragraph_sentences(hit.paragraph.text, hit.paragraph.label) or [hit.paragraph.text]
    words = set(normalise(" ".join(citing)).split())
    return max(sentences, key=lambda s: len(words & set(normalise(s).split())))
