"""The directory's map of the Nordic region: an SVG drawn on the server from shipped
geometry, so that it needs no tile server, CDN or JavaScript.

Coastlines come from Natural Earth (public domain) through the world-atlas package;
``cities/geodata/build_map.py`` projects them once into ``nordic_map.json``.
"""

import json
import math
from functools import cache
from pathlib import Path

GEODATA = Path(__file__).parent / "geodata" / "nordic_map.json"

# Lambert azimuthal equal-area, centred on the middle of the region, keeps the
# proportions of Iceland, Scandinavia and Finland right at these latitudes.
CENTRE_LONGITUDE = 12.0
CENTRE_LATITUDE = 63.0
EARTH_RADIUS = 6371.0


def lambert_azimuthal(latitude, longitude):
    """Project degrees to kilometres on the plane tangent at the region's centre."""
    phi, lam = math.radians(latitude), math.radians(longitude)
    phi0, lam0 = math.radians(CENTRE_LATITUDE), math.radians(CENTRE_LONGITUDE)
    cos_delta = math.cos(lam - lam0)
    k = math.sqrt(
        2 / (1 + math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * cos_delta)
    )
    x = k * math.cos(phi) * math.sin(lam - lam0)
    y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * cos_delta)
    return EARTH_RADIUS * x, EARTH_RADIUS * y


@cache
def nordic_map():
    """The projected outlines, and the frame that maps kilometres to SVG units."""
    return json.loads(GEODATA.read_text())


def to_svg(latitude, longitude):
    """Where a place falls on the map, in the SVG's coordinates."""
    frame = nordic_map()["frame"]
    x, y = lambert_azimuthal(float(latitude), float(longitude))
    return (
        round((x - frame["min_x"]) * frame["scale"], 1),
        round((frame["max_y"] - y) * frame["scale"], 1),
    )


def map_markers(cities):
    """A marker for each city that has a location, in the map's coordinates."""
    markers = []
    for city in cities:
        if city.latitude is not None and city.longitude is not None:
            x, y = to_svg(city.latitude, city.longitude)
            markers.append({"city": city, "x": x, "y": y})
    return markers
