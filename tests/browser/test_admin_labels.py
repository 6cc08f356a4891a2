"""The page explorer's "Add child page" in Chromium: Wagtail draws it as a bare + in the
header; portal/css/admin-labels.css writes its name beside it, and the screen passes axe."""

import pytest

from tests.browser.test_takeover_tour import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_city_editor_sees_add_child_page_in_words(
    approved_city, browser, live_server, assert_accessible, screenshot
):
    stockholm, editor = approved_city("Stockholm", "SE")
    stockholm.save_revision().publish()

    admin = sign_in(browser, live_server, editor)
    admin.set_viewport_size({"width": 1366, "height": 900})
    admin.goto(f"/admin/pages/{stockholm.pk}/")
    add = admin.locator("header").get_by_role("link", name="Add child page")

    shown = add.evaluate("link => getComputedStyle(link, '::after').content")
    assert shown == '"Add child page"'
    assert add.bounding_box()["width"] > 100  # the words fit, not only the +
    screenshot(admin, "explorer-add-child-page")
    assert_accessible(admin)

    add.click()
    admin.wait_for_load_state()
    assert "/add_subpage/" in admin.url or "/add/practices/practicepage/" in admin.url
