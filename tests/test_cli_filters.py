"""The event-type filters on every command that selects events: --type with codes, prefixes,
comma lists, exclusions and label words; --quad; --no-statements; and the one-line usage errors.

Runs on SQLite and on the PostgreSQL server (TIMELINE_TEST_POSTGRES_URL).
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_cli import events_json, loaded, run  # noqa: F401 (loaded is a fixture)

from timeline.database.event_types import parse_quads, parse_types
from timeline.errors import UsageError


def codes(db_url: str, *args: str) -> list[str]:
    return [e["event_code"] for e in events_json(db_url, *args)]


def test_type_codes_prefixes_lists_and_exclusions(loaded):  # noqa: F811
    every = codes(loaded)
    assert any(c.startswith("01") for c in every) and any(c.startswith("19") for c in every)
    assert codes(loaded, "--type", "042") == [c for c in every if c.startswith("042")]
    assert codes(loaded, "--type", "04") == [c for c in every if c.startswith("04")]
    listed = codes(loaded, "--type", "18,19,20")
    assert listed and listed == [c for c in every if c[:2] in ("18", "19", "20")]
    assert codes(loaded, "--type", "!01") == [c for c in every if not c.startswith("01")]
    assert codes(loaded, "--type", "!010") == [c for c in every if c != "010"]
    both = codes(loaded, "--type", "04,!042")
    assert both == [c for c in every if c.startswith("04") and not c.startswith("042")]
    assert codes(loaded, "--type", "visit") == [c for c in every if c in ("042", "043")]


def test_no_statements_and_quad(loaded):  # noqa: F811
    events = events_json(loaded)
    assert codes(loaded, "--no-statements") == [
        e["event_code"] for e in events if not e["event_code"].startswith("01")
    ]
    assert codes(loaded, "--no-statements") == codes(loaded, "--type", "!01")
    quads = [e["quad_class"] for e in events_json(loaded, "--quad", "1,4")]
    assert quads == [e["quad_class"] for e in events if e["quad_class"] in (1, 4)]
    assert {e["quad_class"] for e in events_json(loaded, "--quad", "4")} == {4}


@pytest.mark.parametrize(
    "args",
    [
        ["events"],
        ["timeline"],
        ["export", "--format", "jsonl"],
        ["dyads", "--format", "json"],
        ["actors", "--top", "50", "--format", "json"],
    ],
    ids=lambda args: args[0],
)
def test_every_selecting_command_takes_the_type_filters(loaded, args):  # noqa: F811
    everything = run(loaded, *args)
    fights = run(loaded, *args, "--type", "19", "--quad", "4", "--no-statements")
    assert everything.exit_code == 0 and fights.exit_code == 0, fights.output
    assert fights.stdout and fights.stdout != everything.stdout
    if args[0] == "dyads":
        pairs = json.loads(fights.stdout)
        assert pairs and all(p["material_conflict"] == p["happenings"] for p in pairs)
    if args[0] == "export":
        assert {json.loads(line)["event_code"][:2] for line in fights.stdout.splitlines()} == {"19"}


def test_chart_takes_the_type_filters(loaded, tmp_path):  # noqa: F811
    result = run(loaded, "chart", "--type", "19", "-o", str(tmp_path / "c.png"), "--count-mentions")
    assert result.exit_code == 0, result.output
    drawn = int(result.stderr.split("chart of ")[1].split()[0])
    assert drawn == len(codes(loaded, "--type", "19")) > 0


@pytest.mark.parametrize(
    "option, value, says",
    [
        ("--type", "99", "--type 99: not a CAMEO code or prefix"),
        ("--type", "xyzzy", "no CAMEO label has these words"),
        ("--type", ",", "nothing to select"),
        ("--quad", "5", "give quad classes 1-4"),
        ("--quad", "one", "give quad classes 1-4"),
    ],
)
def test_a_type_that_means_nothing_is_a_one_line_usage_error(loaded, option, value, says):  # noqa: F811
    for command in (["events"], ["export"], ["dyads"]):
        result = run(loaded, *command, option, value)
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and says in lines[0]
        if option == "--type":
            assert "(18,19,20)" in lines[0] and "'!01'" in lines[0]  # the valid forms
        assert result.stdout == ""


def test_csv_export_of_a_type_list(loaded):  # noqa: F811
    result = run(loaded, "export", "--type", "04,19")
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert rows and {r["event_code"][:2] for r in rows} == {"04", "19"}


# --- the parser, without a database --------------------------------------------------------------


def test_parse_types():
    assert parse_types("18, 19,20").include == ("18", "19", "20")
    assert parse_types("!01").include == () and parse_types("!01").exclude == ("01",)
    assert parse_types("19,195").include == ("19",)  # 19 covers 195
    selection = parse_types("Make a visit")
    assert selection.include == ("042",)
    assert set(parse_types("visit").include) == {"042", "043"}
    assert parse_types("2").include == ("2",)  # a prefix of 20
    # a code is checked against CAMEO's list, not just for digits
    with pytest.raises(UsageError, match="not a CAMEO code"):
        parse_types("215")


def test_parse_quads():
    assert parse_quads("4,1, 2") == (1, 2, 4)
    with pytest.raises(UsageError):
        parse_quads("0")
