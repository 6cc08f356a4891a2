import csv
import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import IntegrityError
from django.test import Client
from django.utils import timezone

from events.factories import RegistrationFactory, SpeakerFactory
from events.models import EventPage, Registration, RegistrationState, RegistrationStatus
from events.registration import (
    RegistrationRefused,
    belongs_to_member_city,
    cancel,
    promote_from_waiting_list,
    register,
)
from portal.factories import PortalImageFactory, UserFactory
from portal.roles import MEMBERS
from tests.conftest import logged_in

from .conftest import in_days

pytestmark = pytest.mark.django_db


def statuses(event):
    return [(r.user, r.status) for r in Registration.objects.filter(event=event)]


def test_registering_takes_a_place_until_the_event_is_full_then_the_waiting_list(open_event):
    event = open_event(capacity=2)
    first, second, third, fourth = UserFactory.create_batch(4)

    assert register(event, first).status == RegistrationStatus.CONFIRMED
    assert register(event, second).status == RegistrationStatus.CONFIRMED
    assert event.registration_state() == RegistrationState.FULL
    waiting = register(event, third)
    later = register(event, fourth)

    assert waiting.status == RegistrationStatus.WAITING
    assert (waiting.waiting_position(), later.waiting_position()) == (1, 2)
    assert event.confirmed_count() == 2


def test_registering_twice_keeps_the_one_registration(open_event):
    event = open_event(capacity=5)
    user = UserFactory()
    assert register(event, user) == register(event, user)
    assert Registration.objects.filter(event=event, user=user).count() == 1


def test_the_database_refuses_a_second_registration_of_the_same_person(open_event):
    registration = RegistrationFactory(event=open_event())
    with pytest.raises(IntegrityError):
        Registration.objects.create(
            event=registration.event, user=registration.user, status=RegistrationStatus.WAITING
        )


def test_cancelling_moves_the_first_in_line_up_and_emails_them(
    open_event, django_capture_on_commit_callbacks
):
    event = open_event(capacity=1)
    holder, first_in_line, second_in_line = UserFactory.create_batch(3)
    register(event, holder)
    register(event, first_in_line)
    register(event, second_in_line)

    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel(event, holder)

    assert [r.user for r in promoted] == [first_in_line]
    assert statuses(event) == [
        (holder, RegistrationStatus.CANCELLED),
        (first_in_line, RegistrationStatus.CONFIRMED),
        (second_in_line, RegistrationStatus.WAITING),
    ]
    assert Registration.objects.get(user=second_in_line).waiting_position() == 1
    assert [m.to for m in mail.outbox] == [[first_in_line.email]]
    assert event.title in mail.outbox[0].subject
    assert event.get_full_url() in mail.outbox[0].body


def test_leaving_the_waiting_list_promotes_nobody(open_event, django_capture_on_commit_callbacks):
    event = open_event(capacity=1)
    holder, waiting, behind = UserFactory.create_batch(3)
    for user in (holder, waiting, behind):
        register(event, user)

    with django_capture_on_commit_callbacks(execute=True):
        assert cancel(event, waiting) == []

    assert statuses(event) == [
        (holder, RegistrationStatus.CONFIRMED),
        (waiting, RegistrationStatus.CANCELLED),
        (behind, RegistrationStatus.WAITING),
    ]
    assert mail.outbox == []


def test_raising_the_capacity_lets_the_waiting_list_in_in_order(
    open_event, django_capture_on_commit_callbacks
):
    event = open_event(capacity=1)
    users = UserFactory.create_batch(4)
    for user in users:
        register(event, user)
    event.capacity = 3
    event.save()

    with django_capture_on_commit_callbacks(execute=True):
        promoted = promote_from_waiting_list(event)

    assert [r.user for r in promoted] == users[1:3]
    assert Registration.objects.get(user=users[3]).status == RegistrationStatus.WAITING
    assert len(mail.outbox) == 2


def test_cancelling_without_a_registration_changes_nothing(open_event):
    event = open_event(capacity=1)
    register(event, UserFactory())
    assert cancel(event, UserFactory()) == []
    assert event.confirmed_count() == 1


