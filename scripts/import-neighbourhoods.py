"""Writes Gazetteer/neighbourhoods/*.geojson: the neighbourhoods of Aleppo and Damascus with their outlines, and
each city's edge (the union of its neighbourhoods) in Gazetteer/basemap/city-edges.geojson.

Source: UN OCHA (CC BY 3.0 IGO). Aleppo: the city_neighbourhoods layer (aleppo_neighbourhoods.json: 109 items with
pCode, nameEnglish, nameArabic, centerLatitude/centerLongitude and a WKT boundary). Damascus: the 2015 city
neighbourhoods (damascus_neighbourhoods_2015.geojson: 64 features with HAY_EN and HAY_PCODE; no Arabic names).

OCHA gives Damascus's neighbourhoods no Arabic names. A neighbourhood with a row in
Gazetteer/neighbourhoods/neighbourhood-names.csv (pcode, name_en, name_ar, alt_names, source_url, note: a page that
names it in Arabic) takes that row's Arabic name and alternates, and its source ends in "; Arabic name: " and the
page's address; a row whose P-code names no Damascus neighbourhood, or whose English name is not the
neighbourhood's, is an error. The file lies beside the outlines, not in curated/, whose every CSV is a place layer.
A neighbourhood without a row takes the Arabic name of a point of the gazetteer's other layers (OCHA communities,
Who's On First, GeoNames, curated rows) that lies inside its outline or within 1.5 km of its centroid and whose
Latin name, or one of its alternates, is the neighbourhood's after place_names.latin_key; its source then names
that point ("; Arabic name: OCHA communities C1002"), and the point's other spellings become alternates. A
neighbourhood without a row or such a point keeps an empty Arabic name. The rows, the matches and the
neighbourhoods left without an Arabic name are printed.

Each neighbourhood becomes a gazetteer place (id "ocha-" and its P-code in lower case, kind neighbourhood, the
city as parent) whose point is OCHA's centre (Aleppo) or the outline's pole of inaccessibility (Damascus). The
outlines are cut into a clean coverage (an overlap goes to the lower P-code) on a 1e-5 degree grid. Damascus's
feature named "Unknown" is no place, but its ground stays in the city's edge. Two Damascus names are changed,
OCHA's kept as an alternate: a misspelling, and "Mazzeh Airport", which would read as the same name as the
neighbourhood Mazzeh beside it.

    python3 scripts/import-neighbourhoods.py [OCHA_FOLDER]        (default ../shared/data/ocha)
"""
import csv
import json
import os
import sys
from collections import Counter

import place_names
import polygon_parts
import shapely
from shapely import wkt
from shapely.geometry import Point, Polygon, shape
from shapely.ops import polylabel, unary_union
from shapely.validation import make_valid

CREDIT = "UN OCHA city neighbourhoods of Aleppo and Damascus (CC BY 3.0 IGO)"
ARABIC_CREDIT = ("UN OCHA communities (CC BY 3.0 IGO), Who's On First (CC0) and GeoNames (CC BY 4.0), as each "
                 "feature's source says")
ALEPPO = "gn-170063"
DAMASCUS = "gn-170654"
#: Damascus names changed by P-code (OCHA's spelling stays an alternate name).
RENAMED = {"C10011027": "Old Damascus", "C10011070": "Mazzeh Airport grounds"}
#: How far from a neighbourhood's centroid a point outside its outline may lie and still name it.
NEAR_KM = 1.5
#: Arabic names of Damascus neighbourhoods, each with the page that gives it.
NAMES = "Gazetteer/neighbourhoods/neighbourhood-names.csv"
NAMES_HEADER = ["pcode", "name_en", "name_ar", "alt_names", "source_url", "note"]
NAMES_CREDIT = "the pages cited in " + NAMES
#: Words the gazetteer drops from Arabic names before comparing them (NameKey.arabicGeneric), after arabic_key.
GENERIC_AR = {"حي", "مدينه", "بلده", "قريه", "مطار", "قاعده", "مخيم", "منطقه", "محافظه"}


def polygonal(geometry):
    return polygon_parts.polygonal(geometry, min_area=1e-10)


def coordinate(value):
    return float(f"{value:.5f}")


def aleppo(folder):
    path = os.path.join(folder, "aleppo_neighbourhoods.json")
    with open(path, encoding="utf-8") as text:
        items = json.load(text)["items"]
    rows = []
    for number, item in enumerate(items, 1):
        code = item.get("pCode", "").strip()
        if not code or not item.get("boundaryWkt"):
            sys.exit(f"{path}: item {number}: error: no pCode or boundaryWkt")
        rows.append({"pcode": code, "name_en": item["nameEnglish"].strip(), "name_ar": item["nameArabic"].strip(),
                     "lat": float(item["centerLatitude"]), "lon": float(item["centerLongitude"]),
                     "parent": ALEPPO, "admin1": "Aleppo", "shape": wkt.loads(item["boundaryWkt"]),
                     "source": f"OCHA city_neighbourhoods {code}"})
    return rows


