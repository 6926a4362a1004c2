#!/usr/bin/python3
"""Reads exported map layers back with GDAL (osgeo.ogr) and compares them with shapely to GeoJSON of the same map.

    scripts/check-gis-layers.py REFERENCE.geojson [REFERENCE.geojson ...] -- EXPORT [EXPORT ...]

Every feature of every layer of each EXPORT (a GeoPackage, KML file, or a folder of shapefiles or CSV files) must
have the id of a reference feature, a valid geometry within 1e-5 degrees of it, and the same properties, lists
joined with commas and sources with semicolons (in shapefiles, text cut
at 254 bytes ends in …); every reference feature must be exported. Prints one line per layer;
exits 1 on the first difference.
"""
import json
import os
import sys

from osgeo import ogr
from shapely import wkb
from shapely.geometry import shape

LAYERS = ["zones", "contested", "fronts", "places", "changes"]


def flattened(value):
    if value is None:
        return None
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "; ".join(" ".join(row.values()) for row in value)
        return ",".join(value)
    return value


def same_value(expected, actual):
    expected = flattened(expected)
    if expected in (None, ""):
        return actual in (None, "")
    if isinstance(expected, (int, float)):
        return actual is not None and abs(float(expected) - float(actual)) < 0.05
    # A shapefile cuts text past 254 bytes and marks the cut with an ellipsis.
    if actual is not None and actual.endswith("…") and len(expected.encode()) > 254:
        return expected.startswith(actual[:-1])
    return str(actual) == expected


def same_geometry(expected, actual):
    """Valid, and within 1e-5 degrees (about a metre) of the GeoJSON, whose coordinates have 6 decimals."""
    return actual.is_valid and expected.hausdorff_distance(actual) < 1e-5


def fail(message):
    print("error: " + message, file=sys.stderr)
    sys.exit(1)


def opened(path):
    """The data sources of an export: the file, or each shapefile or CSV file of a folder."""
    if os.path.isdir(path):
        files = sorted(name for name in os.listdir(path) if name.endswith((".shp", ".csv")))
        return [ogr.Open(os.path.join(path, name)) for name in files]
    return [ogr.Open(path)]


def layer_names(source):
    return [source.GetLayer(index).GetName() for index in range(source.GetLayerCount())]


def main(arguments):
    if "--" not in arguments:
        fail("usage: check-gis-layers.py REFERENCE.geojson ... -- EXPORT ...")
    split = arguments.index("--")
    reference = {}
    for path in arguments[:split]:
        with open(path, encoding="utf-8") as file:
            for feature in json.load(file)["features"]:
                reference[feature["id"]] = feature
    ogr.UseExceptions()
    for path in arguments[split + 1:]:
        sources = opened(path)
        names = sorted(name for source in sources for name in layer_names(source))
        if names != sorted(LAYERS):
            fail(f"{path}: layers {names}, expected {LAYERS}")
        seen = set()
        for name in LAYERS:
            layer = next(source.GetLayerByName(name) for source in sources if name in layer_names(source))
            count = 0
            for row in layer:
                identifier = row.GetField("id")
                expected = reference.get(identifier)
                if expected is None:
                    fail(f"{path}: {name} has a feature {identifier!r} that the GeoJSON has not")
                geometry = wkb.loads(bytes(row.GetGeometryRef().ExportToWkb()))
                if not same_geometry(shape(expected["geometry"]), geometry):
                    fail(f"{path}: {name} {identifier}: geometry differs or is invalid")
                for key, value in expected["properties"].items():
                    if not same_value(value, row.GetField(key)):
                        fail(f"{path}: {name} {identifier}: {key} is {row.GetField(key)!r}, expected {value!r}")
                seen.add(identifier)
                count += 1
            print(f"{path}: {name}: {count} features match")
        missing = sorted(set(reference) - seen)
        if missing:
            fail(f"{path}: {len(missing)} GeoJSON features missing, such as {missing[0]}")


if __name__ == "__main__":
    main(sys.argv[1:])
