"""Shared by the gazetteer importers: the layer's CSV format, OCHA districts for each point, the place kinds,
and writing a layer whole or not at all."""
import csv
import io
import json
import os
import sys
import tempfile

#: The gazetteer's place format (Sources/Gazetteer/PlaceTable.swift), with the columns of imported layers.
HEADER = ["id", "kind", "name_en", "name_ar", "alt_names", "lat", "lon", "parent", "admin1", "population",
          "source", "admin2", "pcode", "geonames_id"]


class RowError(Exception):
    """A problem in one input row, located as file:line:column."""

    def __init__(self, file, line, column, message):
        super().__init__(f"{file}:{line}:{column}: {message}")


def coordinate(value):
    """Degrees with five decimals (about a metre), without trailing zeros."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def write_layer(path, rows):
    """Writes rows (dicts keyed by HEADER) to a temporary file beside `path`, then renames it into place, so a
    failed import leaves the previous layer untouched."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".import-", suffix=".csv")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, HEADER, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


class Districts:
    """OCHA's admin-2 districts (syr_admin2_2015.geojson), answering which district and governorate hold a point."""

    def __init__(self, path):
        from shapely.geometry import shape
        from shapely.strtree import STRtree
        with open(path, encoding="utf-8") as source:
            features = json.load(source)["features"]
        self.shapes = [shape(feature["geometry"]) for feature in features]
        self.properties = [feature["properties"] for feature in features]
        self.tree = STRtree(self.shapes)

    def at(self, lon, lat):
        """(admin1 name, admin2 name), or the nearest district's within 5 km of the border, or ("", "")."""
        from shapely.geometry import Point
        point = Point(lon, lat)
        for index in self.tree.query(point, predicate="within"):
            return self._names(index)
        index = self.tree.nearest(point)
        if index is not None and self.shapes[index].distance(point) < 0.05:
            return self._names(index)
        return "", ""

    def _names(self, index):
        properties = self.properties[index]
        return properties["ADMIN1_EN"], properties["NAME_EN"]


def settlement_kind(feature_code="", population=0, capital_level=None):
    """city, town, village or neighbourhood from a GeoNames feature code, a population, or OCHA's capital level
    (0 the country's capital, 1 a governorate's, 2 a district's, 3 a sub-district's)."""
    if feature_code in ("PPLC", "PPLA") or capital_level in (0, 1) or population >= 100_000:
        return "city"
    if feature_code == "PPLX":
        return "neighbourhood"
    if feature_code in ("PPLA2", "PPLA3") or capital_level in (2, 3) or population >= 10_000:
        return "town"
    return "village"


def scripts_of(name):
    """True when a name is written in Latin or Arabic script, the scripts reports on Syria use."""
    for character in name:
        code = ord(character)
        if character.isalpha() and not (code < 0x250 or 0x1E00 <= code <= 0x1EFF or 0x0600 <= code <= 0x06FF
                                        or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF or code in (0x2BF, 0x2BE)):
            return False
    return True


def fail(error):
    print(f"error: {error}", file=sys.stderr)
    sys.exit(1)
