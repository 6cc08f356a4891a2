"""A city page carries schema.org JSON-LD: a City contained in its region and country,
with its position, and text that cannot close the script element."""

from decimal import Decimal

import pytest

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from tests.structured_data import only_item

pytestmark = pytest.mark.django_db


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

    response = client.get(uppsala.url)
    city = only_item(response)

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
    assert "<script>alert(1)" not in response.content.decode()


def test_a_city_without_region_or_position_is_still_placed_in_its_country(client, section):
    oslo = CityPageFactory(
        parent=section(CityIndexPage),
        title="Oslo",
        country=Country.NORWAY,
        region="",
        latitude=None,
        longitude=None,
    )

    city = only_item(client.get("/fi" + oslo.url))
    assert city["containedInPlace"] == {"@type": "Country", "name": "Norja"}
    assert "geo" not in city
