"""Bad input through `timeline load`: every file either loads correctly or fails alone, clearly.

A corpus of awkward files is generated in tmp_path and loaded with the command line (click's
CliRunner on `timeline.cli.cli`) on SQLite and PostgreSQL. For each file the expected outcome
is decided here: loaded (with its text intact), or one error line naming the file and the
reason. A failing file never stops the run and never leaves a row behind; the summary line
counts both kinds.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_ARTICLE
from sqlalchemy import create_engine, func, select, text

from timeline.cli import cli
from timeline.database.models import (
    ActorAlias,
    ActorRow,
    ArticleRow,
    EventActor,
    EventLocation,
    EventRow,
    LocationRow,
    Source,
    TimeExpressionRow,
)
from timeline.pipeline import MAX_ARTICLE_CHARS

TABLES = (
    ArticleRow,
    TimeExpressionRow,
    EventRow,
    ActorRow,
    ActorAlias,
    EventActor,
    LocationRow,
    EventLocation,
    Source,
)
SUMMARY = re.compile(
    r"loaded (\d+), (?:reprocessed \d+, )?skipped (\d+) as duplicates, failed (\d+), "
    r"events stored (\d+)"
)
STORY = (
    "The foreign minister of Canada met the Chinese ambassador in Ottawa on Monday. "
    "Officials said the two governments would sign a trade agreement next month."
)


@dataclass(frozen=True)
class Case:
    """One awkward input: how to write it, and what `timeline load` must make of it."""

    name: str
    write: Callable[[Path], list[Path]]
    loaded: int  # articles stored
    failed: int  # per-file (or per-record) errors
    error: str | None = None  # regex the error line(s) must match
    args: tuple[str, ...] = ("--published", "2017-04-07")


def _file(name: str, data: bytes | str) -> Callable[[Path], list[Path]]:
    def write(folder: Path) -> list[Path]:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return [path]

    return write


def _big_text(folder: Path) -> list[Path]:
    """50 MB of prose: over the per-article limit (MAX_ARTICLE_CHARS)."""
    path = folder / "huge.txt"
    sentence = (STORY + " ").encode()
    with path.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(sentence) + 1):
            handle.write(sentence)
    return [path]


def _long_lines(folder: Path) -> list[Path]:
    words = "Germany France Italy Spain talks summit minister envoy".split()
    line = " ".join(words[i % len(words)] for i in range(1300))[:10_000]
    path = folder / "long-lines.txt"
    path.write_text(f"{STORY}\n{line}\n{line}.\n{STORY}\n", encoding="utf-8")
    return [path]


def _many_entities(folder: Path) -> list[Path]:
    """One sentence naming 500 people (made-up names) and places."""
    first = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Ines"]
    last = ["Kowalski", "Novak", "Haddad", "Moreau", "Silva", "Tanaka", "Okafor", "Larsen"]
    names = [f"{first[i % 9]} {last[(i // 9) % 8]}{i}" for i in range(400)]
    cities = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Prague", "Warsaw", "Oslo"] * 13
    mentioned = [*names, *cities[:100]]
    sentence = "On Monday " + ", ".join(mentioned) + " condemned the attack in Kyiv."
    path = folder / "entities.txt"
    path.write_text(sentence + "\n\n" + STORY + "\n", encoding="utf-8")
    return [path]


CASES = [
    Case("empty file", _file("empty.txt", b""), 0, 1, r"empty\.txt: empty file"),
    Case("only whitespace", _file("blank.txt", b" \n\t\n"), 0, 1, r"blank\.txt: empty file"),
    Case(
        "binary file",
        _file("photo.txt", bytes(range(256)) * 8),
        0,
        1,
        r"photo\.txt: binary data, not text",
    ),
    Case(
        "invalid UTF-8",
        _file("latin1.txt", "Der Außenminister traf in München ein.".encode("latin-1")),
        0,
        1,
        r"latin1\.txt: not UTF-8 text \(byte 0xdf at offset",
    ),
    Case(
        "UTF-16 with BOM", _file("utf16.txt", codecs.BOM_UTF16_LE + STORY.encode("utf-16-le")), 1, 0
    ),
    Case("UTF-8 with BOM", _file("bom.txt", codecs.BOM_UTF8 + STORY.encode()), 1, 0),
    Case(
        "50 MB text",
        _big_text,
        0,
        1,
        rf"huge\.txt: too large to analyse \([\d,]+ characters; the limit is "
        rf"{MAX_ARTICLE_CHARS:,} per article\)",
    ),
    Case("10,000-character lines", _long_lines, 1, 0),
    Case(
        "HTML with no article",
        _file(
            "nav.html",
            "<html><head><title>Example News</title></head><body><header><nav><ul>"
            "<li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
            "<li><a href='/politics'>Politics</a></li></ul></nav></header><footer>"
            "<p>&copy; 2017 Example News. All rights reserved.</p>"
            "<a href='/privacy'>Privacy</a></footer></body></html>",
        ),
        0,
        1,
        r"nav\.html: no article text found",
    ),
    Case(
        "HTML with nothing but a link",
        _file("home.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"),
        0,
        1,
        r"home\.html: no article text found",
    ),
    Case(
        "truncated JSON",
        _file("cut.json", json.dumps({"text": STORY, "published": "2017-04-07"})[:40]),
        0,
        1,
        r"cut\.json: not valid JSON at line 1, column \d+ .*is the file complete",
    ),
    Case(
        "JSON text of the wrong type",
        _file("typed.json", json.dumps([{"text": 42}, {"text": STORY, "title": "ok"}])),
        1,
        1,
        r"typed\.json\[0\]: 'text' must be a string, got a number",
        args=("--published", "2017-04-07"),
    ),
    Case(
        "JSON published of the wrong type",
        _file("when.json", json.dumps({"text": STORY, "published": 20170407})),
        0,
        1,
        r"when\.json: 'published' must be a string .*got a number",
        args=(),
    ),
    Case(
        "JSON scalar",
        _file("scalar.json", "3.14"),
        0,
        1,
        r"scalar\.json: expected a JSON object or a list of objects, got a number",
    ),
    Case(
        "CSV without a text column",
        _file("cols.csv", "title,url\nA,http://example.org/a\n"),
        0,
        1,
        r"cols\.csv: no 'text' column",
    ),
    Case(
        "CSV with missing cells and embedded newlines",
        _file(
            "feed.csv",
            'text,published,title\n"First paragraph.\n\nCanada and China met in Ottawa '
            'on Monday.",2017-04-07,Two lines\n"Officials met in Rome on Friday."\n',
        ),
        1,
        1,
        r"feed\.csv:5: no publication time",
        args=(),
    ),
    Case(
        "a date that does not exist",
        _file("feb30.json", json.dumps({"text": STORY, "published": "2017-02-30"})),
        0,
        1,
        r"feb30\.json: invalid publication time '2017-02-30'",
        args=(),
    ),
    Case(
        "published in the future",
        _file("future.json", json.dumps({"text": STORY, "published": "2150-06-01T12:00:00Z"})),
        1,
        0,
        args=(),
    ),
    Case(
        "published before 1900",
        _file("old.json", json.dumps({"text": STORY, "published": "1871-01-18"})),
        1,
        0,
        args=(),
    ),
    Case(
        "published with a time zone",
        _file("tz.json", json.dumps({"text": STORY, "published": "2017-04-07T23:30:00-05:00"})),
        1,
        0,
        args=(),
    ),
    Case(
        "right-to-left and emoji text",
        _file(
            "rtl.txt",
            "وزير الخارجية المصري التقى نظيره الأردني في عمان يوم الاثنين.\n"
            "שר החוץ הגיע לירושלים ביום שלישי. 🇺🇸🤝🇷🇺 "
            "Secretary Tillerson 🙂 met Lavrov in Moscow on Tuesday \u202eevil\u202c.\n",
        ),
        1,
        0,
    ),
    Case("a sentence with 500 named entities", _many_entities, 1, 0),
    Case(
        "no publication time",
        _file("undated.txt", STORY),
        0,
        1,
        r"undated\.txt: no publication time: give one with --published",
        args=(),
    ),
]


def run(db_url: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db_url, *args], catch_exceptions=False)


def counts(db_url: str) -> dict[str, int]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return {
                model.__tablename__: connection.scalar(select(func.count()).select_from(model))
                for model in TABLES
            }
    finally:
        engine.dispose()


def summary_of(stderr: str) -> tuple[int, int, int, int]:
    match = SUMMARY.search(stderr)
    assert match, f"no summary line in: {stderr!r}"
    return tuple(int(n) for n in match.groups())  # type: ignore[return-value]


def _params():
    for case in CASES:
        marks = [pytest.mark.stress] if case.name == "50 MB text" else []
        yield pytest.param(case, id=case.name.replace(" ", "-"), marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_bad_input(case: Case, db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = case.write(folder)
    result = run(db_url, "load", *map(str, paths), *case.args)
    loaded, duplicates, failed, events = summary_of(result.stderr)
    assert (loaded, duplicates, failed) == (case.loaded, 0, case.failed), result.stderr
    assert result.exit_code == (1 if case.failed else 0)
    assert "Traceback" not in result.output and "unexpected" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == case.failed, result.stderr
    for line in errors:
        assert case.error and re.search(case.error, line), line
        assert len(line) < 400  # one readable line, not a dump of the input
    stored = counts(db_url)
    assert stored["articles"] == case.loaded
    if not case.loaded:  # a failure leaves nothing at all behind
        assert set(stored.values()) == {0}, stored
    else:
        assert stored["events"] == events


def test_loaded_text_is_kept_exactly(db_url: str, tmp_path: Path) -> None:
    """Right-to-left marks, emoji and UTF-16 come back exactly as they were written."""
    tricky = "Der Außenminister 🇩🇪 traf in Kairo ein. وزير الخارجية \u202eabc\u202c 🤝 on Monday."
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF16_BE + tricky.encode("utf-16-be"))
    result = run(db_url, "load", str(tmp_path / "a.txt"), "--published", "2017-04-07")
    assert result.exit_code == 0, result.stderr
    engine = create_engine(db_url)
    with engine.connect() as connection:
        assert connection.scalar(select(ArticleRow.text)) == tricky
        published = connection.scalar(select(ArticleRow.published_at))
    engine.dispose()
    assert published.isoformat().startswith("2017-04-07T00:00:00")


def test_time_zone_is_kept_as_the_same_instant(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        json.dumps({"text": STORY, "published": "2017-04-07T23:30:00-05:00"}), encoding="utf-8"
    )
    assert run(db_url, "load", str(tmp_path / "a.json")).exit_code == 0
    engine = create_engine(db_url)
    with engine.connect() as connection:
        published = connection.execute(select(ArticleRow.__table__.c.published_at)).scalar()
    engine.dispose()
    assert published.replace(tzinfo=None).isoformat() == "2017-04-08T04:30:00"


def test_whole_corpus_in_one_run(db_url: str, tmp_path: Path) -> None:
    """All the awkward files (but the 50 MB one) in one folder, plus the seed: one run, every
    file counted once in the summary, the good ones stored, nothing half-stored."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    expected_loaded = expected_failed = 0
    for number, case in enumerate(CASES):
        if case.name == "50 MB text" or "--published" not in case.args:
            continue
        sub = folder / f"{number:02d}"
        sub.mkdir()
        case.write(sub)
        expected_loaded += case.loaded
        expected_failed += case.failed
    # an article over the limit in the middle of the run fails alone (smaller than 50 MB)
    (folder / "50-over-limit.txt").write_text("Talks went on. " * (MAX_ARTICLE_CHARS // 15 + 1))
    expected_failed += 1
    (folder / "99-seed.txt").write_text(SEED_ARTICLE.read_text(encoding="utf-8"))
    expected_loaded += 1
    result = run(db_url, "load", str(folder), "--published", "2017-04-07")
    loaded, duplicates, failed, events = summary_of(result.stderr)
    # several cases share one story: the second copy is a duplicate, not a new article
    assert (loaded + duplicates, failed) == (expected_loaded, expected_failed), result.stderr
    assert loaded >= 5
    assert "over-limit.txt: too large to analyse" in result.stderr
    stored = counts(db_url)
    assert stored["articles"] == loaded and stored["events"] == events > 0
    again = run(db_url, "load", str(folder), "--published", "2017-04-07")
    assert summary_of(again.stderr) == (0, expected_loaded, expected_failed, 0)
    assert counts(db_url) == stored


def test_paths_named_in_records_are_never_opened(db_url: str, tmp_path: Path) -> None:
    """A record whose text or url is a file path stores the string, not the file."""
    records = [
        {"text": "/etc/passwd", "url": "/etc/passwd", "title": "../../etc/shadow"},
        {"text": "file:///etc/hostname", "url": "file:///etc/passwd"},
    ]
    (tmp_path / "paths.json").write_text(json.dumps(records), encoding="utf-8")
    result = run(db_url, "load", str(tmp_path / "paths.json"), "--published", "2017-04-07")
    assert summary_of(result.stderr)[:3] == (2, 0, 0), result.stderr
    engine = create_engine(db_url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT text, url FROM articles ORDER BY id")).all()
    engine.dispose()
    assert [tuple(row) for row in rows] == [
        ("/etc/passwd", "/etc/passwd"),
        ("file:///etc/hostname", "file:///etc/passwd"),
    ]
