"""Template helpers for the member-city pages: the directory's map and key figures."""

from django import template
from django.utils.formats import number_format

from cities.map import nordic_map as projected_map
from cities.map import to_svg
from cities.models import Country

register = template.Library()

# Where each country's name sits on the map, as (latitude, longitude): in open land or
# sea, away from the member cities' markers.
COUNTRY_LABELS = {
    Country.ICELAND: (65.4, -17.2),
    Country.NORWAY: (61.6, 8.6),
    Country.SWEDEN: (64.6, 16.8),
    Country.FINLAND: (64.4, 27.0),
    Country.DENMARK: (56.3, 6.2),
}
# The outlines are cut at these longitudes and latitudes (see cities/geodata/build_map.py);
# neighbours fade out towards them, so the cut does not show as a hard edge.
FRAME_WEST, FRAME_EAST, FRAME_SOUTH, FRAME_NORTH = -25.0, 33.0, 53.6, 71.6
FADE_INSET = 0.6  # degrees of latitude; twice that of longitude


@register.simple_tag
def nordic_map():
    """The projected outlines: width, height, countries {code: path} and neighbours."""
    return projected_map()


@register.simple_tag
def country_labels():
    """The Nordic countries' names with the point on the map where each is written."""
    labels = []
    for country, (latitude, longitude) in COUNTRY_LABELS.items():
        x, y = to_svg(latitude, longitude)
        labels.append({"name": country.label, "x": x, "y": y})
    return labels


@register.simple_tag
def map_fade_outline():
    """An SVG path just inside the frame the outlines were cut to, for a soft-edged mask."""
    west, east = FRAME_WEST + 2 * FADE_INSET, FRAME_EAST - 2 * FADE_INSET
    south, north = FRAME_SOUTH + FADE_INSET, FRAME_NORTH - FADE_INSET
    steps = [step / 16 for step in range(17)]
    edge = (
        [(north, west + (east - west) * step) for step in steps]
        + [(north - (north - south) * step, east) for step in steps]
        + [(south, east - (east - west) * step) for step in steps]
        + [(south + (north - south) * step, west) for step in steps]
    )
    points = [to_svg(latitude, longitude) for latitude, longitude in edge]
    return "M" + "L".join(f"{x} {y}" for x, y in points) + "Z"


@register.filter
def figure_value(value):
    """A key figure as people write it: 12.5, not 12.50; 40, not 40.00."""
    return number_format(value.normalize())
