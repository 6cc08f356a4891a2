"""The page listing says in words where a page can be added (portal.wagtail_hooks): Wagtail
alone shows a bare (+), named only for screen readers, or hides the offer in a menu."""

import re

import pytest
from django.urls import reverse

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def add_child_buttons(html):
    """The pages under which a listing's visible 'Add child page' buttons add a page."""
    return [
        page
        for page, content in re.findall(
            r'<a [^>]*href="/admin/pages/(\d+)/add_subpage/"[^>]*>(.*?)</a>', html, re.S
        )
        if re.sub(r"<[^>]+>", "", content).strip() == "Add child page"
    ]


def test_each_row_where_a_page_can_be_added_says_so_in_words(staff, section):
    cities = section(CityIndexPage)
    oslo = CityPageFactory(parent=cities, title="Oslo")

    listing = logged_in(staff).get(reverse("wagtailadmin_explore", args=[cities.pk]))

    assert str(oslo.pk) in add_child_buttons(listing.content.decode())


def test_no_such_button_where_the_user_may_not_add(approved_city, section):
    stockholm, editor = approved_city("Stockholm", "SE")
    stockholm.save_revision().publish()
    CityPageFactory(parent=section(CityIndexPage), title="Oslo")

    # A city's editor may add under their own city only; Wagtail shows them no other.
    listing = logged_in(editor).get(reverse("wagtailadmin_explore", args=[stockholm.pk]))

    assert listing.status_code == 200
    assert add_child_buttons(listing.content.decode()) == []
    assert "portal/css/admin-labels.css" in listing.content.decode()
