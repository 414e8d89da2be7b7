"""Search filters, pushed down into both retrievers rather than applied to a short list.

One `Filters` value becomes a Chroma `where` clause for the dense side and a boolean mask over the
BM25 corpus for the keyword side, so a narrow filter still gets a full set of candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def date_number(iso: str | None) -> int:
    """`"2016-03-16"` -> 20160316; 0 for a missing or unparseable date (filters exclude it)."""
    if not iso:
        return 0
    match = _ISO_DATE.match(iso)
    if not match:
        return 0
    year, month, day = (int(part) for part in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return 0
    return year * 10000 + month * 100 + day


def parse_date_bound(value: str | None, *, name: str) -> int | None:
    """A `--since`/`--until` value as yyyymmdd; a bad value is the caller's error, said plainly."""
    if value is None or value == "":
        return None
    number = date_number(value)
    if not number:
        raise ValueError(f"{name} must be a date as YYYY-MM-DD, not '{value}'")
    return number


@dataclass(frozen=True)
class Filters:
    doc_ids: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    since: int | None = None  # yyyymmdd, inclusive
    until: int | None = None  # yyyymmdd, inclusive

    @classmethod
    def build(
        cls,
        doc_ids: Iterable[str] | None = None,
        kinds: Iterable[str] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Filters:
        return cls(
            doc_ids=tuple(doc_ids or ()),
            kinds=tuple(str(kind) for kind in kinds or ()),
            since=parse_date_bound(since, name="since"),
            until=parse_date_bound(until, name="until"),
        )

    @property
    def empty(self) -> bool:
        return not (self.doc_ids or self.kinds) and self.since is None and self.until is None

    def where(self) -> dict | None:
        """The Chroma `where` clause (None when there is nothing to filter)."""
        clauses: list[dict] = []
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        if self.kinds:
            clauses.append({"kind": {"$in": list(self.kinds)}})
        if self.since is not None:
            clauses.append({"date_int": {"$gte": self.since}})
        if self.until is not None:
            clauses.append({"date_int": {"$lte": self.until}})
        if self.until is not None and self.since is None:
            clauses.append({"date_int": {"$gt": 0}})  # undated papers have date_int 0
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def mask(
        self, doc_ids: Sequence[str], kinds: Sequence[str], dates: np.ndarray
    ) -> np.ndarray | None:
        """A 0/1 weight per corpus row (None when there is nothing to filter)."""
        if self.empty:
            return None
        keep = np.ones(len(doc_ids), dtype=bool)
        if self.doc_ids:
            keep &= np.isin(np.asarray(doc_ids, dtype=object), list(self.doc_ids))
        if self.kinds:
            keep &= np.isin(np.asarray(kinds, dtype=object), list(self.kinds))
        if self.since is not None:
            keep &= dates >= self.since
        if self.until is not None:
            keep &= (dates <= self.until) & (dates > 0)
        return keep.astype(np.float32)

    def admits(self, doc_id: str, kind: str, date_int: int) -> bool:
        """The same rule for one paragraph (used for exact paragraph-number matches)."""
        if self.doc_ids and doc_id not in self.doc_ids:
            return False
        if self.kinds and kind not in self.kinds:
            return False
        if self.since is not None and date_int < self.since:
            return False
        return not (self.until is not None and not 0 < date_int <= self.until)
