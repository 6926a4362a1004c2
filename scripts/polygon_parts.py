"""The polygonal parts of a shapely geometry and their GeoJSON form, shared by the scripts that write GeoJSON layers."""
from shapely.geometry import MultiPolygon, mapping


def polygonal(geometry, min_area):
    """The polygons of `geometry` (lines and points left out) of more than `min_area` square degrees."""
    parts = [g for g in getattr(geometry, "geoms", [geometry]) if g.geom_type in ("Polygon", "MultiPolygon")]
    flat = []
    for part in parts:
        flat += list(getattr(part, "geoms", [part]))
    return MultiPolygon([p for p in flat if p.area > min_area])


def rounded(geometry, decimals=5):
    """GeoJSON geometry of `geometry` with coordinates rounded to `decimals` places (5: about a metre)."""
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float):
                return [round(value[0], decimals), round(value[1], decimals)]
            return [walk(item) for item in value]
        return value
    data = mapping(geometry)
    return {"type": data["type"], "coordinates": walk(data["coordinates"])}
