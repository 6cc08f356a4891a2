import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cities.map import map_markers
from events import feeds
from events.choices import TAKEOVER_DAYS, Channel, TourPhase
from events.schedule import Schedule, TourFrame
from portal.blocks import BodyBlock
from portal.fields import MultipleChoiceJSONField
from portal.forms import PortalPageForm
from portal.localisation import default_locale
from portal.models import BasePage
from portal.page_cache import start_of_tomorrow
from portal.querysets import is_private
from practices.models import PracticePage

from .posts import TakeoverPost
from .stops import TourStop


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


class TourSchedule:
    """What a tour's page shows of its schedule on a day, each part read when first shown:
    the page keeps its sections rendered for the day (tour_page.html), and a kept section
    reads nothing."""

    def __init__(self, tour, today):
        self.tour = tour
        self.today = today

    @cached_property
    def stops(self):
        return self.tour.announced_stops

    @cached_property
    def timeline(self):
        """Every week of the tour: its city, its break, or neither yet (to be announced)."""
        by_week = {stop.week_start: stop for stop in self.stops}
        breaks = self.tour.break_weeks()
        return [
            {
                "number": self.tour.week_number(week),
                "start": week,
                "end": week + datetime.timedelta(days=TAKEOVER_DAYS - 1),
                "stop": by_week.get(week),
                "is_break": week in breaks,
                "break": breaks.get(week),
            }
            for week in self.tour.weeks()
        ]

    @cached_property
    def phase(self):
        return self.tour.phase(self.today)

    @cached_property
    def current_break(self):
        return self.tour.current_break(self.today)

    @cached_property
    def current_stop(self):
        return next((stop for stop in self.stops if stop.is_current(self.today)), None)

    @cached_property
    def next_stop(self):
        return next((stop for stop in self.stops if stop.week_start > self.today), None)

    @cached_property
    def progress(self):
        return self.tour.progress(self.today)

    @cached_property
    def map_markers(self):
        return map_markers(stop.city for stop in self.stops)


class TourIndexPage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["events.TourPage"]

    class Meta:
        verbose_name = _("tour index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tours"] = (
            TourPage.objects.child_of_any_translation(self)
            .live()
            .public()
            .in_visitor_language()
            .order_by("-first_week")
        )
        return context

    def next_change(self, context):
        # A tour is marked ongoing until the day after its last.
        if any(not tour.has_ended() for tour in context["tours"]):
            return start_of_tomorrow()
        return None


class TourPageForm(PortalPageForm):
    """Changing the tour's weeks or breaks must not strand a stop that is already
    scheduled: staff move the stop on the schedule screen first."""

    def clean(self):
        cleaned_data = super().clean()
        first_week = cleaned_data.get("first_week")
        number_of_weeks = cleaned_data.get("number_of_weeks")
        if self.instance.pk is None or not first_week or not number_of_weeks:
            return cleaned_data
        breaks = frozenset(
            form.cleaned_data["week_start"]
            for form in self.formsets["breaks"].forms
            if form.is_valid()
            and form.cleaned_data.get("week_start")
            and not form.cleaned_data.get("DELETE")
        )
        schedule = Schedule.of(self.instance)
        stranded = Schedule(TourFrame(first_week, number_of_weeks, breaks), schedule.stops)
        conflicts = stranded.conflicts()
        if conflicts:
            raise ValidationError(
                [*conflicts, _("Move these stops on the tour's schedule screen first.")]
            )
        return cleaned_data


