"""What a tour offers to subscribe to: its published takeover posts as Atom and RSS, and
its schedule as an iCalendar feed. The tour's page serves them from its routes, so they
read the tour through its own methods and import no model."""

import datetime

import icalendar
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .choices import TAKEOVER_DAYS

FEED_LENGTH = 50


class TakeoverPostFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, tour):
        self.request = request
        return tour

    def title(self, tour):
        return _("%(tour)s: the cities' posts") % {"tour": tour.title}

    def link(self, tour):
        return tour.get_url(self.request)

    def feed_url(self, tour):
        return self.request.get_full_path()

    def description(self, tour):
        return tour.introduction

    def items(self, tour):
        return (
            tour.public_posts().select_related("stop__city").order_by("-day", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, post):
        return _("%(city)s, %(day)s (%(channel)s)") % {
            "city": post.stop.city.title,
            "day": post.day.isoformat(),
            "channel": post.get_channel_display(),
        }

    def item_description(self, post):
        return post.text

    def item_link(self, post):
        url = post.stop.tour.url + post.stop.tour.reverse_subpage(
            "stop", kwargs={"city_slug": post.stop.city.slug}
        )
        return f"{url}#post-{post.pk}"

    def item_guid(self, post):
        return f"takeover-post-{post.pk}"

    item_guid_is_permalink = False

    def item_author_name(self, post):
        return post.stop.city.title

    def item_pubdate(self, post):
        return timezone.make_aware(datetime.datetime.combine(post.day, datetime.time(9)))

    def item_updateddate(self, post):
        return post.updated_at


class TakeoverPostAtomFeed(TakeoverPostFeed):
    feed_type = Atom1Feed
    subtitle = TakeoverPostFeed.description


def tour_calendar(tour, request):
    """The tour's announced weeks as all-day events, Monday to Friday. A week is a date
    range, not a moment, so it carries no time zone and shows on the same days
    everywhere. Each stop keeps its UID for good and raises its SEQUENCE when it moves,
    so a calendar that subscribed replaces the event instead of adding another."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Nordic Safe Cities//Takeover tours//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", tour.title)
    # The site's own host name, not the request's, so the UIDs stay the same however
    # the calendar was fetched.
    host = tour.get_site().hostname
    for stop in tour.announced_stops:
        event = icalendar.Event()
        event.add("uid", f"tour-stop-{stop.pk}@{host}")
        event.add("sequence", stop.sequence)
        event.add("dtstamp", stop.updated_at)
        event.add("last-modified", stop.updated_at)
        event.add(
            "summary",
            _("%(city)s takes over: %(topic)s")
            % {
                "city": stop.city.title,
                "topic": stop.topic,
            },
        )
        event.add("dtstart", stop.week_start)
        # DTEND is exclusive: the Saturday after the week.
        event.add("dtend", stop.week_start + datetime.timedelta(days=TAKEOVER_DAYS))
        event.add("transp", "TRANSPARENT")
        event.add(
            "url",
            # On the site's configured host, in the language of the request.
            tour.get_full_url(request)
            + tour.reverse_subpage("stop", kwargs={"city_slug": stop.city.slug}).lstrip("/"),
        )
        if stop.host_name or stop.host_title:
            event.add("description", ", ".join(filter(None, [stop.host_name, stop.host_title])))
        calendar.add_component(event)
    return calendar


def tour_calendar_response(tour, request):
    response = HttpResponse(tour_calendar(tour, request).to_ical(), content_type="text/calendar")
    response["Content-Disposition"] = f'inline; filename="{tour.slug}.ics"'
    return response
