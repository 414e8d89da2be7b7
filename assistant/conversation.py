"""Follow-up questions, resolved against the earlier turns of a conversation.

Three kinds are recognised from their wording:

- a question about the last answer's sources ("which paragraph was that?", "what page?") is
  answered from the last citations, without retrieval;
- a request for the exact words ("give me the exact quote") returns the last answer's quoted
  sentences verbatim, each with its full reference;
- an elliptical question ("and in 2013?", "what about care leavers?", "did it improve?") is
  rewritten into a standalone one using the previous question, and then answered as usual.

History is the earlier `Answer`s, oldest first (the app keeps them; the CLI has none).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.intent import YEAR
from assistant.references import full_reference
from assistant.types import Answer

_WHERE = re.compile(
    r"\b(?:which|what) (?:paragraph|para|page|section|document|report|paper|source)s?\b|"
    r"\bwhere (?:is|was|does|did) (?:that|this|it)\b|\b(?:source|reference|citation)s?\??$",
    re.IGNORECASE,
)
_EXACT = re.compile(
    r"\b(?:exact|verbatim|actual|precise|full) (?:quote|quotation|words?|wording|text)\b|"
    r"\bquote (?:it|that|this|them)\b|^\s*(?:the )?quote\??\s*$|\bword for word\b",
    re.IGNORECASE,
)
_ELLIPSIS = re.compile(r"^\s*(?:and|but|what about|how about|same for|also)\b", re.IGNORECASE)
_REFERRING = re.compile(r"\b(?:it|that|this|they|them|those|these|there|then)\b", re.IGNORECASE)
_LEAD_WORDS = re.compile(r"^\s*(?:and|but|also|so)\s+|^\s*(?:what|how) about\s+", re.IGNORECASE)
SHORT = 9  # words: longer questions stand on their own


@dataclass(frozen=True)
class Resolution:
    """What to do with a question: answer `query` by retrieval, or reply from history."""

    query: str
    reply: str | None = None  # "where" or "quote": answered from `previous`
    previous: Answer | None = None


def resolve(question: str, history: Sequence[Answer] = ()) -> Resolution:
    previous = last_cited(history)
    words = question.split()
    if previous is not None and len(words) <= SHORT:
        if _EXACT.search(question):
            return Resolution(question, "quote", previous)
        if _WHERE.search(question):
            return Resolution(question, "where", previous)
    if not history or len(words) > SHORT:
        return Resolution(question)
    if _ELLIPSIS.match(question) or _REFERRING.search(question) or _only_years(question):
        before = standalone(history)
        return Resolution(rewrite(question, before))
    return Resolution(question)


def standalone(history: Sequence[Answer]) -> str:
    """The last question, itself resolved against the turns before it (follow-ups chain)."""
    if not history:
        return ""
    return resolve(history[-1].question, history[:-1]).query


def rewrite(follow_up: str, previous: str) -> str:
    """'and in 2013?' after 'CP plans in 2015?' -> 'CP plans in 2013?'; otherwise the follow-up
    joined to the question it follows."""
    new_years = YEAR.findall(follow_up)
    rest = _LEAD_WORDS.sub("", YEAR.sub("", follow_up)).strip(" ?.!,")
    rest = re.sub(r"^(?:in|for|from|during)\b\s*", "", rest, flags=re.IGNORECASE)
    if new_years and not rest:
        old_years = YEAR.findall(previous)
        if old_years:
            return YEAR.sub(new_years[0], previous, count=1)
        return f"{previous.rstrip(' ?')} in {' and '.join(new_years)}?"
    return f"{follow_up.strip()} {previous}".strip()


def last_cited(history: Sequence[Answer]) -> Answer | None:
    for answer in reversed(history):
        if answer.citations and not answer.abstained:
            return answer
    return None


def _only_years(question: str) -> bool:
    """'2013?', 'and in 2013?', 'what about 2011?'"""
    if not YEAR.search(question):
        return False
    rest = re.sub(_FILLER, "", YEAR.sub("", question), flags=re.IGNORECASE)
    return not rest.strip(" ?.!,")


_FILLER = r"\b(?:and|but|in|for|from|during|what|how|about|then)\b"


def reply_from_history(resolution: Resolution) -> str:
    """The text of a "where" or "quote" reply (markers refer to the previous citations)."""
    previous = resolution.previous
    assert previous is not None and resolution.reply is not None
    lines = []
    for citation in previous.citations:
        where = full_reference(citation.hit.document, citation.hit.paragraph)
        if resolution.reply == "quote":
            lines.append(f"“{citation.quote}” — {where} [{citation.n}]")
        else:
            lines.append(f"[{citation.n}] {where}")
    lead = "The exact words:" if resolution.reply == "quote" else "That answer cited:"
    return "\n".join([lead, *lines])
