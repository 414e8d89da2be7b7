"""Bytes -> text for the text-based formats (plain text, Markdown, HTML)."""

from __future__ import annotations

import codecs

from assistant.errors import UnreadableFile

# Browsers decode a page labelled Latin-1 or ASCII as Windows-1252 (the WHATWG encoding standard);
# so do we, or curly quotes and dashes in such pages come out as control characters.
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}


def decode(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode by the declared charset if any, else UTF-8 (with or without a BOM), else
    Windows-1252. Raises UnreadableFile naming the file when none of them decodes cleanly
    (Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined)."""
    for encoding in _candidates(declared):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(
        name,
        "cannot decode the text (not UTF-8 or Windows-1252)",
        "save it as UTF-8 and ingest it again",
    )


def _candidates(declared: str | None) -> list[str]:
    candidates = ["utf-8-sig", "cp1252"]
    if declared:
        try:
            codec = codecs.lookup(declared.strip().strip("'\"")).name
        except LookupError:
            return candidates  # an unknown charset label: fall back as if none were declared
        codec = "cp1252" if codec in _AS_CP1252 else codec
        # utf-8-sig also accepts a BOM that a page labelled utf-8 often carries
        candidates.insert(0, "utf-8-sig" if codec == "utf-8" else codec)
    return candidates
