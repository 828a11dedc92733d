"""Coverage-guided fuzzing of the temporal engine with atheris (libFuzzer), for long runs by hand.

The CI fuzzing is tests/test_fuzz.py (hypothesis, fixed budget). This script runs for as long as
you let it and checks the same properties on every input: no exception, intervals in order,
offsets inside the text and pointing at the words they claim. atheris is not a dependency of
the project; install it in a scratch virtualenv and borrow the project's packages:

    python3.11 -m venv /tmp/fuzz && /tmp/fuzz/bin/pip install atheris
    PYTHONPATH=.:.venv/lib/python3.11/site-packages /tmp/fuzz/bin/python scripts/fuzz_dates.py \\
        -max_total_time=600 -max_len=400

Any libFuzzer option works (-runs=N, -jobs=N, a corpus folder); a failing input is written to
crash-<hash> and replays with `scripts/fuzz_dates.py crash-<hash>`.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta, timezone

import atheris

with atheris.instrument_imports():
    from timeline.nlp.dates import find_time_expressions


def anchor_from(data: atheris.FuzzedDataProvider) -> datetime:
    day = datetime(1900, 1, 2, tzinfo=UTC) + timedelta(
        days=data.ConsumeIntInRange(0, 73_000), seconds=data.ConsumeIntInRange(0, 86_399)
    )
    offset = timedelta(minutes=data.ConsumeIntInRange(-12 * 60, 14 * 60))
    return day.astimezone(timezone(offset))


def check(data_bytes: bytes) -> None:
    data = atheris.FuzzedDataProvider(data_bytes)
    anchor = anchor_from(data)
    text = data.ConsumeUnicodeNoSurrogates(len(data_bytes))
    previous_end = 0
    for expression in find_time_expressions(text, anchor):
        if not 0 <= expression.start < expression.end <= len(text):
            raise AssertionError(f"offsets outside the text: {expression}")
        if text[expression.start : expression.end] != expression.text:
            raise AssertionError(f"offsets do not match the text: {expression}")
        if expression.start < previous_end:
            raise AssertionError(f"overlapping expressions at {expression.start}")
        previous_end = expression.end
        start, end = expression.date_start, expression.date_end
        if start is not None and end is not None and start > end:
            raise AssertionError(f"interval out of order: {expression}")


def main(argv: list[str]) -> None:
    atheris.Setup(argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
