"""The rules of a takeover tour's schedule, and the operations staff use to change it.

A `Schedule` is a value: every operation returns a new one or raises `ScheduleConflict`
with messages staff can act on, so a conflict is shown before anything is saved. The
rules: one city per week, a city at most once per tour, stops only inside the tour's
weeks, and none in a week the tour has marked as a break.
"""

import dataclasses
import datetime

from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from portal.dates import long_date

from .models import StopStatus, TakeoverPost, TourStop

ONE_WEEK = datetime.timedelta(weeks=1)


class ScheduleConflict(Exception):
    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclasses.dataclass(frozen=True)
class TourFrame:
    """The weeks a tour has: where stops may go."""

    first_week: datetime.date
    number_of_weeks: int
    breaks: frozenset = frozenset()

    @classmethod
    def of(cls, tour):
        return cls(tour.first_week, tour.number_of_weeks, frozenset(tour.break_weeks()))

    def weeks(self):
        return [self.first_week + n * ONE_WEEK for n in range(self.number_of_weeks)]

    def week_number(self, week):
        return (week - self.first_week).days // 7 + 1

    def is_open(self, week):
        return week in self.weeks() and week not in self.breaks


@dataclasses.dataclass(frozen=True)
class Stop:
    """A city's place in the schedule. `key` is the stored stop's id (None until saved)."""

    city: int
    week: datetime.date
    city_name: str = ""
    key: int | None = None


def week_label(frame, week):
    return _("week %(number)s (%(date)s)") % {
        "number": frame.week_number(week),
        "date": long_date(week),
    }


@dataclasses.dataclass(frozen=True)
class Schedule:
    frame: TourFrame
    stops: tuple = ()

    @classmethod
    def of(cls, tour):
        stops = tuple(
            Stop(stop.city_id, stop.week_start, stop.city.title, stop.pk)
            for stop in tour.stops.select_related("city").order_by("week_start")
        )
        return cls(TourFrame.of(tour), stops)

    def stop_in(self, week):
        return next((stop for stop in self.stops if stop.week == week), None)

    def conflicts(self):
        """Every way in which this schedule breaks the rules, as messages for staff."""
        messages = []
        weeks, cities = {}, {}
        for stop in sorted(self.stops, key=lambda stop: stop.week):
            label = week_label(self.frame, stop.week)
            if stop.week not in self.frame.weeks():
                messages.append(
                    _("%(city)s would be outside the tour, in %(week)s.")
                    % {"city": stop.city_name, "week": label}
                )
            elif stop.week in self.frame.breaks:
                messages.append(
                    _("%(city)s would be in %(week)s, which is a break.")
                    % {"city": stop.city_name, "week": label}
                )
            if stop.week in weeks:
                messages.append(
                    _("%(city)s and %(other)s would share %(week)s.")
                    % {"city": stop.city_name, "other": weeks[stop.week].city_name, "week": label}
                )
            if stop.city in cities:
                messages.append(_("%(city)s would take over twice.") % {"city": stop.city_name})
            weeks[stop.week] = stop
            cities[stop.city] = stop
        return messages

    def checked(self):
        conflicts = self.conflicts()
        if conflicts:
            raise ScheduleConflict(conflicts)
        return self

    def replacing(self, old, new):
        return dataclasses.replace(
            self, stops=tuple(new.get(stop, stop) for stop in self.stops if stop not in old)
        )

    def require_stop(self, week):
        stop = self.stop_in(week)
        if stop is None:
            raise ScheduleConflict(
                [_("No city has %(week)s.") % {"week": week_label(self.frame, week)}]
            )
        return stop

    def assign(self, city, week, city_name=""):
        if self.stop_in(week):
            raise ScheduleConflict(
                [
                    _("%(week)s already belongs to %(city)s.")
                    % {"week": week_label(self.frame, week), "city": self.stop_in(week).city_name}
                ]
            )
        new_stop = Stop(city, week, city_name)
        return dataclasses.replace(self, stops=(*self.stops, new_stop)).checked()

    def unassign(self, week):
        stop = self.require_stop(week)
        return self.replacing({stop}, {})

    def move(self, from_week, to_week):
        stop = self.require_stop(from_week)
        if from_week == to_week:
            return self
        return self.replacing(set(), {stop: dataclasses.replace(stop, week=to_week)}).checked()

    def swap(self, week_a, week_b):
        """Exchange the cities of two weeks; either week may be empty, but not both."""
        a, b = self.stop_in(week_a), self.stop_in(week_b)
        if a is None and b is None:
            raise ScheduleConflict([_("Neither week has a city to swap.")])
        changes = {}
        if a:
            changes[a] = dataclasses.replace(a, week=week_b)
        if b:
            changes[b] = dataclasses.replace(b, week=week_a)
        return self.replacing(set(), changes).checked()

    def shift_from(self, week):
        """A city postpones: it and every later stop move on to the next open week."""
        following = sorted(
            (stop for stop in self.stops if stop.week >= week), key=lambda stop: stop.week
        )
        if not following:
            raise ScheduleConflict(
                [_("No city has %(week)s or later.") % {"week": week_label(self.frame, week)}]
            )
        open_weeks = [w for w in self.frame.weeks() if self.frame.is_open(w)]
        changes = {}
        for stop in following:
            later = [w for w in open_weeks if w > stop.week]
            # Without an open week left, the stop falls off the end, which checked() reports.
            target = later[0] if later else stop.week + ONE_WEEK
            changes[stop] = dataclasses.replace(stop, week=target)
        return self.replacing(set(), changes).checked()


