"""Bytes to text: the encodings a user's files come in, and one kind of line end."""

from __future__ import annotations

import codecs

from timeline.read.messages import input_error


def to_text(data: bytes | str, origin: str) -> str:
    """Decoded text with CRLF/CR turned into LF; raises for binary, undecodable or empty input."""
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
        nul = text.find("\x00")
        if nul >= 0:
            raise input_error(origin, f"binary data, not text (NUL character at offset {nul})")
    else:
        text = decode(data, origin)
    text = normalize_newlines(text)
    if not text.strip():
        raise input_error(origin, "empty file")
    return text


def decode(data: bytes, origin: str) -> str:
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise input_error(
                    origin, f"not valid {codec.upper()} text (bad data at offset {exc.start})"
                ) from None
            return text.removeprefix("\ufeff")
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    nul = data.find(b"\x00", skip)
    if nul >= 0:
        raise input_error(
            origin,
            f"binary data, not text (NUL byte at offset {nul}); "
            "text must be UTF-8, or UTF-16 with a byte-order mark",
        )
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        raise input_error(
            origin,
            f"not UTF-8 text (byte 0x{data[offset]:02x} at offset {offset}); "
            "convert it to UTF-8, e.g. iconv -f latin1 -t utf-8",
        ) from None


def normalize_newlines(text: str) -> str:
    # Same length or shorter only by CRLF pairs: offsets into the result are what later stages use.
    return text.replace("\r\n", "\n").replace("\r", "\n")