class TourPage(RoutablePageMixin, BasePage):
    """A takeover tour: one member city a week takes over the network's social channels."""

    introduction = models.TextField(_("description"))
    first_week = models.DateField(
        _("first week"), help_text=_("The Monday of the tour's first week.")
    )
    number_of_weeks = models.PositiveSmallIntegerField(
        _("number of weeks"), validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    channels = MultipleChoiceJSONField(_("channels"), option_choices=Channel.choices, blank=True)
    charter_goals = ParentalManyToManyField(
        "portal.CharterGoal", blank=True, related_name="tours", verbose_name=_("charter goals")
    )
    capital_code_themes = ParentalManyToManyField(
        "portal.CapitalCodeTheme",
        blank=True,
        related_name="tours",
        verbose_name=_("Capital Code themes"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("first_week"), FieldPanel("number_of_weeks")]),
        FieldPanel("channels"),
        MultiFieldPanel(
            [
                FieldPanel("charter_goals", widget=forms.CheckboxSelectMultiple),
                FieldPanel("capital_code_themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Themes"),
        ),
        InlinePanel(
            "breaks",
            label=_("Break"),
            heading=_("Breaks"),
            help_text=_("Weeks without a takeover, such as holidays."),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["events.TourIndexPage"]
    subpage_types = []
    base_form_class = TourPageForm
    # The schedule's frame and themes are the same in every language.
    override_translatable_fields = [
        SynchronizedField("first_week"),
        SynchronizedField("number_of_weeks"),
        SynchronizedField("channels"),
        SynchronizedField("charter_goals"),
        SynchronizedField("capital_code_themes"),
    ]

    class Meta:
        verbose_name = _("tour")

    def clean(self):
        super().clean()
        if self.first_week and self.first_week.weekday() != 0:
            raise ValidationError({"first_week": _("Choose the Monday of the first week.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        context.update(today=today, schedule=TourSchedule(self, today))
        return context

    def sitemap_sub_paths(self):
        """Each announced city's week."""
        return [
            self.reverse_subpage("stop", kwargs={"city_slug": stop.city.slug})
            for stop in self.announced_stops
        ]

    def next_change(self, context):
        # The current stop, the next one and the progress follow the date.
        return start_of_tomorrow()

    @path("calendar/", name="calendar")
    def calendar(self, request):
        return feeds.tour_calendar_response(self, request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return feeds.TakeoverPostAtomFeed()(request, tour=self)

    @path("feed/rss/", name="rss_feed")
    def rss_feed(self, request):
        return feeds.TakeoverPostFeed()(request, tour=self)

    # Last, so that the fixed routes above win over a city slug.
    @path("<slug:city_slug>/")
    def stop(self, request, city_slug):
        """A city's week, told day by day in its published posts."""
        stops = self.announced_stops
        stop = next((stop for stop in stops if stop.city.slug == city_slug), None)
        if stop is None:
            raise Http404
        posts = list(
            stop.posts.public()
            .select_related("image")
            .prefetch_related(
                models.Prefetch("related_practices", queryset=PracticePage.objects.live().public())
            )
        )
        position = stops.index(stop)
        return self.render(
            request,
            template="events/tour_stop.html",
            context_overrides={
                "stop": stop,
                "days": [
                    {"day": day, "posts": [post for post in posts if post.day == day]}
                    for day in stop.days()
                ],
                "has_posts": bool(posts),
                "previous_stop": stops[position - 1] if position else None,
                "following_stop": stops[position + 1] if position + 1 < len(stops) else None,
            },
        )

    @property
    def last_week(self):
        return self.first_week + datetime.timedelta(weeks=self.number_of_weeks - 1)

    @property
    def last_day(self):
        """The Friday of the last takeover week."""
        return self.last_week + datetime.timedelta(days=TAKEOVER_DAYS - 1)

    def has_ended(self, today=None):
        return self.last_day < (today or timezone.localdate())

    def phase(self, today=None):
        today = today or timezone.localdate()
        if today < self.first_week:
            return TourPhase.PLANNED
        if self.has_ended(today):
            return TourPhase.ENDED
        return TourPhase.RUNNING

    def current_break(self, today=None):
        """The break the running tour is in this week, and when it resumes (the Monday,
        and the announced stop of that week if there is one); None outside a break."""
        today = today or timezone.localdate()
        if self.phase(today) != TourPhase.RUNNING:
            return None
        week = monday_of(today)
        breaks = self.break_weeks()
        if week not in breaks:
            return None
        resumes = next(
            (later for later in self.weeks() if later > week and later not in breaks), None
        )
        return {
            "reason": breaks[week],
            "resumes": resumes,
            "resumes_end": resumes + datetime.timedelta(days=TAKEOVER_DAYS - 1)
            if resumes
            else None,
            "stop": next(
                (stop for stop in self.announced_stops if stop.week_start == resumes), None
            ),
        }

    def channel_labels(self):
        labels = dict(Channel.choices)
        return [labels.get(channel, channel) for channel in self.channels]

    def week_number(self, week_start):
        """The tour week (1, 2, ...) that starts on the given Monday."""
        return (week_start - self.first_week).days // 7 + 1

    def weeks(self):
        """The Mondays of the tour's weeks, breaks included."""
        return [self.first_week + datetime.timedelta(weeks=n) for n in range(self.number_of_weeks)]

    def break_weeks(self):
        return {tour_break.week_start: tour_break.reason for tour_break in self.breaks.all()}

    @cached_property
    def scheduled_tour(self):
        """The tour whose stops these are. Stops belong to the tour in the default
        language; its translations show the same schedule."""
        default = default_locale()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    def ordered_stops(self):
        return (
            TourStop.objects.filter(tour=self.scheduled_tour)
            .select_related("city")
            .order_by("week_start")
        )

    @cached_property
    def announced_stops(self):
        """The public schedule, read once per page: a city's week shows it too. Each stop
        knows its tour without asking the database. A city in a private section is not
        named: its week is shown as one still to be announced."""
        tour = self.scheduled_tour
        stops = [stop for stop in self.ordered_stops().announced() if not is_private(stop.city)]
        for stop in stops:
            stop.tour = tour
        return stops

    def public_posts(self):
        """The posts of the tour's cities that the public may read (its feeds)."""
        return TakeoverPost.objects.public().filter(stop__tour=self.scheduled_tour)

    def current_week_number(self, today=None):
        """The tour week under way (weekends belong to the week before), or None outside
        the tour."""
        today = today or timezone.localdate()
        if not self.first_week <= today <= self.last_day + datetime.timedelta(days=2):
            return None
        return self.week_number(monday_of(today))

    def progress(self, today=None):
        """How far the tour has come: week 10 of 20 is halfway."""
        week = self.current_week_number(today)
        if week is None:
            return None
        return {
            "week": week,
            "of": self.number_of_weeks,
            "percent": round(100 * week / self.number_of_weeks),
        }


class TourBreak(Orderable):
    """A week inside the tour in which no city takes over: a holiday, say."""

    tour = ParentalKey(TourPage, on_delete=models.CASCADE, related_name="breaks")
    week_start = models.DateField(_("week"), help_text=_("The Monday of the week off."))
    reason = models.CharField(_("reason"), max_length=120, help_text=_("For example: Easter"))

    panels = [FieldRowPanel([FieldPanel("week_start"), FieldPanel("reason")])]

    class Meta(Orderable.Meta):
        verbose_name = _("break")
        verbose_name_plural = _("breaks")

    def __str__(self):
        return f"{self.reason} ({self.week_start:%Y-%m-%d})"

    def clean(self):
        super().clean()
        if self.week_start and self.week_start.weekday() != 0:
            raise ValidationError({"week_start": _("Choose the Monday of the week off.")})
