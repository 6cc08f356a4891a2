"""Staff build events in the admin: the programme's sessions with speakers and related
practices, and speakers whose photos must have alternative text."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from events.factories import SpeakerFactory
from events.models import EventPage, Speaker
from portal.factories import PortalImageFactory
from practices.factories import PracticePageFactory
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def list_block(values):
    return {
        "count": str(len(values)),
        **{
            str(i): {"value": str(value), "order": str(i), "deleted": "", "id": ""}
            for i, value in enumerate(values)
        },
    }


def test_staff_add_an_event_with_a_programme_and_registration(staff, events_index):
    speaker = SpeakerFactory(name="Sara Nyström")
    practice = PracticePageFactory(title="Safety walks at the central station")
    data = nested_form_data(
        {
            "title": "Safety walk in Södertälje",
            "slug": "safety-walk-sodertalje",
            "kind": "safety_walk",
            "start": "2027-11-16 17:00",
            "end": "2027-11-16 19:30",
            "time_zone": "Europe/Stockholm",
            "language": "sv",
            "introduction": "Join the yearly safety walk.",
            "body": streamfield([]),
            "programme": streamfield(
                [
                    (
                        "session",
                        {
                            "day": "",
                            "start_time": "17:00",
                            "end_time": "17:20",
                            "title": "Welcome and the route",
                            "room": "Main entrance",
                            "description": "",
                            "speakers": list_block([speaker.pk]),
                            "practices": list_block([practice.pk]),
                        },
                    )
                ]
            ),
            "capacity": "25",
            "registration_opens": "2026-11-02 09:00",
            "registration_closes": "2027-11-12 12:00",
            "members_only": "on",
            "travel_paid_by_member_city": "on",
            "action-publish": "Publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", events_index.pk])

    response = logged_in(staff).post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="safety-walk-sodertalje")
    (session,) = event.programme
    assert session.value["title"] == "Welcome and the route"
    assert list(session.value["speakers"]) == [speaker]
    assert [p.pk for p in session.value["practices"]] == [practice.pk]
    assert event.capacity == 25 and event.members_only
    assert event.local_start.hour == 17


def test_a_speakers_photo_without_a_description_is_refused_in_the_admin(staff):
    photo = PortalImageFactory(description="")
    data = {
        "name": "Mikko Laine",
        "photo": str(photo.pk),
        "title": "",
        "organisation": "City of Helsinki",
        "bio": "",
    }
    response = logged_in(staff).post(reverse("wagtailsnippets_events_speaker:add"), data)

    assert response.status_code == 200
    assert "This photo has no description" in response.content.decode()
    assert not Speaker.objects.exists()

    photo.description = "Mikko Laine in front of the library"
    photo.save()
    response = logged_in(staff).post(reverse("wagtailsnippets_events_speaker:add"), data)
    assert response.status_code == 302
    assert Speaker.objects.get().photo == photo


def test_registration_needs_an_opening_time_when_it_has_a_closing_time():
    start = datetime.datetime(2027, 5, 26, 9, tzinfo=datetime.UTC)
    event = EventPage(
        title="Summit",
        kind="summit",
        start=start,
        end=start + datetime.timedelta(hours=7),
        introduction="Two days.",
        registration_closes=start - datetime.timedelta(days=3),
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "registration_opens" in error.value.message_dict
