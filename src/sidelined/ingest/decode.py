"""Bytes to text: refuse binary content, detect the encoding, report bad bytes.

UTF-8 (with or without a byte-order mark) is taken as is; anything else goes
through charset-normalizer, and content it cannot read as text is refused.
"""

from __future__ import annotations

import unicodedata

from charset_normalizer import from_bytes

from sidelined.errors import BinaryInput, EmptyInput, EncodingInput

# Signatures of common non-text formats people leave in a folder of articles.
_BINARY_SIGNATURES = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x1f\x8b",
    b"BZh",
    b"\xd0\xcf\x11\xe0",
    b"\x7fELF",
    b"SQLite format 3",
)
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.01
_MIN_COHERENCE = 0.1
_MAX_ACCENTED_SHARE = 0.15
_MIN_LETTER_SHARE = 0.6
_WESTERN_CHARACTERS = frozenset(
    "áàâäãåçéèêëíìîïñóòôöõúùûüæøœßÁÀÂÄÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÆØŒ"
    "“”‘’–—…€£¥°ºª¿¡«»·§©®™\u00a0"
)


def looks_binary(data: bytes) -> bool:
    """True for content that is not text in any encoding (NUL bytes, file signatures)."""
    head = data[:_SNIFF_BYTES]
    if head.startswith(_BINARY_SIGNATURES):
        return True
    # UTF-16/32 text carries NUL bytes but announces itself with a byte-order mark.
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in head


def _control_share(text: str) -> float:
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return controls / len(sample)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode `data` read from `source` to text, or raise the InputError that says why not."""
    if not data.strip():
        raise EmptyInput(source, "empty file, no article text")
    if looks_binary(data):
        raise BinaryInput(source, "binary file, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = _decode_other(data, source, error)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise BinaryInput(source, "binary file, not an article")
    if not text.strip():
        raise EmptyInput(source, "empty file, no article text")
    return text


def _as_western_european(data: bytes) -> str | None:
    """The text as Windows-1252 when every non-ASCII character it gives is an ordinary letter or
    mark of Western European writing: the commonest legacy encoding of news pages, and one that
    charset-normalizer often mistakes for a Central European code page on short texts."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    accented = [ch for ch in text if ord(ch) > 127]
    # In real Western text accented letters are a small share, sitting inside ASCII words.
    if len(accented) > _MAX_ACCENTED_SHARE * len(text):
        return None
    return text if all(ch in _WESTERN_CHARACTERS for ch in accented) else None


def _mostly_letters(text: str) -> bool:
    visible = [ch for ch in text if not ch.isspace()]
    letters = sum(1 for ch in visible if ch.isalpha())
    return bool(visible) and letters >= _MIN_LETTER_SHARE * len(visible)


def _decode_other(data: bytes, source: str, utf8_error: UnicodeDecodeError) -> str:
    western = _as_western_european(data)
    if western is not None:
        return western
    best = from_bytes(data).best()
    # A guess with no recognisable language behind it, or one that reads as symbols more than
    # words, is how charset-normalizer "reads" bad bytes: report those instead.
    if best is None or best.coherence < _MIN_COHERENCE or not _mostly_letters(str(best)):
        raise EncodingInput(
            source,
            f"not UTF-8 (bad byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
            "and no other text encoding fits",
        )
    return str(best)