def window(days_from_now):
    """Registration's opening and closing, given in days from the test's clock (the
    parameters are read before the clock is fixed)."""
    return {field: None if days is None else in_days(days) for field, days in days_from_now.items()}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"registration_opens": 3}, "has not opened yet"),
        ({"registration_opens": -9, "registration_closes": -1}, "has closed"),
        ({"registration_opens": None, "registration_closes": None}, "does not take registrations"),
    ],
)
def test_registration_outside_its_window_is_refused_with_a_reason(open_event, fields, message):
    fields = window(fields)
    event = open_event(**fields)
    with pytest.raises(RegistrationRefused) as refused:
        register(event, UserFactory())
    assert message in str(refused.value.message)
    assert not Registration.objects.exists()


def test_registration_closes_when_the_event_starts_if_no_closing_time_is_given(open_event):
    event = open_event(start=in_days(-1), end=in_days(1), registration_closes=None)
    event.registration_opens = in_days(-10)
    assert event.registration_state() == RegistrationState.CLOSED


def test_members_only_events_take_people_from_member_cities(open_event, approved_city, staff):
    event = open_event(members_only=True)
    outsider = UserFactory()
    _city, editor = approved_city("Lund", "SE")
    member = UserFactory()
    member.groups.add(Group.objects.get_or_create(name=MEMBERS)[0])

    with pytest.raises(RegistrationRefused) as refused:
        register(event, outsider)
    assert "member cities only" in str(refused.value.message)

    for person in (editor, member, staff):
        assert belongs_to_member_city(person)
        assert register(event, person).status == RegistrationStatus.CONFIRMED
    assert not belongs_to_member_city(outsider)


def test_a_speakers_photo_must_have_alternative_text():
    from django.core.exceptions import ValidationError

    speaker = SpeakerFactory.build(photo=PortalImageFactory(description=""))
    with pytest.raises(ValidationError) as error:
        speaker.full_clean()
    assert "photo" in error.value.message_dict


# The page: one button to register or cancel, and the state said in words


def test_a_signed_in_person_registers_with_one_click_and_is_asked_before_cancelling(
    open_event,
):
    event = open_event(capacity=3)
    user = UserFactory()
    client = logged_in(user)

    response = client.post(event.url + "register/", follow=True)
    assert "You are registered" in response.content.decode()
    assert Registration.objects.get(user=user).status == RegistrationStatus.CONFIRMED

    page = response.content.decode()
    assert f'<a class="button button--secondary" href="{event.url}cancel/">' in page
    question = client.get(event.url + "cancel/").content.decode()
    assert "Cancel your registration for" in question
    assert f'<form method="post" action="{event.url}cancel/">' in question
    assert Registration.objects.get(user=user).status == RegistrationStatus.CONFIRMED

    response = client.post(event.url + "cancel/", follow=True)
    assert "Your registration is cancelled" in response.content.decode()
    registration = Registration.objects.get(user=user)
    assert registration.status == RegistrationStatus.CANCELLED
    assert registration.cancelled_at is not None
    assert 'href="{event.url}cancel/"' not in response.content.decode()


