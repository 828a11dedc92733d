"""A load's progress on stderr: a bar with the total, rate and time left on a terminal; with
--progress a line every few seconds off one; the summary as always; nothing on stdout."""

from __future__ import annotations

import io
import json

from click.testing import CliRunner

from timeline.cli import cli
from timeline.outputs.progress import LoadProgress
from timeline.read import count_articles


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_terminal_shows_a_bar_with_total_rate_and_time_left():
    out, clock = io.StringIO(), Clock()
    progress = LoadProgress(out, total=40, interactive=True, clock=clock)
    progress.begin()
    clock.now += 5
    progress.update(10, 120)
    shown = out.getvalue()
    assert shown.startswith("\r\033[K[######------------------]")
    assert "10/40 articles (25%)" in shown and "120 events" in shown
    assert "2.0 articles/s" in shown and "0:15 left" in shown
    clock.now += 0.01
    progress.update(11, 130)  # redrawn at most ten times a second
    assert out.getvalue() == shown
    progress.clear()
    assert out.getvalue().endswith("\r\033[K")


def test_off_a_terminal_a_line_every_few_seconds():
    out, clock = io.StringIO(), Clock()
    progress = LoadProgress(out, total=3, interactive=False, every=5, clock=clock)
    progress.begin()
    progress.update(1, 4)  # too soon
    clock.now += 6
    progress.update(2, 9)
    clock.now += 1
    progress.update(3, 12)  # too soon again
    lines = out.getvalue().splitlines()
    assert lines[0] == "loading 3 articles"
    assert lines[1].startswith("2/3 articles (66%)  9 events  0.3 articles/s  0:03 left")
    assert len(lines) == 2 and "\r" not in out.getvalue() and "#" not in out.getvalue()


def test_without_a_total_the_bar_is_a_count():
    out = io.StringIO()
    progress = LoadProgress(out, total=None, interactive=True, clock=Clock())
    progress.update(3, 7)
    assert "3 articles  7 events" in out.getvalue() and "left" not in out.getvalue()


def test_the_total_counts_files_and_records(tmp_path):
    (tmp_path / "a.txt").write_text("Russia and China signed a deal.", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        "\n".join(json.dumps({"text": f"Text {i}.", "published": "2017-04-07"}) for i in range(3))
        + "\n",
        encoding="utf-8",
    )
    sub = tmp_path / "more"
    sub.mkdir()
    (sub / "b.csv").write_text("text,published\nOne.,2017-04-07\nTwo.,2017-04-07\n", "utf-8")
    assert count_articles([str(tmp_path)]) == 1 + 3 + 2
    assert count_articles([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")]) == 2
    assert count_articles(["-"]) is None


def test_load_with_progress_off_a_terminal(db_url, tmp_path, monkeypatch):
    monkeypatch.setattr("timeline.outputs.progress.EVERY", 0.0)
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"Russia and China met on Monday ({i}).", "utf-8")
    quiet = CliRunner().invoke(cli, ["--db", db_url, "load", str(tmp_path / "a0.txt"),
                                     "--published", "2017-04-07"])  # fmt: skip
    assert quiet.exit_code == 0 and quiet.stderr.count("\n") == 1  # the summary alone
    result = CliRunner().invoke(
        cli,
        ["--db", db_url, "load", str(tmp_path), "--published", "2017-04-07", "--progress"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "loading 3 articles"
    assert any(line.startswith("3/3 articles (100%)") for line in lines[1:-1])
    assert lines[-1].startswith("loaded 2, skipped 1 as duplicates, failed 0")


def test_load_on_a_terminal_draws_the_bar_on_stderr(db_url, tmp_path, monkeypatch):
    monkeypatch.setattr("timeline.cli.stderr_is_terminal", lambda: True)
    (tmp_path / "a.txt").write_text("Russia and China met on Monday.", "utf-8")
    result = CliRunner().invoke(
        cli, ["--db", db_url, "load", str(tmp_path), "--published", "2017-04-07"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "\r\033[K[" in result.stderr and "1/1 articles (100%)" in result.stderr
    assert result.stderr.splitlines()[-1].split("\033[K")[-1].startswith("loaded 1,")
