"""The admin home page in Chromium: a city editor goes from their dashboard to a new
practice's form in one click, and the portal's panels pass axe."""

import pytest

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
