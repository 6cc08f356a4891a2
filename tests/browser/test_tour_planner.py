"""The tour schedule in Chromium, with the forms (the keyboard and no-JavaScript path):
staff move a city to another week and back, its post going along, and the screen
passes axe."""

import datetime

import pytest

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import TakeoverPostFactory, TourPageFactory, TourStopFactory
from events.models import TourBreak, TourIndexPage
from tests.browser.test_takeover_tour import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FIRST_WEEK = datetime.date(2027, 1, 11)


def week(n):
    return FIRST_WEEK + datetime.timedelta(weeks=n - 1)


def test_staff_move_a_city_to_a_week_and_back(
    staff, section, browser, live_server, assert_accessible, screenshot
):
    tour = TourPageFactory(
        parent=section(TourIndexPage),
        title="Safe City Tour 2027",
        first_week=FIRST_WEEK,
        number_of_weeks=5,
        breaks=[TourBreak(week_start=week(3), reason="Winter holiday")],
    )
    oslo = CityPageFactory(parent=section(CityIndexPage), title="Oslo")
    stop = TourStopFactory(tour=tour, city=oslo, week_start=week(1))
    post = TakeoverPostFactory(stop=stop, day=week(1) + datetime.timedelta(days=2))

    admin = sign_in(browser, live_server, staff)
    admin.goto(f"/admin/tours/{tour.pk}/schedule/")
    assert_accessible(admin)
    move_to = admin.locator("#week-1").get_by_label("Move to")
    assert "week 3" not in move_to.inner_text()  # the break is not offered

    move_to.select_option(label="week 4 (1 February 2027)")
    admin.locator("#week-1").get_by_role("button", name="Move", exact=True).click()
    admin.wait_for_load_state()
    assert "with its 1 post" in admin.locator(".messages").inner_text()
    assert "Oslo" in admin.locator("#week-4").inner_text()
    post.refresh_from_db()
    assert post.day == week(4) + datetime.timedelta(days=2)
    screenshot(admin, "tour-planner-moved")

    admin.locator("#week-4").get_by_label("Move to").select_option(label="week 1 (11 January 2027)")
    admin.locator("#week-4").get_by_role("button", name="Move", exact=True).click()
    admin.wait_for_load_state()
    assert "Oslo" in admin.locator("#week-1").inner_text()
    post.refresh_from_db()
    assert post.day == week(1) + datetime.timedelta(days=2)
    assert_accessible(admin)
