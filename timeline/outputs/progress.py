"""A load's progress, on stderr: a bar on a terminal, a line every few seconds off one.

    [##########----------]  35/70 articles  412 events  2.4 articles/s  0:15 left

The total is counted before the load begins (files and records: `timeline.read.count_articles`);
without one (standard input) the bar is a count. Off a terminal (a log file, a pipe) nothing is
redrawn: with `--progress`, one plain line every EVERY seconds. The summary line is the caller's.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

BAR = 24  # characters of the bar
EVERY = 5.0  # seconds between two lines off a terminal
REDRAW = 0.1  # seconds between two redraws of the bar


class LoadProgress:
    """Shows how far a load is. `update(done, events)` after each article; `clear()` before
    another message and at the end."""

    def __init__(
        self,
        out: TextIO,
        *,
        total: int | None,
        interactive: bool,
        every: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.out, self.total, self.interactive = out, total, interactive
        self.every, self.clock = EVERY if every is None else every, clock
        self.started = clock()
        self.shown_at: float | None = None
        self.drawn = False

    def begin(self) -> None:
        if not self.interactive and self.total is not None:
            self._write(f"loading {self.total} article{'s' if self.total != 1 else ''}\n")

    def update(self, done: int, events: int) -> None:
        now = self.clock()
        wait = REDRAW if self.interactive else self.every
        if self.shown_at is not None and now - self.shown_at < wait:
            return
        if not self.interactive and self.shown_at is None and now - self.started < self.every:
            return  # off a terminal: the first line after EVERY seconds too
        self.shown_at = now
        line = self.line(done, events, now)
        if self.interactive:
            self._write(f"\r\033[K{line}")
            self.drawn = True
        else:
            self._write(line + "\n")

    def line(self, done: int, events: int, now: float) -> str:
        """'[####----]  35/70 articles  412 events  2.4 articles/s  0:15 left'."""
        elapsed = max(now - self.started, 1e-9)
        rate = done / elapsed
        parts = []
        if self.total:
            filled = min(BAR, round(BAR * done / self.total))
            if self.interactive:
                parts.append("[" + "#" * filled + "-" * (BAR - filled) + "]")
            parts.append(f"{done}/{self.total} articles ({100 * done // self.total}%)")
        else:
            parts.append(f"{done} articles")
        parts.append(f"{events} events")
        parts.append(f"{rate:.1f} articles/s")
        if self.total and done and rate > 0:
            parts.append(f"{_duration((self.total - done) / rate)} left")
        return "  ".join(parts)

    def clear(self) -> None:
        """Remove the bar (on a terminal) so that a message or the summary starts a clean line."""
        if self.interactive and self.drawn:
            self._write("\r\033[K")
            self.drawn = False
            self.shown_at = None  # drawn again at the next update

    def _write(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()


def _duration(seconds: float) -> str:
    """0:15, 12:03, 1:02:03."""
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
