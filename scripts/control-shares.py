#!/usr/bin/env python3
"""Prints the share of the country each side holds on each date under a scenario's region claims (OCHA P-codes
in claims.csv) and its areas.geojson, counting districts and areas only (place claims are left out): a check of
region claims against published control estimates that needs no build of the engine.

    pip install shapely pyproj pyyaml
    scripts/control-shares.py Scenarios/aleppo-2024 [OCHA_ADMIN2_GEOJSON] [--from 2024-11-26] [--to 2024-12-08]

A unit's state on a date comes from its latest claims dated on or before it (a district's own claims before its
governorate's on the same date): `control` by actors of one side is held by that side, by several sides contested;
`withdrawn` with nobody in is abandoned. An area's state wins over the units under it. Areas are geodesic (WGS84).
"""
import argparse
import csv
import datetime
import json
import os

import yaml
from pyproj import Geod
from shapely.geometry import shape
from shapely.ops import unary_union

GEOD = Geod(ellps="WGS84")


def km2(geometry):
    return abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6


def side_of(settings):
    sides = {}
    for side in settings.get("sides") or []:
        for actor in side["actors"]:
            sides[actor] = side["id"]
    for actor in settings.get("actors") or []:
        sides.setdefault(actor["id"], actor["id"])
    return sides


def state(claims, date, sides):
    """The state of one unit on a date from its claims [(date, actor, status)]: a side, 'contested',
    'abandoned', or None."""
    dated = [claim for claim in claims if claim[0] <= date]
    if not dated:
        return None
    latest = max(claim[0] for claim in dated)
    present = {sides[actor] for day, actor, status in dated if day == latest and status in ("control", "contested")}
    if not present:
        return "abandoned"
    return present.pop() if len(present) == 1 else "contested"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("admin2", nargs="?", default="/work/shared/data/ocha/syr_admin2_2015.geojson")
    parser.add_argument("--from", dest="first", default="2024-11-26")
    parser.add_argument("--to", dest="last", default="2024-12-08")
    args = parser.parse_args()

    with open(os.path.join(args.scenario, "scenario.yaml"), encoding="utf-8") as handle:
        sides = side_of(yaml.safe_load(handle))
    with open(args.admin2, encoding="utf-8") as handle:
        districts = {f["properties"]["PCODE"]: shape(f["geometry"]) for f in json.load(handle)["features"]}
    country = unary_union(list(districts.values()))

    unit_claims = {}
    with open(os.path.join(args.scenario, "claims.csv"), encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["place"].startswith("SY"):
                unit_claims.setdefault(row["place"], []).append((row["date"], row["actor"], row["status"]))
    area_claims, area_shapes = {}, {}
    areas_path = os.path.join(args.scenario, "areas.geojson")
    if os.path.exists(areas_path):
        with open(areas_path, encoding="utf-8") as handle:
            for feature in json.load(handle)["features"]:
                p = feature["properties"]
                area_claims.setdefault(p["id"], []).append((p["date"], p["actor"], p.get("status", "control")))
                area_shapes[p["id"]] = shape(feature["geometry"]).intersection(country)

    total = km2(country)
    day = datetime.date.fromisoformat(args.first)
    print(f"country {total:,.0f} km²")
    while day <= datetime.date.fromisoformat(args.last):
        date = day.isoformat()
        tally = {}
        active = {ident: state(claims, date, sides) for ident, claims in area_claims.items()}
        covered = unary_union([area_shapes[i] for i, s in active.items() if s]) if any(active.values()) else None
        for code, outline in districts.items():
            own = unit_claims.get(code, [])
            own_dates = {claim[0] for claim in own}
            claims = own + [claim for claim in unit_claims.get(code[:4], []) if claim[0] not in own_dates]
            held = state(claims, date, sides) or "unreported"
            rest = outline.difference(covered) if covered is not None else outline
            tally[held] = tally.get(held, 0) + km2(rest)
        for ident, held in active.items():
            if held:
                tally[held] = tally.get(held, 0) + km2(area_shapes[ident])
        parts = ", ".join(f"{name} {value:,.0f} km² ({100 * value / total:.1f}%)" for name, value in sorted(tally.items(), key=lambda kv: -kv[1]))
        print(f"{date}: {parts}")
        day += datetime.timedelta(days=1)


if __name__ == "__main__":
    main()
