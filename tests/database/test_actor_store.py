"""Actors in the database: one row per actor with its dated codes, each event with the code the
actor had on its date, the user's dictionary (`timeline actors import`) used by later loads and
by --reprocess, and the names a country is found by (never a town's)."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import create_engine, select, text

from timeline.cli import cli
from timeline.database.engine import Database, downgrade, upgrade
from timeline.database.models import ActorAlias, ActorCode, ActorRow, EventActor

EARLY = "Hosni Mubarak criticized Israel on Monday.\n"
LATE = "Hosni Mubarak accused the army of lying on Monday.\n"


def run(db_url: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db_url, *args], catch_exceptions=False)


def load(db_url, tmp_path, name: str, text: str, published: str, *more: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run(db_url, "load", str(path), "--published", published, *more)
    assert result.exit_code == 0, result.output
    return path


def listed(db_url: str, *args: str) -> list[dict]:
    result = run(db_url, "events", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def codes_of(db_url: str, name: str) -> list[str]:
    return sorted(
        actor["code"]
        for event in listed(db_url, "--actor", name)
        for actor in event["actors"]
        if actor["name"] == name
    )


def test_one_actor_with_its_dated_codes_and_each_event_with_the_code_it_had(db_url, tmp_path):
    load(db_url, tmp_path, "early.txt", EARLY, "2005-03-02")
    load(db_url, tmp_path, "late.txt", LATE, "2012-03-02")
    assert codes_of(db_url, "Hosni Mubarak") == ["EGYELI", "EGYGOV"]  # 2012 and 2005
    with Database(db_url) as db, db.session() as session:
        (mubarak,) = session.scalars(select(ActorRow).where(ActorRow.name == "Hosni Mubarak"))
        codes = session.execute(
            select(ActorCode.code, ActorCode.date_from, ActorCode.date_until, ActorCode.origin)
            .where(ActorCode.actor_id == mubarak.id)
            .order_by(ActorCode.code, ActorCode.date_from)
        ).all()
        assert ("EGYGOV", "1981-10-14", "2011-02-11", "dictionary") in [
            (code, str(start), str(end), origin) for code, start, end, origin in codes
        ]
        links = session.scalars(select(EventActor.code).where(EventActor.actor_id == mubarak.id))
        assert sorted(links) == ["EGYELI", "EGYGOV"]
    # the country at the event is searchable
    assert len(listed(db_url, "--country", "EGY")) == 2


CSV = """name,aliases,code,from,until
Jane Quill,Quill|Governor Quill,USAGOV,2019-01-01,
Jane Quill,,USAELI,,
Hosni Mubarak,,EGYGOV,1981-10-14,2011-02-11
Hosni Mubarak,,EGYCVL,,
"""


def test_imported_entries_are_used_by_later_loads_and_reprocess(db_url, tmp_path):
    article = load(db_url, tmp_path, "late.txt", LATE, "2012-03-02")
    quill = load(
        db_url, tmp_path, "quill.txt", "Jane Quill praised Kenya on Monday.\n", "2020-03-04"
    )
    assert codes_of(db_url, "Jane Quill") == [None]
    entries = tmp_path / "leaders.csv"
    entries.write_text(CSV, encoding="utf-8")
    result = run(db_url, "actors", "import", str(entries))
    assert result.exit_code == 0, result.output
    assert "imported 2 actors (4 dated codes)" in result.stderr
    load(db_url, tmp_path, "quill.txt", quill.read_text(), "2020-03-04", "--reprocess")
    assert codes_of(db_url, "Jane Quill") == ["USAGOV"]
    load(db_url, tmp_path, "late.txt", article.read_text(), "2012-03-02", "--reprocess")
    assert codes_of(db_url, "Hosni Mubarak") == ["EGYCVL"]  # the user's entry wins
    load(
        db_url,
        tmp_path,
        "later.txt",
        "Governor Quill met Kenyan officials on Monday.\n",
        "2021-01-05",
    )
    assert codes_of(db_url, "Jane Quill") == ["USAGOV", "USAGOV"]
    with Database(db_url) as db, db.session() as session:
        origins = set(session.scalars(select(ActorCode.origin)))
        assert origins == {"user"}


def test_a_bad_file_is_refused_whole_with_one_line_per_bad_row(db_url, tmp_path):
    entries = tmp_path / "bad.csv"
    entries.write_text(
        "name,aliases,code,from,until\n"
        "Jane Quill,,USAGOV,2019-01-01,\n"
        "Tom Reed,,gbrgov,,\n"
        "Ann Lee,,USAGOV,2019-02-30,\n",
        encoding="utf-8",
    )
    result = run(db_url, "actors", "import", str(entries))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3 and "bad.csv:3:" in lines[0] and "bad.csv:4:" in lines[1]
    assert "nothing imported" in lines[2] and "Traceback" not in result.output
    with Database(db_url) as db, db.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM actor_entries")).scalar() == 0


def test_a_town_is_never_a_name_of_its_country(db_url, tmp_path):
    text = "A Springfield man was arrested on Monday. Springfield sued the United States.\n"
    load(db_url, tmp_path, "town.txt", text, "2009-07-08")
    with Database(db_url) as db, db.session() as session:
        aliases = session.scalars(
            select(ActorAlias.alias)
            .join(ActorRow, ActorRow.id == ActorAlias.actor_id)
            .where(ActorRow.kind == "country")
        )
        assert "Springfield" not in set(aliases)
    assert not any(
        a["kind"] == "country"
        for e in listed(db_url, "--actor", "Springfield")
        for a in e["actors"]
    )


def test_the_migration_deletes_the_town_aliases_of_countries(db_url, tmp_path):
    load(db_url, tmp_path, "us.txt", "The U.S. criticized Syria on Monday.\n", "2017-04-07")
    engine = create_engine(db_url)
    try:
        downgrade(engine, "d2e8b4c6a1f9")
        with engine.begin() as connection:
            usa = connection.execute(
                text("SELECT id FROM actors WHERE name = 'United States'")
            ).scalar()
            for alias, confirmed in (("Springfield", False), ("Moscow", False), ("Home", True)):
                connection.execute(
                    text(
                        "INSERT INTO actor_aliases (actor_id, alias, alias_key, confirmed) "
                        "VALUES (:a, :alias, :key, :confirmed)"
                    ),
                    {"a": usa, "alias": alias, "key": alias.lower(), "confirmed": confirmed},
                )
        upgrade(engine)
        with engine.connect() as connection:
            kept = set(
                connection.execute(
                    text("SELECT alias FROM actor_aliases WHERE actor_id = :a"), {"a": usa}
                ).scalars()
            )
            # the codes of the events' actors are filled from the actors
            missing = connection.execute(
                text("SELECT count(*) FROM event_actors WHERE code IS NULL")
            ).scalar()
    finally:
        engine.dispose()
    assert "Springfield" not in kept and "Moscow" not in kept
    assert {"Home", "U.S.", "USA"} <= kept  # what the user confirmed, and its own names
    assert missing == 0