def damascus(folder):
    path = os.path.join(folder, "damascus_neighbourhoods_2015.geojson")
    with open(path, encoding="utf-8") as text:
        features = json.load(text)["features"]
    rows = []
    for number, feature in enumerate(features, 1):
        properties = feature["properties"]
        code = (properties.get("HAY_PCODE") or "").strip()
        if not code:
            sys.exit(f"{path}: feature {number}: error: no HAY_PCODE")
        name = " ".join((properties.get("HAY_EN") or "").split())
        alternate = name if code in RENAMED else ""
        rows.append({"pcode": code, "name_en": RENAMED.get(code, name), "name_ar": "", "alt_names": alternate,
                     "parent": DAMASCUS, "admin1": "Damascus",
                     "shape": shape(feature["geometry"]), "source": f"OCHA Damascus neighbourhoods 2015 {code}"})
    return rows


def curated_names(rows, root):
    """Sets name_ar of the rows named in NAMES (before any point can name them, so a row there wins), adds the row's
    alternates and cites its page in source. Returns (row, name_ar, source_url) for each; every problem of the file
    (a P-code unknown or given twice, another English name, no Arabic name or page, two rows of one Arabic name) is
    reported, then the script stops."""
    path = os.path.join(root, NAMES)
    by_code = {row["pcode"]: row for row in rows}
    problems, updates, seen, keys = [], [], set(), {}
    with open(path, encoding="utf-8", newline="") as text:
        reader = csv.DictReader(text)
        if reader.fieldnames != NAMES_HEADER:
            sys.exit(f"{NAMES}: line 1: error: the header must be {','.join(NAMES_HEADER)}")
        for entry in reader:
            where = f"{NAMES}: line {reader.line_num}: error:"
            if None in entry or None in entry.values():
                problems.append(f"{where} the row has not {len(NAMES_HEADER)} fields; quote fields with commas")
                continue
            code, name_en, name_ar, url = (entry[key].strip() for key in ("pcode", "name_en", "name_ar",
                                                                          "source_url"))
            row = by_code.get(code)
            if row is None:
                problems.append(f"{where} unknown P-code \"{code}\"; no Damascus neighbourhood has it")
            elif code in seen:
                problems.append(f"{where} {code} has a row already")
            elif name_en != row["name_en"]:
                problems.append(f"{where} {code} is \"{row['name_en']}\", not \"{name_en}\"")
            elif not place_names.is_arabic(name_ar) or not url.startswith(("http://", "https://")):
                problems.append(f"{where} {code} needs an Arabic name_ar and the source_url of the page giving it")
            else:
                seen.add(code)
                updates.append((row, name_ar, entry["alt_names"], url))
                # The gazetteer rejects two neighbourhoods of one name this close ("مطار المزة" is "المزة" to it).
                key = " ".join(word for word in (place_names.arabic_key(part) for part in name_ar.split())
                               if word not in GENERIC_AR)
                if key in keys:
                    problems.append(f"{where} {code} and {keys[key]} have one Arabic name to the gazetteer")
                keys.setdefault(key, code)
    if problems:
        sys.exit("\n".join(problems))
    named = []
    for row, name_ar, alternates, url in updates:
        spellings = [name for name in row["alt_names"].split("|") if name]
        known = {place_names.folded(name) for name in [row["name_en"], name_ar] + spellings}
        for name in (name.strip() for name in alternates.split("|")):
            if name and place_names.folded(name) not in known:
                known.add(place_names.folded(name))
                spellings.append(name)
        row["name_ar"], row["alt_names"] = name_ar, "|".join(spellings)
        row["source"] += "; Arabic name: " + url
        named.append((row, name_ar, url))
    return named


def same_named_points(row, points):
    """(point, km from the centroid, its Latin names that match) for the points inside the outline or within NEAR_KM
    of its centroid with a Latin name that is the neighbourhood's after place_names.latin_key, nearest first."""
    keys = {place_names.latin_key(name) for name in [row["name_en"]] + row["alt_names"].split("|") if name}
    centroid = row["shape"].centroid
    found = []
    for point in points:
        km = place_names.distance_km(centroid.y, centroid.x, point["lat"], point["lon"])
        if km > NEAR_KM and not row["shape"].contains(Point(point["lon"], point["lat"])):
            continue
        latin = [name for name in point["latin"] if place_names.latin_key(name) in keys]
        if latin:
            found.append((point, km, latin))
    return sorted(found, key=lambda item: item[1])