def test_someone_who_cancelled_can_register_again_at_the_end_of_the_line(open_event):
    event = open_event(capacity=1)
    first, second = UserFactory.create_batch(2)
    register(event, first)
    cancel(event, first)
    register(event, second)

    again = register(event, first)

    assert again.status == RegistrationStatus.WAITING
    assert again.waiting_position() == 1
    assert Registration.objects.filter(user=first).count() == 1


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in_and_back(open_event, client):
    event = open_event()
    page = client.get(event.url).content.decode()
    assert f'href="/accounts/login/?next={event.url.replace("/", "%2F")}"' in page

    response = client.post(event.url + "register/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert not Registration.objects.exists()


def test_registering_needs_a_post_with_the_csrf_token(open_event):
    event = open_event()
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    assert client.get(event.url + "register/").status_code == 405
    assert client.post(event.url + "register/").status_code == 403
    assert not Registration.objects.exists()


def test_a_refusal_is_shown_on_the_page(open_event):
    event = open_event(members_only=True)
    response = logged_in(UserFactory()).post(event.url + "register/", follow=True)
    assert "for member cities only" in response.content.decode()


@pytest.mark.parametrize(
    ("capacity", "taken", "fields", "state_text", "button"),
    [
        (3, 1, {}, "Registration is open", "Register"),
        (1, 1, {}, "Full: waiting list open", "Join the waiting list"),
        (3, 0, {"registration_opens": 2}, "Registration not yet open", None),
        (
            3,
            0,
            {"registration_opens": -9, "registration_closes": -1},
            "Registration is closed",
            None,
        ),
    ],
)
def test_the_event_page_says_where_registration_stands(
    open_event, capacity, taken, fields, state_text, button
):
    event = open_event(capacity=capacity, **window(fields))
    RegistrationFactory.create_batch(taken, event=event)

    page = logged_in(UserFactory()).get(event.url).content.decode()

    assert state_text in page
    if button:
        assert f'type="submit">{button}</button>' in page
    else:
        assert 'action="' + event.url + 'register/"' not in page


def test_the_page_tells_people_on_the_waiting_list_their_place_in_line(open_event):
    event = open_event(capacity=1)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITING)
    mine = RegistrationFactory(event=event, status=RegistrationStatus.WAITING)

    page = logged_in(mine.user).get(event.url).content.decode()

    assert "number 2 in line" in page
    assert "Leave the waiting list" in page


# Personal data is deleted after the event


def test_purge_attendees_deletes_registrations_of_events_long_over(open_event, capsys):
    from django.core.management import call_command

    old = open_event(
        start=in_days(-40),
        end=in_days(-39),
        registration_opens=in_days(-60),
        registration_closes=in_days(-41),
    )
    recent = open_event(
        start=in_days(-10),
        end=in_days(-9),
        registration_opens=in_days(-60),
        registration_closes=in_days(-11),
    )
    coming = open_event()
    for event in (old, recent, coming):
        RegistrationFactory.create_batch(2, event=event)

    call_command("purge_attendees")
    output = capsys.readouterr().out

    assert not Registration.objects.filter(event=old).exists()
    assert Registration.objects.filter(event=recent).count() == 2
    assert Registration.objects.filter(event=coming).count() == 2
    assert f"Deleted 2 registrations of {old.title!r}" in output

    call_command("purge_attendees")
    assert "Nothing to delete" in capsys.readouterr().out

    call_command("purge_attendees", days=5)
    assert not Registration.objects.filter(event=recent).exists()
    assert Registration.objects.filter(event=coming).count() == 2


def test_purge_attendees_dry_run_deletes_nothing(open_event, capsys):
    from django.core.management import call_command

    old = open_event(
        start=in_days(-40),
        end=in_days(-39),
        registration_opens=in_days(-60),
        registration_closes=in_days(-41),
    )
    RegistrationFactory(event=old)
    call_command("purge_attendees", dry_run=True)
    assert "Would delete 1 registration of" in capsys.readouterr().out
    assert Registration.objects.count() == 1


def test_the_retention_period_comes_from_the_settings(open_event, settings):
    from django.core.management import call_command

    settings.EVENT_ATTENDEE_RETENTION_DAYS = 5
    recent = open_event(
        start=in_days(-10),
        end=in_days(-9),
        registration_opens=in_days(-60),
        registration_closes=in_days(-11),
    )
    RegistrationFactory(event=recent)
    call_command("purge_attendees", verbosity=0)
    assert not Registration.objects.exists()


# The admin: staff see and export attendee lists; city editors do not


def test_staff_see_an_events_attendees_and_export_them_as_csv(open_event, staff):
    event = open_event()
    other = open_event()
    mine = RegistrationFactory(event=event)
    RegistrationFactory(event=other)
    client = logged_in(staff)

    listing = client.get(f"/admin/events_registration/?event={event.pk}")
    assert listing.status_code == 200
    assert mine.user.email in listing.content.decode()

    export = client.get(f"/admin/events_registration/?event={event.pk}&export=csv")
    assert export.status_code == 200
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert rows[0].split(",")[:3] == ["Event", "Name", "Email"]
    assert len(rows) == 2
    assert mine.user.email in rows[1]

    edit_page = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert f"/admin/events_registration/?event={event.pk}" in edit_page


