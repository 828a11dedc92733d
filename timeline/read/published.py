"""Publication times as the command line and the files give them."""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime

from timeline.errors import InputError
from timeline.read.messages import shown

ISO_HINT = "expected an ISO date such as 2017-04-07 or 2017-04-07T09:30:00-04:00"


def parse_published(value: str) -> datetime:
    """Parse a publication time: ISO 8601 (date or date-time) or an RFC 2822 feed date.

    A date alone means midnight UTC; a time without an offset is taken as UTC. The result is
    always timezone-aware. Raises `InputError` for anything else.
    """
    text = value.strip() if isinstance(value, str) else ""
    parsed: datetime | None = None
    if text:
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            parsed = parse_rfc2822(text)
    if parsed is None:
        raise InputError(f"invalid publication time '{shown(str(value))}': {ISO_HINT}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def try_published(value: object) -> datetime | None:
    """parse_published, or None: a page date we cannot read is no date at all."""
    if not isinstance(value, str):
        return None
    try:
        return parse_published(value)
    except InputError:
        return None


def parse_rfc2822(text: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