OPERATIONS = {"assign", "unassign", "move", "swap", "shift_from"}


@transaction.atomic
def save_schedule(tour, before, after, *, user, change, topic=""):
    """Write the difference between two schedules to the tour's stops, and to the audit
    log. Stops that move get a higher calendar sequence, so subscribers see the change.
    A newly assigned city starts as proposed, with the given focus topic."""
    after.checked()
    kept = {stop.key: stop for stop in after.stops if stop.key}
    stops = {stop.pk: stop for stop in TourStop.objects.select_for_update().filter(tour=tour)}
    for key in set(stops) - set(kept):
        stops.pop(key).delete()
    moved = [stops[key] for key, stop in kept.items() if stops[key].week_start != stop.week]
    # A stop's posts are written for its days: they move with it, each to the same
    # weekday of the new week, or they would fall out of the pack.
    posts = list(TakeoverPost.objects.filter(stop__in=moved).select_related("stop"))
    for post in posts:
        post.day += kept[post.stop_id].week - post.stop.week_start
    TakeoverPost.objects.bulk_update(posts, ["day"])
    # The unique constraint on (tour, week) holds after every single update, so moving
    # stops first step aside to weeks no tour can have, then take their new weeks.
    for offset, stop in enumerate(moved):
        TourStop.objects.filter(pk=stop.pk).update(
            week_start=datetime.date(1, 1, 1) + datetime.timedelta(days=offset)
        )
    for stop in moved:
        stop.week_start = kept[stop.pk].week
        stop.sequence += 1
        stop.save(update_fields=["week_start", "sequence", "updated_at"])
    for new in (stop for stop in after.stops if stop.key is None):
        TourStop.objects.create(
            tour=tour,
            city_id=new.city,
            week_start=new.week,
            topic=topic,
            status=StopStatus.PROPOSED,
        )
    log(
        instance=tour,
        action="events.tour.schedule",
        user=user,
        data={
            "change": change,
            "before": schedule_summary(before),
            "after": schedule_summary(after),
        },
    )


def consequences(before, after):
    """What a change will do to each stop it touches, in words for staff to confirm:
    where each moving stop goes and that its posts go with it, and which stops (and
    their posts) are removed."""
    post_counts = dict(
        TakeoverPost.objects.filter(stop__in=[stop.key for stop in before.stops if stop.key])
        .values_list("stop")
        .annotate(count=models.Count("pk"))
    )
    weeks_after = {stop.key: stop.week for stop in after.stops if stop.key}
    sentences = []
    for stop in sorted(before.stops, key=lambda stop: stop.week):
        posts = post_counts.get(stop.key, 0)
        if stop.key not in weeks_after:
            sentences.append(
                ngettext(
                    "%(city)s leaves %(week)s, and its %(posts)s post is deleted.",
                    "%(city)s leaves %(week)s, and its %(posts)s posts are deleted.",
                    posts,
                )
                % {
                    "city": stop.city_name,
                    "week": week_label(before.frame, stop.week),
                    "posts": posts,
                }
                if posts
                else _("%(city)s leaves %(week)s.")
                % {"city": stop.city_name, "week": week_label(before.frame, stop.week)}
            )
        elif weeks_after[stop.key] != stop.week:
            values = {
                "city": stop.city_name,
                "week": week_label(before.frame, stop.week),
                "other": week_label(before.frame, weeks_after[stop.key]),
                "posts": posts,
            }
            sentences.append(
                ngettext(
                    "%(city)s moves from %(week)s to %(other)s, with its %(posts)s post.",
                    "%(city)s moves from %(week)s to %(other)s, with its %(posts)s posts.",
                    posts,
                )
                % values
                if posts
                else _("%(city)s moves from %(week)s to %(other)s.") % values
            )
    return sentences


def schedule_summary(schedule):
    return [
        {"week": schedule.frame.week_number(stop.week), "city": stop.city_name}
        for stop in sorted(schedule.stops, key=lambda stop: stop.week)
    ]
