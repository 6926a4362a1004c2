#!/usr/bin/env python3
"""Checks scripts/import-wof.py against Who's On First's own extract of Syrian localities: the importer must read
the same localities, with the same fields, from the repository's GeoJSON records as wof_sy_localities.csv holds,
and the committed layer Gazetteer/wof/SY.csv must hold every one that is not deprecated and lies in Syria (within
about 5 km of an OCHA district).

    scripts/test-import-wof.py GIT_DIR [EXTRACT_CSV]

EXTRACT_CSV is by default ../shared/data/wof/wof_sy_localities.csv. Prints each difference and exits 1 on any.
"""
import csv
import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
spec = importlib.util.spec_from_file_location("import_wof", os.path.join(here, "import-wof.py"))
import_wof = importlib.util.module_from_spec(spec)
spec.loader.exec_module(import_wof)


def across_border(expected, ocha="../shared/data/ocha"):
    """Ids of the localities the importer leaves out for lying outside OCHA's districts."""
    districts = import_wof.Districts(os.path.join(ocha, "syr_admin2_2015.geojson"))
    return {wof_id for wof_id, row in expected.items()
            if districts.at(float(row["lon"]), float(row["lat"])) == ("", "")}


def main():
    git_dir = sys.argv[1]
    extract = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/wof/wof_sy_localities.csv"
    with open(extract, encoding="utf-8") as source:
        expected = {row["wof_id"]: row for row in csv.DictReader(source)}
    read = {str(row["wof_id"]): row for row, _ in import_wof.localities(git_dir)}
    differences = [f"locality {wof_id} is in the extract but was not read" for wof_id in expected.keys() - read.keys()]
    differences += [f"locality {wof_id} was read but is not in the extract" for wof_id in read.keys() - expected.keys()]
    for wof_id in sorted(expected.keys() & read.keys()):
        for field in import_wof.EXTRACT_FIELDS:
            mine, theirs = read[wof_id][field], expected[wof_id][field]
            same = abs(float(mine) - float(theirs)) < 1e-6 if field in ("lat", "lon") else str(mine) == theirs
            if not same:
                differences.append(f"locality {wof_id} {field}: read {mine!r}, extract has {theirs!r}")
    layer = os.path.join(here, "..", "Gazetteer", "wof", "SY.csv")
    with open(layer, encoding="utf-8") as source:
        committed = {row["source"].removeprefix("WOF ") for row in csv.DictReader(source)}
    current = {wof_id for wof_id, row in expected.items() if not row["deprecated"]}
    missing = current - committed
    outside = {wof_id for wof_id in missing if wof_id in across_border(expected)}
    differences += [f"locality {wof_id} is missing from {layer}" for wof_id in sorted(missing - outside)]
    differences += [f"{layer} holds {wof_id}, deprecated or unknown" for wof_id in sorted(committed - current)]
    print(f"{len(outside)} localities across the border left out")
    for line in differences[:50]:
        print(line)
    print(f"{len(read)} localities read, {len(expected)} in the extract, {len(committed)} in the layer; "
          f"{len(differences)} differences")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
