"""The polygonal parts of a shapely geometry, shared by the importers that fit OCHA outlines."""
from shapely.geometry import MultiPolygon


def polygonal(geometry, min_area):
    """The polygons of `geometry` (lines and points left out) of more than `min_area` square degrees."""
    parts = [g for g in getattr(geometry, "geoms", [geometry]) if g.geom_type in ("Polygon", "MultiPolygon")]
    flat = []
    for part in parts:
        flat += list(getattr(part, "geoms", [part]))
    return MultiPolygon([p for p in flat if p.area > min_area])
