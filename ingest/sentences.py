"""Sentence splitting with NLTK's trained English punkt model, the copy llama-index ships.

A regex splitter breaks "Mr. Jones", "e.g. the" and "para 5.3"; the trained model knows those
abbreviations. The model lives in llama_index/core/_static/nltk_cache and is found without
importing llama-index (which would also try to download missing data). NLTK_DATA must be unset
(`assistant.settings.apply_offline_environment`), or NLTK looks elsewhere first.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache, lru_cache
from pathlib import Path

# Bullets and headings of agenda packs often end without a full stop but run on with a line
# break; a break followed by a capital is a sentence boundary punkt cannot see in joined text.
_LINE_BREAK = re.compile(r"\n+(?=[A-Z•\-–(])")


@cache
def _tokenizer():
    import nltk
    from nltk.tokenize import PunktTokenizer

    spec = importlib.util.find_spec("llama_index.core")
    if spec and spec.submodule_search_locations:
        bundled = Path(next(iter(spec.submodule_search_locations))) / "_static" / "nltk_cache"
        if str(bundled) not in nltk.data.path:
            nltk.data.path.append(str(bundled))
    return PunktTokenizer("english")


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, verbatim (whitespace inside a sentence is collapsed)."""
    sentences: list[str] = []
    for block in _LINE_BREAK.split(text.strip()):
        block = " ".join(block.split())
        if block:
            sentences.extend(s.strip() for s in _tokenizer().tokenize(block) if s.strip())
    return sentences


def warm_up() -> None:
    """Load the punkt model now (about 2 s), so the first answer does not pay for it."""
    _tokenizer()


_LABEL_ALONE = re.compile(r"^\(?[0-9]{1,3}(?:\.[0-9]{1,3}){0,2}[a-z]?[.)]?$")
_LEADING_LABEL = re.compile(r"^\(?[0-9]{1,3}(?:\.[0-9]{1,3}){0,2}[.)]?\s+(?=\S)")


def strip_label(sentence: str, label: str) -> str:
    """'5.1 Ofsted reviewed ...' -> 'Ofsted reviewed ...': the citation carries the number."""
    if label and sentence.startswith(label):
        return _LEADING_LABEL.sub("", sentence, count=1) or sentence
    return sentence


def paragraph_sentences(text: str, label: str = "") -> list[str]:
    """The sentences of a paragraph as answers quote them and the index embeds them: the
    printed number taken off the first."""
    return list(_paragraph_sentences(text, label))


@lru_cache(maxsize=8192)  # answering splits the same retrieved paragraphs again and again
def _paragraph_sentences(text: str, label: str) -> tuple[str, ...]:
    sentences = split_sentences(text)
    if sentences and label and _LABEL_ALONE.match(sentences[0]):
        sentences = sentences[1:]  # punkt takes "117." for a sentence of its own
    if sentences:
        sentences[0] = strip_label(sentences[0], label)
    return tuple(sentences)
