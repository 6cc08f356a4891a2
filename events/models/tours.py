import datetime
import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cities.map import map_markers
from cities.models import CityPage
from portal.blocks import BodyBlock
from portal.cache import start_of_tomorrow
from portal.fields import MultipleChoiceJSONField
from portal.forms import PortalPageForm
from portal.localisation import default_locale
from portal.models import BasePage
from portal.querysets import private_pages
from practices.models import PracticePage

# A takeover week runs Monday to Friday.
TAKEOVER_DAYS = 5


class Channel(models.TextChoices):
    LINKEDIN = "linkedin", "LinkedIn"
    X = "x", "X (Twitter)"
    INSTAGRAM = "instagram", "Instagram"
    FACEBOOK = "facebook", "Facebook"
    MASTODON = "mastodon", "Mastodon"
    BLUESKY = "bluesky", "Bluesky"


# What each channel accepts in one post, in characters.
CHANNEL_TEXT_LIMITS = {
    Channel.LINKEDIN: 3000,
    Channel.X: 280,
    Channel.INSTAGRAM: 2200,
    Channel.FACEBOOK: 63206,
    Channel.MASTODON: 500,
    Channel.BLUESKY: 300,
}


class StopStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    PREPARING = "preparing", _("Preparing")
    LIVE = "live", _("Live")
    DONE = "done", _("Done")


# A proposed stop is still being negotiated with the city; the public sees the others.
ANNOUNCED_STATUSES = [
    StopStatus.CONFIRMED,
    StopStatus.PREPARING,
    StopStatus.LIVE,
    StopStatus.DONE,
]


