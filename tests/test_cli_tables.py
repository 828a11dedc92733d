"""Tables: whole values when not on a terminal, fitted to a terminal's width unless --wide, and one
spelling for a missing actor in every output.

Runs on SQLite and on the PostgreSQL server (TIMELINE_TEST_POSTGRES_URL).
"""

from __future__ import annotations

import re

import pytest
from test_cli import loaded, run  # noqa: F401 (loaded is a fixture)

from timeline.outputs.events import NOBODY

PASSIVE = (
    "Two opposition leaders were arrested in Moscow on Tuesday, the ministry of the interior of "
    "the Russian Federation said in a statement about the unrest."
)


@pytest.fixture
def with_a_passive(loaded, tmp_path):  # noqa: F811
    """The seed article and one sentence whose arrest has no source."""
    article = tmp_path / "passive.txt"
    article.write_text(PASSIVE, encoding="utf-8")
    result = run(loaded, "load", str(article), "--published", "2017-04-07")
    assert result.exit_code == 0, result.output
    return loaded


@pytest.fixture
def terminal(monkeypatch):
    """stdout is an 80-column terminal."""
    monkeypatch.setattr("timeline.cli_options.stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")


LONG_LABEL = "Arrest, detain, or charge with legal action"


@pytest.mark.parametrize("command", [["events"], ["actors"], ["dyads"], ["places"]], ids=str)
def test_piped_tables_have_whole_values(with_a_passive, command):
    result = run(with_a_passive, *command)
    assert result.exit_code == 0, result.output
    assert "…" not in result.stdout
    if command == ["events"]:
        assert LONG_LABEL in result.stdout
        assert max(map(len, result.stdout.splitlines())) > 80


@pytest.mark.parametrize("command", [["events"], ["actors"], ["dyads"]], ids=str)
def test_a_terminal_table_fits_its_width_unless_wide(with_a_passive, terminal, command):
    fitted = run(with_a_passive, *command)
    assert fitted.exit_code == 0, fitted.output
    lines = fitted.stdout.splitlines()
    assert max(map(len, lines)) <= 80 or command != ["events"]
    if command == ["events"]:
        assert "…" in fitted.stdout and LONG_LABEL not in fitted.stdout
    wide = run(with_a_passive, *command, "--wide")
    assert "…" not in wide.stdout
    assert len(wide.stdout.splitlines()) == len(lines)


def test_a_table_keeps_its_columns_aligned_across_pages():
    import io

    from timeline.outputs.formatting import write_table

    rows = [{"name": "x" * (i // 200 + 1), "n": i} for i in range(450)]
    out = io.StringIO()
    write_table(rows, ("name", "n"), out)
    lines = out.getvalue().splitlines()
    # a later page's longer values widen the column; none is cut
    assert lines[-1].startswith("xxx  ") and "…" not in out.getvalue()


def test_a_missing_source_is_spelt_one_way_everywhere(with_a_passive, tmp_path):
    table = run(with_a_passive, "events").stdout
    assert f"{NOBODY} -> " in table
    view = run(with_a_passive, "timeline").stdout
    assert f"  {NOBODY} -> " in view
    assert "someone" not in view and " ? -> " not in table
    page = tmp_path / "t.html"
    assert run(with_a_passive, "export", "--format", "html", "-o", str(page)).exit_code == 0
    script = page.read_text(encoding="utf-8")
    assert re.search(r'var NOBODY = "([^"]*)"', script)[1] == NOBODY
