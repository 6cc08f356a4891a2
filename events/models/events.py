import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models import BasePage
from portal.querysets import PortalPageQuerySet, page_manager


class EventKind(models.TextChoices):
    SUMMIT = "summit", _("Summit")
    CONFERENCE = "conference", _("Conference")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")
    EXPERIENCE_EXCHANGE = "exchange", _("Experience exchange")
    SAFETY_WALK = "safety_walk", _("Safety walk")
    NETWORK_MEETING = "meeting", _("Network meeting")


# The time zones in which member cities hold events.
NORDIC_TIME_ZONES = [
    ("Atlantic/Reykjavik", _("Iceland (Reykjavik)")),
    ("Atlantic/Faroe", _("Faroe Islands")),
    ("America/Nuuk", _("Greenland (Nuuk)")),
    ("Europe/Copenhagen", _("Denmark (Copenhagen)")),
    ("Europe/Oslo", _("Norway (Oslo)")),
    ("Europe/Stockholm", _("Sweden (Stockholm)")),
    ("Europe/Helsinki", _("Finland (Helsinki)")),
    ("Europe/Mariehamn", _("Åland (Mariehamn)")),
    ("Europe/Brussels", _("Brussels")),
]


class EventIndexPage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().select_related("host_city")
        context.update(upcoming_events=events.upcoming(), past_events=events.past()[:20])
        return context


class EventPageQuerySet(PortalPageQuerySet):
    def upcoming(self):
        return self.filter(end__gte=timezone.now()).order_by("start")

    def past(self):
        return self.filter(end__lt=timezone.now()).order_by("-start")


class EventPage(BasePage):
    """A summit, conference, workshop, webinar, experience exchange or safety walk."""

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=NORDIC_TIME_ZONES,
        default="Europe/Stockholm",
        help_text=_("The venue's time zone; times are shown in it."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    host_city = models.ForeignKey(
        "cities.CityPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_event_pages",
        verbose_name=_("host city"),
    )
    introduction = models.TextField(_("introduction"), max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
                FieldPanel("host_city"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    objects = page_manager(EventPageQuerySet)

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @property
    def has_ended(self):
        return self.end < timezone.now()

    @property
    def venue_zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.venue_zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.venue_zone)
