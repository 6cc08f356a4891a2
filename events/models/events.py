import datetime
import zoneinfo
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from cities.models import CityPage, Country
from events.calendar import (
    add_event,
    calendar_uid,
    event_component,
    finish_calendar,
    ics_response,
    new_calendar,
)
from portal import schema_org
from portal.blocks import BodyBlock
from portal.cache import first_to_come
from portal.localisation import default_locale
from portal.models import BasePage, PortalImage
from portal.querysets import PortalPageQuerySet, is_private, page_manager, public_only
from portal.timezones import zoned_time


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


# The languages events are held in: the network's working language and the five Nordic ones.
EVENT_LANGUAGES = [
    ("en", _("English")),
    ("sv", _("Swedish")),
    ("da", _("Danish")),
    ("nb", _("Norwegian")),
    ("fi", _("Finnish")),
    ("is", _("Icelandic")),
]


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    # Kept, not deleted, so that staff see who gave up a place (purge_attendees removes
    # it with the rest after the event).
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationState(models.TextChoices):
    """Where an event's registration stands, as its page tells visitors."""

    NONE = "none", _("No registration on the portal")
    NOT_YET_OPEN = "not_yet_open", _("Registration not yet open")
    OPEN = "open", _("Registration open")
    FULL = "full", _("Full: waiting list")
    CLOSED = "closed", _("Registration closed")


