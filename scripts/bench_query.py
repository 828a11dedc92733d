"""Query benchmark: a synthetic database of N events, then the latency of the queries analysts run.

    python scripts/bench_query.py                 # 1,000,000 events on SQLite and PostgreSQL
    python scripts/bench_query.py --quick         # 100,000 events
    python scripts/bench_query.py --db sqlite     # one database only (sqlite / postgres / a URL)
    python scripts/bench_query.py --keep DIR      # keep the SQLite database (and the export's
                                                  # CSV) in DIR and reuse the database

A URL (--db postgresql://.../bench) is filled only if it holds no events yet, so a kept
PostgreSQL database is reused too.

The database is generated directly through the bulk insert path (SQLAlchemy Core on the project's
models, after the Alembic migrations): a few thousand actors with a long tail (Zipf), 10 years of
dates with mixed granularities, 2-4 actors and 0-2 places per event, CAMEO codes weighted as in
news. Each query is the first page (100 events, with their actors and places) that `timeline
events --limit 100` prints, run 30 times with varying parameters (actors from the most frequent
to the long tail; date windows of a week, a month, a year or five years); counts by week is the
weekly histogram of all events. Then `timeline export --format csv` of every event is timed in a
subprocess (in parallel from 100,000 events: see `timeline export --workers`), with its peak
memory, all processes counted. Prints a table and writes JSON (--json, default
bench_query.json).

PostgreSQL: TIMELINE_BENCH_POSTGRES_URL, else TIMELINE_TEST_POSTGRES_URL, else the local server
postgresql+psycopg://postgres@127.0.0.1:5432/test; a fresh database is created there and dropped.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.database.aggregates import weekly_counts  # noqa: E402
from timeline.database.bulk import rebuild_countries, rebuild_dyads  # noqa: E402
from timeline.database.engine import Database  # noqa: E402
from timeline.database.filters import EventFilter  # noqa: E402
from timeline.database.listing import iter_events  # noqa: E402
from timeline.database.models import (  # noqa: E402
    ActorAlias,
    ActorRow,
    ArticleRow,
    EventActor,
    EventLocation,
    EventRow,
    HappeningRow,
    LocationRow,
    fold,
)
from timeline.outputs.parallel import PARALLEL_MIN_EVENTS, default_workers  # noqa: E402

COUNTRIES = (
    "USA RUS CHN SYR IRN IRQ ISR PSE UKR TUR SAU YEM AFG PAK IND GBR FRA DEU ITA JPN KOR PRK "
    "EGY LBY NGA ETH SDN SSD SOM KEN VEN COL MEX BRA ARG CUB LBN JOR QAT ARE POL HUN SRB GEO "
    "ARM AZE BLR KAZ MMR THA PHL IDN VNM"
).split()
SECTORS = ["GOV", "MIL", "REB", "OPP", "COP", "MED", "BUS", "CVL", None]
# CAMEO codes with rough news frequencies, and their quad class
CODES = [
    ("010", 1, 20),
    ("020", 1, 5),
    ("036", 1, 4),
    ("040", 1, 8),
    ("042", 1, 5),
    ("043", 1, 3),
    ("051", 1, 3),
    ("057", 1, 3),
    ("061", 2, 2),
    ("070", 2, 3),
    ("112", 3, 6),
    ("111", 3, 3),
    ("120", 3, 3),
    ("130", 3, 3),
    ("141", 3, 2),
    ("172", 4, 2),
    ("173", 4, 2),
    ("190", 4, 6),
    ("193", 4, 2),
    ("195", 4, 2),
    ("180", 4, 3),
    ("200", 4, 1),
]
WORDS = (
    "the government said officials talks minister visit troops border attack agreement "
    "sanctions meeting president forces rebels capital city province election protest "
    "ceasefire negotiations aid deal accused warned condemned announced launched signed "
    "rejected urged met killed arrested army police opposition media parliament summit"
).split()
PHRASES = ["cruise missiles", "air strikes", "peace talks", "trade agreement", "chemical weapons"]
GRANULARITIES = [("day", 70), ("week", 10), ("month", 10), ("quarter", 3), ("year", 7)]
FIRST_DAY = date(2015, 1, 1)
DAYS = 3652
WINDOW_DAYS = (7, 30, 365, 1826)


def interval(rng: random.Random) -> tuple[str, str, date, date]:
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    granularity = rng.choices([g for g, _ in GRANULARITIES], [w for _, w in GRANULARITIES])[0]
    if granularity == "day":
        return granularity, day.isoformat(), day, day
    if granularity == "week":
        start = day - timedelta(days=day.weekday())
        year, week, _ = start.isocalendar()
        return granularity, f"{year}-W{week:02d}", start, start + timedelta(days=6)
    if granularity == "month":
        start = day.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return granularity, f"{day:%Y-%m}", start, end
    if granularity == "quarter":
        q = (day.month - 1) // 3
        start = date(day.year, 3 * q + 1, 1)
        end = (date(day.year, 3 * q + 3, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return granularity, f"{day.year}-Q{q + 1}", start, end
    return granularity, str(day.year), date(day.year, 1, 1), date(day.year, 12, 31)


def generate(db: Database, events: int, seed: int = 7) -> dict:
    """Fill an empty, migrated database; returns what the queries need to pick parameters."""
    rng = random.Random(seed)
    n_actors, n_places = 3000, 2000
    actors = []
    for i in range(n_actors):
        country = rng.choice(COUNTRIES)
        kind = rng.choices(["person", "country", "organization", "group"], [50, 5, 20, 25])[0]
        name = f"{country} actor {i}" if kind != "country" else f"Country {country} {i}"
        sector = rng.choice(SECTORS)
        actors.append(
            {
                "name": name,
                "name_key": fold(name),
                "kind": kind,
                "country_code": country,
                "code": country + (sector or ""),
                "sector": sector,
                "title": None,
            }
        )
    weights = [1 / (rank + 1) ** 1.1 for rank in range(n_actors)]
    # cumulative once: random.choices would otherwise sum the 3,000 weights on every draw
    cum_weights = list(itertools.accumulate(weights))
    actor_ids = range(1, n_actors + 1)
    code_weights = list(itertools.accumulate(w for _, _, w in CODES))
    places = []
    for i in range(n_places):
        country = rng.choice(COUNTRIES)
        places.append(
            {
                "key": f"geonames:{100000 + i}",
                "name": f"Place {i}",
                "name_key": f"place {i}",
                "country_code": country,
                "latitude": rng.uniform(-60, 70),
                "longitude": rng.uniform(-180, 180),
                "geonames_id": 100000 + i,
                "feature": "city",
            }
        )
    started = time.perf_counter()
    with db.engine.begin() as connection:
        connection.execute(insert(ActorRow), actors)
        connection.execute(
            insert(ActorAlias),
            [
                {
                    "actor_id": i + 1,
                    "alias": a["name"].split()[-1] + f" {i}",
                    "alias_key": fold(a["name"].split()[-1] + f" {i}"),
                    "confirmed": False,
                }
                for i, a in enumerate(actors)
            ],
        )
        connection.execute(insert(LocationRow), places)
    per_article = 10
    batch = 20_000
    event_id = 0
    article_id = 0
    for offset in range(0, events, batch):
        size = min(batch, events - offset)
        article_rows, event_rows, actor_links, place_links = [], [], [], []
        happening_rows = []
        for _ in range(size // per_article + (1 if size % per_article else 0)):
            article_id += 1
            published = datetime(2015, 1, 1, tzinfo=UTC) + timedelta(days=rng.randrange(DAYS))
            article_rows.append(
                {
                    "title": f"Synthetic article {article_id}",
                    "url": f"https://news.example/{article_id}",
                    "published_at": published,
                    "content_hash": uuid.UUID(int=rng.getrandbits(128)).hex * 2,
                    "text": f"Synthetic article {article_id}.",
                    "origin": "bench",
                    "loaded_at": published,
                    "source_id": None,
                }
            )
        first_article = article_id - len(article_rows) + 1
        for k in range(size):
            event_id += 1
            code, quad, _ = rng.choices(CODES, cum_weights=code_weights)[0]
            granularity, value, start, end = interval(rng)
            words = rng.choices(WORDS, k=12)
            if rng.random() < 0.05:
                words.insert(rng.randrange(12), rng.choice(PHRASES))
            sentence = " ".join(words).capitalize() + "."
            event_rows.append(
                {
                    "id": event_id,
                    "article_id": first_article + k // per_article,
                    "time_expression_id": None,
                    "trigger": words[3],
                    "trigger_start": 0,
                    "trigger_end": len(words[3]),
                    "lemma": words[3],
                    "sentence": sentence,
                    "sentence_start": 0,
                    "sentence_end": len(sentence),
                    "event_code": code,
                    "event_label": f"CAMEO {code}",
                    "quad_class": quad,
                    "goldstein": 0.0,
                    "status": rng.choices(["asserted", "planned", "reported"], [80, 10, 10])[0],
                    "date_source": rng.choice(["text", "publication"]),
                    "date_value": value,
                    "granularity": granularity,
                    "date_start": start,
                    "date_end": end,
                    "plover_type": None,
                    "plover_mode": None,
                    "happening_id": event_id,  # each synthetic event its own happening
                }
            )
            happening_rows.append(
                {
                    "id": event_id,
                    "event_code": code,
                    "granularity": granularity,
                    "date_start": start,
                    "date_end": end,
                    "first_reported": article_rows[k // per_article]["published_at"],
                    "last_reported": article_rows[k // per_article]["published_at"],
                    "mentions": 1,
                    "articles": 1,
                    "sources": 0,
                }
            )
            chosen = set()
            while len(chosen) < rng.choice((2, 2, 3, 4)):
                chosen.add(rng.choices(actor_ids, cum_weights=cum_weights)[0])
            for role, actor_id in zip(("source", "target", "other", "other"), chosen, strict=False):
                actor_links.append(
                    {
                        "event_id": event_id,
                        "actor_id": actor_id,
                        "role": role,
                        "text": None,
                        "start_char": None,
                        "end_char": None,
                        "title": None,
                        "granularity": granularity,
                        "date_start": start,
                        "date_end": end,
                    }
                )
            for place_id in set(rng.choices(range(1, n_places + 1), k=rng.choice((0, 1, 1, 2)))):
                place_links.append(
                    {
                        "event_id": event_id,
                        "location_id": place_id,
                        "text": None,
                        "start_char": None,
                        "end_char": None,
                    }
                )
        with db.engine.begin() as connection:
            connection.execute(insert(ArticleRow), article_rows)
            connection.execute(insert(HappeningRow), happening_rows)
            connection.execute(insert(EventRow), event_rows)
            connection.execute(insert(EventActor), actor_links)
            # who acts on whom and the countries, derived from the links as `timeline load` does
            new_events = select(EventRow.id).where(EventRow.id > event_id - len(event_rows))
            rebuild_dyads(connection, new_events)
            if place_links:
                connection.execute(insert(EventLocation), place_links)
            rebuild_countries(connection, new_events)
        print(f"  generated {event_id:,} events", file=sys.stderr, end="\r")
    with db.engine.begin() as connection:
        if db.dialect == "postgresql":
            connection.execute(text(f"SELECT setval('events_id_seq', {event_id})"))
            connection.execute(text(f"SELECT setval('happenings_id_seq', {event_id})"))
    # statistics, and on PostgreSQL the visibility map that index-only scans need (what
    # autovacuum does to a database some time after a bulk load)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE" if db.dialect == "postgresql" else "ANALYZE"))
    print(file=sys.stderr)
    return {"seconds": time.perf_counter() - started, "actors": actors, "n_actors": n_actors}


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run_queries(db: Database, runs: int) -> dict:
    rng = random.Random(11)
    with db.session() as session:  # actor ids follow their frequency rank (Zipf)
        actors = [{"name": n} for n in session.scalars(select(ActorRow.name).order_by(ActorRow.id))]
    # actors spread over the frequency range: the most frequent down to the long tail
    ranks = [0, 1, 3, 10, 30, 100, 300, 1000, 2999]
    picks = [actors[ranks[i % len(ranks)]]["name"] for i in range(runs)]

    def window() -> tuple[date, date]:  # a week, a month, a year or five years
        days = rng.choice(WINDOW_DAYS)
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - days))
        return start, start + timedelta(days=days - 1)

    def page(flt: EventFilter):
        with db.connect() as connection:
            return list(iter_events(connection, flt))

    def in_window(**kwargs) -> EventFilter:
        since, until = window()
        return EventFilter(since=since, until=until, limit=100, **kwargs)

    queries = {
        "by actor": lambda i: EventFilter(actor=picks[i], limit=100),
        "by dyad": lambda i: EventFilter(
            between=(actors[i % 5]["name"], actors[(i + 1) % 7 + 5]["name"]), limit=100
        ),
        "by date window": lambda i: in_window(),
        "actor + window": lambda i: in_window(actor=picks[i]),
        "by country": lambda i: EventFilter(country=COUNTRIES[i % len(COUNTRIES)], limit=100),
        "full-text": lambda i: EventFilter(text=PHRASES[i % len(PHRASES)], limit=100),
    }
    results = {}
    for name, make in queries.items():
        page(make(0))  # warm the cache
        times = [timed(lambda i=i, make=make: page(make(i))) for i in range(runs)]
        results[name] = {"p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95)}
    weekly_counts_all(db)
    times = [timed(lambda: weekly_counts_all(db)) for _ in range(max(5, runs // 3))]
    results["count by week"] = {"p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95)}
    return results


def weekly_counts_all(db: Database) -> None:
    with db.connect() as connection:
        weekly_counts(connection, EventFilter())


def run_export(url: str, out: Path) -> dict:
    code = (
        "import resource, sys, time\n"
        "from timeline.cli import main\n"
        "t = time.perf_counter()\n"
        "try:\n"
        f"    main(['--db', {url!r}, 'export', '--format', 'csv', '-o', {str(out)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,\n"
        "      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    seconds, peak_kb, worker_peak_kb = done.stdout.split()
    rows = sum(1 for _ in out.open(encoding="utf-8")) - 1
    workers = default_workers() if rows >= PARALLEL_MIN_EVENTS else 1
    worker_mb = int(worker_peak_kb) / 1024 if workers > 1 else 0
    return {
        "seconds": float(seconds),
        "workers": workers,
        "main_peak_mb": int(peak_kb) / 1024,
        "worker_peak_mb": worker_mb,
        # every process at its peak at once: an upper bound of the memory the export needs
        "peak_mb": int(peak_kb) / 1024 + workers * worker_mb,
        "rows": rows,
    }


def postgres_base() -> str:
    return (
        os.environ.get("TIMELINE_BENCH_POSTGRES_URL")
        or os.environ.get("TIMELINE_TEST_POSTGRES_URL")
        or "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 events instead of 1,000,000")
    parser.add_argument("--events", type=int, help="number of events (overrides --quick)")
    parser.add_argument("--db", action="append", help="sqlite, postgres or a URL (repeatable)")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", default="bench_query.json")
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="keep the SQLite database in DIR and reuse it on the next run (no regeneration)",
    )
    args = parser.parse_args()
    events = args.events or (100_000 if args.quick else 1_000_000)
    targets = args.db or ["sqlite", "postgres"]
    report = {"events": events, "databases": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for target in targets:
            drop = None
            reuse = False
            if target == "sqlite":
                folder = Path(args.keep or tmp)
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / f"bench-{events}.db"
                reuse = args.keep is not None and path.exists()
                url = f"sqlite:///{path}"
            elif target == "postgres":
                base = make_url(postgres_base())
                name = f"timeline_bench_{uuid.uuid4().hex[:8]}"
                admin = create_engine(base, isolation_level="AUTOCOMMIT")
                with admin.connect() as connection:
                    connection.execute(text(f'CREATE DATABASE "{name}"'))
                url = base.set(database=name).render_as_string(hide_password=False)

                def drop(admin=admin, name=name):
                    with admin.connect() as connection:
                        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

            else:
                url = target
            try:
                db = Database(url)
                if not reuse and target not in ("sqlite", "postgres"):
                    with db.session() as session:  # a URL given: reuse the events it holds
                        reuse = bool(session.scalar(select(func.count()).select_from(EventRow)))
                seconds = None
                if not reuse:
                    print(f"{db.dialect}: generating {events:,} events", file=sys.stderr)
                    seconds = generate(db, events)["seconds"]
                with db.session() as session:
                    stored = session.scalar(select(func.count()).select_from(EventRow))
                queries = run_queries(db, args.runs)
                db.close()
                # with --keep, the export stays beside the database (to compare with `cmp`)
                export_path = Path(args.keep or tmp) / f"export-{events}-{db.dialect}.csv"
                export = run_export(url, export_path)
                report["databases"][db.dialect if target == url else target] = {
                    "events": stored,
                    "generate_seconds": round(seconds, 1) if seconds else None,
                    "queries": queries,
                    "export_csv": export,
                }
            finally:
                if drop:
                    drop()
    print_report(report)
    Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")


def print_report(report: dict) -> None:
    print(f"\nquery latency on {report['events']:,} events (first page of 100, with actors/places)")
    names = list(next(iter(report["databases"].values()))["queries"])
    header = f"{'query':<16}" + "".join(
        f"{db + ' p50':>16}{db + ' p95':>16}" for db in report["databases"]
    )
    print(header)
    for name in names:
        line = f"{name:<16}"
        for data in report["databases"].values():
            q = data["queries"][name]
            line += f"{q['p50_ms']:>14.1f}ms{q['p95_ms']:>14.1f}ms"
        print(line)
    for db, data in report["databases"].items():
        export = data["export_csv"]
        print(
            f"{db}: generated in {data['generate_seconds']} s; export csv of {export['rows']:,} "
            f"rows: {export['seconds']:.1f} s with {export['workers']} process(es), peak memory "
            f"{export['peak_mb']:.0f} MB (main {export['main_peak_mb']:.0f} MB + "
            f"{export['workers']} x {export['worker_peak_mb']:.0f} MB)"
        )


if __name__ == "__main__":
    main()
