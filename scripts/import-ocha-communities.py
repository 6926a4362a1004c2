#!/usr/bin/env python3
"""Writes Gazetteer/communities/SY.csv: UN OCHA's 5,251 Syrian communities (admin level 4, 2015; CC BY 3.0 IGO),
each with its P-code (C####) as id, its English and Arabic names, its district and governorate, and a kind from
OCHA's capital level.

    scripts/import-ocha-communities.py [OCHA_FOLDER] [-o Gazetteer/communities/SY.csv]

OCHA_FOLDER holds syr_admin4_communities_2015.geojson as published on OCHA's humanitarian data portal; by default
../shared/data/ocha. The file has one feature per line, so problems are reported by line and column. Some Arabic
names were cut inside a letter when the layer was exported; the importer drops the broken letter and says where.
"""
import argparse
import json
import os
import sys

from gazetteer_layer import RowError, coordinate, fail, settlement_kind, write_layer

SOURCE = "syr_admin4_communities_2015.geojson"


def decoded(raw, file, number):
    """The line as text; a name cut inside a UTF-8 sequence loses the broken bytes, with a warning."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        print(f"warning: {file}:{number}:{error.start + 1}: a name is cut inside a letter; the broken letter is "
              "dropped", file=sys.stderr)
        return raw.decode("utf-8", errors="ignore")


def features(path):
    """(line number, feature) for each feature line of the file."""
    file = os.path.basename(path)
    with open(path, "rb") as source:
        for number, raw in enumerate(source, start=1):
            text = decoded(raw, file, number).strip().rstrip(",")
            if not text.startswith('{ "type": "Feature"'):
                continue
            try:
                yield number, json.loads(text)
            except ValueError as error:
                raise RowError(file, number, getattr(error, "colno", 1), f"not a GeoJSON feature: {error.msg}")


def names(text, separators):
    """A community named after several villages ("A - B", "أ_ب") answers to each of them too."""
    parts = [text]
    for separator in separators:
        parts = [piece.strip() for part in parts for piece in part.split(separator)]
    return [part for part in parts if part]


def community(number, feature, file):
    properties = feature.get("properties") or {}
    line = json.dumps(feature, ensure_ascii=False)

    def column(key):
        return max(line.find(f'"{key}"'), 0) + 1

    pcode = properties.get("PCODE") or ""
    if not (pcode.startswith("C") and pcode[1:].isdigit()):
        raise RowError(file, number, column("PCODE"), f"P-code \"{pcode}\" is not C followed by digits")
    try:
        lon, lat = feature["geometry"]["coordinates"][0]
    except (KeyError, IndexError, TypeError, ValueError):
        raise RowError(file, number, column("geometry"), f"community {pcode} has no point; expected a MultiPoint")
    if not (35 <= lon <= 43 and 32 <= lat <= 38):
        raise RowError(file, number, column("coordinates"),
                       f"community {pcode} lies at lon {lon}, lat {lat}, outside Syria; are they swapped?")
    name_en = (properties.get("NAME_EN") or "").strip()
    if not name_en:
        raise RowError(file, number, column("NAME_EN"), f"community {pcode} has no English name")
    name_ar = (properties.get("NAME_ARA") or "").strip()
    english = names(name_en, [" - ", "/"]) + names(properties.get("NAM_EN_REF") or "", [" - ", "/"])
    arabic = names(name_ar, ["_", " - ", "/"])
    alternates = []
    for name in english[1:] + arabic[1:] + english + arabic:
        if name not in alternates and name not in (name_en, name_ar) and "|" not in name:
            alternates.append(name)
    return {
        "id": pcode, "kind": settlement_kind(capital_level=properties.get("CAPIT_LVL")),
        "name_en": name_en, "name_ar": name_ar, "alt_names": "|".join(alternates),
        "lat": coordinate(lat), "lon": coordinate(lon), "parent": "", "admin1": properties.get("ADMIN1_EN") or "",
        "population": "", "source": f"OCHA {pcode}", "admin2": properties.get("ADMIN2_EN") or "", "pcode": pcode,
        "geonames_id": "",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ocha", nargs="?", default="../shared/data/ocha")
    parser.add_argument("-o", "--output", default="Gazetteer/communities/SY.csv")
    arguments = parser.parse_args()
    path = os.path.join(arguments.ocha, SOURCE)
    if not os.path.exists(path):
        fail(f"{path} not found; give the folder that holds {SOURCE}")
    rows, seen = [], {}
    try:
        for number, feature in features(path):
            row = community(number, feature, SOURCE)
            if row["id"] in seen:
                raise RowError(SOURCE, number, 1, f"P-code {row['id']} repeats line {seen[row['id']]}")
            seen[row["id"]] = number
            rows.append(row)
    except RowError as error:
        fail(f"{error}; {arguments.output} is unchanged")
    rows.sort(key=lambda row: int(row["id"][1:]))
    write_layer(arguments.output, rows)
    print(f"wrote {len(rows)} communities to {arguments.output} (UN OCHA, CC BY 3.0 IGO)", file=sys.stderr)


if __name__ == "__main__":
    main()