class Speaker(models.Model):
    """Someone who speaks at the network's events; chosen in events' programmes."""

    name = models.CharField(_("name"), max_length=120)
    photo = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
        help_text=_("The image's description is its alternative text; it must have one."),
    )
    title = models.CharField(_("title"), max_length=160, blank=True, help_text=_("Job title."))
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    bio = models.TextField(_("biography"), blank=True, max_length=1500)

    panels = [
        FieldPanel("name"),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("organisation")]),
        FieldPanel("bio"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.photo_id and not (self.photo.description or "").strip():
            raise ValidationError(
                {
                    "photo": _(
                        "This photo has no description. Add one to the image first: "
                        "screen readers read it out instead of the photo."
                    )
                }
            )

    @property
    def role(self):
        return ", ".join(part for part in (self.title, self.organisation) if part)


# The rendition of speakers' photos on event pages.
SPEAKER_PHOTO = "fill-160x160"


class ProgrammeSessionBlock(blocks.StructBlock):
    """One item of an event's programme."""

    day = blocks.DateBlock(
        label=_("Day"), required=False, help_text=_("For events of more than one day.")
    )
    start_time = blocks.TimeBlock(label=_("Starts"))
    end_time = blocks.TimeBlock(label=_("Ends"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    room = blocks.CharBlock(label=_("Room"), required=False, max_length=120)
    description = blocks.TextBlock(label=_("Description"), required=False)
    speakers = blocks.ListBlock(
        SnippetChooserBlock("events.Speaker"), label=_("Speakers"), default=[]
    )
    practices = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="practices.PracticePage"),
        label=_("Related practices"),
        default=[],
    )

    class Meta:
        icon = "time"
        label = _("Session")


class ProgrammeBlock(blocks.StreamBlock):
    session = ProgrammeSessionBlock()


def programme_session(
    title,
    start_time,
    *,
    day=None,
    end_time=None,
    room="",
    speakers=(),
    practices=(),
    description="",
):
    """A programme item in its stored form: ``programme=[programme_session(...)]``."""
    return (
        "session",
        {
            "day": day,
            "start_time": start_time,
            "end_time": end_time,
            "title": title,
            "room": room,
            "description": description,
            "speakers": list(speakers),
            "practices": list(practices),
        },
    )


# Calendar clients want a file name ending in .ics, which Wagtail's page URLs cannot end
# in; events.urls maps "<page>/calendar.ics" to the page's "calendar/" route.
CALENDAR_FILE = "calendar.ics"


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


class EventIndexPage(RoutablePageMixin, BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        """The live, public events below this page or its translations, each once: in the
        visitor's language where translated, else in the original."""
        return (
            EventPage.objects.live()
            .public()
            .child_of_any_translation(self)
            .in_visitor_language()
            .defer_streamfields()
        )

    def host_cities(self, events=None):
        # The public ones: a city in a private section is no choice of the filter.
        return list(
            CityPage.objects.public()
            .filter(hosted_event_pages__in=events if events is not None else self.events())
            .distinct()
            .order_by("title")
            .only("pk", "title", "slug", "country")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        all_events = self.events()
        cities = self.host_cities(all_events)
        selection = EventFilter(request.GET, cities)
        events = selection.apply(all_events)
        countries = {city.country for city in cities}
        context.update(
            upcoming_events=events.upcoming().for_cards(),
            past_events=events.past().for_cards()[:20],
            selection=selection,
            kinds=EventKind.choices,
            countries=[(code, label) for code, label in Country.choices if code in countries],
            cities=cities,
            calendar_feed_url=self.feed_url(selection),
        )
        return context

    def next_change(self, context):
        # An event moves from the coming to the past ones as it ends.
        events = context.get("upcoming_events") or ()
        return first_to_come(moment for event in events for moment in (event.start, event.end))

    def feed_url(self, selection=None):
        url = self.url + CALENDAR_FILE
        if selection and selection.is_active:
            url += "?" + selection.query_string()
        return url

    @path("")
    def listing(self, request):
        return self.render(request)

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """A subscribable feed of the events, filtered like the listing."""
        all_events = self.events()
        selection = EventFilter(request.GET, self.host_cities(all_events))
        calendar = new_calendar(self.title, description=self.introduction, url=self.full_url or "")
        for event in selection.apply(all_events).order_by("start"):
            add_event(calendar, event.as_ical_event(request))
        finish_calendar(calendar)
        return ics_response(calendar, "events.ics", attachment=False)


class EventPageQuerySet(PortalPageQuerySet):
    def upcoming(self):
        return self.filter(end__gte=timezone.now()).order_by("start")

    def past(self):
        return self.filter(end__lt=timezone.now()).order_by("-start")

    def for_cards(self):
        """What an event card shows, without a query per card, and only those columns of
        the event and its host city (each a row of some fifty)."""
        return self.select_related("host_city").only(
            *EVENT_CARD_FIELDS, "host_city__title", "host_city__path"
        )


# A card links to the event (its address and language), names it, says what kind it is,
# when (in the venue's time zone) and where, and who hosts it (if its page is public).
EVENT_CARD_FIELDS = (
    "title",
    "url_path",
    "locale",
    "kind",
    "start",
    "end",
    "time_zone",
    "all_day",
    "venue",
    "online_url",
    "host_city",
    # The card marks an event invented for the demo (components/demo_mark.html).
    "is_demo_content",
)


class EventPage(RoutablePageMixin, BasePage):
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
    all_day = models.BooleanField(
        _("whole days"),
        default=False,
        help_text=_(
            "Calendars show the event as whole days (for summits of several days); "
            "the programme still gives the times."
        ),
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
    language = models.CharField(_("language"), max_length=5, choices=EVENT_LANGUAGES, default="en")
    introduction = models.TextField(_("introduction"), max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programme"))
    travel_paid_by_member_city = models.BooleanField(
        _("travel paid by the member city"),
        default=True,
        help_text=_("Say on the page that each member city pays its own travel."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Places for participants. Leave empty for no limit."),
    )
    registration_opens = models.DateTimeField(
        _("registration opens"),
        null=True,
        blank=True,
        help_text=_("Leave empty if people do not register on the portal."),
    )
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to take registrations until the event starts."),
    )
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only people from member cities and the network's staff may register."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldPanel("all_day"),
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
        FieldPanel("language"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("programme"),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldPanel("members_only"),
                FieldPanel("travel_paid_by_member_city"),
            ],
            heading=_("Registration"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    served_with = ("host_city",)
    subpage_types = []

    objects = page_manager(EventPageQuerySet)

    class Meta:
        verbose_name = _("event")

    @property
    def public_host_city(self):
        """The host city, unless its page is in a private section: an event hosted by a
        private city does not name it."""
        if self.host_city is None or is_private(self.host_city):
            return None
        return self.host_city

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if self.registration_closes and not self.registration_opens:
            errors["registration_opens"] = _("Say when registration opens, too.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.registration_opens and self.start and self.registration_opens >= self.start:
            errors["registration_opens"] = _("Registration must open before the event starts.")
        if errors:
            raise ValidationError(errors)

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

    # Templates show an event's times through these: text in the venue's zone, named.
    # Django's date and time filters would convert local_start to the active zone again
    # (the home page said 08:00 CEST for an event at 09:00 EEST).
    @property
    def local_start_date(self):
        return self.local_start.date()

    @property
    def start_time_text(self):
        return zoned_time(self.start, self.venue_zone)

    @property
    def end_time_text(self):
        return zoned_time(self.end, self.venue_zone)

    @property
    def is_online(self):
        return bool(self.online_url)

    @property
    def is_in_person(self):
        return bool(self.venue or self.address)

    # Registration

    @property
    def takes_registrations(self):
        return self.registration_opens is not None

    @property
    def registration_deadline(self):
        return self.registration_closes or self.start

    def registration_state(self, confirmed_count=None, now=None):
        """Whether people can register now; ``confirmed_count`` saves a query when the
        caller has it."""
        if not self.takes_registrations:
            return RegistrationState.NONE
        now = now or timezone.now()
        if now < self.registration_opens:
            return RegistrationState.NOT_YET_OPEN
        if now >= self.registration_deadline:
            return RegistrationState.CLOSED
        if self.capacity is not None:
            if confirmed_count is None:
                confirmed_count = self.confirmed_count()
            if confirmed_count >= self.capacity:
                return RegistrationState.FULL
        return RegistrationState.OPEN

    def next_change(self, context):
        # Registration opens and closes, and the event starts and ends, by the clock.
        moments = [self.start, self.end]
        if self.takes_registrations:
            moments += [self.registration_opens, self.registration_deadline]
        return first_to_come(moments)

    def registration_event(self):
        """The page that holds the registrations: the event in the network's working
        language, so that every translation of an event shares its places, its waiting
        list and its attendee list."""
        source_locale = default_locale()
        if self.locale_id == source_locale.pk:
            return self
        return self.get_translation_or_none(source_locale) or self

    def confirmed_count(self):
        return self.registrations.filter(status=RegistrationStatus.CONFIRMED).count()

    def registration_of(self, user):
        if not user.is_authenticated:
            return None
        return (
            self.registrations.filter(user=user)
            .exclude(status=RegistrationStatus.CANCELLED)
            .first()
        )

    # Programme and speakers

    def programme_days(self):
        """The programme's sessions grouped by day, in the order the editor gave them:
        [(day or None, [session, ...]), ...]. A session names only public practices."""
        days = []
        for session in self.programme:
            day = session.value["day"]
            if not days or days[-1][0] != day:
                days.append((day, []))
            practices = public_only(practice for practice in session.value["practices"] if practice)
            days[-1][1].append({**session.value, "practices": practices})
        return days

    def speakers(self):
        """Everyone who speaks in the programme, in the order they first appear, with
        their photos and the photos' renditions fetched in two queries."""
        speakers = {}
        for session in self.programme:
            for speaker in session.value["speakers"]:
                if speaker is not None:
                    speakers.setdefault(speaker.pk, speaker)
        speakers = list(speakers.values())
        models.prefetch_related_objects(
            speakers,
            models.Prefetch(
                "photo", queryset=PortalImage.objects.prefetch_renditions(SPEAKER_PHOTO)
            ),
        )
        return speakers

    # Calendars

    @property
    def ical_uid(self):
        """Stable across edits, moves and translations of the page."""
        return calendar_uid("event", self.translation_key)

    @property
    def location_text(self):
        parts = [self.venue, self.address]
        if not any(parts) and self.online_url:
            parts = [self.online_url]
        return ", ".join(part for part in parts if part)

    def calendar_dates(self):
        """(start, end) as calendars want them: dates, with an exclusive end, for
        whole-day events; aware datetimes in the venue's zone otherwise."""
        if self.all_day:
            return self.local_start.date(), self.local_end.date() + datetime.timedelta(days=1)
        return self.local_start, self.local_end

    def as_ical_event(self, request=None):
        url = self.get_full_url(request)
        description = self.introduction
        if self.online_url:
            description += f"\n\n{_('Join online')}: {self.online_url}"
        start, end = self.calendar_dates()
        return event_component(
            uid=self.ical_uid,
            summary=self.title,
            start=start,
            end=end,
            description=f"{description}\n\n{url}" if url else description,
            location=self.location_text,
            url=url,
            last_modified=self.last_published_at,
            categories=[str(self.get_kind_display())],
        )

    def _utc_stamp(self, value):
        return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")

    def google_calendar_url(self, request=None):
        start, end = self.calendar_dates()
        if self.all_day:
            dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
        else:
            dates = f"{self._utc_stamp(start)}/{self._utc_stamp(end)}"
        query = {
            "action": "TEMPLATE",
            "text": self.title,
            "dates": dates,
            "ctz": self.time_zone,
            "details": f"{self.introduction}\n\n{self.get_full_url(request)}",
            "location": self.location_text,
        }
        return "https://calendar.google.com/calendar/render?" + urlencode(query)

    def outlook_calendar_url(self, request=None):
        start, end = self.calendar_dates()
        if self.all_day:
            start_text, end_text = start.isoformat(), end.isoformat()
        else:
            start_text = start.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            end_text = end.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        query = {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": self.title,
            "startdt": start_text,
            "enddt": end_text,
            "allday": "true" if self.all_day else "false",
            "body": f"{self.introduction}\n\n{self.get_full_url(request)}",
            "location": self.location_text,
        }
        return "https://outlook.live.com/calendar/0/action/compose?" + urlencode(query)

    def ics_url(self):
        return self.url + CALENDAR_FILE

    # Structured data

    def structured_data(self, request=None, speakers=None, registration_state=None):
        """The event as schema.org JSON-LD, with what Google's event results read.
        ``speakers`` and ``registration_state`` save queries when the caller has them."""
        if self.is_online and self.is_in_person:
            mode = "MixedEventAttendanceMode"
        elif self.is_online:
            mode = "OnlineEventAttendanceMode"
        else:
            mode = "OfflineEventAttendanceMode"
        locations = []
        if self.is_in_person:
            locations.append(self.place())
        if self.is_online:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        if self.all_day:
            start, end = self.local_start.date(), self.local_end.date()
        else:
            start, end = self.local_start, self.local_end
        if speakers is None:
            speakers = self.speakers()
        return schema_org.item(
            "Event",
            name=self.title,
            description=self.introduction,
            startDate=start.isoformat(),
            endDate=end.isoformat(),
            # The portal has no cancelled or postponed state: an event that does not take
            # place is unpublished.
            eventStatus="https://schema.org/EventScheduled",
            eventAttendanceMode=f"https://schema.org/{mode}",
            location=locations[0] if len(locations) == 1 else locations,
            inLanguage=self.language,
            url=self.get_full_url(request),
            image=schema_org.images(self.social_image, request),
            isAccessibleForFree=True,
            organizer=schema_org.network(request),
            offers=self.offer(request, registration_state),
            performer=[
                {"@type": "Person", "name": speaker.name, "jobTitle": speaker.role}
                for speaker in speakers
            ],
            maximumAttendeeCapacity=self.capacity,
        )

    def place(self):
        """The venue as a schema.org Place, its postal address completed with the host
        city and its country (Google requires an address for a Place)."""
        address = {"@type": "PostalAddress"}
        if self.address:
            address["streetAddress"] = self.address
        # A host city in a private section is not named here either.
        if host_city := self.public_host_city:
            address["addressLocality"] = host_city.title
            address["addressCountry"] = host_city.country
        place = {"@type": "Place", "name": self.venue or self.address}
        if len(address) > 1:
            place["address"] = address
        return place

    def offer(self, request=None, registration_state=None):
        """A free place at the event, while registration on the portal is open (sold out
        once the event is full and new registrations join the waiting list); None when
        no one can register now."""
        # The event in the working language holds the places of all its translations.
        state = registration_state or self.registration_event().registration_state()
        if state not in (RegistrationState.OPEN, RegistrationState.FULL):
            return None
        return {
            "@type": "Offer",
            "price": 0,
            # Google wants a currency with every price; nothing is paid in any of them.
            "priceCurrency": "EUR",
            "availability": "https://schema.org/"
            + ("InStock" if state == RegistrationState.OPEN else "SoldOut"),
            "url": self.get_full_url(request) + self.reverse_subpage("register"),
            "validFrom": self.registration_opens,
        }

    # Routes: the page, its calendar file, and registering and cancelling

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        holder = self.registration_event() if self.takes_registrations else self
        confirmed = holder.confirmed_count() if self.takes_registrations else 0
        registration = holder.registration_of(request.user) if self.takes_registrations else None
        speakers = self.speakers()
        registration_state = self.registration_state(confirmed_count=confirmed)
        context.update(
            registration_state=registration_state,
            confirmed_count=confirmed,
            places_left=max(self.capacity - confirmed, 0) if self.capacity is not None else None,
            registration=registration,
            waiting_position=registration.waiting_position() if registration else None,
            speakers=speakers,
            structured_data=self.structured_data(request, speakers, registration_state),
            google_calendar_url=self.google_calendar_url(request),
            outlook_calendar_url=self.outlook_calendar_url(request),
        )
        return context

    @path("")
    def event(self, request):
        return self.render(request)

    @path("calendar/", name="calendar")
    def calendar(self, request):
        calendar = new_calendar(self.title)
        add_event(calendar, self.as_ical_event(request))
        finish_calendar(calendar)
        return ics_response(calendar, f"{self.slug}.ics")

    @path("register/", name="register")
    def register_view(self, request):
        from events.views import register

        return register(request, self)

    @path("cancel/", name="cancel")
    def cancel_view(self, request):
        from events.views import cancel

        return cancel(request, self)


class Registration(models.Model):
    """A person's place at an event, or on its waiting list. Marked cancelled when they
    cancel, and deleted by ``purge_attendees`` some days after the event."""

    event = models.ForeignKey(
        EventPage,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("person"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("moved off the waiting list at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        # The waiting list's order: first come, first served.
        ordering = ["registered_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="one_registration_per_person_and_event"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.event}"

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED

    def waiting_position(self):
        """1 for the first in line; None for confirmed registrations."""
        if self.is_confirmed:
            return None
        return (
            Registration.objects.filter(event_id=self.event_id, status=RegistrationStatus.WAITING)
            .filter(
                models.Q(registered_at__lt=self.registered_at)
                | models.Q(registered_at=self.registered_at, pk__lt=self.pk)
            )
            .count()
            + 1
        )

    @property
    def name(self):
        return self.user.get_full_name() or self.user.email

    @property
    def email(self):
        return self.user.email