def test_staff_see_cancelled_registrations_and_export_readable_statuses_and_times(
    open_event, staff
):
    event = open_event(capacity=1)
    keeps, leaves = UserFactory.create_batch(2, first_name="Anna")
    RegistrationFactory(
        event=event,
        user=keeps,
        registered_at=datetime.datetime(2026, 11, 3, 8, 15, 42, 123456, tzinfo=datetime.UTC),
    )
    register(event, leaves)
    cancel(event, leaves)
    client = logged_in(staff)

    cancelled = client.get(f"/admin/events_registration/?event={event.pk}&status=cancelled")
    listed = cancelled.content.decode()
    assert leaves.email in listed and keeps.email not in listed

    export = client.get(f"/admin/events_registration/?event={event.pk}&export=csv")
    rows = list(csv.reader(b"".join(export.streaming_content).decode().splitlines()))
    assert rows[0][3:] == [
        "Status",
        "Registered at (Europe/Stockholm)",
        "Moved off the waiting list at (Europe/Stockholm)",
        "Cancelled at (Europe/Stockholm)",
    ]
    by_email = {row[2]: row for row in rows[1:]}
    assert by_email[keeps.email][3:5] == ["Registered", "2026-11-03 09:15"]
    assert by_email[leaves.email][3] == "Cancelled"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", by_email[leaves.email][6])


def test_city_editors_never_see_attendee_lists(open_event, approved_city):
    event = open_event()
    registration = RegistrationFactory(event=event)
    _city, editor = approved_city("Lund", "SE")
    client = logged_in(editor)

    listing = client.get("/admin/events_registration/")
    export = client.get("/admin/events_registration/?export=csv")
    dashboard = client.get("/admin/").content.decode()

    assert listing.status_code in (302, 403)
    assert export.status_code in (302, 403)
    assert registration.user.email not in listing.content.decode()
    assert "/admin/events_registration/" not in dashboard


def test_registration_times_are_kept_in_order(open_event):
    event = open_event(capacity=1)
    early, late = UserFactory.create_batch(2)
    base = timezone.now()
    register(event, UserFactory(), now=base)
    register(event, late, now=base + datetime.timedelta(seconds=2))
    register(event, early, now=base + datetime.timedelta(seconds=1))
    assert [r.user for r in event.registrations.filter(status="waiting")] == [early, late]


# Translations of an event share one set of places


@pytest.fixture
def swedish(open_event):
    from wagtail.models import Locale

    def translate(event):
        sv = Locale.objects.get(language_code="sv")
        translation = event.copy_for_translation(sv, copy_parents=True)
        translation.save_revision().publish()
        return EventPage.objects.get(pk=translation.pk)

    return translate


def test_translations_of_an_event_share_its_places_and_attendee_list(open_event, swedish):
    event = open_event(capacity=1)
    translation = swedish(event)
    first, second = UserFactory.create_batch(2)

    assert register(event, first).status == RegistrationStatus.CONFIRMED
    in_swedish = register(translation, second)

    assert in_swedish.status == RegistrationStatus.WAITING
    assert in_swedish.event_id == event.pk
    assert translation.registration_event() == event
    page = logged_in(second).get(translation.url)
    assert page.context["waiting_position"] == 1
    assert page.context["registration_state"] == RegistrationState.FULL
    assert f'href="{translation.url}cancel/"' in page.content.decode()


def test_the_listing_in_another_language_shows_events_not_yet_translated(
    client, open_event, swedish
):
    translated = open_event(title="Translated summit")
    untranslated = open_event(title="English-only webinar")
    translation = swedish(translated)
    translation.title = "Toppmöte på svenska"
    translation.save_revision().publish()

    index = translation.get_parent().specific
    response = client.get(index.url)

    titles = {event.title for event in response.context["upcoming_events"]}
    assert titles == {"Toppmöte på svenska", untranslated.title}
