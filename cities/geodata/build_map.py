"""Regenerate ``nordic_map.json`` from Natural Earth's 1:50m countries.

Run once, when the geometry should change; the portal only reads the result.

    npm install world-atlas@2          # countries-50m.json, public-domain Natural Earth
    uv run --with shapely python -m cities.geodata.build_map \
        node_modules/world-atlas/countries-50m.json
"""

import json
import sys
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import box, shape
from shapely.validation import make_valid

from cities.map import GEODATA, lambert_azimuthal

# ISO 3166 numeric codes from the atlas, by the portal's country codes.
NORDIC = {"208": "DK", "246": "FI", "352": "IS", "578": "NO", "752": "SE", "234": "FO", "248": "AX"}
NEIGHBOURS = {"826", "643", "233", "428", "440", "616", "276", "372", "528", "056", "250"}
# The frame: from west of Iceland to the Finnish-Russian border, north to the North Cape.
WEST, EAST, SOUTH, NORTH = -25.0, 33.0, 53.6, 71.6
WIDTH = 600
TOLERANCE_KM = 2.5


def decode_topology(topology):
    """TopoJSON arcs are delta-encoded integers; return GeoJSON features by id."""
    scale_x, scale_y = topology["transform"]["scale"]
    move_x, move_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)

    def ring(indexes):
        points = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    features = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            coordinates = [[ring(r) for r in geometry["arcs"]]]
        elif geometry["type"] == "MultiPolygon":
            coordinates = [[ring(r) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        if "id" in geometry:
            features[geometry["id"]] = shape({"type": "MultiPolygon", "coordinates": coordinates})
    return features


def svg_path(geometry, frame):
    parts = []
    polygons = getattr(geometry, "geoms", [geometry])
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            points = [
                (
                    round((x - frame["min_x"]) * frame["scale"], 1),
                    round((frame["max_y"] - y) * frame["scale"], 1),
                )
                for x, y in ring.coords
            ]
            deduplicated = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(deduplicated) > 3:
                parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in deduplicated) + "Z")
    return "".join(parts)


def clamp_to_margin(coordinates):
    # Longitudes past the antimeridian (Chukotka) are unwrapped east before clamping, or
    # the ring would run straight across the map.
    longitudes = np.where(coordinates[:, 0] < -100, coordinates[:, 0] + 360, coordinates[:, 0])
    return np.column_stack(
        [
            np.clip(longitudes, WEST - 5, EAST + 5),
            np.clip(coordinates[:, 1], SOUTH - 5, NORTH + 5),
        ]
    )


def project_coordinates(coordinates):
    """Longitude/latitude pairs to kilometres on the map's plane."""
    return np.array([lambert_azimuthal(lat, lon) for lon, lat in coordinates]).reshape(-1, 2)


def build(atlas_path):
    features = decode_topology(json.loads(Path(atlas_path).read_text()))
    frame_box = box(WEST, SOUTH, EAST, NORTH)

    def project(geometry):
        # Clamp far-away vertices to just outside the frame first (Russia wraps round the
        # antimeridian, which makes a nonsense polygon), then clip to the frame.
        clamped = shapely.transform(geometry, clamp_to_margin)
        clipped = make_valid(clamped).intersection(frame_box)
        projected = shapely.transform(clipped, project_coordinates)
        return projected.simplify(TOLERANCE_KM)

    countries = {code: project(features[number]) for number, code in NORDIC.items()}
    neighbours = [project(features[number]) for number in NEIGHBOURS if number in features]
    # The frame's edges are curves once projected: sample them, not only the corners.
    steps = [i / 20 for i in range(21)]
    corners = [
        lambert_azimuthal(lat, WEST + (EAST - WEST) * step)
        for lat in (SOUTH, NORTH)
        for step in steps
    ] + [
        lambert_azimuthal(SOUTH + (NORTH - SOUTH) * step, lon)
        for lon in (WEST, EAST)
        for step in steps
    ]
    min_x = min(x for x, _ in corners)
    max_x = max(x for x, _ in corners)
    min_y = min(y for _, y in corners)
    max_y = max(y for _, y in corners)
    scale = WIDTH / (max_x - min_x)
    frame = {"min_x": min_x, "max_y": max_y, "scale": scale}
    result = {
        "frame": frame,
        "width": WIDTH,
        "height": round((max_y - min_y) * scale),
        "countries": {code: svg_path(g, frame) for code, g in countries.items()},
        "neighbours": "".join(svg_path(g, frame) for g in neighbours if not g.is_empty),
    }
    GEODATA.write_text(json.dumps(result, separators=(",", ":")))
    print(f"Wrote {GEODATA} ({GEODATA.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    build(sys.argv[1])
