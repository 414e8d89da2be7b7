"""List item numbers as a reader sees them printed, shared by the Word, HTML and Markdown readers.

Word, HTML and Markdown all generate list numbers at display time, so the number is not in the
item's text. Readers rebuild it and put it in front of the text, where `ingest.numbering` finds it
exactly as it finds a number printed in a PDF.
"""

from __future__ import annotations

from ingest.blocks import Style

_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def format_number(n: int, fmt: str) -> str:
    """`n` in a list format, named as Word names them (decimal, decimalZero, lowerLetter,
    upperLetter, lowerRoman, upperRoman). Anything else prints as decimal."""
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        # Word goes a..z, then aa..zz (the letter repeated), not base 26
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        roman = _roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    digits = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        digits.append(numeral * count)
    return "".join(digits)


def item_style(prefix: str, level: int) -> Style:
    """The style of a list item printed with `prefix`.

    A top-level item numbered "5." or "5.1" is a numbered paragraph: it is BODY, so
    `ingest.numbering` takes its number as the paragraph's label (it ignores a plain number on a
    bullet, which in running lists is usually a count). Lettered, roman and nested items are
    BULLETs that belong to the numbered paragraph above them, as in a printed report.
    """
    if level == 0 and prefix[:1].isdigit():
        return Style.BODY
    return Style.BULLET


def prefixed(prefix: str, text: str) -> str:
    return f"{prefix} {text}" if prefix and text else text or prefix
