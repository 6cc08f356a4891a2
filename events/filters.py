from urllib.parse import urlencode

from cities.models import Country

from .choices import EventKind


class EventFilter:
    """The listing's and the calendar feed's selection, read from the query string:
    ``?kind=summit&country=FI&city=helsinki``. Unknown values are ignored."""

    def __init__(self, params, cities):
        kind = params.get("kind", "")
        country = params.get("country", "")
        city = params.get("city", "")
        self.kind = kind if kind in EventKind.values else ""
        self.country = country if country in Country.values else ""
        self.city = city if any(c.slug == city for c in cities) else ""

    def apply(self, events):
        if self.kind:
            events = events.filter(kind=self.kind)
        if self.country:
            events = events.filter(host_city__country=self.country)
        if self.city:
            events = events.filter(host_city__slug=self.city)
        return events

    @property
    def is_active(self):
        return bool(self.kind or self.country or self.city)

    def query_string(self):
        return urlencode(
            {key: value for key in ("kind", "country", "city") if (value := getattr(self, key))}
        )
