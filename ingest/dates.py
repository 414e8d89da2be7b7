"""Dates as councils and Ofsted print them: "16th March 2016", "WEDNESDAY, 16TH MARCH, 2016",
"19 November – 11 December 2013" (the first date borrows the year of the second), "17/02/2016"."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
# A month as printed, full or abbreviated, longest first (for use inside other patterns).
MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|\s*,\s*)({MONTH})\b\.?(?:,?\s*(\d{{4}}))?", re.I
)
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def month_number(name: str) -> int:
    """1 for "January" or "jan", ..., 12 for "Dec" (KeyError for anything else)."""
    return _MONTHS[name.lower().rstrip(".")]


def find_dates(text: str) -> list[str]:
    """ISO dates in the order printed. A day and month with no year takes the next printed year
    (ranges like "19 November – 11 December 2013")."""
    text = re.sub(r"<[^>]+>", "", text)
    found: list[tuple[int, str]] = []
    pending: list[tuple[int, int, int]] = []
    for match in _DAY_MONTH_YEAR.finditer(text):
        day, month = int(match[1]), _MONTHS[match[2].lower()]
        if match[3]:
            year = int(match[3])
            for position, d, m in pending:
                _add(found, position, year, m, d)
            pending = []
            _add(found, match.start(), year, month, day)
        else:
            pending.append((match.start(), day, month))
    for match in _NUMERIC.finditer(text):
        _add(found, match.start(), int(match[3]), int(match[2]), int(match[1]))
    return [iso for _, iso in sorted(found)]


def _add(found: list[tuple[int, str]], position: int, year: int, month: int, day: int) -> None:
    try:
        found.append((position, date(year, month, day).isoformat()))
    except ValueError:
        pass  # 31 February and the like: not a date
