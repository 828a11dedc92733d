"""ACLED and GDELT column profiles: CSV files an analyst can drop into an ACLED or GDELT workflow.

`write_profile(events, "acled" | "gdelt", out)` writes one CSV row per event with the columns
named as those projects name them and the values converted to their conventions (ACLED dates
"11 April 2017", numeric ISO codes and inter codes; GDELT YYYYMMDD dates, FIPS 10-4 country codes,
CAMEO actor codes split into country and types). Lookup tables are data files under
timeline/data/: fips_countries.tsv, acled_countries.tsv, acled_cameo.tsv, acled_inter.tsv.

Both projects code events differently from this pipeline, so some columns are approximations and
some cannot be filled. Which ones, and how (the README quotes this table):

    profile  column                      value written here
    -------  --------------------------  -------------------------------------------------------
    acled    event_id_cnty               ISO alpha-3 of the event's country (XXX if unknown) +
                                         the event id
    acled    event_date, year            the day; for a week/month/year the middle day of it
    acled    time_precision              1 one day, 2 up to 7 days, 3 longer (ACLED's codebook)
    acled    disorder_type, event_type,  from the CAMEO code (acled_cameo.tsv): 18/19/20 violence
             sub_event_type              -> Battles, Explosions/Remote violence, Violence against
                                         civilians; 14 -> Protests/Riots; others -> Strategic
                                         developments. APPROXIMATE: CAMEO codes the action only
    acled    actor1, assoc_actor_1       first source actor; the other source actors ("; ")
    acled    actor2, assoc_actor_2       first target actor; the other target actors
    acled    inter1, inter2, interaction from the CAMEO actor type (acled_inter.tsv); protesters 6,
                                         rioters 5 in protest events. APPROXIMATE; empty if unknown
    acled    civilian_targeting          "Civilian targeting" for violence against civilians or
                                         political violence whose target is civilian (inter2 7)
    acled    iso, region, country        of the most precise place, else of the first actor with a
                                         country
    acled    admin1, admin2              the first-level region the place lies in (or is) / the
                                         place's name when it is a county
    acled    admin3                      empty (not resolved)
    acled    location, lat., long.       the event's most precise place (a country at its
                                         representative point, not its capital)
    acled    geo_precision               as ACLED codes it: 1 the town itself, 2 near a town or a
                                         county, 3 a region (province) or a whole country; the
                                         tags say where the article ties the place to the event
                                         (place_source=phrase / sentence / paragraph / dateline)
    acled    source_scale                empty (not known)
    acled    notes                       the sentence the event was read from
    acled    fatalities                  EMPTY, not 0: fatalities are not extracted
    acled    tags                        status=... (asserted, planned, negated, hypothetical,
                                         reported), date_source=... and place_source=...; ACLED
                                         codes only events that happened: filter on
                                         status=asserted if needed; happening=ID and reports=N
                                         (its mentions), to keep one row per happening
    acled    timestamp                   Unix time of the article's publication
    gdelt    GLOBALEVENTID               the event id in this database
    gdelt    SQLDATE, MonthYear, Year    of date_start
    gdelt    FractionDate                year + (day of year - 1) / days in the year, 4 decimals
    gdelt    Actor1*/Actor2*             first source / first target actor: CAMEO code, name in
                                         capitals, country from the code (or the actor's country),
                                         Type1-3 from the code's three-letter parts
    gdelt    Actor*KnownGroupCode,       empty (not coded)
             EthnicCode, Religion*Code
    gdelt    IsRootEvent                 empty (the event's place in the article is not kept)
    gdelt    NumMentions, NumSources,    of the event's happening: its mentions, its outlets (an
             NumArticles                 article without one counts as one) and its articles
    gdelt    AvgTone                     EMPTY: tone is not measured
    gdelt    Actor1Geo_*, Actor2Geo_*    Type 0, others empty: actors are not placed apart from the
                                         event
    gdelt    ActionGeo_*                 the event's most precise place
    gdelt    ActionGeo_Type              1 country, 2 US state, 3 US city, 4 world city, 5 world
                                         state (counties count as states)
    gdelt    ActionGeo_CountryCode       FIPS 10-4 (fips_countries.tsv): Germany GM, Russia RS
    gdelt    ActionGeo_ADM1Code          FIPS country code (+ the state's postal code for a US
                                         place); finer ADM1 codes are not resolved
    gdelt    ActionGeo_ADM2Code          empty
    gdelt    ActionGeo_FeatureID         the FIPS code for a country (as GDELT does), else empty
    gdelt    DATEADDED                   the article's publication time, YYYYMMDDHHMMSS UTC
    gdelt    SOURCEURL                   the article's URL

GDELT's own files are tab-separated without a header; these are comma-separated with one, so
`pandas.read_csv(path)` reads them with GDELT's column names.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import TextIO

from timeline.data import read_table
from timeline.database.record import EventRecord, Participant, Place
from timeline.errors import InputError

PROFILES = ("acled", "gdelt")
JOIN = "; "

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

_GDELT_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GDELT_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{name}" for name in _GDELT_ACTOR),
    *(f"Actor2{name}" for name in _GDELT_ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{name}" for name in _GDELT_GEO),
    *(f"Actor2Geo_{name}" for name in _GDELT_GEO),
    *(f"ActionGeo_{name}" for name in _GDELT_GEO),
    "DATEADDED",
    "SOURCEURL",
)

HELP = (
    "--profile acled|gdelt writes CSV with ACLED's or GDELT 2.0's column names and conventions. "
    "Approximations: ACLED event types and actor inter codes are mapped from CAMEO codes; "
    "fatalities, admin3 and source_scale are left empty (not extracted); imprecise dates are "
    "the middle day of their week/month. GDELT: AvgTone and IsRootEvent are empty, "
    "NumMentions/NumSources/NumArticles are those of the event's happening, actor geography is "
    "empty, ActionGeo_ADM1Code is the FIPS country code (US: + state), DATEADDED is the "
    "article's publication time."
)


# --- data files ----------------------------------------------------------------------------------


def _rows(name: str) -> list[list[str]]:
    """A data file's rows: '#' comments and the header line skipped, cells stripped."""
    return [list(row) for row in read_table(name)]


