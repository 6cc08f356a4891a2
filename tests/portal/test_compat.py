"""The portal's uses of names Wagtail does not publish (portal/compat.py) still do what
they are kept for: these fail when an upgrade of Wagtail changes that."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from portal import compat
from portal.models import HomePage

pytestmark = pytest.mark.django_db


def test_wagtail_answers_the_remembered_site_without_a_query(rf, home):
    site = Site.objects.get()
    request = rf.get("/")

    compat.remember_site(request, site)
    with CaptureQueriesContext(connection) as captured:
        found = Site.find_for_request(request)

    assert found is site
    assert len(captured) == 0


def test_wagtail_routes_from_the_remembered_sites_home_page(rf, home):
    """Wagtail's serve view routes from the home page of the site it finds for the
    request: the one handed over, as its own type, not read again."""
    site = Site.objects.get()
    site.root_page = HomePage.objects.get(pk=home.pk)
    request = rf.get("/")

    compat.remember_site(request, site)
    with CaptureQueriesContext(connection) as captured:
        page, _args, _kwargs = Page.route_for_request(request, "/")

    assert page is site.root_page
    assert not [query for query in captured if 'FROM "wagtailcore_site"' in query["sql"]]
