"""The home page describes the network itself as a schema.org Organization, the one every
other page names as publisher or organiser."""

import pytest

from tests.structured_data import only_item

pytestmark = pytest.mark.django_db


def test_the_home_page_describes_the_network_as_an_organization(client, home):
    network = only_item(client.get("/"))

    assert network["@type"] == "Organization"
    assert network["@id"] == home.get_full_url() + "#organization"
    assert network["name"] == "Nordic Safe Cities"
    assert network["url"] == home.get_full_url()
    assert network["description"] == home.introduction
    assert network["foundingDate"] == "2016"
    assert network["logo"]["url"] == "http://testserver/static/theme/favicon.svg"
