"""iCalendar (RFC 5545) files for events and tours: build a calendar, add events in their
venue's time zone, add the VTIMEZONE for every zone used, and serve the result.

    calendar = new_calendar("Summits and events", description="...")
    add_event(calendar, event_component(uid=..., summary=..., start=..., end=...))
    finish_calendar(calendar)
    return ics_response(calendar, "events.ics")

Times are given as aware datetimes (``zoneinfo.ZoneInfo``) and written with their TZID;
``finish_calendar`` adds the VTIMEZONE each TZID needs, so every client (Outlook
included, which does not know IANA names) places the event at the right hour. Dates
(``datetime.date``) make whole-day events, with the exclusive end RFC 5545 asks for.

An event page's entry (``ical_event``) and its links that add it to Google's and
Outlook's web calendars are built here too, from the page's own fields.
"""

import datetime
from urllib.parse import urlencode

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODID = "-//Nordic Safe Cities//Portal//EN"
# UIDs are "<kind>-<key>@<this>": a name the network owns, so they are unique worldwide
# and never change when the site's address does.
UID_DOMAIN = "nordicsafecities.org"
# How far before the first and after the last event the time-zone rules reach.
ZONE_MARGIN = datetime.timedelta(days=366)


def calendar_uid(kind, key):
    """A UID that stays the same for the same thing: ``calendar_uid("event", key)``."""
    return f"{kind}-{key}@{UID_DOMAIN}"


def new_calendar(name, description="", url=""):
    """An empty calendar with the properties RFC 5545 requires, and its name and
    description as calendar clients show them (RFC 7986, and Apple's and Microsoft's
    X-WR- properties)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", str(name))
    calendar.add("x-wr-calname", str(name))
    if description:
        calendar.add("description", str(description))
        calendar.add("x-wr-caldesc", str(description))
    if url:
        calendar.add("url", url)
    return calendar


def event_component(
    *,
    uid,
    summary,
    start,
    end,
    description="",
    location="",
    url="",
    last_modified=None,
    categories=(),
):
    """A VEVENT. ``start``/``end`` are both aware datetimes or both dates (whole days,
    ``end`` exclusive)."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    _add_time(event, "dtstart", start)
    _add_time(event, "dtend", end)
    event.add("summary", str(summary))
    if description:
        event.add("description", str(description))
    if location:
        event.add("location", str(location))
    if url:
        event.add("url", url)
    if last_modified:
        event.add("last-modified", last_modified.astimezone(datetime.UTC))
    if categories:
        event.add("categories", [str(category) for category in categories])
    event.add("transp", "OPAQUE" if isinstance(start, datetime.datetime) else "TRANSPARENT")
    return event


def _add_time(event, name, value):
    """Write local times with their zone's IANA name as TZID, even for zones that keep
    UTC all year (Iceland), which icalendar would otherwise turn into UTC times and so
    lose the venue's zone."""
    zone_name = getattr(getattr(value, "tzinfo", None), "key", None)
    if isinstance(value, datetime.datetime) and zone_name:
        event.add(name, value.replace(tzinfo=None), parameters={"TZID": zone_name})
    else:
        event.add(name, value)


def add_event(calendar, event):
    calendar.add_component(event)
    return event


def _as_date(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def finish_calendar(calendar):
    """Add a VTIMEZONE for every TZID the events use, covering their dates."""
    dates = [
        _as_date(component.decoded(name))
        for component in calendar.walk("VEVENT")
        for name in ("dtstart", "dtend")
        if name in component
    ]
    if dates:
        calendar.add_missing_timezones(
            first_date=min(dates) - ZONE_MARGIN, last_date=max(dates) + ZONE_MARGIN
        )
    return calendar


def ics_response(calendar, filename, attachment=True):
    """The calendar as a ``text/calendar`` response. ``attachment=False`` for feeds
    that calendar clients subscribe to, so browsers may show them too."""
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def ical_event(event, request=None):
    """An event page as a VEVENT, in its venue's time zone (or as whole days)."""
    url = event.get_full_url(request)
    description = event.introduction
    if event.online_url:
        description += f"\n\n{_('Join online')}: {event.online_url}"
    start, end = event.calendar_dates()
    return event_component(
        uid=event.ical_uid,
        summary=event.title,
        start=start,
        end=end,
        description=f"{description}\n\n{url}" if url else description,
        location=event.location_text,
        url=url,
        last_modified=event.last_published_at,
        categories=[str(event.get_kind_display())],
    )


def _utc_stamp(value, pattern):
    return value.astimezone(datetime.UTC).strftime(pattern)


def google_calendar_url(event, request=None):
    """A link that opens Google Calendar with the event filled in."""
    start, end = event.calendar_dates()
    if event.all_day:
        dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
    else:
        pattern = "%Y%m%dT%H%M%SZ"
        dates = f"{_utc_stamp(start, pattern)}/{_utc_stamp(end, pattern)}"
    query = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": dates,
        "ctz": event.time_zone,
        "details": f"{event.introduction}\n\n{event.get_full_url(request)}",
        "location": event.location_text,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_calendar_url(event, request=None):
    """A link that opens Outlook on the web with the event filled in."""
    start, end = event.calendar_dates()
    if event.all_day:
        start_text, end_text = start.isoformat(), end.isoformat()
    else:
        pattern = "%Y-%m-%dT%H:%M:%SZ"
        start_text, end_text = _utc_stamp(start, pattern), _utc_stamp(end, pattern)
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "startdt": start_text,
        "enddt": end_text,
        "allday": "true" if event.all_day else "false",
        "body": f"{event.introduction}\n\n{event.get_full_url(request)}",
        "location": event.location_text,
    }
    return "https://outlook.live.com/calendar/0/action/compose?" + urlencode(query)