class TourPhase(models.TextChoices):
    """Where a tour stands, said in words wherever it is shown."""

    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running now")
    ENDED = "ended", _("Ended")


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


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
        from events.scheduling import Schedule, TourFrame

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
        stops = self.announced_stops
        by_week = {stop.week_start: stop for stop in stops}
        breaks = self.break_weeks()
        context.update(
            stops=stops,
            # Every week of the tour: its city, its break, or neither yet (to be announced).
            timeline=[
                {
                    "number": self.week_number(week),
                    "start": week,
                    "end": week + datetime.timedelta(days=TAKEOVER_DAYS - 1),
                    "stop": by_week.get(week),
                    "is_break": week in breaks,
                    "break": breaks.get(week),
                }
                for week in self.weeks()
            ],
            phase=self.phase(today),
            current_break=self.current_break(today),
            current_stop=next((stop for stop in stops if stop.is_current(today)), None),
            next_stop=next((stop for stop in stops if stop.week_start > today), None),
            progress=self.progress(today),
            map_markers=map_markers(stop.city for stop in stops),
        )
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
        from events.feeds import tour_calendar_response

        return tour_calendar_response(self, request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from events.feeds import TakeoverPostAtomFeed

        return TakeoverPostAtomFeed()(request, tour=self)

    @path("feed/rss/", name="rss_feed")
    def rss_feed(self, request):
        from events.feeds import TakeoverPostFeed

        return TakeoverPostFeed()(request, tour=self)

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
        stops = list(self.ordered_stops().announced().of_public_cities())
        for stop in stops:
            stop.tour = tour
        return stops

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


class TourStopQuerySet(models.QuerySet):
    def on_live_tours(self):
        return self.filter(tour__live=True)

    def announced(self):
        return self.filter(status__in=ANNOUNCED_STATUSES)

    def of_public_cities(self):
        return self.exclude(city__in=private_pages())

    def current_or_next(self, today=None):
        """The announced stop whose week is under way, or else the next one to come, of a
        public city on a public tour."""
        today = today or timezone.localdate()
        earliest_start = today - datetime.timedelta(days=TAKEOVER_DAYS - 1)
        return (
            self.on_live_tours()
            .announced()
            .of_public_cities()
            .exclude(tour__in=private_pages())
            .filter(week_start__gte=earliest_start)
            .select_related("city", "tour")
            .order_by("week_start")
            .first()
        )

    def edited_by(self, user):
        """The stops of the cities whose pages the user may edit."""
        return self.filter(city__in=cities_edited_by(user))


def cities_edited_by(user):
    return CityPage.objects.edited_by(user)


class TourStop(models.Model):
    """One week of a tour, in which one city takes over the channels.

    Stops are not page content: staff schedule them on the tour's scheduling screen, and
    every change is written to the audit log, so a published page revision never brings
    back an old schedule."""

    tour = models.ForeignKey(TourPage, on_delete=models.CASCADE, related_name="stops")
    city = models.ForeignKey("cities.CityPage", on_delete=models.PROTECT, related_name="tour_stops")
    week_start = models.DateField(_("week"), help_text=_("The Monday of the takeover week."))
    topic = models.CharField(_("focus topic"), max_length=200)
    host_name = models.CharField(_("host"), max_length=120, blank=True)
    host_title = models.CharField(
        _("host's title"), max_length=120, blank=True, help_text=_("For example: Mayor")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=StopStatus.choices, default=StopStatus.PROPOSED
    )
    brief = models.TextField(
        _("brief"),
        blank=True,
        help_text=_("What the network asks of the city for its week: tone, hashtags, contacts."),
    )
    # Calendar clients replace an event when its SEQUENCE grows (RFC 5545, 3.8.7.4).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TourStopQuerySet.as_manager()

    class Meta:
        verbose_name = _("tour stop")
        verbose_name_plural = _("tour stops")
        ordering = ["week_start"]
        constraints = [
            models.UniqueConstraint(fields=["tour", "week_start"], name="one_city_per_week"),
            models.UniqueConstraint(fields=["tour", "city"], name="city_once_per_tour"),
        ]

    def __str__(self):
        return f"{self.city} ({self.week_start:%Y-%m-%d})"

    @property
    def week_end(self):
        return self.week_start + datetime.timedelta(days=TAKEOVER_DAYS - 1)

    def days(self):
        return [self.week_start + datetime.timedelta(days=n) for n in range(TAKEOVER_DAYS)]

    def is_current(self, today=None):
        today = today or timezone.localdate()
        return self.week_start <= today <= self.week_end

    def is_past(self, today=None):
        return self.week_end < (today or timezone.localdate())

    @property
    def is_announced(self):
        return self.status in ANNOUNCED_STATUSES

    @property
    def week_number(self):
        """Which week of its tour this is: 1, 2, ..."""
        return self.tour.week_number(self.week_start)

    def days_without_posts(self):
        """The takeover days for which the city has not yet submitted a post."""
        covered = set(self.posts.exclude(status=PostStatus.DRAFT).values_list("day", flat=True))
        return [day for day in self.days() if day not in covered]


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


class TakeoverPostQuerySet(models.QuerySet):
    def public(self, today=None):
        """Approved posts whose day has come, and everything already posted, but for
        those of a city in a private section."""
        today = today or timezone.localdate()
        return self.filter(
            models.Q(status=PostStatus.PUBLISHED)
            | models.Q(status=PostStatus.APPROVED, day__lte=today),
            stop__status__in=ANNOUNCED_STATUSES,
            stop__tour__live=True,
        ).exclude(stop__city__in=private_pages())

    def editable_by(self, user):
        if user.has_perm("events.approve_takeoverpost"):
            return self
        return self.filter(stop__in=TourStop.objects.edited_by(user))


class TakeoverPost(ClusterableModel):
    """One day's post on one channel, written by the city and approved by the network.
    A cluster, so that its related practices are chosen in the form, one by one from
    Wagtail's page chooser (TakeoverPostPractice)."""

    stop = models.ForeignKey(
        TourStop, on_delete=models.CASCADE, related_name="posts", verbose_name=_("takeover week")
    )
    day = models.DateField(_("day"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    text = models.TextField(
        _("text"), help_text=_("Plain text. Line breaks are kept; links become clickable.")
    )
    image = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )
    link = models.URLField(_("link"), blank=True)
    related_practices = models.ManyToManyField(
        "practices.PracticePage",
        blank=True,
        through="TakeoverPostPractice",
        related_name="takeover_posts",
        verbose_name=_("related practices"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PostStatus.choices, default=PostStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TakeoverPostQuerySet.as_manager()

    class Meta:
        verbose_name = _("takeover post")
        verbose_name_plural = _("takeover posts")
        ordering = ["day", "channel", "pk"]
        permissions = [("approve_takeoverpost", _("Can approve takeover posts"))]

    def __str__(self):
        return f"{self.stop.city} · {self.day:%Y-%m-%d} · {self.get_channel_display()}"

    @property
    def text_limit(self):
        return CHANNEL_TEXT_LIMITS.get(self.channel)

    def clean(self):
        super().clean()
        errors = {}
        if self.stop_id and self.day and self.day not in self.stop.days():
            errors["day"] = _("Choose a day of the city's takeover week, %(start)s to %(end)s.") % {
                "start": self.stop.week_start,
                "end": self.stop.week_end,
            }
        if self.stop_id and self.channel and self.channel not in self.stop.tour.channels:
            errors["channel"] = _("This tour does not use that channel.")
        if self.text and self.text_limit and len(self.text) > self.text_limit:
            errors["text"] = _(
                "%(channel)s takes at most %(limit)s characters; this text has %(count)s."
            ) % {
                "channel": self.get_channel_display(),
                "limit": self.text_limit,
                "count": len(self.text),
            }
        if self.link and any(unicodedata.category(char) == "Cf" for char in self.link):
            # Right-to-left overrides and other invisible characters make a link read as
            # something else than where it leads.
            errors["link"] = _("A link cannot contain invisible formatting characters.")
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _("Describe the image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)


class TakeoverPostPractice(Orderable):
    """A practice a takeover post points its readers to. It keeps the table and columns
    of the many-to-many relation it replaced (migration 0007), so no post lost its
    practices."""

    post = ParentalKey(
        TakeoverPost,
        on_delete=models.CASCADE,
        related_name="practice_links",
        db_column="takeoverpost_id",
    )
    # Readers follow the link to the public page, so only a published practice will do.
    practice = models.ForeignKey(
        "practices.PracticePage",
        on_delete=models.CASCADE,
        related_name="+",
        db_column="practicepage_id",
        limit_choices_to={"live": True},
        verbose_name=_("practice"),
    )

    class Meta(Orderable.Meta):
        db_table = "events_takeoverpost_related_practices"
        unique_together = [("post", "practice")]
        verbose_name = _("related practice")
        verbose_name_plural = _("related practices")


class TourReminder(models.Model):
    """A reminder sent to a city's editors, kept so that it is never sent twice."""

    class Kind(models.TextChoices):
        TWO_WEEKS = "14", _("14 days before")
        THREE_DAYS = "3", _("3 days before")

    stop = models.ForeignKey(TourStop, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=2, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stop", "kind"], name="one_reminder_of_each_kind")
        ]

    def __str__(self):
        return f"{self.stop}: {self.get_kind_display()}"
