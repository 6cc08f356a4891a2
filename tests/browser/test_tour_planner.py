"""The tour schedule in Chromium. Staff move a city to another week and back, its post
going along, both with the forms (the keyboard and no-JavaScript path) and by dragging
(events/js/tour-planner.js, which fills in and sends those same forms); a drop on a
break is refused in words; the screen passes axe. A city editor chooses a post's
related practices in Wagtail's page chooser."""

import datetime

import pytest

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import TakeoverPostFactory, TourPageFactory, TourStopFactory
from events.models import TakeoverPost, TourBreak, TourIndexPage
from practices.factories import PracticePageFactory
from tests.browser.test_takeover_tour import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FIRST_WEEK = datetime.date(2027, 1, 11)


def week(n):
    return FIRST_WEEK + datetime.timedelta(weeks=n - 1)


@pytest.fixture
def tour(section):
    return TourPageFactory(
        parent=section(TourIndexPage),
        title="Safe City Tour 2027",
        first_week=FIRST_WEEK,
        number_of_weeks=5,
        breaks=[TourBreak(week_start=week(3), reason="Winter holiday")],
    )


def drag(page, source, target):
    """Drag one element of the schedule onto another, as a hand on a mouse does.

    Playwright's drag_to presses on the source and then scrolls the target into view;
    Chromium starts the drag only at the first move after the press, and picks what is
    under the pointer by then, which after the scroll is another week. A small move
    first starts the drag on the source."""
    page.locator(source).hover()
    page.mouse.down()
    box = page.locator(source).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2 + 10, box["y"] + box["height"] / 2 + 10)
    page.locator(target).hover()
    page.mouse.up()


def drop_and_wait(page, source, target):
    """Drag, and wait for the page that the dropped form was sent to."""
    with page.expect_navigation():
        drag(page, source, target)


def test_staff_move_a_city_to_a_week_and_back(
    staff, tour, section, browser, live_server, assert_accessible, screenshot
):
    oslo = CityPageFactory(parent=section(CityIndexPage), title="Oslo")
    stop = TourStopFactory(tour=tour, city=oslo, week_start=week(1))
    post = TakeoverPostFactory(stop=stop, day=week(1) + datetime.timedelta(days=2))

    admin = sign_in(browser, live_server, staff)
    # Without the drag-and-drop script (blocked, failed or switched off) the forms do it
    # all, and nothing offers a drag that would not work.
    admin.route("**/events/js/tour-planner.js", lambda route: route.abort())
    admin.goto(f"/admin/tours/{tour.pk}/schedule/")
    assert admin.locator("tr[draggable=true]").count() == 0
    assert not admin.get_by_text("Drag a city onto another week").is_visible()
    assert_accessible(admin)
    move_to = admin.locator("#week-1").get_by_label("Move to")
    assert "week 3" not in move_to.inner_text()  # the break is not offered

    move_to.select_option(label="week 4 (1 February 2027)")
    admin.locator("#week-1").get_by_role("button", name="Move", exact=True).focus()
    with admin.expect_navigation():
        admin.keyboard.press("Enter")
    assert "with its 1 post" in admin.locator(".messages").inner_text()
    assert "Oslo" in admin.locator("#week-4").inner_text()
    post.refresh_from_db()
    assert post.day == week(4) + datetime.timedelta(days=2)
    screenshot(admin, "tour-planner-moved")

    admin.locator("#week-4").get_by_label("Move to").select_option(label="week 1 (11 January 2027)")
    admin.locator("#week-4").get_by_role("button", name="Move", exact=True).focus()
    with admin.expect_navigation():
        admin.keyboard.press("Enter")
    assert "Oslo" in admin.locator("#week-1").inner_text()
    post.refresh_from_db()
    assert post.day == week(1) + datetime.timedelta(days=2)
    assert_accessible(admin)


