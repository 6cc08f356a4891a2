"""Language prefixes, the switcher, hreflang alternates and the fallback to the original."""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from portal.models import StandardPage
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def test_setup_site_creates_a_locale_for_every_language(home):
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {code for code, _name in settings.LANGUAGES}


def test_a_translated_page_is_served_under_its_prefix_with_alternates(client, home, translate):
    about = StandardPage.objects.get(slug="about")
    translate(home, "sv", title="Nordiska trygga städer", introduction="Ett nätverk.")
    translate(about, "sv", title="Om nätverket")

    response = client.get("/sv/about/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv">' in html
    assert "Om nätverket" in html
    assert re.search(r'<main id="main" tabindex="-1">', html)
    assert '<link rel="alternate" hreflang="sv" href="http://testserver/sv/about/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/about/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/about/">' in html
    # Danish has no translation: the page is served there all the same, in English with
    # the interface in Danish, and the switcher and the alternates lead to it.
    assert '<link rel="alternate" hreflang="da" href="http://testserver/da/about/">' in html
    assert 'href="/da/about/" lang="da" hreflang="da">Dansk</a>' in html
    assert 'href="/sv/about/" lang="sv" hreflang="sv" aria-current="true">Svenska</a>' in html


def test_an_untranslated_page_falls_back_to_the_original_with_a_note(client, home, translate):
    translate(home, "sv", title="Nordiska trygga städer", introduction="Ett nätverk.")

    response = client.get("/sv/about/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv">' in html
    assert '<main id="main" tabindex="-1" lang="en">' in html
    assert "Den här sidan finns inte på svenska än." in html
    assert "About the network" in html
    # Each language's address is a page of its own (its interface is in that language),
    # listed in the alternates: it is its own canonical address.
    assert '<link rel="canonical" href="http://testserver/sv/about/">' in html


def test_an_untranslated_page_falls_back_even_without_a_translated_home(client, home):
    response = client.get("/fi/about/")

    assert response.status_code == 200
    assert '<main id="main" tabindex="-1" lang="en">' in response.content.decode()


def test_a_missing_page_is_still_not_found_in_every_language(client, home, translate):
    translate(home, "sv", title="Nordiska trygga städer", introduction="Ett nätverk.")

    assert client.get("/sv/no-such-page/").status_code == 404
    assert client.get("/no-such-page/").status_code == 404


def test_views_outside_the_page_tree_switch_language_with_their_query(client, home):
    html = client.get("/sv/search/", {"q": "trygghet"}).content.decode()

    assert 'href="/search/?q=trygghet" lang="en" hreflang="en">English</a>' in html
    assert 'href="/nb/search/?q=trygghet" lang="nb" hreflang="nb">Norsk bokmål</a>' in html


def test_a_translated_city_lists_its_practices_not_yet_translated(client, home, translate):
    """Practices stay below the original city page until someone translates them; the
    city's Swedish page lists them all the same, marked as English."""
    directory = CityIndexPage.objects.child_of(home).get()
    stockholm = CityPageFactory(parent=directory, title="Stockholm", slug="stockholm")
    walks = PracticePageFactory(parent=stockholm, title="Safety walks", slug="walks")
    translated = PracticePageFactory(parent=stockholm, title="Night walkers", slug="night")
    translate(stockholm, "sv", title="Stockholm")
    translate(translated, "sv", title="Nattvandrare")

    html = client.get("/sv/cities/stockholm/").content.decode()

    # Linked under the visitor's prefix, where the original is served.
    assert f'href="/sv{walks.url}" lang="en" hreflang="en">Safety walks</a>' in html
    assert ">Nattvandrare</a>" in html
    assert ">Night walkers</a>" not in html
