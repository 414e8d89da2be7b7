"""Acronyms learned from the papers themselves, used to expand queries.

Council and Ofsted papers define an acronym once ("multi-agency safeguarding hub (MASH)") and then
use it bare; a user may type either form. At index time every "long form (ACRONYM)" whose words'
initials spell the acronym is harvested; at query time an acronym in the query gets its long form
appended, which helps BM25 (both spellings match) and the embedding model (which does not know
local acronyms).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.sector_acronyms import EVERYDAY_WORDS, SECTOR_ACRONYMS

# Words a long form may skip without a letter in the acronym ("Department for Education (DfE)"
# uses the f of "for"; "not in education, employment or training (NEET)" skips "in" and "or").
_SKIPPABLE = {"and", "of", "the", "for", "in", "on", "or", "to", "a", "an", "&", "with", "at"}
_DEFINITION = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*|&")
_LOOKBACK_WORDS = 12
COMMON_MIN = 5  # paragraphs
COMMON_SHARE = 0.005
# A long-form word in at most this share of the paragraphs is distinctive: "hub" of MASH is,
# "board" of LSCB is not (measured on the sample: 5 and 74 of 818 paragraphs).
DISTINCTIVE_SHARE = 0.02


def _acronym_letters(acronym: str) -> str | None:
    """The letters a long form must supply: "IROs" -> "iro"; None if it is not an acronym."""
    core = acronym[:-1] if len(acronym) > 2 and acronym.endswith("s") else acronym
    if sum(ch.isupper() for ch in core) < 2 or not core[0].isupper():
        return None
    return core.replace("&", "").lower()


def _initials(word: str) -> list[str]:
    """A word's possible contributions: "multi-agency" gives "ma" or "m"."""
    parts = [part for part in word.split("-") if part]
    options = [parts[0][0].lower()]
    if len(parts) > 1:
        options.insert(0, "".join(part[0].lower() for part in parts))
    return options


def _match_start(letters: str, words: list[str]) -> int | None:
    """Index in `words` where a long form ending at the last word spells `letters`, or None.

    Matching runs backwards from the word before the parenthesis; skippable words may be used
    or passed over, so the shortest span that spells the acronym exactly wins.
    """

    def walk(remaining: str, end: int) -> int | None:
        if not remaining:  # a long form never starts with "and" or "the"
            return end if words[end].lower() not in _SKIPPABLE else None
        if end == 0:
            return None
        word = words[end - 1]
        for option in _initials(word):
            if remaining.endswith(option):
                start = walk(remaining[: -len(option)], end - 1)
                if start is not None:
                    return start
        if word.lower() in _SKIPPABLE and remaining != letters:
            return walk(remaining, end - 1)
        return None

    return walk(letters, len(words))


def extract_acronyms(text: str) -> list[tuple[str, str]]:
    """Every (acronym, long form) defined in `text` as "long form (ACRONYM)"."""
    found: list[tuple[str, str]] = []
    for match in _DEFINITION.finditer(text):
        acronym = match.group(1)
        letters = _acronym_letters(acronym)
        if letters is None:
            continue
        before = _WORD.findall(text[max(0, match.start() - 200) : match.start()])
        words = before[-_LOOKBACK_WORDS:]
        start = _match_start(letters, words)
        if start is None:
            continue
        key = acronym[:-1] if letters != acronym.lower() and acronym.endswith("s") else acronym
        found.append((key, " ".join(words[start:])))
    return found