@lru_cache(maxsize=1)
def fips_codes() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (FIPS 10-4 code, English name)."""
    return {row[0]: (row[1], row[2]) for row in _rows("fips_countries.tsv")}


@lru_cache(maxsize=1)
def acled_countries() -> dict[str, tuple[int, str]]:
    """ISO alpha-3 -> (ISO numeric code, ACLED region)."""
    return {row[0]: (int(row[1]), row[2]) for row in _rows("acled_countries.tsv")}


@lru_cache(maxsize=1)
def acled_types() -> dict[str, tuple[str, str, str]]:
    """CAMEO code prefix -> (disorder_type, event_type, sub_event_type)."""
    return {row[0]: (row[1], row[2], row[3]) for row in _rows("acled_cameo.tsv")}


@lru_cache(maxsize=1)
def acled_inter_codes() -> dict[str, int]:
    """CAMEO actor type (GOV, MIL, REB, IGO ...) -> ACLED inter code 1-8."""
    return {row[0]: int(row[1]) for row in _rows("acled_inter.tsv")}


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """US state name (folded) -> postal code, for GDELT's USCA-style ADM1 codes."""
    states: dict[str, str] = {}
    for row in _rows("us_states.tsv"):
        if len(row) >= 2 and len(row[0]) == 2:
            states[row[1].casefold()] = row[0]
    return states


DEFAULT_ACLED_TYPE = ("Strategic developments", "Strategic developments", "Other")


def acled_type(event_code: str | None) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) of a CAMEO code: the longest prefix listed."""
    table = acled_types()
    code = event_code or ""
    for length in range(len(code), 1, -1):
        found = table.get(code[:length])
        if found:
            return found
    return DEFAULT_ACLED_TYPE


def fips(alpha3: str | None) -> str:
    """The FIPS 10-4 code of an ISO alpha-3 country code ('' if unknown)."""
    return fips_codes().get(alpha3 or "", ("", ""))[0]


def country_name(alpha3: str | None) -> str:
    return fips_codes().get(alpha3 or "", ("", ""))[1]


# --- shared helpers ---------------------------------------------------------------------------


def _day(value) -> date | None:
    if not value:
        return None
    return date.fromisoformat(value) if isinstance(value, str) else value


def _moment(value) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _role(event: EventRecord, role: str) -> list[Participant]:
    return [actor for actor in event.actors if actor.role == role]


# ACLED's geo precision of a place stored without one, by its feature (1 town, 2 county, 3 region
# or country)
PRECISION_OF_FEATURE = {"city": 1, "place": 1, "county": 2, "region": 3, "state": 3, "country": 3}


def _admin1(place: Place | None) -> str:
    """The first-level region a place lies in, or is."""
    if place is None:
        return ""
    return place.admin1 or (place.name if place.feature in ("region", "state") else "")


def _located(event: EventRecord) -> Place | None:
    """The event's most precise place (the first of those), preferring one with coordinates."""
    places = sorted(
        event.locations,
        key=lambda p: (p.latitude is None, p.precision or PRECISION_OF_FEATURE.get(p.feature, 1)),
    )
    return places[0] if places else None


