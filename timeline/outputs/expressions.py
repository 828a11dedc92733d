"""Temporal expressions out (`timeline dates`): every field of each expression in JSON, the ones
an analyst reads in a table or CSV."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import TextIO

from timeline.database.record import iso
from timeline.outputs.formatting import write_rows
from timeline.records import TimeExpression

TABLE_COLUMNS = ("text", "start", "end", "type", "value", "granularity", "date_start", "date_end")


def write_expressions(expressions: Iterable[TimeExpression], fmt: str, out: TextIO) -> int:
    """The expressions in a listing format; dates and times as ISO strings."""
    rows = [{name: iso(value) for name, value in asdict(e).items()} for e in expressions]
    return write_rows(rows, TABLE_COLUMNS, fmt, out)
