#!/usr/bin/env python3
"""Writes Gazetteer/wof/SY.csv, the gazetteer's village layer: every current Syrian locality of Who's On First
(https://github.com/whosonfirst-data/whosonfirst-data-admin-sy; structure CC0, names from GeoNames CC BY 4.0),
with its GeoNames id, its names in Latin and Arabic script, and the OCHA district and governorate it lies in
(localities more than about 5 km outside every OCHA district, across the border, are left out).

Reads the repository's GeoJSON records straight from a git directory (a clone, bare or not), so no work tree is
needed:

    scripts/import-wof.py GIT_DIR [OCHA_FOLDER] [-o Gazetteer/wof/SY.csv]

OCHA_FOLDER holds syr_admin2_2015.geojson (UN OCHA, CC BY 3.0 IGO); by default ../shared/data/ocha.
scripts/test-import-wof.py compares the localities read here with the published extract wof_sy_localities.csv.
"""
import argparse
import json
import os
import subprocess
import sys

from gazetteer_layer import Districts, RowError, coordinate, fail, scripts_of, settlement_kind, write_layer

EXTRACT_FIELDS = ["wof_id", "name_en", "name_ar", "lat", "lon", "gn_id", "gn_feature_code", "gn_population",
                  "region_id", "region_en", "region_ar", "county_id", "county_en", "county_ar", "is_current",
                  "deprecated", "src_geom"]


#: Words that make a locality a camp: "Mukhayyam al Yarmuk", "Khan Shih Camp", "مخيم اليرموك".
CAMP_WORDS = ("mukhayyam", "mukhayam", "mokhayam", " camp", "مخيم")


def records(git_dir):
    """Every GeoJSON record of the repository's data/ folder, as (path, properties)."""
    git = ["git", f"--git-dir={git_dir}"]
    listing = subprocess.run(git + ["ls-tree", "-r", "--name-only", "HEAD", "data"],
                             capture_output=True, text=True, check=True).stdout.split("\n")
    paths = [path for path in listing if path.endswith(".geojson")]
    if not paths:
        fail(f"{git_dir} has no data/*.geojson at HEAD; give the git directory of whosonfirst-data-admin-sy")
    batch = subprocess.run(git + ["cat-file", "--batch"], input="".join(f"HEAD:{p}\n" for p in paths).encode(),
                           capture_output=True, check=True).stdout
    offset = 0
    for path in paths:
        end = batch.index(b"\n", offset)
        size = int(batch[offset:end].split()[2])
        body = batch[end + 1:end + 1 + size]
        offset = end + 1 + size + 1
        try:
            yield path, json.loads(body)["properties"]
        except (ValueError, KeyError) as error:
            line = body[:getattr(error, "pos", 0)].count(b"\n") + 1
            raise RowError(path, line, 1, f"not a GeoJSON feature ({error}); the record is damaged")


def first(properties, key):
    values = properties.get(key) or []
    return values[0] if values else ""


def localities(git_dir):
    """The localities with the fields of wof_sy_localities.csv, and each one's other names and record path."""
    by_id, paths = {}, {}
    for path, properties in records(git_dir):
        by_id[properties["wof:id"]] = properties
        paths[properties["wof:id"]] = path
    for wof_id, properties in by_id.items():
        if properties.get("wof:placetype") != "locality":
            continue
        hierarchy = (properties.get("wof:hierarchy") or [{}])[0]
        region = by_id.get(hierarchy.get("region_id"), {})
        county = by_id.get(hierarchy.get("county_id"), {})
        for key in ("geom:latitude", "geom:longitude"):
            if not isinstance(properties.get(key), (int, float)):
                raise RowError(paths[wof_id], 1, 1, f"\"{key}\" is missing or not a number; the record has no point")
        row = {
            "wof_id": wof_id, "name_en": properties.get("wof:name", ""),
            "name_ar": first(properties, "name:ara_x_preferred"),
            "lat": properties["geom:latitude"], "lon": properties["geom:longitude"],
            "gn_id": properties.get("wof:concordances", {}).get("gn:id", ""),
            "gn_feature_code": properties.get("gn:feature_code", ""),
            "gn_population": properties.get("gn:population", ""),
            "region_id": hierarchy.get("region_id", ""), "region_en": region.get("wof:name", ""),
            "region_ar": first(region, "name:ara_x_preferred"),
            "county_id": hierarchy.get("county_id", ""), "county_en": county.get("wof:name", ""),
            "county_ar": first(county, "name:ara_x_preferred"),
            "is_current": properties.get("mz:is_current", ""), "deprecated": properties.get("edtf:deprecated", ""),
            "src_geom": properties.get("src:geom", ""),
        }
        others = [value for key, values in sorted(properties.items()) if key.startswith("name:")
                  for value in values] + [properties.get("gn:asciiname", "")]
        yield row, others


def place(row, others, districts):
    """The locality as a gazetteer row: id gn-N when GeoNames knows it (so the GeoNames layer's row and this one
    are one place), else wof-N."""
    name_en, name_ar = row["name_en"], row["name_ar"]
    if not any("\u0600" <= c <= "\u06ff" for c in name_ar):
        others.append(name_ar)
        name_ar = ""
    seen = {name_en.casefold(), name_ar.casefold()}
    alternates = []
    for name in others:
        name = name.strip()
        if name and "|" not in name and scripts_of(name) and name.casefold() not in seen:
            seen.add(name.casefold())
            alternates.append(name)
    population = row["gn_population"] or 0
    kind = settlement_kind(row["gn_feature_code"], population)
    if any(word in name.casefold() for name in [name_en, name_ar] + alternates for word in CAMP_WORDS):
        kind = "camp"
    admin1, admin2 = districts.at(row["lon"], row["lat"])
    gn_id = str(row["gn_id"]) if row["gn_id"] not in ("", None, -1, 0) else ""
    return {
        "id": f"gn-{gn_id}" if gn_id else f"wof-{row['wof_id']}",
        "kind": kind,
        "name_en": name_en, "name_ar": name_ar, "alt_names": "|".join(alternates),
        "lat": coordinate(row["lat"]), "lon": coordinate(row["lon"]), "parent": "", "admin1": admin1,
        "population": population or "", "source": f"WOF {row['wof_id']}", "admin2": admin2, "pcode": "",
        "geonames_id": gn_id,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("git_dir")
    parser.add_argument("ocha", nargs="?", default="../shared/data/ocha")
    parser.add_argument("-o", "--output", default="Gazetteer/wof/SY.csv")
    arguments = parser.parse_args()
    districts = Districts(os.path.join(arguments.ocha, "syr_admin2_2015.geojson"))
    try:
        rows, seen = [], set()
        for row, others in localities(arguments.git_dir):
            if row["deprecated"]:
                continue  # WOF deprecates duplicates and mistakes; a deprecated record names no place
            entry = place(row, others, districts)
            if not entry["admin1"]:
                continue  # WOF files a few Turkish border villages under Syria; OCHA's districts leave them out
            if entry["id"] in seen:
                entry["id"] = f"wof-{row['wof_id']}"
            seen.add(entry["id"])
            rows.append(entry)
    except RowError as error:
        fail(f"{error}; {arguments.output} is unchanged")
    rows.sort(key=lambda entry: entry["source"])
    write_layer(arguments.output, rows)
    print(f"wrote {len(rows)} localities to {arguments.output} (Who's On First, CC0; names GeoNames, CC BY 4.0)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
