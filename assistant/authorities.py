"""The names of the councils the papers are about, read from the papers themselves.

A question naming the council ("how was Harlow rated in 2016?", "summarise the Rotherham report")
names no topic: every paper is about that council. `grades` and `summary` list the words that
frame a request for grades or a summary, but cannot list the council's name: it is whichever
council the documents come from. It is read from the formal names the papers print: "Slough
Borough Council", "North Yorkshire County Council", "Royal Borough of Windsor and Maidenhead",
"London Borough of Tower Hamlets".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

_KIND = r"(?:Borough|County|City|District)"
# A capitalised word, "Stoke-on-Trent" too, but not the kind of council ("... Council and Essex
# County Council").
_WORD = rf"(?!(?:Council|{_KIND})\b)[A-Z][a-z]+(?:-(?:on|upon|under|le)-[A-Z][a-z]+)?"
# Up to four capitalised words on one line, which "and", "upon", "with", "&" may join: "Windsor
# and Maidenhead", "Kingston upon Thames", "Blackburn with Darwen", "Brighton & Hove".
_PLACE = rf"{_WORD}(?:[ \t]+(?:(?:and|upon|with|&)[ \t]+)?{_WORD}){{0,3}}"
_AUTHORITY = re.compile(
    rf"\b({_PLACE})[ \t]+(?:Metropolitan[ \t]+)?{_KIND}[ \t]+Council\b"
    rf"|\b(?:London|Royal)[ \t]+Borough[ \t]+of[ \t]+({_PLACE})"
    rf"|\bCity[ \t]+of[ \t]+({_PLACE})[ \t]+Council\b"
)
_LOWER = re.compile(r"\b[a-z][a-z-]+\b")


def authority_words(texts: Iterable[str]) -> set[str]:
    """The words of the councils' formal names the texts print ("Slough", "Borough", "Council"
    of "Slough Borough Council").

    A capitalised word before a council's name ("Inspection Report Slough Borough Council") is
    no part of the name when the texts also print it in lower case: a place name never is."""
    places, kinds = authority_names(texts)
    return places | kinds


def authority_names(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """`authority_words` as the place words ("Slough") and the kind words ("Borough",
    "Council"), which also name topics ("council housing")."""
    places: set[str] = set()
    kinds: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        lower.update(_LOWER.findall(text))
        for match in _AUTHORITY.finditer(text):
            place = next(group for group in match.groups() if group)
            places.update(re.findall(_WORD, place))
            kinds.update(match.group(0).replace(place, " ").split())
    return {word for word in places if word.lower() not in lower}, kinds


def councils_of_papers(papers: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """doc_id -> the council a paper is about: the place its formal names print most often
    ("Slough" of "Slough Borough Council"), or, for a paper that prints none (a news item), the
    place of another paper's council it names most often. Papers that name no council are left
    out. Capitalised words before a place that the papers also print in lower case are no part
    of it, as in `authority_words`."""
    lower = {word for texts in papers.values() for text in texts for word in _LOWER.findall(text)}
    formal: dict[str, Counter[str]] = {}
    for doc_id, texts in papers.items():
        counts = Counter(
            _place(next(group for group in match.groups() if group), lower)
            for text in texts
            for match in _AUTHORITY.finditer(text)
        )
        formal[doc_id] = +counts
    places = {place for counts in formal.values() for place in counts}
    councils: dict[str, str] = {}
    for doc_id, texts in papers.items():
        counts = formal[doc_id] or Counter(
            place for text in texts for place in places for _ in _named(place).finditer(text)
        )
        if counts:
            councils[doc_id] = counts.most_common(1)[0][0]
    return councils


def councils_named(question: str, councils: Iterable[str]) -> set[str]:
    """The councils of `councils` that the question names, in any case ("westshire's")."""
    return {place for place in councils if _named(place).search(question)}


def _place(name: str, lower: set[str]) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower() in lower:
        words.pop(0)
    return " ".join(words)


def _named(place: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(place)}\b", re.IGNORECASE)
