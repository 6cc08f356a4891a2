import datetime

import pytest
from django.utils import timezone

from events.factories import OpenEventPageFactory
from events.models import EventIndexPage


def in_days(days, hour=None):
    moment = timezone.now() + datetime.timedelta(days=days)
    if hour is not None:
        moment = moment.replace(hour=hour, minute=0, second=0, microsecond=0)
    return moment


@pytest.fixture
def events_index(section):
    return section(EventIndexPage)


@pytest.fixture
def open_event(events_index):
    """An event whose registration is open now: open_event(capacity=2, members_only=True)."""

    def make(**fields):
        fields.setdefault("start", in_days(30, hour=9))
        fields.setdefault("end", fields["start"] + datetime.timedelta(hours=6))
        return OpenEventPageFactory(parent=events_index, **fields)

    return make
