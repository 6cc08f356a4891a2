"""The site's public address comes from configuration (WAGTAILADMIN_BASE_URL), and every
absolute link the portal writes is built from it, whatever host a request named."""

import json
import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from icalendar import Calendar
from wagtail.models import Site

from tests.i18n.site import build_public_site

pytestmark = pytest.mark.django_db

ADDRESS = "https://safecities.example.org"


@pytest.fixture
def configured_site(settings):
    settings.WAGTAILADMIN_BASE_URL = ADDRESS
    return build_public_site()


def test_setup_site_gives_the_site_the_configured_host_and_port(db):
    with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000"):
        call_command("setup_site", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)

    # A second run follows a changed configuration.
    with override_settings(WAGTAILADMIN_BASE_URL=ADDRESS):
        call_command("setup_site", verbosity=0)
    site.refresh_from_db()
    assert site.root_url == ADDRESS
    assert Site.objects.count() == 1


def test_pages_write_absolute_links_on_the_configured_host(client, configured_site):
    practice_path = configured_site["practice"].url

    html = client.get(f"/fi{practice_path}", HTTP_HOST="localhost").content.decode()

    assert f'<link rel="canonical" href="{ADDRESS}/fi{practice_path}">' in html
    assert f'<link rel="alternate" hreflang="en" href="{ADDRESS}{practice_path}">' in html
    assert f'<meta property="og:url" content="{ADDRESS}/fi{practice_path}">' in html
    assert "http://localhost" not in html


def test_event_data_calendars_and_the_api_use_the_configured_host(client, configured_site):
    event = configured_site["event"]
    tour = configured_site["tour"]

    html = client.get(event.url, HTTP_HOST="localhost").content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    event_calendar = Calendar.from_ical(client.get(f"{event.url}calendar.ics").content)
    tour_calendar = Calendar.from_ical(client.get(f"{tour.url}calendar/").content)
    api = client.get(f"/api/v2/events/{event.pk}/", HTTP_HOST="localhost").json()

    assert data["url"] == f"{ADDRESS}{event.url}"
    assert str(event_calendar.walk("VEVENT")[0]["URL"]) == f"{ADDRESS}{event.url}"
    assert [
        str(stop["UID"]).endswith("@safecities.example.org")
        for stop in tour_calendar.walk("VEVENT")
    ] == [True]
    city_week = f"{ADDRESS}{tour.url}{configured_site['city'].slug}/"
    assert [str(stop["URL"]) for stop in tour_calendar.walk("VEVENT")] == [city_week]
    assert api["meta"]["html_url"] == f"{ADDRESS}{event.url}"
    assert "localhost" not in html
