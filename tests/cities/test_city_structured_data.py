"""A city page carries schema.org JSON-LD: a City contained in its region and country,
with its position, and text that cannot close the script element."""

import json
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country

pytestmark = pytest.mark.django_db


class JsonLdScripts(HTMLParser):
    """The parsed contents of every <script type="application/ld+json"> on a page."""

    def __init__(self):
        super().__init__()
        self.items, self.inside = [], False

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "script" and dict(attrs).get("type") == "application/ld+json"

    def handle_data(self, data):
        if self.inside:
            self.items.append(json.loads(data))

    def handle_endtag(self, tag):
        self.inside = False


def json_ld(html):
    parser = JsonLdScripts()
    parser.feed(html)
    return parser.items


def test_a_city_page_describes_a_city_in_its_region_and_country(client, section):
    uppsala = CityPageFactory(
        parent=section(CityIndexPage),
        title="Uppsala",
        country=Country.SWEDEN,
        region="Uppsala County",
        latitude=Decimal("59.85856"),
        longitude=Decimal("17.63893"),
        introduction="A university city </script><script>alert(1)</script> & more",
    )

    html = client.get(uppsala.url).content.decode()
    [city] = json_ld(html)

    assert city["@context"] == "https://schema.org"
    assert city["@type"] == "City"
    assert city["name"] == "Uppsala"
    assert city["url"].endswith(uppsala.url)
    assert city["containedInPlace"] == {
        "@type": "AdministrativeArea",
        "name": "Uppsala County",
        "containedInPlace": {"@type": "Country", "name": "Sweden"},
    }
    assert city["geo"] == {"@type": "GeoCoordinates", "latitude": 59.85856, "longitude": 17.63893}
    assert city["description"] == uppsala.introduction
    assert "<script>alert(1)" not in html


def test_a_city_without_region_or_position_is_still_placed_in_its_country(client, section):
    oslo = CityPageFactory(
        parent=section(CityIndexPage),
        title="Oslo",
        country=Country.NORWAY,
        region="",
        latitude=None,
        longitude=None,
    )

    [city] = json_ld(client.get("/fi" + oslo.url).content.decode())
    assert city["containedInPlace"] == {"@type": "Country", "name": "Norja"}
    assert "geo" not in city