@dataclass
class Glossary:
    """Acronym -> long form. `lowercase_ok` holds acronyms that are safe to recognise when typed
    in lower case ("cse"): their lower-case form is never an ordinary word in the corpus."""

    terms: dict[str, str] = field(default_factory=dict)
    lowercase_ok: set[str] = field(default_factory=set)
    common: set[str] = field(default_factory=set)  # used so often that BM25 matches them as-is

    @classmethod
    def harvest(cls, texts: Iterable[str]) -> Glossary:
        texts = list(texts)
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        lower_words: set[str] = set()
        for text in texts:
            for acronym, long_form in extract_acronyms(text):
                forms[acronym][long_form.lower()] += 1
            lower_words.update(re.findall(r"\b[a-z]{2,10}\b", text))
        terms = {acronym: counts.most_common(1)[0][0] for acronym, counts in forms.items()}
        # the sector's acronyms too ("peps", "uasc"), typed in lower case as often as not
        own = {acronym.lower() for acronym in terms}
        sector = SECTOR_ACRONYMS.keys() - EVERYDAY_WORDS
        known = terms.keys() | {a for a in sector if a.lower() not in own}
        safe = {acronym for acronym in known if acronym.lower() not in lower_words}
        return cls(terms, safe, _common(terms, texts))

    def lookup(self, token: str) -> str | None:
        """The long form of `token` ("IROs" finds IRO), or None: the papers' own, else the
        sector's (`SECTOR_ACRONYMS`)."""
        lowered = {acronym.lower(): acronym for acronym in self.lowercase_ok}
        candidates = (token, token[:-1] if token.endswith("s") else "")
        for candidate in candidates:
            if candidate in self.terms:
                return self.terms[candidate]
            if len(candidate) >= 3 and candidate.islower() and candidate in lowered:
                acronym = lowered[candidate]
                return self.terms.get(acronym) or SECTOR_ACRONYMS[acronym]
        return next((SECTOR_ACRONYMS[c] for c in candidates if c in SECTOR_ACRONYMS), None)

    def expand(self, query: str) -> str:
        """The query with each known acronym's long form added once: "FGM cases" ->
        "FGM (female genital mutilation) cases". Long forms already present are not repeated,
        and common acronyms are left alone: the papers use them as they are, and their long
        forms ("local safeguarding children board") add only words that are everywhere (measured:
        expanding those lowered recall on ../shared/eval/dev.jsonl)."""
        lowered = query.lower()
        added: list[str] = []
        common = {self.terms[a] for a in self.common if a in self.terms}

        def replace(match: re.Match[str]) -> str:
            long_form = self.lookup(match.group(0))
            if long_form is None or long_form in common:
                return match.group(0)
            if long_form in lowered or long_form in added:
                return match.group(0)
            added.append(long_form)
            return f"{match.group(0)} ({long_form})"

        return re.sub(r"\b[A-Za-z][A-Za-z&]{1,9}\b", replace, query)

    def save(self, path: Path) -> None:
        data = {
            "terms": self.terms,
            "lowercase_ok": sorted(self.lowercase_ok),
            "common": sorted(self.common),
        }
        path.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Glossary:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(dict(data["terms"]), set(data["lowercase_ok"]), set(data.get("common", ())))


def _common(terms: dict[str, str], texts: list[str]) -> set[str]:
    """Acronyms found in more than COMMON_SHARE of the paragraphs (and at least COMMON_MIN)
    whose long forms add no distinctive word. Expanding LSCB adds only words that are
    everywhere ("local", "children", "board"); expanding MASH adds "hub", which finds "the
    multi-agency safeguarding hub is significantly underdeveloped", a paragraph without MASH."""
    if not terms:
        return set()
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, terms)) + r")s?\b")
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(pattern.findall(text)))
    limit = max(COMMON_MIN, COMMON_SHARE * len(texts))
    frequent = {acronym for acronym, n in counts.items() if n > limit}
    long_words = {acronym: _long_form_words(terms[acronym]) for acronym in frequent}
    wanted = set().union(*long_words.values())
    word_counts: Counter[str] = Counter()
    for text in texts:
        word_counts.update(wanted.intersection(re.findall(r"[a-z]+", text.lower())))
    distinctive = DISTINCTIVE_SHARE * len(texts)
    return {
        acronym
        for acronym, words in long_words.items()
        if not any(word_counts[word] <= distinctive for word in words)
    }


def _long_form_words(long_form: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]+", long_form.lower()) if len(word) > 2}
