"""Under /fi/ every page type writes the same complete JSON-LD as in English, in the
language of the page shown: Finnish translations name their goals, country and network
in Finnish."""

import pytest

from tests.structured_data import only_item

pytestmark = pytest.mark.django_db


def test_every_page_type_describes_its_finnish_translation(client, public_site, translate):
    home = translate(public_site["home"], "fi")
    city = translate(public_site["city"], "fi", title="Tukholma")
    practice = translate(public_site["practice"], "fi", title="Turvallisuuskävelyt")
    story = translate(public_site["story"], "fi", title="Kaupungit kertovat")
    event = translate(public_site["event"], "fi", title="Huippukokous")

    network = only_item(client.get(home.url))
    assert network["url"] == "http://testserver/"

    place = only_item(client.get(city.url))
    assert (place["name"], place["containedInPlace"]["name"]) == ("Tukholma", "Ruotsi")
    assert place["url"] == city.get_full_url()
    assert "/fi/" in place["url"]

    work = only_item(client.get(practice.url))
    assert work["name"] == "Turvallisuuskävelyt"
    assert work["inLanguage"] == "fi"
    assert work["url"] == practice.get_full_url()
    assert [term["name"] for term in work["about"]] == [
        term.name for term in [*practice.charter_goals.all(), *practice.capital_code_themes.all()]
    ]
    assert all(term.locale_id == practice.locale_id for term in practice.charter_goals.all())
    # A translated practice keeps the city it was written in (PracticePage.city).
    assert work["spatialCoverage"]["name"] == practice.city.title

    article = only_item(client.get(story.url), recommended=False)
    assert (article["headline"], article["inLanguage"]) == ("Kaupungit kertovat", "fi")

    happening = only_item(client.get(event.url))
    assert happening["name"] == "Huippukokous"
    assert happening["location"]["address"]["addressLocality"] == event.host_city.title


def test_an_english_practice_shown_under_fi_is_described_as_it_is(client, public_site):
    practice = public_site["practice"]
    work = only_item(client.get("/fi" + practice.url))

    assert work["inLanguage"] == "en"
    assert work["url"] == practice.get_full_url()