def _country(event: EventRecord, place: Place | None) -> str | None:
    if place and place.country_code:
        return place.country_code
    for actor in _role(event, "source") + _role(event, "target") + _role(event, "other"):
        if actor.country_code:
            return actor.country_code
    return None


def _split_code(code: str | None, country_code: str | None) -> tuple[str, list[str]]:
    """A CAMEO actor code -> (country, [types]): USAGOV -> (USA, [GOV]); IGO -> (-, [IGO])."""
    code = (code or "").upper()
    parts = [code[i : i + 3] for i in range(0, len(code), 3) if code[i : i + 3]]
    country = ""
    if parts and parts[0] in fips_codes():
        country = parts.pop(0)
    return country or (country_code or ""), parts


# --- ACLED ---------------------------------------------------------------------------------------


def _inter(actor: Participant | None, event_type: str) -> int | None:
    if actor is None:
        return None
    if event_type == "Protests":
        return 6
    if event_type == "Riots":
        return 5
    country, types = _split_code(actor.code, None)
    table = acled_inter_codes()
    for kind in types:
        if kind in table:
            return table[kind]
    if country and not types or actor.kind == "country":
        return 1  # a country acting as such: its state
    return None


def _interaction(first: int | None, second: int | None) -> str:
    """ACLED's joint code: the two inter codes, lowest first; a lone actor's code then 0."""
    codes = sorted(c for c in (first, second) if c)
    if not codes:
        return ""
    if len(codes) == 1:
        return f"{codes[0]}0"
    return f"{codes[0]}{codes[1]}"


def time_precision(start: date | None, end: date | None) -> int | None:
    """ACLED: 1 the day is known, 2 within a week or a few days, 3 a month or longer."""
    if start is None:
        return None
    days = ((end or start) - start).days + 1
    if days <= 1:
        return 1
    if days <= 7:
        return 2
    return 3


def acled_date(day: date) -> str:
    """ACLED's written date: 11 April 2017."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def acled_row(event: EventRecord) -> dict:
    start, end = _day(event.date_start), _day(event.date_end)
    middle = start + (end - start) // 2 if start and end else start
    disorder, event_type, sub_event = acled_type(event.event_code)
    sources, targets = _role(event, "source"), _role(event, "target")
    actor1 = sources[0] if sources else None
    actor2 = targets[0] if targets else None
    inter1 = _inter(actor1, event_type)
    inter2 = _inter(actor2, "")
    place = _located(event)
    country = _country(event, place)
    iso, region = acled_countries().get(country or "", (None, ""))
    feature = place.feature if place else None
    precision = None
    if place is not None:  # as stored; rows stored without one: from the feature
        precision = place.precision or PRECISION_OF_FEATURE.get(feature or "", 1)
    civilian = event_type == "Violence against civilians" or (
        disorder == "Political violence" and inter2 == 7
    )
    published = _moment(event.article_published_at)
    return {
        "event_id_cnty": f"{country or 'XXX'}{event.id}",
        "event_date": acled_date(middle) if middle else "",
        "year": middle.year if middle else "",
        "time_precision": time_precision(start, end),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_event,
        "actor1": actor1.name if actor1 else "",
        "assoc_actor_1": JOIN.join(a.name for a in sources[1:]),
        "inter1": inter1,
        "actor2": actor2.name if actor2 else "",
        "assoc_actor_2": JOIN.join(a.name for a in targets[1:]),
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": iso,
        "region": region,
        "country": country_name(country),
        "admin1": _admin1(place),
        "admin2": place.name if place and feature == "county" else "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": precision,
        "source": event.article_source or "",
        "source_scale": "",
        "notes": event.sentence or "",
        "fatalities": "",
        "tags": f"status={event.status}; date_source={event.date_source}"
        + (f"; place_source={place.place_source}" if place and place.place_source else "")
        + (
            f"; happening={event.happening_id}; reports={event.happening_mentions}"
            if event.happening_id is not None
            else ""
        ),
        "timestamp": int(published.timestamp()) if published else "",
    }


# --- GDELT ---------------------------------------------------------------------------------------


def fraction_date(day: date) -> str:
    """GDELT's YYYY.FFFF: the year plus the share of it elapsed before this day."""
    length = (date(day.year + 1, 1, 1) - date(day.year, 1, 1)).days
    return f"{day.year + (day.timetuple().tm_yday - 1) / length:.4f}"


