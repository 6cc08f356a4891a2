import datetime
import zoneinfo

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cities.models import CityPage, Country
from events import registration as registration_rules
from events.blocks import ProgrammeBlock
from events.calendar import (
    add_event,
    calendar_uid,
    finish_calendar,
    google_calendar_url,
    ical_event,
    ics_response,
    new_calendar,
    outlook_calendar_url,
)
from events.choices import (
    EVENT_LANGUAGES,
    NORDIC_TIME_ZONES,
    EventKind,
    RegistrationState,
    RegistrationStatus,
)
from events.filters import EventFilter
from events.structured_data import event_item
from portal import page_cache
from portal.blocks import BodyBlock
from portal.localisation import default_locale
from portal.models import BasePage, PortalImage
from portal.page_cache import first_to_come
from portal.querysets import PortalPageQuerySet, is_private, page_manager, public_only
from portal.timezones import zoned_time

from .speakers import SPEAKER_PHOTO

# Calendar clients want a file name ending in .ics, which Wagtail's page URLs cannot end
# in; events.urls maps "<page>/calendar.ics" to the page's "calendar/" route.
CALENDAR_FILE = "calendar.ics"


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
        # The filter's choices change only with the events and cities themselves.
        cities = page_cache.kept(
            "event-host-cities", [self.pk, get_language()], lambda: self.host_cities(all_events)
        )
        selection = EventFilter(request.GET, all_events, cities)
        events = selection.qs
        countries = {city.country for city in cities}
        upcoming = list(events.upcoming().for_cards())
        context.update(
            upcoming_events=upcoming,
            # Read only where the kept list of past events is missing; it changes with the
            # content or as an event ends, leaving the coming ones (event_index_page.html).
            past_events=events.past().for_cards()[:20],
            upcoming_ids=[event.pk for event in upcoming],
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
        selection = EventFilter(request.GET, all_events, self.host_cities(all_events))
        calendar = new_calendar(self.title, description=self.introduction, url=self.full_url or "")
        for event in selection.qs.order_by("start"):
            add_event(calendar, ical_event(event, request))
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

    def ics_url(self):
        return self.url + CALENDAR_FILE

    def structured_data(self, request=None, speakers=None, registration_state=None):
        """The event as schema.org JSON-LD (events.structured_data). ``speakers`` and
        ``registration_state`` save queries when the caller has them."""
        return event_item(self, request, speakers, registration_state)

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
            google_calendar_url=google_calendar_url(self, request),
            outlook_calendar_url=outlook_calendar_url(self, request),
        )
        return context

    @path("")
    def event(self, request):
        return self.render(request)

    @path("calendar/", name="calendar")
    def calendar(self, request):
        calendar = new_calendar(self.title)
        add_event(calendar, ical_event(self, request))
        finish_calendar(calendar)
        return ics_response(calendar, f"{self.slug}.ics")

    # Registering and cancelling: one POST each (cancelling asks first, on a page of its
    # own). The rules are events.registration's.

    def _refuse_unless_signed_in_post(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.is_authenticated:
            # Back to the event's page after signing in, where one more click registers.
            return redirect_to_login(self.get_url(request))
        return None

    @path("register/", name="register")
    def register_view(self, request):
        if refusal := self._refuse_unless_signed_in_post(request):
            return refusal
        try:
            registration = registration_rules.register(self, request.user)
        except registration_rules.RegistrationRefused as refused:
            messages.error(request, refused.message)
        else:
            if registration.status == RegistrationStatus.CONFIRMED:
                messages.success(request, gettext("You are registered. See you there!"))
            else:
                messages.info(
                    request,
                    gettext(
                        "The event is full, so you are on the waiting list. We will email "
                        "you if a place becomes free."
                    ),
                )
        return redirect(self.get_url(request))

    @path("cancel/", name="cancel")
    def cancel_view(self, request):
        """GET asks first, saying what happens to the place; only the POST from that page
        cancels."""
        if request.method == "GET":
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            registration = self.registration_event().registration_of(request.user)
            if registration is None or self.has_ended:
                return redirect(self.url)
            return self.render(
                request,
                template="events/cancel_registration.html",
                context_overrides={"registration": registration},
            )
        if refusal := self._refuse_unless_signed_in_post(request):
            return refusal
        try:
            registration_rules.cancel(self, request.user)
        except registration_rules.RegistrationRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, gettext("Your registration is cancelled."))
        return redirect(self.get_url(request))
