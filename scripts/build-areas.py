#!/usr/bin/env python3
"""Writes Scenarios/aleppo-2024/areas.geojson: the area claims of the bundled scenario whose outlines no
administrative unit gives, each built from published figures and the project's own layers:

- the al-Tanf deconfliction zone, a 55 km circle around the garrison (scripts/area-circle.py);
- the Euphrates' left (north-east) bank in Deir ez-Zor governorate, from the OCHA district outlines split by
  the river of Gazetteer/basemap/water.geojson;
- the Operation Peace Spring strip, the country within 32 km of the Turkish border between the meridians of
  Tal Abyad and Ras al-Ain (the Sochi memorandum of 22 October 2019 kept it as it was to that depth).

    pip install shapely pyproj
    scripts/build-areas.py [OCHA_ADMIN2_GEOJSON] > Scenarios/aleppo-2024/areas.geojson

OCHA_ADMIN2_GEOJSON defaults to ../shared/data/ocha/syr_admin2_2015.geojson, then
/work/shared/data/ocha/syr_admin2_2015.geojson. Coordinates are rounded to 1e-5 degrees.
"""
import importlib.util
import json
import os
import sys

from pyproj import Transformer
from shapely.geometry import LineString, Point, mapping, shape
import numpy
import shapely
from shapely.ops import split, unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEIR_EZ_ZOR_GOVERNORATE = "SY09"
# Gazetteer positions (Gazetteer/geonames): gn-163750 Tal Abyad and gn-165509 Ras al-Ain.
TAL_ABYAD_LON = 38.9538
RAS_AL_AIN_LON = 40.0705
PEACE_SPRING_DEPTH_KM = 32.0

SOURCES = {
    "tanf": ("International Crisis Group", "https://www.crisisgroup.org/trigger-list/iran-us-trigger-list/flashpoints/al-tanf-syria"),
    "euphrates": ("AFP via LBCI", "https://www.lbcgroup.tv/news/middleeastnews/822148/syria-government-troops-withdraw-from-areas-it-held-in-deir-ezzor-prov/en"),
    "sochi": ("Daily Sabah", "https://www.dailysabah.com/diplomacy/2019/10/22/turkey-russia-agree-on-northern-syria-terror-free-zone"),
}


def default_admin2():
    for candidate in (os.path.join(ROOT, "..", "shared", "data", "ocha", "syr_admin2_2015.geojson"),
                      "/work/shared/data/ocha/syr_admin2_2015.geojson"):
        if os.path.exists(candidate):
            return candidate
    sys.exit("OCHA admin-2 outlines not found; pass their path as the first argument")


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def rounded(geometry):
    return json.loads(json.dumps(mapping(geometry)), parse_float=lambda text: round(float(text), 5))


def feature(ident, date, actor, status, source_key, note, geometry):
    source, url = SOURCES[source_key]
    return {"type": "Feature",
            "properties": {"id": ident, "date": date, "actor": actor, "status": status,
                           "source": source, "url": url, "note": note},
            "geometry": rounded(geometry)}


def euphrates(rivers, region):
    """The longest river line crossing the region: in Deir ez-Zor governorate, the Euphrates."""
    crossing = [line for line in rivers if line.intersects(region)]
    return max(crossing, key=lambda line: line.length)


def left_bank(region, river):
    """The pieces of the region on the river's left, looking downstream (north-east of the Euphrates)."""
    pieces = []
    for piece in split(region, river).geoms:
        probe = piece.representative_point()
        along = river.project(probe)
        ahead, behind = river.interpolate(min(along + 0.01, river.length)), river.interpolate(max(along - 0.01, 0))
        cross = (ahead.x - behind.x) * (probe.y - behind.y) - (ahead.y - behind.y) * (probe.x - behind.x)
        if cross > 0:
            pieces.append(piece)
    return unary_union(pieces)


def reprojection(source, target):
    """A coordinate-array function for shapely.transform between two CRSs."""
    transformer = Transformer.from_crs(source, target, always_xy=True)
    return lambda coords: numpy.column_stack(transformer.transform(coords[:, 0], coords[:, 1]))


def border_strip(country, west, east, depth_km):
    """The country within depth_km of its northern border, between two meridians."""
    to_metres = reprojection("EPSG:4326", "EPSG:32637")
    to_degrees = reprojection("EPSG:32637", "EPSG:4326")
    band = shape({"type": "Polygon", "coordinates": [[[west, 36.0], [east, 36.0], [east, 37.6], [west, 37.6], [west, 36.0]]]})
    northern_edge = country.boundary.intersection(band)
    border = northern_edge.intersection(shape({"type": "Polygon", "coordinates": [[[west, 36.6], [east, 36.6], [east, 37.6], [west, 37.6], [west, 36.6]]]}))
    buffered = shapely.transform(shapely.transform(border, to_metres).buffer(depth_km * 1000), to_degrees)
    return country.intersection(buffered).intersection(band)


def tanf_zone():
    spec = importlib.util.spec_from_file_location("area_circle", os.path.join(ROOT, "scripts", "area-circle.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return shape({"type": "Polygon", "coordinates": [module.circle(33.50583, 38.61778, 55.0)]})


def main():
    admin2 = load(sys.argv[1] if len(sys.argv) > 1 else default_admin2())
    water = load(os.path.join(ROOT, "Gazetteer", "basemap", "water.geojson"))
    country = unary_union([shape(f["geometry"]) for f in load(os.path.join(ROOT, "Gazetteer", "basemap", "syria.geojson"))["features"]])
    rivers = [shape(f["geometry"]) for f in water["features"] if f["properties"].get("kind") == "river"]
    deir_ez_zor = unary_union([shape(f["geometry"]) for f in admin2["features"]
                               if f["properties"]["ADMIN1_COD"] == DEIR_EZ_ZOR_GOVERNORATE])
    east_bank = left_bank(deir_ez_zor, euphrates(rivers, deir_ez_zor))
    strip = border_strip(country, TAL_ABYAD_LON, RAS_AL_AIN_LON, PEACE_SPRING_DEPTH_KM)
    features = [
        feature("al-tanf-zone", "2024-11-26", "sfa", "control", "tanf",
                "US forces at the al-Tanf garrison keep a 55 km deconfliction zone around it; centre at the garrison "
                "(33.50583N 38.61778E, from the wikizero Al-Tanf page https://wikizero.net/wiki/en/Al_Tanf).",
                tanf_zone()),
        feature("deir-ez-zor-east-bank", "2024-11-26", "sdf", "control", "euphrates",
                "Deir ez-Zor province was split along the Euphrates: Kurdish-led forces east of the river, the "
                "government and its allies west of it. Outline: the OCHA districts of the governorate on the river's "
                "north-east bank (scripts/build-areas.py).",
                east_bank),
        feature("peace-spring-strip", "2024-11-26", "sna", "control", "sochi",
                "The Sochi memorandum of October 2019 left the Operation Peace Spring area between Tal Abyad and Ras "
                "al-Ain as it was, to a depth of 32 km; Turkey and the SNA still held it in 2024. Outline: the country "
                "within 32 km of the border between the two towns' meridians (scripts/build-areas.py).",
                strip),
    ]
    json.dump({"type": "FeatureCollection",
               "note": "Area claims of the bundled scenario, written by scripts/build-areas.py",
               "features": features}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
