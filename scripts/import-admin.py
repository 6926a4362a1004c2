"""Writes Syria's governorates and districts, fitted to the project's country outline, as Gazetteer/admin/*.geojson.

Source: UN OCHA Common Operational Dataset, Syria administrative boundaries (CC BY 3.0 IGO): admin-1 (14
governorates, P-codes SY01-SY14) and admin-2 (61 districts, 2015 edition, P-codes SY0100...). The files are read
in the shapes OCHA's portal publishes (GeoJSON features with ADM1_EN/ADM1_AR/ADM1_PCODE, or PCODE/NAME_EN/NAME_ARA
/ADMIN1_COD for districts).

The districts are cut to Gazetteer/basemap/syria.geojson so that they tile it exactly: overlaps go to the first
district, ground that no district covers goes to the district it shares the longest edge with, and the edges
between districts are simplified together (the country's own outline is kept as it is). A governorate is the
union of its districts.

    python3 scripts/import-admin.py ADMIN1.geojson ADMIN2.geojson [OUT_DIR]
"""
import json
import os
import sys

import polygon_parts
import shapely
from shapely.geometry import Polygon, shape
from shapely.ops import unary_union
from shapely.validation import make_valid

CREDIT = "UN OCHA Common Operational Dataset, Syria administrative boundaries (CC BY 3.0 IGO)"


def polygonal(geometry):
    return polygon_parts.polygonal(geometry, min_area=1e-9)


def read_features(path):
    with open(path, encoding="utf-8") as text:
        data = json.load(text)
    if data.get("type") != "FeatureCollection":
        sys.exit(f"{path}:1:1: error: not a GeoJSON FeatureCollection")
    return data["features"]


def field(properties, *names):
    for name in names:
        if properties.get(name):
            return str(properties[name]).strip()
    return ""


def fitted(units, country):
    """Cuts each unit to the country, removes overlaps, and gives every uncovered piece to a neighbour."""
    taken = Polygon()
    shapes = []
    for unit in units:
        piece = polygonal(make_valid(unit).intersection(country).difference(taken))
        shapes.append(piece)
        taken = unary_union([taken, piece])
    for gap in getattr(polygonal(country.difference(taken)), "geoms", []):
        shared = [gap.boundary.intersection(piece.buffer(1e-7)).length for piece in shapes]
        best = max(range(len(shapes)), key=lambda k: (shared[k], -gap.distance(shapes[k])))
        shapes[best] = polygonal(unary_union([shapes[best], gap]))
    return shapes


def gridded(geometry):
    """On a 1e-5° grid (about a metre), valid: shared vertices land on the same grid point in both districts."""
    return polygonal(shapely.set_precision(make_valid(geometry), 1e-5))


def write(path, features):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "attribution": CREDIT, "features": features}, out,
                  ensure_ascii=False, separators=(",", ":"))
        out.write("\n")
    os.replace(temporary, path)


def main(admin1_path, admin2_path, out):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "Gazetteer/basemap/syria.geojson"), encoding="utf-8") as text:
        country = unary_union([shape(f["geometry"]) for f in json.load(text)["features"]])
    governorates = {}
    for feature in read_features(admin1_path):
        p = feature["properties"]
        code = field(p, "ADM1_PCODE", "PCODE")
        governorates[code] = (field(p, "ADM1_EN", "NAME_EN"), field(p, "ADM1_AR", "NAME_ARA"))
    districts = []
    for number, feature in enumerate(read_features(admin2_path), 1):
        p = feature["properties"]
        code = field(p, "ADM2_PCODE", "PCODE")
        parent = field(p, "ADM1_PCODE", "ADMIN1_COD")
        if not code or parent not in governorates:
            sys.exit(f"{admin2_path}: feature {number}: error: no P-code or unknown governorate {parent!r}")
        name_ar = field(p, "ADM2_AR", "NAME_ARA")
        # The district of a governorate's capital is named "centre of X" in Arabic; the plain name is an alternate.
        plain_ar = name_ar.removeprefix("مركز ").strip()
        districts.append({"pcode": code, "name_en": field(p, "ADM2_EN", "NAME_EN"), "name_ar": plain_ar,
                          "alt_names": "|".join(sorted({field(p, "NAM_EN_REF"), name_ar} - {"", plain_ar, field(p, "ADM2_EN", "NAME_EN")})),
                          "parent": parent, "shape": shape(feature["geometry"])})
    districts.sort(key=lambda d: d["pcode"])
    shapes = fitted([d["shape"] for d in districts], country)
    simplified = shapely.coverage_simplify(shapes, 0.002, simplify_boundary=False)
    features = []
    for district, area in zip(districts, simplified):
        properties = {k: district[k] for k in ("pcode", "name_en", "name_ar", "alt_names", "parent")}
        features.append({"type": "Feature", "properties": {"level": "district", **properties},
                         "geometry": polygon_parts.rounded(gridded(area))})
    gov_features = []
    for code, (name_en, name_ar) in sorted(governorates.items()):
        parts = [a for d, a in zip(districts, simplified) if d["parent"] == code]
        gov_features.append({"type": "Feature",
                             "properties": {"level": "governorate", "pcode": code, "name_en": name_en,
                                            "name_ar": name_ar, "alt_names": "", "parent": ""},
                             "geometry": polygon_parts.rounded(gridded(unary_union(parts)))})
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "governorates.geojson"), gov_features)
    write(os.path.join(out, "districts.geojson"), features)
    total = sum(shape(f["geometry"]).area for f in features)
    print(f"{len(gov_features)} governorates, {len(features)} districts; districts cover "
          f"{100 * total / country.area:.3f}% of the country outline", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "Gazetteer/admin")
