"""Dates written out in the visitor's language, the same in templates (theme_tags'
``long_date`` and ``date_range``) and in the apps' messages and forms."""

import datetime

from django.utils import dateformat
from django.utils.translation import pgettext


def _as_date(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def _full_date_format():
    # Translators: Django date format for a full date, see
    # https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date
    return pgettext("date format", "j F Y")


def long_date(value):
    """A date written out in full: "8 March 2021"."""
    if not value:
        return ""
    return dateformat.format(_as_date(value), _full_date_format())


def date_range(start, end=None):
    """A compact, translatable period: "22–26 March 2021", "30 March – 2 April 2021"."""
    start = _as_date(start)
    end = _as_date(end)
    full = _full_date_format()
    if not end or end == start:
        return dateformat.format(start, full)
    if (start.year, start.month) == (end.year, end.month):
        # Translators: Django date format for the first day of a range within one month
        first = pgettext("date range format, same month", "j")
    elif start.year == end.year:
        # Translators: Django date format for the first day of a range within one year
        first = pgettext("date range format, same year", "j F")
    else:
        first = full
    first_part = dateformat.format(start, first)
    # An en dash; spaced when either side is more than a number ("30 March – 2 April").
    dash = " \u2013 " if " " in first_part else "\u2013"
    return f"{first_part}{dash}{dateformat.format(end, full)}"
