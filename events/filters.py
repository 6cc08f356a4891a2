"""The event listing's and calendar feed's selection, a django-filter FilterSet read from
the query string: ``?kind=summit&country=FI&city=helsinki``."""

from urllib.parse import urlencode

import django_filters
from django.utils.functional import cached_property

from cities.models import Country

from .choices import EventKind


class EventFilter(django_filters.FilterSet):
    """A value that is not a choice is ignored, and the others still apply: django-filter
    filters by the fields that validate. A city is a choice when it hosts one of the
    listed events (``cities``, read once by the page, so checking costs no query)."""

    kind = django_filters.ChoiceFilter(choices=EventKind.choices)
    country = django_filters.ChoiceFilter(field_name="host_city__country", choices=Country.choices)
    city = django_filters.ChoiceFilter(field_name="host_city__slug")

    def __init__(self, data, queryset, cities):
        super().__init__(data, queryset)
        self.filters["city"].extra["choices"] = [(city.slug, city.title) for city in cities]

    @cached_property
    def selected(self):
        """The valid values chosen, by parameter: {"kind": "summit", ...}."""
        self.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items() if value}

    @property
    def is_active(self):
        return bool(self.selected)

    def query_string(self):
        return urlencode(self.selected)
