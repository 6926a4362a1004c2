"""Turns GMT multi-segment text into the basemap GeoJSON files; see scripts/extract-basemap.sh."""
import json
import os
import sys

from shapely.geometry import LineString, MultiPolygon, Polygon, box
from shapely.geometry import Point
from shapely.geometry import shape as geometry_of
from shapely.ops import linemerge, polygonize, unary_union
from shapely.validation import make_valid

import polygon_parts

EXTENT = box(33.0, 30.5, 44.5, 38.6)
# Where the coast is taken from GSHHG at full resolution (extract-basemap.sh extracts the same frame).
COAST_FRAME = (35.3, 34.3, 36.6, 36.3)
NAMES = {
    "SY": ("Syria", "سوريا"), "TR": ("Turkey", "تركيا"), "LB": ("Lebanon", "لبنان"), "IL": ("Israel", "إسرائيل"),
    "PS": ("Palestine", "فلسطين"), "JO": ("Jordan", "الأردن"), "IQ": ("Iraq", "العراق"), "CY": ("Cyprus", "قبرص"),
    "EG": ("Egypt", "مصر"), "SA": ("Saudi Arabia", "السعودية"),
}
DCW = "Digital Chart of the World (public domain), through Debian gmt-dcw"
GSHHG = "GSHHG, Wessel and Smith (LGPL), through Debian gmt-gshhg-high"


def segments(path):
    """Each `>`-separated run of `lon lat` lines, with its header."""
    runs, header, points = [], "", []
    with open(path) as text:
        for line in text:
            if line.startswith(">"):
                if points:
                    runs.append((header, points))
                header, points = line, []
            elif line.strip():
                lon, lat = map(float, line.split()[:2])
                points.append((lon, lat))
    if points:
        runs.append((header, points))
    return runs


def area(path):
    parts = [make_valid(Polygon(points)) for _, points in segments(path) if len(points) >= 4]
    return unary_union(parts)


def write(path, features, attribution):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "attribution": attribution, "features": features}, out,
                  ensure_ascii=False, separators=(",", ":"))
    os.replace(temporary, path)


def feature(geometry, properties):
    return {"type": "Feature", "properties": properties, "geometry": polygon_parts.rounded(geometry, 4)}


def polygonal(geometry):
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    return MultiPolygon([g for g in getattr(geometry, "geoms", []) if g.geom_type == "Polygon"])


def land(path, frame, sea_point):
    """GSHHG's land within `frame`: the faces that its level-1 shorelines (given in pieces, bin by bin) and the
    frame's edge enclose, less the face of the open sea."""
    lines = [LineString(points) for header, points in segments(path) if "Level 1" in header and len(points) >= 2]
    faces = polygonize(unary_union(lines + [frame.boundary]))
    return unary_union([face for face in faces if not face.contains(sea_point)])


def with_coast(country, shore, frame):
    """DCW's border with its coast replaced by GSHHG's full-resolution shoreline: DCW draws the coast with a few
    hundred vertices and leaves coastal towns in the sea. Within 2 km of the shore the land is GSHHG's (with DCW
    widened by 1 km so its offset coast loses no land), and so are the islands within 5 km (Arwad); elsewhere
    DCW's."""
    band = shore.boundary.intersection(frame.buffer(-0.05)).intersection(country.buffer(0.02)).buffer(0.02)
    seaside = shore.intersection(band).intersection(country.buffer(0.01))
    islands = [part for part in getattr(shore, "geoms", [shore])
               if not part.intersects(country) and part.distance(country) < 0.05]
    merged = unary_union([country.difference(band), seaside] + islands).simplify(0.0005, preserve_topology=True)
    parts = [part for part in getattr(polygonal(make_valid(merged)), "geoms", []) if part.area > 1e-5]
    return MultiPolygon(parts)


def main(work, out):
    os.makedirs(out, exist_ok=True)
    shore = land(os.path.join(work, "land.txt"), box(*COAST_FRAME), Point(35.4, 35.2))
    syria = with_coast(area(os.path.join(work, "SY.txt")), shore, box(*COAST_FRAME))
    write(os.path.join(out, "syria.geojson"),
          [feature(syria, {"id": "SY", "name_en": NAMES["SY"][0], "name_ar": NAMES["SY"][1]})], DCW)
    neighbours = []
    for code in ["TR", "LB", "IL", "PS", "JO", "IQ", "CY", "EG", "SA"]:
        path = os.path.join(work, code + ".txt")
        if not os.path.exists(path) or os.path.getsize(path) == 0:
            continue
        shape = polygonal(area(path).intersection(EXTENT).difference(syria)).simplify(0.004, preserve_topology=True)
        if not shape.is_empty:
            neighbours.append(feature(shape, {"id": code, "name_en": NAMES[code][0], "name_ar": NAMES[code][1]}))
    write(os.path.join(out, "neighbours.geojson"), neighbours, DCW)
    # Land is Syria and its neighbours (DCW follows the coast); GSHHG gives the lakes (level 2) and rivers.
    lakes = []
    for header, points in segments(os.path.join(work, "shore.txt")):
        if "Level 2" in header and len(points) >= 4:
            shape = make_valid(Polygon(points)).intersection(EXTENT)
            if shape.area > 0.002:
                lakes.append(shape)
    water = [feature(polygonal(lake).simplify(0.002, preserve_topology=True), {"kind": "lake"}) for lake in lakes]
    rivers = [LineString(points) for _, points in segments(os.path.join(work, "rivers.txt")) if len(points) >= 2]
    merged = linemerge(unary_union(rivers)).simplify(0.004)
    lines = [line for line in getattr(merged, "geoms", [merged]) if line.length > 0.05]
    water += [feature(line, {"kind": "river"}) for line in lines]
    write(os.path.join(out, "water.geojson"), water, GSHHG)
    # City views draw the rivers unsimplified around each city's edge (written by scripts/import-neighbourhoods.py).
    edges = os.path.join(out, "city-edges.geojson")
    if os.path.exists(edges):
        detailed = linemerge(unary_union(rivers))
        city_rivers = []
        with open(edges, encoding="utf-8") as text:
            for edge in json.load(text)["features"]:
                frame = box(*geometry_of(edge["geometry"]).buffer(0.03).bounds)
                piece = detailed.intersection(frame)
                pieces = [g for g in getattr(piece, "geoms", [piece]) if g.geom_type == "LineString"]
                city_rivers += [feature(line, {"kind": "river", "city": edge["properties"]["place"]})
                                for line in pieces if line.length > 0.005]
        write(os.path.join(out, "city-rivers.geojson"), city_rivers, GSHHG)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
