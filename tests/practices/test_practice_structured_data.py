"""A practice page describes the practice as a schema.org CreativeWork: its goals and
themes, its city in its country, who wrote it and who publishes it."""

import pytest

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from portal.factories import PortalImageFactory
from portal.models import CapitalCodeTheme, CharterGoal
from practices.factories import PracticePageFactory
from tests.structured_data import only_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(section, home):
    city = CityPageFactory(
        parent=section(CityIndexPage), title="Södertälje", country=Country.SWEDEN, region=""
    )
    return PracticePageFactory(
        parent=city,
        title="Safety walks </script><script>alert(1)</script>",
        charter_goals=[CharterGoal.objects.get(slug="safe-urban-spaces", locale=home.locale)],
        capital_code_themes=[
            CapitalCodeTheme.objects.get(slug="local-safe-city-alliances", locale=home.locale)
        ],
        tags=["lighting", "public transport"],
        social_image=PortalImageFactory(credit="City of Södertälje"),
    )


def test_a_practice_page_describes_a_creative_work_of_its_city(client, practice):
    response = client.get(practice.url)
    work = only_item(response)

    assert work["@type"] == "CreativeWork"
    assert work["name"] == practice.title
    assert work["url"] == practice.get_full_url()
    assert work["inLanguage"] == "en"
    assert [(term["name"], term["inDefinedTermSet"]["name"]) for term in work["about"]] == [
        ("Safe urban spaces", "Charter goals"),
        ("Build and expand local safe city alliances", "Capital Code themes"),
    ]
    assert work["spatialCoverage"]["@type"] == "City"
    assert work["spatialCoverage"]["name"] == "Södertälje"
    assert work["spatialCoverage"]["containedInPlace"] == {"@type": "Country", "name": "Sweden"}
    assert sorted(work["keywords"]) == ["lighting", "public transport"]
    assert work["author"] == {
        "@type": "GovernmentOrganization",
        "name": "Södertälje",
        "url": practice.city.get_full_url(),
    }
    assert work["publisher"]["@id"] == "http://testserver/#organization"
    assert work["datePublished"].startswith(practice.first_published_at.date().isoformat())
    assert [(image["width"], image["height"]) for image in work["image"]] == [
        (1200, 675),
        (1200, 900),
        (900, 900),
    ]
    assert work["image"][0]["creditText"] == "City of Södertälje"


def test_a_title_cannot_close_the_script_element(client, practice):
    html = client.get(practice.url).content.decode()

    assert "<script>alert(1)" not in html
    assert "Safety walks \\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in html
