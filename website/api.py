"""The portal's read-only API (Wagtail API v2): practices, cities and events.

Each endpoint serves one page type, and only pages that are live and public (never
drafts, never pages behind a view restriction), as Wagtail's pages endpoint does. The
fields are declared here rather than as ``api_fields`` on the models, so that the API's
shape is in one place.

https://docs.wagtail.org/en/stable/advanced_topics/api/v2/configuration.html
"""

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.api.v2.views import PagesAPIViewSet

from cities.models import CityPage
from events.models import EventPage
from practices.models import PracticeIndicator, PracticePage

api_router = WagtailAPIRouter("wagtailapi")


def public(pages, context):
    """Of the given pages, those the API serves: live, public, on this site."""
    return pages.filter(pk__in=context["base_queryset"].values("pk"))


class PageLinkSerializer(serializers.Serializer):
    """A related page as Wagtail's API nests it: id, type, detail and page address, title."""

    def to_representation(self, page):
        request = self.context["request"]
        detail_url = get_object_detail_url(self.context["router"], request, type(page), page.pk)
        return {
            "id": page.pk,
            "meta": {
                "type": page.specific_class._meta.label,
                "detail_url": detail_url,
                "html_url": page.get_full_url(request),
            },
            "title": page.title,
        }


class PageLinkField(serializers.Field):
    """A foreign key to a page; null when the page is not public."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        page = super().get_attribute(instance)
        if page is None or not public(type(page).objects.filter(pk=page.pk), self.context).exists():
            return None
        return page

    def to_representation(self, page):
        return PageLinkSerializer(context=self.context).to_representation(page)


class PageLinkListField(serializers.Field):
    """Many pages (adopted by, related events); only the public ones."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, manager):
        link = PageLinkSerializer(context=self.context)
        return [
            link.to_representation(page)
            for page in public(manager.all(), self.context).order_by("title")
        ]


class TermListField(serializers.Field):
    """Charter goals, themes or target groups as slug and name."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, manager):
        return [{"slug": term.slug, "name": term.name} for term in manager.all()]


class TagListField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, manager):
        return sorted(tag.name for tag in manager.all())


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = PracticeIndicator
        fields = ["measure", "baseline", "target", "result", "year", "source"]


class CoordinateField(serializers.Field):
    """A decimal degree as a JSON number, as map libraries expect it."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return float(value)


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """One page type per endpoint; ``?type=`` is not accepted, the endpoint is the type."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"type"}

    def get_queryset(self):
        pages = self.model.objects.filter(pk__in=self.get_base_queryset().values("pk"))
        # A listing shows each page once (the API's addresses have no language prefix:
        # in English where translated, else in the original), unless it names a locale
        # (?locale=sv); every translation keeps its own detail address.
        if self.action == "listing_view" and "locale" not in self.request.GET:
            shown = pages.in_visitor_language()
            if "search" in self.request.GET:
                # Wagtail's search backends filter only by the fields they index, so they
                # are given the chosen pages' ids (as website.views.searchable does).
                return self.model.objects.filter(pk__in=list(shown.values_list("pk", flat=True)))
            return shown
        return pages


class PracticesAPIViewSet(PortalPagesAPIViewSet):
    model = PracticePage
    body_fields = [
        *PagesAPIViewSet.body_fields,
        APIField("city", serializer=PageLinkField()),
        "summary",
        "body",
        APIField("charter_goals", serializer=TermListField()),
        APIField("capital_code_themes", serializer=TermListField()),
        APIField("tags", serializer=TagListField()),
        "status",
        "start_date",
        "end_date",
        APIField("target_groups", serializer=TermListField()),
        "prevention_level",
        "partners",
        "problem",
        "mechanism",
        "context",
        "implementation",
        "cost",
        APIField("indicators", serializer=IndicatorSerializer(many=True, read_only=True)),
        "evaluation",
        "evaluation_link",
        "evidence_level",
        APIField("evidence_explanation", serializer=serializers.CharField(read_only=True)),
        "lessons_learned",
        "contact_name",
        "contact_role",
        "contact_email",
        "resources",
        APIField("adopted_by", serializer=PageLinkListField()),
        APIField("related_events", serializer=PageLinkListField()),
        "last_reviewed",
        "original_language",
        "external_id",
    ]
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "city",
        "summary",
        "status",
        "evidence_level",
    ]


class CitiesAPIViewSet(PortalPagesAPIViewSet):
    model = CityPage
    body_fields = [
        *PagesAPIViewSet.body_fields,
        "country",
        "region",
        "population",
        "population_year",
        APIField("latitude", serializer=CoordinateField()),
        APIField("longitude", serializer=CoordinateField()),
        "member_since",
        "membership_status",
        "introduction",
        "body",
        "challenges",
        "network_focus",
    ]
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "country",
        "membership_status",
    ]


class EventsAPIViewSet(PortalPagesAPIViewSet):
    model = EventPage
    body_fields = [
        *PagesAPIViewSet.body_fields,
        "kind",
        "start",
        "end",
        "time_zone",
        "venue",
        "address",
        "online_url",
        APIField("host_city", serializer=PageLinkField()),
        "introduction",
        "body",
    ]
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "kind",
        "start",
        "end",
    ]


api_router.register_endpoint("practices", PracticesAPIViewSet)
api_router.register_endpoint("cities", CitiesAPIViewSet)
api_router.register_endpoint("events", EventsAPIViewSet)
