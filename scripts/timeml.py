"""Read TimeML `.tml` files: publication time from <DCT>, tag-free <TEXT>, gold TIMEX3 spans.

Offsets of the gold expressions index into the tag-free, entity-unescaped text, so a system that
searches that text can be scored span by span.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'([A-Za-z_:]+)="([^"]*)"')
_DCT = re.compile(r"<DCT>.*?value=\"([^\"]+)\"", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass
class TimeMLDocument:
    path: Path
    dct: datetime
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


def parse_dct(value: str) -> datetime:
    """A DCT value (1998-08-07, 19980807, 1998-08-07T06:18:00) as a UTC-aware datetime."""
    digits = re.sub(r"[^0-9]", "", value)
    year, month, day = int(digits[0:4]), int(digits[4:6] or 1), int(digits[6:8] or 1)
    hour = int(digits[8:10] or 0) if len(digits) >= 10 else 0
    minute = int(digits[10:12] or 0) if len(digits) >= 12 else 0
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def read_tml(path: str | Path) -> TimeMLDocument:
    """One TimeML document with its tag-free text and gold TIMEX3 annotations."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    dct_match = _DCT.search(raw)
    text_match = _TEXT.search(raw)
    if dct_match is None or text_match is None:
        raise ValueError(f"{path}: no <DCT> or <TEXT>")
    body = text_match.group(1)
    parts: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_attrs: dict[str, str] | None = None
    open_start = 0
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_attrs = dict(_ATTR.findall(tag.group(3)))
            open_start = length
        elif open_attrs is not None:
            text_so_far = "".join(parts)
            timexes.append(
                GoldTimex(
                    start=open_start,
                    end=length,
                    text=text_so_far[open_start:length],
                    type=open_attrs.get("type", ""),
                    value=open_attrs.get("value", ""),
                    mod=open_attrs.get("mod") or None,
                )
            )
            open_attrs = None
    parts.append(html.unescape(body[position:]))
    return TimeMLDocument(path, parse_dct(dct_match.group(1)), "".join(parts), timexes)


def read_folder(folder: str | Path) -> list[TimeMLDocument]:
    """Every `.tml` file under a folder (recursively), in path order."""
    return [read_tml(path) for path in sorted(Path(folder).rglob("*.tml"))]
