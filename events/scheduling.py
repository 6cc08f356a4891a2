"""Saving a changed schedule of a takeover tour (events.schedule), and saying in words
what a change will do, for staff to confirm."""

import datetime

from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from .choices import StopStatus
from .models import TakeoverPost, TourStop
from .schedule import week_label


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
