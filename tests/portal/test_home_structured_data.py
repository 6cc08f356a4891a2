"""The home page describes the network itself as a schema.org Organization."""

import pytest

from tests.cities.test_city_structured_data import json_ld

pytestmark = pytest.mark.django_db


def test_the_home_page_describes_the_network_as_an_organization(client, home):
    html = client.get("/").content.decode()
    [network] = json_ld(html)

    assert network["@context"] == "https://schema.org"
    assert network["@type"] == "Organization"
    assert network["name"] == "Nordic Safe Cities"
    assert network["url"] == home.get_full_url()
    assert network["description"] == home.introduction
    assert network["foundingDate"] == "2016"
