"""The admin home page in Chromium: a city editor goes from their dashboard to a new
practice's form in one click; a post the editor submits reaches staff's dashboard and
their inbox; the portal's panels pass axe."""

import pytest
from django.core import mail

from events.factories import TakeoverPostFactory, TourPageFactory, TourStopFactory
from events.models import TourIndexPage
from tests.browser.test_takeover_tour import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_editor_adds_a_practice_from_the_dashboard(
    approved_city, browser, live_server, assert_accessible, screenshot
):
    stockholm, editor = approved_city("Stockholm", "SE")
    stockholm.save_revision().publish()

    admin = sign_in(browser, live_server, editor)
    panel = admin.locator("#city-stockholm-section")
    assert "Your city: Stockholm" in panel.inner_text()
    screenshot(admin, "dashboard-editor")
    assert_accessible(admin)

    admin.get_by_role("link", name="Add a practice").click()
    admin.wait_for_load_state()

    assert admin.url.endswith(f"/admin/pages/add/practices/practicepage/{stockholm.pk}/")
    assert admin.get_by_label("Title").first.is_visible()


def test_a_submitted_post_puts_a_notice_on_staffs_dashboard_and_in_the_outbox(
    approved_city, staff, section, browser, live_server, assert_accessible, screenshot
):
    stockholm, editor = approved_city("Stockholm", "SE")
    stockholm.save_revision().publish()
    tour = TourPageFactory(parent=section(TourIndexPage), channels=["linkedin"])
    stop = TourStopFactory(tour=tour, city=stockholm)
    TakeoverPostFactory(stop=stop, created_by=editor)

    city = sign_in(browser, live_server, editor)
    city.goto(f"/admin/tours/stops/{stop.pk}/")
    city.get_by_role("button", name="Submit for approval").click()
    city.wait_for_load_state()

    (message,) = [message for message in mail.outbox if message.to == [staff.email]]
    assert "Takeover post submitted for review" in message.subject
    admin = sign_in(browser, live_server, staff)
    notices = admin.locator("#notices-section")
    assert "Takeover post submitted for review: Stockholm" in notices.inner_text()
    screenshot(admin, "dashboard-staff")
    assert_accessible(admin)
    notices.get_by_role("link", name="Takeover post submitted for review").click()
    admin.wait_for_load_state()
    assert admin.url.endswith(f"/admin/tours/stops/{stop.pk}/")
    assert_accessible(admin)
