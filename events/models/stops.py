import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cities.models import CityPage
from events.choices import ANNOUNCED_STATUSES, TAKEOVER_DAYS, PostStatus, StopStatus
from portal.querysets import is_private


class TourStopQuerySet(models.QuerySet):
    def on_live_tours(self):
        return self.filter(tour__live=True)

    def announced(self):
        return self.filter(status__in=ANNOUNCED_STATUSES)

    def current_or_next(self, today=None):
        """The announced stop whose week is under way, or else the next one to come, of a
        public city on a public tour. The weeks to come are few (a tour has a few dozen):
        they are read in order and the first one whose city and tour are public is taken,
        by the site's structure's private sections, which costs far less than two
        subqueries of every private page in the query."""
        today = today or timezone.localdate()
        earliest_start = today - datetime.timedelta(days=TAKEOVER_DAYS - 1)
        to_come = (
            self.on_live_tours()
            .announced()
            .filter(week_start__gte=earliest_start)
            .select_related("city", "tour")
            .order_by("week_start")
        )
        return next(
            (stop for stop in to_come if not is_private(stop.city) and not is_private(stop.tour)),
            None,
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

    tour = models.ForeignKey("events.TourPage", on_delete=models.CASCADE, related_name="stops")
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
