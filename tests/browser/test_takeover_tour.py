"""A takeover tour from the grid to the public page, in Chromium: staff build a five-week
tour on the schedule screen, Stockholm's editor writes and submits a post, staff approve
it, and the public sees it on Stockholm's week. The calendar export keeps its UIDs when
the schedule changes."""

import datetime

import icalendar
import pytest
from allauth.account.models import EmailAddress

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import TourPageFactory, this_monday
from events.models import TakeoverPost, TourIndexPage
from portal.mfa import add_totp, current_totp_code

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-password-for-tests"
CITIES = ["Stockholm", "Copenhagen", "Oslo", "Helsinki", "Reykjavik"]


def sign_in(browser, live_server, user):
    """Email and password, then the code from the user's authenticator app."""
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    secret = add_totp(user)
    page = browser.new_context(base_url=live_server.url).new_page()
    page.goto("/accounts/login/?next=/admin/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.fill("#id_code", current_totp_code(secret))
    page.locator("form:has(#id_code) button[type=submit]").click()
    page.wait_for_url("**/admin/")
    return page


def calendar_uids(page, tour):
    response = page.request.get(f"{tour.url}calendar/")
    calendar = icalendar.Calendar.from_ical(response.body())
    return {
        str(event["uid"]): (event.decoded("dtstart"), int(event["sequence"]))
        for event in calendar.walk("VEVENT")
    }


def test_staff_schedule_a_city_writes_staff_approve_and_the_public_reads(
    staff, approved_city, browser, live_server, assert_accessible, screenshot
):
    stockholm, editor = approved_city("Stockholm", "SE")
    stockholm.save_revision().publish()
    directory = CityIndexPage.objects.get()
    for name in CITIES[1:]:
        CityPageFactory(parent=directory, title=name)
    # The tour's first week is the current one, so Stockholm's Monday post is due.
    tour = TourPageFactory(
        parent=TourIndexPage.objects.get(),
        title="Safe City Tour",
        first_week=this_monday(),
        number_of_weeks=5,
        channels=["linkedin", "x"],
    )

    admin = sign_in(browser, live_server, staff)
    admin.goto(f"/admin/tours/{tour.pk}/schedule/")
    for number, name in enumerate(reversed(CITIES), start=1):
        row = admin.locator(f"#week-{number}")
        row.get_by_label("City").select_option(label=name)
        row.get_by_label("Focus topic").fill(f"{name}'s topic")
        row.get_by_role("button", name="Assign").click()
        admin.wait_for_load_state()
    # Stockholm was put in week 5; it swaps with week 1, and its week is confirmed.
    row = admin.locator("#week-5")
    row.get_by_label("Move to").select_option(index=0)
    row.get_by_role("button", name="Swap").click()
    admin.wait_for_load_state()
    assert "swapped" in admin.locator(".messages").inner_text()
    screenshot(admin, "tour-schedule-grid")
    assert [stop.city.title for stop in tour.ordered_stops()] == [
        "Stockholm",
        "Helsinki",
        "Oslo",
        "Copenhagen",
        "Reykjavik",
    ]
    for stop in tour.stops.all():
        stop.status = "confirmed"
        stop.save()
    uids_before = calendar_uids(admin, tour)
    assert len(uids_before) == 5

    city = sign_in(browser, live_server, editor)
    city.goto("/admin/tours/")
    city.get_by_role("link", name="Open the takeover pack of Stockholm").click()
    city.get_by_role("link", name="Write a post for Monday").click()
    city.get_by_label("Channel").select_option("linkedin")
    text = city.locator("#id_text")
    text.fill("Good morning from Stockholm! This week our mayor takes over.")
    assert "/ 3000 characters" in city.locator(".character-count").inner_text()
    city.get_by_role("button", name="Create").click()
    city.wait_for_load_state()
    city.get_by_role("button", name="Submit for approval").click()
    city.wait_for_load_state()
    assert TakeoverPost.objects.get().status == "submitted"

    stop = tour.stops.get(city=stockholm)
    admin.goto(f"/admin/tours/stops/{stop.pk}/")
    admin.get_by_role("button", name="Approve").click()
    admin.wait_for_load_state()
    screenshot(admin, "takeover-pack-approved")

    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto(tour.url)
    assert "This week: Stockholm" in visitor.locator(".tour-now").inner_text()
    visitor.get_by_role("link", name="Stockholm", exact=True).first.click()
    visitor.wait_for_load_state()
    assert "This week our mayor takes over." in visitor.locator("main").inner_text()
    assert_accessible(visitor)
    screenshot(visitor, "tour-stop-public")

    # Oslo postpones: its stop and every later one move a week on, and calendar
    # subscribers get the same events with new dates, not new events.
    admin.goto(f"/admin/tours/{tour.pk}/schedule/")
    admin.locator("#week-3").get_by_role("button", name="Postpone this and later stops").click()
    admin.wait_for_load_state()
    assert "Not saved" in admin.content()  # Reykjavik, in week 5, would leave the tour.
    admin.locator("#week-5").get_by_role("button", name="Unassign").click()
    admin.wait_for_load_state()
    admin.locator("#week-3").get_by_role("button", name="Postpone this and later stops").click()
    admin.wait_for_load_state()
    # Postponing lists what will move, and waits for staff to confirm.
    assert "Oslo moves from week 3" in admin.locator("#schedule-confirm").inner_text()
    admin.get_by_role("button", name="Confirm and save").click()
    admin.wait_for_load_state()

    uids_after = calendar_uids(admin, tour)
    assert set(uids_after) == set(uids_before) - {
        uid for uid, (start, _) in uids_before.items() if start == this_monday() + _weeks(4)
    }
    moved = [uid for uid in uids_after if uids_after[uid][0] != uids_before[uid][0]]
    assert len(moved) == 2
    assert all(uids_after[uid][1] == 1 for uid in moved)


def _weeks(n):
    return datetime.timedelta(weeks=n)
