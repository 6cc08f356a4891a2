"""One rule for showing a time: in a named zone, converted on the server and never again.

Django's ``time`` and ``date`` template filters convert an aware datetime into the
*active* time zone before formatting it, so a time already converted to an event's venue
zone came out in the network's zone on one page and the venue's on another. Everything
here returns text, which no filter converts again.
"""

import zoneinfo

from django.conf import settings
from django.utils import formats, timezone


def network_zone():
    """The network's own zone: times in the admin are shown in it."""
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def in_zone(value, zone=None):
    if isinstance(zone, str):
        zone = zoneinfo.ZoneInfo(zone)
    return timezone.localtime(value, zone or network_zone())


def zoned_datetime(value, zone=None):
    """Date and time with the zone's abbreviation: "Dec. 5, 2026, 1:05 a.m. CET"."""
    if value is None:
        return ""
    local = in_zone(value, zone)
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} {local.tzname()}"


def zoned_time(value, zone=None):
    """The time of day with the zone's abbreviation: "09:00 EEST"."""
    local = in_zone(value, zone)
    return f"{formats.time_format(local, 'H:i')} {local.tzname()}"