def arabic_names(rows, root):
    """Fills name_ar of rows without one from the gazetteer's points of the same name. Points whose main Latin name
    matches come before those matched by an alternate; among them the Arabic name most of them give wins, then the
    nearest point's. Returns (row, name_ar, distance in km, sources) for each match."""
    west, south, east, north = unary_union([row["shape"] for row in rows]).bounds
    margin = 0.05  # degrees, more than NEAR_KM
    points = place_names.gazetteer_points(root, south - margin, west - margin, north + margin, east + margin)
    matches = []
    for row in rows:
        found = same_named_points(row, points)
        if row["name_ar"] or not found:
            continue
        main = [item for item in found if item[0]["name_en"] in item[2]] or found
        votes = Counter(place_names.folded(point["name_ar"]) for point, _, _ in main)
        point, km, _ = min(main, key=lambda item: -votes[place_names.folded(item[0]["name_ar"])])
        name_ar = point["name_ar"]
        # Every point that gives this Arabic name is cited; the points' other spellings of both names become
        # alternates (not their other names: "مخيم اليرموك" is the camp's).
        sources = []
        for other, _, _ in found:
            if place_names.folded(name_ar) in {place_names.folded(name) for name in other["arabic"]}:
                sources += [part for part in other["source"].split(" / ") if part not in sources]
        spellings = [name for name in row["alt_names"].split("|") if name]
        known = {place_names.folded(name) for name in [row["name_en"], name_ar] + spellings}
        for other, _, latin in found:
            arabic = [name for name in other["arabic"]
                      if place_names.arabic_key(name) == place_names.arabic_key(name_ar)]
            for name in latin + arabic:
                if place_names.folded(name) not in known:
                    known.add(place_names.folded(name))
                    spellings.append(name)
        row["name_ar"], row["alt_names"] = name_ar, "|".join(spellings)
        row["source"] += "; Arabic name: " + " / ".join(sources)
        matches.append((row, name_ar, km, sources))
    return matches


def report(city, rows, named, matches):
    """Prints the rows of NAMES used, the matches (English name, Arabic name, distance from the centroid, sources)
    and the rest."""
    print(f"{city}: Arabic names from {NAMES} for {len(named)} of {len(rows)} neighbourhoods", file=sys.stderr)
    for row, name_ar, url in sorted(named, key=lambda entry: entry[0]["pcode"]):
        print(f"  {row['pcode']} {row['name_en']} -> {name_ar}  {url}", file=sys.stderr)
    print(f"{city}: Arabic names found for {len(matches)} of {len(rows)} neighbourhoods", file=sys.stderr)
    for row, name_ar, km, sources in sorted(matches, key=lambda match: match[0]["pcode"]):
        print(f"  {row['pcode']} {row['name_en']} -> {name_ar}  {km:.2f} km  {' / '.join(sources)}",
              file=sys.stderr)
    unmatched = [row["name_en"] for row in sorted(rows, key=lambda r: r["pcode"]) if not row["name_ar"]]
    print(f"{city}: no Arabic name for {len(unmatched)}: {', '.join(unmatched)}", file=sys.stderr)


def tiled(rows):
    """Valid outlines on a 1e-5 degree grid that do not overlap: each takes only what lower P-codes left."""
    taken = Polygon()
    for row in sorted(rows, key=lambda r: r["pcode"]):
        piece = polygonal(shapely.set_precision(make_valid(row["shape"]), 1e-5))
        row["shape"] = polygonal(shapely.set_precision(piece.difference(taken), 1e-5))
        taken = unary_union([taken, row["shape"]])


def feature(row):
    if "lat" not in row:
        largest = max(row["shape"].geoms, key=lambda p: p.area)
        centre = polylabel(largest, tolerance=1e-5)
        row["lat"], row["lon"] = centre.y, centre.x
    properties = {"id": "ocha-" + row["pcode"].lower(), "kind": "neighbourhood", "name_en": row["name_en"],
                  "name_ar": row["name_ar"], "alt_names": row.get("alt_names", ""), "lat": coordinate(row["lat"]),
                  "lon": coordinate(row["lon"]), "parent": row["parent"], "admin1": row["admin1"],
                  "pcode": row["pcode"], "source": row["source"]}
    return {"type": "Feature", "properties": properties, "geometry": polygon_parts.rounded(row["shape"])}


def write(path, features, attribution=CREDIT):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "attribution": attribution, "features": features}, out,
                  ensure_ascii=False, separators=(",", ":"))
        out.write("\n")
    os.replace(temporary, path)


def main(folder):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    edges = []
    for city, name, rows in [(ALEPPO, "aleppo", aleppo(folder)), (DAMASCUS, "damascus", damascus(folder))]:
        tiled(rows)
        attribution = CREDIT
        if city == DAMASCUS:
            named = [row for row in rows if row["name_en"] != "Unknown"]
            curated = curated_names(named, root)
            matches = arabic_names(named, root)
            report(name, named, curated, matches)
            credits = ([NAMES_CREDIT] if curated else []) + ([ARABIC_CREDIT] if matches else [])
            if credits:
                attribution += "; Arabic names of Damascus neighbourhoods: " + "; ".join(credits)
        places = [feature(row) for row in sorted(rows, key=lambda r: r["pcode"]) if row["name_en"] != "Unknown"]
        write(os.path.join(root, "Gazetteer/neighbourhoods", name + ".geojson"), places, attribution)
        edge = polygonal(shapely.set_precision(unary_union([row["shape"] for row in rows]), 1e-5))
        edges.append({"type": "Feature", "properties": {"place": city, "kind": "city_edge"},
                      "geometry": polygon_parts.rounded(edge)})
        print(f"{name}: {len(places)} neighbourhoods", file=sys.stderr)
    write(os.path.join(root, "Gazetteer/basemap/city-edges.geojson"), edges)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ocha")
