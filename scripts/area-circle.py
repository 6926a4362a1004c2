#!/usr/bin/env python3
"""Writes an area claim shaped as a circle, for areas that reports describe by a centre and a radius
(such as the 55 km deconfliction zone around al-Tanf), as one GeoJSON feature on standard output.

    scripts/area-circle.py ID DATE ACTOR LAT LON RADIUS_KM SOURCE URL NOTE

The circle is geodesic on a sphere of the mean Earth radius, 72 vertices; the map clips it to the country.
Paste the feature into a scenario's areas.geojson.
"""
import json
import math
import sys


def circle(lat, lon, radius_km, steps=72):
    earth_km = 6371.0088
    angular = radius_km / earth_km
    phi, lam = math.radians(lat), math.radians(lon)
    ring = []
    for step in range(steps):
        bearing = 2 * math.pi * step / steps
        lat2 = math.asin(math.sin(phi) * math.cos(angular) + math.cos(phi) * math.sin(angular) * math.cos(bearing))
        lon2 = lam + math.atan2(math.sin(bearing) * math.sin(angular) * math.cos(phi),
                                math.cos(angular) - math.sin(phi) * math.sin(lat2))
        ring.append([round(math.degrees(lon2), 5), round(math.degrees(lat2), 5)])
    ring.reverse()  # counter-clockwise, as GeoJSON asks of outer rings
    ring.append(ring[0])
    return ring


def main():
    if len(sys.argv) != 10:
        sys.exit(__doc__)
    ident, date, actor, lat, lon, radius, source, url, note = sys.argv[1:]
    feature = {
        "type": "Feature",
        "properties": {"id": ident, "date": date, "actor": actor, "status": "control",
                       "source": source, "url": url, "note": note},
        "geometry": {"type": "Polygon", "coordinates": [circle(float(lat), float(lon), float(radius))]},
    }
    print(json.dumps(feature, ensure_ascii=False))


if __name__ == "__main__":
    main()
