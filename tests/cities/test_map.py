"""The directory map's markers: cities too close to tell apart are nudged apart so each
keeps a target of its own, and every other city stays where it is."""

import math
from types import SimpleNamespace

from cities.map import MARKER_SPACING, map_markers, nordic_map, spread_apart, to_svg
from website.demo.loader import read

CITIES = read("cities")["cities"]


def distances(points):
    return [
        math.hypot(a[0] - b[0], a[1] - b[1]) for i, a in enumerate(points) for b in points[i + 1 :]
    ]


def demo_cities():
    return [
        SimpleNamespace(title=city["title"], latitude=city["latitude"], longitude=city["longitude"])
        for city in CITIES
    ]


def test_the_demo_cities_crowd_each_other_at_their_true_places():
    """The premise: Stockholm and Uppsala, Copenhagen and Malmö, Helsinki and Vantaa
    overlap on the map as drawn from their coordinates."""
    true_places = [to_svg(city.latitude, city.longitude) for city in demo_cities()]
    assert min(distances(true_places)) < MARKER_SPACING / 2


def test_every_demo_marker_has_a_target_of_its_own():
    markers = map_markers(demo_cities())
    points = [(marker["x"], marker["y"]) for marker in markers]
    assert len(points) == len(CITIES)
    assert min(distances(points)) >= MARKER_SPACING - 0.2
    frame = nordic_map()
    for x, y in points:
        assert 0 <= x <= frame["width"] and 0 <= y <= frame["height"]


def test_a_moved_marker_keeps_its_true_place_and_says_so():
    markers = {marker["city"].title: marker for marker in map_markers(demo_cities())}
    stockholm = markers["Stockholm"]
    assert stockholm["moved"]
    assert (stockholm["at_x"], stockholm["at_y"]) == to_svg("59.32938", "18.06871")
    # Nudged by less than two spacings: still in the Stockholm region.
    assert math.hypot(stockholm["x"] - stockholm["at_x"], stockholm["y"] - stockholm["at_y"]) < (
        2 * MARKER_SPACING
    )


def test_a_city_with_room_around_it_stays_put():
    markers = {marker["city"].title: marker for marker in map_markers(demo_cities())}
    trondheim = markers["Trondheim"]
    assert not trondheim["moved"]
    assert (trondheim["x"], trondheim["y"]) == to_svg("63.43049", "10.39506")


def test_coincident_points_part_the_same_way_every_time():
    first = spread_apart([(300, 200), (300, 200), (300, 200)])
    assert first == spread_apart([(300, 200), (300, 200), (300, 200)])
    assert min(distances(first)) >= MARKER_SPACING - 0.2


def test_a_city_without_a_location_has_no_marker():
    nowhere = SimpleNamespace(title="Nowhere", latitude=None, longitude=None)
    assert map_markers([nowhere]) == []