def _gdelt_actor(prefix: str, actor: Participant | None) -> dict:
    row = {f"{prefix}{name}": "" for name in _GDELT_ACTOR}
    if actor is None:
        return row
    country, types = _split_code(actor.code, actor.country_code)
    row[f"{prefix}Code"] = (actor.code or country or "").upper()
    row[f"{prefix}Name"] = actor.name.upper()
    row[f"{prefix}CountryCode"] = country
    for number, kind in enumerate(types[:3], start=1):
        row[f"{prefix}Type{number}Code"] = kind
    return row


def _gdelt_geo(prefix: str, place: Place | None) -> dict:
    row = {f"{prefix}_{name}": "" for name in _GDELT_GEO}
    row[f"{prefix}_Type"] = 0
    if place is None:
        return row
    alpha3 = place.country_code
    code = fips(alpha3)
    feature = place.feature or "city"
    american = alpha3 == "USA"
    if feature == "country":
        kind = 1
    elif feature in ("region", "state", "county"):
        kind = 2 if american else 5
    else:
        kind = 3 if american else 4
    name = place.name or ""
    country = country_name(alpha3)
    full = name if kind == 1 or not country or country == name else f"{name}, {country}"
    adm1 = code
    state = name if feature in ("region", "state") else place.admin1
    if american and state:
        postal = _us_states().get(state.casefold())
        adm1 = f"US{postal}" if postal else code
    row.update(
        {
            f"{prefix}_Type": kind,
            f"{prefix}_FullName": full,
            f"{prefix}_CountryCode": code,
            f"{prefix}_ADM1Code": adm1,
            f"{prefix}_Lat": place.latitude,
            f"{prefix}_Long": place.longitude,
            f"{prefix}_FeatureID": code if kind == 1 else "",
        }
    )
    return row


def gdelt_row(event: EventRecord) -> dict:
    start = _day(event.date_start)
    code = event.event_code or ""
    sources, targets = _role(event, "source"), _role(event, "target")
    published = _moment(event.article_published_at)
    row = {
        "GLOBALEVENTID": event.id,
        "SQLDATE": start.strftime("%Y%m%d") if start else "",
        "MonthYear": start.strftime("%Y%m") if start else "",
        "Year": start.year if start else "",
        "FractionDate": fraction_date(start) if start else "",
        **_gdelt_actor("Actor1", sources[0] if sources else None),
        **_gdelt_actor("Actor2", targets[0] if targets else None),
        "IsRootEvent": "",
        "EventCode": code,
        "EventBaseCode": code[:3],
        "EventRootCode": code[:2],
        "QuadClass": event.quad_class,
        "GoldsteinScale": event.goldstein,
        "NumMentions": event.happening_mentions or 1,
        "NumSources": event.happening_sources or 1,
        "NumArticles": event.happening_articles or 1,
        "AvgTone": "",
        **_gdelt_geo("Actor1Geo", None),
        **_gdelt_geo("Actor2Geo", None),
        **_gdelt_geo("ActionGeo", _located(event)),
        "DATEADDED": published.strftime("%Y%m%d%H%M%S") if published else "",
        "SOURCEURL": event.article_url or "",
    }
    return row


# --- writer --------------------------------------------------------------------------------------


def write_profile(events: Iterable[EventRecord], profile: str, out: TextIO) -> int:
    """Write the events as CSV in the ACLED or GDELT profile; returns the rows written."""
    if profile == "acled":
        columns, convert = ACLED_COLUMNS, acled_row
    elif profile == "gdelt":
        columns, convert = GDELT_COLUMNS, gdelt_row
    else:
        raise InputError(f"unknown profile {profile!r}: one of {', '.join(PROFILES)}")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(convert(event))
        count += 1
    return count
