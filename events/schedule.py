"""The rules of a takeover tour's schedule.

A `Schedule` is a value: every operation returns a new one or raises `ScheduleConflict`
with messages staff can act on, so a conflict is shown before anything is saved. The
rules: one city per week, a city at most once per tour, stops only inside the tour's
weeks, and none in a week the tour has marked as a break. It reads a tour through its
own fields and its stops (``tour.stops``), so the tour's edit form can check a change of
its weeks against it (events.models.tours.TourPageForm).
"""

import dataclasses
import datetime

from django.utils.translation import gettext as _

from portal.dates import long_date

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
