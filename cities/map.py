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


# Markers closer than this (in SVG units) would share a tap target: a phone draws the
# 600-unit map about 340 px wide and each marker's target with a radius of 18 units,
# so two targets 36 units apart touch but do not overlap.
MARKER_SPACING = 36
# Relaxation rounds: every demo cluster (Copenhagen–Malmö, the capital regions of
# Finland and Iceland, Stockholm–Uppsala–Södertälje) settles in well under this.
SPREAD_ROUNDS = 200


def spread_apart(points, spacing=MARKER_SPACING, width=None, height=None):
    """Nudge points that sit closer than ``spacing`` apart until none do, each moving as
    little as it can (pairwise relaxation), and keep them inside the map.

    Returns new (x, y) pairs in the same order. Deterministic: coincident points part
    along a fixed direction set by their order, so a page renders the same every time.
    """
    frame = nordic_map()
    width = frame["width"] if width is None else width
    height = frame["height"] if height is None else height
    margin = spacing / 2
    moved = [list(point) for point in points]
    for _ in range(SPREAD_ROUNDS):
        settled = True
        for i, first in enumerate(moved):
            for j in range(i + 1, len(moved)):
                second = moved[j]
                dx, dy = second[0] - first[0], second[1] - first[1]
                distance = math.hypot(dx, dy)
                if distance >= spacing - 0.01:
                    continue
                settled = False
                if distance < 0.01:
                    angle = math.radians(137.5 * (i + j))
                    dx, dy, distance = math.cos(angle), math.sin(angle), 1.0
                push = (spacing - distance) / 2 / distance
                first[0] -= dx * push
                first[1] -= dy * push
                second[0] += dx * push
                second[1] += dy * push
        for point in moved:
            point[0] = min(max(point[0], margin), width - margin)
            point[1] = min(max(point[1], margin), height - margin)
        if settled:
            break
    return [(round(x, 1), round(y, 1)) for x, y in moved]


def map_markers(cities):
    """A marker for each city that has a location, in the map's coordinates.

    Cities too close to tell apart at the map's scale are nudged apart, so that every
    marker can be clicked, tapped and focused on its own; ``at_x``/``at_y`` keep the
    true position, which the map joins to the marker with a short line.
    """
    located = [
        (city, to_svg(city.latitude, city.longitude))
        for city in cities
        if city.latitude is not None and city.longitude is not None
    ]
    spread = spread_apart([position for _, position in located])
    return [
        {
            "city": city,
            "x": x,
            "y": y,
            "at_x": at_x,
            "at_y": at_y,
            "moved": math.hypot(x - at_x, y - at_y) >= 1,
        }
        for (city, (at_x, at_y)), (x, y) in zip(located, spread, strict=True)
    ]
