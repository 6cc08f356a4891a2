"""A page's privacy covers it in every language: making a page private, changing how,
or opening it again, in any language, does the same to its translations."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(section):
    return CityPageFactory(
        parent=section(CityIndexPage), title="Hiddenburg", slug="hiddenburg", country=Country.NORWAY
    )


@pytest.fixture
def swedish(city, translate):
    return translate(city, "sv", title="Hiddenborg")


def restrictions_of(page):
    return sorted(
        (r.restriction_type, r.password, sorted(r.groups.values_list("name", flat=True)))
        for r in PageViewRestriction.objects.filter(page=page)
    )


def test_restricting_a_page_restricts_its_translation_for_visitors(client, city, swedish):
    assert "Hiddenborg" in client.get("/sv/cities/").content.decode()

    PageViewRestriction.objects.create(page=city, restriction_type=PageViewRestriction.LOGIN)

    assert restrictions_of(swedish) == [("login", "", [])]
    assert "Hiddenborg" not in client.get("/sv/cities/").content.decode()
    response = client.get(swedish.url)
    assert response.status_code == 302
    assert "/login/?next=" in response["Location"]


def test_a_restriction_made_on_the_translation_covers_the_original(city, swedish):
    PageViewRestriction.objects.create(
        page=swedish, restriction_type=PageViewRestriction.PASSWORD, password="hush"
    )

    assert restrictions_of(city) == [("password", "hush", [])]


def test_changing_how_a_page_is_restricted_changes_its_translation(city, swedish):
    restriction = PageViewRestriction.objects.create(
        page=city, restriction_type=PageViewRestriction.LOGIN
    )
    # As Wagtail's privacy dialogue saves a change: the restriction, then its groups.
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set([Group.objects.get(name="Network staff")])

    assert restrictions_of(swedish) == [("groups", "", ["Network staff"])]
    assert restrictions_of(city) == [("groups", "", ["Network staff"])]


def test_opening_a_page_again_opens_its_translation(city, swedish):
    restriction = PageViewRestriction.objects.create(
        page=city, restriction_type=PageViewRestriction.LOGIN
    )

    restriction.delete()

    assert restrictions_of(swedish) == []


def test_deleting_a_private_page_leaves_its_translation_private(city, swedish):
    PageViewRestriction.objects.create(page=city, restriction_type=PageViewRestriction.LOGIN)

    city.delete()

    assert restrictions_of(swedish) == [("login", "", [])]