def test_staff_drag_a_city_to_a_week_and_back_and_not_into_a_break(
    staff, tour, section, browser, live_server, assert_accessible, screenshot
):
    directory = section(CityIndexPage)
    oslo = CityPageFactory(parent=directory, title="Oslo")
    TourStopFactory(
        tour=tour, city=CityPageFactory(parent=directory, title="Turku"), week_start=week(2)
    )
    CityPageFactory(parent=directory, title="Bergen")
    stop = TourStopFactory(tour=tour, city=oslo, week_start=week(1))
    post = TakeoverPostFactory(stop=stop, day=week(1) + datetime.timedelta(days=2))

    admin = sign_in(browser, live_server, staff)
    admin.set_viewport_size({"width": 1366, "height": 900})
    admin.goto(f"/admin/tours/{tour.pk}/schedule/")
    assert admin.get_by_text("Drag a city onto another week").is_visible()
    assert_accessible(admin)
    screenshot(admin, "tour-planner-1366")

    drop_and_wait(admin, "#week-1 th", "#week-4")
    assert "with its 1 post" in admin.locator(".messages").inner_text()
    assert "Oslo" in admin.locator("#week-4").inner_text()
    post.refresh_from_db()
    assert post.day == week(4) + datetime.timedelta(days=2)

    drop_and_wait(admin, "#week-4 th", "#week-1")
    assert "Oslo" in admin.locator("#week-1").inner_text()
    post.refresh_from_db()
    assert post.day == week(1) + datetime.timedelta(days=2)

    # Onto another city's week, the two swap.
    drop_and_wait(admin, "#week-1 th", "#week-2")
    assert "Turku" in admin.locator("#week-1").inner_text()
    assert "Oslo" in admin.locator("#week-2").inner_text()

    drop_and_wait(admin, "#week-2 th", "#week-3")
    conflicts = admin.locator("#schedule-conflicts").inner_text()
    assert "Oslo would be in week 3 (25 January 2027), which is a break." in conflicts
    stop.refresh_from_db()
    assert stop.week_start == week(2)
    screenshot(admin, "tour-planner-break-refused")

    # A city without a week, dropped on an open one, fills in its assignment; the
    # browser asks for the focus topic before anything is sent.
    drag(admin, "[data-city]:text('Bergen')", "#week-5")
    assert admin.locator("#city-5 option:checked").inner_text() == "Bergen"
    admin.locator("#topic-5").fill("Safe nightlife")
    with admin.expect_navigation():
        admin.locator("#topic-5").press("Enter")
    assert "Bergen" in admin.locator("#week-5").inner_text()
    assert_accessible(admin)


def test_a_city_editor_chooses_related_practices_in_the_page_chooser(
    approved_city, tour, section, browser, live_server, assert_accessible, screenshot
):
    stockholm, editor = approved_city("Stockholm", "SE")
    stockholm.save_revision().publish()
    oslo = CityPageFactory(parent=section(CityIndexPage), title="Oslo")
    PracticePageFactory(parent=oslo, title="Safety walks after dark")
    PracticePageFactory(parent=stockholm, title="Safe nightlife in Stureplan")
    stop = TourStopFactory(tour=tour, city=stockholm, week_start=week(1))

    admin = sign_in(browser, live_server, editor)
    admin.set_viewport_size({"width": 1366, "height": 900})
    admin.goto(f"/admin/events_takeoverpost/new/?stop={stop.pk}&day={week(1)}&channel=linkedin")
    admin.locator("#id_text").fill("Two ways we keep the night safe")
    admin.get_by_role("button", name="Add practice").click()
    chooser = admin.get_by_role("dialog")
    chooser.get_by_role("textbox", name="Search term").fill("safe")
    for title in ("Safe nightlife in Stureplan", "Safety walks after dark"):
        chooser.get_by_role("checkbox", name=title).check()
    chooser.get_by_role("button", name="Confirm selection").click()
    assert admin.get_by_text("Safety walks after dark").is_visible()
    assert_accessible(admin)
    screenshot(admin, "takeover-post-form-practices")

    with admin.expect_navigation():
        admin.get_by_role("button", name="Create").click()
    post = TakeoverPost.objects.get()
    assert sorted(post.related_practices.values_list("title", flat=True)) == [
        "Safe nightlife in Stureplan",
        "Safety walks after dark",
    ]
